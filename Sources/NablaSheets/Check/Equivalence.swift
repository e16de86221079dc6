import Foundation
import NablaNumeric
import NablaCalculus
import NablaCore

/// Decides whether two expressions are equal, as DESIGN.md says: first symbolically (the
/// difference simplifies to zero), then at random points inside the domain. A verdict of
/// "different" always comes with a point where the two differ.
struct Equivalence {
    enum Outcome {
        case equal
        case different(point: [String: Double], claimed: Double, expected: Double)
        /// Too few points where both are defined.
        case undecided
        /// Equal wherever the symbols are positive, different elsewhere (`√(r²)` against `r`): a
        /// sheet that says "for r > 0" is right, and the checker does not read such conditions.
        case equalForPositiveValues(point: [String: Double])
    }

    let store: ExpressionStore
    let simplifier: Simplifier
    /// Values of the free symbols at the test points, shared by every comparison of a check so
    /// that a counterexample is reproducible.
    private var points: [[String: Double]] = []

    init(store: ExpressionStore, simplifier: Simplifier, seed: UInt64 = 20261129) {
        self.store = store
        self.simplifier = simplifier
        generator = SplitMix(seed: seed)
        points = Array(repeating: [:], count: 24)
    }

    private var generator: SplitMix

    mutating func compare(_ claimed: ExprID, _ expected: ExprID) -> Outcome {
        if claimed == expected { return .equal }
        if simplifier.simplify(store.subtract(claimed, expected)) == store.zero { return .equal }
        // In a fixed order, so that the same sheet draws the same points in every run.
        let names = Set(store.freeSymbolNames(claimed) + store.freeSymbolNames(expected)).sorted(by: naturalLess)
        var valid = 0
        for k in 0..<points.count {
            for n in names where points[k][n] == nil {
                // Small values keep exponentials comparable; a few points are wider.
                let width = k < 16 ? 1.0 : 2.5
                points[k][n] = (Double(generator.next() % 1_000_000) / 1_000_000 * 2 - 1) * width
            }
            let values = store.evaluate([claimed, expected], at: points[k])
            let (a, b) = (values[0], values[1])
            guard a.isFinite, b.isFinite else { continue }
            valid += 1
            let scale = max(1, abs(a), abs(b))
            if abs(a - b) > 1e-9 * scale {
                let shown = points[k].filter { names.contains($0.key) }
                if equalWherePositive(claimed, expected, names) { return .equalForPositiveValues(point: shown) }
                return .different(point: shown, claimed: a, expected: b)
            }
        }
        return valid >= 5 ? .equal : .undecided
    }

    /// Whether the two agree at the test points with every symbol made positive (at least five
    /// of them defined), which a domain such as r > 0 allows.
    private func equalWherePositive(_ claimed: ExprID, _ expected: ExprID, _ names: [String]) -> Bool {
        var valid = 0
        for k in 0..<points.count {
            var point = points[k]
            for n in names { point[n] = abs(point[n] ?? 1) + 0.05 }
            let values = store.evaluate([claimed, expected], at: point)
            guard values[0].isFinite, values[1].isFinite else { continue }
            if abs(values[0] - values[1]) > 1e-9 * max(1, abs(values[0]), abs(values[1])) { return false }
            valid += 1
        }
        return valid >= 5
    }
}
