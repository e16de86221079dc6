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
        let points = PointBatch(columns: zip(point, direction).map { [Dual($0, $1)] })
        var w = [Dual](repeating: 0, count: outputSlots.count)
        w[output] = 1
        return vjp(points, cotangent: w).gradients.storage.map(\.tangent)
    }
}
