import Foundation
import Testing
@testable import Nabla
@testable import NablaNumeric

/// What the compiler does to the instructions: stable softmax and log-sum-exp, folded
/// constants, registers reused by liveness.
@Suite struct TapeCompilerTests {
    /// A compiled target of a `.nabla` text: the tape of its components and of its Jacobian.
    private func tapes(_ text: String) throws -> (values: Tape, jacobian: Tape) {
        let doc = try solve(text)
        let r = doc.results[0]
        let inputs = r.variables.map { doc.store.symbol($0) }
        return (Tape(store: doc.store, outputs: r.components, inputs: inputs),
                Tape(store: doc.store, outputs: r.matrix.entries, inputs: inputs))
    }

    @Test func softmaxOfLargeInputsIsFinite() throws {
        let (values, jacobian) = try tapes("p(a, b) = softmax(a, b)\njacobian p\n")
        #expect(values.values(at: [1000, 0]) == [1, 0])
        #expect(values.values(at: [0, 1000]) == [0, 1])
        // exp(z − lse) loses about |z|·ε: 1e-13 relative at z = −1000.
        #expect(values.values(at: [-1000, -1000]).allSatisfy { isClose($0, 0.5, relative: 1e-12) })
        // At (1000, 0) every entry of the Jacobian is p(1 − p) or −p·q, which is 0 to rounding.
        for route in [jacobian.values(at: [1000, 0]), values.jacobian(at: [1000, 0]).flatMap { $0 }] {
            #expect(route.allSatisfy { $0.isFinite && abs($0) < 1e-300 }, "\(route)")
        }
    }

    @Test func logSumExpOfLargeInputsIsFinite() throws {
        let (values, _) = try tapes("f(a, b, c) = logsumexp(a, b, c)\njacobian f\n")
        #expect(values.values(at: [1000, 0, -5]) == [1000])
        #expect(values.values(at: [-1e308, -1e308, -1e308])[0].isFinite)
        let gradient = values.vjp(at: [1000, 1000, 0], cotangent: [1]).pullback
        #expect(isClose(gradient[0], 0.5) && isClose(gradient[1], 0.5) && gradient[2] == 0)
    }

    /// softmax(z + c) = softmax(z) and lse(z + c) = lse(z) + c: the values and every route to
    /// the Jacobian at a huge shift match those at the unshifted point.
    @Test(arguments: 0..<10) func shiftInvariance(seed: UInt64) throws {
        var g = SeededGenerator(seed: 31_000 + seed)
        let (values, jacobian) = try tapes("""
            p(z1, z2, z3) = softmax(z1, z2, z3)
            loss(p1, p2, p3) = -log(p2)
            L = loss∘p
            jacobian L
            """)
        let z = (0..<3).map { _ in Double.random(in: -3...3, using: &g) }
        let shift = [800.0, -800, 5000].randomElement(using: &g)!
        let moved = z.map { $0 + shift }
        #expect(isClose(values.values(at: moved)[0], values.values(at: z)[0], relative: 1e-9), "seed \(31_000 + seed)")
        let expected = jacobian.values(at: z)
        for route in [jacobian.values(at: moved), values.vjp(at: moved, cotangent: [1]).pullback,
                      values.jacobian(at: moved)[0]] {
            for (a, b) in zip(route, expected) { #expect(isClose(a, b, relative: 1e-6, absolute: 1e-9), "seed \(31_000 + seed): \(route) vs \(expected)") }
        }
    }

    /// The cross-entropy of a perceptron with huge logits: finite, and equal to lse(z) − z₁.
    @Test func crossEntropyOfHugeLogits() throws {
        let (values, jacobian) = try tapes("""
            layer(x1, x2) = (3x1 - x2, x1 + 2x2)
            loss(p1, p2) = -log(p1)
            F = loss∘softmax∘layer
            gradient F
            """)
        let x = [-400.0, 100]   // z = (−1300, −200): softmax(z)₁ = exp(−1100), below the smallest double
        #expect(isClose(values.values(at: x)[0], 1100, relative: 1e-12))
        let gradient = jacobian.values(at: x)
        #expect(isClose(gradient[0], -2, relative: 1e-12) && isClose(gradient[1], 3, relative: 1e-12), "\(gradient)")
    }

    @Test func constantsAreFolded() {
        let s = ExpressionStore()
        let x = s.symbol("x")
        let f = s.sum([s.multiply(s.exp(s.number(2)), x), s.apply(.sin, s.number(3)), s.power(s.constant(.pi), s.number(Rational(1, 2)))])
        let tape = Tape(store: s, outputs: [f], inputs: [x])
        let applications = tape.code.operations.filter { if case .apply = $0 { true } else { false } }
        #expect(applications.isEmpty, "\(tape.code.operations)")
        #expect(isClose(tape.values(at: [0.5])[0], exp(2) * 0.5 + sin(3) + Double.pi.squareRoot(), relative: 1e-15))
    }

    /// A chain of 60 functions needs a handful of registers, and a batch on them agrees with
    /// single points.
    @Test func registersAreReusedByLiveness() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        var e = s.add(x, y)
        for k in 0..<60 { e = k.isMultiple(of: 2) ? s.apply(.sin, s.add(e, x)) : s.multiply(e, s.apply(.cos, y)) }
        let tape = Tape(store: s, outputs: [e, s.multiply(x, y)], inputs: [x, y])
        #expect(tape.instructionCount > 90)
        #expect(tape.registerCount <= 5, "\(tape.registerCount) registers")
        let columns: [[Double]] = [(0..<50).map { Double($0) / 10 }, (0..<50).map { 1 - Double($0) / 25 }]
        let batch = tape.values(batch: columns)
        for p in 0..<50 {
            let single = tape.values(at: [columns[0][p], columns[1][p]])
            #expect(batch[0][p] == single[0] && batch[1][p] == single[1], "point \(p)")
        }
    }

    /// Forward mode over a batch, each point with its own direction, against single points.
    @Test(arguments: 0..<10) func batchedForwardMode(seed: UInt64) {
        var g = SeededGenerator(seed: 33_000 + seed)
        let s = ExpressionStore()
        let outputs = (0..<2).map { _ in RandomExpression.build(RandomExpression.make(depth: 4, &g), in: s) }
        let inputs = RandomExpression.variableNames.map { s.symbol($0) }
        let tape = Tape(store: s, outputs: outputs, inputs: inputs)
        let points = (0..<300).map { _ in RandomExpression.point(&g) }
        let directions = (0..<300).map { _ in RandomExpression.point(&g) }
        let batch = tape.jvp(PointBatch(columns: (0..<3).map { k in points.map { $0[k] } }),
                             along: PointBatch(columns: (0..<3).map { k in directions.map { $0[k] } }))
        for p in points.indices {
            let single = tape.jvp(at: points[p], along: directions[p])
            for i in 0..<2 where single.differential[i].isFinite {
                #expect(isClose(batch.differentials[i, p], single.differential[i], relative: 1e-12, absolute: 1e-12), "seed \(33_000 + seed) point \(p)")
            }
        }
    }
}
