import NablaCore

/// A scalar function whose inputs enter only through linear combinations with constant
/// coefficients, z = C·x (a dense layer W·x with W known), compiled so that over a batch the
/// layer is one matrix product: Z = C·X, the rest of the function runs on the tape in z, and
/// the gradient with respect to x is Cᵀ·G, G the adjoints of z.
///
/// ```swift
/// if let dense = DenseInputTape(store: s, output: loss, inputs: xs) {
///     let (values, gradients) = dense.vjp(points)     // as Tape.vjp with the cotangent [1]
/// }
/// ```
public struct DenseInputTape: Sendable {
    /// The rest of the function, in z.
    public let inner: Tape
    /// C, rows × inputs, row-major; and Cᵀ, for the gradient.
    let coefficients: [Double]
    let transposed: [Double]
    public let rows: Int
    public let inputCount: Int

    /// Nil when the inputs are also used otherwise than in linear combinations of two or more.
    public init?(store: ExpressionStore, output: ExprID, inputs: [ExprID]) {
        let column = Dictionary(inputs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let inputSet = Set(inputs)
        var combinations: [[Rational]: ExprID] = [:]
        var order: [[Rational]] = []
        var memo: [ExprID: ExprID] = [:]
        let rewritten = store.rebuild([output], touching: { store.freeSymbols($0).ids.contains(where: inputSet.contains) }, memo: &memo, sum: { terms, rebuilt in
            // The terms c·x_j make one combination of the inputs; the others are kept.
            var weights = [Rational](repeating: Rational(0), count: inputs.count)
            var linear = 0
            var kept: [ExprID] = []
            for (t, new) in zip(terms, rebuilt) {
                let (c, rest) = store.splitCoefficient(t)
                if let j = column[rest] { weights[j] = weights[j] + c; linear += 1 } else { kept.append(new) }
            }
            guard linear >= 2 else { return nil }
            if combinations[weights] == nil {
                combinations[weights] = store.symbol("dense·z·\(order.count + 1)")
                order.append(weights)
            }
            return store.sum(kept + [combinations[weights]!])
        })[0]
        guard !order.isEmpty, !store.freeSymbols(rewritten).ids.contains(where: inputSet.contains) else { return nil }
        rows = order.count
        inputCount = inputs.count
        coefficients = order.flatMap { $0.map(\.doubleValue) }
        var t = [Double](repeating: 0, count: rows * inputs.count)
        for i in 0..<rows { for j in 0..<inputs.count { t[j * rows + i] = coefficients[i * inputs.count + j] } }
        transposed = t
        inner = Tape(store: store, outputs: [rewritten], inputs: order.map { combinations[$0]! })
    }

    /// The value and the gradient at every point of `points` (one entry per input).
    public func vjp(_ points: PointBatch<Double>) -> (values: PointBatch<Double>, gradients: PointBatch<Double>) {
        let m = points.count
        var z = PointBatch<Double>(count: m, width: rows)
        coefficients.withUnsafeBufferPointer { c in
            points.storage.withUnsafeBufferPointer { x in
                z.storage.withUnsafeMutableBufferPointer { out in
                    MatrixProduct.multiply(c.baseAddress!, x.baseAddress!, into: out.baseAddress!, m: rows, n: m, k: inputCount)
                }
            }
        }
        let (values, adjoints) = inner.vjp(z, cotangent: [1])
        var gradients = PointBatch<Double>(count: m, width: inputCount)
        transposed.withUnsafeBufferPointer { t in
            adjoints.storage.withUnsafeBufferPointer { g in
                gradients.storage.withUnsafeMutableBufferPointer { out in
                    MatrixProduct.multiply(t.baseAddress!, g.baseAddress!, into: out.baseAddress!, m: inputCount, n: m, k: rows)
                }
            }
        }
        return (values, gradients)
    }
}
