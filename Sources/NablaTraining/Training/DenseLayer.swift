import NablaCore
import NablaDocument

/// A dense layer on the inputs, found in a loss: the sums W_i1·x_1 + … + W_id·x_d of a weight
/// matrix W and the input vector x. Over a batch they are one matrix product, Z = X·Wᵀ, and the
/// gradient with respect to W another, Gᵀ·X; the rest of the loss is written in z, so that the
/// tape runs on k values per example instead of every weight and input.
///
/// ```swift
/// let split = DenseLayer.split(composition, store: store)   // nil when some W or x is used otherwise
/// split?.loss        // the loss in z_1 … z_k, the other parameters and the label
/// ```
struct DenseLayer {
    /// The matrix block's index among the composition's parameters, its rows and columns.
    let block: Int
    let rows: Int, columns: Int
    /// The symbols standing for W·x, one per row.
    let outputs: [ExprID]

    /// The loss and the model rewritten in the layers' outputs, with the layers found; nil when
    /// no matrix multiplies the inputs alone, or when a weight or an input is also used in
    /// another way (then nothing is gained, and the plain tape is used).
    static func split(_ c: TrainingComposition, store: ExpressionStore) -> (layers: [DenseLayer], loss: ExprID, model: [ExprID]?)? {
        let d = c.inputs.count
        var layers: [DenseLayer] = []
        // The product terms W_ij·x_j of each candidate row, by the row's symbol z_i.
        var rowTerms: [(z: ExprID, terms: Set<ExprID>)] = []
        for (k, b) in c.parameters.enumerated() where b.shape.count == 2 && b.shape[1] == d {
            var outputs: [ExprID] = []
            for i in 0..<b.shape[0] {
                let z = store.symbol("dense·\(b.name)·\(i + 1)")
                outputs.append(z)
                rowTerms.append((z, Set((0..<d).map { store.multiply(b.symbols[i * d + $0], c.inputs[$0]) })))
            }
            layers.append(DenseLayer(block: k, rows: b.shape[0], columns: d, outputs: outputs))
        }
        guard !layers.isEmpty else { return nil }
        let termOwner = Dictionary(rowTerms.enumerated().flatMap { r, row in row.terms.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        let replaced = Set(layers.flatMap { l in c.parameters[l.block].symbols } + c.inputs)
        var memo: [ExprID: ExprID] = [:]
        func rebuild(_ roots: [ExprID]) -> [ExprID] {
            store.rebuild(roots, touching: { store.freeSymbols($0).ids.contains(where: replaced.contains) }, memo: &memo, sum: { terms, rebuilt in
                // A row whose every product term is in this sum becomes its z.
                var rows: [Int: Int] = [:]
                for t in terms { if let r = termOwner[t] { rows[r, default: 0] += 1 } }
                let complete = Set(rows.filter { $0.value == d }.map(\.key))
                guard !complete.isEmpty else { return nil }
                let kept = zip(terms, rebuilt).filter { t, _ in termOwner[t].map { !complete.contains($0) } ?? true }.map(\.1)
                return store.sum(kept + complete.sorted().map { rowTerms[$0].z })
            })
        }
        let loss = rebuild([c.loss])[0]
        let model = c.model.map(rebuild)
        let left = ([loss] + (model ?? [])).contains { store.freeSymbols($0).ids.contains(where: replaced.contains) }
        return left ? nil : (layers, loss, model)
    }
}
