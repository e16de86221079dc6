import Testing
@testable import Nabla
@testable import NablaCalculus

/// A sum's content and primitive part, and the rule that takes contents out of products.
@Suite struct SumContentTests {
    @Test func contentAndPrimitivePart() throws {
        let s = ExpressionStore()
        let x = s.symbol("x"), m = s.symbol("m")
        let twoXMinusTwoM = s.subtract(s.product([s.number(2), x]), s.product([s.number(2), m]))
        let (c, p) = try #require(s.content(ofSum: twoXMinusTwoM))
        #expect(p == s.subtract(x, m) || p == s.subtract(m, x))
        #expect(s.product([s.number(c), p]) == twoXMinusTwoM)
        // A sum and its negative have one primitive part.
        let e = s.exp(x)
        let plus = s.sum([e, s.one]), minus = s.negate(plus)
        let primitivePlus = s.content(ofSum: plus)?.primitive ?? plus
        let primitiveMinus = try #require(s.content(ofSum: minus)).primitive
        #expect(primitivePlus == primitiveMinus)
        // A fractional content only when asked.
        let half = s.sum([s.product([s.number(Rational(1, 2)), x]), s.number(Rational(1, 2))])
        #expect(s.content(ofSum: half) == nil)
        #expect(s.content(ofSum: half, fractions: true)?.content == Rational(1, 2))
        #expect(s.content(ofSum: s.sum([x, s.one])) == nil)
    }

    @Test func takenOutOnlyWhenSomethingCancels() throws {
        let doc = try solve("f(x, y) = 1/(2x + 2) + y\ng(x, y) = x (-exp(y) - 1)/(exp(y) + 1)^2\nh(x, y) = (2x - 2y)/(2y^2)\njacobian f\njacobian g\njacobian h\n")
        let s = doc.store
        let f = doc.results[0].components[0], g = doc.results[1].components[0], h = doc.results[2].components[0]
        guard case let .sum(terms) = s[f] else { Issue.record("not a sum"); return }
        #expect(terms.allSatisfy { s.takeOutContent($0) == nil }, "1/(2x + 2): the 2 would only move")
        let cancelled = try #require(s.takeOutContent(g))
        #expect(ExpressionPrinter(store: s, notation: .text).string(cancelled) == "-x/(exp(y) + 1)")
        let reduced = try #require(s.takeOutContent(h))
        #expect(ExpressionPrinter(store: s, notation: .text).string(reduced) == "(x - y)/y^2")
    }
}
