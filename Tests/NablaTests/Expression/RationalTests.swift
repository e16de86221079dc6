import BigInt
import Testing
@testable import Nabla
@testable import NablaCore

@Suite struct RationalTests {
    @Test func arithmeticInLowestTerms() {
        #expect(Rational(2, 4) == Rational(1, 2))
        #expect(Rational(1, -3) == Rational(-1, 3))
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(2, 3) * Rational(3, 4) == Rational(1, 2))
        #expect((Rational(1) / Rational(0)) == nil)
        #expect(Rational(-2, 3) < Rational(1, 5))
        #expect(Rational(2, 3).power(-2) == Rational(9, 4))
        #expect(Rational(0).power(-1) == nil)
    }

    @Test func overflowMovesToBigIntegersAndBack() {
        let big = Rational(Int.max) * Rational(2)
        #expect(big.description == "18446744073709551614")
        #expect((big / Rational(2))! == Rational(Int.max))
        if case .small = (big / Rational(2))!.storage {} else { Issue.record("did not move back to machine integers") }
        #expect((Rational(Int.min) * Rational(-1)).description == "9223372036854775808")
        #expect((-Rational(Int.min)).description == "9223372036854775808")
        #expect(Rational(Int.max, 3) + Rational(Int.max, 5) == Rational(big: BigInt(Int.max) * 8, 15))
        #expect(Rational(3).power(100)!.description == "515377520732011331036461129765621272702107522001")
    }

    @Test func doubleValueOfHugeFractions() {
        let big = Rational(big: BigInt(10).power(319), BigInt(3).power(32))
        #expect(isClose(big.doubleValue, 5.3965952773542903e+303, relative: 1e-14))
        #expect(isClose(big.reciprocal!.doubleValue, 1.853020188851841e-304, relative: 1e-14, absolute: 0))
        #expect(isClose(Rational(big: BigInt(7) * BigInt(2).power(200), BigInt(2).power(201)).doubleValue, 3.5))
    }

    @Test(arguments: 0..<20) func fieldLawsOnRandomNumbers(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        func random() -> Rational {
            Rational(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &g), Int.random(in: 1...1_000_000_000_000, using: &g))
        }
        let a = random(), b = random(), c = random()
        #expect((a + b) + c == a + (b + c), "seed \(seed)")
        #expect(a * (b + c) == a * b + a * c, "seed \(seed)")
        #expect(a - a == .zero, "seed \(seed)")
        if !a.isZero { #expect(a * a.reciprocal! == .one, "seed \(seed)") }
    }

    @Test func greatestCommonDivisorAndHeight() {
        #expect(Rational.gcd(Rational(4, 3), Rational(2)) == Rational(2, 3))
        #expect(Rational.gcd(Rational(-6), Rational(9)) == Rational(3))
        #expect(Rational.gcd(.zero, Rational(-5, 2)) == Rational(5, 2))
        #expect(Rational.gcd(Rational(Int.max), Rational(Int.max) * Rational(2)) == Rational(Int.max))
        #expect(Rational(-3, 4).height == 12)
        #expect(Rational(7).height == 7)
    }
}
