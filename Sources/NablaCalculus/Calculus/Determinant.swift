import NablaCore

extension ExpressionStore {
    /// The determinant of a square matrix, by expansion along the first row (for the small
    /// matrices of a course: polar, cylindrical and spherical coordinates).
    ///
    /// ```swift
    /// store.determinant(jacobianOfPolar)   // r·cos(θ)² + r·sin(θ)², which simplifies to r
    /// ```
    public func determinant(_ m: ExpressionMatrix) -> ExprID {
        precondition(m.rows == m.columns, "a determinant needs a square matrix")
        if m.rows == 1 { return m.entries[0] }
        var terms: [ExprID] = []
        for j in 0..<m.columns {
            let minor = ExpressionMatrix(rows: m.rows - 1, columns: m.columns - 1,
                                         entries: (1..<m.rows).flatMap { i in (0..<m.columns).filter { $0 != j }.map { m[i, $0] } })
            let term = product([m[0, j], determinant(minor)])
            terms.append(j.isMultiple(of: 2) ? term : negate(term))
        }
        return sum(terms)
    }
}
