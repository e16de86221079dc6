extension Document {
    /// The Jacobian of a list of expressions written in the plain syntax, with respect to
    /// `variables` — what `nabla jacobian 'x*y' 'sin(x)' --wrt x,y` computes.
    ///
    /// ```swift
    /// let doc = try Document(expressions: ["x*y", "sin(x)"], variables: ["x", "y"])
    /// doc.results[0].matrix   // [[y, x], [cos(x), 0]]
    /// ```
    public convenience init(expressions: [String], variables: [String]) throws(Diagnostic) {
        try self.init(source: try Document.source(expressions: expressions, variables: variables),
                      targetName: expressions.count == 1 ? "f" : "F")
    }

    /// The text that ``init(expressions:variables:)`` reads: each expression on a line of its
    /// own, so that a diagnostic points at the right one.
    public static func source(expressions: [String], variables: [String]) throws(Diagnostic) -> SourceText {
        for v in variables where !Document.isIdentifier(v) {
            throw Diagnostic(.syntax, "'\(v)' is not a variable name", at: nil)
        }
        guard !expressions.isEmpty else { throw Diagnostic(.syntax, "no expression given", at: nil) }
        if let bad = expressions.firstIndex(where: { $0.contains("#") }) {
            throw Diagnostic(.syntax, "expression \(bad + 1) contains '#', which starts a comment", at: nil)
        }
        var text = "__nabla_input(\(variables.joined(separator: ", "))) = (\n"
        text += expressions.map { "  " + $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: ",\n")
        text += "\n)\njacobian __nabla_input\n"
        return SourceText(name: "expressions", text: text)
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
