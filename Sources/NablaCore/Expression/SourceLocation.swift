/// A position in a source text: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public var description: String { "\(line):\(column)" }
}

/// A source text split into lines, for turning byte offsets into locations and showing a line.
public struct SourceText: Sendable {
    public let name: String
    /// The text, as UTF-8 bytes.
    public let bytes: [UInt8]
    private let lineStarts: [Int]
    /// Lines made of ASCII only, where a column is a byte distance.
    private let asciiLines: [Bool]
    /// For the other lines: the characters before every 64th byte of the line, so that a column
    /// is found by counting at most 64 bytes (a long line of `∘` has thousands of tokens).
    private let checkpoints: [Int: [Int32]]
    private static let checkpointStride = 64

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        var lineIsASCII = true
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 { lineIsASCII = false }
            if b == UInt8(ascii: "\n") { starts.append(i + 1); ascii.append(lineIsASCII); lineIsASCII = true }
        }
        ascii.append(lineIsASCII)
        lineStarts = starts
        asciiLines = ascii
        var marks: [Int: [Int32]] = [:]
        for (line, isASCII) in ascii.enumerated() where !isASCII {
            let start = starts[line], end = line + 1 < starts.count ? starts[line + 1] : bytes.count
            var counts: [Int32] = []
            var characters: Int32 = 0
            for i in start..<end {
                if (i - start) % SourceText.checkpointStride == 0 { counts.append(characters) }
                if bytes[i] & 0xC0 != 0x80 { characters += 1 }
            }
            marks[line] = counts
        }
        checkpoints = marks
    }

    public init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }

    /// The name of the text made of the expressions given on the command line, one a line:
    /// its diagnostics say `expression 2, column 5` rather than `2:5`.
    public static let commandLineArguments = "·command line·"

    /// Where `location` is, for a person: `file.nabla:2:5`, or `expression 2, column 5`.
    public func describe(_ location: SourceLocation, language: Language = .en) -> String {
        guard name == SourceText.commandLineArguments else { return "\(name):\(location)" }
        return "expression \(location.line), \(language == .fr ? "colonne" : "column") \(location.column)"
    }

    /// The location of a byte offset.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        if asciiLines[low] { return SourceLocation(line: low + 1, column: offset - start + 1) }
        // From the checkpoint at or before `offset`: at most 64 bytes to count.
        let k = (offset - start) / SourceText.checkpointStride
        let marks = checkpoints[low] ?? []
        let checkpoint = min(k, marks.count - 1)
        var column = 1 + (checkpoint >= 0 ? Int(marks[checkpoint]) : 0)
        var i = start + max(0, checkpoint) * SourceText.checkpointStride
        while i < min(offset, bytes.count) {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // `column` counted the characters before `offset`, plus one.
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its newline.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
