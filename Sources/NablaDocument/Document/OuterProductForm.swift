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
    /// The matrix, and the vector parameter its layer reads (or "v" when the vector is none).
    public let matrix: String
    public let input: String
    /// The vector the matrix multiplies, written as one expression: the parameter `x`, a
    /// function of it entry by entry, `tanh(x)`, or the symbol `v`.
    public let inputExpression: ExprID
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
    ///
    /// δ is read from the entries when each row is written as x_j times one factor; otherwise
    /// (the simplifier wrote a row as a sum) a bias block of the right length, or the δ of a
    /// layer found before, is tried, and each entry checked to be x_j·δ_i by simplifying the
    /// difference to zero. A bias block equal to δ gives δ its entries, so that layers sharing
    /// one δ write the same one.
    static func find(_ result: TargetResult, inputs: [LocatedName], shapes: ConstantShapes, definitions: [String: FunctionDefinition],
                     simplifier: Simplifier, store: ExpressionStore) -> [OuterProductForm] {
        guard let blocks = result.gradientBlocks else { return [] }
        let vectors = blocks.filter { $0.block.shape.count == 1 }
        func allZero(_ entries: [ExprID]) -> Bool { simplifyToZero(entries, simplifier: simplifier, store: store) }
        var forms: [OuterProductForm] = []
        for b in blocks where b.block.shape.count == 2 {
            guard let v = shapes.denseInputs[b.block.name], v.count == b.matrix.columns else { continue }
            let rows = b.matrix.rows
            var delta = factoredDelta(b.matrix, v, store: store)
            if delta == nil, b.matrix.entries.count <= checkedEntries {
                let candidates = vectors.filter { $0.block.shape == [rows] }.map(\.matrix.entries) + forms.map(\.delta).filter { $0.count == rows }
                delta = candidates.first { c in
                    allZero((0..<rows).flatMap { i in (0..<v.count).map { j in store.subtract(store.multiply(v[j], c[i]), b.matrix[i, j]) } })
                }
            }
            guard var delta else { continue }
            let (name, written) = vectorWritten(v, inputs: inputs, store: store)
            let bias = vectors.first { c in
                c.block.shape == [rows] && (c.matrix.entries == delta
                    || (rows <= checkedEntries && allZero(zip(c.matrix.entries, delta).map { store.subtract($0, $1) })))
            }
            if let bias { delta = bias.matrix.entries }
            var form = OuterProductForm(matrix: b.block.name, input: name, inputExpression: written, inputEntries: v, delta: delta, bias: bias?.block.name)
            form.inOutputs = forms.first { $0.delta == delta }?.inOutputs
                ?? inOutputs(delta, result, shapes: shapes, definitions: definitions, simplifier: simplifier, store: store)
            forms.append(form)
        }
        return forms
    }

    /// The vector parameter behind `v` and `v` written as one expression: x for the entries
    /// x_1 … x_n, f(x) for f(x_1) … f(x_n); ("v", v) otherwise.
    private static func vectorWritten(_ v: [ExprID], inputs: [LocatedName], store: ExpressionStore) -> (String, ExprID) {
        func parameter(_ entries: [ExprID]) -> String? {
            inputs.first { p in !p.shape.isEmpty && Shape.entryNames(p.name, p.shape).map { store.symbol($0) } == entries }?.name
        }
        if let name = parameter(v) { return (name, store.symbol(name)) }
        if case let .apply(f, _) = store[v[0]] {
            let arguments = v.compactMap { e -> ExprID? in
                if case let .apply(g, a) = store[e], g == f { return a }
                return nil
            }
            if arguments.count == v.count, let name = parameter(arguments) { return (name, store.apply(f, store.symbol(name))) }
        }
        return ("v", store.symbol("v"))
    }

    /// Whether every entry of `entries` simplifies to zero: how each form is checked.
    private static func simplifyToZero(_ entries: [ExprID], simplifier: Simplifier, store: ExpressionStore) -> Bool {
        entries.allSatisfy { $0 == store.zero }
            || simplifier.simplify(ExpressionMatrix(rows: 1, columns: entries.count, entries: entries)).entries.allSatisfy { $0 == store.zero }
    }

    /// The most entries whose form is checked by the simplifier (each check simplifies them all).
    static let checkedEntries = 256

    /// δ read from the entries: each row i written as x_j times the same factor δ_i (the first
    /// entry of the row without its factor x_1); nil when some row is not.
    private static func factoredDelta(_ m: ExpressionMatrix, _ v: [ExprID], store: ExpressionStore) -> [ExprID]? {
        guard let first = v.first else { return nil }
        var delta: [ExprID] = []
        for i in 0..<m.rows {
            let entry = m[i, 0]
            let rest: ExprID
            if entry == store.zero { rest = store.zero }
            else if entry == first { rest = store.one }
            else if case let .product(factors) = store[entry], let k = factors.firstIndex(of: first) {
                var others = factors
                others.remove(at: k)
                rest = store.product(others)
            } else { return nil }
            guard (0..<m.columns).allSatisfy({ store.multiply(v[$0], rest) == m[i, $0] }) else { return nil }
            delta.append(rest)
        }
        return delta
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
                    return simplifyToZero([store.subtract(delta[i], candidate)], simplifier: simplifier, store: store)
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
