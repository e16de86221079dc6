import Foundation
import Testing
@testable import Nabla
@testable import NablaNumeric

@Suite struct LaneExpTests {
    private func laneExp(_ xs: [Double]) -> [Double] {
        var ys = [Double](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { x in ys.withUnsafeMutableBufferPointer { y in Nabla.laneExp(x.baseAddress!, into: y.baseAddress!, count: xs.count) } }
        return ys
    }

    /// Within two units in the last place of the C library, over the whole range and beyond.
    @Test(arguments: 0..<4) func agreesWithTheCLibrary(seed: UInt64) {
        var g = SeededGenerator(seed: 41_000 + seed)
        let ranges: [ClosedRange<Double>] = [-1...1, -40...40, -745...709.78, -1e-300...1e-300]
        let xs = (0..<4096).map { _ in Double.random(in: ranges[Int(seed)], using: &g) }
        for (x, y) in zip(xs, laneExp(xs)) {
            let expected = Foundation.exp(x)
            let ulps = expected == 0 ? abs(y) / Double.leastNonzeroMagnitude : abs(y - expected) / expected.ulp
            #expect(ulps <= 2, "seed \(41_000 + seed): exp(\(x)) = \(y), the C library says \(expected)")
        }
    }

    @Test func specialValues() {
        let xs: [Double] = [0, -0.0, 1, .infinity, -.infinity, .nan, 709.78, 709.79, 710, 1e300, -745.1, -745.2, -800, -708.5, -740]
        for (x, y) in zip(xs, laneExp(xs)) {
            let expected = Foundation.exp(x)
            if expected.isNaN { #expect(y.isNaN); continue }
            #expect(y == expected || abs(y - expected) <= 2 * expected.ulp, "exp(\(x)) = \(y), the C library says \(expected)")
        }
    }
}
