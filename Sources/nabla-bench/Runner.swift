import Foundation
import Nabla

/// Builds each problem through the library, as a user would (a `.nabla` text, the symbolic
/// result, a tape), and times its evaluations.
struct Runner {
    let points: Int
    /// single, batch or both.
    let modes: Set<String>
    let stopwatch: Stopwatch
    /// Only this method (symbolic, reverse or tape), or all.
    var method: String? = nil

    private func wanted(_ m: String) -> Bool { method == nil || method == m }

    /// The seconds per call of `work` when `mode` is asked for.
    private func time(_ mode: String, _ work: () -> Void) -> Double? {
        modes.contains(mode) ? stopwatch.secondsPerCall(work) : nil
    }

    /// The measurements of both modes that were asked for.
    private func both(_ base: Measurement, single: Double?, batch: Double?) -> [Measurement] {
        var result: [Measurement] = []
        if let single { var m = base; m.mode = "single"; m.secondsPerPoint = single; result.append(m) }
        if let batch { var m = base; m.mode = "batch"; m.secondsPerPoint = batch / Double(points); result.append(m) }
        return result
    }

    func measure(_ problem: BenchmarkProblem, _ n: Int) throws -> [Measurement] {
        let start = DispatchTime.now().uptimeNanoseconds
        let source = SourceText(name: "\(problem.rawValue)-\(n).nabla", text: problem.document(n))
        let document: Document
        do { document = try Document(source: source) } catch { throw BenchError(error.render(in: source)) }
        let result = document.results[0]
        let inputs = result.variables.map { document.store.symbol($0) }
        let batch = BenchmarkProblem.points(points, n: n)
        let x = (0..<n).map { batch[$0, 0] }

        switch problem {
        case .jacobian:
            let tape = Tape(store: document.store, outputs: result.matrix.entries, inputs: inputs)
            let setup = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return timeValues(tape, "jacobian", "symbolic", n, x, batch, setup)
        case .loss:
            let value = Tape(store: document.store, outputs: result.components, inputs: inputs)
            let gradient = Tape(store: document.store, outputs: result.matrix.entries, inputs: inputs)
            let setup = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return (wanted("tape") ? timeValues(value, "value", "tape", n, x, batch, setup) : [])
                + (wanted("reverse") ? timeReverse(value, n, x, batch, setup) : [])
                + (wanted("dense") ? timeDense(document.store, result.components[0], inputs, n, batch, setup) : [])
                + (wanted("symbolic") ? timeValues(gradient, "gradient", "symbolic", n, x, batch, setup) : [])
        }
    }

    /// The outputs of `tape`, at one point and over the batch (in calls of at most ten million
    /// outputs, into a buffer allocated once).
    private func timeValues(_ tape: Tape, _ problem: String, _ method: String, _ n: Int, _ x: [Double],
                            _ batch: PointBatch<Double>, _ setup: Double) -> [Measurement] {
        var work = TapeWorkspace(for: tape)
        var out = [Double](repeating: 0, count: tape.outputSlots.count)
        let single = time("single") { tape.values(at: x, into: &out, in: &work) }
        tape.values(at: x, into: &out, in: &work)
        let check = out.reduce(0, +)
        let chunks = Runner.chunks(of: batch, outputs: tape.outputSlots.count)
        var buffer = PointBatch<Double>(count: chunks[0].count, width: tape.outputSlots.count)
        let whole = time("batch") {
            for c in chunks {
                if c.count != buffer.count { buffer = PointBatch(count: c.count, width: tape.outputSlots.count) }
                tape.values(c, into: &buffer)
            }
        }
        let base = Measurement(problem: problem, method: method, n: n, mode: "", secondsPerPoint: .nan,
                               instructions: tape.instructionCount, registers: tape.registerCount, setupSeconds: setup, check: check)
        return both(base, single: single, batch: whole)
    }

    /// The gradient of a scalar function by reverse mode on its own tape.
    private func timeReverse(_ tape: Tape, _ n: Int, _ x: [Double], _ batch: PointBatch<Double>, _ setup: Double) -> [Measurement] {
        var work = TapeWorkspace(for: tape)
        let one = [1.0]
        var pullback = [Double](repeating: 0, count: n)
        let single = time("single") { tape.vjp(at: x, cotangent: one, into: &pullback, in: &work) }
        let check = tape.vjp(at: x, cotangent: [1]).pullback.reduce(0, +)
        let chunks = Runner.chunks(of: batch, outputs: n)
        let whole = time("batch") { for c in chunks { _ = tape.vjp(c, cotangent: [1]) } }
        let base = Measurement(problem: "gradient", method: "reverse", n: n, mode: "", secondsPerPoint: .nan,
                               instructions: tape.instructionCount, registers: tape.instructionCount, setupSeconds: setup, check: check)
        return both(base, single: single, batch: whole)
    }

    /// The gradient over the batch with the dense layer W·x run as matrix products
    /// (``DenseInputTape``): batch mode only, the single point being the reverse route's.
    private func timeDense(_ store: ExpressionStore, _ loss: ExprID, _ inputs: [ExprID], _ n: Int, _ batch: PointBatch<Double>, _ setup: Double) -> [Measurement] {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let dense = DenseInputTape(store: store, output: loss, inputs: inputs) else { return [] }
        let own = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let chunks = Runner.chunks(of: batch, outputs: n)
        // The gradient at the first point, summed, as the reverse route checks it.
        let first = dense.vjp(chunks[0]).gradients
        let check = (0..<n).reduce(0.0) { $0 + first[$1, 0] }
        // Into buffers allocated once, as the value route writes its outputs.
        var values = PointBatch<Double>(count: chunks[0].count, width: 1)
        var gradients = PointBatch<Double>(count: chunks[0].count, width: n)
        let whole = time("batch") {
            for c in chunks {
                if c.count != values.count { values = PointBatch(count: c.count, width: 1); gradients = PointBatch(count: c.count, width: n) }
                dense.vjp(c, values: &values, gradients: &gradients)
            }
        }
        let base = Measurement(problem: "gradient", method: "dense", n: n, mode: "", secondsPerPoint: .nan,
                               instructions: dense.inner.instructionCount, registers: dense.inner.registerCount, setupSeconds: setup + own, check: check)
        return both(base, single: nil, batch: whole)
    }

    /// The batch cut into calls of at most ten million outputs (at least 256 points each): the
    /// rule every peer follows.
    static func chunks(of batch: PointBatch<Double>, outputs: Int) -> [PointBatch<Double>] {
        let size = min(batch.count, max(256, 10_000_000 / max(outputs, 1)))
        return stride(from: 0, to: batch.count, by: size).map { start in
            let count = min(size, batch.count - start)
            var chunk = PointBatch<Double>(count: count, width: batch.width)
            for k in 0..<batch.width { for p in 0..<count { chunk[k, p] = batch[k, start + p] } }
            return chunk
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
