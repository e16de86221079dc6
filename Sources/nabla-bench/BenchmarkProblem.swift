import Foundation
import Nabla

/// The two problems of the numeric benchmark, built the same way by every peer
/// (Benchmarks/peers/numeric_problem.py writes the same matrices and points):
///
/// - jacobian: h = f∘g with g(x) = A·x, A dense n×n of integers in [−3, 3], and
///   f_i(y) = exp(y_i + y_{i+1 mod n}); the full Jacobian of h.
/// - loss: L(x) = −log softmax(W·x)₁, W dense n×n of integers in [−3, 3]; its value and gradient.
///
/// Matrix entries come from SplitMix64 (row by row, `next() % 7 − 3`; seed 2026 for A, 2027 for
/// W); coordinate j of point p is 0.5·sin(p·n + j + 1)/√n, so that every peer evaluates at the
/// same points and their sums can be compared.
enum BenchmarkProblem: String, CaseIterable {
    case jacobian, loss

    static func matrix(_ n: Int, seed: UInt64) -> [[Int]] {
        var g = SplitMix(seed: seed)
        return (0..<n).map { _ in (0..<n).map { _ in Int(g.next() % 7) - 3 } }
    }

    /// The points, variable by variable (entry j of point p at `j * count + p`).
    static func points(_ count: Int, n: Int) -> PointBatch<Double> {
        var batch = PointBatch<Double>(count: count, width: n)
        for p in 0..<count {
            for j in 0..<n { batch[j, p] = 0.5 * sin(Double(p * n + j + 1)) / Double(n).squareRoot() }
        }
        return batch
    }

    /// The problem as a `.nabla` file.
    func document(_ n: Int) -> String {
        func linearMap(_ name: String, _ M: [[Int]], _ x: String) -> String {
            let rows = M.map { row in
                row.enumerated().compactMap { j, c -> String? in c == 0 ? nil : "\(c > 0 ? "+" : "-")\(abs(c))*\(x)\(j + 1)" }
                    .joined(separator: " ")
            }.map { $0.isEmpty ? "0" : $0 }
            return "\(name)(\((1...n).map { "\(x)\($0)" }.joined(separator: ", "))) = (\(rows.joined(separator: ", ")))"
        }
        switch self {
        case .jacobian:
            let f = (1...n).map { i in "exp(y\(i) + y\(i % n + 1))" }.joined(separator: ", ")
            return """
                # Numeric benchmark (a), n = \(n): h = f∘g, g(x) = A x, f_i(y) = exp(y_i + y_(i+1 mod n)).
                \(linearMap("g", BenchmarkProblem.matrix(n, seed: 2026), "x"))
                f(\((1...n).map { "y\($0)" }.joined(separator: ", "))) = (\(f))
                jacobian f∘g

                """
        case .loss:
            return """
                # Numeric benchmark (b), n = \(n): L(x) = -log softmax(W x)_1.
                \(linearMap("layer", BenchmarkProblem.matrix(n, seed: 2027), "x"))
                loss(\((1...n).map { "p\($0)" }.joined(separator: ", "))) = -log(p1)
                L = loss∘softmax∘layer
                gradient L

                """
        }
    }
}
