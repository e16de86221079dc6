import NablaCore

extension ExpressionStore {
    /// A term split into numerator factors and denominator powers: `3x/(y²·z)` →
    /// (3x, [y: 2, z: 1]). A sum in the denominator is its primitive part, its content moved up:
    /// `x/(2y + 2)` → (x/2, [y + 1: 1]), so that `1/(2y + 2)` and `1/(y + 1)²` share a denominator.
    struct Fraction {
        var numerator: [ExprID]
        var denominator: [ExprID: Rational]
    }

    func fraction(_ term: ExprID) -> Fraction {
        let factors: [ExprID]
        if case let .product(f) = self[term] { factors = f } else { factors = [term] }
        var result = Fraction(numerator: [], denominator: [:])
        for f in factors {
            if case let .power(b, e) = self[f], let n = rational(e), n.isNegative {
                if n.isInteger, let (c, primitive) = content(ofSum: b) {
                    result.numerator.append(power(number(c), e))
                    result.denominator[primitive, default: .zero] = result.denominator[primitive, default: .zero] - n
                } else {
                    result.denominator[b, default: .zero] = result.denominator[b, default: .zero] - n
                }
            } else {
                result.numerator.append(f)
            }
        }
        return result
    }

    /// Whether a term has a factor with a negative numeric exponent (checked without allocating).
    func hasDenominator(_ term: ExprID) -> Bool {
        func negativePower(_ f: ExprID) -> Bool {
            if case let .power(_, e) = self[f], let n = rational(e) { return n.isNegative }
            return false
        }
        if case let .product(factors) = self[term] { return factors.contains(where: negativePower) }
        return negativePower(term)
    }

    /// Denominators that are another denominator times an exponential, written over that one,
    /// so that they meet: 1/(e^(c − a) + 1) next to 1/(e^a + e^c) is e^a/(e^a + e^c) (a softmax
    /// entry turned over, turned back where it has to join the others).
    private func writeOverOneSum(_ fractions: inout [Fraction]) {
        let sums = Set(fractions.flatMap(\.denominator.keys)).filter { if case .sum = self[$0] { true } else { false } }
        guard sums.count >= 2 else { return }
        // D = S·e^−v, by the denominator D.
        var over: [ExprID: (sum: ExprID, exponent: ExprID)] = [:]
        for s in sums.sorted() {
            guard case let .sum(terms) = self[s], terms.count <= Self.turnedSumTerms, over[s] == nil else { continue }
            for t in terms {
                guard let v = exponentialArgument(t) else { continue }
                let inverse = exp(negate(v))
                let scaled = sum(terms.map { product([$0, inverse]) })
                if scaled != s, sums.contains(scaled), over[scaled] == nil { over[scaled] = (s, v) }
            }
        }
        guard !over.isEmpty else { return }
        for i in fractions.indices {
            for (d, n) in fractions[i].denominator {
                guard let (s, v) = over[d] else { continue }
                fractions[i].denominator[d] = nil
                fractions[i].denominator[s, default: .zero] = fractions[i].denominator[s, default: .zero] + n
                fractions[i].numerator.append(exp(product([number(n), v])))
            }
        }
    }

    /// The rule `combine-over-common-denominator`: `a/b + c/d` → `(a·d + c·b)/(b·d)` with the
    /// least common denominator and the numerator expanded. Nil when no term has a denominator.
    func combineOverCommonDenominator(_ id: ExprID) -> ExprID? {
        guard case let .sum(terms) = self[id], terms.contains(where: hasDenominator) else { return nil }
        var fractions = terms.map(fraction)
        writeOverOneSum(&fractions)
        var common: [ExprID: Rational] = [:]
        for f in fractions { for (b, n) in f.denominator where common[b].map({ $0 < n }) ?? true { common[b] = n } }
        var numeratorTerms: [ExprID] = []
        for f in fractions {
            var factors = f.numerator
            for (b, n) in common {
                let missing = n - (f.denominator[b] ?? .zero)
                if missing.isZero { continue }
                // A large sum is kept whole (as the core keeps it): multiplied into the other
                // numerators and expanded, it would cost its length squared, for nothing shorter.
                if isLargeSum(b) { return nil }
                factors.append(power(b, number(missing)))
            }
            numeratorTerms.append(product(factors))
        }
        guard let numerator = expand(sum(numeratorTerms)) else { return nil }
        let denominator = common.map { power($0.key, number(-$0.value)) }
        let plain = product([numerator] + denominator)
        // A fractional content of the numerator may join the coefficient: (1 − x²)/(2(x² + 1)²)
        // rather than (1/2 − x²/2)/(x² + 1)², whichever is smaller (signs stay as they are).
        guard let (c, primitive) = content(ofSum: numerator, fractions: true), !c.isInteger else { return plain }
        let scaled = product([number(c.magnitude), c.isNegative ? negate(primitive) : primitive] + denominator)
        return treeSize(scaled) <= treeSize(plain) ? scaled : plain
    }
}
