extension ExpressionStore {
    /// `roots` rebuilt children first, without recursion: every node `touches` selects is made
    /// again by the canonical constructors from its rebuilt children; a symbol goes through
    /// `symbol` and a sum's rebuilt terms through `sum` first (nil: the plain sum). Untouched
    /// nodes are kept as they are. Substitution and the dense-layer rewrites are this pass.
    ///
    /// ```swift
    /// store.rebuild([e], touching: { store.depends($0, on: x) }, symbol: { $0 == x ? y : nil })   // e with y for x
    /// ```
    package func rebuild(_ roots: [ExprID], touching: (ExprID) -> Bool, memo: inout [ExprID: ExprID],
                         symbol: (ExprID) -> ExprID? = { _ in nil },
                         sum rebuildSum: (_ original: [ExprID], _ rebuilt: [ExprID]) -> ExprID? = { _, _ in nil }) -> [ExprID] {
        let order = postOrder(from: roots.filter { memo[$0] == nil && touching($0) }, where: { touching($0) && memo[$0] == nil })
        for n in order {
            if isOverBudget { return roots.map { _ in undefined } }
            func new(_ c: ExprID) -> ExprID { memo[c] ?? c }
            let result: ExprID
            switch self[n] {
            case .number, .constant, .undefined: result = n
            case .symbol: result = symbol(n) ?? n
            case let .sum(terms):
                let rebuilt = terms.map(new)
                result = rebuildSum(terms, rebuilt) ?? sum(rebuilt)
            case let .product(factors): result = product(factors.map(new))
            case let .power(b, e): result = power(new(b), new(e))
            case let .apply(f, a): result = apply(f, new(a))
            }
            memo[n] = result
        }
        return roots.map { memo[$0] ?? $0 }
    }
}
