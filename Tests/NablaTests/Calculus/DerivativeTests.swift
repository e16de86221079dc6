import Foundation
import Testing
@testable import Nabla

@Suite struct DerivativeTests {
    @Test func tableOfDerivatives() throws {
        let cases: [(String, String)] = [
            ("x^3", "3x^2"), ("exp(2x)", "2·exp(2x)"), ("log(x)", "1/x"), ("sin(x)", "cos(x)"),
            ("cos(x)", "-sin(x)"), ("tan(x)", "tan(x)^2 + 1"), ("tanh(x)", "1 - tanh(x)^2"),
            ("sqrt(x)", "1/(2·sqrt(x))"), ("sigmoid(x)", "sigmoid(x)·(1 - sigmoid(x))"), ("2^x", "2^x·log(2)"),
            ("x^x", "x^x·(log(x) + 1)"), ("5", "0"), ("y", "0"),
        ]
        for (f, expected) in cases {
            let got = try entries("d(x) = \(f)\njacobian d")[0][0]
            #expect(got == expected, "d/dx \(f)")
        }
    }

    /// Symbolic derivatives against central finite differences on random expressions.
    @Test func matchesFiniteDifferences() {
        forEachSeed(0..<40, atLeast: 290) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let tree = RandomExpression.make(depth: 4, &g)
            let store = ExpressionStore()
            let f = RandomExpression.build(tree, in: store)
            for _ in 0..<3 {
                let p = RandomExpression.point(&g)
                for (k, name) in RandomExpression.variableNames.enumerated() {
                    let d = store.derivative(f, store.symbol(name))
                    let symbolic = store.evaluate([d], at: RandomExpression.environment(p))[0]
                    let h = 1e-5
                    var up = p, down = p
                    up[k] += h; down[k] -= h
                    let numeric = (RandomExpression.evaluate(tree, up) - RandomExpression.evaluate(tree, down)) / (2 * h)
                    guard symbolic.isFinite, numeric.isFinite, abs(numeric) < 1e6 else { continue }
                    compared += 1
                    #expect(isClose(symbolic, numeric, relative: 1e-4, absolute: 1e-5),
                            "seed \(seed): d/d\(name) at \(p): symbolic \(symbolic), finite differences \(numeric)")
                }
            }
        }
    }

    /// The canonical constructors keep the value of what was written.
    @Test func constructorsPreserveValues() {
        forEachSeed(1000..<1060, atLeast: 190) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let tree = RandomExpression.make(depth: 5, &g)
            let store = ExpressionStore()
            let f = RandomExpression.build(tree, in: store)
            for _ in 0..<4 {
                let p = RandomExpression.point(&g)
                let direct = RandomExpression.evaluate(tree, p)
                guard direct.isFinite, abs(direct) < 1e8 else { continue }
                compared += 1
                let built = store.evaluate([f], at: RandomExpression.environment(p))[0]
                #expect(isClose(built, direct, relative: 1e-9, absolute: 1e-9), "seed \(seed) at \(p): \(built) vs \(direct)")
            }
        }
    }

    @Test func linearFormDerivativeIsACoefficient() {
        let s = ExpressionStore()
        let xs = (1...50).map { s.symbol("x\($0)") }
        let form = s.sum(xs.enumerated().map { s.product([s.number($0.offset - 20), $0.element]) })
        #expect(s.derivative(form, xs[7]) == s.number(-13))
        #expect(s.derivative(form, s.symbol("y")) == s.zero)
    }

    @Test func jacobianSkipsIndependentEntries() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let m = s.jacobian([s.exp(x), s.apply(.sin, y)], [x, y])
        #expect(m[0, 1] == s.zero && m[1, 0] == s.zero)
        #expect(m[0, 0] == s.exp(x))
    }
}
