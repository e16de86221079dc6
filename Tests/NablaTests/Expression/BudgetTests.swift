import Foundation
import Testing
@testable import Nabla

/// Long work stops at its time limit with a message saying what it was doing, and nothing done
/// after the limit is reported as a result or a verdict.
@Suite struct BudgetTests {
    static let longChain = "f(x) = sin(x) + x\nF = " + Array(repeating: "f", count: 3000).joined(separator: "∘") + "\ngradient F\n"

    @Test func aDocumentStopsAtItsTimeLimit() {
        let store = ExpressionStore()
        store.budget = Budget(seconds: 0.02)
        do {
            _ = try Document(source: SourceText(name: "long.nabla", text: Self.longChain), store: store)
            Issue.record("finished within 0.02 s: the test needs a longer chain")
        } catch {
            #expect(error.kind == .timeLimit)
            #expect(error.message.hasPrefix("stopped after 0.02 s while "), "\(error.message)")
            #expect(error.location?.line == 3)
        }
    }

    @Test func aCancelledBudgetStopsTheWork() {
        let store = ExpressionStore()
        let budget = Budget(seconds: 1000)
        budget.cancel()
        store.budget = budget
        #expect(throws: Diagnostic.self) { try Document(source: SourceText(name: "long.nabla", text: Self.longChain), store: store) }
        #expect(budget.diagnostic(at: nil).message.hasPrefix("cancelled while "))
    }

    @Test func aSheetCheckedPastItsLimitJudgesNothingMore() throws {
        let text = try Fixtures.text("sheets/feuille-fr.tex")
        let full = SheetChecker(source: SourceText(name: "f.tex", text: text)).check()
        #expect(full.claims.count == 7)
        let budget = Budget(seconds: 0)
        let stopped = SheetChecker(source: SourceText(name: "f.tex", text: text), budget: budget).check()
        #expect(stopped.claims.isEmpty)
        #expect(stopped.errors.filter { $0.kind == .timeLimit }.count == 1)
    }

    /// A generous limit changes nothing: the same results as without one.
    @Test func aGenerousLimitChangesNothing() throws {
        let plain = try solve(try Fixtures.example("logistic-regression.nabla"))
        let store = ExpressionStore()
        store.budget = Budget(seconds: 600)
        let limited = try Document(source: SourceText(name: "l.nabla", text: try Fixtures.example("logistic-regression.nabla")), store: store)
        let a = TextRenderer(store: plain.store), b = TextRenderer(store: limited.store)
        #expect(plain.results.map(a.render) == limited.results.map(b.render))
    }
}
