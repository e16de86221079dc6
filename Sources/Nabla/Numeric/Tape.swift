import Foundation

/// Expressions compiled to a flat list of instructions, for fast numeric values and
/// derivatives: forward mode (`jvp`), reverse mode (`vjp`) and full Jacobians.
///
/// Each shared sub-expression of the graph is one instruction, computed once; constants are
/// folded into the instructions that use them. Evaluation allocates nothing beyond the work
/// buffers the tape owns.
///
/// ```swift
/// var tape = Tape(store: s, outputs: [s.product([x, y]), s.apply(.sin, x)], inputs: [x, y])
/// tape.values(at: [0.5, 2])                 // [1.0, 0.479…]
/// tape.jvp(at: [0.5, 2], along: [1, 0])     // (values, [2.0, 0.877…])
/// tape.vjp(at: [0.5, 2], cotangent: [1, 0]) // (values, [2.0, 0.5])
/// ```
public struct Tape {
    /// One instruction; operands are indices of earlier instructions.
    enum Operation {
        case constant(Double)
        case input(Int)
        case add(Range<Int>)            // sum of operands[range]
        case multiply(Range<Int>)       // product of operands[range]
        case power(Int, Int)            // base ^ exponent, both instructions
        case integerPower(Int, Int)     // base ^ n
        case apply(ElementaryFunction, Int)
        case undefined
    }

    let operations: [Operation]
    /// The expression each instruction computes.
    let expressions: [ExprID]
    /// The operands of n-ary operations, flat.
    let operands: [Int]
    /// The instruction of each output.
    public let outputSlots: [Int]
    public let inputCount: Int

    /// Work buffers: each instruction's value and tangent after the last evaluation.
    private(set) var value: [Double]
    private(set) var tangent: [Double]
    private var adjoint: [Double]

    public var instructionCount: Int { operations.count }

    /// Compiles `outputs` as functions of the symbols `inputs` (other symbols must not occur).
    public init(store: ExpressionStore, outputs: [ExprID], inputs: [ExprID]) {
        let order = store.reachable(from: outputs)
        var slot: [ExprID: Int] = [:]
        var operations: [Operation] = []
        var operands: [Int] = []
        var expressions: [ExprID] = []
        let inputIndex = Dictionary(inputs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for id in order {
            let op: Operation
            switch store[id] {
            case let .number(r): op = .constant(r.doubleValue)
            case .constant(.e): op = .constant(M_E)
            case .constant(.pi): op = .constant(Double.pi)
            case .undefined: op = .undefined
            case .symbol:
                if let k = inputIndex[id] { op = .input(k) } else { op = .constant(.nan) }
            case let .sum(terms):
                let start = operands.count
                operands += terms.map { slot[$0]! }
                op = .add(start..<operands.count)
            case let .product(factors):
                let start = operands.count
                operands += factors.map { slot[$0]! }
                op = .multiply(start..<operands.count)
            case let .power(b, e):
                if let n = store.rational(e)?.intValue, abs(n) <= 64 { op = .integerPower(slot[b]!, n) }
                else { op = .power(slot[b]!, slot[e]!) }
            case let .apply(f, a): op = .apply(f, slot[a]!)
            }
            slot[id] = operations.count
            operations.append(op)
            expressions.append(id)
        }
        self.operations = operations
        self.expressions = expressions
        self.operands = operands
        self.outputSlots = outputs.map { slot[$0]! }
        self.inputCount = inputs.count
        value = Array(repeating: 0, count: operations.count)
        tangent = Array(repeating: 0, count: operations.count)
        adjoint = Array(repeating: 0, count: operations.count)
    }

    // MARK: Values

    /// The outputs at `point` (one value per input).
    public mutating func values(at point: [Double]) -> [Double] {
        forward(point)
        return outputSlots.map { value[$0] }
    }

    private mutating func forward(_ point: [Double]) {
        precondition(point.count == inputCount, "the tape takes \(inputCount) inputs")
        for i in operations.indices {
            switch operations[i] {
            case let .constant(c): value[i] = c
            case let .input(k): value[i] = point[k]
            case let .add(r):
                var s = 0.0
                for k in r { s += value[operands[k]] }
                value[i] = s
            case let .multiply(r):
                var p = 1.0
                for k in r { p *= value[operands[k]] }
                value[i] = p
            case let .integerPower(b, n): value[i] = integerPower(value[b], n)
            case let .power(b, e): value[i] = Foundation.pow(value[b], value[e])
            case let .apply(f, a): value[i] = f.value(at: value[a])
            case .undefined: value[i] = .nan
            }
        }
    }

    /// After an evaluation: the first sub-expression whose value is not a finite number though
    /// its operands are (a log of a negative number, a division by zero, an overflow).
    public func firstInvalid() -> (expression: ExprID, value: Double)? {
        for i in operations.indices where !value[i].isFinite {
            let operandsFinite: Bool
            switch operations[i] {
            case .constant, .input, .undefined: operandsFinite = true
            case let .add(r), let .multiply(r): operandsFinite = r.allSatisfy { value[operands[$0]].isFinite }
            case let .integerPower(b, _): operandsFinite = value[b].isFinite
            case let .power(b, e): operandsFinite = value[b].isFinite && value[e].isFinite
            case let .apply(_, a): operandsFinite = value[a].isFinite
            }
            if operandsFinite { return (expressions[i], value[i]) }
        }
        return nil
    }

    // MARK: Forward mode

    /// The outputs at `point` and their directional derivative along `direction` (J·v).
    public mutating func jvp(at point: [Double], along direction: [Double]) -> (values: [Double], differential: [Double]) {
        forward(point)
        for i in operations.indices {
            switch operations[i] {
            case .constant, .undefined: tangent[i] = 0
            case let .input(k): tangent[i] = direction[k]
            case let .add(r):
                var s = 0.0
                for k in r { s += tangent[operands[k]] }
                tangent[i] = s
            case let .multiply(r):
                // d(∏ fₖ) = Σ dfₖ · ∏_{j≠k} fⱼ, without dividing (a factor may be zero).
                var t = 0.0
                for k in r {
                    var p = tangent[operands[k]]
                    if p == 0 { continue }
                    for j in r where j != k { p *= value[operands[j]] }
                    t += p
                }
                tangent[i] = t
            case let .integerPower(b, n): tangent[i] = Double(n) * integerPower(value[b], n - 1) * tangent[b]
            case let .power(b, e):
                let u = value[b], v = value[e]
                let dv = tangent[e] == 0 ? 0 : value[i] * Foundation.log(u) * tangent[e]
                tangent[i] = v * Foundation.pow(u, v - 1) * tangent[b] + dv
            case let .apply(f, a): tangent[i] = f.derivative(value[a], value[i]) * tangent[a]
            }
        }
        return (outputSlots.map { value[$0] }, outputSlots.map { tangent[$0] })
    }

    // MARK: Reverse mode

    /// The outputs at `point` and the pullback of `cotangent` (wᵀ·J), one value per input.
    public mutating func vjp(at point: [Double], cotangent: [Double]) -> (values: [Double], pullback: [Double]) {
        forward(point)
        for i in adjoint.indices { adjoint[i] = 0 }
        for (k, s) in outputSlots.enumerated() { adjoint[s] += cotangent[k] }
        var gradient = Array(repeating: 0.0, count: inputCount)
        for i in operations.indices.reversed() {
            let a = adjoint[i]
            if a == 0 { continue }
            switch operations[i] {
            case .constant, .undefined: break
            case let .input(k): gradient[k] += a
            case let .add(r): for k in r { adjoint[operands[k]] += a }
            case let .multiply(r):
                for k in r {
                    var p = a
                    for j in r where j != k { p *= value[operands[j]] }
                    adjoint[operands[k]] += p
                }
            case let .integerPower(b, n): adjoint[b] += a * Double(n) * integerPower(value[b], n - 1)
            case let .power(b, e):
                let u = value[b], v = value[e]
                adjoint[b] += a * v * Foundation.pow(u, v - 1)
                adjoint[e] += a * value[i] * Foundation.log(u)
            case let .apply(f, x): adjoint[x] += a * f.derivative(value[x], value[i])
            }
        }
        return (outputSlots.map { value[$0] }, gradient)
    }

    // MARK: Jacobians

    /// The Jacobian at `point` (rows: outputs, columns: inputs), by forward sweeps when there are
    /// fewer inputs than outputs and by reverse sweeps otherwise.
    public mutating func jacobian(at point: [Double]) -> [[Double]] {
        let m = outputSlots.count, n = inputCount
        var J = Array(repeating: Array(repeating: 0.0, count: n), count: m)
        if n <= m {
            var e = Array(repeating: 0.0, count: n)
            for j in 0..<n {
                e[j] = 1
                let d = jvp(at: point, along: e).differential
                for i in 0..<m { J[i][j] = d[i] }
                e[j] = 0
            }
        } else {
            var w = Array(repeating: 0.0, count: m)
            for i in 0..<m {
                w[i] = 1
                J[i] = vjp(at: point, cotangent: w).pullback
                w[i] = 0
            }
        }
        return J
    }
}
