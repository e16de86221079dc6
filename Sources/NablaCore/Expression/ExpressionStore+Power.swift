import Foundation

extension ExpressionStore {
    /// The canonical power `base ^ exponent`.
    ///
    /// Numbers are computed exactly (`2^-2` → `1/4`, `4^(1/2)` → `2`); `e^x` is `exp(x)`;
    /// `(x^a)^n` → `x^(a·n)` and `(x·y)^n` → `x^n·y^n` for integer `n`; `exp(a)^k` → `exp(k·a)`.
    /// `0` to a negative power is ``undefined``.
    public func power(_ base: ExprID, _ exponent: ExprID) -> ExprID {
        if base == undefined || exponent == undefined { return undefined }
        if exponent == zero { return one }
        if exponent == one { return base }
        if base == one { return one }
        let n = rational(exponent)
        if let b = rational(base), let n {
            if let k = n.intValue {
                if b.isZero && k < 0 { return undefined }
                if let value = b.power(k) { return number(value) }
            } else if b.isZero {
                return n.isNegative ? undefined : zero
            } else if b.isNegative, n.denominator % 2 == 0 {
                return undefined   // an even root of a negative number is not real
            } else if let root = exactRoot(b, n) {
                return number(root)
            }
        }
        if base == zero, let n, !n.isNegative { return zero }
        switch self[base] {
        case .constant(.e): return apply(.exp, exponent)
        case let .apply(.exp, a): return apply(.exp, product([a, exponent]))
        case let .power(b, e) where n?.isInteger == true:
            return power(b, product([e, exponent]))
        case let .product(factors) where n?.isInteger == true:
            return product(factors.map { power($0, exponent) })
        default: break
        }
        return intern(.power(base, exponent))
    }

    /// `b^n` when it is rational (`(9/4)^(1/2)` → `3/2`), else nil.
    private func exactRoot(_ b: Rational, _ n: Rational) -> Rational? {
        guard !b.isNegative, let p = Int(exactly: n.numerator), let q = Int(exactly: n.denominator), q <= 64,
              let num = Int(exactly: b.numerator), let den = Int(exactly: b.denominator) else { return nil }
        func integerRoot(_ x: Int) -> Int? {
            let guess = Int(Foundation.pow(Double(x), 1 / Double(q)).rounded())
            for candidate in [guess - 1, guess, guess + 1] where candidate >= 0 {
                if Rational(candidate).power(q) == Rational(x) { return candidate }
            }
            return nil
        }
        guard let rn = integerRoot(num), let rd = integerRoot(den) else { return nil }
        return Rational(rn, rd).power(p)
    }
}
