import NablaCore

extension ExpressionStore {
    /// The rule `turn-exponential-over`: an exponential over a sum is moved into the sum,
    /// `e^u/(S)` → `1/(S·e^−u)` with the product multiplied out, when that is shorter:
    /// `e^−t/(e^−t + 1)` → `1/(1 + e^t)`. Only for a sum to the power −1, so that no fractional
    /// exponent appears.
    func turnExponentialOver(_ id: ExprID) -> ExprID? {
        guard case let .product(factors) = self[id] else { return nil }
        guard let e = factors.firstIndex(where: { if case .apply(.exp, _) = self[$0] { true } else { false } }),
              case let .apply(.exp, u) = self[factors[e]] else { return nil }
        for (k, f) in factors.enumerated() where k != e {
            guard case let .power(base, exponent) = self[f], exponent == minusOne, case let .sum(terms) = self[base],
                  terms.contains(where: { containsExponential($0) }) else { continue }
            let inverse = exp(negate(u))
            let turned = sum(terms.map { product([$0, inverse]) })
            var rest = factors
            rest.remove(at: max(e, k)); rest.remove(at: min(e, k))
            return product(rest + [reciprocal(turned)])
        }
        return nil
    }

    /// Whether a term is or has an exponential factor.
    private func containsExponential(_ term: ExprID) -> Bool {
        switch self[term] {
        case .apply(.exp, _): return true
        case let .product(f): return f.contains { if case .apply(.exp, _) = self[$0] { true } else { false } }
        default: return false
        }
    }
}
