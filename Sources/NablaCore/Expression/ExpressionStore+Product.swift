extension ExpressionStore {
    /// The canonical product of `factors`: nested products flattened, numbers multiplied,
    /// powers of one base collected (`x·x^2` → `x^3`), exponentials merged
    /// (`e^a·e^b` → `e^(a+b)`), factors sorted. A number times a single sum is distributed:
    /// `2·(x + 1)` → `2x + 2`, unless the sum is larger than ``largeSumTerms``.
    public func product(_ factors: [ExprID]) -> ExprID {
        if factors.count == 1 { return factors[0] }
        if factors.count == 2, let scaled = scaledFastPath(factors[0], factors[1]) ?? scaledFastPath(factors[1], factors[0]) {
            return scaled
        }
        var coefficient = Rational.one
        var exponents: [ExprID: [ExprID]] = [:]   // base → exponents to add
        var bases: [ExprID] = []
        var expArguments: [ExprID] = []
        var expFactor: ExprID?   // the factor itself, while there is only one exponential

        func addFactor(_ f: ExprID) -> Bool {
            switch self[f] {
            case .undefined: return false
            case let .number(r): coefficient = coefficient * r
            case let .product(inner): for g in inner { if !addFactor(g) { return false } }
            case let .apply(.exp, a): expArguments.append(a); expFactor = f
            case .constant(.e): expArguments.append(one); expFactor = nil
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
            default:
                if p != one { result.append(p) }
                if splitPower(p).base != b { needsRepeat = true }
            }
        }
        if !expArguments.isEmpty {
            let e = expArguments.count == 1 && expFactor != nil ? expFactor! : apply(.exp, sum(expArguments))
            if case .apply(.exp, _) = self[e] { result.append(e) } else if e != one { result.append(e); needsRepeat = true }
        }
        if coefficient.isZero { return zero }
        if needsRepeat { return product(result + [number(coefficient)]) }
        if result.isEmpty { return number(coefficient) }
        if result.count == 1 {
            if coefficient.isOne { return result[0] }
            if case let .sum(terms) = self[result[0]], !isLargeSum(result[0]) {
                let c = number(coefficient)
                return sum(terms.map { product([c, $0]) })
            }
        }
        result.sort()
        if !coefficient.isOne { result.insert(number(coefficient), at: 0) }
        return intern(.product(result))
    }

    /// `c · x` for a number `c` and an `x` that is a symbol, power or function: already canonical.
    func scaledFastPath(_ c: ExprID, _ x: ExprID) -> ExprID? {
        guard let value = rational(c) else { return nil }
        if x == one { return c }
        if let other = rational(x) { return number(value * other) }
        switch self[x] {
        case .symbol, .constant(.pi), .power, .apply:
            if value.isZero { return zero }
            if value.isOne { return x }
            let key = ScaledKey(coefficient: c, factor: x)
            if let known = scaledProducts[key] { return known }
            let id = intern(.product([c, x]))
            scaledProducts[key] = id
            return id
        default: return nil
        }
    }
}
