import NablaCalculus
import NablaCore

/// The functions every `.nabla` file knows. A definition of the same name in the file wins.
package enum Builtin {
    /// Scalar functions of one argument, with the node they build.
    package static let scalar: [String: ElementaryFunction] = [
        "exp": .exp, "log": .log, "ln": .log, "sin": .sin, "cos": .cos, "tan": .tan, "tanh": .tanh,
        "sigmoid": .sigmoid, "asin": .asin, "arcsin": .asin, "acos": .acos, "arccos": .acos, "atan": .atan, "arctan": .atan,
        "sinh": .sinh, "cosh": .cosh, "abs": .abs, "sign": .sign, "softplus": .softplus, "relu": .relu, "heaviside": .heaviside,
    ]
    /// Functions of one argument built from others: `log2(x)` is `log(x)/log(2)`.
    static let derived: Set<String> = ["sqrt", "log2", "log10"]
    /// Functions of two arguments: `max(a, b)`, `min(a, b)`, `log(x, base)`.
    static let binary: Set<String> = ["max", "min", "log"]
    /// Functions of any number of arguments.
    static let variadic: Set<String> = ["softmax", "logsumexp"]
    /// The sum of the entries of a vector, or of its arguments: `sum(v)`, `sum(a, b)`.
    static let sum = "sum"

    static let allNames: [String] = Set(Array(scalar.keys) + Array(derived) + Array(binary) + Array(variadic) + [sum]).sorted()

    package static func isBuiltin(_ name: String) -> Bool {
        scalar[name] != nil || derived.contains(name) || binary.contains(name) || variadic.contains(name) || name == sum
    }

    /// A builtin of one argument applied to `a`; nil for a name that is not one.
    static func unary(_ name: String, _ a: ExprID, in store: ExpressionStore) -> ExprID? {
        if let f = scalar[name] { return store.apply(f, a) }
        switch name {
        case "sqrt": return store.squareRoot(a)
        case "log2": return store.divide(store.log(a), store.log(store.number(2)))
        case "log10": return store.divide(store.log(a), store.log(store.number(10)))
        default: return nil
        }
    }

    /// `max(a, b)` as `b + relu(a − b)`, `min(a, b)` as `a − relu(a − b)`, `log(x, b)` as
    /// `log(x)/log(b)`: the derivative rules of `relu` and `log` then give theirs.
    static func binary(_ name: String, _ a: ExprID, _ b: ExprID, in store: ExpressionStore) -> ExprID {
        switch name {
        case "max": return store.add(b, store.apply(.relu, store.subtract(a, b)))
        case "min": return store.subtract(a, store.apply(.relu, store.subtract(a, b)))
        default: return store.divide(store.log(a), store.log(b))   // log(x, base)
        }
    }

    /// The components of a variadic builtin applied to `arguments`.
    static func variadic(_ name: String, _ arguments: [ExprID], in store: ExpressionStore) -> [ExprID] {
        let exps = arguments.map { store.exp($0) }
        switch name {
        case "softmax":
            let total = store.sum(exps)
            return exps.map { store.divide($0, total) }
        default:   // logsumexp
            return [store.log(store.sum(exps))]
        }
    }

    /// The builtin as a link of a composition, taking `arity` arguments named `stem1`, `stem2`…
    /// (elementwise for the functions of one argument).
    static func link(_ name: String, arity: Int, parameterStem stem: String, in store: ExpressionStore, at location: SourceLocation) -> FunctionLink? {
        let parameters = (1...max(arity, 1)).map { store.symbol("\(stem)\($0)") }
        let components: [ExprID]
        if variadic.contains(name) {
            components = variadic(name, parameters, in: store)
        } else if name == sum {
            components = [store.sum(parameters)]
        } else if unary(name, parameters[0], in: store) != nil {
            components = parameters.map { unary(name, $0, in: store)! }
        } else {
            return nil
        }
        return FunctionLink(name: name, parameters: parameters, components: components, location: location)
    }
}
