import NablaCore

extension ExpressionStore {
    /// The rule `factor-common-factor`: `a·x² + b·x` → `(a·x + b)·x`, for factors (not numbers)
    /// that every term has, to the smallest positive power they have in any term.
    func factorCommonFactor(_ id: ExprID) -> ExprID? {
        guard case let .sum(terms) = self[id], terms.count >= 2 else { return nil }
        func powers(_ term: ExprID) -> [ExprID: Rational] {
            let factors: [ExprID]
            if case let .product(f) = self[term] { factors = f } else { factors = [term] }
            var out: [ExprID: Rational] = [:]
            for f in factors where rational(f) == nil {
                let (b, e) = splitPower(f)
                if let n = rational(e), !n.isNegative { out[b] = n }
            }
            return out
        }
        var common = powers(terms[0])
        for t in terms.dropFirst() {
            if common.isEmpty { return nil }
            let p = powers(t)
            for (b, n) in common {
                if let m = p[b] { if m < n { common[b] = m } } else { common[b] = nil }
            }
        }
        guard !common.isEmpty else { return nil }
        let factor = product(common.map { power($0.key, number($0.value)) })
        let reciprocalFactor = power(factor, minusOne)
        let rest = sum(terms.map { product([$0, reciprocalFactor]) })
        return product([factor, rest])
    }
}

