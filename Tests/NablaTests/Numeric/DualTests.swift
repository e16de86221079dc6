import Foundation
import Testing
@testable import Nabla
@testable import NablaNumeric

/// Dual numbers carry a derivative along: the tangent of every operation and elementary
/// function, checked against central finite differences of the plain double function at
/// seeded random points (and along random directions for the two-argument operations).
@Suite struct DualTests {
    /// (f(x + h) - f(x - h)) / 2h, with a step that follows the size of x.
    private static func centralDifference(_ f: (Double) -> Double, at x: Double) -> Double {
        let h = 1e-6 * max(1, abs(x))
        return (f(x + h) - f(x - h)) / (2 * h)
    }

    private static func agrees(_ tangent: Double, _ difference: Double) -> Bool {
        isClose(tangent, difference, relative: 1e-6, absolute: 1e-7)
    }

    struct Unary: Sendable {
        let name: String
        let dual: @Sendable (Dual) -> Dual
        let plain: @Sendable (Double) -> Double
        let domain: ClosedRange<Double>
    }

    private static let unaries: [Unary] = [
        Unary(name: "negate", dual: { -$0 }, plain: { -$0 }, domain: -3...3),
        Unary(name: "exp", dual: Dual.exp, plain: Foundation.exp, domain: -3...3),
        Unary(name: "log", dual: Dual.log, plain: Foundation.log, domain: 0.05...5),
        Unary(name: "sin", dual: Dual.sin, plain: Foundation.sin, domain: -4...4),
        Unary(name: "cos", dual: Dual.cos, plain: Foundation.cos, domain: -4...4),
        Unary(name: "tan", dual: Dual.tan, plain: Foundation.tan, domain: -1.3...1.3),
        Unary(name: "tanh", dual: Dual.tanh, plain: Foundation.tanh, domain: -3...3),
        Unary(name: "asin", dual: Dual.asin, plain: Foundation.asin, domain: -0.95...0.95),
        Unary(name: "acos", dual: Dual.acos, plain: Foundation.acos, domain: -0.95...0.95),
        Unary(name: "atan", dual: Dual.atan, plain: Foundation.atan, domain: -4...4),
        Unary(name: "sinh", dual: Dual.sinh, plain: Foundation.sinh, domain: -3...3),
        Unary(name: "cosh", dual: Dual.cosh, plain: Foundation.cosh, domain: -3...3),
        Unary(name: "reciprocal", dual: { 1 / $0 }, plain: { 1 / $0 }, domain: 0.2...4),
        Unary(name: "square", dual: { $0 * $0 }, plain: { $0 * $0 }, domain: -3...3),
    ]

    @Test func elementaryFunctionsAgreeWithFiniteDifferences() {
        forEachSeed(0..<40, atLeast: 40 * DualTests.unaries.count) { seed, compared in
            var g = SeededGenerator(seed: seed)
            for u in DualTests.unaries {
                let x = Double.random(in: u.domain, using: &g)
                let direction = Double.random(in: 0.5...2, using: &g) * (Bool.random(using: &g) ? 1 : -1)
                let d = u.dual(Dual(x, direction))
                // The value is the plain function's, the tangent its derivative times the direction.
                #expect(d.value == u.plain(x), "seed \(seed): \(u.name)(\(x)) value \(d.value)")
                let expected = direction * DualTests.centralDifference(u.plain, at: x)
                #expect(DualTests.agrees(d.tangent, expected), "seed \(seed): \(u.name)'(\(x)) = \(d.tangent), differences give \(expected)")
                compared += 1
            }
        }
    }

    /// The functions the tape builds from the operations: sigmoid, softplus, abs, relu (away from
    /// their kink), through the generic `ElementaryFunction.value`.
    @Test func composedFunctionsAgreeWithFiniteDifferences() {
        let functions: [ElementaryFunction] = [.sigmoid, .softplus, .abs, .relu, .exp, .log, .tan, .asin, .acos, .atan, .sinh, .cosh, .tanh]
        forEachSeed(100..<140, atLeast: 40 * functions.count) { seed, compared in
            var g = SeededGenerator(seed: seed)
            for f in functions {
                var x = Double.random(in: -3...3, using: &g)
                switch f {
                case .log: x = abs(x) + 0.05
                case .asin, .acos: x = x / 3.2
                case .tan: x = x / 2.4
                case .abs, .relu: if abs(x) < 1e-3 { x = 0.5 }
                default: break
                }
                let d = f.value(Dual(x, 1))
                let expected = DualTests.centralDifference({ f.value($0) }, at: x)
                #expect(DualTests.agrees(d.tangent, expected), "seed \(seed): \(f)'(\(x)) = \(d.tangent), differences give \(expected)")
                compared += 1
            }
        }
    }

    /// `derivative` on duals is what forward-over-reverse runs: its tangent is the second
    /// derivative, checked against differences of the first.
    @Test func secondDerivativesThroughTheDerivativeRule() {
        let functions: [ElementaryFunction] = [.exp, .log, .sin, .cos, .tan, .tanh, .sigmoid, .asin, .acos, .atan, .sinh, .cosh, .softplus]
        forEachSeed(200..<230, atLeast: 30 * functions.count) { seed, compared in
            var g = SeededGenerator(seed: seed)
            for f in functions {
                var x = Double.random(in: -2...2, using: &g)
                if f == .log { x = abs(x) + 0.1 }
                if f == .asin || f == .acos { x /= 2.5 }
                if f == .tan { x /= 2 }
                let d = Dual(x, 1)
                let second = f.derivative(d, f.value(d)).tangent
                let expected = DualTests.centralDifference({ f.derivative($0, f.value($0)) }, at: x)
                #expect(DualTests.agrees(second, expected), "seed \(seed): \(f)''(\(x)) = \(second), differences give \(expected)")
                compared += 1
            }
        }
    }

    struct Binary: Sendable {
        let name: String
        let dual: @Sendable (Dual, Dual) -> Dual
        let plain: @Sendable (Double, Double) -> Double
        let first: ClosedRange<Double>, second: ClosedRange<Double>
    }

    private static let binaries: [Binary] = [
        Binary(name: "+", dual: { $0 + $1 }, plain: { $0 + $1 }, first: -3...3, second: -3...3),
        Binary(name: "-", dual: { $0 - $1 }, plain: { $0 - $1 }, first: -3...3, second: -3...3),
        Binary(name: "*", dual: { $0 * $1 }, plain: { $0 * $1 }, first: -3...3, second: -3...3),
        Binary(name: "/", dual: { $0 / $1 }, plain: { $0 / $1 }, first: -3...3, second: 0.3...3),
        Binary(name: "/ by a negative", dual: { $0 / $1 }, plain: { $0 / $1 }, first: -3...3, second: -3 ... -0.3),
        Binary(name: "pow", dual: Dual.pow, plain: Foundation.pow, first: 0.1...3, second: -2.5...2.5),
        Binary(name: "+=", dual: { var a = $0; a += $1; return a }, plain: { $0 + $1 }, first: -3...3, second: -3...3),
        Binary(name: "-=", dual: { var a = $0; a -= $1; return a }, plain: { $0 - $1 }, first: -3...3, second: -3...3),
        Binary(name: "*=", dual: { var a = $0; a *= $1; return a }, plain: { $0 * $1 }, first: -3...3, second: -3...3),
    ]

    /// Along a random direction (da, db): the tangent is the derivative of t ↦ f(a + t·da, b + t·db) at 0.
    @Test func operationsAgreeWithDirectionalDifferences() {
        forEachSeed(300..<340, atLeast: 40 * DualTests.binaries.count) { seed, compared in
            var g = SeededGenerator(seed: seed)
            for op in DualTests.binaries {
                let a = Double.random(in: op.first, using: &g), b = Double.random(in: op.second, using: &g)
                let da = Double.random(in: -1...1, using: &g), db = Double.random(in: -1...1, using: &g)
                let d = op.dual(Dual(a, da), Dual(b, db))
                #expect(d.value == op.plain(a, b), "seed \(seed): \(a) \(op.name) \(b) value \(d.value)")
                let expected = DualTests.centralDifference({ t in op.plain(a + t * da, b + t * db) }, at: 0)
                #expect(DualTests.agrees(d.tangent, expected), "seed \(seed): \(a) \(op.name) \(b) along (\(da), \(db)): \(d.tangent), differences give \(expected)")
                compared += 1
            }
        }
    }

    /// A fixed exponent needs no logarithm of the base: negative bases work, as in the tape's powers.
    @Test func powersWithAFixedExponent() {
        forEachSeed(400..<440, atLeast: 40 * 8) { seed, compared in
            var g = SeededGenerator(seed: seed)
            for n in -3...4 {
                var x = Double.random(in: -2...2, using: &g)
                if n < 0 && abs(x) < 0.3 { x = 0.7 }
                let p = Dual.pow(Dual(x, 1), Dual(Double(n), 0))
                #expect(p.tangent.isFinite, "seed \(seed): pow(\(x), \(n))' is \(p.tangent)")
                let expected = DualTests.centralDifference({ Foundation.pow($0, Double(n)) }, at: x)
                #expect(DualTests.agrees(p.tangent, expected), "seed \(seed): pow(\(x), \(n))' = \(p.tangent), differences give \(expected)")
                let q = integerPower(Dual(x, 1), n)
                #expect(DualTests.agrees(q.tangent, expected), "seed \(seed): integerPower(\(x), \(n))' = \(q.tangent), differences give \(expected)")
                compared += 1
            }
        }
        // Only the exponent moves: d/dy 2^y = 2^y·log 2, the base's rule is not used.
        let p = Dual.pow(Dual(2, 0), Dual(3, 1))
        #expect(p.value == 8 && isClose(p.tangent, 8 * Foundation.log(2.0)))
        // Nothing moves: the tangent is 0, even at a base of zero where log(0) would poison it.
        #expect(Dual.pow(Dual(0, 0), Dual(2, 0)).tangent == 0)
        // A base of zero moving, a fixed exponent of 2: 2·0^1 = 0.
        #expect(Dual.pow(Dual(0, 1), Dual(2, 0)).tangent == 0)
    }

    @Test func comparisonsAndFiniteness() {
        // Order is by value; equality needs both parts.
        #expect(Dual(1, 5) < Dual(2, -5))
        #expect(!(Dual(2, 0) < Dual(2, 1)))
        #expect(Dual(2, 1) == Dual(2, 1))
        #expect(Dual(2, 1) != Dual(2, 0))
        #expect(Dual(integerLiteral: 3) == Dual(3, 0))
        #expect(Dual(0.5) == Dual(0.5, 0))
        #expect(Dual(1, 1).isFinite)
        #expect(!Dual(.infinity, 0).isFinite)
        #expect(!Dual(1, .nan).isFinite)
        // The log of zero: the value is -∞, the tangent not finite either.
        #expect(!Dual.log(Dual(0, 1)).isFinite)
    }
}
