import NablaDocument
import NablaCalculus
import NablaCore

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
    package init(printer: ExpressionPrinter) { self.printer = printer }

    /// The printed size past which shared sub-expressions are named.
    public static let namingThreshold = 20_000

    public func render(_ result: TargetResult) -> String {
        let size = result.matrix.entries.reduce(0) { min(Int.max / 4, $0 + printer.store.treeSize($1)) }
        // A gradient with respect to a matrix is printed shaped like it, block by block.
        let body = { () -> String in
            guard let blocks = result.gradientBlocks else { return "\(result.title) =\n" + matrix(result.matrix) }
            func delta(_ f: OuterProductForm) -> String { result.deltaSubscript(f).map { "δ_\($0)" } ?? "δ" }
            var parts: [String] = blocks.map { b in
                let title = result.title(of: b.block)
                switch b.form {
                case let .outerProduct(f): return "\(title) = \(delta(f))·\(printer.string(f.inputExpression))ᵀ\n"
                case let .delta(f): return "\(title) = \(delta(f))\n"
                case let .scalar(e): return "\(title) = \(printer.string(e))\n"   // on the title's line
                case .entries: return "\(title) =\n" + matrix(b.matrix)
                }
            }
            for f in result.distinctDeltas {
                if let o = f.inOutputs {
                    let sum = printer.string(printer.store.sum(o.labelEntries))
                    parts.append(o.labelSumsOut ? "where \(delta(f)) = \(o.output) - \(o.label), \(o.output) = \(o.model)(\(f.input))\n"
                                 : "where \(delta(f)) = \(o.output)·(\(sum)) - \(o.label), \(o.output) = \(o.model)(\(f.input)): \(o.output) - \(o.label) for a one-hot \(o.label)\n")
                    continue
                }
                let z = "(\(f.matrix)·\(printer.string(f.inputExpression)))_i"
                parts.append("where \(delta(f))_i = ∂\(result.target.contains("∘") ? "(\(result.target))" : result.target)/∂\(z):\n"
                             + matrix(ExpressionMatrix(rows: f.delta.count, columns: 1, entries: f.delta)))
            }
            return parts.joined(separator: "\n")
        }
        guard size > TextRenderer.namingThreshold else { return body() }
        // Too long written out: name what the entries share, then say what the names stand for.
        let shared = SharedNames(result.matrix.entries, in: printer.store)
        printer.names = shared.names
        defer { printer.names = [:] }
        var out = body() + "where\n"
        for id in shared.order { out += "  \(shared.names[id]!) = \(printer.definition(id))\n" }
        return out
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
