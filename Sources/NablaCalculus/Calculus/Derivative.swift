import NablaCore

extension ExpressionStore {
    /// The partial derivative of `id` with respect to the symbol `variable`, in canonical form.
    ///
    /// One case per kind of node, like a table of derivatives. Results are memoized per
    /// (node, variable), and a sub-expression that does not contain the variable is skipped at
    /// once, so the derivative of a long linear form is a look-up of one coefficient.
    ///
    /// ```swift
    /// let s = ExpressionStore(); let x = s.symbol("x")
    /// s.derivative(s.apply(.sin, s.power(x, 2)), x)   // 2·x·cos(x^2)
    /// ```
    public func derivative(_ id: ExprID, _ variable: ExprID) -> ExprID {
        if let shortcut = derivativeWithoutWork(id, variable) { return shortcut }
        // Children first, without recursion: each node's derivative is built from its children's.
        let order = postOrder(from: [id]) { derivativeWithoutWork($0, variable) == nil }
        for n in order {
            if isOverBudget { return undefined }   // nothing half-done is remembered
            derivativeMemo[DerivativeKey(expression: n, variable: variable)] = derivativeStep(n, variable)
        }
        return derivativeMemo[DerivativeKey(expression: id, variable: variable)]!
    }

    /// The derivative when it needs no work: zero, one, a coefficient, or already known.
    private func derivativeWithoutWork(_ id: ExprID, _ variable: ExprID) -> ExprID? {
        if !depends(id, on: variable) { return zero }
        if id == variable { return one }
        let (coefficient, rest) = splitCoefficient(id)
        if rest == variable { return number(coefficient) }   // d(c·x)/dx = c
        return derivativeMemo[DerivativeKey(expression: id, variable: variable)]
    }

    /// The derivative of one node, its children's being known.
    private func derivativeStep(_ id: ExprID, _ variable: ExprID) -> ExprID {
        func d(_ child: ExprID) -> ExprID { derivativeWithoutWork(child, variable)! }
        switch self[id] {
        case .number, .constant, .symbol, .undefined:
            return zero   // unreachable for a symbol other than `variable`: it does not depend on it
        case .sum:
            return sum(termsDepending(on: variable, in: id).map(d))
        case let .product(factors):
            // d(f·g·h) = f'·g·h + f·g'·h + f·g·h'
            var terms: [ExprID] = []
            for (i, f) in factors.enumerated() where depends(f, on: variable) {
                var others = factors
                others[i] = d(f)
                terms.append(product(others))
            }
            return sum(terms)
        case let .power(base, exponent):
            let db = d(base)
            if !depends(exponent, on: variable) {
                // d(u^n) = n·u^(n-1)·u'
                return product([exponent, power(base, sum([exponent, minusOne])), db])
            }
            // d(u^v) = u^v·(v'·log(u) + v·u'/u)
            let dv = d(exponent)
            return product([id, sum([product([dv, log(base)]), product([exponent, db, reciprocal(base)])])])
        case let .apply(function, u):
            return product([functionDerivative(function, u), d(u)])
        }
    }

    /// The arguments u of the `abs`, `relu`, `sign` and `heaviside` in `ids` (also those `max` and
    /// `min` are built on): where some u = 0 the expressions are not differentiable, and their
    /// derivatives hold elsewhere. Found when asked, not with every derivative.
    public func corners(of ids: [ExprID]) -> [ExprID] {
        reachable(from: ids).compactMap { id in
            if case let .apply(f, u) = self[id], f.hasCornerAtZero { return u }
            return nil
        }
    }

    /// The derivative of `function` evaluated at `u` (the outer factor of the chain rule).
    func functionDerivative(_ function: ElementaryFunction, _ u: ExprID) -> ExprID {
        switch function {
        case .exp: return exp(u)                                          // exp' = exp
        case .log: return reciprocal(u)                                    // log' = 1/u
        case .sin: return apply(.cos, u)                                   // sin' = cos
        case .cos: return negate(apply(.sin, u))                           // cos' = -sin
        case .tan: return sum([one, power(apply(.tan, u), 2)])             // tan' = 1 + tan²
        case .tanh: return sum([one, negate(power(apply(.tanh, u), 2))])   // tanh' = 1 - tanh²
        case .sigmoid:                                                     // σ' = σ·(1 - σ)
            let s = apply(.sigmoid, u)
            return product([s, sum([one, negate(s)])])
        case .asin: return power(sum([one, negate(power(u, 2))]), number(Rational(-1, 2)))             // 1/√(1 - u²)
        case .acos: return negate(power(sum([one, negate(power(u, 2))]), number(Rational(-1, 2))))     // -1/√(1 - u²)
        case .atan: return reciprocal(sum([one, power(u, 2)]))                                        // 1/(1 + u²)
        case .sinh: return apply(.cosh, u)
        case .cosh: return apply(.sinh, u)
        case .abs: return apply(.sign, u)                                  // |u|' = sign(u), undefined at 0
        case .relu: return apply(.heaviside, u)                            // relu' = H(u), undefined at 0
        case .softplus: return apply(.sigmoid, u)                          // log(1 + e^u)' = σ(u)
        case .sign, .heaviside: return zero                                // constant away from 0
        }
    }

    /// The terms of the sum `id` that contain `variable`; for long sums, through an index built once.
    func termsDepending(on variable: ExprID, in id: ExprID) -> [ExprID] {
        guard case let .sum(terms) = self[id] else { return [] }
        if terms.count < 16 { return terms.filter { depends($0, on: variable) } }
        if sumDependents[id] == nil {
            var index: [(symbol: ExprID, term: Int32)] = []
            for (i, t) in terms.enumerated() { for s in freeSymbols(t).ids { index.append((s, Int32(i))) } }
            index.sort { $0.symbol < $1.symbol || ($0.symbol == $1.symbol && $0.term < $1.term) }
            sumDependents[id] = index
        }
        let index = sumDependents[id]!
        var low = 0, high = index.count
        while low < high {   // the first entry of `variable`
            let mid = (low + high) / 2
            if index[mid].symbol < variable { low = mid + 1 } else { high = mid }
        }
        var result: [ExprID] = []
        while low < index.count, index[low].symbol == variable { result.append(terms[Int(index[low].term)]); low += 1 }
        return result
    }
}
