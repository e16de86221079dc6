import NablaCore

extension ExpressionStore {
    /// A term of a sum as its coefficient, its trigonometric factors `sin(u)^k`, `cos(u)^k` and the
    /// product of its other factors: `3x·sin(t)²·cos(s)` → (3, x, [sin t: 2, cos s: 1]).
    private struct TrigTerm {
        let coefficient: Rational
        let others: [ExprID]
        /// (is sine, argument, exponent), in the order of the factors.
        let trig: [(sine: Bool, argument: ExprID, exponent: Int)]
    }

    private func trigTerm(_ term: ExprID) -> TrigTerm {
        let (c, rest) = splitCoefficient(term)
        let factors: [ExprID]
        if case let .product(f) = self[rest] { factors = f } else { factors = rest == one ? [] : [rest] }
        var others: [ExprID] = []
        var trig: [(Bool, ExprID, Int)] = []
        for f in factors {
            let (base, exponent) = splitPower(f)
            if let n = rational(exponent)?.intValue, n >= 1, case let .apply(fn, u) = self[base], fn == .sin || fn == .cos {
                trig.append((fn == .sin, u, n))
            } else {
                others.append(f)
            }
        }
        return TrigTerm(coefficient: c, others: others, trig: trig)
    }

    /// Whether a term has a factor `sin(u)^k` or `cos(u)^k` (looked at without building anything).
    private func hasTrigFactor(_ term: ExprID) -> Bool {
        func isTrig(_ f: ExprID) -> Bool {
            var base = f
            if case let .power(b, _) = self[f] { base = b }
            if case let .apply(fn, _) = self[base] { return fn == .sin || fn == .cos }
            return false
        }
        if case let .product(factors) = self[term] { return factors.contains(where: isTrig) }
        return isTrig(term)
    }

    /// `c · others · trig factors`, the trig factors given as (is sine, argument, exponent).
    private func rebuild(_ c: Rational, _ others: [ExprID], _ trig: [(sine: Bool, argument: ExprID, exponent: Int)]) -> ExprID {
        product([number(c)] + others + trig.map { power(apply($0.sine ? .sin : .cos, $0.argument), number($0.exponent)) })
    }

    /// The rule `trigonometric-identities`: two terms of a sum that differ only in their sines and
    /// cosines become one: `a·sin²u + a·cos²u` → `a`, `a − a·sin²u` → `a·cos²u`, `a·cos²u − a·sin²u` →
    /// `a·cos(2u)`, `a·cos(u)cos(v) ∓ a·sin(u)sin(v)` → `a·cos(u ± v)`, `a·sin(u)cos(v) ± a·cos(u)sin(v)` →
    /// `a·sin(u ± v)`, `a·cos(2u) + 2a·sin²u` → `a`. One pair per application; the simplifier
    /// applies it again while it shortens.
    func trigonometricIdentity(_ id: ExprID) -> ExprID? {
        guard case let .sum(terms) = self[id], terms.count >= 2, terms.contains(where: hasTrigFactor) else { return nil }
        let split = terms.map(trigTerm)
        // Each term with one trigonometric factor taken out: the key is everything else.
        struct Factor: Hashable, Comparable {
            let argument: ExprID, exponent: Int, sine: Bool
            static func < (a: Factor, b: Factor) -> Bool { (a.argument, a.exponent, a.sine ? 1 : 0) < (b.argument, b.exponent, b.sine ? 1 : 0) }
        }
        struct Key: Hashable { let others: [ExprID]; let rest: [Factor] }   // rest: the other trig factors
        func encode(_ t: [(sine: Bool, argument: ExprID, exponent: Int)]) -> [Factor] {
            t.map { Factor(argument: $0.argument, exponent: $0.exponent, sine: $0.sine) }.sorted()
        }
        func without(_ list: [(sine: Bool, argument: ExprID, exponent: Int)], _ k: Int) -> [(sine: Bool, argument: ExprID, exponent: Int)] {
            var l = list; l.remove(at: k); return l
        }
        func replaced(_ i: Int, _ j: Int, by new: ExprID) -> ExprID {
            sum(terms.enumerated().filter { $0.offset != i && $0.offset != j }.map(\.element) + [new])
        }
        // Squares: sin²u and cos²u with the same rest and coefficient (sum to the rest), opposite
        // coefficients (a cos(2u)), and a plain term equal to minus a sin² or cos² term.
        var squares: [Key: [(index: Int, sine: Bool, argument: ExprID)]] = [:]
        var doubleAngle: (Int, Int, ExprID)?   // taken only when no square pair sums to its rest
        for (i, t) in split.enumerated() {
            for (k, f) in t.trig.enumerated() where f.exponent >= 2 {
                var rest = without(t.trig, k)
                if f.exponent > 2 { rest.append((f.sine, f.argument, f.exponent - 2)) }
                let key = Key(others: t.others.sorted(), rest: encode(rest))
                for other in squares[key] ?? [] where other.argument == f.argument && other.sine != f.sine {
                    let (a, b) = (split[other.index].coefficient, t.coefficient)
                    if a == b { return replaced(other.index, i, by: rebuild(a, t.others, rest)) }
                    if a == -b, doubleAngle == nil {
                        let cosine = other.sine ? b : a   // the coefficient of cos²
                        doubleAngle = (other.index, i, rebuild(cosine, t.others, rest + [(false, product([number(2), f.argument]), 1)]))
                    }
                }
                squares[key, default: []].append((i, f.sine, f.argument))
            }
        }
        for (i, t) in split.enumerated() {
            let key = Key(others: t.others.sorted(), rest: encode(t.trig))
            for other in squares[key] ?? [] where split[other.index].coefficient == -t.coefficient {
                // a − a·sin²u → a·cos²u
                return replaced(other.index, i, by: rebuild(t.coefficient, t.others, t.trig + [(!other.sine, other.argument, 2)]))
            }
        }
        // c·cos(2u) + 2c·sin²u → c, c·cos(2u) − 2c·cos²u → −c (the double angle met again).
        for (i, t) in split.enumerated() {
            for (k, f) in t.trig.enumerated() where !f.sine && f.exponent == 1 {
                let u = product([number(Rational(1, 2)), f.argument])
                let key = Key(others: t.others.sorted(), rest: encode(without(t.trig, k)))
                for other in squares[key] ?? [] where other.argument == u {
                    let c2 = split[other.index].coefficient
                    if other.sine, c2 == Rational(2) * t.coefficient {
                        return replaced(other.index, i, by: rebuild(t.coefficient, t.others, without(t.trig, k)))
                    }
                    if !other.sine, c2 == Rational(-2) * t.coefficient {
                        return replaced(other.index, i, by: rebuild(-t.coefficient, t.others, without(t.trig, k)))
                    }
                }
            }
        }
        if let (i, j, new) = doubleAngle { return replaced(i, j, by: new) }
        // Products of two: cos·cos with sin·sin, sin·cos with cos·sin, same other factors.
        struct PairKey: Hashable { let others: [ExprID]; let rest: [Factor]; let u: ExprID; let v: ExprID }
        var pairs: [PairKey: [(index: Int, first: Bool, second: Bool)]] = [:]   // (sine of u, sine of v)
        for (i, t) in split.enumerated() {
            for a in t.trig.indices where t.trig[a].exponent == 1 {
                for b in t.trig.indices where b != a && t.trig[b].exponent == 1 && t.trig[a].argument < t.trig[b].argument {
                    let (fu, fv) = (t.trig[a], t.trig[b])
                    let rest = t.trig.enumerated().filter { $0.offset != a && $0.offset != b }.map(\.element)
                    let key = PairKey(others: t.others.sorted(), rest: encode(rest), u: fu.argument, v: fv.argument)
                    for other in pairs[key] ?? [] {
                        let (ca, cb) = (split[other.index].coefficient, t.coefficient)
                        let sumUV = sum([fu.argument, fv.argument]), differenceUV = subtract(fu.argument, fv.argument)
                        let kinds = (other.first, other.second, fu.sine, fv.sine)
                        var new: ExprID?
                        switch kinds {
                        case (false, false, true, true), (true, true, false, false):   // cos u cos v and sin u sin v
                            let c = other.first ? cb : ca, s = other.first ? ca : cb
                            if s == -c { new = rebuild(c, t.others, rest + [(false, sumUV, 1)]) }
                            else if s == c { new = rebuild(c, t.others, rest + [(false, differenceUV, 1)]) }
                        case (true, false, false, true), (false, true, true, false):   // sin u cos v and cos u sin v
                            let sc = other.first ? ca : cb, cs = other.first ? cb : ca
                            if cs == sc { new = rebuild(sc, t.others, rest + [(true, sumUV, 1)]) }
                            else if cs == -sc { new = rebuild(sc, t.others, rest + [(true, differenceUV, 1)]) }
                        default: break
                        }
                        if let new { return replaced(other.index, i, by: new) }
                    }
                    pairs[key, default: []].append((i, fu.sine, fv.sine))
                }
            }
        }
        return nil
    }
}
