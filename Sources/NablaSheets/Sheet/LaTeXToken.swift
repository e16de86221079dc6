import NablaCore

/// One token of LaTeX mathematics.
struct LaTeXToken: Equatable {
    enum Kind: Equatable {
        /// `\frac`, `\nabla`, … (the name, without the backslash).
        case command(String)
        /// One letter: in LaTeX mathematics `xy` is two symbols.
        case letter(Character)
        case number(Rational)
        case leftBrace, rightBrace, caret, underscore, ampersand, rowBreak
        case leftParen, rightParen, leftBracket, rightBracket
        case plus, minus, times, divide, equals, comma, colon, semicolon, period, prime, pipe
        case end
    }
    let kind: Kind
    /// Byte offset in the sheet.
    let offset: Int
    /// Whether a spacing command (`\,`, `\;`, `\ `) comes right before: it ends the argument
    /// of a function written without parentheses (`\cos 2\theta\, x` is cos(2θ)·x).
    var spaced = false

    var describe: String {
        switch kind {
        case let .command(c): "'\\\(c)'"
        case let .letter(l): "'\(l)'"
        case let .number(n): "'\(n)'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .caret: "'^'"
        case .underscore: "'_'"
        case .ampersand: "'&'"
        case .rowBreak: "'\\\\'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .times: "'*'"
        case .divide: "'/'"
        case .equals: "'='"
        case .comma: "','"
        case .colon: "':'"
        case .semicolon: "';'"
        case .period: "'.'"
        case .prime: "'''"
        case .pipe: "'|'"
        case .end: "the end of the formula"
        }
    }
}
