import NablaDocument
import NablaCore

/// Refuses to print results whose written form would be unreasonably long.
///
/// A 40-fold composition shares its sub-expressions in the graph, but written out as a tree
/// it can be astronomically long; printing it would never end.
public enum Guard {
    /// The most tree nodes one printed result may have (text names shared parts instead).
    public static let maximumPrintedNodes = 400_000_000
    /// The most distinct nodes a result printed with named shared parts may have.
    public static let maximumGraphNodes = 5_000_000

    public static func tooLargeToPrint(_ results: [TargetResult], _ store: ExpressionStore, namesSharedParts: Bool = false) -> Diagnostic? {
        for r in results {
            if namesSharedParts {
                let nodes = store.reachable(from: r.matrix.entries).count
                if nodes > maximumGraphNodes {
                    let phrase = PrintPhrase.tooManyDistinct(command: r.command.rawValue, target: r.target, nodes: nodes, limit: maximumGraphNodes)
                    return Diagnostic(.resultTooLarge, .other(phrase), at: r.location)
                }
                continue
            }
            var total = 0
            for e in r.matrix.entries { total = min(Int.max / 4, total + store.treeSize(e)) }
            if total > maximumPrintedNodes {
                let phrase = PrintPhrase.tooLongToPrint(command: r.command.rawValue, target: r.target, terms: total >= Int.max / 4 ? nil : total,
                                                        limit: maximumPrintedNodes, distinct: store.reachable(from: r.matrix.entries).count)
                return Diagnostic(.resultTooLarge, .other(phrase), at: r.location)
            }
        }
        return nil
    }
}

extension TargetResult {
    /// The result in denominator layout: the transposed matrix.
    public var transposed: TargetResult {
        var t = self
        t.matrix = matrix.transposed
        return t
    }
}
