import Foundation

/// A dual number a + b·ε with ε² = 0: arithmetic on it carries a derivative along. Running the
/// tape's reverse sweep on dual numbers is forward mode over reverse mode, which gives
/// Hessian-vector products with no rule of their own.
///
/// ```swift
/// let x = Dual(3, 1)          // x = 3, dx = 1
/// Dual.exp(x * x).tangent     // d/dx exp(x²) at 3 = 6·exp(9)
/// ```
struct Dual: TapeScalar {
    var value: Double
    var tangent: Double

    init(_ value: Double, _ tangent: Double) { self.value = value; self.tangent = tangent }
    init(_ value: Double) { self.init(value, 0) }
    init(integerLiteral value: Int) { self.init(Double(value), 0) }

    static func < (a: Dual, b: Dual) -> Bool { a.value < b.value }
    static func == (a: Dual, b: Dual) -> Bool { a.value == b.value && a.tangent == b.tangent }

    static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.tangent + b.tangent) }
    static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.tangent - b.tangent) }
    static func * (a: Dual, b: Dual) -> Dual { Dual(a.value * b.value, a.tangent * b.value + a.value * b.tangent) }
    static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        return Dual(q, (a.tangent - q * b.tangent) / b.value)
    }
    static prefix func - (a: Dual) -> Dual { Dual(-a.value, -a.tangent) }
    static func += (a: inout Dual, b: Dual) { a = a + b }
    static func -= (a: inout Dual, b: Dual) { a = a - b }
    static func *= (a: inout Dual, b: Dual) { a = a * b }

    var isFinite: Bool { value.isFinite && tangent.isFinite }

    static func exp(_ x: Dual) -> Dual { let e = Foundation.exp(x.value); return Dual(e, e * x.tangent) }
    static func log(_ x: Dual) -> Dual { Dual(Foundation.log(x.value), x.tangent / x.value) }
    static func sin(_ x: Dual) -> Dual { Dual(Foundation.sin(x.value), Foundation.cos(x.value) * x.tangent) }
    static func cos(_ x: Dual) -> Dual { Dual(Foundation.cos(x.value), -Foundation.sin(x.value) * x.tangent) }
    static func tan(_ x: Dual) -> Dual { let t = Foundation.tan(x.value); return Dual(t, (1 + t * t) * x.tangent) }
    static func tanh(_ x: Dual) -> Dual { let t = Foundation.tanh(x.value); return Dual(t, (1 - t * t) * x.tangent) }
    static func asin(_ x: Dual) -> Dual { Dual(Foundation.asin(x.value), x.tangent / (1 - x.value * x.value).squareRoot()) }
    static func acos(_ x: Dual) -> Dual { Dual(Foundation.acos(x.value), -x.tangent / (1 - x.value * x.value).squareRoot()) }
    static func atan(_ x: Dual) -> Dual { Dual(Foundation.atan(x.value), x.tangent / (1 + x.value * x.value)) }
    static func sinh(_ x: Dual) -> Dual { Dual(Foundation.sinh(x.value), Foundation.cosh(x.value) * x.tangent) }
    static func cosh(_ x: Dual) -> Dual { Dual(Foundation.cosh(x.value), Foundation.sinh(x.value) * x.tangent) }
    static func pow(_ x: Dual, _ y: Dual) -> Dual {
        let p = Foundation.pow(x.value, y.value)
        // d(x^y) = y·x^(y−1)·dx + x^y·log(x)·dy; the second term only when y moves.
        let viaBase = x.tangent == 0 ? 0 : y.value * Foundation.pow(x.value, y.value - 1) * x.tangent
        let viaExponent = y.tangent == 0 ? 0 : p * Foundation.log(x.value) * y.tangent
        return Dual(p, viaBase + viaExponent)
    }
}
