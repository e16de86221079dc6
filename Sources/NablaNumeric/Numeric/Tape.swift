import Foundation
import NablaCore

/// Expressions compiled to a flat list of instructions, for fast numeric values and
/// derivatives: forward mode (`jvp`), reverse mode (`vjp`), full Jacobians, Hessian-vector
/// products, at one point or over a batch of points.
///
/// Each shared sub-expression of the graph is one instruction, computed once; constants are
/// folded; softmax and log-sum-exp are computed so that they stay finite for large inputs.
///
/// A tape is an immutable program: several threads may share one. The single-point methods
/// work in a ``TapeWorkspace`` the caller owns (and allocate nothing else when given one); the
/// forms without a workspace make a fresh one for the call.
///
/// ```swift
/// let tape = Tape(store: s, outputs: [s.product([x, y]), s.apply(.sin, x)], inputs: [x, y])
/// tape.values(at: [0.5, 2])                 // [1.0, 0.479…]
/// tape.jvp(at: [0.5, 2], along: [1, 0])     // (values, [2.0, 0.877…])
/// var work = TapeWorkspace(for: tape)
/// tape.vjp(at: [0.5, 2], cotangent: [1, 0], in: &work) // (values, [2.0, 0.5]), nothing allocated but the result
/// ```
public struct Tape: Sendable {
    /// Every instruction in its own register: what the sweeps of forward and reverse mode run.
    let code: TapeCode
    /// The same instructions with registers reused by liveness: what batched values run.
    let valueCode: TapeCode
    /// The outputs each instruction gives (for the value program, which copies them out as
    /// soon as they are computed): `outputsGiven[storesStart[i]..<storesStart[i + 1]]`.
    let storesStart: [Int]
    let outputsGiven: [Int]
    /// Whether a later instruction reads instruction i.
    let isRead: [Bool]
    /// The tiles of the value program and of the full program (the same instructions under
    /// other register names), and the tile starting at each instruction (or −1).
    let tiles: [LinearTile]
    let fullTiles: [LinearTile]
    let tileStarting: [Int]
    /// Where the batched sweeps keep each log-sum-exp's softmax weights, in registers after
    /// the scratch ones (−1 for other instructions), so that reverse and forward mode read them
    /// instead of computing the exponentials again; and how many registers they take.
    let weightOffsets: [Int]
    let weightRegisters: Int
    /// The instruction of each output.
    public let outputSlots: [Int]
    public let inputCount: Int

    /// The number of instructions.
    public var instructionCount: Int { code.operations.count }
    /// The number of four-row tiles of linear combinations in the value program.
    public var tileCount: Int { tiles.count }
    /// The number of registers a batched evaluation of the values needs per point.
    public var registerCount: Int { valueCode.registerCount }

    /// Compiles `outputs` as functions of the symbols `inputs` (other symbols must not occur).
    public init(store: ExpressionStore, outputs: [ExprID], inputs: [ExprID]) {
        let (code, slots) = TapeCompiler.compile(outputs, inputs: inputs, in: store)
        self.code = code
        let tileRanges = LinearTile.find(in: code)
        let valueCode = code.allocatingRegisters(tiles: tileRanges)
        self.valueCode = valueCode
        tiles = tileRanges.map { LinearTile($0, of: valueCode) }
        fullTiles = tileRanges.map { LinearTile($0, of: code) }
        var tileStarting = Array(repeating: -1, count: code.operations.count)
        for (t, r) in tileRanges.enumerated() { tileStarting[r.lowerBound] = t }
        self.tileStarting = tileStarting
        outputSlots = slots
        inputCount = inputs.count
        var given = Array(repeating: [Int](), count: code.operations.count)
        for (o, s) in slots.enumerated() { given[s].append(o) }
        storesStart = given.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        outputsGiven = given.flatMap { $0 }
        var isRead = Array(repeating: false, count: code.operations.count)
        for op in code.operations { for r in code.reads(op) { isRead[r] = true } }
        self.isRead = isRead
        var offsets = Array(repeating: -1, count: code.operations.count), weights = 0
        for (i, op) in code.operations.enumerated() {
            if case let .logSumExp(r) = op { offsets[i] = weights; weights += r.count }
        }
        weightOffsets = offsets
        weightRegisters = weights
    }

    // MARK: Values

    /// The outputs at `point` (one value per input).
    public func values(at point: [Double]) -> [Double] {
        var work = TapeWorkspace(for: self)
        return values(at: point, in: &work)
    }

    /// The outputs at `point`, computed in `workspace`.
    public func values(at point: [Double], in workspace: inout TapeWorkspace) -> [Double] {
        forward(point, &workspace)
        return outputSlots.map { workspace.value[$0] }
    }

    /// The outputs at `point`, written into `outputs` (one entry per output): no allocation.
    public func values(at point: [Double], into outputs: inout [Double], in workspace: inout TapeWorkspace) {
        precondition(outputs.count == outputSlots.count, "one entry per output")
        forward(point, &workspace)
        for (k, s) in outputSlots.enumerated() { outputs[k] = workspace.value[s] }
    }

    private func forward(_ point: [Double], _ workspace: inout TapeWorkspace) {
        precondition(point.count == inputCount, "the tape takes \(inputCount) inputs")
        workspace.check(self)
        let code = self.code
        workspace.value.withUnsafeMutableBufferPointer { v in
            point.withUnsafeBufferPointer { x in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2) { scratch in
                    for i in code.operations.indices {
                        code.forward(i, registers: v.baseAddress!, lanes: 1, scratch: scratch.baseAddress!) { x.baseAddress! + $0 }
                    }
                }
            }
        }
    }

    /// After an evaluation in `workspace`: the first sub-expression whose value is not a finite
    /// number though its operands are (a log of a negative number, a division by zero, an
    /// overflow).
    public func firstInvalid(in workspace: TapeWorkspace) -> (expression: ExprID, value: Double)? {
        let value = workspace.value
        for i in code.operations.indices where !value[i].isFinite {
            if code.reads(code.operations[i]).allSatisfy({ value[$0].isFinite }) { return (code.expressions[i], value[i]) }
        }
        return nil
    }

    // MARK: Forward mode

    /// The outputs at `point` and their directional derivative along `direction` (J·v).
    public func jvp(at point: [Double], along direction: [Double]) -> (values: [Double], differential: [Double]) {
        var work = TapeWorkspace(for: self)
        return jvp(at: point, along: direction, in: &work)
    }

    /// The same, computed in `workspace`.
    public func jvp(at point: [Double], along direction: [Double], in workspace: inout TapeWorkspace) -> (values: [Double], differential: [Double]) {
        precondition(direction.count == inputCount, "the direction needs \(inputCount) entries")
        forward(point, &workspace)
        let code = self.code
        var tangent = workspace.tangent
        workspace.tangent = []   // no copy on write below
        workspace.value.withUnsafeMutableBufferPointer { v in
            tangent.withUnsafeMutableBufferPointer { t in
                direction.withUnsafeBufferPointer { dx in
                    var scratch = 0.0
                    for i in code.operations.indices {
                        code.tangent(i, values: v.baseAddress!, tangents: t.baseAddress!, lanes: 1, scratch: &scratch) { dx.baseAddress! + $0 }
                    }
                }
            }
        }
        workspace.tangent = tangent
        return (outputSlots.map { workspace.value[$0] }, outputSlots.map { workspace.tangent[$0] })
    }

    // MARK: Reverse mode

    /// The outputs at `point` and the pullback of `cotangent` (wᵀ·J), one value per input.
    public func vjp(at point: [Double], cotangent: [Double]) -> (values: [Double], pullback: [Double]) {
        var work = TapeWorkspace(for: self)
        return vjp(at: point, cotangent: cotangent, in: &work)
    }

    /// The same, computed in `workspace`.
    public func vjp(at point: [Double], cotangent: [Double], in workspace: inout TapeWorkspace) -> (values: [Double], pullback: [Double]) {
        var gradient = Array(repeating: 0.0, count: inputCount)
        vjp(at: point, cotangent: cotangent, into: &gradient, in: &workspace)
        return (outputSlots.map { workspace.value[$0] }, gradient)
    }

    /// The pullback of `cotangent` at `point` written into `pullback` (one entry per input):
    /// no allocation (for a training loop that needs only the gradient).
    public func vjp(at point: [Double], cotangent: [Double], into pullback: inout [Double], in workspace: inout TapeWorkspace) {
        precondition(cotangent.count == outputSlots.count, "the cotangent needs \(outputSlots.count) entries")
        precondition(pullback.count == inputCount, "the pullback needs \(inputCount) entries")
        forward(point, &workspace)
        var adjoint = workspace.adjoint
        workspace.adjoint = []   // no copy on write below
        for i in adjoint.indices { adjoint[i] = 0 }
        for k in pullback.indices { pullback[k] = 0 }
        for (k, s) in outputSlots.enumerated() { adjoint[s] += cotangent[k] }
        let code = self.code
        workspace.value.withUnsafeMutableBufferPointer { v in
            adjoint.withUnsafeMutableBufferPointer { g in
                pullback.withUnsafeMutableBufferPointer { out in
                    var scratch = 0.0
                    for i in code.operations.indices.reversed() where g[i] != 0 {
                        code.adjoint(i, values: v.baseAddress!, adjoints: g.baseAddress!, lanes: 1, scratch: &scratch) { out.baseAddress! + $0 }
                    }
                }
            }
        }
        workspace.adjoint = adjoint
    }

    // MARK: Jacobians

    /// The Jacobian at `point` (rows: outputs, columns: inputs), by forward sweeps when there are
    /// fewer inputs than outputs and by reverse sweeps otherwise.
    public func jacobian(at point: [Double]) -> [[Double]] {
        let all = 0..<inputCount
        return inputCount <= outputSlots.count ? forwardJacobian(at: point, columns: all) : reverseJacobian(at: point, columns: all)
    }

    /// The columns `columns` of the Jacobian at `point` (derivatives along those inputs only),
    /// one forward sweep each.
    public func forwardJacobian(at point: [Double], columns: Range<Int>) -> [[Double]] {
        var work = TapeWorkspace(for: self)
        var J = Array(repeating: Array(repeating: 0.0, count: columns.count), count: outputSlots.count)
        var e = Array(repeating: 0.0, count: inputCount)
        for (c, j) in columns.enumerated() {
            e[j] = 1
            let d = jvp(at: point, along: e, in: &work).differential
            for i in d.indices { J[i][c] = d[i] }
            e[j] = 0
        }
        return J
    }

    /// The columns `columns` of the Jacobian at `point`, one reverse sweep per output.
    public func reverseJacobian(at point: [Double], columns: Range<Int>) -> [[Double]] {
        var work = TapeWorkspace(for: self)
        var w = Array(repeating: 0.0, count: outputSlots.count)
        return w.indices.map { i in
            w[i] = 1
            defer { w[i] = 0 }
            return Array(vjp(at: point, cotangent: w, in: &work).pullback[columns])
        }
    }

    /// The tile starting at instruction `i`, when `T` runs tiles (they are written for Double):
    /// the one place where that choice is made.
    @inline(__always)
    func tile<T: TapeScalar>(startingAt i: Int, _: T.Type) -> Int? {
        guard i >= 0, T.self == Double.self else { return nil }
        let t = tileStarting[i]
        return t >= 0 ? t : nil
    }
}

/// The work buffers of a tape's single-point evaluations: each instruction's value, tangent and
/// adjoint. The caller owns it, so that one tape can serve several threads, each with its own.
public struct TapeWorkspace: Sendable {
    var value: [Double]
    var tangent: [Double]
    var adjoint: [Double]

    public init(for tape: Tape) {
        value = Array(repeating: 0, count: tape.instructionCount)
        tangent = value
        adjoint = value
    }

    /// A workspace made for another tape has the wrong size: say so rather than read past it.
    func check(_ tape: Tape) {
        precondition(value.count == tape.instructionCount, "this workspace was made for another tape")
    }
}
