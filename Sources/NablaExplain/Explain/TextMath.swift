import NablaPrinting
import NablaCalculus
import NablaCore

/// Mathematics for a terminal: Unicode symbols, matrices as aligned blocks of lines with
/// ⎡ ⎤ brackets. A piece is a block of lines; pieces joined side by side are centred on each
/// other, as a printed formula is.
///
/// ```
/// ∇f : (x, y) → ⎡ y        x ⎤
///               ⎣ cos(x)   0 ⎦
/// ```
struct TextMath: MathWriting {
    let printer: ExpressionPrinter

    func expression(_ id: ExprID) -> String { printer.string(id) }
    func identifier(_ name: String) -> String { name }
    func matrix(_ m: ExpressionMatrix) -> String {
        var text = TextRenderer(printer: printer).matrix(m)
        text.removeLast()   // the final newline
        return text
    }
    func column(_ variables: [ExprID]) -> String { "(" + variables.map(printer.string).joined(separator: ", ") + ")" }
    func gradient(_ names: [String], wrt: String?, order: Int) -> String {
        "∇" + (order == 2 ? "²" : order == 1 ? "" : "^\(order)") + (wrt.map { "_\($0) " } ?? "") + function(names)
    }
    func function(_ names: [String]) -> String { names.count == 1 ? names[0] : "(" + composition(names) + ")" }
    func composition(_ names: [String]) -> String { names.joined(separator: "∘") }
    func applied(_ function: String, _ argument: String) -> String { "\(function)(\(argument))" }
    func prime(_ function: String) -> String { function + "'" }
    func joined(_ parts: [String], _ operators: [MathOperator]) -> String {
        var blocks = [parts[0]]
        for (op, part) in zip(operators, parts.dropFirst()) {
            switch op {
            case .equals: blocks.append(" = ")
            case .dot: blocks.append(" · ")
            case .colon: blocks.append(" : ")
            case .arrow: blocks.append(" → ")
            case .plus: blocks.append(" + ")
            case .minus: blocks.append(" - ")
            }
            blocks.append(part)
        }
        return TextMath.sideBySide(blocks)
    }
    func partial(_ function: String, _ variable: ExprID) -> String { "∂\(function)/∂\(printer.string(variable))" }
    func columnHead(_ word: String, _ index: Int, _ head: String) -> String { "\(head), \(word) \(index)" }
    func parenthesized(_ math: String) -> String { "(\(math))" }
    func delta(_ layer: String?) -> String { layer.map { "δ_\($0)" } ?? "δ" }
    func transposed(_ vector: String) -> String { vector + "ᵀ" }
    func ordinary(_ function: String, _ variable: ExprID) -> String { "d\(function)/d\(printer.string(variable))" }
    func partialInPlace(_ expression: String, _ variable: ExprID) -> String { "∂/∂\(printer.string(variable)) (\(expression))" }
    func inline(_ math: String) -> String { math }
    func displayedChain(_ parts: [String]) -> String {
        let indent = String(repeating: " ", count: parts[0].count)
        return display(([parts[0] + " = " + parts[1]] + parts.dropFirst(2).map { indent + " = " + $0 }).joined(separator: "\n"))
    }
    func display(_ math: String) -> String {
        math.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n\n"
    }

    /// Blocks of lines placed side by side, each centred on the tallest, padded to its width.
    static func sideBySide(_ blocks: [String]) -> String {
        let split = blocks.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let height = split.map(\.count).max() ?? 1
        var lines = Array(repeating: "", count: height)
        for block in split {
            let width = block.map(\.count).max() ?? 0
            let top = (height - block.count) / 2
            for row in 0..<height {
                let k = row - top
                let text = k >= 0 && k < block.count ? block[k] : ""
                lines[row] += text + String(repeating: " ", count: width - text.count)
            }
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }
}

private extension String {
    var trailingSpacesRemoved: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
