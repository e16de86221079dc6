import Foundation
import Testing
@testable import Nabla

@Suite struct LinearTileTests {
    /// A layer z = W·x of 9 rows over 7 inputs (some coefficients zero), then softmax and a
    /// sum of the probabilities' logs: batched values, which run the rows four at a time,
    /// against single points, which run them one by one.
    @Test(arguments: 0..<5) func tilesAgreeWithSinglePoints(seed: UInt64) throws {
        var g = SeededGenerator(seed: 52_000 + seed)
        let s = ExpressionStore()
        let x = (1...7).map { s.symbol("x\($0)") }
        let rows = (0..<9).map { _ in
            s.sum(x.map { s.multiply(s.number(Int.random(in: -3...3, using: &g)), $0) } + [s.number(Int.random(in: -2...2, using: &g))])
        }
        let outputs = rows + [s.log(s.sum(rows.map(s.exp))), s.multiply(rows[0], rows[1])]
        let tape = Tape(store: s, outputs: outputs, inputs: x)
        #expect(tape.tileCount >= 1, "seed \(52_000 + seed): \(tape.tileCount) tiles")
        // 37 points: the tiles' last points (37 = 4·9 + 1) take the one-at-a-time path.
        let points = (0..<37).map { _ in (0..<7).map { _ in Double.random(in: -2...2, using: &g) } }
        let batch = tape.values(batch: (0..<7).map { k in points.map { $0[k] } })
        // Reverse mode runs the tiles backwards: the pullback of a mix of every output.
        let w = outputs.indices.map { _ in Double.random(in: -1...1, using: &g) }
        let reverse = tape.vjp(batch: (0..<7).map { k in points.map { $0[k] } }, cotangent: w)
        for (p, point) in points.enumerated() {
            let single = tape.values(at: point)
            for i in outputs.indices {
                #expect(isClose(batch[i][p], single[i], relative: 1e-13, absolute: 1e-13), "seed \(52_000 + seed): output \(i) at point \(p)")
            }
            let pullback = tape.vjp(at: point, cotangent: w).pullback
            for k in 0..<7 {
                #expect(isClose(reverse.gradients[k][p], pullback[k], relative: 1e-12, absolute: 1e-12), "seed \(52_000 + seed): ∂/∂x\(k + 1) at point \(p)")
            }
        }
    }

    @Test func rowsThatShareNoOperandsAreNotTiled() {
        let s = ExpressionStore()
        let x = (1...16).map { s.symbol("x\($0)") }
        let rows = (0..<4).map { r in s.sum((0..<4).map { s.multiply(s.number($0 + 2), x[4 * r + $0]) }) }
        let tape = Tape(store: s, outputs: rows, inputs: x)
        #expect(tape.tileCount == 0)
    }
}
