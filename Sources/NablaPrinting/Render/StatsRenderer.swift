import Foundation
import NablaDocument
import NablaCore

/// One JSON line per result with its size and the time of each phase, for scripts and
/// benchmarks that do not want every entry printed.
public struct StatsRenderer {
    let store: ExpressionStore

    public init(store: ExpressionStore) { self.store = store }

    public func render(_ r: TargetResult) -> String {
        let nonzeros = r.matrix.entries.filter { $0 != store.zero }.count
        let nodes = store.reachable(from: r.matrix.entries).count
        func seconds(_ x: Double) -> String { String(format: "%.6f", x) }
        return "{\"target\": \(jsonString(r.target)), \"command\": \(jsonString(r.command.rawValue)), "
            + "\"rows\": \(r.matrix.rows), \"columns\": \(r.matrix.columns), \"nonzeros\": \(nonzeros), \"nodes\": \(nodes), "
            + "\"parse_seconds\": \(seconds(r.timings.parse)), \"derivative_seconds\": \(seconds(r.timings.derivative)), "
            + "\"simplification_seconds\": \(seconds(r.timings.simplification))}\n"
    }
}
