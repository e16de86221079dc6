import NablaCore

/// A sum read as a polynomial over its atoms (symbols and calls), with rational coefficients:
/// what exact division and the greatest common divisor work on. An exponential e^(k·u) with k
/// an integer is the atom e^u to the power k, so that e^(2x) − 1 is (e^x)² − 1 and e^−t is
/// (e^t)^−1; negative powers are cleared by a monomial factor (``ExpressionStore/laurent(_:)``).
struct Polynomial: Equatable {
    /// Atoms to their powers, sorted by atom: the variables of one term.
    struct Monomial: Hashable {
        var powers: [Atom]
        struct Atom: Hashable { let atom: ExprID; var power: Int }

        static let one = Monomial(powers: [])

        func power(of atom: ExprID) -> Int { powers.first { $0.atom == atom }?.power ?? 0 }

        static func * (a: Monomial, b: Monomial) -> Monomial {
            var out: [ExprID: Int] = [:]
            for p in a.powers + b.powers { out[p.atom, default: 0] += p.power }
            return Monomial(powers: out.filter { $0.value != 0 }.map { Atom(atom: $0.key, power: $0.value) }.sorted { $0.atom < $1.atom })
        }

        /// a / b when b divides a (every power of b at most a's), else nil.
        func divided(by b: Monomial) -> Monomial? {
            var out: [ExprID: Int] = Dictionary(uniqueKeysWithValues: powers.map { ($0.atom, $0.power) })
            for p in b.powers {
                let left = (out[p.atom] ?? 0) - p.power
                if left < 0 { return nil }
                out[p.atom] = left
            }
            return Monomial(powers: out.filter { $0.value != 0 }.map { Atom(atom: $0.key, power: $0.value) }.sorted { $0.atom < $1.atom })
        }

        /// Lexicographic order on the powers, atoms taken in the order of their ids.
        static func precedes(_ a: Monomial, _ b: Monomial) -> Bool {
            let atoms = Set(a.powers.map(\.atom) + b.powers.map(\.atom)).sorted()
            for x in atoms {
                let pa = a.power(of: x), pb = b.power(of: x)
                if pa != pb { return pa < pb }
            }
            return false
        }
    }

    var terms: [Monomial: Rational]

    /// The polynomial 1.
    static let one = Polynomial(terms: [.one: .one])

    var isZero: Bool { terms.isEmpty }
    var atoms: Set<ExprID> { Set(terms.keys.flatMap { $0.powers.map(\.atom) }) }

    /// The greatest monomial and its coefficient.
    var leading: (Monomial, Rational)? {
        terms.max { Monomial.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
    }

    static func - (a: Polynomial, b: Polynomial) -> Polynomial {
        var out = a.terms
        for (m, c) in b.terms {
            let v = (out[m] ?? .zero) - c
            out[m] = v == .zero ? nil : v
        }
        return Polynomial(terms: out)
    }

    func times(_ m: Monomial, _ c: Rational) -> Polynomial {
        Polynomial(terms: Dictionary(uniqueKeysWithValues: terms.map { ($0.key * m, $0.value * c) }))
    }

    /// `self = quotient·divisor + remainder`, the remainder's terms not divisible by the divisor's
    /// leading term; nil past `limit` steps.
    func divided(by divisor: Polynomial, limit: Int = 400) -> (quotient: Polynomial, remainder: Polynomial)? {
        guard let (ld, lc) = divisor.leading else { return nil }
        var r = self, q = Polynomial(terms: [:]), rest = Polynomial(terms: [:])
        var steps = 0
        while let (lr, rc) = r.leading {
            steps += 1
            if steps > limit { return nil }
            guard let m = lr.divided(by: ld) else {
                // Not divisible: the leading term goes to the remainder.
                rest.terms[lr] = rc
                r.terms[lr] = nil
                continue
            }
            guard let c = rc / lc else { return nil }
            q.terms[m] = (q.terms[m] ?? .zero) + c
            r = r - divisor.times(m, c)
        }
        return (q, rest)
    }

    /// The monic greatest common divisor of two polynomials in one atom (Euclid over the
    /// rationals); nil for several atoms or past the step limit.
    static func gcdInOneAtom(_ a: Polynomial, _ b: Polynomial) -> Polynomial? {
        guard a.atoms.union(b.atoms).count == 1 else { return nil }
        var x = a, y = b
        for _ in 0..<64 {
            if y.isZero {
                guard let (_, c) = x.leading, let inverse = c.reciprocal else { return nil }
                return x.times(.one, inverse)
            }
            guard let (_, r) = x.divided(by: y) else { return nil }
            (x, y) = (y, r)
        }
        return nil
    }
}

extension ExpressionStore {
    /// `id` as a polynomial times a monomial that clears its negative powers (e^−t + 1 is
    /// (1 + e^t)·(e^t)^−1); nil when a term is not a product of atoms to integer powers.
    func laurent(_ id: ExprID) -> (Polynomial, shift: Polynomial.Monomial)? {
        let terms: [ExprID]
        if case let .sum(t) = self[id] { terms = t } else { terms = [id] }
        guard terms.count <= 40 else { return nil }
        var out: [Polynomial.Monomial: Rational] = [:]
        for t in terms {
            guard let (c, m) = monomial(t) else { return nil }
            out[m] = (out[m] ?? .zero) + c
        }
        out = out.filter { $0.value != .zero }
        // The least power of each atom, when negative, is taken out.
        var least: [ExprID: Int] = [:]
        for m in out.keys { for p in m.powers { least[p.atom] = min(least[p.atom] ?? 0, p.power) } }
        let shift = Polynomial.Monomial(powers: least.filter { $0.value < 0 }.map { .init(atom: $0.key, power: $0.value) }.sorted { $0.atom < $1.atom })
        let inverse = Polynomial.Monomial(powers: shift.powers.map { .init(atom: $0.atom, power: -$0.power) })
        let polynomial = Polynomial(terms: Dictionary(uniqueKeysWithValues: out.map { ($0.key * inverse, $0.value) }))
        return (polynomial, shift)
    }

    /// A term as coefficient × atoms to integer powers.
    private func monomial(_ t: ExprID) -> (Rational, Polynomial.Monomial)? {
        var c = Rational.one
        var m = Polynomial.Monomial.one
        let factors: [ExprID]
        if case let .product(f) = self[t] { factors = f } else { factors = [t] }
        for f in factors {
            if let r = rational(f) { c = c * r; continue }
            let (base, exponent) = splitPower(f)
            guard let k = rational(exponent)?.intValue, abs(k) <= 64 else { return nil }
            guard let (atom, power) = atom(base) else { return nil }
            m = m * Polynomial.Monomial(powers: [.init(atom: atom, power: power * k)])
        }
        return (c, m)
    }

    /// A symbol or a call as an atom; e^(k·u) as (e^u, k) for an integer k.
    private func atom(_ x: ExprID) -> (ExprID, Int)? {
        switch self[x] {
        case .symbol, .constant: return (x, 1)
        case let .apply(.exp, a):
            if case let .product(f) = self[a], let n = rational(f[0])?.intValue, abs(n) <= 64 {
                return (exp(product(Array(f.dropFirst()))), n)
            }
            return (x, 1)
        case .apply: return (x, 1)
        default: return nil
        }
    }

    /// The expression of a polynomial times a monomial.
    func expression(_ p: Polynomial, times m: Polynomial.Monomial = .one) -> ExprID {
        sum(p.terms.sorted { Polynomial.Monomial.precedes($1.key, $0.key) }.map { mono, c in
            product([number(c)] + (mono * m).powers.map { power($0.atom, number($0.power)) })
        })
    }
}
