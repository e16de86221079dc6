import NablaCore

/// ∂L/∂W written as a course writes it for a dense layer z = W·x: the outer product δ·xᵀ, where
/// δ_i = ∂L/∂z_i, found from the entries (each ∂L/∂W_ij is x_j times the same δ_i across the
/// row). When a bias b is added to W·x, ∂L/∂b is δ itself.
///
/// ```swift
/// result.outerProducts.first?.input        // "x"
/// result.outerProducts.first?.bias         // "b" when ∂L/∂b = δ
/// ```
public struct OuterProductForm {
    /// The matrix, and the vector it multiplies (a parameter's name, or "v").
    public let matrix: String
    public let input: String
    public let inputEntries: [ExprID]
    /// δ, one entry per row of the matrix.
    public let delta: [ExprID]
    /// The vector block whose gradient is δ, if any.
    public let bias: String?

    /// The outer-product forms of a gradient's matrix blocks, for the matrices known to multiply
    /// a vector; empty where the entries are not of that form.
    static func find(_ result: TargetResult, inputs: [LocatedName], shapes: ConstantShapes, store: ExpressionStore) -> [OuterProductForm] {
        guard let blocks = result.gradientBlocks else { return [] }
        var forms: [OuterProductForm] = []
        for b in blocks where b.block.shape.count == 2 {
            guard let v = shapes.denseInputs[b.block.name], v.count == b.matrix.columns, let first = v.first else { continue }
            var delta: [ExprID] = []
            for i in 0..<b.matrix.rows {
                // δ_i: the first entry of the row without its factor x_1 …
                let entry = b.matrix[i, 0]
                let rest: ExprID
                if entry == store.zero { rest = store.zero }
                else if entry == first { rest = store.one }
                else if case let .product(factors) = store[entry], let k = factors.firstIndex(of: first) {
                    var others = factors
                    others.remove(at: k)
                    rest = store.product(others)
                } else { break }
                // … and every entry of the row that same δ_i times its x_j.
                guard (0..<b.matrix.columns).allSatisfy({ store.multiply(v[$0], rest) == b.matrix[i, $0] }) else { break }
                delta.append(rest)
            }
            guard delta.count == b.matrix.rows else { continue }
            let name = inputs.first { p in !p.shape.isEmpty && Shape.entryNames(p.name, p.shape).map { store.symbol($0) } == v }?.name ?? "v"
            let bias = blocks.first { $0.block.shape == [delta.count] && $0.matrix.entries == delta }?.block.name
            forms.append(OuterProductForm(matrix: b.block.name, input: name, inputEntries: v, delta: delta, bias: bias))
        }
        return forms
    }
}
