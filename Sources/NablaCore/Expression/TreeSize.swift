extension ExpressionStore {
    /// The number of nodes of `id` printed as a tree (shared sub-expressions counted each time
    /// they appear; a fraction counts as two, a number and a division, as SymPy's `count_ops`
    /// counts), saturating at `Int.max / 4`. Computed once, when the node is made.
    public func treeSize(_ id: ExprID) -> Int { treeSizes[Int(id.index)] }

    static func treeSize(of node: Node, childSizes: (ExprID) -> Int) -> Int {
        let limit = Int.max / 4
        var total = 1
        switch node {
        case let .number(r): if !r.isInteger { total = 2 }
        case .symbol, .constant, .undefined: break
        case let .sum(c), let .product(c): for x in c { total = min(limit, total + childSizes(x)) }
        case let .power(b, e): total = min(limit, 1 + childSizes(b) + childSizes(e))
        case let .apply(_, a): total = min(limit, 1 + childSizes(a))
        }
        return total
    }
}
