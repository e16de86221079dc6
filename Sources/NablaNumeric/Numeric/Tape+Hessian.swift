extension Tape {
    /// The Hessian-vector product H·v of output `output` at `point`, by forward mode over
    /// reverse mode: the reverse sweep runs on dual numbers whose tangents move along
    /// `direction`. Exact up to rounding — no finite differences.
    ///
    /// ```swift
    /// tape.hessianVectorProduct(at: [1, 2], along: [1, 0])   // first column of the Hessian
    /// ```
    public func hessianVectorProduct(at point: [Double], along direction: [Double], output: Int = 0) -> [Double] {
        precondition(direction.count == inputCount, "the direction needs \(inputCount) entries")
        return hessianVectorProduct(PointBatch(columns: point.map { [$0] }), along: PointBatch(columns: direction.map { [$0] }),
                                    output: output).storage
    }

    /// H·v of output `output` at every point of `points`, each with its own direction: one
    /// reverse sweep over the batch on dual numbers. Entry k of the result is (H·v)_k.
    public func hessianVectorProduct(_ points: PointBatch<Double>, along directions: PointBatch<Double>, output: Int = 0) -> PointBatch<Double> {
        precondition(directions.width == inputCount && directions.count == points.count, "one direction per point")
        var duals = PointBatch<Dual>(count: points.count, width: inputCount)
        for k in 0..<inputCount { for p in 0..<points.count { duals[k, p] = Dual(points[k, p], directions[k, p]) } }
        var w = [Dual](repeating: 0, count: outputSlots.count)
        w[output] = 1
        let gradients = vjp(duals, cotangent: w).gradients
        var result = PointBatch<Double>(count: points.count, width: inputCount)
        for k in 0..<inputCount { for p in 0..<points.count { result[k, p] = gradients[k, p].tangent } }
        return result
    }
}
