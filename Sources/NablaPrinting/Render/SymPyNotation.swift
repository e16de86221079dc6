import NablaCore

/// Text that SymPy's `sympify` reads: `3*x1 - 2*exp(x2)/(1 + x1**2)`.
struct SymPyNotation: InlineNotationStyle {
    var euler: String { "exp(1)" }
    var undefined: String { "nan" }
    var powerOperator: String { "**" }

    func separator(leftIsNumber: Bool, rightIsSymbol: Bool, right: String) -> String { "*" }

    /// SymPy's names, and the functions it has none for written out (never the document's names).
    func function(_ f: ElementaryFunction, named name: String?, _ argument: String) -> ExpressionPrinter.Printed {
        let a = argument
        switch f {
        case .sigmoid: return .init(text: "1/(1 + exp(-(\(a))))", level: .product)
        case .abs: return .init(text: "Abs(\(a))", level: .atom)
        case .heaviside: return .init(text: "Heaviside(\(a))", level: .atom)
        case .relu: return .init(text: "Max(0, \(a))", level: .atom)
        case .softplus: return .init(text: "log(1 + exp(\(a)))", level: .atom)
        default: return .init(text: "\(f.rawValue)(\(a))", level: .atom)
        }
    }
}
