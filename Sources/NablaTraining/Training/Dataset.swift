import NablaCore
import NablaDocument

/// Examples for a training composition: the inputs x and the label y of every row, stored by
/// column (`inputs[k][row]`), read from a table whose label column is named.
///
/// ```swift
/// let data = try Dataset(table, label: "species", for: composition)
/// data.count                  // 150
/// data.encoding.classes       // ["setosa", "versicolor", "virginica"]
/// ```
public struct Dataset: Sendable {
    public let count: Int
    /// Input k at every row: the table's columns other than the label, in header order.
    public let inputs: [[Double]]
    /// Entry k of the label at every row (one-hot for classes).
    public let labels: [[Double]]
    /// The class of every row, for a classification.
    public let classIndex: [Int]?
    public let encoding: LabelEncoding
    public let featureNames: [String]
    public let labelColumn: String
    /// Tells this data set from another, for the batches an objective keeps (which holds it,
    /// so that its identity is not reused while kept).
    let token = Token()
    final class Token: Sendable {}

    /// Reads `table`; `encoding`, when given (test data), is the training data's, so that classes
    /// mean the same.
    public init(_ table: CSVTable, label column: String, for composition: TrainingComposition, encoding given: LabelEncoding? = nil) throws(Diagnostic) {
        guard let labelIndex = table.column(named: column) else {
            throw Diagnostic(.missingValue, .other(DataPhrase.noLabelColumn(column, header: table.header)), at: SourceLocation(line: 1, column: 1))
        }
        guard let label = composition.label else {
            throw Diagnostic(.missingValue, .other(DataPhrase.noLabel(target: composition.target)), at: nil)
        }
        let featureColumns = table.header.indices.filter { $0 != labelIndex }
        featureNames = featureColumns.map { table.header[$0] }
        guard featureColumns.count == composition.inputs.count else {
            throw Diagnostic(.shapeMismatch, .other(DataPhrase.featureCount(inputs: composition.inputNames, columns: featureNames)),
                             at: SourceLocation(line: 1, column: 1))
        }
        count = table.rows.count
        labelColumn = column
        var inputs: [[Double]] = []
        for c in featureColumns { inputs.append(try table.numbers(inColumn: c)) }
        self.inputs = inputs
        let values = table.rows.map { $0.fields[labelIndex] }
        let entries = label.symbols.count
        let encoding: LabelEncoding
        if let given { encoding = given } else {
            let classes = LabelEncoding.sorted(Set(values))
            let numeric = values.allSatisfy { Double($0)?.isFinite == true }
            if entries > 1 {
                guard classes.count == entries else {
                    throw Diagnostic(.shapeMismatch, .other(DataPhrase.classCount(label: label.name, entries: entries, column: column, classes: classes)),
                                     at: SourceLocation(line: 1, column: 1))
                }
                encoding = .oneHot(classes: classes)
            } else if numeric {
                encoding = Set(values.compactMap(Double.init)) == [0, 1] ? .binary(classes: ["0", "1"]) : .numeric
            } else if classes.count == 2 {
                encoding = .binary(classes: classes)
            } else {
                throw Diagnostic(.shapeMismatch, .other(DataPhrase.labelNotNumeric(label: label.name, column: column, classes: classes)),
                                 at: SourceLocation(line: 1, column: 1))
            }
        }
        self.encoding = encoding
        let n = table.rows.count
        var labels = Array(repeating: Array(repeating: 0.0, count: n), count: entries)
        var classIndex: [Int]? = encoding.classes.map { _ in Array(repeating: 0, count: n) }
        for (r, (value, row)) in zip(values, table.rows).enumerated() {
            switch encoding {
            case let .oneHot(classes), let .binary(classes):
                guard let k = classes.firstIndex(of: value) ?? classes.firstIndex(where: { Double($0) != nil && Double($0) == Double(value) }) else {
                    throw Diagnostic(.missingValue, .other(DataPhrase.unknownClass(value, column: column, classes: classes)), at: table.location(row, column: labelIndex))
                }
                classIndex![r] = k
                if case .oneHot = encoding { labels[k][r] = 1 } else { labels[0][r] = Double(k) }
            case .numeric:
                guard let v = Double(value), v.isFinite else {
                    throw Diagnostic(.syntax, .other(DataPhrase.notANumber(value, column: column)), at: table.location(row, column: labelIndex))
                }
                labels[0][r] = v
            }
        }
        self.labels = labels
        self.classIndex = classIndex
    }

    /// Examples given in code: `inputs[row]` the inputs of a row, `labels[row]` its label's
    /// entries (one-hot for `.oneHot`, 0 or 1 for `.binary`, the value for `.numeric`).
    ///
    /// ```swift
    /// let data = Dataset(inputs: [[0.5], [-1]], labels: [[1], [0]], encoding: .binary(classes: ["no", "yes"]))
    /// ```
    public init(inputs: [[Double]], labels: [[Double]], encoding: LabelEncoding, featureNames: [String]? = nil, labelColumn: String = "label") {
        precondition(inputs.count == labels.count, "one label per row")
        let width = inputs.first?.count ?? 0, entries = labels.first?.count ?? 0
        let columns = (0..<width).map { k in inputs.map { $0[k] } }
        let labelColumns = (0..<entries).map { k in labels.map { $0[k] } }
        var classIndex: [Int]?
        switch encoding {
        case .oneHot: classIndex = labels.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
        case .binary: classIndex = labels.map { $0[0] > 0.5 ? 1 : 0 }
        case .numeric: classIndex = nil
        }
        self.init(count: inputs.count, inputs: columns, labels: labelColumns, classIndex: classIndex, encoding: encoding,
                  featureNames: featureNames ?? (1...max(width, 1)).map { "x_\($0)" }, labelColumn: labelColumn)
    }

    /// The inputs of every row of `table`, from the columns `features` (in that order), for
    /// predictions: no label.
    public init(inputsOf table: CSVTable, features: [String], encoding: LabelEncoding, labelColumn: String) throws(Diagnostic) {
        var inputs: [[Double]] = []
        for name in features {
            guard let c = table.column(named: name) else {
                throw Diagnostic(.missingValue, .other(DataPhrase.noLabelColumn(name, header: table.header)), at: SourceLocation(line: 1, column: 1))
            }
            inputs.append(try table.numbers(inColumn: c))
        }
        self.init(count: table.rows.count, inputs: inputs, labels: [], classIndex: nil, encoding: encoding, featureNames: features, labelColumn: labelColumn)
    }

    private init(count: Int, inputs: [[Double]], labels: [[Double]], classIndex: [Int]?, encoding: LabelEncoding, featureNames: [String], labelColumn: String) {
        self.count = count; self.inputs = inputs; self.labels = labels; self.classIndex = classIndex
        self.encoding = encoding; self.featureNames = featureNames; self.labelColumn = labelColumn
    }

    /// The rows `rows`, in that order.
    public func subset(_ rows: [Int]) -> Dataset {
        Dataset(count: rows.count, inputs: inputs.map { c in rows.map { c[$0] } }, labels: labels.map { c in rows.map { c[$0] } },
                classIndex: classIndex.map { c in rows.map { c[$0] } }, encoding: encoding, featureNames: featureNames, labelColumn: labelColumn)
    }

    /// A random split, the same for the same seed: (training rows, test rows), `testFraction`
    /// of the rows (rounded) in the test set.
    public func split(testFraction: Double, seed: UInt64) throws(Diagnostic) -> (train: Dataset, test: Dataset) {
        guard testFraction > 0, testFraction < 1 else { throw Diagnostic(.syntax, .other(DataPhrase.splitOutOfRange(testFraction)), at: nil) }
        let testCount = Int((Double(count) * testFraction).rounded())
        guard testCount >= 1, testCount < count else { throw Diagnostic(.syntax, .other(DataPhrase.tooFewRows(count)), at: nil) }
        var generator = SplitMix(seed: seed)
        let order = Array(0..<count).shuffled(using: &generator)
        return (subset(Array(order[testCount...]).sorted()), subset(Array(order[..<testCount]).sorted()))
    }
}
