import Testing
@testable import Nabla

@Suite struct CompositionTests {
    @Test func chainRuleMatchesDirectDifferentiation() throws {
        let doc = try solve("""
            g(x, y) = (x y, x + y^2, sin(x))
            f(a, b, c) = (a exp(b), c^2 - a)
            jacobian f∘g
            """)
        let s = doc.store
        let r = doc.results[0]
        let direct = s.jacobian(r.components, [s.symbol("x"), s.symbol("y")])
        for (a, b) in zip(r.matrix.entries, direct.entries) {
            let p = ["x": 0.3, "y": -0.7]
            #expect(isClose(s.evaluate([a], at: p)[0], s.evaluate([b], at: p)[0]))
        }
    }

    @Test func shapesMustCompose() {
        let message = diagnostic("""
            g(x, y) = (x, y, x y)
            f(a, b) = a + b
            jacobian f∘g
            """)
        #expect(message == """
            test.nabla:3:10: error: cannot compose f with g: f takes 2 arguments but g gives 3 values
              jacobian f∘g
                       ^
            """)
    }

    @Test func fortyFoldCompositionStaysSmallInTheGraph() throws {
        var text = "h(x) = sin(x) + x^2\n"
        text += "jacobian " + Array(repeating: "h", count: 40).joined(separator: "∘") + "\n"
        let doc = try solve(text)
        let r = doc.results[0]
        #expect(doc.store.reachable(from: r.matrix.entries).count < 5_000)
        #expect(Guard.tooLargeToPrint(doc.results, doc.store) != nil)
        #expect(Guard.tooLargeToPrint(doc.results, doc.store, namesSharedParts: true) == nil)
        // Named, the print is small, and it means the same: substitute the names back and compare.
        let printed = TextRenderer(store: doc.store).render(doc.results[0])
        #expect(printed.count < 20_000 && printed.contains("where\n"))
    }
}
