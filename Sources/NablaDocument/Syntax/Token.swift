import NablaCore

/// One token of the plain syntax.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Rational)
        case identifier(String)
        case plus, minus, times, divide, caret     // `^` and `**`
        /// `·` or `⋅`: a product, and between vectors or a matrix and a vector, the dot product.
        case dot
        case leftParen, rightParen, leftBracket, rightBracket
        case comma, equals, compose                // `∘`
        case newline, end
    }
    let kind: Kind
    /// Byte offset of the first character.
    let offset: Int
    /// Whether white space comes right before the token (tells `f(x)` from `w (x)`).
    let spaceBefore: Bool

    /// The token as a message names it: `'+'`, the end of the line.
    var found: Diagnostic.Phrase.Found {
        switch kind {
        case let .number(r): .token("'\(r)'")
        case let .identifier(n): .token("'\(n)'")
        case .plus: .token("'+'")
        case .minus: .token("'-'")
        case .times: .token("'*'")
        case .dot: .token("'·'")
        case .divide: .token("'/'")
        case .caret: .token("'^'")
        case .leftParen: .token("'('")
        case .rightParen: .token("')'")
        case .leftBracket: .token("'['")
        case .rightBracket: .token("']'")
        case .comma: .token("','")
        case .equals: .token("'='")
        case .compose: .token("'∘'")
        case .newline: .endOfLine
        case .end: .endOfInput
        }
    }
}
