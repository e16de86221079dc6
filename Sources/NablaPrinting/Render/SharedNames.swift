import NablaCore

/// Names for the sub-expressions that a set of expressions shares, so that a result whose
/// written tree would be enormous (a 40-fold composition) prints in space proportional to its
/// graph: `t1 = sin(x) + x^2`, `t2 = sin(t1) + t1^2`, …
public struct SharedNames {
    /// The names, and the named nodes children first.
    public let names: [ExprID: String]
    public let order: [ExprID]

    /// Names every non-trivial node used more than once among `roots`.
    public init(_ roots: [ExprID], in store: ExpressionStore, minimumSize: Int = 6) {
        var uses: [ExprID: Int] = [:]
        for id in store.reachable(from: roots) { for c in Set(store.children(id)) { uses[c, default: 0] += 1 } }
        for r in roots { uses[r, default: 0] += 1 }
        let shared = uses.filter { $0.value > 1 && store.treeSize($0.key) >= minimumSize }.keys.sorted()
        order = shared
        // A prefix no symbol of the expressions uses with digits after it (t1, u1, … τ1).
        let symbols = Set(roots.flatMap(store.freeSymbolNames))
        let prefix = ["t", "u", "s", "τ"].first { p in
            !symbols.contains { $0.hasPrefix(p) && !$0.dropFirst(p.count).isEmpty && $0.dropFirst(p.count).allSatisfy(\.isNumber) }
        } ?? "τ"
        names = Dictionary(uniqueKeysWithValues: shared.enumerated().map { ($1, "\(prefix)\($0 + 1)") })
    }
}
