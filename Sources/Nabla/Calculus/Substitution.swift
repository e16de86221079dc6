extension ExpressionStore {
    /// Replaces symbols by expressions, all at once: `substitute(x·y, [x: y, y: x])` is `y·x`.
    ///
    /// Sub-expressions that contain none of the replaced symbols are kept as they are; every
    /// rebuilt node goes through the canonical constructors.
    public func substitute(_ id: ExprID, _ replacements: [ExprID: ExprID]) -> ExprID {
        var memo: [ExprID: ExprID] = [:]
        return substitute(id, replacements, SymbolSet(ids: replacements.keys.sorted()), &memo)
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
        let result: ExprID
        switch self[id] {
        case .number, .constant, .undefined: result = id
        case .symbol: result = replacements[id] ?? id
        case let .sum(terms): result = sum(terms.map { substitute($0, replacements, keys, &memo) })
        case let .product(factors): result = product(factors.map { substitute($0, replacements, keys, &memo) })
        case let .power(b, e):
            result = power(substitute(b, replacements, keys, &memo), substitute(e, replacements, keys, &memo))
        case let .apply(f, a): result = apply(f, substitute(a, replacements, keys, &memo))
        }
        memo[id] = result
        return result
    }
}
