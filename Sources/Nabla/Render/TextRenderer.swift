/// Renders results for a terminal: Unicode brackets, columns aligned.
///
/// ```
/// ∇(g∘f)(x1, x2) =
/// ⎡ 2x1   1 ⎤
/// ⎣ 0     3 ⎦
/// ```
public struct TextRenderer {
    let printer: ExpressionPrinter

    public init(store: ExpressionStore) { printer = ExpressionPrinter(store: store, notation: .text) }

    public func render(_ result: TargetResult) -> String {
        "\(result.title) =\n" + matrix(result.matrix)
    }

    /// The matrix with aligned columns; one row prints in square brackets.
    public func matrix(_ m: ExpressionMatrix) -> String {
        let cells = m.entries.map(printer.string)
        var widths = Array(repeating: 0, count: m.columns)
        for i in 0..<m.rows { for j in 0..<m.columns { widths[j] = max(widths[j], cells[i * m.columns + j].count) } }
        var lines: [String] = []
        for i in 0..<m.rows {
            let (left, right): (String, String)
            if m.rows == 1 { (left, right) = ("[", "]") }
            else if i == 0 { (left, right) = ("⎡", "⎤") }
            else if i == m.rows - 1 { (left, right) = ("⎣", "⎦") }
            else { (left, right) = ("⎢", "⎥") }
            var line = left + " "
            for j in 0..<m.columns {
                let cell = cells[i * m.columns + j]
                line += cell
                if j < m.columns - 1 { line += String(repeating: " ", count: widths[j] - cell.count + 3) }
                else { line += String(repeating: " ", count: widths[j] - cell.count) }
            }
            lines.append(line + " " + right)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
