import NablaCore

/// Plain text that `nabla` reads back: `3x1 - 2·exp(x2)/(1 + x1^2)`.
struct TextNotation: InlineNotationStyle {
    var euler: String { "e" }
    var undefined: String { "undefined" }
    var powerOperator: String { "^" }

    /// `3x1`, but never `3e1` (a decimal literal) or `3o` (the composition operator).
    func separator(leftIsNumber: Bool, rightIsSymbol: Bool, right: String) -> String {
        let readsBack = !(right.first.map { "0123456789eEo".contains($0) } ?? true)
        return leftIsNumber && rightIsSymbol && readsBack ? "" : "·"
    }

    func function(_ f: ElementaryFunction, named name: String?, _ argument: String) -> ExpressionPrinter.Printed {
        .init(text: "\(name ?? f.rawValue)(\(argument))", level: .atom)
    }
}
