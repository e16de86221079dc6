import Foundation
import NablaCore

/// Turns expressions of a store into ``TapeCode``: each shared sub-expression one instruction,
/// sums as linear combinations, numeric factors as coefficients, constant instructions folded,
/// unread instructions dropped.
///
/// It also rewrites softmax and log-sum-exp so that they stay finite for large inputs. With
/// S = Σ exp(u_k): log(S) becomes the stable log-sum-exp, exp(v)·S⁻ᵏ (and linear combinations
/// of exponentials over S^k) becomes exp(v − k·log S), and the log of a product of exponentials
/// and powers of S becomes a linear combination of exponents and log S.
struct TapeCompiler {
    /// A value the tape computes: a node of the store, or one of the rewritten forms of it.
    enum Key: Hashable {
        case node(ExprID)
        /// log S for an exponential sum S.
        case logSumExp(ExprID)
        /// (∏ factors) · S^(−power), where each factor is exp(u) or a linear combination of such.
        case shifted([ExprID], sum: ExprID, power: Int)
    }

    /// How a key is computed from other keys.
    enum Plan {
        case constant(Double)
        case input(Int)
        case alias(Key)
        case linear([(Key, Double)], offset: Double)
        case multiply([Key], coefficient: Double)
        case integerPower(Key, Int)
        case power(Key, Key)
        case apply(ElementaryFunction, Key)
        case logSumExp([Key])
        case shiftedExp(Key?, logSum: Key, power: Double)

        var requirements: [Key] {
            switch self {
            case .constant, .input: []
            case let .alias(k): [k]
            case let .linear(parts, _): parts.map(\.0)
            case let .multiply(keys, _), let .logSumExp(keys): keys
            case let .integerPower(b, _): [b]
            case let .power(b, e): [b, e]
            case let .apply(_, a): [a]
            case let .shiftedExp(a, l, _): (a.map { [$0] } ?? []) + [l]
            }
        }
    }

    let store: ExpressionStore
    private let inputIndex: [ExprID: Int]
    private(set) var code = TapeCode()
    private var slot: [Key: Int] = [:]
    /// Each instruction's value when it depends on no input (NaN otherwise).
    private var constantValue: [Double] = []
    private var isConstant: [Bool] = []

    init(store: ExpressionStore, inputs: [ExprID]) {
        self.store = store
        inputIndex = Dictionary(inputs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Compiles `outputs` and returns the code without unread instructions, with the
    /// instruction of each output.
    static func compile(_ outputs: [ExprID], inputs: [ExprID], in store: ExpressionStore) -> (code: TapeCode, outputs: [Int]) {
        var compiler = TapeCompiler(store: store, inputs: inputs)
        let slots = outputs.map { compiler.instruction(for: .node($0)) }
        return compiler.code.withoutUnread(keeping: slots)
    }

    /// The instruction computing `root`, compiling what it needs first (without recursion, so
    /// that deep expressions cannot overflow the stack).
    mutating func instruction(for root: Key) -> Int {
        if let s = slot[root] { return s }
        var stack = [root]
        var plans: [Key: Plan] = [:]
        while let key = stack.last {
            if slot[key] != nil { stack.removeLast(); continue }
            let plan = plans[key] ?? self.plan(key)
            plans[key] = plan
            let missing = plan.requirements.filter { slot[$0] == nil }
            if !missing.isEmpty { stack.append(contentsOf: missing); continue }
            slot[key] = emit(plan, for: key)
            stack.removeLast()
        }
        return slot[root]!
    }

    // MARK: Plans

    private func plan(_ key: Key) -> Plan {
        switch key {
        case let .node(id): return plan(node: id)
        case let .logSumExp(s): return .logSumExp(exponentialSumArguments(s)!.map { .node($0) })
        case let .shifted(factors, s, k):
            let terms = expandedExponentials(factors)
            if terms.count == 1 && terms[0].coefficient == 1 {
                let exponent = terms[0].exponent
                return .shiftedExp(exponent == store.zero ? nil : .node(exponent), logSum: .logSumExp(s), power: Double(k))
            }
            return .linear(terms.map { (.shifted([store.exp($0.exponent)], sum: s, power: k), $0.coefficient) }, offset: 0)
        }
    }

    /// A product of exponentials and combinations Σ c·exp(v), multiplied out into c·exp(w) terms.
    private func expandedExponentials(_ factors: [ExprID]) -> [(coefficient: Double, exponent: ExprID)] {
        var terms: [(coefficient: Double, exponents: [ExprID])] = [(1, [])]
        for f in factors {
            guard let parts = exponentialTerms(f) else { preconditionFailure("not a combination of exponentials") }
            terms = terms.flatMap { t in parts.map { (t.coefficient * $0.coefficient, t.exponents + [$0.exponent]) } }
        }
        return terms.map { ($0.coefficient, store.sum($0.exponents)) }
    }

    private func plan(node id: ExprID) -> Plan {
        switch store[id] {
        case let .number(r): return .constant(r.doubleValue)
        case .constant(.e): return .constant(M_E)
        case .constant(.pi): return .constant(Double.pi)
        case .undefined: return .constant(.nan)
        case .symbol: return inputIndex[id].map { .input($0) } ?? .constant(.nan)
        case let .sum(terms):
            var offset = 0.0
            var parts: [(Key, Double)] = []
            for t in terms {
                let (c, rest) = store.splitCoefficient(t)
                if rest == store.one { offset += c.doubleValue } else { parts.append((.node(rest), c.doubleValue)) }
            }
            return .linear(parts, offset: offset)
        case let .product(factors):
            var coefficient = 1.0
            var rest: [ExprID] = []
            for f in factors {
                if let r = store.rational(f) { coefficient *= r.doubleValue } else { rest.append(f) }
            }
            if let i = rest.firstIndex(where: { reciprocalPower($0) != nil }) {
                // exp(v)·S⁻ᵏ: a softmax entry, computed as exp(v − k·log S).
                let (s, k) = reciprocalPower(rest.remove(at: i))!
                // The exponential factors go under the shift, multiplied out (unless that makes
                // more than 64 terms: then only the first).
                var exponentials = rest.filter(isExponentialCombination)
                if expansionSize(exponentials) > 64 { exponentials = [exponentials[0]] }
                for e in exponentials { rest.remove(at: rest.firstIndex(of: e)!) }
                let shifted = Key.shifted(exponentials, sum: s, power: k)
                if rest.isEmpty && coefficient == 1 { return .alias(shifted) }
                return .multiply([shifted] + rest.map { .node($0) }, coefficient: coefficient)
            }
            return .multiply(rest.map { .node($0) }, coefficient: coefficient)
        case let .power(b, e):
            if let (s, k) = reciprocalPower(id) { return .alias(.shifted([], sum: s, power: k)) }
            if let n = store.rational(e)?.intValue, abs(n) <= 64 { return .integerPower(.node(b), n) }
            return .power(.node(b), .node(e))
        case let .apply(.log, a):
            return logOfExponentialForm(a) ?? .apply(.log, .node(a))
        case let .apply(f, a):
            return .apply(f, .node(a))
        }
    }

    /// The terms c·exp(u) of `id` when it is exp(u) or a sum of such terms.
    private func exponentialTerms(_ id: ExprID) -> [(coefficient: Double, exponent: ExprID)]? {
        let terms: [ExprID]
        switch store[id] {
        case .apply(.exp, _): terms = [id]
        case let .sum(ts): terms = ts
        default: return nil
        }
        var result: [(coefficient: Double, exponent: ExprID)] = []
        for t in terms {
            let (c, rest) = store.splitCoefficient(t)
            guard case let .apply(.exp, u) = store[rest] else { return nil }
            result.append((c.doubleValue, u))
        }
        return result
    }

    /// The exponents u_k when `s` is a sum of two or more exp(u_k) (each with coefficient 1).
    private func exponentialSumArguments(_ s: ExprID) -> [ExprID]? {
        guard case .sum = store[s], let terms = exponentialTerms(s), terms.count >= 2,
              terms.allSatisfy({ $0.coefficient == 1 }) else { return nil }
        return terms.map(\.exponent)
    }

    /// (S, k) when `id` is S^(−k), S an exponential sum and k a positive integer.
    private func reciprocalPower(_ id: ExprID) -> (ExprID, Int)? {
        guard case let .power(b, e) = store[id], let n = store.rational(e)?.intValue, n < 0, n >= -64,
              exponentialSumArguments(b) != nil else { return nil }
        return (b, -n)
    }

    /// The number of terms of the multiplied-out product of `factors`.
    private func expansionSize(_ factors: [ExprID]) -> Int {
        factors.reduce(1) { n, f in
            if case let .sum(parts) = store[f] { return n.multipliedReportingOverflow(by: parts.count).partialValue }
            return n
        }
    }

    /// exp(u), or a sum of c·exp(u) terms.
    private func isExponentialCombination(_ id: ExprID) -> Bool { exponentialTerms(id) != nil }

    /// log(a) as a linear combination of exponents and log-sum-exps, when `a` is an exponential
    /// sum, an exponential, or a product of positive numbers, exponentials and powers of
    /// exponential sums (the log of a softmax entry).
    private func logOfExponentialForm(_ a: ExprID) -> Plan? {
        if exponentialSumArguments(a) != nil { return .alias(.logSumExp(a)) }
        var offset = 0.0
        var parts: [(Key, Double)] = []
        func add(_ factor: ExprID) -> Bool {
            if let r = store.rational(factor), r.doubleValue > 0 { offset += Foundation.log(r.doubleValue); return true }
            if case let .apply(.exp, u) = store[factor] { parts.append((.node(u), 1)); return true }
            if exponentialSumArguments(factor) != nil { parts.append((.logSumExp(factor), 1)); return true }
            if case let .power(b, e) = store[factor], let n = store.rational(e), exponentialSumArguments(b) != nil {
                parts.append((.logSumExp(b), n.doubleValue)); return true
            }
            return false
        }
        let factors: [ExprID]
        if case let .product(fs) = store[a] { factors = fs } else { factors = [a] }
        guard factors.allSatisfy(add) else { return nil }
        if parts.count == 1 && offset == 0 && parts[0].1 == 1 { return .alias(parts[0].0) }
        return .linear(parts, offset: offset)
    }

    // MARK: Emission

    private mutating func emit(_ plan: Plan, for key: Key) -> Int {
        func operandRange(_ parts: [(Key, Double)]) -> Range<Int> {
            let start = code.operands.count
            for (k, c) in parts { code.operands.append(slot[k]!); code.coefficients.append(c) }
            return start..<code.operands.count
        }
        let operation: TapeCode.Operation
        switch plan {
        case let .alias(k): return slot[k]!
        case let .constant(c): operation = .constant(c)
        case let .input(k): operation = .input(k)
        case let .linear(parts, offset): operation = .linear(operandRange(parts), offset: offset)
        case let .multiply(keys, c): operation = .multiply(operandRange(keys.map { ($0, 1) }), coefficient: c)
        case let .logSumExp(keys): operation = .logSumExp(operandRange(keys.map { ($0, 1) }))
        case let .integerPower(b, n): operation = .integerPower(slot[b]!, n)
        case let .power(b, e): operation = .power(slot[b]!, slot[e]!)
        case let .apply(f, a): operation = .apply(f, slot[a]!)
        case let .shiftedExp(a, l, p): operation = .shiftedExp(a.map { slot[$0]! }, logSum: slot[l]!, power: p)
        }
        let i = code.append(operation, computing: expression(of: key))
        constantValue.append(.nan)
        var foldable = true
        if case .input = operation { foldable = false }
        if foldable, code.reads(operation).allSatisfy({ isConstant[$0] }) {
            // Every operand is known: run the instruction once now and keep its value.
            var scratch = [0.0, 0.0]
            constantValue.withUnsafeMutableBufferPointer { v in
                code.forward(i, registers: v.baseAddress!, lanes: 1, scratch: &scratch) { _ in preconditionFailure("no input") }
            }
            code.operations[i] = .constant(constantValue[i])
        }
        isConstant.append(foldable && code.reads(code.operations[i]).isEmpty)
        return i
    }

    /// The expression a key stands for, for messages about invalid values.
    private func expression(of key: Key) -> ExprID {
        switch key {
        case let .node(id): id
        case let .logSumExp(s): store.log(s)
        case let .shifted(factors, s, k): store.product(factors + [store.power(s, -k)])
        }
    }
}

extension TapeCode {
    /// The instructions that `outputs` read, directly or not, renumbered in order.
    func withoutUnread(keeping outputs: [Int]) -> (code: TapeCode, outputs: [Int]) {
        var needed = Array(repeating: false, count: operations.count)
        for o in outputs { needed[o] = true }
        for i in operations.indices.reversed() where needed[i] {
            for r in reads(operations[i]) { needed[r] = true }
        }
        var result = TapeCode()
        var renumbered = Array(repeating: -1, count: operations.count)
        for i in operations.indices where needed[i] {
            let op = renamed(operations[i], into: &result) { renumbered[$0] }
            renumbered[i] = result.append(op, computing: expressions[i])
        }
        return (result, outputs.map { renumbered[$0] })
    }
}
