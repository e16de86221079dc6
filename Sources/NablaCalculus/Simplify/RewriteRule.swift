import NablaCore

/// A named simplification: given a node whose children are already simplified, an equal
/// expression, or nil when the rule does not apply.
///
/// Rules are data: ``RewriteRule/all`` lists them, and the tests check every rule numerically
/// at random points on expressions where it applies.
public struct RewriteRule: Sendable {
    /// Every rule rewrites a sum or a product; the simplifier does not offer it other nodes.
    public let name: String
    public let summary: String
    let rewrite: @Sendable (ExpressionStore, ExprID) -> ExprID?

    public init(_ name: String, _ summary: String, _ rewrite: @escaping @Sendable (ExpressionStore, ExprID) -> ExprID?) {
        self.name = name; self.summary = summary; self.rewrite = rewrite
    }

    /// Applies the rule; nil when it does not apply.
    public func apply(_ id: ExprID, in store: ExpressionStore) -> ExprID? { rewrite(store, id) }
}

extension RewriteRule {
    /// Every rule the simplifier tries, in order. A rewrite is kept only when it makes the
    /// printed expression smaller.
    public static let all: [RewriteRule] = [
        RewriteRule("combine-over-common-denominator",
                    "a sum with fractions becomes one fraction over the least common denominator, numerator expanded: e^x/S − e^(2x)/S² → e^x·(S − e^x)/S²",
                    { store, id in
                        // 1 − 1/(e^−t + 1) is e^−t/(e^−t + 1), longer, but 1/(e^t + 1) once the
                        // exponential turns over: the two steps are judged together.
                        guard let combined = store.combineOverCommonDenominator(id) else { return nil }
                        if let turned = store.turnExponentialOver(combined), store.treeSize(turned) < store.treeSize(combined) { return turned }
                        return combined
                    }),
        RewriteRule("expand-products",
                    "products of sums are multiplied out: (x + 1)² − x² → 2x + 1",
                    { store, id in store.expandSum(id) }),
        RewriteRule("take-out-content",
                    "in a product, a sum's integer content and sign join the coefficient, when that cancels it or lets two powers of one sum meet: x·(−e^u − 1)/(e^u + 1)² → −x/(e^u + 1), (2x − 2m)/(2s²) → (x − m)/s²",
                    { store, id in store.takeOutContent(id) }),
        RewriteRule("trigonometric-identities",
                    "two terms that differ only in sines and cosines become one: r²sin²t + r²cos²t → r², cos²t − sin²t → cos(2t), cos(u)cos(v) − sin(u)sin(v) → cos(u + v)",
                    { store, id in store.trigonometricIdentity(id) }),
        RewriteRule("turn-exponential-over",
                    "an exponential over a sum goes into the sum when that is shorter: e^−t/(e^−t + 1) → 1/(1 + e^t)",
                    { store, id in store.turnExponentialOver(id) }),
        RewriteRule("cancel-a-power-of-a-sum",
                    "a sum whose square or cube, multiplied out, is the denominator cancels against it: (4s³ + 4st²)/(s⁴ + 2s²t² + t⁴) → 4s/(s² + t²)",
                    { store, id in store.cancelPowerOfASum(id) }),
        RewriteRule("cancel-a-common-factor",
                    "a numerator and a denominator read as polynomials over their atoms cancel a common factor: one divides the other, or their gcd in one atom: (x²y + xy²)/(x + y) → xy, (x² − 1)/(x² + 2x + 1) → (x − 1)/(x + 1)",
                    { store, id in store.cancelCommonFactor(id) }),
        RewriteRule("factor-common-factor",
                    "a factor shared by every term is taken out: a·e^b + c·e^b → (a + c)·e^b",
                    { store, id in store.factorCommonFactor(id) }),
        RewriteRule("orient-a-denominator",
                    "a sum with an exponential in a denominator is multiplied through by its inverse when that is shorter: 1/((e^−t + 1)(e^t + 1)) → e^t/(e^t + 1)²",
                    { store, id in store.orientADenominator(id) }),
    ]

}
