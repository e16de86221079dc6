import NablaCore

/// MathML Core presentation elements (the content of a `<math>` element).
struct MathMLNotation: NotationStyle {
    func identifier(_ name: String) -> String { mathmlIdentifier(name) }
    var euler: String { "<mi>e</mi>" }
    var pi: String { "<mi>π</mi>" }
    var undefined: String { "<mtext>undefined</mtext>" }
    func magnitude(_ r: Rational) -> String {
        r.isInteger ? "<mn>\(r.numerator.magnitude)</mn>" : "<mfrac><mn>\(r.numerator.magnitude)</mn><mn>\(r.denominator)</mn></mfrac>"
    }
    var plus: String { "<mo>+</mo>" }
    var minus: String { "<mo>\u{2212}</mo>" }
    var leadingMinus: String { "<mo>\u{2212}</mo>" }
    func sum(_ text: String) -> String { "<mrow>\(text)</mrow>" }
    var stacksFractions: Bool { true }
    func fraction(_ top: ExpressionPrinter.Printed, _ bottom: ExpressionPrinter.Printed) -> String {
        "<mfrac><mrow>\(top.text)</mrow><mrow>\(bottom.text)</mrow></mfrac>"
    }
    /// `·` before a number, the invisible times otherwise.
    func separator(leftIsNumber: Bool, rightIsSymbol: Bool, right: String) -> String {
        right.hasPrefix("<mn>") ? "<mo>·</mo>" : "<mo>\u{2062}</mo>"
    }
    func squareRoot(_ base: String) -> String { "<msqrt>\(base)</msqrt>" }
    func power(_ base: ExpressionPrinter.Printed, _ exponent: ExpressionPrinter.Printed) -> ExpressionPrinter.Printed {
        let b = base.level < .atom || base.text.hasPrefix("<mfrac") || base.text.hasPrefix("<msup") ? parenthesized(base.text) : base.text
        return .init(text: "<msup><mrow>\(b)</mrow><mrow>\(exponent.text)</mrow></msup>", level: .power)
    }
    func function(_ f: ElementaryFunction, named name: String?, _ argument: String) -> ExpressionPrinter.Printed {
        if let name { return .init(text: "<mrow>\(mathmlIdentifier(name))<mo>\u{2061}</mo>\(parenthesized(argument))</mrow>", level: .atom) }
        switch f {
        case .exp: return .init(text: "<msup><mi>e</mi><mrow>\(argument)</mrow></msup>", level: .power)
        case .sigmoid: return .init(text: "<mrow><mi>σ</mi>\(parenthesized(argument))</mrow>", level: .atom)
        case .abs: return .init(text: "<mrow><mo>|</mo>\(argument)<mo>|</mo></mrow>", level: .atom)
        default: return .init(text: "<mrow><mi>\(f.mathName)</mi><mo>\u{2061}</mo>\(parenthesized(argument))</mrow>", level: .atom)
        }
    }
    func parenthesized(_ text: String) -> String { "<mrow><mo>(</mo>\(text)<mo>)</mo></mrow>" }
}

/// An identifier in MathML: `x1` → x with subscript 1, `w_1_2` → w with subscript 1,2,
/// `sigma` → σ, `loss` → loss upright, `y_hat` → y with a hat over it.
package func mathmlIdentifier(_ name: String) -> String {
    let parts = IdentifierParts(name)
    var stem: String {
        if let g = GreekLetters.letter(named: parts.stem) { return "<mi>\(g)</mi>" }
        let s = escapedXML(parts.stem)
        return parts.stem.count == 1 ? "<mi>\(s)</mi>" : "<mi mathvariant=\"normal\">\(s)</mi>"
    }
    let marks = ["hat": "^", "bar": "¯", "tilde": "~", "dot": "˙"]
    let accented = parts.accent.map { "<mover accent=\"true\">\(stem)<mo>\(marks[$0]!)</mo></mover>" } ?? stem
    return parts.index.map { "<msub>\(accented)<mn>\(escapedXML($0))</mn></msub>" } ?? accented
}
