@testable import Nabla
import Foundation

/// Random expression trees over a few variables, built two ways: through the store's
/// canonical constructors, and evaluated directly as written (the oracle for the constructors).
struct RandomExpression {
    indirect enum Tree {
        case variable(Int), number(Int, Int)
        case add(Tree, Tree), multiply(Tree, Tree), divide(Tree, Tree), power(Tree, Int)
        case apply(ElementaryFunction, Tree)
    }

    static let variableNames = ["x", "y", "z"]

    static func make<G: RandomNumberGenerator>(depth: Int, _ g: inout G) -> Tree {
        if depth == 0 || Int.random(in: 0..<10, using: &g) < 2 {
            if Bool.random(using: &g) { return .variable(Int.random(in: 0..<3, using: &g)) }
            return .number(Int.random(in: -4...4, using: &g), Int.random(in: 1...3, using: &g))
        }
        switch Int.random(in: 0..<7, using: &g) {
        case 0: return .add(make(depth: depth - 1, &g), make(depth: depth - 1, &g))
        case 1: return .multiply(make(depth: depth - 1, &g), make(depth: depth - 1, &g))
        case 2: return .divide(make(depth: depth - 1, &g), .add(.number(2, 1), .apply(.exp, make(depth: depth - 1, &g))))
        case 3: return .power(make(depth: depth - 1, &g), Int.random(in: -2...3, using: &g))
        case 4: return .add(.multiply(make(depth: depth - 1, &g), make(depth: depth - 1, &g)),
                            .multiply(.number(-1, 1), make(depth: depth - 1, &g)))
        default:
            let f = [ElementaryFunction.exp, .sin, .cos, .tanh, .sigmoid, .log, .tan].randomElement(using: &g)!
            let inner = make(depth: depth - 1, &g)
            // Keep log and tan where they are defined and smooth.
            if f == .log { return .apply(.log, .add(.number(3, 1), .multiply(inner, inner))) }
            if f == .tan { return .apply(.tan, .multiply(.number(1, 5), .apply(.sin, inner))) }
            return .apply(f, inner)
        }
    }

    static func build(_ t: Tree, in s: ExpressionStore) -> ExprID {
        switch t {
        case let .variable(i): return s.symbol(variableNames[i])
        case let .number(p, q): return s.number(Rational(p, q))
        case let .add(a, b): return s.add(build(a, in: s), build(b, in: s))
        case let .multiply(a, b): return s.multiply(build(a, in: s), build(b, in: s))
        case let .divide(a, b): return s.divide(build(a, in: s), build(b, in: s))
        case let .power(a, n): return s.power(build(a, in: s), n)
        case let .apply(f, a): return s.apply(f, build(a, in: s))
        }
    }

    static func evaluate(_ t: Tree, _ point: [Double]) -> Double {
        switch t {
        case let .variable(i): return point[i]
        case let .number(p, q): return Double(p) / Double(q)
        case let .add(a, b): return evaluate(a, point) + evaluate(b, point)
        case let .multiply(a, b): return evaluate(a, point) * evaluate(b, point)
        case let .divide(a, b): return evaluate(a, point) / evaluate(b, point)
        case let .power(a, n): return Foundation.pow(evaluate(a, point), Double(n))
        case let .apply(f, a): return f.value(at: evaluate(a, point))
        }
    }

    static func point<G: RandomNumberGenerator>(_ g: inout G) -> [Double] {
        (0..<3).map { _ in Double.random(in: -1.5...1.5, using: &g) }
    }

    static func environment(_ point: [Double]) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: zip(variableNames, point))
    }
}
