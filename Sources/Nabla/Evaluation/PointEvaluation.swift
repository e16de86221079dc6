/// A target evaluated at a point through the tape: its values, its Jacobian, and, on request,
/// the same Jacobian by every other route to compare them (`nabla eval --check`).
public struct PointEvaluation {
    public let target: String
    public let variables: [String]
    public let values: [Double]
    /// Rows: outputs, columns: variables (the tape's Jacobian, by the cheaper sweep). For a
    /// `hessian` target, the Hessian of its one output, by forward mode over reverse mode.
    public let jacobian: [[Double]]
    /// What `jacobian` holds: the command of the target.
    public let command: CommandKind
    /// The largest relative difference between routes, when compared.
    public var differences: [(route: String, largest: Double)] = []

    /// Evaluates `result` at `point`, which gives a value to every variable and to every other
    /// symbol of the function (`w11 = 0.3`). Throws a diagnostic naming a symbol without value.
    public init(_ result: TargetResult, in store: ExpressionStore, at point: [String: Double], compare: Bool = false) throws(Diagnostic) {
        target = result.target
        variables = result.variables
        command = result.command
        let constants = Set(result.components.flatMap(store.freeSymbolNames)).subtracting(variables).sorted()
        for name in variables + constants where point[name] == nil {
            throw Diagnostic(.missingValue, .other(EvaluationPhrase.noValue(name)), at: nil)
        }
        let inputs = (variables + constants).map { store.symbol($0) }
        let x = (variables + constants).map { point[$0]! }
        store.budget?.activity = .compiling(result.target)
        try store.checkBudget(at: result.location)
        let tape = Tape(store: store, outputs: result.components, inputs: inputs)
        try store.checkBudget(at: result.location)
        var work = TapeWorkspace(for: tape)
        values = tape.values(at: x, in: &work)
        if let (bad, v) = tape.firstInvalid(in: work) {
            let shown = ExpressionPrinter(store: store, notation: .text).string(bad)
            let at = (variables + constants).map { "\($0) = \(point[$0]!)" }.joined(separator: ", ")
            throw Diagnostic(.undefinedValue, .other(EvaluationPhrase.invalidValue(expression: shown, notANumber: v.isNaN, point: at)), at: result.location)
        }
        let n = variables.count, m = values.count
        if command == .hessian {
            (jacobian, differences) = PointEvaluation.hessian(result, tape, store, inputs, x, variables: n, compare: compare)
            return
        }
        // Forward sweeps along the variables (not the other symbols), reverse sweeps per output;
        // the cheaper gives the Jacobian, and both are compared when asked.
        guard compare else {
            jacobian = n <= m ? tape.forwardJacobian(at: x, columns: 0..<n) : tape.reverseJacobian(at: x, columns: 0..<n)
            return
        }
        let forward = tape.forwardJacobian(at: x, columns: 0..<n), reverse = tape.reverseJacobian(at: x, columns: 0..<n)
        jacobian = n <= m ? forward : reverse

        // The symbolic Jacobian's entries, compiled on their own tape (stable softmax included).
        let symbolicTape = Tape(store: store, outputs: result.matrix.entries, inputs: inputs)
        let symbolicFlat = symbolicTape.values(at: x)
        let symbolic = (0..<values.count).map { i in Array(symbolicFlat[(i * n)..<((i + 1) * n)]) }
        var finite: [[Double]] = Array(repeating: Array(repeating: 0, count: n), count: m)
        for j in 0..<n {
            let h = 1e-6 * max(1, abs(x[j]))
            var up = x, down = x
            up[j] += h; down[j] -= h
            let a = tape.values(at: up), b = tape.values(at: down)
            for i in 0..<values.count { finite[i][j] = (a[i] - b[i]) / (2 * h) }
        }
        differences = [("forward vs reverse", largest(forward, reverse)),
                       ("symbolic vs forward", largest(symbolic, forward)),
                       ("symbolic vs central differences", largest(symbolic, finite))]
    }

    /// The Hessian of a scalar target's output in its first `n` inputs (the variables), one
    /// Hessian-vector product per variable; compared when asked with the symbolic Hessian and with
    /// central differences of the reverse-mode gradient.
    private static func hessian(_ result: TargetResult, _ tape: Tape, _ store: ExpressionStore, _ inputs: [ExprID], _ x: [Double],
                                variables n: Int, compare: Bool) -> ([[Double]], [(route: String, largest: Double)]) {
        var columns: [[Double]] = []
        for j in 0..<n {
            var direction = [Double](repeating: 0, count: x.count)
            direction[j] = 1
            columns.append(Array(tape.hessianVectorProduct(at: x, along: direction)[0..<n]))
        }
        let hessian = (0..<n).map { i in (0..<n).map { j in columns[j][i] } }
        guard compare else { return (hessian, []) }
        let symbolicFlat = Tape(store: store, outputs: result.matrix.entries, inputs: inputs).values(at: x)
        let symbolic = (0..<n).map { i in Array(symbolicFlat[(i * n)..<((i + 1) * n)]) }
        var finite = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            let h = 1e-5 * max(1, abs(x[j]))
            var up = x, down = x
            up[j] += h; down[j] -= h
            let a = tape.reverseJacobian(at: up, columns: 0..<n)[0], b = tape.reverseJacobian(at: down, columns: 0..<n)[0]
            for i in 0..<n { finite[i][j] = (a[i] - b[i]) / (2 * h) }
        }
        return (hessian, [("symbolic vs forward over reverse", largest(symbolic, hessian)),
                          ("symbolic vs central differences of the gradient", largest(symbolic, finite))])
    }
}

/// The largest relative difference between two matrices of the same shape; a NaN or an
/// infinity on one side only is a difference, not something to skip.
private func largest(_ a: [[Double]], _ b: [[Double]]) -> Double {
    var worst = 0.0
    for (ra, rb) in zip(a, b) {
        for (p, q) in zip(ra, rb) where p != q {
            let d = abs(p - q) / max(1, abs(p), abs(q))
            worst = d.isNaN ? .infinity : max(worst, d)
        }
    }
    return worst
}
