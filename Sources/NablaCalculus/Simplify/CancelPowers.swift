import NablaCore

extension ExpressionStore {
    /// The rule `cancel-a-power-of-a-sum`: a sum in the numerator whose core (what is left after
    /// taking out its common monomial and content) has a square or cube that is a sum of the
    /// denominator, multiplied out, cancels against it:
    /// `(4s³ + 4s·t²)/(s⁴ + 2s²t² + t⁴)` → `4s/(s² + t²)`.
    func cancelPowerOfASum(_ id: ExprID) -> ExprID? {
        guard case let .product(factors) = self[id] else { return nil }
        for (i, f) in factors.enumerated() {
            let (p, pe) = splitPower(f)
            guard case .sum = self[p], let n = rational(pe), n.isInteger, !n.isNegative else { continue }
            let (monomial, core) = monomialAndCore(p)
            for (j, g) in factors.enumerated() where j != i {
                let (q, qe) = splitPower(g)
                guard case .sum = self[q], let d = rational(qe), d.isInteger, d.isNegative else { continue }
                let (c, qCore) = content(ofSum: q).map { ($0.content, $0.primitive) } ?? (.one, q)
                for k in 2...3 {
                    guard let expanded = expand(power(core, number(k))), expanded == qCore else { continue }
                    var rest = factors
                    rest.remove(at: max(i, j)); rest.remove(at: min(i, j))
                    // p^n·q^d = (monomial·core)^n · (c·core^k)^d
                    return product(rest + [power(monomial, pe), power(core, pe), power(number(c), qe), power(core, number(d * Rational(k))) ])
                }
            }
        }
        return nil
    }

    /// A sum as the product of what all its terms share (numbers and powers of factors) and the
    /// sum that is left: `4s³ + 4s·t²` → (4s, s² + t²).
    private func monomialAndCore(_ p: ExprID) -> (monomial: ExprID, core: ExprID) {
        var monomial = one, core = p
        if let factored = factorCommonFactor(core), case let .product(parts) = self[factored],
           let inner = parts.first(where: { if case .sum = self[$0] { true } else { false } }) {
            monomial = product(parts.filter { $0 != inner })
            core = inner
        }
        if let (c, primitive) = content(ofSum: core) {
            monomial = product([monomial, number(c)])
            core = primitive
        }
        return (monomial, core)
    }
}
