import NablaDocument
import NablaCalculus
import NablaCore

/// Renders results as LaTeX: a `pmatrix` per result, or a whole document that compiles with
/// pdflatex (amsmath only).
///
/// ```latex
/// \nabla (g \circ f)(x_{1}, x_{2}) = \begin{pmatrix} 2 x_{1} & 1 \\ 0 & 3 \end{pmatrix}
/// ```
public struct LaTeXRenderer {
    let printer: ExpressionPrinter

    public init(store: ExpressionStore) { printer = ExpressionPrinter(store: store, notation: .latex) }

    public func expression(_ id: ExprID) -> String { printer.string(id) }

    public func matrix(_ m: ExpressionMatrix) -> String {
        var out = "\\begin{pmatrix}\n"
        for i in 0..<m.rows {
            out += "  " + m.row(i).map(printer.string).joined(separator: " & ")
            out += i < m.rows - 1 ? " \\\\\n" : "\n"
        }
        return out + "\\end{pmatrix}"
    }

    /// The result as a display; a gradient with respect to a matrix, one display per block
    /// shaped like its variables.
    public func equation(_ result: TargetResult) -> String {
        guard let blocks = result.gradientBlocks else { return "\\[\n\(result.latexTitle) =\n\(matrix(result.matrix))\n\\]\n" }
        func delta(_ f: OuterProductForm) -> String { result.deltaSubscript(f).map { "\\delta_{\(latexIdentifier($0))}" } ?? "\\delta" }
        var out = ""
        for b in blocks {
            let value = switch b.form {
            case let .outerProduct(f): "\(delta(f))\\, \(printer.string(f.inputExpression))^{\\mathsf{T}}"
            case let .delta(f): delta(f)
            case let .scalar(e): printer.string(e)
            case .entries: matrix(b.matrix)
            }
            out += "\\[\n\(result.latexTitle(of: b.block)) =\n\(value)\n\\]\n"
        }
        for f in result.distinctDeltas {
            if let o = f.inOutputs {
                let (p, y, d) = (latexIdentifier(o.output), latexIdentifier(o.label), delta(f))
                let at = "\\operatorname{\(latexText(o.model))}(\(latexIdentifier(f.input)))"
                out += o.labelSumsOut ? "\\[\n\\text{where } \(d) = \(p) - \(y),\\quad \(p) = \(at)\n\\]\n"
                    : "\\[\n\\text{where } \(d) = \(p) \\left(\(printer.string(printer.store.sum(o.labelEntries)))\\right) - \(y),\\quad \(p) = \(at)"
                    + "\\quad (\(p) - \(y) \\text{ for a one-hot } \(y))\n\\]\n"
                continue
            }
            let numerator = result.latexTitle(of: VariableBlock(name: f.matrix, shape: [], offset: 0))
                .replacingOccurrences(of: "{\\partial \(latexIdentifier(f.matrix))}", with: "{\\partial (\(latexIdentifier(f.matrix)) \(printer.string(f.inputExpression)))_i}")
            out += "\\[\n\\text{where } \(delta(f))_i = \(numerator):\\quad \(delta(f)) =\n"
                + matrix(ExpressionMatrix(rows: f.delta.count, columns: 1, entries: f.delta)) + "\n\\]\n"
        }
        return out
    }

    /// A standalone document with every result.
    public func document(_ results: [TargetResult], title: String) -> String {
        var out = """
        \\documentclass{article}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amsmath}
        \\usepackage[margin=2cm,landscape]{geometry}
        \\setcounter{MaxMatrixCols}{64}
        \\begin{document}
        \\section*{\(latexText(title))}

        """
        for r in results { out += equation(r) + "\n" }
        return out + "\\end{document}\n"
    }
}
