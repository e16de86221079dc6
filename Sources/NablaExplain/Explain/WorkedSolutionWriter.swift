import NablaPrinting
import NablaDocument
import NablaCalculus
import NablaCore

/// Writes a ``WorkedSolution`` as a LaTeX document (amsmath, compiles with pdflatex), as
/// Markdown with `$$` blocks, or as one self-contained HTML page whose mathematics is MathML;
/// in English or French.
///
/// What it writes in LaTeX and Markdown is what `nabla check` reads: every matrix is a claim the
/// checker verifies.
///
/// ```swift
/// let writer = WorkedSolutionWriter(store: doc.store, language: .fr, format: .latex)
/// let tex = writer.document(WorkedSolution(results: doc.results, values: doc.values), title: "chain-rule.nabla")
/// ```
public struct WorkedSolutionWriter {
    public enum Format: Sendable { case latex, markdown, html, text }

    let store: ExpressionStore
    let language: Language
    let format: Format
    /// The page width, in characters of the plain text form: a wider matrix is written column by column.
    let width: Int
    private let math: any MathWriting
    private let plain: ExpressionPrinter
    private let phrases: Phrases

    public init(store: ExpressionStore, language: Language, format: Format, width: Int = 90) {
        self.store = store; self.language = language; self.format = format; self.width = width
        switch format {
        case .latex: math = LaTeXMath(printer: ExpressionPrinter(store: store, notation: .latex), markdown: false)
        case .markdown: math = LaTeXMath(printer: ExpressionPrinter(store: store, notation: .latex), markdown: true)
        case .html: math = MathMLMath(printer: ExpressionPrinter(store: store, notation: .mathml))
        case .text: math = TextMath(printer: ExpressionPrinter(store: store, notation: .text))
        }
        plain = ExpressionPrinter(store: store, notation: .text)
        phrases = Phrases.table(language)
    }

    /// The steps alone, without the document around them: for a page that has its own (HTML
    /// to put inside a `<body>`).
    public func body(_ solution: WorkedSolution) -> String {
        var body = ""
        for step in solution.steps { body += write(step) }
        while body.first == "\n" { body.removeFirst() }   // a heading first: no blank line after the title
        return body
    }

    public func document(_ solution: WorkedSolution, title: String) -> String {
        let body = self.body(solution)
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
            \\section*{\(phrases.title): \(latexText(title))}

            \(body)\\end{document}

            """
        case .markdown:
            return "# \(phrases.title): \(title)\n\n" + body
        case .text:
            let heading = "\(phrases.title): \(title)"
            return heading + "\n" + String(repeating: "═", count: heading.count) + "\n\n" + body
        case .html:
            return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8"/>
            <title>\(escapedXML(phrases.title)): \(escapedXML(title))</title>
            <style>
            body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
            math[display="block"] { margin: 0.8em 0; overflow-x: auto; }
            mtable.chain mtd:first-child { text-align: right; }
            mtable.chain mtd:last-child { text-align: left; }
            h2, h3 { font-weight: normal; }
            </style>
            </head>
            <body>
            <h1>\(escapedXML(phrases.title)): \(escapedXML(title))</h1>
            \(body)</body>
            </html>

            """
        }
    }

    // MARK: Steps

    private func write(_ step: WorkedSolution.Step) -> String {
        switch step {
        case let .exercise(n):
            return heading("\(language == .fr ? "Exercice" : "Exercise") \(n)", level: 1)
        case let .definitions(links):
            return paragraph(phrases.functionsIntro) + links.map { math.display(definition($0)) }.joined() + standardFunctions()
        case let .values(values):
            let written = values.map { math.inline(math.joined([math.identifier($0.0), math.expression($0.1)], [.equals])) }
            return paragraph(phrases.valuesIntro(written.joined(separator: ", ")))
        case let .target(r, _) where r.quantities != nil:
            let variables = r.variableSymbols.map { math.inline(math.expression($0)) }
            let title = r.command == .hessian ? phrases.hessianOf(math.inline(math.identifier(r.target)))
                : phrases.derivativesOf(math.inline(math.identifier(r.target)), variables)
            return heading(title, level: 2)
        case let .quantities(graph):
            return paragraph(phrases.quantitiesIntro)
                + graph.definitions.map { math.display(math.joined([math.expression($0.symbol), math.expression($0.value)], [.equals])) }.joined()
                + paragraph(phrases.variablesAre(graph.variables.map { math.inline(math.expression($0)) }))
        case let .partials(graph):
            return paragraph(phrases.partialsIntro) + (graph.working?.partials ?? []).map { p in
                // ∂z/∂s would be read as the whole derivative when z also depends on s through
                // another quantity: the partial of z's expression is written in place.
                let direct = !graph.isQuantity(p.use) && graph.uses(p.quantity).contains { $0 != p.use && graph.depends($0, on: p.use) }
                let head = direct ? math.partialInPlace(math.expression(graph.value(of: p.quantity)!), p.use)
                    : derivative(p.quantity, p.use, graph)
                return math.display(math.joined([head, math.expression(p.value)], [.equals]))
            }.joined()
        case let .leibniz(sums, graph):
            return paragraph(phrases.leibnizIntro) + sums.map { leibniz($0, graph) }.joined()
        case let .target(r, shown):
            let named = r.links.count > 1 && !r.target.contains("∘")
            let target = named ? math.joined([math.identifier(r.target), math.composition(r.links.map(\.name))], [.equals])
                : math.composition(r.links.map(\.name))
            let title = r.command == .hessian ? phrases.hessianOf : phrases.jacobianOf
            let working = shown && r.links.count > 1 && r.derivation?.steps.isEmpty == false
            return heading(title(math.inline(target)), level: 2) + (working ? paragraph(phrases.factorJacobians) : "")
        case let .factorJacobian(link, m, variables):
            let chosen = variables != link.parameters
            let head = math.gradient([link.name], wrt: chosen ? stem(variables) : nil, order: 1)
            return claimOrColumns(head, math.identifier(link.name), variables, m)
        case let .chainRule(outer, inner, step, isLast, variables):
            let chosen = variables != inner.parameters ? stem(variables) : nil
            let target = math.gradient(outer.map(\.name) + [inner.name], wrt: chosen, order: 1)
            let outerName = math.gradient(outer.map(\.name), wrt: nil, order: 1)
            let x = point(inner.parameters)
            let composed = math.function(outer.map(\.name) + [inner.name])
            let innerAtX = math.applied(math.identifier(inner.name), x)
            let rule = math.joined([math.applied(target, x),
                                    math.applied(outerName, innerAtX),
                                    math.applied(math.gradient([inner.name], wrt: chosen, order: 1), x)], [.equals, .dot])
            var out = paragraph(phrases.chainRule(math.inline(rule)))
            let line = inner.parameters.map { plain.string($0).count }.reduce(6, +) + textWidth(step.outerAtInner) + 3 + textWidth(step.innerJacobian)
            if line > 2 * width {
                // Far too wide for the page (the plain text overstates stacked fractions, hence 2×):
                // both factors are written above; say so rather than write the product.
                out += paragraph(phrases.factorsApart(math.inline(outerName), math.inline(innerAtX),
                                                      math.inline(math.applied(math.gradient([inner.name], wrt: chosen, order: 1), x))))
            } else {
                out += math.display(claim(target, variables, math.joined([math.matrix(step.outerAtInner), math.matrix(step.innerJacobian)], [.dot])))
                out += paragraph(phrases.firstFactor(math.inline(outerName), math.inline(innerAtX)))
            }
            if step.product != step.simplified {
                out += claimOrColumns(target, composed, variables, step.product)
                if !isLast { out += claimOrColumns(target, composed, variables, step.simplified, lead: phrases.simplifies) }
            } else if !isLast {
                out += claimOrColumns(target, composed, variables, step.simplified)
            }
            return out
        case let .result(r) where r.quantities != nil && r.command != .hessian:
            return paragraph(phrases.result) + math.display(claim(math.gradient([r.target], wrt: nil, order: 1), r.variableSymbols, math.matrix(r.matrix)))
        case let .result(r):
            let chosen = r.variablesAreChosen ? stem(r.variableSymbols) : nil
            let function = r.links.count > 1 && !r.target.contains("∘") ? r.target : nil
            let names = r.links.count > 1 ? r.links.map(\.name) : [r.target]
            let head = math.gradient(names, wrt: chosen, order: 1)
            let operand = function.map(math.identifier) ?? math.function(names)
            let simplified = r.derivation?.steps.last.map { $0.product != $0.simplified } == true
            if r.command == .hessian {
                let name = math.gradient(function.map { [$0] } ?? names, wrt: chosen, order: 2)
                let gradient = r.derivation.map { $0.jacobian } ?? r.matrix
                return claimOrColumns(head, operand, r.variableSymbols, gradient, lead: phrases.gradientFirst)
                    + paragraph(phrases.hessianIsJacobian)
                    + math.display(claim(name, r.variableSymbols, math.matrix(r.matrix)))
            }
            let flat = claimOrColumns(head, operand, r.variableSymbols, r.matrix, lead: simplified ? phrases.simplifies : phrases.result)
            guard let blocks = r.gradientBlocks else { return flat }
            // ∂F/∂W shaped like W (δ·xᵀ for a dense layer), ∂F/∂b like b (δ for its bias).
            func delta(_ f: OuterProductForm) -> String { math.delta(r.deltaSubscript(f)) }
            var out = flat + paragraph(phrases.byBlocks) + blocks.map { b in
                let value = switch b.form {
                case let .outerProduct(f): math.joined([delta(f), math.transposed(math.expression(f.inputExpression))], [.dot])
                case let .delta(f): delta(f)
                case let .scalar(e): math.expression(e)
                case .entries: math.matrix(b.matrix)
                }
                return math.display(math.joined([math.partial(operand, store.symbol(b.block.name)), value], [.equals]))
            }.joined()
            for f in r.distinctDeltas {
                if let o = f.inOutputs {
                    let (p, y) = (math.identifier(o.output), math.identifier(o.label))
                    let simple = math.joined([p, y], [.minus])
                    let output = math.inline(math.joined([p, math.applied(math.identifier(o.model), math.identifier(f.input))], [.equals]))
                    let right = o.labelSumsOut ? simple
                        : math.joined([math.joined([p, math.parenthesized(math.expression(store.sum(o.labelEntries)))], [.dot]), y], [.minus])
                    out += paragraph(phrases.deltaInOutputs(math.inline(math.joined([delta(f), right], [.equals])), output,
                                                            o.labelSumsOut ? nil : math.inline(simple)))
                    continue
                }
                let layer = math.joined([math.identifier(f.matrix), math.expression(f.inputExpression)], [.dot])
                out += paragraph(phrases.deltaIs(math.inline(delta(f)), math.inline(layer)))
                out += math.display(math.joined([delta(f), math.matrix(ExpressionMatrix(rows: f.delta.count, columns: 1, entries: f.delta))], [.equals]))
            }
            return out
        }
    }

    /// How the working names a point of these variables: `x` for x1, x2 (their common letter),
    /// `t` for t alone, `w_1, w_2, b` when they share none.
    private func point(_ variables: [ExprID]) -> String {
        if let common = stem(variables) { return math.identifier(common) }
        return variables.map(math.expression).joined(separator: ", ")
    }

    /// The letter the variables share before their index (`w` for w11, w12 or w_1, w_2; the
    /// variable itself when there is one); nil when they share none.
    private func stem(_ variables: [ExprID]) -> String? {
        let names = variables.compactMap(store.symbolName)
        guard names.count == variables.count, let first = names.first else { return nil }
        if names.count == 1 { return first }
        let stems = Set(names.map(Scope.stem))
        guard stems.count == 1, let stem = stems.first, !stem.isEmpty, !names.contains(stem) else { return nil }
        return stem
    }

    /// The claim `head : variables → m`, or the same column by column (or one partial derivative
    /// a line for a named gradient) when it is wider than the page. `lead` is the sentence before it.
    /// `function` is what the gradient is of, written as an operand (for `∂F/∂x₁`).
    private func claimOrColumns(_ head: String, _ function: String, _ variables: [ExprID], _ m: ExpressionMatrix, lead: String? = nil) -> String {
        let line = variables.map { plain.string($0).count }.reduce(6, +) + textWidth(m)
        guard line > width, m.columns > 1 else {
            return (lead.map(paragraph) ?? "") + math.display(claim(head, variables, math.matrix(m)))
        }
        if m.rows == 1 {
            return (lead.map(paragraph) ?? "") + zip(variables, m.entries).map { v, e in
                math.display(math.joined([math.partial(function, v), math.expression(e)], [.equals]))
            }.joined()
        }
        var out = paragraph(lead.map { "\($0.hasSuffix(":") ? String($0.dropLast()).trimmed : $0), \(phrases.byColumns)" } ?? phrases.columns)
        let word = language == .fr ? "colonne" : "column"
        for j in 0..<m.columns {
            let column = ExpressionMatrix(rows: m.rows, columns: 1, entries: m.column(j))
            out += math.display(claim(math.columnHead(word, j + 1, head), variables, math.matrix(column)))
        }
        return out
    }

    /// The width of a matrix in the plain text form: its widest row, entries three apart.
    private func textWidth(_ m: ExpressionMatrix) -> Int {
        (0..<m.rows).map { i in m.row(i).map { plain.string($0).count }.reduce(0, +) + 3 * (m.columns - 1) }.max() ?? 0
    }

    // MARK: Pieces

    /// `∂z/∂s = ∂z/∂x·∂x/∂s + ∂z/∂y·∂y/∂s = (the factors) = (the result)`: the sum written with
    /// partial derivatives only when every path goes through a quantity (a variable used directly
    /// would make ∂z/∂s stand for two things).
    private func leibniz(_ sum: LeibnizSum, _ graph: QuantityGraph) -> String {
        var parts = [derivative(sum.quantity, sum.variable, graph)]
        if !sum.through.contains(sum.variable) {
            let terms = sum.through.map { d in
                math.joined([derivative(sum.quantity, d, graph), derivative(d, sum.variable, graph)], [.dot])
            }
            parts.append(math.joined(terms, Array(repeating: .plus, count: terms.count - 1)))
        }
        // Each term as its two factors, as found above; a factor 1 is left out.
        let factors = sum.terms.map { t -> String in
            let kept = [t.outer, t.inner].filter { $0 != store.one }
            let bothProducts = kept.count == 2 && kept.allSatisfy { if case .product = store[$0] { true } else { false } }
            let pieces = kept.count == 1 ? kept.map(math.expression) : kept.map { factor($0, bracketProducts: bothProducts) }
            return pieces.isEmpty ? math.expression(store.one) : math.joined(pieces, Array(repeating: .dot, count: pieces.count - 1))
        }
        let written = math.joined(factors, Array(repeating: .plus, count: factors.count - 1))
        if parts.count == 1 || written != math.expression(sum.value) { parts.append(written) }
        parts.append(math.expression(sum.value))
        return parts.count > 2 ? math.displayedChain(parts) : math.display(math.joined(parts, [.equals]))
    }

    /// `du/dt` for a quantity of one variable differentiated with respect to it, else `∂z/∂x`.
    private func derivative(_ q: ExprID, _ v: ExprID, _ graph: QuantityGraph) -> String {
        graph.dependsOnOneVariable(q) && !graph.isQuantity(v) ? math.ordinary(math.expression(q), v) : math.partial(math.expression(q), v)
    }

    /// A factor of a two-factor term as a course writes it: a sum or a negative factor in
    /// parentheses, and two products both, `(2x·sin(y))·(2s·t)`.
    private func factor(_ id: ExprID, bracketProducts: Bool) -> String {
        let written = math.expression(id)
        switch store[id] {
        case .sum: return math.parenthesized(written)
        case .product: return bracketProducts || plain.string(id).hasPrefix("-") ? math.parenthesized(written) : written
        case let .number(r) where r.isNegative: return math.parenthesized(written)
        default: return written
        }
    }

    private func definition(_ link: FunctionLink) -> String {
        // A standard function in the file's words is shown as the file defines it, not as σ(t).
        let named = store.namedFunctions.values.first { n in
            n.name == link.name && link.components.count == 1 && link.parameters == [n.parameter]
        }
        let values = named.map { math.expression($0.body) }
            ?? (link.components.count == 1 ? math.expression(link.components[0]) : math.column(link.components))
        return math.joined([math.identifier(link.name), math.column(link.parameters), values], [.colon, .arrow])
    }

    /// For each standard function the file defines in its own words: which it is, and its
    /// derivative written with it (`sigma'(t) = sigma(t)·(1 − sigma(t))`).
    private func standardFunctions() -> String {
        let simplifier = Simplifier(store: store)
        return store.namedFunctions.sorted { $0.value.name < $1.value.name }.map { f, named in
            let t = named.parameter
            let derivative = simplifier.simplify(store.derivative(store.apply(f, t), t))
            let head = math.applied(math.prime(math.identifier(named.name)), math.expression(t))
            return paragraph(phrases.isStandard(math.inline(math.identifier(named.name)), f))
                + math.display(math.joined([head, math.expression(derivative)], [.equals]))
        }.joined()
    }

    private func claim(_ head: String, _ variables: [ExprID], _ value: String) -> String {
        math.joined([head, math.column(variables), value], [.colon, .arrow])
    }

    private func paragraph(_ text: String) -> String {
        switch format {
        case .latex, .markdown, .text: return text + "\n\n"
        case .html: return "<p>\(text)</p>\n"
        }
    }

    private func heading(_ text: String, level: Int) -> String {
        switch format {
        case .latex: return level == 1 ? "\n\\section*{\(text)}\n" : "\n\\paragraph{\(text).}\n"
        case .markdown: return "\n\(String(repeating: "#", count: level + 1)) \(text)\n\n"
        case .html: return "<h\(level + 1)>\(text)</h\(level + 1)>\n"
        case .text: return "\n\(text)\n" + String(repeating: level == 1 ? "═" : "─", count: text.count) + "\n\n"
        }
    }
}
