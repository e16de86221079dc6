import Foundation
import Testing
@testable import Nabla

/// The 300 chain-rule cases computed by SymPy: our Jacobian must have SymPy's values at the
/// three stored points of each case.
@Suite struct CorpusTests {
    struct Case: Decodable {
        let id: String
        let script: String
        let variables: [String]
        let points: [[String: Double]]
        let values: [[[Double]]]
    }

    static func cases() throws -> [Case] {
        let text = try Fixtures.text("chain-rule-cases.jsonl")
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    @Test func allCasesAgreeWithSymPy() throws {
        let cases = try Self.cases()
        #expect(cases.count == 300)
        var agreeing = 0
        for c in cases {
            let doc = try solve(c.script, name: c.id)
            let result = doc.results[0]
            #expect(result.variables == c.variables, "\(c.id): variables")
            var ok = true
            for (point, expected) in zip(c.points, c.values) {
                let values = doc.store.evaluate(result.matrix.entries, at: point)
                for i in 0..<result.matrix.rows {
                    for j in 0..<result.matrix.columns {
                        let got = values[i * result.matrix.columns + j], want = expected[i][j]
                        if !isClose(got, want, relative: 1e-9, absolute: 1e-12) {
                            ok = false
                            Issue.record("\(c.id) entry (\(i + 1),\(j + 1)) at \(point): got \(got), SymPy \(want)")
                        }
                    }
                }
            }
            if ok { agreeing += 1 }
        }
        #expect(agreeing == 300)
    }
}
