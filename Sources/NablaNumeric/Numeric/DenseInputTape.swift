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
    ///
    /// The points are taken in blocks small enough that the block's z and its adjoints stay in
    /// the cache: per block, Z = C·X, the tape in z, then the block's gradients Cᵀ·G, each
    /// written in place into the whole batch's arrays.
    public func vjp(_ points: PointBatch<Double>) -> (values: PointBatch<Double>, gradients: PointBatch<Double>) {
        var values = PointBatch<Double>(count: points.count, width: 1)
        var gradients = PointBatch<Double>(count: points.count, width: inputCount)
        vjp(points, values: &values, gradients: &gradients)
        return (values, gradients)
    }

    /// The same into batches the caller owns (one value and `inputCount` gradients at every
    /// point), so that repeated calls allocate nothing but the blocks' buffers.
    ///
    /// ```swift
    /// var values = PointBatch<Double>(count: m, width: 1), gradients = PointBatch<Double>(count: m, width: dense.inputCount)
    /// dense.vjp(points, values: &values, gradients: &gradients)
    /// ```
    public func vjp(_ points: PointBatch<Double>, values: inout PointBatch<Double>, gradients: inout PointBatch<Double>) {
        precondition(points.width == inputCount, "the function takes \(inputCount) inputs")
        let m = points.count
        precondition(values.count == m && values.width == 1 && gradients.count == m && gradients.width == inputCount,
                     "one value and \(inputCount) gradients at each of the \(m) points")
        var workspace = BatchWorkspace(for: inner, Double.self)
        let block = max(workspace.lanes, DenseInputTape.blockPoints)
        var z = [Double](repeating: 0, count: rows * block), adjoints = z
        coefficients.withUnsafeBufferPointer { c in
            transposed.withUnsafeBufferPointer { t in
                points.storage.withUnsafeBufferPointer { x in
                    values.storage.withUnsafeMutableBufferPointer { out in
                        gradients.storage.withUnsafeMutableBufferPointer { g in
                            z.withUnsafeMutableBufferPointer { z in
                                adjoints.withUnsafeMutableBufferPointer { a in
                                    for start in stride(from: 0, to: m, by: block) {
                                        let n = min(block, m - start)
                                        MatrixProduct.multiply(c.baseAddress!, x.baseAddress! + start, into: z.baseAddress!,
                                                               m: rows, n: n, k: inputCount, ldb: m)
                                        inner.vjp(count: n, inputs: z.baseAddress!, inputStride: n, cotangent: [1],
                                                  values: out.baseAddress! + start, valueStride: m,
                                                  gradients: a.baseAddress!, gradientStride: n, workspace: &workspace)
                                        MatrixProduct.multiply(t.baseAddress!, a.baseAddress!, into: g.baseAddress! + start,
                                                               m: inputCount, n: n, k: rows, ldc: m)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The points of one block (at least): enough columns for the matrix products to run at
    /// speed, few enough that a block's z and adjoints (100 rows: 200 KB each) stay in the cache.
    static let blockPoints = 256
}
