import Foundation
import Testing
@testable import Nabla

/// The text, LaTeX and JSON outputs of the examples, compared with files under Fixtures/golden.
/// Run with NABLA_UPDATE_GOLDEN=1 to rewrite them after a deliberate change (then read the diff).
@Suite struct GoldenTests {
    static let examples = ["chain-rule", "logistic-regression"]

    func check(_ output: String, _ golden: String) throws {
        let url = Fixtures.url("golden/\(golden)")
        if ProcessInfo.processInfo.environment["NABLA_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(golden) differs from its golden file")
    }

    @Test(arguments: examples) func text(example: String) throws {
        let doc = try solve(try Fixtures.example("\(example).nabla"))
        let renderer = TextRenderer(store: doc.store)
        try check(doc.results.map(renderer.render).joined(separator: "\n"), "\(example).txt")
    }

    @Test(arguments: examples) func latex(example: String) throws {
        let doc = try solve(try Fixtures.example("\(example).nabla"))
        try check(LaTeXRenderer(store: doc.store).document(doc.results, title: "\(example).nabla"), "\(example).tex")
    }

    @Test(arguments: examples) func json(example: String) throws {
        let doc = try solve(try Fixtures.example("\(example).nabla"))
        try check(JSONRenderer(store: doc.store).render(doc.results), "\(example).json")
    }

    /// Text output is plain syntax: read back, it is the same expression.
    @Test(arguments: examples) func textReadsBack(example: String) throws {
        let doc = try solve(try Fixtures.example("\(example).nabla"))
        let printer = ExpressionPrinter(store: doc.store, notation: .text)
        for r in doc.results {
            for e in r.matrix.entries {
                let again = try solve("F(\(r.variables.joined(separator: ", "))) = \(printer.string(e))\njacobian F")
                #expect(printer.string(e) == ExpressionPrinter(store: again.store, notation: .text).string(again.results[0].components[0]))
            }
        }
    }
}

@Suite struct SharedNamesTests {
    /// What the names stand for, substituted back, gives the entry again.
    @Test func namesExpandBackToTheEntry() throws {
        let doc = try solve("h(x) = sin(x)/2 + x^2/4\njacobian " + Array(repeating: "h", count: 12).joined(separator: "∘") + "\n")
        let s = doc.store
        let entry = doc.results[0].matrix.entries[0]
        let shared = SharedNames([entry], in: s)
        #expect(!shared.order.isEmpty)
        let printer = ExpressionPrinter(store: s, notation: .text)
        printer.names = shared.names
        // Rebuild the entry from its printed form, the definitions read as `let`s.
        var text = shared.order.map { "let \(shared.names[$0]!) = \(printer.definition($0))" }.joined(separator: "\n")
        text += "\nF(x) = \(printer.string(entry))\njacobian F\n"
        let again = try solve(text)
        let a = again.store.evaluate(again.results[0].components, at: ["x": 0.3])[0]
        let b = s.evaluate([entry], at: ["x": 0.3])[0]
        #expect(isClose(a, b, relative: 1e-12))
        #expect(ExpressionPrinter(store: s, notation: .text).string(entry).count > 10 * printer.string(entry).count)
    }

    @Test func namesAvoidTheExpressionsOwnSymbols() throws {
        let doc = try solve("h(t1) = sin(t1)/2 + t1^2/4\njacobian " + Array(repeating: "h", count: 6).joined(separator: "∘") + "\n")
        let shared = SharedNames(doc.results[0].matrix.entries, in: doc.store)
        #expect(shared.names.values.allSatisfy { $0.hasPrefix("u") })
    }
}
