import NablaDocument
import NablaCore

/// How two parts of a formula are related: `a = b`, `x \rightarrow y`, `g : x`.
enum FormulaRelation: Equatable {
    case equals, arrow, colon
    /// `<`, `\leq`, `\in`, `\neq`…: a condition, never a definition or a claim.
    case other
}

/// One formula of a display, split at its top-level relations: `g : x \rightarrow M` is
/// parts [g, x, M] with relations [colon, arrow].
struct RelationChain {
    var parts: [MathSyntax]
    var relations: [FormulaRelation]
    let location: SourceLocation
}

/// Parses LaTeX mathematics into ``MathSyntax``: the notation of DESIGN.md ("LaTeX and
/// Markdown sheets"): `\frac`, `e^{…}`, `\exp`, `\sqrt`, implicit products, subscripts
/// (`x_1` is the name `x_1`, `w_{1,2}` is `w_1_2`), matrices (pmatrix, bmatrix, matrix, array),
/// `\nabla`, `\circ`, `\text{…}` names.
struct LaTeXParser {
    static let maximumNesting = 200

    let source: SourceText
    var tokens: [LaTeXToken]
    var position = 0
    var nesting = 0
    /// How many matrix environments are open: inside one, `\\` separates rows of the matrix.
    var matrices = 0
    /// How many `|…|` are open: inside one, a `|` closes it rather than starting a factor.
    var openBars = 0
    /// Whether a name followed by `(` is a function call rather than a product.
    let isFunction: (String) -> Bool

    init(source: SourceText, from start: Int, to end: Int, isFunction: @escaping (String) -> Bool) throws(Diagnostic) {
        self.source = source
        self.isFunction = isFunction
        tokens = try LaTeXLexer(source: source).tokens(from: start, to: end)
    }

    /// The formulas of the display: separated by `\quad`, `\text{et}`, `\text{and}` or a top-level comma.
    mutating func formulas() throws(Diagnostic) -> [RelationChain] {
        var result: [RelationChain] = []
        while current.kind != .end {
            if skipSeparator() { continue }
            let start = location(current)
            var parts = [try link()]
            var relations: [FormulaRelation] = []
            while let r = relation() {
                relations.append(r)
                parts.append(try link())
            }
            // Recovered only when a side after the first can be read: else the display is an error, as before.
            let unreadable = parts.compactMap { if case let .unreadable(error) = $0 { error } else { nil } }
            if let first = unreadable.first {
                let head: Bool = if case .unreadable = parts[0] { true } else { false }
                if head || unreadable.count == parts.count - 1 { throw first }
            }
            result.append(RelationChain(parts: parts, relations: relations, location: start))
            if current.kind != .end && !isSeparator() {
                throw error(.relation)
            }
        }
        return result
    }

    /// One side of a relation. A side that cannot be read becomes ``MathSyntax/unreadable(_:)``
    /// and the reading goes on at the next relation outside braces and environments, so that the
    /// other links of a chain (a final answer after an unknown command) are still checked.
    mutating func link() throws(Diagnostic) -> MathSyntax {
        let saved = position
        do { return try sum() } catch {
            if error.kind == .nestingTooDeep { throw error }
            position = saved
            var depth = 0
            scan: while current.kind != .end {
                switch current.kind {
                case .leftBrace, .leftParen, .leftBracket: depth += 1
                case .rightBrace, .rightParen, .rightBracket: depth -= 1
                case .command("begin"): depth += 1
                case .command("end"): depth -= 1
                case let kind where depth <= 0 && LaTeXParser.relation(of: kind).map({ $0 != .other }) == true: break scan   // not at a condition
                case let .command(c) where depth <= 0 && LaTeXVocabulary.separatorCommands.contains(c): break scan
                default: break
                }
                advance()
            }
            return .unreadable(error)
        }
    }

    // MARK: Relations and separators

    mutating func relation() -> FormulaRelation? {
        // In align and eqnarray, `&` only aligns, and a row that starts with a relation goes on
        // with the chain of the row before: `A &= B \\ &= C`.
        let saved = position
        while current.kind == .ampersand || current.kind == .rowBreak { advance() }
        guard let found = LaTeXParser.relation(of: current.kind) else {
            position = saved
            return nil
        }
        advance()
        while current.kind == .ampersand { advance() }   // `& = &` in eqnarray
        return found
    }

    /// In an align or eqnarray, whether the next row goes on with what the row before was writing:
    /// a row whose first token `starts` accepts, with no relation of its own (`f &= x^2 \\ &\quad + 3y`,
    /// `&\qquad \begin{pmatrix}…`). Moves to that token when it does. Never inside a matrix, where
    /// `\\` ends a row of the matrix.
    mutating func continuesOnNextRow(where starts: (LaTeXToken.Kind) -> Bool) -> Bool {
        guard matrices == 0, current.kind == .rowBreak else { return false }
        let saved = position
        advance()
        while true {
            switch current.kind {
            case .ampersand: advance(); continue
            case let .command(c) where c == "quad" || c == "qquad": advance(); continue
            default: break
            }
            break
        }
        if starts(current.kind) && !rowHasRelation() { return true }
        position = saved
        return false
    }

    /// Whether the row from here to its `\\` has a relation of its own (`-c &= d` is a formula
    /// of its own, not the rest of the sum before).
    private func rowHasRelation() -> Bool {
        var i = position
        while i < tokens.count {
            switch tokens[i].kind {
            case .rowBreak, .end: return false
            case let kind where LaTeXParser.relation(of: kind) != nil: return true
            default: i += 1
            }
        }
        return false
    }

    /// The relation a token writes: `=`, `:`, an arrow, or a condition (`\leq`, `\in`).
    static func relation(of kind: LaTeXToken.Kind) -> FormulaRelation? {
        switch kind {
        case .equals: .equals
        case .colon: .colon
        case let .command(c) where LaTeXVocabulary.arrows.contains(c): .arrow
        case let .command(c) where LaTeXVocabulary.conditions.contains(c): .other
        default: nil
        }
    }

    func isSeparator() -> Bool {
        switch current.kind {
        case .comma, .period, .semicolon, .rowBreak, .ampersand: return true
        case let .command(c) where LaTeXVocabulary.separatorCommands.contains(c): return true
        case .command("text"): return LaTeXVocabulary.separatorWords.contains(peekText().trimmed)
        default: return false
        }
    }

    mutating func skipSeparator() -> Bool {
        guard isSeparator() else { return false }
        if case .command("text") = current.kind { advance(); _ = try? textGroup() }
        else if case .command("label") = current.kind { advance(); _ = try? textGroup() }
        else { advance() }
        return true
    }

    /// The raw content of the `\text{…}` at the current position, without consuming it.
    func peekText() -> String {
        guard position + 1 < tokens.count, tokens[position + 1].kind == .leftBrace else { return "" }
        var depth = 0, i = position + 1
        var text = ""
        while i < tokens.count {
            switch tokens[i].kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth -= 1; if depth == 0 { return text }
            case let .letter(l): text.append(l)
            case let .number(n): text += n.description
            default: text += " "
            }
            i += 1
        }
        return text
    }

    // MARK: Helpers

    var current: LaTeXToken { tokens[position] }
    /// The kind of the token `k` places ahead (the end when there is none).
    func peek(_ k: Int) -> LaTeXToken.Kind { position + k < tokens.count ? tokens[position + k].kind : .end }
    mutating func advance() { if position < tokens.count - 1 { position += 1 } }
    func location(_ t: LaTeXToken) -> SourceLocation { source.location(ofOffset: t.offset) }
    mutating func accept(_ kind: LaTeXToken.Kind) -> Bool {
        if current.kind == kind { advance(); return true }
        return false
    }
    mutating func expect(_ kind: LaTeXToken.Kind, _ what: SheetPhrase.Expected) throws(Diagnostic) {
        if !accept(kind) { throw error(what) }
    }
    mutating func enter() throws(Diagnostic) {
        nesting += 1
        if nesting > LaTeXParser.maximumNesting {
            throw Diagnostic(.nestingTooDeep, SheetPhrase.nestedTooDeeply(limit: LaTeXParser.maximumNesting), at: location(current))
        }
    }
    /// "expected …, found …" at the current token.
    func error(_ expected: SheetPhrase.Expected) -> Diagnostic {
        Diagnostic(.syntax, SheetPhrase.expected(expected, found: current.describe), at: location(current))
    }
}
