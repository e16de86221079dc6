import NablaCore

extension ExpressionStore {
    /// Replaces symbols by expressions, all at once: `substitute(x·y, [x: y, y: x])` is `y·x`.
    ///
    /// Sub-expressions that contain none of the replaced symbols are kept as they are; every
    /// rebuilt node goes through the canonical constructors.
    public func substitute(_ id: ExprID, _ replacements: [ExprID: ExprID]) -> ExprID {
        var memo: [ExprID: ExprID] = [:]
        return substitute(id, replacements, SymbolSet(ids: replacements.keys.sorted()), &memo)
    }

    /// Substitutes `values` for the symbols `parameters`, position by position: a function's
    /// components at its arguments (the first value wins where a parameter repeats).
    ///
    /// ```swift
    /// store.substitute(f.components, replacing: f.parameters, with: g.components)   // f(g(x))
    /// ```
    public func substitute(_ ids: [ExprID], replacing parameters: [ExprID], with values: [ExprID]) -> [ExprID] {
        substitute(ids, Dictionary(zip(parameters, values), uniquingKeysWith: { a, _ in a }))
    }

    /// Substitutes in several expressions, sharing the work between them.
    public func substitute(_ ids: [ExprID], _ replacements: [ExprID: ExprID]) -> [ExprID] {
        var memo: [ExprID: ExprID] = [:]
        let keys = SymbolSet(ids: replacements.keys.sorted())
        return ids.map { substitute($0, replacements, keys, &memo) }
    }

    private func substitute(_ id: ExprID, _ replacements: [ExprID: ExprID], _ keys: SymbolSet,
                            _ memo: inout [ExprID: ExprID]) -> ExprID {
        if !freeSymbols(id).intersects(keys) { return id }
        if let done = memo[id] { return done }
        // Children first, without recursion: each node is rebuilt from its rebuilt children.
        let order = postOrder(from: [id], where: { freeSymbols($0).intersects(keys) && memo[$0] == nil })
        for n in order {
            if isOverBudget { return undefined }
            func new(_ c: ExprID) -> ExprID { memo[c] ?? c }
            let result: ExprID
            switch self[n] {
            case .number, .constant, .undefined: result = n
            case .symbol: result = replacements[n] ?? n
            case let .sum(terms): result = sum(terms.map(new))
            case let .product(factors): result = product(factors.map(new))
            case let .power(b, e): result = power(new(b), new(e))
            case let .apply(f, a): result = apply(f, new(a))
            }
            memo[n] = result
        }
        return memo[id]!
    }
}
