import NablaCore

/// The instructions of a tape: each writes one register from registers written before it.
///
/// Operands of n-ary operations sit in the flat `operands` array (with their `coefficients` for
/// `linear`); an operation names its range there. In a tape's full program every instruction
/// has its own register (the sweeps of forward and reverse mode need every value); in its value
/// program registers are reused once their last reader has run.
struct TapeCode: Sendable {
    enum Operation {
        case constant(Double)
        case input(Int)
        /// offset + Σ coefficients[k] · operands[k], for k in the range.
        case linear(Range<Int>, offset: Double)
        /// coefficient · Π operands[k], for k in the range.
        case multiply(Range<Int>, coefficient: Double)
        /// base ^ n for a small integer n.
        case integerPower(Int, Int)
        /// base ^ exponent, both registers.
        case power(Int, Int)
        case apply(ElementaryFunction, Int)
        /// log Σ exp(operands[k]), computed after subtracting the largest operand, so that it
        /// stays finite for large inputs.
        case logSumExp(Range<Int>)
        /// exp(exponent − power · logSum): a softmax entry (or a product of them), which stays
        /// finite where exp(exponent) alone overflows. No exponent means exp(−power · logSum).
        case shiftedExp(Int?, logSum: Int, power: Double)
    }

    var operations: [Operation] = []
    var operands: [Int] = []
    var coefficients: [Double] = []
    /// The expression each instruction computes, for messages about invalid values.
    var expressions: [ExprID] = []
    /// The register each instruction writes.
    var destinations: [Int] = []
    var registerCount = 0

    /// The registers an operation reads.
    func reads(_ operation: Operation) -> [Int] {
        switch operation {
        case .constant, .input: []
        case let .linear(r, _), let .multiply(r, _), let .logSumExp(r): Array(operands[r])
        case let .integerPower(b, _): [b]
        case let .power(b, e): [b, e]
        case let .apply(_, a): [a]
        case let .shiftedExp(a, l, _): a.map { [$0, l] } ?? [l]
        }
    }

    /// The operation with every register it reads renamed by `rename` (operands are copied).
    func renamed(_ operation: Operation, into code: inout TapeCode, _ rename: (Int) -> Int) -> Operation {
        func copy(_ r: Range<Int>) -> Range<Int> {
            let start = code.operands.count
            for k in r { code.operands.append(rename(operands[k])); code.coefficients.append(coefficients[k]) }
            return start..<code.operands.count
        }
        switch operation {
        case .constant, .input: return operation
        case let .linear(r, offset): return .linear(copy(r), offset: offset)
        case let .multiply(r, c): return .multiply(copy(r), coefficient: c)
        case let .logSumExp(r): return .logSumExp(copy(r))
        case let .integerPower(b, n): return .integerPower(rename(b), n)
        case let .power(b, e): return .power(rename(b), rename(e))
        case let .apply(f, a): return .apply(f, rename(a))
        case let .shiftedExp(a, l, p): return .shiftedExp(a.map(rename), logSum: rename(l), power: p)
        }
    }

    /// Appends an instruction writing its own new register.
    mutating func append(_ operation: Operation, computing expression: ExprID) -> Int {
        let i = operations.count
        operations.append(operation)
        expressions.append(expression)
        destinations.append(i)
        registerCount = i + 1
        return i
    }

    /// The same instructions with registers reused by liveness: an instruction's register is
    /// free again after its last reader. (An output is copied out as soon as it is computed, so
    /// it needs its register no longer than that.)
    ///
    /// The instructions of each tile run together, so a register read or written inside a tile
    /// is free only after the tile's last instruction.
    func allocatingRegisters(tiles: [Range<Int>] = []) -> TapeCode {
        var endOfTile = Array(0..<operations.count)
        for t in tiles { for i in t { endOfTile[i] = t.upperBound - 1 } }
        var lastRead = Array(0..<operations.count)
        for (i, op) in operations.enumerated() { for r in reads(op) { lastRead[r] = i } }
        lastRead = lastRead.map { endOfTile[$0] }
        var readersDone: [[Int]] = Array(repeating: [], count: operations.count)
        for (r, last) in lastRead.enumerated() { readersDone[last].append(r) }

        var result = TapeCode()
        var register = Array(repeating: 0, count: operations.count)
        var free: [Int] = []
        for (i, op) in operations.enumerated() {
            let renamedOp = renamed(op, into: &result) { register[$0] }
            // The destination is taken before the operands are freed: no instruction writes
            // a register it reads.
            let d = free.popLast() ?? result.registerCount
            result.registerCount = max(result.registerCount, d + 1)
            register[i] = d
            result.operations.append(renamedOp)
            result.expressions.append(expressions[i])
            result.destinations.append(d)
            for r in readersDone[i] { free.append(register[r]) }
        }
        return result
    }
}
