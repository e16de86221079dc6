import NablaCore

extension ExpressionStore {
    /// `id` with every sigmoid written out, σ(u) = 1/(1 + exp(−u)): the form for a program that
    /// has no σ (SymPy).
    ///
    /// ```swift
    /// store.sigmoidsWrittenOut(store.apply(.sigmoid, t))   // 1/(exp(-t) + 1)
    /// ```
    public func sigmoidsWrittenOut(_ id: ExprID) -> ExprID {
        var memo: [ExprID: ExprID] = [:]
        // Children first, without recursion: each node rebuilt from its rebuilt children.
        for n in postOrder(from: [id], where: { memo[$0] == nil && !isLeaf($0) }) {
            if isOverBudget { return undefined }
            func new(_ c: ExprID) -> ExprID { memo[c] ?? c }
            switch self[n] {
            case .number, .constant, .undefined, .symbol: memo[n] = n
            case let .sum(terms): memo[n] = sum(terms.map(new))
            case let .product(factors): memo[n] = product(factors.map(new))
            case let .power(b, e): memo[n] = power(new(b), new(e))
            case let .apply(.sigmoid, a): memo[n] = reciprocal(sum([one, exp(negate(new(a)))]))
            case let .apply(f, a): memo[n] = apply(f, new(a))
            }
        }
        return memo[id] ?? id
    }

    /// Whether any of `roots` applies `function` somewhere: one walk over them all.
    public func applies(_ function: ElementaryFunction, in roots: [ExprID]) -> Bool {
        var found = false
        for n in postOrder(from: roots, where: { _ in !found }) {
            if case .apply(function, _) = self[n] { found = true }
        }
        return found
    }

    private func isLeaf(_ id: ExprID) -> Bool {
        switch self[id] {
        case .number, .constant, .undefined, .symbol: true
        default: false
        }
    }
}

extension Simplifier {
    /// `id` with its sigmoids written out and simplified in exponentials, when that is shorter:
    /// σ(t)·(1 − σ(t)) becomes exp(t)/(exp(t) + 1)², not 1/(1 + exp(−t))·(1 − 1/(1 + exp(−t))).
    /// Otherwise (no sigmoid, nothing shorter, or too large to simplify again) `id` itself, which
    /// the SymPy notation writes out as it prints.
    public func withoutSigmoid(_ id: ExprID) -> ExprID {
        let written = store.sigmoidsWrittenOut(id)
        guard written != id, store.treeSize(written) <= 4000 else { return id }
        let simplified = simplify(written)
        return store.treeSize(simplified) < store.treeSize(written) ? simplified : id
    }
}
