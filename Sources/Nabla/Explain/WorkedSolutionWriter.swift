/// Writes a ``WorkedSolution`` as a LaTeX document (amsmath, compiles with pdflatex) or as
/// Markdown with `$$` blocks, in English or French.
///
/// What it writes is what `nabla check` reads: every matrix is a claim the checker can verify.
///
/// ```swift
/// let writer = WorkedSolutionWriter(store: doc.store, language: .fr, format: .latex)
/// let tex = writer.document(WorkedSolution(results: doc.results, values: doc.values), title: "chain-rule.nabla")
/// ```
public struct WorkedSolutionWriter {
    public enum Format: Sendable { case latex, markdown }

    let store: ExpressionStore
    let language: Language
    let format: Format
    /// The page width, in characters of the plain text form: a wider matrix is written column by column.
    let width: Int
    private let printer: ExpressionPrinter
    private let plain: ExpressionPrinter
    private let phrases: Phrases

    public init(store: ExpressionStore, language: Language, format: Format, width: Int = 90) {
        self.store = store; self.language = language; self.format = format; self.width = width
        printer = ExpressionPrinter(store: store, notation: .latex)
        plain = ExpressionPrinter(store: store, notation: .text)
        phrases = Phrases.table(language)
    }

    public func document(_ solution: WorkedSolution, title: String) -> String {
        var body = ""
        for step in solution.steps { body += write(step) }
        switch format {
        case .latex:
            return """
            \\documentclass{article}
            \\usepackage[utf8]{inputenc}
            \\usepackage[T1]{fontenc}
            \\usepackage{amsmath}
            \\usepackage[margin=2cm]{geometry}
            \\setcounter{MaxMatrixCols}{20}
            \\begin{document}
            \\section*{\(phrases.title): \(escaped(title))}

            \(body)\\end{document}

            """
        case .markdown:
            return "# \(phrases.title): \(title)\n\n" + body
        }
    }

    // MARK: Steps

    private func write(_ step: WorkedSolution.Step) -> String {
        switch step {
        case let .exercise(n):
            let word = language == .fr ? "Exercice" : "Exercise"
            return format == .latex ? "\n\\section*{\(word) \(n)}\n" : "\n## \(word) \(n)\n\n"
        case let .definitions(links):
            return phrases.functionsIntro + "\n" + links.map { display(definition($0)) }.joined()
        case let .values(values):
            let written = values.map { inline("\(latexIdentifier($0.0)) = \(printer.string($0.1))") }.joined(separator: ", ")
            return phrases.valuesIntro(written) + "\n\n"
        case let .target(r):
            return heading(phrases.jacobianOf(inline(composition(r.links.map(\.name), named: r.target)))) + phrases.factorJacobiansIfNeeded(r)
        case let .factorJacobian(link, m):
            return display(claim(head: "\\nabla \(latexIdentifier(link.name))", variables: link.parameters, value: matrix(m)))
        case let .chainRule(outer, inner, step, isLast):
            let target = gradient(outer.map(\.name) + [inner.name])
            let outerName = gradient(outer.map(\.name))
            var out = phrases.chainRule(inline("\(target)(x) = \(outerName)(\(latexIdentifier(inner.name))(x)) \\cdot \\nabla \(latexIdentifier(inner.name))(x)")) + "\n"
            let product = "\(matrix(step.outerAtInner)) \\cdot \(matrix(step.innerJacobian))"
            out += display(claim(head: target, variables: inner.parameters, value: product))
            out += phrases.firstFactor(inline(outerName), inline("\(latexIdentifier(inner.name))(x)")) + "\n\n"
            if step.product != step.simplified {
                out += claimOrColumns(head: target, variables: inner.parameters, step.product)
                if !isLast {
                    out += phrases.simplifies + "\n" + claimOrColumns(head: target, variables: inner.parameters, step.simplified)
                }
            } else if !isLast {
                out += claimOrColumns(head: target, variables: inner.parameters, step.simplified)
            }
            return out
        case let .result(r):
            let head = r.command == .hessian ? "\\nabla^{2} \(latexIdentifier(r.target))" : gradient(r.links.count > 1 ? r.links.map(\.name) : [r.target])
            let variables = r.variables.map { store.symbol($0) }
            if r.command == .hessian {
                return phrases.result + "\n" + display("\(head) = \(matrix(r.matrix))")
            }
            let simplified = r.derivation?.steps.last.map { $0.product != $0.simplified } == true
            return claimOrColumns(head: head, variables: variables, r.matrix,
                                  function: r.links.count > 1 && !r.target.contains("∘") ? r.target : nil,
                                  lead: simplified ? phrases.simplifies : phrases.result)
        }
    }

    /// The claim `head : variables → m`, or the same column by column (or one partial derivative
    /// a line for a named gradient) when it is wider than the page. `lead` is the sentence before it.
    private func claimOrColumns(head: String, variables: [ExprID], _ m: ExpressionMatrix, function: String? = nil, lead: String? = nil) -> String {
        let line = variables.map { plain.string($0).count }.reduce(6, +) + textWidth(m)
        guard line > width, m.columns > 1 else {
            return (lead.map { $0 + "\n" } ?? "") + display(claim(head: head, variables: variables, value: matrix(m)))
        }
        if m.rows == 1, let function {
            return (lead.map { $0 + "\n" } ?? "") + zip(variables, m.entries).map { v, e in
            // A gradient too wide for the page: one partial derivative a line.
                display("\\frac{\\partial \(latexIdentifier(function))}{\\partial \(printer.string(v))} = \(printer.string(e))")
            }.joined()
        }
        var out = (lead.map { "\($0.hasSuffix(":") ? String($0.dropLast()).trimmed : $0), \(phrases.byColumns)" } ?? phrases.columns) + "\n"
        let word = language == .fr ? "colonne" : "column"
        for j in 0..<m.columns {
            let column = ExpressionMatrix(rows: m.rows, columns: 1, entries: m.column(j))
            out += display(claim(head: "\\text{\(word)}_{\(j + 1)} \(head)", variables: variables, value: matrix(column)))
        }
        return out
    }

    /// The width of a matrix in the plain text form: its widest row, entries three apart.
    private func textWidth(_ m: ExpressionMatrix) -> Int {
        (0..<m.rows).map { i in m.row(i).map { plain.string($0).count }.reduce(0, +) + 3 * (m.columns - 1) }.max() ?? 0
    }

    // MARK: Pieces

    private func definition(_ link: FunctionLink) -> String {
        let values: String
        if link.components.count == 1 { values = printer.string(link.components[0]) }
        else { values = "\\begin{pmatrix} " + link.components.map(printer.string).joined(separator: " \\\\ ") + " \\end{pmatrix}" }
        return "\(latexIdentifier(link.name)) : \(column(link.parameters)) \\rightarrow \(values)"
    }

    private func claim(head: String, variables: [ExprID], value: String) -> String {
        "\(head) : \(column(variables)) \\rightarrow \(value)"
    }

    private func column(_ variables: [ExprID]) -> String {
        "\\begin{pmatrix} " + variables.map(printer.string).joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }

    private func matrix(_ m: ExpressionMatrix) -> String {
        "\\begin{pmatrix} " + (0..<m.rows).map { m.row($0).map(printer.string).joined(separator: " & ") }.joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }

    private func gradient(_ names: [String]) -> String {
        names.count == 1 ? "\\nabla \(latexIdentifier(names[0]))" : "\\nabla(" + names.map(latexIdentifier).joined(separator: " \\circ ") + ")"
    }

    private func composition(_ names: [String], named target: String) -> String {
        if names.count > 1 && !target.contains("∘") {
            return latexIdentifier(target) + " = " + names.map(latexIdentifier).joined(separator: " \\circ ")
        }
        return names.map(latexIdentifier).joined(separator: " \\circ ")
    }

    private func inline(_ math: String) -> String { "$\(math)$" }

    private func display(_ math: String) -> String {
        switch format {
        case .latex: return "\\[\n\(math)\n\\]\n"
        case .markdown: return "$$\(math)$$\n\n"
        }
    }

    private func heading(_ text: String) -> String {
        switch format {
        case .latex: return "\n\\paragraph{\(text).}\n"
        case .markdown: return "\n### \(text)\n\n"
        }
    }

    private func escaped(_ s: String) -> String {
        s.replacingAll(["_": "\\_", "%": "\\%", "&": "\\&", "#": "\\#", "$": "\\$"])
    }
}

private extension Phrases {
    func factorJacobiansIfNeeded(_ r: TargetResult) -> String {
        r.links.count > 1 && r.command != .hessian ? factorJacobians + "\n" : ""
    }
}

extension String {
    /// Each character found in `map` replaced by its value.
    func replacingAll(_ map: [Character: String]) -> String {
        var out = ""
        for c in self { out += map[c] ?? String(c) }
        return out
    }
}
