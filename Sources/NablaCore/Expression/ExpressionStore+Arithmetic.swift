/// Conveniences built on the canonical constructors.
extension ExpressionStore {
    public func negate(_ a: ExprID) -> ExprID {
        // `-(3x)` is `-3·x`: flip the coefficient without the general product.
        let (c, rest) = splitCoefficient(a)
        if rest == one { return number(-c) }
        return scaledFastPath(number(-c), rest) ?? product([minusOne, a])
    }
    public func add(_ a: ExprID, _ b: ExprID) -> ExprID { sum([a, b]) }
    public func subtract(_ a: ExprID, _ b: ExprID) -> ExprID { sum([a, negate(b)]) }
    public func multiply(_ a: ExprID, _ b: ExprID) -> ExprID {
        scaledFastPath(a, b) ?? scaledFastPath(b, a) ?? product([a, b])
    }
    public func reciprocal(_ a: ExprID) -> ExprID { power(a, minusOne) }
    public func divide(_ a: ExprID, _ b: ExprID) -> ExprID { product([a, reciprocal(b)]) }
    public func power(_ a: ExprID, _ n: Int) -> ExprID { power(a, number(n)) }
    public func squareRoot(_ a: ExprID) -> ExprID { power(a, number(Rational(1, 2))) }
    public func exp(_ a: ExprID) -> ExprID { apply(.exp, a) }
    public func log(_ a: ExprID) -> ExprID { apply(.log, a) }

    /// Splits a term into its numeric coefficient and the rest: `3·x·y` → (3, x·y).
    @inlinable public func splitCoefficient(_ id: ExprID) -> (Rational, ExprID) {
        let split = coefficientSplits[Int(id.index)]
        return (split.coefficient, split.rest)
    }

    /// Splits a factor into base and exponent: `x^3` → (x, 3), `x` → (x, 1).
    public func splitPower(_ id: ExprID) -> (base: ExprID, exponent: ExprID) {
        if case let .power(b, e) = self[id] { return (b, e) }
        return (id, one)
    }
}
