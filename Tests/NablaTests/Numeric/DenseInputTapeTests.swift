import Testing
@testable import Nabla

/// The dense layer run as matrix products, block by block, gives the plain tape's values and
/// gradients.
@Suite struct DenseInputTapeTests {
    @Test(arguments: [1430, 1431, 1432] as [UInt64])
    func agreesWithReverseModeOnThePlainTape(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let n = Int.random(in: 2...7, using: &g)
        let rows = (1...n).map { _ in "(" + (1...n).map { j in "\(Int.random(in: -3...3, using: &g))*x\(j)" }.joined(separator: " + ") + ")" }
        let xs = (1...n).map { "x\($0)" }.joined(separator: ", "), us = (1...n).map { "u\($0)" }
        // L(x) = −log softmax(W·x)₁, W of small integers.
        let doc = try solve("""
            layer(\(xs)) = (\(rows.joined(separator: ", ")))
            loss(\(us.joined(separator: ", "))) = -log(exp(u1)/(\(us.map { "exp(\($0))" }.joined(separator: " + "))))
            jacobian loss∘layer
            """)
        let result = doc.results[0]
        let inputs = result.variables.map { doc.store.symbol($0) }
        let plain = Tape(store: doc.store, outputs: result.components, inputs: inputs)
        let dense = try #require(DenseInputTape(store: doc.store, output: result.components[0], inputs: inputs), "seed \(seed)")
        #expect(dense.rows <= n)
        // Several blocks of points, the last one short.
        let count = Int.random(in: 300...900, using: &g)
        var points = PointBatch<Double>(count: count, width: n)
        for k in 0..<n { for p in 0..<count { points[k, p] = Double.random(in: -1...1, using: &g) } }
        let (v1, g1) = plain.vjp(points, cotangent: [1])
        let (v2, g2) = dense.vjp(points)
        for p in 0..<count {
            #expect(isClose(v1[0, p], v2[0, p], relative: 1e-12), "seed \(seed)")
            for k in 0..<n { #expect(isClose(g1[k, p], g2[k, p], relative: 1e-10, absolute: 1e-12), "seed \(seed): ∂/∂x\(k + 1) at point \(p)") }
        }
    }

    @Test func aFunctionThatUsesAnInputAloneHasNoDenseForm() throws {
        let doc = try solve("f(x, y) = exp(2x + 3y) + x^2\njacobian f")
        let inputs = doc.results[0].variables.map { doc.store.symbol($0) }
        #expect(DenseInputTape(store: doc.store, output: doc.results[0].components[0], inputs: inputs) == nil)
    }
}
