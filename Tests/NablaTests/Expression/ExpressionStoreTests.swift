import Testing
@testable import Nabla

@Suite struct ExpressionStoreTests {
    @Test func equalExpressionsAreOneNode() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        #expect(s.sum([x, y]) == s.sum([y, x]))
        #expect(s.product([x, s.sum([x, y])]) == s.product([s.sum([y, x]), x]))
        #expect(s.sum([x, x, x]) == s.product([s.number(3), x]))
        #expect(s.product([x, x]) == s.power(x, 2))
        #expect(s.subtract(s.sum([x, y]), y) == x)
    }

    @Test func canonicalSimplifications() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        #expect(s.product([s.exp(x), s.exp(y)]) == s.exp(s.sum([x, y])))
        #expect(s.product([s.exp(x), s.reciprocal(s.exp(x))]) == s.one)
        #expect(s.log(s.exp(x)) == x)
        #expect(s.power(s.constant(.e), x) == s.exp(x))
        #expect(s.power(s.number(4), s.number(Rational(1, 2))) == s.number(2))
        #expect(s.power(s.number(0), s.minusOne) == s.undefined)
        #expect(s.log(s.number(-1)) == s.undefined)
        #expect(s.sum([s.undefined, x]) == s.undefined)
        // (x^2)^(1/2) is |x|, not x: it stays a power of a power.
        #expect(s.power(s.power(x, 2), s.number(Rational(1, 2))) != x)
    }

    @Test func substitutionIsSimultaneous() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let f = s.subtract(x, s.product([s.number(2), y]))
        #expect(s.substitute(f, [x: y, y: x]) == s.subtract(y, s.product([s.number(2), x])))
    }
}
