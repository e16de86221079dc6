extension ExpressionStore {
    /// The canonical product of `factors`: nested products flattened, numbers multiplied,
    /// powers of one base collected (`x·x^2` → `x^3`), exponentials merged
    /// (`e^a·e^b` → `e^(a+b)`), factors sorted. A number times a single sum is distributed:
    /// `2·(x + 1)` → `2x + 2`.
    public func product(_ factors: [ExprID]) -> ExprID {
        var coefficient = Rational.one
        var exponents: [ExprID: [ExprID]] = [:]   // base → exponents to add
        var bases: [ExprID] = []
        var expArguments: [ExprID] = []

        func addFactor(_ f: ExprID) -> Bool {
            switch self[f] {
            case .undefined: return false
            case let .number(r): coefficient = coefficient * r
            case let .product(inner): for g in inner { if !addFactor(g) { return false } }
            case let .apply(.exp, a): expArguments.append(a)
            default:
                let (b, e) = splitPower(f)
                if exponents[b] == nil { bases.append(b); exponents[b] = [e] } else { exponents[b]!.append(e) }
            }
            return true
        }
        for f in factors { if !addFactor(f) { return undefined } }
        if coefficient.isZero { return zero }

        var result: [ExprID] = []
        var needsRepeat = false
        for b in bases {
            let es = exponents[b]!
            let p = es.count == 1 ? power(b, es[0]) : power(b, sum(es))
            switch self[p] {
            case .undefined: return undefined
            case let .number(r): coefficient = coefficient * r
            case .product, .apply(.exp, _): needsRepeat = true; result.append(p)
            default: if p != one { result.append(p) }
            }
        }
        if !expArguments.isEmpty {
            let e = apply(.exp, sum(expArguments))
            if e != one { result.append(e) }
        }
        if coefficient.isZero { return zero }
        if needsRepeat { return product(result + [number(coefficient)]) }
        if result.isEmpty { return number(coefficient) }
        if result.count == 1 {
            if coefficient.isOne { return result[0] }
            if case let .sum(terms) = self[result[0]] {
                let c = number(coefficient)
                return sum(terms.map { product([c, $0]) })
            }
        }
        result.sort()
        if !coefficient.isOne { result.insert(number(coefficient), at: 0) }
        return intern(.product(result))
    }
}
