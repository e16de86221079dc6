import Foundation
import Testing
@testable import Nabla

/// The course exercises of Benchmarks/course-exercises.py (sigmoid and softmax neurons, MSE,
/// tanh layers, small MLPs, polar and spherical coordinates, Gaussians, norms, quadratic forms,
/// Hessians): our derivative must have SymPy's values at the three stored points of each.
@Suite struct CourseExercisesTests {
    struct Case: Decodable {
        let id: String
        let script: String
        let target: String
        let variables: [String]
        let points: [[String: Double]]
        let values: [[[Double]]]
    }

    @Test func everyExerciseAgreesWithSymPy() throws {
        let text = try Fixtures.text("course-exercises.jsonl")
        let cases = try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        #expect(cases.count >= 40)
        var compared = 0
        for c in cases {
            let doc = try solve(c.script, name: c.id)
            let result = try #require(doc.results.first, "\(c.id)")
            #expect(result.target == c.target && result.variables == c.variables, "\(c.id): target and variables")
            for (point, expected) in zip(c.points, c.values) {
                let values = doc.store.evaluate(result.matrix.entries, at: point)
                #expect(expected.count == result.matrix.rows && expected.allSatisfy { $0.count == result.matrix.columns }, "\(c.id): shape")
                for (i, row) in expected.enumerated() where i < result.matrix.rows {
                    for (j, want) in row.enumerated() where j < result.matrix.columns {
                        let got = values[i * result.matrix.columns + j]
                        #expect(isClose(got, want, relative: 1e-9, absolute: 1e-12), "\(c.id) entry (\(i + 1),\(j + 1)) at \(point): got \(got), SymPy \(want)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 300)
    }
}
