import NablaCore

/// What one written form does differently: the printer (``ExpressionPrinter``) decides the
/// order of terms, the signs, where a fraction or a parenthesis goes; a style says how each
/// piece is spelled in its notation. One conformer per ``Notation``.
protocol NotationStyle {
    func identifier(_ name: String) -> String
    var euler: String { get }
    var pi: String { get }
    var undefined: String { get }
    /// A number without its sign (the printer adds it): `3`, `\frac{1}{2}`, `1/2`.
    func magnitude(_ r: Rational) -> String
    /// The signs of a sum: between terms, and before a first negative term.
    var plus: String { get }
    var minus: String { get }
    var leadingMinus: String { get }
    /// A whole sum's text, wrapped as the notation groups it.
    func sum(_ text: String) -> String
    /// Whether a quotient is stacked (`\frac`, `<mfrac>`) rather than written on one line.
    var stacksFractions: Bool { get }
    func fraction(_ top: ExpressionPrinter.Printed, _ bottom: ExpressionPrinter.Printed) -> String
    /// Between two factors of a product.
    func separator(leftIsNumber: Bool, rightIsSymbol: Bool, right: String) -> String
    func squareRoot(_ base: String) -> String
    func power(_ base: ExpressionPrinter.Printed, _ exponent: ExpressionPrinter.Printed) -> ExpressionPrinter.Printed
    /// `f` applied to `argument`; `name` is the document's own name for it (`sigma`), if any.
    func function(_ f: ElementaryFunction, named name: String?, _ argument: String) -> ExpressionPrinter.Printed
    func parenthesized(_ text: String) -> String
}

extension NotationStyle {
    var leadingMinus: String { "-" }
    var plus: String { " + " }
    var minus: String { " - " }
    func sum(_ text: String) -> String { text }
}

/// The two one-line notations (nabla's text and SymPy's): `a/b`, `x^2` or `x**2`, `sqrt(x)`.
protocol InlineNotationStyle: NotationStyle {
    var powerOperator: String { get }
}

extension InlineNotationStyle {
    func identifier(_ name: String) -> String { name }
    var pi: String { "pi" }
    func magnitude(_ r: Rational) -> String { r.magnitude.description }
    var stacksFractions: Bool { false }
    func fraction(_ top: ExpressionPrinter.Printed, _ bottom: ExpressionPrinter.Printed) -> String {
        let t = top.level < .product ? "(\(top.text))" : top.text
        let b = bottom.level < .power ? "(\(bottom.text))" : bottom.text
        return "\(t)/\(b)"
    }
    func squareRoot(_ base: String) -> String { "sqrt(\(base))" }
    func power(_ base: ExpressionPrinter.Printed, _ exponent: ExpressionPrinter.Printed) -> ExpressionPrinter.Printed {
        let b = base.level < .atom ? "(\(base.text))" : base.text
        let e = exponent.level < .atom ? "(\(exponent.text))" : exponent.text
        return .init(text: b + powerOperator + e, level: .power)
    }
    func parenthesized(_ text: String) -> String { "(\(text))" }
}

extension Notation {
    /// How this notation spells each piece.
    var style: any NotationStyle {
        switch self {
        case .text: TextNotation()
        case .sympy: SymPyNotation()
        case .latex: LaTeXNotation()
        case .mathml: MathMLNotation()
        }
    }
}
