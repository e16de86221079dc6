import BigInt

/// An exact rational number of any size, always in lowest terms with a positive denominator.
///
/// Machine integers are used while they suffice; an operation that would overflow moves to
/// `BigInt`, and a result that fits again moves back.
///
/// ```swift
/// let third = Rational(1, 3)
/// third + Rational(2, 3) == Rational(1)   // true
/// Rational(Int.max) * Rational(2)         // exact: 18446744073709551614
/// ```
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
    enum Storage: Hashable, Sendable {
        case small(Int, Int)          // numerator, denominator > 0, gcd 1
        case big(BigFraction)         // not representable as small
    }

    /// A fraction too large for machine integers, boxed so that copying a `Rational` stays cheap.
    final class BigFraction: Hashable, @unchecked Sendable {
        let numerator: BigInt     // gcd 1 with the denominator
        let denominator: BigInt   // > 0
        init(_ n: BigInt, _ d: BigInt) { numerator = n; denominator = d }
        static func == (a: BigFraction, b: BigFraction) -> Bool { a.numerator == b.numerator && a.denominator == b.denominator }
        func hash(into hasher: inout Hasher) { hasher.combine(numerator); hasher.combine(denominator) }
    }
    let storage: Storage

    public static let zero = Rational(0)
    public static let one = Rational(1)
    public static let minusOne = Rational(-1)

    public init(_ value: Int) { storage = .small(value, 1) }

    /// `numerator / denominator`; the denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int) {
        precondition(denominator != 0, "zero denominator")
        self = Rational.normalized(BigInt(numerator), BigInt(denominator))
    }

    public init(big numerator: BigInt, _ denominator: BigInt = 1) {
        precondition(!denominator.isZero, "zero denominator")
        self = Rational.normalized(numerator, denominator)
    }

    private init(storage: Storage) { self.storage = storage }

    /// Parses a decimal integer literal of any length (digits only).
    public init?(integerLiteral text: Substring) {
        if text.count <= 18, let v = Int(text) { storage = .small(v, 1); return }
        guard let big = BigInt(String(text), radix: 10) else { return nil }
        self = Rational.normalized(big, 1)
    }

    static func normalized(_ n: BigInt, _ d: BigInt) -> Rational {
        var n = n, d = d
        if d.signum() < 0 { n = -n; d = -d }
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        if g > 1 { n /= BigInt(g); d /= BigInt(g) }
        if let sn = Int(exactly: n), let sd = Int(exactly: d) { return Rational(storage: .small(sn, sd)) }
        return Rational(storage: .big(BigFraction(n, d)))
    }

    public var numerator: BigInt {
        switch storage { case let .small(n, _): BigInt(n); case let .big(b): b.numerator }
    }
    public var denominator: BigInt {
        switch storage { case let .small(_, d): BigInt(d); case let .big(b): b.denominator }
    }

    public var isZero: Bool { if case .small(0, _) = storage { return true }; return false }
    public var isOne: Bool { if case .small(1, 1) = storage { return true }; return false }
    public var isInteger: Bool {
        switch storage { case let .small(_, d): d == 1; case let .big(b): b.denominator == 1 }
    }
    public var isNegative: Bool {
        switch storage { case let .small(n, _): n < 0; case let .big(b): b.numerator.signum() < 0 }
    }
    /// The value as a machine integer, when it is an integer that fits.
    public var intValue: Int? {
        if case let .small(n, 1) = storage { return n }
        return nil
    }
    public var doubleValue: Double {
        switch storage {
        case let .small(n, d): return Double(n) / Double(d)
        case let .big(b):
            let n = b.numerator, d = b.denominator
            // Keep the top 64 bits of each part, divide, then scale by the bits dropped.
            let sn = max(0, n.magnitude.bitWidth - 64), sd = max(0, d.magnitude.bitWidth - 64)
            let quotient = Double(n >> sn) / Double(d >> sd)
            return Double(sign: .plus, exponent: sn - sd, significand: quotient)
        }
    }

    public var magnitude: Rational { isNegative ? -self : self }

    public static prefix func - (x: Rational) -> Rational {
        if case let .small(n, d) = x.storage, n != Int.min { return Rational(storage: .small(-n, d)) }
        return normalized(-x.numerator, x.denominator)
    }

    public static func + (a: Rational, b: Rational) -> Rational {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o { return Rational(storage: .small(s, 1)) }
            } else {
                let (x, o1) = an.multipliedReportingOverflow(by: bd)
                let (y, o2) = bn.multipliedReportingOverflow(by: ad)
                let (d, o3) = ad.multipliedReportingOverflow(by: bd)
                if !o1 && !o2 && !o3 {
                    let (s, o4) = x.addingReportingOverflow(y)
                    if !o4 { return small(s, d) }
                }
            }
        }
        return normalized(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            let (n, o1) = an.multipliedReportingOverflow(by: bn)
            let (d, o2) = ad.multipliedReportingOverflow(by: bd)
            if !o1 && !o2 { return ad == 1 && bd == 1 ? Rational(storage: .small(n, 1)) : small(n, d) }
        }
        return normalized(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// The reciprocal; `nil` for zero.
    public var reciprocal: Rational? {
        if isZero { return nil }
        return Rational.normalized(denominator, numerator)
    }

    public static func / (a: Rational, b: Rational) -> Rational? {
        guard let r = b.reciprocal else { return nil }
        return a * r
    }

    /// `self ^ exponent` for an integer exponent; `nil` for 0 to a negative power or a result
    /// too large to be worth computing (more than `maxBits` bits).
    public func power(_ exponent: Int, maxBits: Int = 1 << 16) -> Rational? {
        if exponent == 0 { return .one }
        if isZero { return exponent > 0 ? .zero : nil }
        let base = exponent < 0 ? reciprocal! : self
        let e = exponent.magnitude
        let bits = max(base.numerator.magnitude.bitWidth, base.denominator.magnitude.bitWidth)
        if bits > 1, bits.multipliedReportingOverflow(by: Int(clamping: e)).partialValue > maxBits
            || bits.multipliedReportingOverflow(by: Int(clamping: e)).overflow { return nil }
        if e > UInt(Int32.max) { return base.isOne ? .one : (base == .minusOne ? (e % 2 == 0 ? .one : .minusOne) : nil) }
        return Rational.normalized(base.numerator.power(Int(e)), base.denominator.power(Int(e)))
    }

    private static func small(_ n: Int, _ d: Int) -> Rational {
        var n = n, d = d
        if d < 0 {
            if n == Int.min || d == Int.min { return normalized(-BigInt(n), -BigInt(d)) }
            n = -n; d = -d
        }
        let g = gcd(n.magnitude, d.magnitude)
        if g > 1 { n /= Int(g); d /= Int(g) }
        return Rational(storage: .small(n, d))
    }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// |numerator| × denominator, as a Double (infinite past its range): how heavy the number is
    /// to write. `height(-3/4) = 12`.
    public var height: Double {
        switch storage {
        case let .small(n, d): return Double(n.magnitude) * Double(d)
        case let .big(b): return (Double(b.numerator.magnitude.description) ?? .infinity) * (Double(b.denominator.description) ?? .infinity)
        }
    }

    /// The largest positive rational that divides both an integer number of times: the gcd of
    /// the numerators over the lcm of the denominators. `gcd(4/3, 2) = 2/3`; `gcd(0, x) = |x|`.
    public static func gcd(_ a: Rational, _ b: Rational) -> Rational {
        // Machine integers when both fit: gcd of the numerators over the lcm of the denominators.
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            let n = gcd(an.magnitude, bn.magnitude), g = gcd(UInt(ad), UInt(bd))
            let (d, overflow) = (UInt(ad) / g).multipliedReportingOverflow(by: UInt(bd))
            if !overflow, n <= UInt(Int.max), d <= UInt(Int.max) { return small(Int(n), Int(d)) }
        }
        let n = a.numerator.magnitude.greatestCommonDivisor(with: b.numerator.magnitude)
        let (da, db) = (a.denominator.magnitude, b.denominator.magnitude)
        let d = da / da.greatestCommonDivisor(with: db) * db
        return normalized(BigInt(n), BigInt(d))
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !o1 && !o2 { return x < y }
        }
        return a.numerator * b.denominator < b.numerator * a.denominator
    }

    public var description: String {
        switch storage {
        case let .small(n, 1): return String(n)
        case let .small(n, d): return "\(n)/\(d)"
        case let .big(b): return b.denominator == 1 ? String(b.numerator) : "\(b.numerator)/\(b.denominator)"
        }
    }
}
