import NablaCore

/// Simplifies expressions bottom-up with the named ``RewriteRule``s, keeping a rewrite only
/// when the printed result is smaller; memoized per node, so shared sub-expressions are
/// simplified once.
///
/// ```swift
/// let simplifier = Simplifier(store: store)
/// simplifier.simplify(e^x1/S − e^(2x1)/S²)   // e^(x1 + x2)/S²  with S = e^x1 + e^x2
/// ```
///
/// Each node gets at most ``maximumRewritesPerNode`` rewrites, so simplification always ends.
public final class Simplifier {
    public static let maximumRewritesPerNode = 8

    let store: ExpressionStore
    let rules: [RewriteRule]
    /// The simplified form of each node, by node index (`nil`: not simplified yet).
    private var memo: [ExprID?] = []

    public init(store: ExpressionStore, rules: [RewriteRule] = RewriteRule.all) {
        self.store = store; self.rules = rules
    }

    public func simplify(_ matrix: ExpressionMatrix) -> ExpressionMatrix {
        ExpressionMatrix(rows: matrix.rows, columns: matrix.columns, entries: matrix.entries.map(simplify))
    }

    public func simplify(_ id: ExprID) -> ExprID {
        if let done = known(id) { return done }
        // Children first, without recursion: each node is simplified once its children are.
        for n in store.postOrder(from: [id], where: { known($0) == nil }) where known(n) == nil {
            if store.isOverBudget { return id }   // out of time: left as it is, and the caller reports it
            remember(n, simplifyNode(n))
        }
        return known(id)!
    }

    private func known(_ id: ExprID) -> ExprID? {
        Int(id.index) < memo.count ? memo[Int(id.index)] : nil
    }

    /// The simplified form of `id`, its children's being known.
    private func simplifyNode(_ id: ExprID) -> ExprID {
        let rebuilt: ExprID
        let node = store[id]
        if !Simplifier.isRewritten(node), store.children(id).allSatisfy(isSimplified) {
            // Nothing below changes and the rules only rewrite sums and products: already simple.
            return id
        }
        func simplified(_ c: ExprID) -> ExprID { known(c)! }
        switch node {
        case .number, .symbol, .constant, .undefined: rebuilt = id
        case let .sum(terms):
            let new = terms.map(simplified)
            rebuilt = new == terms ? id : store.sum(new)
        case let .product(factors):
            let new = factors.map(simplified)
            rebuilt = new == factors ? id : store.product(new)
        case let .power(b, e): rebuilt = store.power(simplified(b), simplified(e))
        case let .apply(f, a): rebuilt = store.apply(f, simplified(a))
        }
        var best = rebuilt
        var bestSize = store.treeSize(best)
        var rewrites = 0
        var changed = true
        if !Simplifier.isRewritten(store[rebuilt]) { changed = false }
        while changed && rewrites < Simplifier.maximumRewritesPerNode {
            changed = false
            for rule in rules {
                guard let candidate = rule.apply(best, in: store), candidate != best else { continue }
                let size = store.treeSize(candidate)
                if size < bestSize {
                    best = candidate; bestSize = size; changed = true; rewrites += 1
                    break
                }
            }
        }
        remember(id, best)
        // A rewrite builds new nodes: simplify them too (a walk over what is new only).
        if best != rebuilt { best = simplify(best) }
        remember(best, best)
        return best
    }

    /// Whether the rules rewrite nodes of this kind (sums and products).
    private static func isRewritten(_ node: Node) -> Bool {
        switch node { case .sum, .product: true; default: false }
    }

    private func isSimplified(_ id: ExprID) -> Bool {
        let i = Int(id.index)
        return i < memo.count && memo[i] == id
    }

    private func remember(_ id: ExprID, _ simplified: ExprID) {
        let i = Int(id.index)
        if i >= memo.count { memo.append(contentsOf: repeatElement(nil, count: max(i + 1, store.count) - memo.count)) }
        memo[i] = simplified
    }
}
