import NablaCore

extension ExpressionStore {
    /// The rule `cancel-a-common-factor`: a sum in the numerator and one in the denominator, read
    /// as polynomials over their atoms, share a factor that cancels: one divides the other
    /// exactly (`(x²y + xy²)/(x + y)` → `xy`), or, in one atom, their greatest common divisor
    /// (`(x² − 1)/(x² + 2x + 1)` → `(x − 1)/(x + 1)`, `(e^(2t) − 1)/(e^t + 1)` → `e^t − 1`).
    func cancelCommonFactor(_ id: ExprID) -> ExprID? {
        guard case let .product(factors) = self[id] else { return nil }
        for (i, f) in factors.enumerated() {
            let (n, ne) = splitPower(f)
            guard case .sum = self[n], let a = rational(ne)?.intValue, a >= 1 else { continue }
            for (j, g) in factors.enumerated() where j != i {
                let (d, de) = splitPower(g)
                guard case .sum = self[d], let b = rational(de)?.intValue, b <= -1 else { continue }
                guard let (numerator, numeratorShift) = laurent(expand(n) ?? n), let (denominator, denominatorShift) = laurent(expand(d) ?? d),
                      numerator.atoms.count <= 8, denominator.atoms.count <= 8,
                      let (p, q, common) = cancelled(numerator, denominator) else { continue }
                var rest = factors
                rest.remove(at: max(i, j)); rest.remove(at: min(i, j))
                // n = common·p·shift_n, d = common·q·shift_d: n^a·d^b = common^(a+b)·p^a·q^b·shift_n^a·shift_d^b.
                return product(rest + [power(expression(p), number(a)), power(expression(q), number(b)), power(expression(common), number(a + b)),
                                       power(expression(.one, times: numeratorShift), number(a)), power(expression(.one, times: denominatorShift), number(b))])
            }
        }
        return nil
    }

    /// p/q with the common factor taken out of n/d: by exact division either way, else by the
    /// greatest common divisor in one atom; nil when nothing cancels.
    private func cancelled(_ n: Polynomial, _ d: Polynomial) -> (Polynomial, Polynomial, common: Polynomial)? {
        if let (q, r) = n.divided(by: d), r.isZero, !d.isConstant { return (q, .one, d) }
        if let (q, r) = d.divided(by: n), r.isZero, !n.isConstant { return (.one, q, n) }
        guard let g = Polynomial.gcdInOneAtom(n, d), !g.isConstant,
              let (p, r1) = n.divided(by: g), r1.isZero, let (q, r2) = d.divided(by: g), r2.isZero else { return nil }
        return (p, q, g)
    }
}

extension Polynomial {
    /// Whether the polynomial is a number (a unit for division).
    var isConstant: Bool { terms.keys.allSatisfy { $0.powers.isEmpty } }
}
