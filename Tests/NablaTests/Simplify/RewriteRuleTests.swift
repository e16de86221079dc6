import Foundation
import Testing
@testable import Nabla

/// Every rewrite rule, on expressions where it applies, keeps the value at random points.
@Suite struct RewriteRuleTests {
    /// Expressions on which each rule applies, written in the plain syntax over x, y, z.
    static let samples: [String: [String]] = [
        "combine-over-common-denominator": [
            "exp(x)/(exp(x) + exp(y)) - exp(2x)/(exp(x) + exp(y))^2",
            "1/x + 1/y", "x/(1 + y^2) - 3/(1 + y^2)^2 + z", "1 - exp(x)/(exp(x) + exp(y))",
            "1/(exp(y - x) + 1) - exp(2x)/(exp(x) + exp(y))^2",
        ],
        "expand-products": ["(x + 1)^2 - x^2", "(x + y)(x - y) + y^2", "exp(x)(exp(x) + exp(y)) - exp(2x)"],
        "factor-common-factor": ["x exp(y) + z exp(y)", "x^3 y + x^2", "sin(x) x - sin(x) y"],
        "trigonometric-identities": [
            "x^2 sin(y)^2 + x^2 cos(y)^2 + z", "3 - 3 sin(x)^2", "cos(x)^2 - sin(x)^2 + y", "cos(x + y) cos(x - y) - sin(x + y) sin(x - y)",
            "sin(x) cos(y) + cos(x) sin(y)", "z sin(x) cos(y) - z cos(x) sin(y)", "cos(x) cos(y) + sin(x) sin(y)", "sin(x)^3 + sin(x) cos(x)^2", "y cos(2x) + 2y sin(x)^2", "cos(2x) - 2cos(x)^2",
        ],
        "turn-exponential-over": ["exp(-x)/(exp(-x) + 1)", "y exp(-x - y)/(exp(-x - y) + 1)", "exp(x)/(exp(x) + exp(y) + 2)"],
        "orient-a-denominator": ["1/((exp(-x) + 1) (exp(x) + 1))", "(exp(-2x) - exp(-x))/(exp(-x) + 1)^3", "x/((exp(-y) + 1)^2 (exp(y) + 1))"],
        "cancel-a-common-factor": ["(x^2 y + x y^2)/(x + y)", "(x^2 - 1)/(x^2 + 2x + 1)", "(exp(2x) - 1)/(exp(x) + 1)", "z (x^3 - y^3)/(x - y)", "(1 - exp(-2x))/(1 + exp(-x))"],
        "cancel-a-power-of-a-sum": ["(4x^3 + 4x y^2)/(x^4 + 2x^2 y^2 + y^4)", "(x + 1)/(x^2 + 2x + 1)", "z (2x + 2)/(x^3 + 3x^2 + 3x + 1)", "(2 - 2x)/(x^2 - 2x + 1)"],
        "take-out-content": ["x (-exp(y) - 1)/(exp(y) + 1)^2", "(2x - 2y)/(2z^2 + 2)", "(-3x - 6)^3 y/(x + 2)^2", "(4 - 2x)/(6x - 12)^2"],
    ]
    static let allRules = RewriteRule.all

    @Test func everyRuleHasSamples() {
        #expect(Set(Self.allRules.map(\.name)) == Set(Self.samples.keys))
    }

    @Test(arguments: allRules.map(\.name)) func ruleKeepsValues(name: String) throws {
        let rule = Self.allRules.first { $0.name == name }!
        var g = SeededGenerator(seed: 42)
        for text in Self.samples[name]! {
            let doc = try solve("F(x, y, z) = \(text)\njacobian F")
            let s = doc.store
            let before = doc.results[0].components[0]
            guard let after = rule.apply(before, in: s) else {
                Issue.record("\(name) does not apply to \(text)")
                continue
            }
            for _ in 0..<20 {
                let p = ["x": Double.random(in: 0.2...2, using: &g), "y": Double.random(in: 0.2...2, using: &g),
                         "z": Double.random(in: -2...2, using: &g)]
                let v = s.evaluate([before, after], at: p)
                #expect(isClose(v[0], v[1], relative: 1e-10, absolute: 1e-12), "\(name) on \(text) at \(p): \(v)")
            }
        }
    }

    /// The same with a sum in an exponent (a bias, z = x1 + b): the softmax entry turned over,
    /// 1/(e^(x2 − x1 − z) + 1), is written back over the shared denominator where it has to
    /// meet the other term, and the derivative is as short as without the bias.
    @Test func simplifiedSoftmaxDerivativeWithASumInTheExponent() throws {
        let e = try entries("""
            s(x1, x2) = (exp(x1 + z)/(exp(x1 + z) + exp(x2)), exp(x2)/(exp(x1 + z) + exp(x2)))
            jacobian s
            """)
        #expect(e == [
            ["exp(x1 + x2 + z)/(exp(x1 + z) + exp(x2))^2", "-exp(x1 + x2 + z)/(exp(x1 + z) + exp(x2))^2"],
            ["-exp(x1 + x2 + z)/(exp(x1 + z) + exp(x2))^2", "exp(x1 + x2 + z)/(exp(x1 + z) + exp(x2))^2"],
        ])
    }

    @Test func simplifiedSoftmaxDerivative() throws {
        let e = try entries("""
            s(x1, x2) = (exp(x1)/(exp(x1) + exp(x2)), exp(x2)/(exp(x1) + exp(x2)))
            jacobian s
            """)
        #expect(e == [
            ["exp(x1 + x2)/(exp(x1) + exp(x2))^2", "-exp(x1 + x2)/(exp(x1) + exp(x2))^2"],
            ["-exp(x1 + x2)/(exp(x1) + exp(x2))^2", "exp(x1 + x2)/(exp(x1) + exp(x2))^2"],
        ])
    }

    /// The trigonometric rule keeps the value of random sums of products of sines and cosines
    /// (high powers included), applied as often as it applies.
    @Test func trigonometricIdentitiesKeepValues() {
        let rule = RewriteRule.all.first { $0.name == "trigonometric-identities" }!
        forEachSeed(0..<1000, atLeast: 100) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let s = ExpressionStore()
            let x = s.symbol("x"), y = s.symbol("y")
            let arguments = [x, y, s.sum([x, y]), s.product([s.number(2), x]), s.subtract(x, y)]
            let u = arguments.randomElement(using: &g)!, v = arguments.randomElement(using: &g)!
            let sin = { s.apply(.sin, $0) }, cos = { s.apply(.cos, $0) }
            func sq(_ e: ExprID) -> ExprID { s.power(e, s.number(2)) }
            // Pieces that pair up under the identities, and some that do not.
            let pieces: [[ExprID]] = [[sq(sin(u))], [sq(cos(u))], [], [cos(u), cos(v)], [sin(u), sin(v)], [sin(u), cos(v)],
                                      [cos(u), sin(v)], [cos(s.product([s.number(2), u]))], [s.power(sin(u), s.number(17))], [sin(v)]]
            let monomial = [s.one, y, s.power(x, s.number(2))].randomElement(using: &g)!
            let terms = (0..<Int.random(in: 2...4, using: &g)).map { _ in
                s.product([s.number([1, -1, 2, -2].randomElement(using: &g)!), monomial] + pieces.randomElement(using: &g)!)
            }
            var e = s.sum(terms)
            var steps = 0
            let original = e
            while steps < 6, let next = rule.apply(e, in: s) { e = next; steps += 1 }
            guard steps > 0 else { return }
            for _ in 0..<5 {
                let p = ["x": Double.random(in: -2...2, using: &g), "y": Double.random(in: -2...2, using: &g)]
                let v = s.evaluate([original, e], at: p)
                #expect(isClose(v[0], v[1], relative: 1e-9, absolute: 1e-9), "seed \(seed) at \(p): \(v)")
            }
            compared += 1
        }
    }

    /// Simplification keeps the value of random expressions.
    @Test func simplifierPreservesValues() {
        forEachSeed(5000..<5040, atLeast: 130) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let tree = RandomExpression.make(depth: 4, &g)
            let s = ExpressionStore()
            let f = RandomExpression.build(tree, in: s)
            let simple = Simplifier(store: s).simplify(f)
            #expect(s.treeSize(simple) <= s.treeSize(f), "seed \(seed)")
            for _ in 0..<4 {
                let p = RandomExpression.environment(RandomExpression.point(&g))
                let v = s.evaluate([f, simple], at: p)
                guard v[0].isFinite, abs(v[0]) < 1e8 else { continue }
                compared += 1
                #expect(isClose(v[0], v[1], relative: 1e-8, absolute: 1e-9), "seed \(seed) at \(p): \(v)")
            }
        }
    }
}
