extension ExpressionStore {
    /// The canonical sum of `terms`: nested sums flattened, numbers added, like terms collected
    /// (`2x + 3x` → `5x`), terms sorted. A number times a sum is distributed by ``product(_:)``,
    /// so `x - (x - y)` is `y`.
    public func sum(_ terms: [ExprID]) -> ExprID {
        if terms.count == 1 { return terms[0] }
        var constant = Rational.zero
        var coefficients: [ExprID: Rational] = [:]
        var order: [ExprID] = []
        order.reserveCapacity(terms.count)

        func addTerm(_ term: ExprID) -> Bool {
            switch self[term] {
            case .undefined: return false
            case let .number(r): constant = constant + r
            case let .sum(inner): for t in inner { if !addTerm(t) { return false } }
            default:
                let (c, rest) = splitCoefficient(term)
                if let existing = coefficients[rest] {
                    coefficients[rest] = existing + c
                } else {
                    coefficients[rest] = c
                    order.append(rest)
                }
            }
            return true
        }
        for t in terms { if !addTerm(t) { return undefined } }

        var result: [ExprID] = []
        result.reserveCapacity(order.count + 1)
        var needsResum = false
        for rest in order {
            let c = coefficients[rest]!
            if c.isZero { continue }
            let term = c.isOne ? rest : product([number(c), rest])
            if case .sum = self[term] { needsResum = true }
            result.append(term)
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
}
