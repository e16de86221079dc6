extension ExpressionStore {
    /// The canonical application of an elementary function.
    ///
    /// Exact values are folded (`exp(0)` → `1`, `log(1)` → `0`, `sin(0)` → `0`,
    /// `sigmoid(0)` → `1/2`), inverse pairs cancel (`log(exp(x))` → `x`, `exp(log(x))` → `x`),
    /// `log(e)` → `1`, and `log` of zero or of a negative number is ``undefined``.
    public func apply(_ function: ElementaryFunction, _ argument: ExprID) -> ExprID {
        if argument == undefined { return undefined }
        let value = rational(argument)
        switch function {
        case .exp:
            if argument == zero { return one }
            if case let .apply(.log, inner) = self[argument] { return inner }
        case .log:
            if let value, !value.isNegative, !value.isZero {
                if value.isOne { return zero }
            } else if let value, value.isNegative || value.isZero {
                return undefined
            }
            if case .constant(.e) = self[argument] { return one }
            if case let .apply(.exp, inner) = self[argument] { return inner }
        case .sin, .tan, .tanh:
            if argument == zero { return zero }
        case .cos:
            if argument == zero { return one }
        case .sigmoid:
            if argument == zero { return number(Rational(1, 2)) }
        case .asin, .atan, .sinh:
            if argument == zero { return zero }
        case .acos:
            if argument == zero { return product([number(Rational(1, 2)), constant(.pi)]) }
            if argument == one { return zero }
        case .cosh:
            if argument == zero { return one }
        case .softplus:
            if argument == zero { return log(number(2)) }
        case .abs, .sign, .relu, .heaviside:
            if let value { return piecewise(function, value) }
            // |−u| = |u|, sign(−u) = −sign(u): the argument keeps a positive coefficient.
            if splitCoefficient(argument).0.isNegative, function == .abs || function == .sign {
                let flipped = apply(function, negate(argument))
                return function == .abs ? flipped : negate(flipped)
            }
            if function == .abs, case .apply(.abs, _) = self[argument] { return argument }
        }
        return intern(.apply(function, argument))
    }

    /// `abs`, `sign`, `relu` or `heaviside` of a number; `sign(0)` and `heaviside(0)` are
    /// undefined (they stand for the derivatives of `abs` and `relu`, which do not exist at 0).
    private func piecewise(_ function: ElementaryFunction, _ value: Rational) -> ExprID {
        switch function {
        case .abs: return number(value.isNegative ? -value : value)
        case .relu: return value.isNegative ? zero : number(value)
        case .sign: return value.isZero ? undefined : (value.isNegative ? minusOne : one)
        default: return value.isZero ? undefined : (value.isNegative ? zero : one)   // heaviside
        }
    }
}
