/// The identity of an expression inside one ``ExpressionStore``.
///
/// Structurally equal expressions built in the same store have the same `ExprID`, so equality
/// of expressions is a comparison of two integers. Children always have smaller ids than their
/// parents, which gives a topological order for free.
public struct ExprID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int32
    init(_ index: Int) { self.index = Int32(index) }
    public static func < (a: ExprID, b: ExprID) -> Bool { a.index < b.index }
    public var description: String { "#\(index)" }
}

/// The named mathematical constants of the language.
public enum MathConstant: String, Hashable, Sendable, CaseIterable {
    case e, pi
}

/// The scalar elementary functions, each of one argument.
///
/// `sqrt` is not here: it is the power `x^(1/2)`; nor are `log(x, b)` (`log(x)/log(b)`) and
/// `max(a, b)` (`b + relu(a - b)`), which are built from these.
///
/// `abs`, `relu`, `sign` and `heaviside` have a corner or a jump at 0: `sign` and `heaviside`
/// appear as the derivatives of `abs` and `relu`, and are undefined (NaN) at 0, where those
/// derivatives do not exist.
public enum ElementaryFunction: String, Hashable, Sendable, CaseIterable {
    case exp, log, sin, cos, tan, tanh, sigmoid
    case asin, acos, atan, sinh, cosh
    case abs, sign, softplus, relu, heaviside

    /// The functions that are not differentiable at 0 (or not continuous there).
    public var hasCornerAtZero: Bool {
        switch self {
        case .abs, .relu, .sign, .heaviside: true
        default: false
        }
    }
}

/// One node of the expression graph; its children are ids of earlier nodes.
///
/// Nodes are only created through the canonical constructors of ``ExpressionStore``, which
/// guarantee the invariants noted on each case.
public enum Node: Hashable, Sendable {
    /// An exact number.
    case number(Rational)
    /// A free symbol: a variable or a constant parameter such as `w11`.
    case symbol(String)
    case constant(MathConstant)
    /// Two or more terms, sorted by id, at most one number (and never zero), like terms collected.
    case sum([ExprID])
    /// Two or more factors, sorted by id, at most one number (never 0 or 1), powers of the same base collected.
    case product([ExprID])
    /// `base ^ exponent`; the exponent is neither 0 nor 1.
    case power(ExprID, ExprID)
    case apply(ElementaryFunction, ExprID)
    /// The value of an undefined operation such as `1/0` or `log(0)`; it absorbs everything.
    case undefined
}

extension Node {
    /// One cheap mix of the node's parts fed to the hasher once: interning hashes every new
    /// node, and a sum's hash would otherwise run the hasher over each of its terms.
    public func hash(into hasher: inout Hasher) {
        var h: UInt64
        func mix(_ x: UInt64) { h = (h ^ x) &* 0x100_0000_01B3; h ^= h >> 29 }
        switch self {
        case let .number(r):
            h = 1
            switch r.storage {
            case let .small(n, d): mix(UInt64(bitPattern: Int64(n))); mix(UInt64(bitPattern: Int64(d)))
            case let .big(b): hasher.combine(b)
            }
        case let .symbol(name): h = 2; hasher.combine(name)
        case let .constant(c): h = 3; mix(c == .e ? 1 : 2)
        case let .sum(terms): h = 4; for t in terms { mix(UInt64(UInt32(bitPattern: t.index))) }
        case let .product(factors): h = 5; for f in factors { mix(UInt64(UInt32(bitPattern: f.index))) }
        case let .power(b, e): h = 6; mix(UInt64(UInt32(bitPattern: b.index))); mix(UInt64(UInt32(bitPattern: e.index)))
        case let .apply(f, a): h = 7; for byte in f.rawValue.utf8 { mix(UInt64(byte)) }; mix(UInt64(UInt32(bitPattern: a.index)))
        case .undefined: h = 8
        }
        hasher.combine(h)
    }
}
