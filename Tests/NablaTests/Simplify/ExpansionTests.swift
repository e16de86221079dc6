import Foundation
import Testing
@testable import Nabla
@testable import NablaCalculus

/// Multiplying out products and small powers of sums: exact results on small cases, the limit
/// on the number of terms, large sums kept whole, and the value of the expansion against the
/// value of the expression at random points.
@Suite struct ExpansionTests {
    private func terms(_ s: ExpressionStore, _ id: ExprID) -> [ExprID] {
        if case let .sum(t) = s[id] { return t }
        return [id]
    }

    /// Whether a sum sits anywhere under a product or a power (a factor left to multiply out).
    private func hasFactoredSum(_ s: ExpressionStore, _ id: ExprID) -> Bool {
        switch s[id] {
        case let .sum(t): return t.contains { hasFactoredSum(s, $0) }
        case let .product(f):
            return f.contains { g in
                if case .sum = s[g] { return true }
                if case let .power(b, _) = s[g], case .sum = s[b] { return true }
                return hasFactoredSum(s, g)
            }
        case let .power(b, _): if case .sum = s[b] { return true }; return hasFactoredSum(s, b)
        default: return false
        }
    }

    @Test func differenceOfSquares() {
        let s = ExpressionStore()
        let x = s.symbol("x")
        let e = s.product([s.add(x, s.one), s.subtract(x, s.one)])
        // The canonical product keeps the two sums as factors: there is something to expand.
        guard case .product = s[e] else { Issue.record("(x + 1)(x - 1) is not a product"); return }
        #expect(s.expand(e) == s.subtract(s.power(x, 2), s.one))
        #expect(ExpressionPrinter(store: s, notation: .text).string(s.expand(e)!) == "x^2 - 1")
    }

    @Test func cubeOfABinomial() throws {
        let s = ExpressionStore()
        let a = s.symbol("a"), b = s.symbol("b")
        let cube = try #require(s.expand(s.power(s.add(a, b), 3)))
        #expect(terms(s, cube).count == 4)
        let expected = s.sum([
            s.power(a, 3),
            s.product([s.number(3), s.power(a, 2), b]),
            s.product([s.number(3), a, s.power(b, 2)]),
            s.power(b, 3),
        ])
        #expect(cube == expected)
    }

    @Test func whatIsLeftAlone() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        // Nothing to multiply out: the expression itself.
        for e in [x, s.number(3), s.apply(.sin, x), s.add(x, y), s.product([x, y]), s.power(s.add(x, y), s.number(Rational(1, 2))),
                  s.power(s.add(x, y), 9), s.power(s.add(x, y), -2)] {
            #expect(s.expand(e) == e, "\(ExpressionPrinter(store: s, notation: .text).string(e))")
        }
        // A function's argument is not expanded.
        let inside = s.exp(s.product([s.add(x, s.one), s.subtract(x, s.one)]))
        #expect(s.expand(inside) == inside)
        // A power of a product of sums is a product of powers of sums, and is expanded.
        let squared = s.power(s.product([s.add(x, s.one), s.add(y, s.one)]), 2)
        #expect(s.expand(squared).map { terms(s, $0).count } == 9)
    }

    /// `(x1 + … + xm)·(y1 + … + yn)` has m·n distinct terms: 256 is the most an expansion gives.
    @Test func theLimitOnTerms() {
        let s = ExpressionStore()
        func sum(_ name: String, _ n: Int) -> ExprID { s.sum((1...n).map { s.symbol("\(name)\($0)") }) }
        let atTheLimit = s.expand(s.product([sum("x", 16), sum("y", 16)]))
        #expect(atTheLimit.map { terms(s, $0).count } == 256)
        #expect(s.expand(s.product([sum("x", 16), sum("y", 17)])) == nil)
        #expect(s.expand(s.product([sum("x", 7), sum("y", 7), sum("z", 7)])) == nil)
        // Inside a sum, the terms of all its parts count.
        #expect(s.expand(s.sum([s.product([sum("x", 16), sum("y", 8)]), s.product([sum("u", 16), sum("v", 8)])])).map { terms(s, $0).count } == 256)
        #expect(s.expand(s.sum([s.product([sum("x", 16), sum("y", 8)]), s.product([sum("u", 16), sum("v", 8)]), s.symbol("w")])) == nil)
        // A power: (x1 + x2)^8 is 2^8 = 256 products (9 terms once collected), a cube of 7 terms 343.
        #expect(s.expand(s.power(sum("x", 2), 8)).map { terms(s, $0).count } == 9)
        #expect(s.expand(s.power(sum("x", 7), 3)) == nil)
        #expect(ExpressionStore.maximumExpandedTerms == 256)
    }

    @Test func aLargeSumStaysOneFactor() {
        let s = ExpressionStore()
        let x = s.symbol("x")
        let n = ExpressionStore.largeSumTerms + 12
        let large = s.sum((1...n).map { s.symbol("a\($0)") })
        #expect(s.isLargeSum(large))
        // x times it: nothing is distributed.
        let scaled = s.product([x, large])
        #expect(s.expand(scaled) == scaled)
        // (x + 1) times it: two terms, each with the large sum whole in it.
        let expanded = s.expand(s.product([s.add(x, s.one), large]))
        #expect(expanded == s.sum([s.product([x, large]), large]))
        #expect(expanded.map { terms(s, $0).count } == 2)
        // A sum at the limit is small: it is multiplied out.
        let small = s.sum((1...ExpressionStore.largeSumTerms).map { s.symbol("b\($0)") })
        #expect(!s.isLargeSum(small))
        #expect(s.expand(s.product([s.add(x, s.one), small])).map { terms(s, $0).count } == 2 * ExpressionStore.largeSumTerms)
        // The value is the same at a point.
        let point = Dictionary(uniqueKeysWithValues: [("x", 0.7)] + (1...n).map { ("a\($0)", Double($0 % 5) / 4 - 0.3) })
        if let expanded {
            let v = s.evaluate([s.product([s.add(x, s.one), large]), expanded], at: point)
            #expect(isClose(v[0], v[1]), "\(v)")
        }
    }

    /// Random expressions: the expansion, when there is one, has the value of the expression.
    @Test func expansionKeepsTheValue() {
        var changed = 0
        forEachSeed(0..<120, atLeast: 600) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let s = ExpressionStore()
            let tree = RandomExpression.make(depth: 4, &g)
            let e = RandomExpression.build(tree, in: s)
            guard let expanded = s.expand(e) else { return }
            if expanded != e { changed += 1 }
            for _ in 0..<6 {
                let point = RandomExpression.environment(RandomExpression.point(&g))
                let v = s.evaluate([e, expanded], at: point)
                guard v[0].isFinite, abs(v[0]) < 1e6 else { continue }
                compared += 1
                #expect(isClose(v[0], v[1], relative: 1e-9, absolute: 1e-9), "seed \(seed): \(v[0]) vs \(v[1]) at \(point)")
            }
        }
        // Most random trees have nothing to multiply out; enough of them must have.
        #expect(changed >= 20, "only \(changed) expressions were changed by their expansion")
    }

    /// Random polynomials written as products and powers of sums: the expansion is a sum of
    /// monomials with no sum left in a factor, and it has the value of the polynomial.
    @Test func polynomialsAreMultipliedOutCompletely() {
        forEachSeed(100..<160, atLeast: 300) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let s = ExpressionStore()
            let names = ["x", "y", "z"]
            func monomial() -> ExprID {
                var factors = [s.number(Rational(Int.random(in: -3...3, using: &g), Int.random(in: 1...2, using: &g)))]
                for _ in 0..<Int.random(in: 0...2, using: &g) { factors.append(s.symbol(names.randomElement(using: &g)!)) }
                return s.product(factors)
            }
            func smallSum() -> ExprID { s.sum((0..<Int.random(in: 2...3, using: &g)).map { _ in monomial() }) }
            // At most 3^3·3·3 = 243 products before collecting: under the limit of 256.
            var factors: [ExprID] = []
            for k in 0..<Int.random(in: 1...3, using: &g) {
                let f = smallSum()
                factors.append(k == 0 && Bool.random(using: &g) ? s.power(f, Int.random(in: 2...3, using: &g)) : f)
            }
            let e = s.sum([s.product(factors), monomial()])
            guard let expanded = s.expand(e) else {
                Issue.record("seed \(seed): no expansion of \(ExpressionPrinter(store: s, notation: .text).string(e))")
                return
            }
            #expect(!hasFactoredSum(s, expanded), "seed \(seed): \(ExpressionPrinter(store: s, notation: .text).string(expanded))")
            for _ in 0..<6 {
                let p = RandomExpression.point(&g)
                let point = Dictionary(uniqueKeysWithValues: zip(names, p))
                let v = s.evaluate([e, expanded], at: point)
                compared += 1
                #expect(isClose(v[0], v[1], relative: 1e-9, absolute: 1e-9), "seed \(seed): \(v[0]) vs \(v[1]) at \(point)")
            }
        }
    }
}
