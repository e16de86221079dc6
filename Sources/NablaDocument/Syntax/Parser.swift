import Foundation
import NablaCore

/// Parses the plain syntax of `.nabla` files into statements.
///
/// ```
/// g(x1, x2) = (3x1 - 2x2, x1 x2)
/// f(u, v) = exp(u + v)
/// let a = 2
/// jacobian f∘g
/// ```
/// Errors carry a line and column and say what was expected.
struct Parser {
    static let maximumNesting = 256

    let source: SourceText
    private var tokens: [Token] = []
    private var position = 0
    private var nesting = 0
    /// Readings the writer may not have meant (`1/2x` is (1/2)·x), said as warnings.
    private(set) var warnings: [Diagnostic] = []
    /// The shapes of constants, declared where the file first writes them (`W[3,4]`).
    private(set) var declarations: [String: ShapeDeclaration] = [:]
    /// The shapes of the parameters of the function being read: `x[2]` in its body is an entry.
    private var shapedParameters: [String: [Int]] = [:]

    init(source: SourceText) { self.source = source }

    mutating func parse() throws(Diagnostic) -> [Statement] {
        tokens = try Lexer(source: source).tokens()
        position = 0
        var statements: [Statement] = []
        while true {
            while current.kind == .newline { advance() }
            if current.kind == .end { break }
            statements.append(try statement())
            if current.kind != .newline {
                throw error(.endOfStatement)
            }
        }
        return statements
    }

    /// One expression per line: what `nabla jacobian EXPR…` is given, one argument a line.
    mutating func expressionPerLine() throws(Diagnostic) -> [ExpressionSyntax] {
        tokens = try Lexer(source: source, linesAreSeparate: true).tokens()
        position = 0
        var expressions: [ExpressionSyntax] = []
        while current.kind != .end {
            expressions.append(try expression())
            if current.kind != .newline {
                throw error(.endOfExpression)
            }
            advance()
        }
        return expressions
    }

    // MARK: Statements

    private mutating func statement() throws(Diagnostic) -> Statement {
        guard case let .identifier(word) = current.kind else {
            throw error(.statement)
        }
        let wordLocation = location(current)
        let nextKind = tokens[position + 1].kind
        if word == "let" && nextKind != .leftParen && nextKind != .equals {
            advance()
            return .bindings(try bindings())
        }
        if word == "train", nextKind != .leftParen, nextKind != .equals {
            advance()
            let target = try chain()
            return .train(chain: target, wrt: try withRespectTo(), location: wordLocation)
        }
        if let kind = CommandKind(word: word), nextKind != .leftParen, nextKind != .equals {
            advance()
            let target = try chain()
            return .command(kind, chain: target, wrt: try withRespectTo(), location: wordLocation)
        }
        if case .identifier = nextKind {
            throw Diagnostic(.unknownCommand, .unknownCommand(word), at: wordLocation)
        }
        advance()
        let name = LocatedName(name: word, location: wordLocation)
        if current.kind == .equals {
            advance()
            let start = position
            if let composition = try? chain(), current.kind == .newline || current.kind == .end {
                return .composition(name: name, chain: composition)
            }
            position = start
            let body = try expression()
            if body.names.allSatisfy({ ["e", "pi", "π"].contains($0) }) {
                let written = source.line(name.location.line).split(separator: "=", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "…"
                throw Diagnostic(.syntax, .valueNeedsLet(name: name.name, value: written), at: name.location)
            }
            return .quantity(name: name, body: body)
        }
        guard current.kind == .leftParen else {
            throw error(.parametersOrComposition(of: word))
        }
        advance()
        var parameters: [LocatedName] = []
        if current.kind != .rightParen {
            repeat {
                guard case let .identifier(p) = current.kind else { throw error(.parameterName) }
                if let previous = parameters.first(where: { $0.name == p }) {
                    throw Diagnostic(.syntax, .parameterAlreadyNamed(p, at: previous.location), at: location(current))
                }
                let l = location(current)
                advance()
                let shape = current.kind == .leftBracket && !current.spaceBefore ? try dimensions(of: p, at: l) : []
                parameters.append(LocatedName(name: p, location: l, shape: shape))
            } while accept(.comma)
        }
        try expect(.rightParen, .closingParameters)
        try expect(.equals, .equalsAfterParameters(of: word))
        shapedParameters = Dictionary(parameters.filter { !$0.shape.isEmpty }.map { ($0.name, $0.shape) }, uniquingKeysWith: { a, _ in a })
        defer { shapedParameters = [:] }
        let body = try expression()
        return .function(name: name, parameters: parameters, body: body)
    }

    private mutating func bindings() throws(Diagnostic) -> [(LocatedName, ExpressionSyntax)] {
        var result: [(LocatedName, ExpressionSyntax)] = []
        repeat {
            guard case let .identifier(name) = current.kind else { throw error(.nameToGiveAValue) }
            let n = LocatedName(name: name, location: location(current))
            advance()
            try expect(.equals, .equalsAfter(name))
            result.append((n, try expression()))
        } while accept(.comma)
        return result
    }

    /// `wrt w11, w12` (or `wrt w11 w12`) after a command's target; nil when absent.
    private mutating func withRespectTo() throws(Diagnostic) -> [LocatedName]? {
        guard case .identifier("wrt") = current.kind else { return nil }
        advance()
        var names: [LocatedName] = []
        while case let .identifier(name) = current.kind {
            if let previous = names.first(where: { $0.name == name }) {
                throw Diagnostic(.syntax, .alreadyNamed(name, at: previous.location), at: location(current))
            }
            names.append(LocatedName(name: name, location: location(current)))
            advance()
            _ = accept(.comma)
        }
        if names.isEmpty { throw error(.variablesAfterWrt) }
        return names
    }

    /// `a ∘ b ∘ c` or `a o b o c`, optionally in parentheses.
    private mutating func chain() throws(Diagnostic) -> [LocatedName] {
        let parenthesized = accept(.leftParen)
        var names: [LocatedName] = []
        repeat {
            guard case let .identifier(name) = current.kind else {
                throw error(.functionName)
            }
            names.append(LocatedName(name: name, location: location(current)))
            advance()
        } while acceptComposeOperator()
        if parenthesized { try expect(.rightParen, .closing(")")) }
        return names
    }

    private mutating func acceptComposeOperator() -> Bool {
        if accept(.compose) { return true }
        if case .identifier("o") = current.kind, case .identifier = tokens[position + 1].kind {
            advance(); return true
        }
        return false
    }

    // MARK: Expressions

    mutating func expression() throws(Diagnostic) -> ExpressionSyntax {
        try enter()
        defer { nesting -= 1 }
        let start = location(current)
        var terms: [ExpressionSyntax] = [try term()]
        while true {
            if accept(.plus) {
                terms.append(try term(after: "'+'"))
            } else if current.kind == .minus {
                let l = location(current)
                advance()
                terms.append(.negate(try term(after: "'-'"), l))
            } else { break }
        }
        return terms.count == 1 ? terms[0] : .sum(terms, start)
    }

    private mutating func term(after what: String? = nil) throws(Diagnostic) -> ExpressionSyntax {
        let start = location(current)
        var result = try unary(after: what)
        var factors: [ExpressionSyntax] = []
        while true {
            if accept(.times) {
                factors.append(result); result = try unary(after: "'*'")
            } else if current.kind == .dot {
                let l = location(current)
                advance()
                let left = factors.isEmpty ? result : .product(factors + [result], start)
                result = .dot(left, try unary(after: "'·'"), l)
                factors = []
            } else if current.kind == .divide {
                let l = location(current)
                advance()
                let denominatorStart = current.offset
                let denominator = try unary(after: "'/'")
                if startsPrimary(current), !current.spaceBefore, position + 1 < tokens.count {
                    // `x/2y`: the y multiplies, as precedence says, though a hand-written 2y is one thing.
                    let bytes = source.bytes
                    let next = String(decoding: bytes[current.offset..<tokens[position + 1].offset], as: UTF8.self).trimmed
                    let written = String(decoding: bytes[denominatorStart..<current.offset], as: UTF8.self).trimmed
                    warnings.append(Diagnostic(.ambiguousReading, .divisionThenProduct(denominator: written, next: next), at: l, severity: .warning))
                }
                result = .divide(factors.isEmpty ? result : .product(factors + [result], start), denominator, l)
                factors = []
            } else if startsPrimary(current) {
                // Implicit multiplication: `3x`, `2(x + 1)`, `w11 x1`, `x^2y`.
                factors.append(result); result = try unary()
            } else { break }
        }
        return factors.isEmpty ? result : .product(factors + [result], start)
    }

    private func startsPrimary(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .leftParen, .leftBracket: return true
        case let .identifier(name):
            // `f o g` inside an expression is not a product with a symbol `o`.
            return !(name == "o")
        default: return false
        }
    }

    private mutating func unary(after what: String? = nil) throws(Diagnostic) -> ExpressionSyntax {
        try enter()
        defer { nesting -= 1 }
        if current.kind == .minus {
            let l = location(current)
            advance()
            return .negate(try unary(after: "'-'"), l)
        }
        if accept(.plus) { return try unary(after: "'+'") }
        let base = try primary(after: what)
        if current.kind == .caret {
            let l = location(current)
            advance()
            return .power(base, try unary(after: "'^'"), l)
        }
        return base
    }

    /// The functions whose power may be written before the argument: `sin^2(x)`.
    static let powerBeforeArgument: Set<String> = ["sin", "cos", "tan", "sinh", "cosh", "tanh"]

    /// `name(arguments)`, the current token being the `(`.
    private mutating func call(_ name: String, at l: SourceLocation) throws(Diagnostic) -> ExpressionSyntax {
        advance()
        var arguments: [ExpressionSyntax] = []
        if current.kind != .rightParen {
            repeat { arguments.append(try expression()) } while accept(.comma)
        }
        try expect(.rightParen, .closingArguments(of: name))
        return .call(name, arguments, l)
    }

    private mutating func primary(after what: String?) throws(Diagnostic) -> ExpressionSyntax {
        let l = location(current)
        switch current.kind {
        case let .number(value):
            advance()
            return .number(value, l)
        case let .identifier(name):
            advance()
            // `sin^2(x)` is sin(x)^2, as courses write it (for the trigonometric and hyperbolic functions).
            if Parser.powerBeforeArgument.contains(name), current.kind == .caret, position + 2 < tokens.count,
               case let .number(n) = tokens[position + 1].kind, n.isInteger, !n.isNegative, tokens[position + 2].kind == .leftParen {
                let pl = location(current)
                advance(); advance()
                let call = try call(name, at: l)
                return .power(call, .number(n, pl), pl)
            }
            if current.kind == .leftParen && !current.spaceBefore { return try call(name, at: l) }
            if current.kind == .leftBracket && !current.spaceBefore { return try subscripted(name, at: l) }
            return .name(name, l)
        case .leftParen, .leftBracket:
            let closing: Token.Kind = current.kind == .leftParen ? .rightParen : .rightBracket
            advance()
            var items = [try expression()]
            while accept(.comma) { items.append(try expression()) }
            try expect(closing, .closing(closing == .rightParen ? ")" : "]"))
            return items.count == 1 ? items[0] : .tuple(items, l)
        default:
            throw error(.expression(after: what))
        }
    }

    // MARK: Shapes

    /// The most entries one vector or matrix may have.
    static let maximumEntries = 1 << 20

    /// `[3,4]` after a name, the current token being the `[`: the dimensions, whole numbers ≥ 1.
    private mutating func dimensions(of name: String, at l: SourceLocation) throws(Diagnostic) -> [Int] {
        let numbers = try bracketedNumbers()
        guard numbers.count <= 2, numbers.allSatisfy({ $0 >= 1 }) else {
            throw Diagnostic(.shapeMismatch, .other(ShapePhrase.badDimensions(name)), at: l)
        }
        guard numbers.reduce(1, { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }) <= Parser.maximumEntries else {
            throw Diagnostic(.inputTooLarge, .other(ShapePhrase.tooManyEntries(name, limit: Parser.maximumEntries)), at: l)
        }
        return numbers
    }

    /// Whole numbers between brackets, `[3,4]`, the current token being the `[`.
    private mutating func bracketedNumbers() throws(Diagnostic) -> [Int] {
        advance()
        var numbers: [Int] = []
        repeat {
            guard case let .number(n) = current.kind, let value = n.intValue else {
                throw error(.wholeNumberInBrackets)
            }
            numbers.append(value)
            advance()
        } while accept(.comma)
        try expect(.rightBracket, .closing("]"))
        return numbers
    }

    /// `W[3,4]` or `x[2]`: the declaration of a constant's shape where the file first writes
    /// it, an entry of a parameter or of a constant declared before.
    private mutating func subscripted(_ name: String, at l: SourceLocation) throws(Diagnostic) -> ExpressionSyntax {
        if shapedParameters[name] != nil || declarations[name] != nil {
            return .subscripted(name, try bracketedNumbers(), l)
        }
        let shape = try dimensions(of: name, at: l)
        declarations[name] = ShapeDeclaration(name: name, shape: shape, location: l)
        return .subscripted(name, shape, l)
    }

    // MARK: Helpers

    private var current: Token { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }
    private func location(_ t: Token) -> SourceLocation { source.location(ofOffset: t.offset) }

    private mutating func accept(_ kind: Token.Kind) -> Bool {
        if current.kind == kind { advance(); return true }
        return false
    }

    private mutating func expect(_ kind: Token.Kind, _ what: Diagnostic.Phrase.Expected) throws(Diagnostic) {
        if !accept(kind) { throw error(what) }
    }

    private mutating func enter() throws(Diagnostic) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw Diagnostic(.nestingTooDeep, .nestedTooDeeply(limit: Parser.maximumNesting),
                             at: location(current))
        }
    }

    /// "expected …, found …" at the current token.
    private func error(_ expected: Diagnostic.Phrase.Expected) -> Diagnostic {
        Diagnostic(.syntax, .expected(expected, found: current.found), at: location(current))
    }
}
