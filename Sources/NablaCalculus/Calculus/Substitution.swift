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
        return rebuild([id], touching: { self.freeSymbols($0).intersects(keys) }, memo: &memo, symbol: { replacements[$0] })[0]
    }
}
