import Foundation
import NablaCore

/// The number types the tape computes in: `Double` and `Float`, and (inside the library) dual
/// numbers, which run the reverse sweep in forward mode for Hessian-vector products.
///
/// ```swift
/// tape.values(batch: [[Float(0.5), 1]])   // the same tape, in single precision
/// ```
public protocol TapeScalar: Comparable, ExpressibleByIntegerLiteral, Sendable {
    init(_ value: Double)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    static func += (lhs: inout Self, rhs: Self)
    static func -= (lhs: inout Self, rhs: Self)
    static func *= (lhs: inout Self, rhs: Self)
    /// Neither infinite nor NaN.
    var isFinite: Bool { get }
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func asin(_ x: Self) -> Self
    static func acos(_ x: Self) -> Self
    static func atan(_ x: Self) -> Self
    static func sinh(_ x: Self) -> Self
    static func cosh(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    /// e^x over `count` lanes; `y` may be `x`.
    static func exp(lanes x: UnsafePointer<Self>, into y: UnsafeMutablePointer<Self>, count: Int)
}

extension TapeScalar {
    public static func exp(lanes x: UnsafePointer<Self>, into y: UnsafeMutablePointer<Self>, count: Int) {
        for p in 0..<count { y[p] = exp(x[p]) }
    }
}

extension Double: TapeScalar {
    public static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    public static func log(_ x: Double) -> Double { Foundation.log(x) }
    public static func sin(_ x: Double) -> Double { Foundation.sin(x) }
    public static func cos(_ x: Double) -> Double { Foundation.cos(x) }
    public static func tan(_ x: Double) -> Double { Foundation.tan(x) }
    public static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    public static func asin(_ x: Double) -> Double { Foundation.asin(x) }
    public static func acos(_ x: Double) -> Double { Foundation.acos(x) }
    public static func atan(_ x: Double) -> Double { Foundation.atan(x) }
    public static func sinh(_ x: Double) -> Double { Foundation.sinh(x) }
    public static func cosh(_ x: Double) -> Double { Foundation.cosh(x) }
    public static func pow(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
    public static func exp(lanes x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        laneExp(x, into: y, count: count)
    }
}

extension Float: TapeScalar {
    public static func exp(_ x: Float) -> Float { Foundation.exp(x) }
    public static func log(_ x: Float) -> Float { Foundation.log(x) }
    public static func sin(_ x: Float) -> Float { Foundation.sin(x) }
    public static func cos(_ x: Float) -> Float { Foundation.cos(x) }
    public static func tan(_ x: Float) -> Float { Foundation.tan(x) }
    public static func tanh(_ x: Float) -> Float { Foundation.tanh(x) }
    public static func asin(_ x: Float) -> Float { Foundation.asin(x) }
    public static func acos(_ x: Float) -> Float { Foundation.acos(x) }
    public static func atan(_ x: Float) -> Float { Foundation.atan(x) }
    public static func sinh(_ x: Float) -> Float { Foundation.sinh(x) }
    public static func cosh(_ x: Float) -> Float { Foundation.cosh(x) }
    public static func pow(_ x: Float, _ y: Float) -> Float { Foundation.pow(x, y) }
}

extension ElementaryFunction {
    /// The function's value at `x`, in any ``TapeScalar``.
    func value<T: TapeScalar>(_ x: T) -> T {
        switch self {
        case .exp: T.exp(x)
        case .log: T.log(x)
        case .sin: T.sin(x)
        case .cos: T.cos(x)
        case .tan: T.tan(x)
        case .tanh: T.tanh(x)
        case .sigmoid: 1 / (1 + T.exp(-x))
        case .asin: T.asin(x)
        case .acos: T.acos(x)
        case .atan: T.atan(x)
        case .sinh: T.sinh(x)
        case .cosh: T.cosh(x)
        case .abs: x < 0 ? -x : x
        case .relu: x > 0 ? x : 0
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : T(Double.nan))
        case .heaviside: x > 0 ? 1 : (x < 0 ? 0 : T(Double.nan))
        // log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): no overflow for large x.
        case .softplus: (x > 0 ? x : 0) + T.log(1 + T.exp(x < 0 ? x : -x))
        }
    }

    /// f'(x), given x and f(x).
    func derivative<T: TapeScalar>(_ x: T, _ fx: T) -> T {
        switch self {
        case .exp: fx
        case .log: 1 / x
        case .sin: T.cos(x)
        case .cos: -T.sin(x)
        case .tan: 1 + fx * fx
        case .tanh: 1 - fx * fx
        case .sigmoid: fx * (1 - fx)
        case .asin: 1 / T.pow(1 - x * x, T(0.5))
        case .acos: -1 / T.pow(1 - x * x, T(0.5))
        case .atan: 1 / (1 + x * x)
        case .sinh: T.cosh(x)
        case .cosh: T.sinh(x)
        case .abs: ElementaryFunction.sign.value(x)
        case .relu: ElementaryFunction.heaviside.value(x)
        case .softplus: ElementaryFunction.sigmoid.value(x)
        case .sign, .heaviside: x == 0 ? T(Double.nan) : 0
        }
    }
}

/// `x^n` for an integer `n`, with the common small powers multiplied out.
@inline(__always)
func integerPower<T: TapeScalar>(_ x: T, _ n: Int) -> T {
    switch n {
    case 0: return 1
    case 1: return x
    case 2: return x * x
    case -1: return 1 / x
    case 3: return x * x * x
    case -2: return 1 / (x * x)
    default: return T.pow(x, T(Double(n)))
    }
}
