import Foundation
import NablaCore

extension Document {
    /// The Jacobian of a list of expressions written in the plain syntax, with respect to
    /// `variables` — what `nabla jacobian 'x*y' 'sin(x)' --wrt x,y` computes. The function is
    /// named `f` (one expression) or `F`.
    ///
    /// ```swift
    /// let doc = try Document(expressions: ["x*y", "sin(x)"], variables: ["x", "y"])
    /// doc.results[0].matrix   // [[y, x], [cos(x), 0]]
    /// ```
    ///
    /// A diagnostic's line is the number of the expression and its column a column in it;
    /// ``Document/source(expressions:)`` is the text it refers to.
    public convenience init(expressions: [String], variables: [String], budget: Budget? = nil) throws(Diagnostic) {
        var seen = Set<String>()
        for v in variables {
            if !Document.isIdentifier(v) { throw Diagnostic(.syntax, DocumentPhrase.notAVariableName(v), at: nil) }
            if !seen.insert(v).inserted { throw Diagnostic(.duplicateDefinition, DocumentPhrase.variableNamedTwice(v), at: nil) }
        }
        guard !variables.isEmpty else { throw Diagnostic(.syntax, DocumentPhrase.noVariable, at: nil) }
        let source = try Document.source(expressions: expressions)
        try Document.checkSize(source)
        let start = DispatchTime.now().uptimeNanoseconds
        var parser = Parser(source: source)
        let components = try parser.expressionPerLine()
        let parseTime = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let origin = SourceLocation(line: 1, column: 1)
        // A name no input can spell, so that the expressions may call functions named f or F;
        // the results are renamed afterwards.
        let internalName = LocatedName(name: "·input", location: origin)
        let body: ExpressionSyntax = components.count == 1 ? components[0] : .tuple(components, origin)
        let statements: [Statement] = [
            .function(name: internalName, parameters: variables.map { LocatedName(name: $0, location: origin) }, body: body),
            .command(.jacobian, chain: [internalName], wrt: nil, location: origin),
        ]
        try self.init(source: source, statements: statements, parseTime: parseTime, budget: budget, warnings: parser.warnings)
        renameTargets(from: internalName.name, to: expressions.count == 1 ? "f" : "F")
    }

    /// The text that ``init(expressions:variables:)`` reads: one expression a line, so that a
    /// diagnostic's line is the expression's number. Its diagnostics render as
    /// `expression 2, column 5: error: …`.
    public static func source(expressions: [String]) throws(Diagnostic) -> SourceText {
        guard !expressions.isEmpty else { throw Diagnostic(.syntax, DocumentPhrase.noExpression, at: nil) }
        if let bad = expressions.firstIndex(where: { $0.contains("#") }) {
            let column = expressions[bad].distance(from: expressions[bad].startIndex, to: expressions[bad].firstIndex(of: "#")!) + 1
            throw Diagnostic(.syntax, DocumentPhrase.hashInExpression,
                             at: SourceLocation(line: bad + 1, column: column))
        }
        if let bad = expressions.firstIndex(where: { $0.contains("\n") }) {
            throw Diagnostic(.syntax, DocumentPhrase.expressionOnSeveralLines(bad + 1), at: nil)
        }
        return SourceText(name: SourceText.commandLineArguments, text: expressions.joined(separator: "\n"))
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.first, first.isLetter || first == "_" else { return false }
        return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
