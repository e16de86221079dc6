import NablaDocument
import NablaCore

/// Renders results as the JSON of DESIGN.md, entries readable by SymPy:
/// `{"results": [{"target": "g∘f", "variables": ["x1"], "jacobian": [["2*x1"]]}]}`.
public struct JSONRenderer {
    let printer: ExpressionPrinter

    public init(store: ExpressionStore) { printer = ExpressionPrinter(store: store, notation: .sympy) }

    public func render(_ results: [TargetResult], warnings: [Diagnostic] = []) -> String {
        var out = "{\"results\": ["
        for (k, r) in results.enumerated() {
            if k > 0 { out += ",\n  " }
            out += "{\"target\": \(jsonString(r.target)), \"command\": \(jsonString(r.command.rawValue)), "
            out += "\"variables\": [" + r.variables.map(jsonString).joined(separator: ", ") + "], "
            out += "\"jacobian\": ["
            for i in 0..<r.matrix.rows {
                if i > 0 { out += ", " }
                out += "[" + r.matrix.row(i).map { jsonString(printer.string($0)) }.joined(separator: ", ") + "]"
            }
            out += "]}"
        }
        out += "]"
        if !warnings.isEmpty {
            out += ", \"warnings\": [" + warnings.map(\.jsonObject).joined(separator: ", ") + "]"
        }
        return out + "}\n"
    }
}
