import NablaCore

/// A problem with the input, with where it is and what was expected.
///
/// Every failure the library reports is a `Diagnostic`; ``Diagnostic/Kind`` says which one.
/// ``render(in:)`` prints it like a compiler, with the line and a caret:
///
/// ```
/// example.nabla:2:14: error: expected an expression after '+', found ')'
///   f(x) = (x + )
///               ^
/// ```
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax, nestingTooDeep, inputTooLarge, notText
        case undefinedFunction, undefinedTarget, wrongArgumentCount, notAFunction
        case shapeMismatch, divisionByZero, undefinedValue, notScalar
        case resultTooLarge, duplicateDefinition, missingValue, notAVariable, nothingToDo, unknownCommand, timeLimit, nameClash
        case suspiciousName
        /// A reading the writer may not have meant: `1/2x` is (1/2)·x.
        case ambiguousReading
    }
    public enum Severity: String, Sendable { case error, warning }

    public let kind: Kind
    public let severity: Severity
    public let location: SourceLocation?
    /// What it says, as data (``Phrase/text(in:)`` writes it in English or French).
    public let phrase: Phrase
    /// What it says, in English.
    public var message: String { phrase.text(in: .en) }

    public init(_ kind: Kind, _ phrase: Phrase, at location: SourceLocation?, severity: Severity = .error) {
        self.kind = kind; self.phrase = phrase; self.location = location; self.severity = severity
    }

    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }

    /// The diagnostic as a compiler prints it: `name:line:column: error: message`, then the
    /// line and a caret under the column. Long lines are cut to a window around the column.
    public func render(in source: SourceText?, language: Language = .en) -> String {
        let message = phrase.text(in: language)
        let isCommandLine = source?.name == SourceText.commandLineArguments
        let prefix = isCommandLine ? "nabla:" : source.map { "\($0.name):" } ?? "nabla:"
        guard let location else {
            return "\(prefix) \(language == .fr ? (severity == .error ? "erreur" : "avertissement") : severity.rawValue): \(message)"
        }
        let place = source.map { $0.describe(location, language: language) } ?? "\(location)"
        let severity = language == .fr ? (self.severity == .error ? "erreur" : "avertissement") : self.severity.rawValue
        var out = "\(isCommandLine ? "nabla: " : "")\(place): \(severity): \(message)"
        guard let source else { return out }
        let characters = Array(source.line(location.line))
        let window = 100
        var start = 0
        if location.column > window - 20 { start = location.column - (window - 20) }
        let end = min(characters.count, start + window)
        let shown = (start < end ? String(characters[start..<end]) : "")
            .replacingTabsAndControls
        let lead = start > 0 ? "…" : ""
        let trail = end < characters.count ? "…" : ""
        out += "\n  \(lead)\(shown)\(trail)\n  " + String(repeating: " ", count: lead.count + max(0, location.column - 1 - start)) + "^"
        return out
    }
}

extension String {
    /// Tabs shown as one space and control characters as `?`, so the caret stays aligned.
    var replacingTabsAndControls: String {
        String(map { c -> Character in
            if c == "\t" { return " " }
            if let a = c.asciiValue, a < 32 || a == 127 { return "?" }
            return c
        })
    }
}
