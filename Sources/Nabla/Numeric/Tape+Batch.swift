import Foundation

extension Tape {
    /// The outputs at many points at once, in `Double` or `Float`. `inputs[k]` holds input k at every point (structure of
    /// arrays); the result holds output i at every point. Each instruction runs over the whole
    /// batch before the next one.
    ///
    /// ```swift
    /// tape.values(batch: [[0.5, 1.0, 2.0], [2, 2, 2]])   // outputs at (0.5, 2), (1, 2), (2, 2)
    /// ```
    public func values<T: TapeScalar>(batch inputs: [[T]]) -> [[T]] {
        let value = forward(batch: inputs)
        let n = inputs.first?.count ?? 0
        return outputSlots.map { s in Array(value[(s * n)..<((s + 1) * n)]) }
    }

    /// The outputs and the pullback of `cotangent` (the same weights at every point), at many
    /// points at once: `gradients[k]` holds ∂(wᵀf)/∂input k at every point.
    public func vjp<T: TapeScalar>(batch inputs: [[T]], cotangent: [T]) -> (values: [[T]], gradients: [[T]]) {
        let n = inputs.first?.count ?? 0
        let value = forward(batch: inputs)
        var adjoint = [T](repeating: 0, count: operations.count * n)
        for (k, s) in outputSlots.enumerated() where cotangent[k] != 0 {
            for p in 0..<n { adjoint[s * n + p] += cotangent[k] }
        }
        var gradients = [[T]](repeating: [T](repeating: 0, count: n), count: inputCount)
        for i in operations.indices.reversed() {
            let base = i * n
            switch operations[i] {
            case .constant, .undefined: break
            case let .input(k): for p in 0..<n { gradients[k][p] += adjoint[base + p] }
            case let .add(r): for k in r { let o = operands[k] * n; for p in 0..<n { adjoint[o + p] += adjoint[base + p] } }
            case let .multiply(r):
                for k in r {
                    let o = operands[k] * n
                    for p in 0..<n {
                        var product = adjoint[base + p]
                        if product == 0 { continue }
                        for j in r where j != k { product *= value[operands[j] * n + p] }
                        adjoint[o + p] += product
                    }
                }
            case let .integerPower(b, m):
                for p in 0..<n { adjoint[b * n + p] += adjoint[base + p] * T(m) * integerPower(value[b * n + p], m - 1) }
            case let .power(b, e):
                for p in 0..<n {
                    let u = value[b * n + p], v = value[e * n + p], a = adjoint[base + p]
                    adjoint[b * n + p] += a * v * T.pow(u, v - 1)
                    adjoint[e * n + p] += a * value[base + p] * T.log(u)
                }
            case let .apply(f, x):
                for p in 0..<n { adjoint[x * n + p] += adjoint[base + p] * f.derivative(value[x * n + p], value[base + p]) }
            }
        }
        let values = outputSlots.map { s in Array(value[(s * n)..<((s + 1) * n)]) }
        return (values, gradients)
    }

    /// Every instruction's value at every point: instruction i, point p at `i * n + p`.
    private func forward<T: TapeScalar>(batch inputs: [[T]]) -> [T] {
        precondition(inputs.count == inputCount, "the tape takes \(inputCount) inputs")
        let n = inputs.first?.count ?? 0
        precondition(inputs.allSatisfy { $0.count == n }, "every input needs a value at every point")
        var value = [T](repeating: 0, count: operations.count * n)
        value.withUnsafeMutableBufferPointer { v in
            for i in operations.indices {
                let base = i * n
                switch operations[i] {
                case let .constant(c): let t = T(c); for p in 0..<n { v[base + p] = t }
                case let .input(k): for p in 0..<n { v[base + p] = inputs[k][p] }
                case let .add(r):
                    for p in 0..<n { v[base + p] = 0 }
                    for k in r { let o = operands[k] * n; for p in 0..<n { v[base + p] += v[o + p] } }
                case let .multiply(r):
                    for p in 0..<n { v[base + p] = 1 }
                    for k in r { let o = operands[k] * n; for p in 0..<n { v[base + p] *= v[o + p] } }
                case let .integerPower(b, m): for p in 0..<n { v[base + p] = integerPower(v[b * n + p], m) }
                case let .power(b, e): for p in 0..<n { v[base + p] = T.pow(v[b * n + p], v[e * n + p]) }
                case let .apply(f, a): for p in 0..<n { v[base + p] = f.value(v[a * n + p]) }
                case .undefined: for p in 0..<n { v[base + p] = .nan }
                }
            }
        }
        return value
    }
}
