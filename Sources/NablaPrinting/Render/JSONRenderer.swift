import NablaDocument
import NablaCalculus
import NablaCore

/// Renders results as the JSON of DESIGN.md, entries readable by SymPy:
/// `{"results": [{"target": "g∘f", "variables": ["x1"], "jacobian": [["2*x1"]]}]}`. SymPy has no
/// sigmoid: an entry with one is written in exponentials, simplified again when that is shorter.
public struct JSONRenderer {
    let store: ExpressionStore
    let printer: ExpressionPrinter
    let simplifier: Simplifier

    public init(store: ExpressionStore) {
        self.store = store
        printer = ExpressionPrinter(store: store, notation: .sympy)
        simplifier = Simplifier(store: store)
    }

    public func render(_ results: [TargetResult], warnings: [Diagnostic] = []) -> String {
        var out = "{\"results\": ["
        for (k, r) in results.enumerated() {
            if k > 0 { out += ",\n  " }
            out += "{\"target\": \(jsonString(r.target)), \"command\": \(jsonString(r.command.rawValue)), "
            out += "\"variables\": [" + r.variables.map(jsonString).joined(separator: ", ") + "], "
            out += "\"jacobian\": ["
            // One walk says whether there is a sigmoid to write out; small results only (the work is per entry).
            let rewrite = r.matrix.entries.count <= 400 && store.applies(.sigmoid, in: r.matrix.entries)
            for i in 0..<r.matrix.rows {
                if i > 0 { out += ", " }
                out += "[" + r.matrix.row(i).map { jsonString(printer.string(rewrite ? simplifier.withoutSigmoid($0) : $0)) }.joined(separator: ", ") + "]"
            }
            out += "]"
            if !r.variableBlocks.isEmpty {
                // Where each vector or matrix sits among the variables: W (3×4) is variables 0..<12, row-major.
                out += ", \"blocks\": [" + r.variableBlocks.map {
                    "{\"name\": \(jsonString($0.name)), \"shape\": [\($0.shape.map(String.init).joined(separator: ", "))], \"offset\": \($0.offset)}"
                }.joined(separator: ", ") + "]"
            }
            out += "}"
        }
        out += "]"
        if !warnings.isEmpty {
            out += ", \"warnings\": [" + warnings.map(\.jsonObject).joined(separator: ", ") + "]"
        }
        return out + "}\n"
    }
}
