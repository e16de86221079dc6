import NablaCore
import NablaCalculus

/// One token of the plain syntax.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Rational)
        case identifier(String)
        case plus, minus, times, divide, caret     // `^` and `**`
        case leftParen, rightParen, leftBracket, rightBracket
        case comma, equals, compose                // `∘`
        case newline, end
    }
    let kind: Kind
    /// Byte offset of the first character.
    let offset: Int
    /// Whether white space comes right before the token (tells `f(x)` from `w (x)`).
    let spaceBefore: Bool

    var describe: String {
        switch kind {
        case let .number(r): "'\(r)'"
        case let .identifier(n): "'\(n)'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .times: "'*'"
        case .divide: "'/'"
        case .caret: "'^'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .equals: "'='"
        case .compose: "'∘'"
        case .newline: "the end of the line"
        case .end: "the end of the input"
        }
    }
}
