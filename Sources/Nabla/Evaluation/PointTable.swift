/// Points read from CSV text: a header naming the inputs, one point per row.
///
/// ```
/// x1,x2
/// 0.5,1
/// -1,2
/// ```
/// Errors name the row (1-based, the header is row 1) and the column.
public struct PointTable {
    public let names: [String]
    /// `columns[k][p]`: input `names[k]` at point `p`.
    public let columns: [[Double]]

    public init(names: [String], columns: [[Double]]) { self.names = names; self.columns = columns }

    /// Rows `range` only, to work through a long table in chunks.
    public func rows(_ range: Range<Int>) -> PointTable {
        PointTable(names: names, columns: columns.map { Array($0[range]) })
    }
    public var count: Int { columns.first?.count ?? 0 }

    public init(csv text: String, source name: String = "points") throws(Diagnostic) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw Diagnostic(.syntax, .other(EvaluationPhrase.emptyTable(name)), at: nil) }
        names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharactersSpaces }
        if let empty = names.firstIndex(where: \.isEmpty) {
            throw Diagnostic(.syntax, .other(EvaluationPhrase.unnamedColumn(empty + 1)), at: SourceLocation(line: 1, column: 1))
        }
        var columns = Array(repeating: [Double](), count: names.count)
        for (index, line) in lines.enumerated().dropFirst() {
            let row = index + 1
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == names.count else {
                throw Diagnostic(.syntax, .other(EvaluationPhrase.cellCount(row: row, cells: cells.count, header: names.count)), at: SourceLocation(line: row, column: 1))
            }
            for (k, cell) in cells.enumerated() {
                guard let v = Double(cell.trimmingCharactersSpaces) else {
                    throw Diagnostic(.syntax, .other(EvaluationPhrase.notANumber(row: row, column: names[k], cell: String(cell))), at: SourceLocation(line: row, column: 1))
                }
                columns[k].append(v)
            }
        }
        self.columns = columns
    }
}

private extension Substring {
    var trimmingCharactersSpaces: String {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
