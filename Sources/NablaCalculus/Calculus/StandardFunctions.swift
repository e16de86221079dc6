import NablaCore

extension ExpressionStore {
    /// The standard function that `body`, a function of the one parameter `t`, is, when it is
    /// written in one of the usual ways: `1/(1 + e^-t)` or `e^t/(1 + e^t)` is the sigmoid,
    /// `(e^t - e^-t)/(e^t + e^-t)` is tanh, `log(1 + e^t)` is softplus. Nil for anything else.
    ///
    /// ```swift
    /// let t = store.symbol("t")
    /// store.standardFunction(store.reciprocal(store.sum([store.one, store.exp(store.negate(t))])), of: t)   // .sigmoid
    /// ```
    ///
    /// The comparison is of canonical forms, so it is exact: a definition either is one of these
    /// forms after flattening and collecting, or it is not recognised.
    public func standardFunction(_ body: ExprID, of t: ExprID) -> ElementaryFunction? {
        for (function, forms) in standardForms(of: t) where forms.contains(body) { return function }
        return nil
    }

    /// The usual ways of writing each recognised function of `t`, as canonical expressions.
    private func standardForms(of t: ExprID) -> [(ElementaryFunction, [ExprID])] {
        let e = exp(t), eMinus = exp(negate(t))
        let e2 = exp(product([number(2), t])), e2Minus = exp(product([number(-2), t]))
        func over(_ a: ExprID, _ b: ExprID) -> ExprID { divide(a, b) }
        func plus(_ a: ExprID, _ b: ExprID) -> ExprID { sum([a, b]) }
        func minus(_ a: ExprID, _ b: ExprID) -> ExprID { subtract(a, b) }
        let half = number(Rational(1, 2))
        return [
            (.sigmoid, [
                reciprocal(plus(one, eMinus)),                                  // 1/(1 + e^-t)
                over(e, plus(one, e)),                                          // e^t/(1 + e^t)
                product([half, plus(one, apply(.tanh, product([half, t])))]),   // (1 + tanh(t/2))/2
            ]),
            (.tanh, [
                over(minus(e, eMinus), plus(e, eMinus)),                        // (e^t − e^-t)/(e^t + e^-t)
                over(minus(e2, one), plus(e2, one)),                            // (e^2t − 1)/(e^2t + 1)
                over(minus(one, e2Minus), plus(one, e2Minus)),                  // (1 − e^-2t)/(1 + e^-2t)
                over(apply(.sinh, t), apply(.cosh, t)),
                minus(product([number(2), reciprocal(plus(one, e2Minus))]), one),   // 2/(1 + e^-2t) − 1
            ]),
            (.sinh, [product([half, minus(e, eMinus)])]),                      // (e^t − e^-t)/2
            (.cosh, [product([half, plus(e, eMinus)])]),                       // (e^t + e^-t)/2
            (.softplus, [log(plus(one, e))]),                                  // log(1 + e^t)
            (.relu, [apply(.relu, t), plus(t, apply(.relu, negate(t)))]),      // max(t, 0), max(0, t)
        ]
    }
}
