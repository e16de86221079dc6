import Foundation
import NablaCore

extension ExpressionStore {
    /// The value of each expression in `ids` at a point, in double precision.
    ///
    /// `point` maps symbol names to values; a symbol it does not name evaluates to NaN. Shared
    /// sub-expressions are evaluated once. (The compiled tape of the numeric engine is the fast
    /// path; this is the reference interpreter used as an oracle.)
    ///
    /// ```swift
    /// let s = ExpressionStore(); let x = s.symbol("x")
    /// s.evaluate([s.power(x, 2)], at: ["x": 3])   // [9.0]
    /// ```
    public func evaluate(_ ids: [ExprID], at point: [String: Double]) -> [Double] {
        var values: [ExprID: Double] = [:]
        for node in reachable(from: ids) { values[node] = evaluateNode(node, point, values) }
        return ids.map { values[$0]! }
    }

    private func evaluateNode(_ id: ExprID, _ point: [String: Double], _ values: [ExprID: Double]) -> Double {
        switch self[id] {
        case let .number(r): return r.doubleValue
        case let .symbol(name): return point[name] ?? .nan
        case .constant(.e): return M_E
        case .constant(.pi): return Double.pi
        case .undefined: return .nan
        case let .sum(terms): return terms.reduce(0) { $0 + values[$1]! }
        case let .product(factors): return factors.reduce(1) { $0 * values[$1]! }
        case let .power(b, e):
            let base = values[b]!, exponent = values[e]!
            if exponent == 0.5 { return base.squareRoot() }
            return Foundation.pow(base, exponent)
        case let .apply(f, a): return f.value(at: values[a]!)
        }
    }
}

extension ElementaryFunction {
    /// The function's value at `x` in double precision: `ElementaryFunction.sigmoid.value(at: 0)` is 0.5.
    public func value(at x: Double) -> Double { value(x) }
}
