/// The numeric engine applied to a document's results: the inputs of a target, its generated
/// code, its values over a table of points.
extension CodeGenerator {
    /// The inputs of a target's generated function, in order: the variables, then the other symbols.
    public static func inputs(of result: TargetResult, in store: ExpressionStore) -> [String] {
        let constants = Set((result.components + result.matrix.entries).flatMap(store.freeSymbolNames)).subtracting(result.variables).sorted()
        return result.variables + constants
    }

    /// A target's value and Jacobian as a function of its inputs (``inputs(of:in:)``).
    public func function(named name: String, _ result: TargetResult, in store: ExpressionStore) -> String {
        function(named: name, values: result.components, jacobian: result.matrix, inputs: CodeGenerator.inputs(of: result, in: store),
                 title: result.target, in: store)
    }
}

extension TargetResult {
    /// Values and Jacobian entries at every point of `table` (constants from `fixed`), as CSV
    /// columns `target.value[i]` and `target.J[i,j]` (1-based), computed on the batched tape.
    public func evaluate(_ table: PointTable, fixed: [String: Double], in store: ExpressionStore) throws(Diagnostic) -> (header: [String], columns: [[Double]]) {
        let inputs = CodeGenerator.inputs(of: self, in: store)
        var columns: [[Double]] = []
        for name in inputs {
            if let k = table.names.firstIndex(of: name) { columns.append(table.columns[k]) }
            else if let v = fixed[name] { columns.append(Array(repeating: v, count: table.count)) }
            else { throw Diagnostic(.missingValue, .other(EvaluationPhrase.missingColumn(target: target, name: name)), at: location) }
        }
        store.budget?.activity = .compiling(target)
        try store.checkBudget(at: location)
        let tape = Tape(store: store, outputs: components + matrix.entries, inputs: inputs.map { store.symbol($0) })
        try store.checkBudget(at: location)
        let out = tape.values(batch: columns)
        var header = (1...components.count).map { "\(target).value[\($0)]" }
        for i in 1...matrix.rows { for j in 1...matrix.columns { header.append("\(target).J[\(i),\(j)]") } }
        return (header, out)
    }
}
