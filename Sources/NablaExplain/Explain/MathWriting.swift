import NablaPrinting
import NablaCalculus
import NablaCore

/// The pieces of mathematics a worked solution writes, in one notation: LaTeX (also inside
/// Markdown) or MathML (in HTML). The writer composes them without knowing which.
protocol MathWriting {
    func expression(_ id: ExprID) -> String
    func identifier(_ name: String) -> String
    func matrix(_ m: ExpressionMatrix) -> String
    /// The variables as a column: the point a Jacobian is taken at.
    func column(_ variables: [ExprID]) -> String
    /// `∇g`, `∇(g∘f)`, `∇_w(g∘f)` (with respect to `wrt`), `∇²(g∘f)` (order 2).
    func gradient(_ names: [String], wrt: String?, order: Int) -> String
    /// `g∘f`.
    func composition(_ names: [String]) -> String
    /// `f(x)`.
    func applied(_ function: String, _ argument: String) -> String
    /// `f'`, for a function already written.
    func prime(_ function: String) -> String
    /// Pieces side by side with a relation or operator between: `a = b`, `a · b`, `a : b → c`.
    func joined(_ parts: [String], _ operators: [MathOperator]) -> String
    /// `∂F/∂x₁`, for a function already written.
    func partial(_ function: String, _ variable: ExprID) -> String
    /// `F`, or `(g∘f)` for a composition: a function as an operand.
    func function(_ names: [String]) -> String
    /// `colonne₂ ∇(g∘f)`.
    func columnHead(_ word: String, _ index: Int, _ head: String) -> String
    /// `du/dt`, for a function already written, of one variable.
    func ordinary(_ function: String, _ variable: ExprID) -> String
    /// `∂/∂s (s + x²)`: the partial derivative of an expression written in place.
    func partialInPlace(_ expression: String, _ variable: ExprID) -> String
    /// `(a + b)`, for a piece already written.
    func parenthesized(_ math: String) -> String
    /// δ, the derivative with respect to a dense layer's output; δ_W, subscripted by the
    /// layer's matrix, when several layers each have theirs.
    func delta(_ layer: String?) -> String
    /// `xᵀ`, for a vector already written.
    func transposed(_ vector: String) -> String
    func inline(_ math: String) -> String
    func display(_ math: String) -> String
    /// `a = b`, then `= c`, `= d` on the lines below, aligned on the signs: a displayed chain
    /// of equalities (what `align*` writes).
    func displayedChain(_ parts: [String]) -> String
}

enum MathOperator {
    case equals, dot, colon, arrow, plus, minus
}

/// LaTeX, read back by `nabla check`.
struct LaTeXMath: MathWriting {
    let printer: ExpressionPrinter
    let markdown: Bool

    func expression(_ id: ExprID) -> String { printer.string(id) }
    func identifier(_ name: String) -> String { latexIdentifier(name) }
    func matrix(_ m: ExpressionMatrix) -> String {
        "\\begin{pmatrix} " + (0..<m.rows).map { m.row($0).map(printer.string).joined(separator: " & ") }.joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }
    func column(_ variables: [ExprID]) -> String {
        "\\begin{pmatrix} " + variables.map(printer.string).joined(separator: " \\\\ ") + " \\end{pmatrix}"
    }
    func gradient(_ names: [String], wrt: String?, order: Int) -> String {
        "\\nabla" + (order == 1 ? "" : "^{\(order)}") + (wrt.map { "_{\(identifier($0))}" } ?? "") + (names.count == 1 ? " " : "") + function(names)
    }
    func function(_ names: [String]) -> String {
        names.count == 1 ? identifier(names[0]) : "(" + composition(names) + ")"
    }
    func composition(_ names: [String]) -> String { names.map(identifier).joined(separator: " \\circ ") }
    func applied(_ function: String, _ argument: String) -> String { "\(function)(\(argument))" }
    func prime(_ function: String) -> String { function + "'" }
    func joined(_ parts: [String], _ operators: [MathOperator]) -> String {
        var out = parts[0]
        for (op, part) in zip(operators, parts.dropFirst()) {
            switch op {
            case .equals: out += " = "
            case .dot: out += " \\cdot "
            case .colon: out += " : "
            case .arrow: out += " \\rightarrow "
            case .plus: out += " + "
            case .minus: out += " - "
            }
            out += part
        }
        return out
    }
    func partial(_ function: String, _ variable: ExprID) -> String {
        "\\frac{\\partial \(function)}{\\partial \(printer.string(variable))}"
    }
    func columnHead(_ word: String, _ index: Int, _ head: String) -> String { "\\text{\(word)}_{\(index)} \(head)" }
    func parenthesized(_ math: String) -> String { "\\left(\(math)\\right)" }
    func delta(_ layer: String?) -> String { layer.map { "\\delta_{\(identifier($0))}" } ?? "\\delta" }
    func transposed(_ vector: String) -> String { "\(vector)^{\\mathsf{T}}" }
    func ordinary(_ function: String, _ variable: ExprID) -> String { "\\frac{d \(function)}{d \(printer.string(variable))}" }
    func partialInPlace(_ expression: String, _ variable: ExprID) -> String {
        "\\frac{\\partial}{\\partial \(printer.string(variable))}" + parenthesized(expression)
    }
    func inline(_ math: String) -> String { "$\(math)$" }
    func display(_ math: String) -> String { markdown ? "$$\(math)$$\n\n" : "\\[\n\(math)\n\\]\n" }
    func displayedChain(_ parts: [String]) -> String {
        let rows = [parts[0] + " &= " + parts[1]] + parts.dropFirst(2).map { "&= " + $0 }
        return markdown ? "$$\\begin{aligned} " + rows.joined(separator: " \\\\ ") + " \\end{aligned}$$\n\n"
            : "\\begin{align*}\n" + rows.joined(separator: " \\\\\n") + "\n\\end{align*}\n"
    }
}

/// MathML Core presentation markup, which browsers render without any script.
struct MathMLMath: MathWriting {
    let printer: ExpressionPrinter

    func expression(_ id: ExprID) -> String { "<mrow>\(printer.string(id))</mrow>" }
    func identifier(_ name: String) -> String { mathmlIdentifier(name) }
    func matrix(_ m: ExpressionMatrix) -> String {
        let rows = (0..<m.rows).map { i in "<mtr>" + m.row(i).map { "<mtd>\(expression($0))</mtd>" }.joined() + "</mtr>" }.joined()
        return "<mrow><mo>(</mo><mtable>\(rows)</mtable><mo>)</mo></mrow>"
    }
    func column(_ variables: [ExprID]) -> String {
        matrix(ExpressionMatrix(rows: variables.count, columns: 1, entries: variables))
    }
    func gradient(_ names: [String], wrt: String?, order: Int) -> String {
        var nabla = "<mo>∇</mo>"
        if order != 1 { nabla = "<msup>\(nabla)<mn>\(order)</mn></msup>" }
        if let wrt { nabla = order == 1 ? "<msub>\(nabla)\(identifier(wrt))</msub>" : "<msubsup><mo>∇</mo>\(identifier(wrt))<mn>\(order)</mn></msubsup>" }
        return "<mrow>\(nabla)\(function(names))</mrow>"
    }
    func function(_ names: [String]) -> String {
        names.count == 1 ? identifier(names[0]) : "<mrow><mo>(</mo>\(composition(names))<mo>)</mo></mrow>"
    }
    func composition(_ names: [String]) -> String { "<mrow>" + names.map(identifier).joined(separator: "<mo>∘</mo>") + "</mrow>" }
    func applied(_ function: String, _ argument: String) -> String { "<mrow>\(function)<mrow><mo>(</mo>\(argument)<mo>)</mo></mrow></mrow>" }
    func prime(_ function: String) -> String { "<msup>\(function)<mo>′</mo></msup>" }
    func joined(_ parts: [String], _ operators: [MathOperator]) -> String {
        var out = "<mrow>" + parts[0]
        for (op, part) in zip(operators, parts.dropFirst()) {
            switch op {
            case .equals: out += "<mo>=</mo>"
            case .dot: out += "<mo>·</mo>"
            case .colon: out += "<mo>:</mo>"
            case .arrow: out += "<mo>→</mo>"
            case .plus: out += "<mo>+</mo>"
            case .minus: out += "<mo>−</mo>"
            }
            out += part
        }
        return out + "</mrow>"
    }
    func partial(_ function: String, _ variable: ExprID) -> String {
        "<mfrac><mrow><mo>∂</mo>\(function)</mrow><mrow><mo>∂</mo>\(expression(variable))</mrow></mfrac>"
    }
    func columnHead(_ word: String, _ index: Int, _ head: String) -> String {
        "<mrow><msub><mtext>\(word)</mtext><mn>\(index)</mn></msub>\(head)</mrow>"
    }
    func parenthesized(_ math: String) -> String { "<mrow><mo>(</mo>\(math)<mo>)</mo></mrow>" }
    func delta(_ layer: String?) -> String { layer.map { "<msub><mi>δ</mi>\(identifier($0))</msub>" } ?? "<mi>δ</mi>" }
    func transposed(_ vector: String) -> String { "<msup><mrow>\(vector)</mrow><mi mathvariant=\"normal\">T</mi></msup>" }
    func ordinary(_ function: String, _ variable: ExprID) -> String {
        "<mfrac><mrow><mi>d</mi>\(function)</mrow><mrow><mi>d</mi>\(expression(variable))</mrow></mfrac>"
    }
    func partialInPlace(_ expression: String, _ variable: ExprID) -> String {
        "<mrow><mfrac><mo>∂</mo><mrow><mo>∂</mo>\(self.expression(variable))</mrow></mfrac>\(parenthesized(expression))</mrow>"
    }
    func inline(_ math: String) -> String { "<math>\(math)</math>" }
    func displayedChain(_ parts: [String]) -> String {
        let rows = ([parts[0]] + Array(repeating: "", count: parts.count - 2)).enumerated().map { k, lead in
            "<mtr><mtd>\(lead)</mtd><mtd><mrow><mo>=</mo>\(parts[k + 1])</mrow></mtd></mtr>"
        }
        // Aligned on the signs by the page's style (`mtable.chain`), fractions at full size.
        return "<math display=\"block\"><mtable class=\"chain\" displaystyle=\"true\">" + rows.joined() + "</mtable></math>\n"
    }
    func display(_ math: String) -> String { "<math display=\"block\">\(math)</math>\n" }
}
