import Testing
@testable import Nabla

@Suite struct PointTableTests {
    @Test func errorsNameTheRowAndColumn() {
        func message(_ csv: String) -> String? {
            do { _ = try PointTable(csv: csv); return nil } catch { return error.description }
        }
        #expect(message("x1,x2\n1,2\n3\n") == "3:1: error: row 3 has 1 cell, the header has 2")
        #expect(message("x1,x2\n1,2\n3,abc\n") == "3:1: error: row 3, column x2: 'abc' is not a number")
        #expect(message("") == "error: points is empty: expected a header naming the inputs")
        #expect(message("x1,,x3\n") == "1:1: error: column 2 of the header has no name")
    }

    @Test func tablesAgainstSinglePoints() throws {
        let doc = try solve(try Fixtures.example("logistic-regression.nabla"))
        let F = doc.results[1]
        let table = try PointTable(csv: "x2,x1\n2,1\n-1,0.5\n0,0\n")
        let fixed = ["w11": 0.1, "w12": 0.2, "w21": 0.3, "w22": 0.4]
        let out = try F.evaluate(table, fixed: fixed, in: doc.store)
        #expect(out.header == ["F.value[1]", "F.J[1,1]", "F.J[1,2]"])
        for p in 0..<table.count {
            var point = fixed
            point["x2"] = table.columns[0][p]; point["x1"] = table.columns[1][p]
            let single = try PointEvaluation(F, in: doc.store, at: point)
            #expect(isClose(out.columns[0][p], single.values[0], relative: 1e-12))
            #expect(isClose(out.columns[1][p], single.jacobian[0][0], relative: 1e-12))
            #expect(isClose(out.columns[2][p], single.jacobian[0][1], relative: 1e-12))
        }
        do {
            _ = try F.evaluate(table, fixed: [:], in: doc.store)
            Issue.record("a missing column was accepted")
        } catch {
            #expect(error.message == "F: the points have no column w11, and --let does not give it")
        }
    }
}
