/// A target evaluated at a point through the tape: its values, its Jacobian, and, on request,
/// the same Jacobian by every other route to compare them (`nabla eval --check`).
public struct PointEvaluation {
    public let target: String
    public let variables: [String]
    public let values: [Double]
    /// Rows: outputs, columns: variables (the tape's Jacobian, by the cheaper sweep).
    public let jacobian: [[Double]]
    /// The largest relative difference between routes, when compared.
    public var differences: [(route: String, largest: Double)] = []

    /// Evaluates `result` at `point`, which gives a value to every variable and to every other
    /// symbol of the function (`w11 = 0.3`). Throws a diagnostic naming a symbol without value.
    public init(_ result: TargetResult, in store: ExpressionStore, at point: [String: Double], compare: Bool = false) throws(Diagnostic) {
        target = result.target
        variables = result.variables
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
        // Forward sweeps along the variables (not the other symbols), reverse sweeps per output;
        // the cheaper gives the Jacobian, and both are compared when asked.
        let n = variables.count, m = values.count
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
        func largest(_ a: [[Double]], _ b: [[Double]]) -> Double {
            var worst = 0.0
            for (ra, rb) in zip(a, b) {
                for (p, q) in zip(ra, rb) where p != q {
                    // A NaN or an infinity on one side only is a difference, not something to skip.
                    let d = abs(p - q) / max(1, abs(p), abs(q))
                    worst = d.isNaN ? .infinity : max(worst, d)
                }
            }
            return worst
        }
        differences = [("forward vs reverse", largest(forward, reverse)),
                       ("symbolic vs forward", largest(symbolic, forward)),
                       ("symbolic vs central differences", largest(symbolic, finite))]
    }
}
