import NablaCalculus
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
    /// δ in the model's outputs p and the label y, when it is one of the textbook forms:
    /// p − y, or p·(y_1 + … + y_k) − y (which is p − y for a one-hot y).
    public var inOutputs: InOutputs?

    public struct InOutputs {
        /// The outer function's parameter (`p`) and the function that gives it (`model`).
        public let output: String
        public let model: String
        public let label: String
        public let labelEntries: [ExprID]
        /// Whether δ = p − y (else δ = p·Σy − y).
        public let labelSumsOut: Bool
    }

    /// The outer-product forms of a gradient's matrix blocks, for the matrices known to multiply
    /// a vector; empty where the entries are not of that form.
    static func find(_ result: TargetResult, inputs: [LocatedName], shapes: ConstantShapes, definitions: [String: FunctionDefinition],
                     simplifier: Simplifier, store: ExpressionStore) -> [OuterProductForm] {
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
            var form = OuterProductForm(matrix: b.block.name, input: name, inputEntries: v, delta: delta, bias: bias)
            form.inOutputs = inOutputs(delta, result, shapes: shapes, definitions: definitions, simplifier: simplifier, store: store)
            forms.append(form)
        }
        return forms
    }

    /// δ as p − y or p·Σy − y, p the outputs of the chain inside the loss, y a vector constant of
    /// their length; checked by simplifying the difference to zero.
    private static func inOutputs(_ delta: [ExprID], _ result: TargetResult, shapes: ConstantShapes, definitions: [String: FunctionDefinition],
                                  simplifier: Simplifier, store: ExpressionStore) -> InOutputs? {
        guard result.links.count >= 2, let loss = definitions[result.links[0].name], loss.shapedParameters.count == 1,
              loss.shapedParameters[0].shape == [delta.count] else { return nil }
        let p = store.composition(of: result.links.dropFirst())
        guard p.count == delta.count else { return nil }
        let mentioned = Set(delta.flatMap { store.freeSymbols($0).ids })
        for label in shapes.declarations.values.sorted(by: { $0.name < $1.name }) where label.shape == [delta.count] {
            let y = Shape.entryNames(label.name, label.shape).map { store.symbol($0) }
            guard y.contains(where: mentioned.contains) else { continue }
            let total = store.sum(y)
            for sumsOut in [true, false] {
                let holds = (0..<delta.count).allSatisfy { i in
                    let candidate = store.subtract(sumsOut ? p[i] : store.multiply(p[i], total), y[i])
                    return simplifier.simplify(ExpressionMatrix(rows: 1, columns: 1, entries: [store.subtract(delta[i], candidate)])).entries[0] == store.zero
                }
                if holds {
                    let model = result.links.count == 2 ? result.links[1].name : result.links[1...].map(\.name).joined(separator: "∘")
                    return InOutputs(output: loss.shapedParameters[0].name, model: model, label: label.name, labelEntries: y, labelSumsOut: sumsOut)
                }
            }
        }
        return nil
    }
}
