extension ExpressionStore {
    /// The canonical sum of `terms`: nested sums flattened, numbers added, like terms collected
    /// (`2x + 3x` → `5x`), terms sorted. A number times a sum is distributed by ``product(_:)``,
    /// so `x - (x - y)` is `y`.
    public func sum(_ terms: [ExprID]) -> ExprID {
        if terms.count == 1 { return terms[0] }
        if terms.count == 2, let pair = pairFastPath(terms[0], terms[1]) { return pair }
        // Flatten, then sort the terms by their rest so that like terms are neighbours.
        var flat: [(rest: ExprID, term: ExprID)] = []   // plain integers: cheap to sort
        flat.reserveCapacity(terms.count)
        var constant = Rational.zero
        func add(_ term: ExprID) -> Bool {
            switch self[term] {
            case .undefined: return false
            case let .number(r): constant = constant + r
            case let .sum(inner): for t in inner where !add(t) { return false }
            default:
                flat.append((coefficientSplits[Int(term.index)].rest, term))
            }
            return true
        }
        for t in terms where !add(t) { return undefined }
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
