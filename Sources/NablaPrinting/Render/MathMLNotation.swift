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
/// `sigma` → σ, `loss` → loss upright.
package func mathmlIdentifier(_ name: String) -> String {
    func stem(_ s: String) -> String {
        if let g = GreekLetters.letter(named: s) { return "<mi>\(g)</mi>" }
        return s.count == 1 ? "<mi>\(escapedXML(s))</mi>" : "<mi mathvariant=\"normal\">\(escapedXML(s))</mi>"
    }
    let parts = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
    if parts.count > 1 { return "<msub>\(stem(parts[0]))<mn>\(escapedXML(parts.dropFirst().joined(separator: ",")))</mn></msub>" }
    let letters = name.prefix { !$0.isNumber }
    let digits = name.dropFirst(letters.count)
    if !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) {
        return "<msub>\(stem(String(letters)))<mn>\(digits)</mn></msub>"
    }
    return stem(name)
}

package func escapedXML(_ s: String) -> String {
    s.replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
}

extension String {
    /// Each character found in `map` replaced by its value.
    package func replacingAll(_ map: [Character: String]) -> String {
        var out = ""
        for c in self { out += map[c] ?? String(c) }
        return out
    }
}
