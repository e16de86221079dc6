import NablaCore

extension ExpressionStore {
    /// The largest number of terms an expansion may produce before it gives up.
    static let maximumExpandedTerms = 256

    /// `id` with products of sums multiplied out and small positive integer powers of sums
    /// expanded: `(x + 1)·(x − 1)` → `x² − 1`. Nil when the result would pass
    /// ``maximumExpandedTerms`` terms. A large sum inside another sum or a product (see
    /// ``ExpressionStore/isLargeSum(_:)``) stays one term, as the canonical sum keeps it.
    public func expand(_ id: ExprID) -> ExprID? {
        guard let terms = expandedTerms(id) else { return nil }
        return sum(terms)
    }

    private func expandedTerms(_ id: ExprID) -> [ExprID]? {
        switch self[id] {
        case let .sum(terms):
            var out: [ExprID] = []
            for t in terms {
                guard let e = isLargeSum(t) ? [t] : expandedTerms(t) else { return nil }
                out += e
                if out.count > ExpressionStore.maximumExpandedTerms { return nil }
            }
            return out
        case let .product(factors):
            var out: [ExprID] = [one]
            for f in factors {
                guard let e = isLargeSum(f) ? [f] : expandedTerms(f) else { return nil }
                if e.count * out.count > ExpressionStore.maximumExpandedTerms { return nil }
                out = out.flatMap { a in e.map { b in product([a, b]) } }
            }
            return out
        case let .power(b, e):
            if case .sum = self[b], let n = rational(e)?.intValue, n >= 2, n <= 8 {
                guard let base = expandedTerms(b) else { return nil }
                var out: [ExprID] = [one]
                for _ in 0..<n {
                    if out.count * base.count > ExpressionStore.maximumExpandedTerms { return nil }
                    out = out.flatMap { a in base.map { product([a, $0]) } }
                }
                return out
            }
            return [id]
        default:
            return [id]
        }
    }

    /// The rule `expand-products`: the expanded sum, when `id` is a sum with a product of sums in it.
    func expandSum(_ id: ExprID) -> ExprID? {
        guard case let .sum(terms) = self[id] else { return nil }
        func isSumOrPowerOfSum(_ c: ExprID) -> Bool {
            switch self[c] {
            case .sum: return true
            case let .power(b, _): if case .sum = self[b] { return true }; return false
            default: return false
            }
        }
        let hasProductOfSums = terms.contains { t in
            switch self[t] {
            case let .product(factors): return factors.contains(where: isSumOrPowerOfSum)
            case .power: return isSumOrPowerOfSum(t)
            default: return false
            }
        }
        guard hasProductOfSums, let expanded = expand(id), expanded != id else { return nil }
        return expanded
    }
}

