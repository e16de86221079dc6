/// The functions every `.nabla` file knows. A definition of the same name in the file wins.
enum Builtin {
    /// Scalar functions of one argument, with the node they build.
    static let scalar: [String: ElementaryFunction] = [
        "exp": .exp, "log": .log, "ln": .log, "sin": .sin, "cos": .cos, "tan": .tan, "tanh": .tanh,
        "sigmoid": .sigmoid,
    ]
    /// Functions of any number of arguments.
    static let variadic: Set<String> = ["softmax", "logsumexp"]

    static let allNames: [String] = (Array(scalar.keys) + ["sqrt"] + Array(variadic)).sorted()

    static func isBuiltin(_ name: String) -> Bool { scalar[name] != nil || name == "sqrt" || variadic.contains(name) }

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

    /// The builtin as a link of a composition, taking `arity` arguments (named `softmax·x1`…, names no input can spell)
    /// (elementwise for the scalar functions).
    static func link(_ name: String, arity: Int, in store: ExpressionStore, at location: SourceLocation) -> FunctionLink? {
        let parameters = (1...max(arity, 1)).map { store.symbol("\(name)·x\($0)") }
        let components: [ExprID]
        if variadic.contains(name) {
            components = variadic(name, parameters, in: store)
        } else if let f = scalar[name] {
            components = parameters.map { store.apply(f, $0) }
        } else if name == "sqrt" {
            components = parameters.map { store.squareRoot($0) }
        } else {
            return nil
        }
        return FunctionLink(name: name, parameters: parameters, components: components, location: location)
    }
}
