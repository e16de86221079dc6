extension ExpressionStore {
    /// The canonical sum of `terms`: nested sums flattened, numbers added, like terms collected
    /// (`2x + 3x` → `5x`), terms sorted. A number times a sum is distributed by ``product(_:)``,
    /// so `x - (x - y)` is `y`.
    ///
    /// One large sum (more than ``largeSumTerms`` terms), or a number times one, is kept whole
    /// among terms that collect with none of its own: `x₂ = sin(x₁) + x₁` has two terms however
    /// large `x₁` is, so an n-fold composition has O(n) nodes, not O(n²). Two large sums, or a
    /// term like one of its terms, are flattened and collected as usual.
    public func sum(_ terms: [ExprID]) -> ExprID {
        if terms.count == 1 { return terms[0] }
        if terms.count == 2, let pair = pairFastPath(terms[0], terms[1]) { return pair }
        // Flatten, then sort the terms by their rest so that like terms are neighbours.
        var collected = FlatTerms()
        collected.flat.reserveCapacity(terms.count)
        for t in terms where !flatten(t, into: &collected, everything: false) { return undefined }
        var large = collected.large
        if large.count > 1, large.allSatisfy({ $0.sum == large[0].sum }) {   // S + S is 2·S
            let c = large.reduce(Rational.zero) { $0 + $1.coefficient }
            large = c.isZero ? [] : [(c, large[0].sum, product([number(c), large[0].sum]))]
        }
        if large.count == 1, keepsWhole(large[0].sum, among: collected.flat, constant: collected.constant) {
            collected.flat.append((large[0].sum, large[0].term))
        } else {
            for (c, s, _) in large {
                guard case let .sum(inner) = self[s] else { continue }
                let scale = number(c)
                for t in inner where !flatten(c.isOne ? t : product([scale, t]), into: &collected, everything: true) {
                    return undefined
                }
            }
        }
        var flat = collected.flat
        let constant = collected.constant
        // Sort positions by rest with plain integer keys: (rest << 32) | position.
        var order = flat.indices.map { UInt64(UInt32(bitPattern: flat[$0].rest.index)) << 32 | UInt64($0) }
        order.sort()
        flat = order.map { flat[Int($0 & 0xFFFF_FFFF)] }

        var result: [ExprID] = []
        result.reserveCapacity(flat.count + 1)
        var needsResum = false
        var i = 0
        while i < flat.count {
            var j = i + 1
            while j < flat.count && flat[j].rest == flat[i].rest { j += 1 }
            if j == i + 1 {
                result.append(flat[i].term)          // alone: the term as it was
            } else {
                var c = Rational.zero
                for k in i..<j { c = c + coefficientSplits[Int(flat[k].term.index)].coefficient }
                if !c.isZero {
                    let term = c.isOne ? flat[i].rest : product([number(c), flat[i].rest])
                    if case .sum = self[term] { needsResum = true }
                    result.append(term)
                }
            }
            i = j
        }
        if !constant.isZero { result.append(number(constant)) }
        if needsResum { return sum(result) }
        switch result.count {
        case 0: return zero
        case 1: return result[0]
        default:
            result.sort()
            return intern(.sum(result))
        }
    }

    /// The terms of a sum being built: the others flattened into `flat` and `constant`, the
    /// large sums (and numbers times one) set apart in `large`.
    private struct FlatTerms {
        var flat: [(rest: ExprID, term: ExprID)] = []   // plain integers: cheap to sort
        var constant = Rational.zero
        var large: [(coefficient: Rational, sum: ExprID, term: ExprID)] = []
    }

    /// Adds `term` to `terms`, flattening nested sums (large ones too when `everything`); false
    /// when it is undefined.
    private func flatten(_ term: ExprID, into terms: inout FlatTerms, everything: Bool) -> Bool {
        switch self[term] {
        case .undefined: return false
        case let .number(r): terms.constant = terms.constant + r
        case let .sum(inner) where everything || inner.count <= Self.largeSumTerms:
            for t in inner where !flatten(t, into: &terms, everything: everything) { return false }
        case .sum: terms.large.append((.one, term, term))
        default:
            let rest = coefficientSplits[Int(term.index)].rest
            if !everything, rest != term, isLargeSum(rest) {
                terms.large.append((coefficientSplits[Int(term.index)].coefficient, rest, term))
            } else {
                terms.flat.append((rest, term))
            }
        }
        return true
    }

    /// The number of terms above which a sum may be kept whole inside the sums built on it
    /// (see ``sum(_:)``) and a number times it is not distributed. No exercise comes near it.
    public static let largeSumTerms = 48

    /// Whether `id` is a sum of more than ``largeSumTerms`` terms.
    @inlinable public func isLargeSum(_ id: ExprID) -> Bool {
        if case let .sum(terms) = self[id] { return terms.count > Self.largeSumTerms }
        return false
    }

    /// Whether the large sum `s` can stay one term beside `others`: none of them collects with a
    /// term of `s`, and no number meets a number of `s`.
    private func keepsWhole(_ s: ExprID, among others: [(rest: ExprID, term: ExprID)], constant: Rational) -> Bool {
        let rests = largeSumRests(s)
        if !constant.isZero, rests.contains(one) { return false }
        return !others.contains { rests.contains($0.rest) }
    }

    /// The rests of the terms of a large sum, built once per sum (numbers have the rest 1).
    private func largeSumRests(_ s: ExprID) -> Set<ExprID> {
        if let known = largeSumRestSets[s] { return known }
        guard case let .sum(terms) = self[s] else { return [] }
        let rests = Set(terms.map { coefficientSplits[Int($0.index)].rest })
        largeSumRestSets[s] = rests
        return rests
    }

    /// `a + b` for two terms that are not sums: like terms collected, else already canonical.
    private func pairFastPath(_ a: ExprID, _ b: ExprID) -> ExprID? {
        func simple(_ t: ExprID) -> Bool {
            switch self[t] { case .sum, .undefined: false; default: true }
        }
        guard simple(a), simple(b) else { return nil }
        if let x = rational(a), let y = rational(b) { return number(x + y) }
        let (ca, ra) = splitCoefficient(a), (cb, rb) = splitCoefficient(b)
        if ra == rb, rational(a) == nil {
            let c = ca + cb
            return c.isZero ? zero : product([number(c), ra])
        }
        if a == zero { return b }
        if b == zero { return a }
        return intern(.sum(a < b ? [a, b] : [b, a]))
    }
}
