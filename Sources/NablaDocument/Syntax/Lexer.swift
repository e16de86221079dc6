import NablaCore

/// Splits plain-syntax source into tokens.
///
/// Newlines end statements except inside parentheses or brackets; `#` starts a comment.
/// `·` (and `⋅`) is the product that fixes shapes (``Token/Kind/dot``), `×` multiplication, `−` is minus, `∘` is composition, `**` is `^`. A decimal
/// literal is exact: `0.25` is `1/4`, `2e-3` is `1/500`.
struct Lexer {
    let source: SourceText
    /// Every newline ends a statement, even inside parentheses: each line is an expression of its own.
    let linesAreSeparate: Bool
    private var bytes: [UInt8] { source.bytes }

    init(source: SourceText, linesAreSeparate: Bool = false) { self.source = source; self.linesAreSeparate = linesAreSeparate }

    func tokens() throws(Diagnostic) -> [Token] {
        var out: [Token] = []
        var i = 0
        var depth = 0
        let n = bytes.count
        var space = true
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") { i += 1; space = true; continue }
            if b == UInt8(ascii: "#") {
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            let start = i
            func emit(_ kind: Token.Kind, _ length: Int) { out.append(Token(kind: kind, offset: start, spaceBefore: space)); i += length; space = false }
            switch b {
            case UInt8(ascii: "\n"):
                if depth == 0 || linesAreSeparate { emit(.newline, 1) } else { i += 1 }
                space = true
            case UInt8(ascii: "+"): emit(.plus, 1)
            case UInt8(ascii: "-"): emit(.minus, 1)
            case UInt8(ascii: "*"):
                if i + 1 < n && bytes[i + 1] == UInt8(ascii: "*") { emit(.caret, 2) } else { emit(.times, 1) }
            case UInt8(ascii: "/"): emit(.divide, 1)
            case UInt8(ascii: "^"): emit(.caret, 1)
            case UInt8(ascii: "("): depth += 1; emit(.leftParen, 1)
            case UInt8(ascii: ")"): depth = max(0, depth - 1); emit(.rightParen, 1)
            case UInt8(ascii: "["): depth += 1; emit(.leftBracket, 1)
            case UInt8(ascii: "]"): depth = max(0, depth - 1); emit(.rightBracket, 1)
            case UInt8(ascii: ","): emit(.comma, 1)
            case UInt8(ascii: "="): emit(.equals, 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
                let (value, length) = try number(at: i)
                emit(.number(value), length)
            default:
                if isIdentifierStart(b) {
                    let j = identifierEnd(from: i + 1)
                    emit(.identifier(String(decoding: bytes[i..<j], as: UTF8.self)), j - i)
                } else if b >= 0x80 {
                    let (scalar, length) = try decodeScalar(at: i)
                    switch scalar {
                    case "\u{2218}": emit(.compose, length)
                    case "\u{00B7}", "\u{22C5}": emit(.dot, length)
                    case "\u{00D7}": emit(.times, length)
                    case "\u{2212}": emit(.minus, length)
                    default:
                        if scalar.properties.isAlphabetic {
                            let j = identifierEnd(from: i + length)
                            emit(.identifier(String(decoding: bytes[i..<j], as: UTF8.self)), j - i)
                        } else {
                            throw Diagnostic(.syntax, .unexpectedCharacter("'\(scalar)' (U+\(String(scalar.value, radix: 16, uppercase: true)))"),
                                             at: source.location(ofOffset: i))
                        }
                    }
                } else {
                    let phrase: Diagnostic.Phrase = b >= 32 && b < 127 ? .unexpectedCharacter("'\(Character(UnicodeScalar(b)))'") : .unexpectedByte(b)
                    throw Diagnostic(.syntax, phrase, at: source.location(ofOffset: i))
                }
            }
        }
        out.append(Token(kind: .newline, offset: n, spaceBefore: true))
        out.append(Token(kind: .end, offset: n, spaceBefore: true))
        return out
    }

    /// Where a name that goes on at `start` ends: after ASCII letters, digits, `_` and letters
    /// beyond ASCII (`café`, `xé2`, `θ1`).
    private func identifierEnd(from start: Int) -> Int {
        var j = start
        while j < bytes.count {
            if isIdentifierStart(bytes[j]) || isDigit(bytes[j]) { j += 1; continue }
            if bytes[j] >= 0x80, let (s, l) = try? decodeScalar(at: j), s.properties.isAlphabetic { j += l; continue }
            break
        }
        return j
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
    }

    private func decodeScalar(at i: Int) throws(Diagnostic) -> (Unicode.Scalar, Int) {
        var iterator = bytes[i...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(s) = decoder.decode(&iterator) { return (s, String(s).utf8.count) }
        throw Diagnostic(.notText, .notUTF8(byte: bytes[i]),
                         at: source.location(ofOffset: i))
    }

    /// A decimal literal: digits, an optional fraction, an optional exponent `e±digits`.
    private func number(at start: Int) throws(Diagnostic) -> (Rational, Int) {
        var j = start
        let n = bytes.count
        while j < n && isDigit(bytes[j]) { j += 1 }
        let integerPart = bytes[start..<j]
        var fraction = ArraySlice<UInt8>()
        if j < n && bytes[j] == UInt8(ascii: "."), j + 1 < n, isDigit(bytes[j + 1]) {
            let f = j + 1
            j = f
            while j < n && isDigit(bytes[j]) { j += 1 }
            fraction = bytes[f..<j]
        } else if integerPart.isEmpty {
            throw Diagnostic(.syntax, .digitExpectedAfterPoint, at: source.location(ofOffset: start))
        }
        var exponent = 0
        if j < n, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            var k = j + 1
            var negative = false
            if k < n, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") { negative = bytes[k] == UInt8(ascii: "-"); k += 1 }
            let digitsStart = k
            while k < n && isDigit(bytes[k]) { k += 1 }
            if k > digitsStart {
                guard k - digitsStart <= 4, let e = Int(String(decoding: bytes[digitsStart..<k], as: UTF8.self)) else {
                    throw Diagnostic(.inputTooLarge, .exponentTooLarge, at: source.location(ofOffset: start))
                }
                exponent = negative ? -e : e
                j = k
            }
        }
        if integerPart.count + fraction.count > 10_000 {
            throw Diagnostic(.inputTooLarge, .numberTooLong(digits: 10000), at: source.location(ofOffset: start))
        }
        if fraction.isEmpty, exponent == 0, integerPart.count <= 18 {
            return (Rational(integerPart.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }), j - start)
        }
        let digits = String(decoding: integerPart + fraction, as: UTF8.self)
        guard var value = Rational(integerLiteral: Substring(digits.isEmpty ? "0" : digits)) else {
            throw Diagnostic(.syntax, .malformedNumber, at: source.location(ofOffset: start))
        }
        let scale = exponent - fraction.count
        if scale != 0 {
            guard let factor = Rational(10).power(scale, maxBits: 40_000) else {
                throw Diagnostic(.inputTooLarge, .exponentTooLarge, at: source.location(ofOffset: start))
            }
            value = value * factor
        }
        return (value, j - start)
    }
}
