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
        return blocks.map { "\\[\n\(result.latexTitle(of: $0.block)) =\n\(matrix($0.matrix))\n\\]\n" }.joined()
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
