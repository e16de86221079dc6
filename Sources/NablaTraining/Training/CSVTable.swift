import NablaCore
import NablaDocument

/// A comma-separated table with a header row, as read from a file: every row has as many
/// fields as the header. Fields may be quoted (`"a, b"`, `""` for a quote); blank lines are
/// skipped; `\r\n` ends a line too.
///
/// ```swift
/// let table = try CSVTable(SourceText(name: "iris.csv", text: "a,b,species\n1,2,setosa\n"))
/// table.header          // ["a", "b", "species"]
/// table.rows[0].fields  // ["1", "2", "setosa"]
/// ```
public struct CSVTable {
    public struct Row {
        public let fields: [String]
        /// The line of the file, from 1.
        public let line: Int
    }

    public let source: SourceText
    public let header: [String]
    public let rows: [Row]

    public init(_ source: SourceText) throws(Diagnostic) {
        self.source = source
        var lines: [Row] = []
        let bytes = source.bytes
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, inQuotes = false
        var line = 1, rowLine = 1
        var i = 0
        func endField() {
            // Spaces around the field are not part of it; the bytes are kept for the next field.
            var lo = 0, hi = field.count
            while lo < hi, field[lo] == UInt8(ascii: " ") { lo += 1 }
            while hi > lo, field[hi - 1] == UInt8(ascii: " ") { hi -= 1 }
            fields.append(String(decoding: field[lo..<hi], as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoted = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { lines.append(Row(fields: fields, line: rowLine)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") { field.append(b); i += 2; continue }
                    inQuotes = false
                } else {
                    if b == UInt8(ascii: "\n") { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where field.allSatisfy({ $0 == UInt8(ascii: " ") }) && !quoted:
                field.removeAll(keepingCapacity: true); inQuotes = true; quoted = true
            case UInt8(ascii: ","): endField()
            case UInt8(ascii: "\n"):
                endRow(); line += 1; rowLine = line
            case UInt8(ascii: "\r"): break
            default: field.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw Diagnostic(.syntax, .other(DataPhrase.unclosedQuote), at: SourceLocation(line: rowLine, column: 1))
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        guard let first = lines.first else { throw Diagnostic(.syntax, .other(DataPhrase.empty), at: nil) }
        header = first.fields
        for row in lines.dropFirst() where row.fields.count != header.count {
            throw Diagnostic(.shapeMismatch, .other(DataPhrase.fieldCount(header: header.count, row: row.fields.count)),
                             at: SourceLocation(line: row.line, column: 1))
        }
        rows = Array(lines.dropFirst())
        if rows.isEmpty { throw Diagnostic(.syntax, .other(DataPhrase.noRows), at: SourceLocation(line: first.line, column: 1)) }
    }

    /// The column of `name`; nil when the header has none.
    public func column(named name: String) -> Int? { header.firstIndex(of: name) }

    /// The numbers of column `column`, one a row; a message at the first field that is not one.
    func numbers(inColumn column: Int) throws(Diagnostic) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            guard let v = Double(row.fields[column]), v.isFinite else {
                throw Diagnostic(.syntax, .other(DataPhrase.notANumber(row.fields[column], column: header[column])), at: location(row, column: column))
            }
            out.append(v)
        }
        return out
    }

    /// The place of field `column` of `row`, for a message.
    func location(_ row: Row, column: Int) -> SourceLocation {
        SourceLocation(line: row.line, column: 1 + row.fields.prefix(column).reduce(0) { $0 + $1.count + 1 })
    }
}
