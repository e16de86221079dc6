import Foundation
import NablaCore
import NablaDocument
import NablaNumeric

/// The training objective of a composition on the tape: the mean loss over examples plus
/// λ/2·‖weights‖² (biases are not penalised), its gradient by reverse mode over the whole batch,
/// and the model's outputs. The examples are cut into one chunk per core.
///
/// A dense layer on the inputs (W·x, see ``DenseLayer``) is taken out of the tape and run as
/// two matrix products over the batch; the tape then runs on the layer's outputs.
///
/// ```swift
/// let objective = Objective(composition, store: doc.store, l2: 0.01)
/// let (value, gradient) = objective.valueAndGradient(θ, on: data)
/// ```
public final class Objective: @unchecked Sendable {
    public let composition: TrainingComposition
    public let l2: Double
    /// Whether dense layers on the inputs run as matrix products.
    public var usesMatrixProducts: Bool { !layers.isEmpty }

    /// The loss of one example, in: the dense layers' outputs ++ the other parameters ++ the
    /// inputs (when no layer takes them) ++ the label.
    let lossTape: Tape
    /// The model's outputs, in the same inputs but the label.
    let modelTape: Tape?
    let layers: [DenseLayer]
    /// The dense layers' outputs z, all layers together: the first columns of the tape's inputs.
    var layerOutputs: Int { layers.reduce(0) { $0 + $1.rows } }
    /// Where each layer's matrix starts among the parameters.
    let layerOffsets: [Int]
    /// The parameters the tape takes directly, by index.
    let direct: [Int]
    let feedsInputs: Bool
    let parameterCount: Int
    let penalised: [Bool]
    let chunks: Int
    /// The whole-data chunks of each data set seen (the training and the test data), by the
    /// data set's token, which the entry keeps alive.
    private var cache: [ObjectIdentifier: (token: Dataset.Token, chunks: [Chunk])] = [:]
    /// The buffers of the sweeps not running now: one is taken per chunk and given back.
    private var idleBuffers: [SweepBuffers] = []
    private let lock = NSLock()

    /// What one chunk's reverse sweep writes, kept from call to call so that an epoch
    /// allocates (and the system zeroes) nothing.
    final class SweepBuffers {
        var workspace: BatchWorkspace<Double>
        var values: [Double] = []
        var gradients: [Double] = []
        init(_ tape: Tape) { workspace = BatchWorkspace(for: tape, Double.self) }
    }

    /// The rows of one chunk: the batch of tape inputs with the data columns written, and the
    /// chunk's inputs (for the matrix products).
    struct Chunk {
        var batch: PointBatch<Double>
        /// Input j of row p at `j * count + p`: the matrix Xᵀ of the chunk, row-major.
        let inputs: [Double]
    }

    public init(_ composition: TrainingComposition, store: ExpressionStore, l2: Double, matrixProducts: Bool = true,
                cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.composition = composition
        self.l2 = l2
        let parameters = composition.parameterSymbols
        parameterCount = parameters.count
        penalised = composition.parameters.flatMap { b in Array(repeating: b.penalised, count: b.symbols.count) }
        var offsets: [Int] = []
        var offset = 0
        for b in composition.parameters { offsets.append(offset); offset += b.symbols.count }
        let label = composition.label?.symbols ?? []
        if matrixProducts, let split = DenseLayer.split(composition, store: store) {
            layers = split.layers
            layerOffsets = split.layers.map { offsets[$0.block] }
            let inLayers = Set(split.layers.flatMap { l in offsets[l.block]..<(offsets[l.block] + l.rows * l.columns) })
            direct = (0..<parameters.count).filter { !inLayers.contains($0) }
            feedsInputs = false
            let front = split.layers.flatMap(\.outputs) + direct.map { parameters[$0] }
            lossTape = Tape(store: store, outputs: [split.loss], inputs: front + label)
            modelTape = split.model.map { Tape(store: store, outputs: $0, inputs: front) }
        } else {
            layers = []
            layerOffsets = []
            direct = Array(0..<parameters.count)
            feedsInputs = true
            lossTape = Tape(store: store, outputs: [composition.loss], inputs: parameters + composition.inputs + label)
            modelTape = composition.model.map { Tape(store: store, outputs: $0, inputs: parameters + composition.inputs) }
        }
        chunks = max(1, cores)
    }

    /// The penalty λ/2·‖weights‖², its gradient added into `gradient`.
    func penalty(_ θ: [Double], into gradient: inout [Double]) -> Double {
        guard l2 > 0 else { return 0 }
        var total = 0.0
        for k in 0..<parameterCount where penalised[k] {
            total += θ[k] * θ[k]
            gradient[k] += l2 * θ[k]
        }
        return l2 / 2 * total
    }

    /// The objective and its gradient at θ on `rows` of `data` (all of them when nil).
    public func valueAndGradient(_ θ: [Double], on data: Dataset, rows: [Int]? = nil) -> (value: Double, gradient: [Double]) {
        let chunks = self.chunks(θ, data, rows, label: true)
        let n = chunks.reduce(0) { $0 + $1.batch.count }
        let partial = parallelMap(chunks.count) { c in self.lossAndGradient(chunks[c], θ) }
        var value = 0.0
        var gradient = [Double](repeating: 0, count: parameterCount)
        for (v, g) in partial {
            value += v
            for k in 0..<parameterCount { gradient[k] += g[k] }
        }
        let scale = 1 / Double(max(n, 1))
        value *= scale
        for k in 0..<parameterCount { gradient[k] *= scale }
        value += penalty(θ, into: &gradient)
        return (value, gradient)
    }

    /// The sum of the loss over one chunk and its gradient.
    private func lossAndGradient(_ chunk: Chunk, _ θ: [Double]) -> (Double, [Double]) {
        let buffers = takeBuffers()
        defer { giveBack(buffers) }
        let m = chunk.batch.count, width = lossTape.inputCount
        if buffers.values.count < m { buffers.values = [Double](repeating: 0, count: m) }
        if buffers.gradients.count < m * width { buffers.gradients = [Double](repeating: 0, count: m * width) }
        chunk.batch.storage.withUnsafeBufferPointer { x in
            buffers.values.withUnsafeMutableBufferPointer { v in
                buffers.gradients.withUnsafeMutableBufferPointer { gradients in
                    lossTape.vjp(count: m, inputs: x.baseAddress!, inputStride: m, cotangent: [1], values: v.baseAddress!, valueStride: m,
                                 gradients: gradients.baseAddress!, gradientStride: m, workspace: &buffers.workspace)
                }
            }
        }
        var g = [Double](repeating: 0, count: parameterCount)
        buffers.gradients.withUnsafeBufferPointer { s in
            var column = layerOutputs
            for k in direct {
                var t = 0.0
                for p in 0..<m { t += s[column * m + p] }
                g[k] = t
                column += 1
            }
            // ∂/∂W_ij = Σ_p ∂loss/∂z_i(p)·x_j(p): the matrix product G·X with G the rows of z's adjoints.
            column = 0
            g.withUnsafeMutableBufferPointer { g in
                chunk.inputs.withUnsafeBufferPointer { x in
                    for (l, layer) in layers.enumerated() {
                        MatrixProduct.multiply(s.baseAddress! + column * m, x.baseAddress!, into: g.baseAddress! + layerOffsets[l],
                                               m: layer.rows, n: layer.columns, k: m, bTransposed: true)
                        column += layer.rows
                    }
                }
            }
        }
        return (buffers.values[0..<m].reduce(0, +), g)
    }

    private func takeBuffers() -> SweepBuffers {
        lock.lock(); defer { lock.unlock() }
        return idleBuffers.popLast() ?? SweepBuffers(lossTape)
    }

    private func giveBack(_ buffers: SweepBuffers) {
        lock.lock(); defer { lock.unlock() }
        idleBuffers.append(buffers)
    }

    /// The mean loss at θ on `data`, without the penalty.
    public func meanLoss(_ θ: [Double], on data: Dataset) -> Double {
        let chunks = self.chunks(θ, data, nil, label: true)
        let tape = lossTape
        let sums = parallelMap(chunks.count) { c -> Double in
            var values = PointBatch<Double>(count: chunks[c].batch.count, width: 1)
            tape.values(chunks[c].batch, into: &values)
            return values.storage.reduce(0, +)
        }
        return sums.reduce(0, +) / Double(max(data.count, 1))
    }

    /// The model's outputs at θ for every row of `data`: `outputs[k][row]`.
    public func modelOutputs(_ θ: [Double], on data: Dataset) -> [[Double]]? {
        guard let tape = modelTape else { return nil }
        let all = Array(0..<data.count)
        var chunk = makeChunk(θ, data, all, label: false)
        writeParameters(&chunk, θ)
        var out = PointBatch<Double>(count: data.count, width: tape.outputSlots.count)
        tape.values(chunk.batch, into: &out)
        return out.columns
    }

    /// The share of rows whose predicted class is the label's; nil for a regression.
    public func accuracy(_ θ: [Double], on data: Dataset) -> Double? {
        guard let classes = data.classIndex, let outputs = modelOutputs(θ, on: data) else { return nil }
        var right = 0
        for r in 0..<data.count where Objective.predictedClass(outputs, row: r, encoding: data.encoding) == classes[r] { right += 1 }
        return Double(right) / Double(max(data.count, 1))
    }

    /// The class the outputs predict at `row`: the largest probability, or for one output, 1
    /// when it is above one half.
    public static func predictedClass(_ outputs: [[Double]], row: Int, encoding: LabelEncoding) -> Int {
        if outputs.count == 1 { return outputs[0][row] > 0.5 ? 1 : 0 }
        var best = 0
        for k in 1..<outputs.count where outputs[k][row] > outputs[best][row] { best = k }
        return best
    }

    // MARK: Batches

    /// The chunks of `rows` of `data` (all of them when nil) with θ written; the whole data
    /// set's chunks are kept for the next call.
    private func chunks(_ θ: [Double], _ data: Dataset, _ rows: [Int]?, label: Bool) -> [Chunk] {
        let total = rows?.count ?? data.count
        let pieces = min(chunks, max(1, total / 64))
        let ranges = (0..<pieces).map { c in (c * total / pieces)..<((c + 1) * total / pieces) }
        guard rows == nil else {
            var result = ranges.map { makeChunk(θ, data, Array(rows![$0]), label: label) }
            for c in result.indices { writeParameters(&result[c], θ) }
            return result
        }
        // Taken out of the cache while θ is written, so that the batches are not copied.
        let key = ObjectIdentifier(data.token)
        lock.lock()
        var result = cache.removeValue(forKey: key)?.chunks ?? []
        lock.unlock()
        if result.isEmpty { result = ranges.map { makeChunk(θ, data, Array($0), label: label) } }
        for c in result.indices { writeParameters(&result[c], θ) }
        lock.lock()
        if cache.count >= 4 { cache.removeAll() }
        cache[key] = (data.token, result)
        lock.unlock()
        return result
    }

    /// A chunk of `rows` with its data columns written (the parameters' are written per call).
    private func makeChunk(_ θ: [Double], _ data: Dataset, _ rows: [Int], label: Bool) -> Chunk {
        let front = layerOutputs + direct.count
        let width = front + (feedsInputs ? data.inputs.count : 0) + (label ? data.labels.count : 0)
        var batch = PointBatch<Double>(count: rows.count, width: width)
        let m = rows.count
        var inputs = [Double](repeating: 0, count: data.inputs.count * m)
        for (j, x) in data.inputs.enumerated() { for (p, r) in rows.enumerated() { inputs[j * m + p] = x[r] } }
        batch.storage.withUnsafeMutableBufferPointer { s in
            var column = front
            if feedsInputs {
                (s.baseAddress! + column * m).update(from: inputs, count: inputs.count)
                column += data.inputs.count
            }
            if label {
                for y in data.labels { for (p, r) in rows.enumerated() { s[column * m + p] = y[r] }; column += 1 }
            }
        }
        return Chunk(batch: batch, inputs: inputs)
    }

    /// Writes θ into the chunk: the dense layers' outputs W·x (a matrix product over the
    /// chunk's rows), then the parameters the tape takes, repeated at every row.
    private func writeParameters(_ chunk: inout Chunk, _ θ: [Double]) {
        let m = chunk.batch.count
        let inputs = chunk.inputs
        chunk.batch.storage.withUnsafeMutableBufferPointer { s in
            var column = 0
            θ.withUnsafeBufferPointer { w in
                inputs.withUnsafeBufferPointer { x in
                    for (l, layer) in layers.enumerated() {
                        MatrixProduct.multiply(w.baseAddress! + layerOffsets[l], x.baseAddress!, into: s.baseAddress! + column * m,
                                               m: layer.rows, n: m, k: layer.columns)
                        column += layer.rows
                    }
                }
            }
            for k in direct { (s.baseAddress! + column * m).update(repeating: θ[k], count: m); column += 1 }
        }
    }
}
