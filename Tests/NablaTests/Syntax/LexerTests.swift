import Testing
@testable import Nabla
@testable import NablaDocument

/// The lexer of the plain syntax: what each piece of a line becomes, where it starts, whether
/// white space precedes it, how newlines end statements, and the messages of its errors.
@Suite struct LexerTests {
    private func tokens(_ text: String, linesAreSeparate: Bool = false) throws -> [Token] {
        try Lexer(source: SourceText(name: "lex.nabla", text: text), linesAreSeparate: linesAreSeparate).tokens()
    }

    private func kinds(_ text: String, linesAreSeparate: Bool = false) throws -> [Token.Kind] {
        try tokens(text, linesAreSeparate: linesAreSeparate).map(\.kind)
    }

    /// The rendered error of a text that does not lex, in one language; nil when it lexes.
    private func rendered(_ bytes: [UInt8], _ language: Language = .en) -> String? {
        let source = SourceText(name: "lex.nabla", bytes: bytes)
        do { _ = try Lexer(source: source).tokens(); return nil } catch { return error.render(in: source, language: language) }
    }

    private func rendered(_ text: String, _ language: Language = .en) -> String? { rendered(Array(text.utf8), language) }

    @Test func aDefinitionLine() throws {
        // `∘` is three bytes in UTF-8: the offsets after it jump by three.
        let got = try tokens("f(x, y) = 3x^2 ∘ g")
        let expected: [Token] = [
            Token(kind: .identifier("f"), offset: 0, spaceBefore: true),     // the start counts as space
            Token(kind: .leftParen, offset: 1, spaceBefore: false),
            Token(kind: .identifier("x"), offset: 2, spaceBefore: false),
            Token(kind: .comma, offset: 3, spaceBefore: false),
            Token(kind: .identifier("y"), offset: 5, spaceBefore: true),
            Token(kind: .rightParen, offset: 6, spaceBefore: false),
            Token(kind: .equals, offset: 8, spaceBefore: true),
            Token(kind: .number(Rational(3)), offset: 10, spaceBefore: true),
            Token(kind: .identifier("x"), offset: 11, spaceBefore: false),
            Token(kind: .caret, offset: 12, spaceBefore: false),
            Token(kind: .number(Rational(2)), offset: 13, spaceBefore: false),
            Token(kind: .compose, offset: 15, spaceBefore: true),
            Token(kind: .identifier("g"), offset: 19, spaceBefore: true),
            Token(kind: .newline, offset: 20, spaceBefore: true),
            Token(kind: .end, offset: 20, spaceBefore: true),
        ]
        #expect(got == expected)
    }

    @Test func operatorsAndTheirUnicodeSpellings() throws {
        #expect(try kinds("a**b") == [.identifier("a"), .caret, .identifier("b"), .newline, .end])
        #expect(try kinds("a*b") == [.identifier("a"), .times, .identifier("b"), .newline, .end])
        #expect(try kinds("a ** b * c") == [.identifier("a"), .caret, .identifier("b"), .times, .identifier("c"), .newline, .end])
        // Three stars: the first two are a power, the third a product.
        #expect(try kinds("***") == [.caret, .times, .newline, .end])
        #expect(try kinds("a·b×c⋅d") == [.identifier("a"), .dot, .identifier("b"), .times, .identifier("c"), .dot, .identifier("d"), .newline, .end])
        #expect(try kinds("a−b") == [.identifier("a"), .minus, .identifier("b"), .newline, .end])
        #expect(try kinds("+-/^=,[]()") == [.plus, .minus, .divide, .caret, .equals, .comma, .leftBracket, .rightBracket,
                                           .leftParen, .rightParen, .newline, .end])
        // `**` is two bytes long: the next token starts two bytes later.
        #expect(try tokens("a**b").map(\.offset) == [0, 1, 3, 4, 4])
        // `·` is two bytes, `−` three.
        #expect(try tokens("a·b−c").map(\.offset) == [0, 1, 3, 4, 7, 8, 8])
    }

    @Test func identifiers() throws {
        #expect(try kinds("x_1 w21 _a") == [.identifier("x_1"), .identifier("w21"), .identifier("_a"), .newline, .end])
        // Letters beyond ASCII belong to the name, symbols do not.
        #expect(try kinds("σ(x)") == [.identifier("σ"), .leftParen, .identifier("x"), .rightParen, .newline, .end])
        #expect(try kinds("éx2") == [.identifier("éx2"), .newline, .end])
        #expect(try kinds("αβ∘γ") == [.identifier("αβ"), .compose, .identifier("γ"), .newline, .end])
        // A digit first is a number, then a name.
        #expect(try kinds("2pi") == [.number(Rational(2)), .identifier("pi"), .newline, .end])
    }

    /// A name that starts with an ASCII letter goes on through the letters after it, as one that
    /// starts with `é` does: `café` is one name (it was once read as `caf` then `é`, and
    /// `nabla jacobian 'xé*2' --wrt xé` answered 0).
    @Test func aNameGoesOnThroughLettersBeyondASCII() {
        #expect((try? kinds("café")) == [.identifier("café"), .newline, .end])
        #expect((try? kinds("xé2")) == [.identifier("xé2"), .newline, .end])
    }

    @Test func numbersAreExactRationals() throws {
        func number(_ text: String) throws -> Rational? {
            let t = try kinds(text)
            guard t.count == 3, case let .number(r) = t[0] else { return nil }
            return r
        }
        #expect(try number("1.5e3") == Rational(1500))
        #expect(try number("1.5E+3") == Rational(1500))
        #expect(try number("0.25") == Rational(1, 4))
        #expect(try number(".5") == Rational(1, 2))
        #expect(try number("2e-3") == Rational(1, 500))
        #expect(try number("12.50") == Rational(25, 2))
        #expect(try number("007") == Rational(7))
        #expect(try number("0.1") == Rational(1, 10))
        // A long integer goes through the big-integer path.
        #expect(try number("123456789012345678901234567890")?.description == "123456789012345678901234567890")
        // An `e` without digits after it is not an exponent: it is the name `e`.
        #expect(try kinds("2e") == [.number(Rational(2)), .identifier("e"), .newline, .end])
        #expect(try kinds("2ex") == [.number(Rational(2)), .identifier("ex"), .newline, .end])
        #expect(try kinds("3e-") == [.number(Rational(3)), .identifier("e"), .minus, .newline, .end])
        // The number's length: the next token starts right after it.
        #expect(try tokens("1.5e3x").map(\.offset) == [0, 5, 6, 6])
    }

    @Test func newlinesEndStatementsOutsideBrackets() throws {
        #expect(try kinds("a\nb") == [.identifier("a"), .newline, .identifier("b"), .newline, .end])
        // Inside parentheses or brackets a newline is white space…
        #expect(try kinds("f(a,\nb)") == [.identifier("f"), .leftParen, .identifier("a"), .comma, .identifier("b"), .rightParen, .newline, .end])
        #expect(try kinds("[a\nb]\nc") == [.leftBracket, .identifier("a"), .identifier("b"), .rightBracket, .newline, .identifier("c"), .newline, .end])
        // …unless every line is an expression of its own.
        #expect(try kinds("f(a,\nb)", linesAreSeparate: true)
                == [.identifier("f"), .leftParen, .identifier("a"), .comma, .newline, .identifier("b"), .rightParen, .newline, .end])
        // A stray closing parenthesis does not leave the depth negative.
        #expect(try kinds(")\n(a\nb)") == [.rightParen, .newline, .leftParen, .identifier("a"), .identifier("b"), .rightParen, .newline, .end])
        // A carriage return is white space; a comment runs to the end of the line but not past it.
        #expect(try kinds("a\r\nb # note ∘ é\nc") == [.identifier("a"), .newline, .identifier("b"), .newline, .identifier("c"), .newline, .end])
        #expect(try kinds("") == [.newline, .end])
        #expect(try kinds("# only a comment") == [.newline, .end])
    }

    @Test func spaceBeforeAfterANewline() throws {
        let t = try tokens("a\nb(c) d")
        #expect(t.map(\.offset) == [0, 1, 2, 3, 4, 5, 7, 8, 8])
        #expect(t.map(\.spaceBefore) == [true, false, true, false, false, false, true, true, true])
        // A tab counts as space.
        #expect(try tokens("w\t(x)").map(\.spaceBefore) == [true, true, false, false, true, true])
    }

    @Test func anUnexpectedCharacter() {
        #expect(rendered("x = 2 $ 3") == """
            lex.nabla:1:7: error: unexpected character '$'
              x = 2 $ 3
                    ^
            """)
        #expect(rendered("x = 2 $ 3", .fr) == """
            lex.nabla:1:7: erreur: caractère inattendu '$'
              x = 2 $ 3
                    ^
            """)
        // On the second line, and after characters of several bytes: the column counts characters.
        #expect(rendered("a = 1\nb = α ⊕ 2") == """
            lex.nabla:2:7: error: unexpected character '⊕' (U+2295)
              b = α ⊕ 2
                    ^
            """)
        #expect(rendered("a = 1\nb = α ⊕ 2", .fr) == """
            lex.nabla:2:7: erreur: caractère inattendu '⊕' (U+2295)
              b = α ⊕ 2
                    ^
            """)
        // A control character is named by its byte and shown as '?' in the line.
        #expect(rendered([UInt8(ascii: "a"), 0x01, UInt8(ascii: "b")]) == """
            lex.nabla:1:2: error: unexpected character byte 0x1
              a?b
               ^
            """)
        #expect(rendered([UInt8(ascii: "a"), 0x01, UInt8(ascii: "b")], .fr) == """
            lex.nabla:1:2: erreur: caractère inattendu (octet 0x1)
              a?b
               ^
            """)
    }

    @Test func aPointWithoutDigits() {
        #expect(rendered("f(x) = x + .") == """
            lex.nabla:1:12: error: expected a digit after '.'
              f(x) = x + .
                         ^
            """)
        #expect(rendered("f(x) = x + .", .fr) == """
            lex.nabla:1:12: erreur: un chiffre est attendu après '.'
              f(x) = x + .
                         ^
            """)
        // `5.` is the number 5, then a point with no digit after it.
        #expect(rendered("y = 5.") == """
            lex.nabla:1:6: error: expected a digit after '.'
              y = 5.
                   ^
            """)
        #expect(rendered("y = 5.x")?.hasPrefix("lex.nabla:1:6: error: expected a digit after '.'") == true)
    }

    @Test func bytesThatAreNotUTF8() {
        // 0xFF never occurs in UTF-8.
        let lone: [UInt8] = Array("x = ".utf8) + [0xFF]
        #expect(rendered(lone) == """
            lex.nabla:1:5: error: the input is not UTF-8 text (byte 0xFF)
              x = \u{FFFD}
                  ^
            """)
        #expect(rendered(lone, .fr) == """
            lex.nabla:1:5: erreur: le texte n'est pas en UTF-8 (octet 0xFF)
              x = \u{FFFD}
                  ^
            """)
        // The first byte of `é` (0xC3 0xA9) followed by a plain letter: a broken sequence.
        let truncated: [UInt8] = Array("a\nb".utf8) + [0xC3] + Array("c".utf8)
        #expect(rendered(truncated) == """
            lex.nabla:2:2: error: the input is not UTF-8 text (byte 0xC3)
              b\u{FFFD}c
               ^
            """)
        // A broken sequence after letters of a name stops the name, then fails on its own.
        let afterName: [UInt8] = Array("é".utf8) + [0xA9]
        #expect(rendered(afterName)?.hasPrefix("lex.nabla:1:2: error: the input is not UTF-8 text (byte 0xA9)") == true)
    }

    @Test func oversizedNumbers() {
        #expect(rendered("1e12345")?.hasPrefix("lex.nabla:1:1: error: the exponent of this number is too large") == true)
        #expect(rendered("x + 2e99999", .fr)?.hasPrefix("lex.nabla:1:5: erreur: l'exposant de ce nombre est trop grand") == true)
        #expect(rendered(String(repeating: "7", count: 10_001))?.hasPrefix("lex.nabla:1:1: error: number literal longer than 10000 digits") == true)
        // Four exponent digits are accepted.
        #expect(rendered("1e-1000") == nil)
    }
}
