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

    @Test func largeSumsStayWholeAndStillCancel() {
        let s = ExpressionStore()
        let x = s.symbol("x")
        let large = s.sum((1...60).map { s.symbol("a\($0)") })
        let limit = ExpressionStore.largeSumTerms
        guard case let .sum(terms) = s[large], case let .sum(outer) = s[s.sum([large, x])] else {
            Issue.record("not sums"); return
        }
        #expect(terms.count == 60 && 60 > limit)
        #expect(outer.count == 2)                                   // kept whole, not copied
        #expect(s.subtract(large, large) == s.zero)
        #expect(s.sum([large, x, s.negate(large)]) == x)
        #expect(s.subtract(s.sum([large, x]), x) == large)
        #expect(s.sum([large, large]) == s.product([s.number(2), large]))
        // A small sum is still flattened and distributed.
        let small = s.sum((1...limit).map { s.symbol("b\($0)") })
        guard case let .sum(flat) = s[s.sum([small, x])] else { Issue.record("not a sum"); return }
        #expect(flat.count == limit + 1)
    }

    /// Sums of large sums, scaled large sums and small terms, grouped two ways: both groupings
    /// have the value of the terms added one by one, and their difference is zero.
    @Test func largeSumsGroupedTwoWaysAgree() {
        forEachSeed(0..<30, atLeast: 30) { seed, compared in
            var random = SeededGenerator(seed: seed)
            let s = ExpressionStore()
            func term(_ k: Int) -> ExprID { s.product([s.number(Int.random(in: -3...3, using: &random)), s.symbol("a\(k)")]) }
            let large = (0..<3).map { _ in s.sum((0..<60).map { _ in term(Int.random(in: 0..<90, using: &random)) }) }
            var parts: [ExprID] = large.map { s.product([s.number(Int.random(in: -2...2, using: &random)), $0]) }
            parts += (0..<4).map { _ in Bool.random(using: &random) ? term(Int.random(in: 0..<90, using: &random)) : s.apply(.sin, s.symbol("a1")) }
            parts.shuffle(using: &random)
            let whole = s.sum(parts)
            let split = Int.random(in: 1..<parts.count, using: &random)
            let grouped = s.sum([s.sum(Array(parts[..<split])), s.sum(Array(parts[split...]))])
            let point = Dictionary(uniqueKeysWithValues: (0..<90).map { ("a\($0)", Double($0 % 7) / 5 - 0.6) })
            let values = s.evaluate(parts + [whole, grouped], at: point)
            let byHand = values[..<parts.count].reduce(0, +)
            #expect(abs(values[parts.count] - byHand) < 1e-9 * max(1, abs(byHand)), "seed \(seed)")
            #expect(abs(values[parts.count + 1] - byHand) < 1e-9 * max(1, abs(byHand)), "seed \(seed)")
            #expect(s.subtract(whole, grouped) == s.zero, "seed \(seed)")
            compared += 1
        }
    }

    @Test func substitutionIsSimultaneous() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let f = s.subtract(x, s.product([s.number(2), y]))
        #expect(s.substitute(f, [x: y, y: x]) == s.subtract(y, s.product([s.number(2), x])))
    }
}
