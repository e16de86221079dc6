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
        }
        return intern(.apply(function, argument))
    }
}
