extension Tape {
    /// The outputs at every point of `points` (one entry per input), written into `outputs` (one
    /// entry per output, the same number of points). The points are taken in chunks; within a
    /// chunk each instruction runs over all its points before the next instruction.
    ///
    /// ```swift
    /// var out = PointBatch<Double>(count: points.count, width: tape.outputSlots.count)
    /// tape.values(points, into: &out)
    /// ```
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func values<T: TapeScalar>(_ points: PointBatch<T>, into outputs: inout PointBatch<T>) {
        precondition(points.width == inputCount, "the tape takes \(inputCount) inputs")
        precondition(outputs.width == outputSlots.count && outputs.count == points.count, "one entry per output at every point")
        let code = valueCode, count = points.count
        let lanes = Tape.lanes(registers: code.registerCount + 2, T.self)
        var registers = [T](repeating: 0, count: (code.registerCount + 2) * lanes)
        registers.withUnsafeMutableBufferPointer { buffer in
            let v = buffer.baseAddress!, scratch = v + code.registerCount * lanes
            points.storage.withUnsafeBufferPointer { x in
                outputs.storage.withUnsafeMutableBufferPointer { out in
                    for start in stride(from: 0, to: count, by: lanes) {
                        let n = min(lanes, count - start)
                        // An output is computed straight into its place; a register gets a
                        // copy only when a later instruction reads it.
                        func destination(_ i: Int) -> UnsafeMutablePointer<T> {
                            let given = storesStart[i]..<storesStart[i + 1]
                            return given.isEmpty ? v + code.destinations[i] * n : out.baseAddress! + outputsGiven[given.lowerBound] * count + start
                        }
                        func copies(_ i: Int, from d: UnsafeMutablePointer<T>) {
                            let given = storesStart[i]..<storesStart[i + 1]
                            if given.isEmpty { return }
                            for s in given.dropFirst() { (out.baseAddress! + outputsGiven[s] * count + start).update(from: d, count: n) }
                            if isRead[i] { (v + code.destinations[i] * n).update(from: d, count: n) }
                        }
                        var i = 0
                        while i < code.operations.count {
                            if let t = tile(startingAt: i, T.self) {
                                let d0 = destination(i), d1 = destination(i + 1), d2 = destination(i + 2), d3 = destination(i + 3)
                                tiles[t].run(registers: asDouble(v), lanes: n, asDouble(d0), asDouble(d1), asDouble(d2), asDouble(d3))
                                copies(i, from: d0); copies(i + 1, from: d1); copies(i + 2, from: d2); copies(i + 3, from: d3)
                                i += LinearTile.rows
                                continue
                            }
                            let d = destination(i)
                            code.forward(i, registers: v, lanes: n, scratch: scratch, destination: d) { x.baseAddress! + $0 * count + start }
                            copies(i, from: d)
                            i += 1
                        }
                    }
                }
            }
        }
    }

    /// The outputs at many points at once, in `Double` or `Float`: `inputs[k]` holds input k at
    /// every point; the result holds output i at every point.
    ///
    /// ```swift
    /// tape.values(batch: [[0.5, 1.0, 2.0], [2, 2, 2]])   // outputs at (0.5, 2), (1, 2), (2, 2)
    /// ```
    public func values<T: TapeScalar>(batch inputs: [[T]]) -> [[T]] {
        let points = PointBatch(columns: inputs)
        var out = PointBatch<T>(count: points.count, width: outputSlots.count)
        values(points, into: &out)
        return out.columns
    }

    /// The outputs and their directional derivatives at many points: `directions` gives each
    /// point its own direction (one entry per input). Returns values and J·v, one entry per
    /// output.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func jvp<T: TapeScalar>(_ points: PointBatch<T>, along directions: PointBatch<T>) -> (values: PointBatch<T>, differentials: PointBatch<T>) {
        precondition(points.width == inputCount && directions.width == inputCount && directions.count == points.count,
                     "points and directions need \(inputCount) entries each")
        var values = PointBatch<T>(count: points.count, width: outputSlots.count)
        var differentials = values
        var workspace = BatchWorkspace(for: self, T.self)
        let count = points.count
        differentials.storage.withUnsafeMutableBufferPointer { differentialsOut in
            directions.storage.withUnsafeBufferPointer { dx in
                points.storage.withUnsafeBufferPointer { x in
                    values.storage.withUnsafeMutableBufferPointer { valuesOut in
                        sweep(count: count, inputs: x.baseAddress!, inputStride: count, values: valuesOut.baseAddress!, valueStride: count,
                              workspace: &workspace) { v, t, lanes, start in
                            for i in code.operations.indices {
                                code.tangent(i, values: v, tangents: t, lanes: lanes, scratch: v + code.registerCount * lanes,
                                             weights: softmaxWeights(i, registers: v, lanes: lanes)) {
                                    dx.baseAddress! + $0 * count + start
                                }
                            }
                            for (o, s) in outputSlots.enumerated() {
                                (differentialsOut.baseAddress! + o * count + start).update(from: t + s * lanes, count: lanes)
                            }
                        }
                    }
                }
            }
        }
        return (values, differentials)
    }

    /// The outputs and the pullback of `cotangent` (the same weights at every point), at many
    /// points at once: entry k of `gradients` is ∂(wᵀf)/∂input k.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func vjp<T: TapeScalar>(_ points: PointBatch<T>, cotangent: [T]) -> (values: PointBatch<T>, gradients: PointBatch<T>) {
        precondition(points.width == inputCount, "the tape takes \(inputCount) inputs")
        var values = PointBatch<T>(count: points.count, width: outputSlots.count)
        var gradients = PointBatch<T>(count: points.count, width: inputCount)
        var workspace = BatchWorkspace(for: self, T.self)
        let count = points.count
        points.storage.withUnsafeBufferPointer { x in
            values.storage.withUnsafeMutableBufferPointer { out in
                gradients.storage.withUnsafeMutableBufferPointer { g in
                    vjp(count: count, inputs: x.baseAddress!, inputStride: count, cotangent: cotangent, values: out.baseAddress!,
                        valueStride: count, gradients: g.baseAddress!, gradientStride: count, workspace: &workspace)
                }
            }
        }
        return (values, gradients)
    }

    /// The same over `count` points held in buffers the caller owns, with no allocation: input
    /// k of point p at `inputs[k * inputStride + p]`, and likewise the values (one per output)
    /// and the gradients (one per input, overwritten). For a caller that runs the tape block by
    /// block inside a larger computation (``DenseInputTape``).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    package func vjp<T: TapeScalar>(count: Int, inputs: UnsafePointer<T>, inputStride: Int, cotangent: [T],
                                    values: UnsafeMutablePointer<T>, valueStride: Int,
                                    gradients: UnsafeMutablePointer<T>, gradientStride: Int, workspace: inout BatchWorkspace<T>) {
        precondition(cotangent.count == outputSlots.count, "the cotangent needs \(outputSlots.count) entries")
        sweep(count: count, inputs: inputs, inputStride: inputStride, values: values, valueStride: valueStride, workspace: &workspace) { v, g, lanes, start in
            for k in 0..<inputCount { (gradients + k * gradientStride + start).update(repeating: 0, count: lanes) }
            for (k, s) in outputSlots.enumerated() { for p in 0..<lanes { g[s * lanes + p] += cotangent[k] } }
            var i = code.operations.count - 1
            while i >= 0 {
                // A tile's rows read none of each other, so their adjoints are complete
                // when the sweep reaches the last of them.
                let first = i - (LinearTile.rows - 1)
                if let t = tile(startingAt: first, T.self) {
                    let a = asDouble(g + first * lanes)
                    fullTiles[t].runAdjoint(adjoints: asDouble(g), lanes: lanes, a, a + lanes, a + 2 * lanes, a + 3 * lanes)
                    i = first - 1
                    continue
                }
                // Inputs add their adjoints straight into the result.
                code.adjoint(i, values: v, adjoints: g, lanes: lanes, scratch: v + code.registerCount * lanes,
                             weights: softmaxWeights(i, registers: v, lanes: lanes)) {
                    gradients + $0 * gradientStride + start
                }
                i -= 1
            }
        }
    }

    /// The outputs and pullback at many points; `inputs[k]` holds input k at every point and
    /// `gradients[k]` the derivative of wᵀf with respect to input k at every point.
    public func vjp<T: TapeScalar>(batch inputs: [[T]], cotangent: [T]) -> (values: [[T]], gradients: [[T]]) {
        let (values, gradients) = vjp(PointBatch(columns: inputs), cotangent: cotangent)
        return (values.columns, gradients.columns)
    }

    /// The Jacobian at every point: entry (i, j), output i by input j, is entry `i * inputCount + j`
    /// of the result. By forward sweeps when there are fewer inputs than outputs, by reverse
    /// sweeps otherwise, each sweep over the whole batch.
    ///
    /// ```swift
    /// let J = tape.jacobian(points)     // J[i * tape.inputCount + j, p] = ∂f_i/∂x_j at point p
    /// ```
    public func jacobian<T: TapeScalar>(_ points: PointBatch<T>) -> PointBatch<T> {
        let m = outputSlots.count, n = inputCount, count = points.count
        var result = PointBatch<T>(count: count, width: m * n)
        if n <= m {
            var direction = PointBatch<T>(count: count, width: n)
            for j in 0..<n {
                for p in 0..<count { direction[j, p] = 1 }
                let column = jvp(points, along: direction).differentials
                for i in 0..<m { for p in 0..<count { result[i * n + j, p] = column[i, p] } }
                for p in 0..<count { direction[j, p] = 0 }
            }
        } else {
            var w = [T](repeating: 0, count: m)
            for i in 0..<m {
                w[i] = 1
                let row = vjp(points, cotangent: w).gradients
                for j in 0..<n { for p in 0..<count { result[i * n + j, p] = row[j, p] } }
                w[i] = 0
            }
        }
        return result
    }

    /// Runs the full program's values over `count` points chunk by chunk, copies the outputs
    /// into `values`, then runs `body` on each chunk: its registers (instruction i, lane p at
    /// `i * lanes + p`, then two lanes-long scratch registers and the softmax weights of each
    /// log-sum-exp), a zeroed register file of the same shape for tangents or adjoints, its
    /// number of lanes and its first point.
    private func sweep<T: TapeScalar>(count: Int, inputs x: UnsafePointer<T>, inputStride: Int,
                                      values valuesOut: UnsafeMutablePointer<T>, valueStride: Int, workspace: inout BatchWorkspace<T>,
                                      _ body: (UnsafeMutablePointer<T>, UnsafeMutablePointer<T>, Int, Int) -> Void) {
        precondition(workspace.derivatives.count == code.registerCount * workspace.lanes, "this workspace was made for another tape")
        let lanes = workspace.lanes
        workspace.registers.withUnsafeMutableBufferPointer { buffer in
            workspace.derivatives.withUnsafeMutableBufferPointer { d in
                for start in stride(from: 0, to: count, by: lanes) {
                    let n = min(lanes, count - start)
                    let v = buffer.baseAddress!, scratch = v + code.registerCount * n
                    var i = 0
                    while i < code.operations.count {
                        if let t = tile(startingAt: i, T.self) {
                            let d = asDouble(v + i * n)
                            fullTiles[t].run(registers: asDouble(v), lanes: n, d, d + n, d + 2 * n, d + 3 * n)
                            i += LinearTile.rows
                            continue
                        }
                        code.forward(i, registers: v, lanes: n, scratch: scratch,
                                     weights: softmaxWeights(i, registers: v, lanes: n)) { x + $0 * inputStride + start }
                        i += 1
                    }
                    for (o, s) in outputSlots.enumerated() {
                        (valuesOut + o * valueStride + start).update(from: v + s * n, count: n)
                    }
                    d.baseAddress!.update(repeating: 0, count: code.registerCount * n)
                    body(v, d.baseAddress!, n, start)
                }
            }
        }
    }

    /// Where instruction i keeps its softmax weights in a sweep's registers (after the
    /// instructions' registers and the two scratch ones); nil unless it is a log-sum-exp.
    @inline(__always)
    private func softmaxWeights<T>(_ i: Int, registers v: UnsafeMutablePointer<T>, lanes: Int) -> UnsafeMutablePointer<T>? {
        weightOffsets[i] < 0 ? nil : v + (code.registerCount + 2 + weightOffsets[i]) * lanes
    }

    /// Points per chunk: as many as keep `registers` registers within about 256 KB, from 8 to 256.
    static func lanes<T>(registers: Int, _: T.Type) -> Int {
        let fit = 256 * 1024 / max(1, registers * MemoryLayout<T>.stride)
        return min(256, max(8, fit / 8 * 8))
    }
}

/// The same memory as `Double`s, where the caller has checked that T is Double (the tiles are
/// written for Double only).
private func asDouble<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Double> {
    UnsafeMutableRawPointer(p).assumingMemoryBound(to: Double.self)
}

/// The buffers of a tape's batched sweeps (forward and reverse mode over many points), made
/// once and reused from call to call: a caller that runs the tape block after block allocates
/// nothing per block.
///
/// ```swift
/// var work = BatchWorkspace(for: tape, Double.self)
/// tape.vjp(count: m, inputs: x, inputStride: m, cotangent: [1], values: v, valueStride: m,
///          gradients: g, gradientStride: m, workspace: &work)
/// ```
package struct BatchWorkspace<T: TapeScalar> {
    /// The points one sweep takes at a time.
    package let lanes: Int
    var registers: [T]
    var derivatives: [T]

    package init(for tape: Tape, _: T.Type) {
        let registers = tape.code.registerCount
        lanes = Tape.lanes(registers: 3 * registers + tape.weightRegisters, T.self)
        self.registers = [T](repeating: 0, count: (registers + 2 + tape.weightRegisters) * lanes)
        derivatives = [T](repeating: 0, count: registers * lanes)
    }
}
