import NablaPrinting
import NablaDocument
import NablaCore

/// Splits the LaTeX mathematics between two byte offsets of a sheet into tokens.
///
/// Spacing commands (`\,`, `\;`, `\!`, `\ `, `\quad` is kept: it separates formulas) and
/// `\left`/`\right` are dropped; `\{` and `\}` become parentheses.
struct LaTeXLexer {
    let source: SourceText

    func tokens(from start: Int, to end: Int) throws(Diagnostic) -> [LaTeXToken] {
        let bytes = source.bytes
        var out: [LaTeXToken] = []
        var i = start
        var spaced = false
        func add(_ kind: LaTeXToken.Kind, _ at: Int) {
            out.append(LaTeXToken(kind: kind, offset: at, spaced: spaced))
            spaced = false
        }
        while i < end {
            let b = bytes[i]
            let at = i
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "~"): i += 1
            case UInt8(ascii: "%"):
                while i < end && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\\"):
                i += 1
                guard i < end else { throw Diagnostic(.syntax, SheetPhrase.loneBackslash, at: source.location(ofOffset: at)) }
                let c = bytes[i]
                if isLetter(c) {
                    var j = i
                    while j < end && isLetter(bytes[j]) { j += 1 }
                    let name = String(decoding: bytes[i..<j], as: UTF8.self)
                    i = j
                    if name == "left" || name == "right" || name == "big" || name == "Big" || name == "bigl" || name == "bigr"
                        || name == "displaystyle" || name == "limits" {
                        // `\left(` is `(`; `\left.` is nothing.
                        if i < end && bytes[i] == UInt8(ascii: ".") { i += 1 }
                        continue
                    }
                    if name == "lvert" || name == "rvert" || name == "vert" { add(.pipe, at); continue }
                    // `\begin{split}`, `\begin{aligned}`, `\begin{gathered}` only align the rows inside.
                    if name == "begin" || name == "end" {
                        let rest = String(decoding: bytes[i..<min(end, i + 12)], as: UTF8.self)
                        if let group = ["{split}", "{aligned}", "{gathered}"].first(where: rest.hasPrefix) { i += group.utf8.count; continue }
                    }
                    add(.command(name), at)
                } else {
                    i += 1
                    switch c {
                    case UInt8(ascii: "\\"):
                        add(.rowBreak, at)
                        // `\\[2mm]`: the extra space after a row break is not mathematics.
                        if i < end, bytes[i] == UInt8(ascii: "["), let close = bytes[i..<end].firstIndex(of: UInt8(ascii: "]")),
                           bytes[(i + 1)..<close].allSatisfy({ $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "[") }) {
                            i = close + 1
                        }
                    case UInt8(ascii: "{"): add(.leftParen, at)
                    case UInt8(ascii: "}"): add(.rightParen, at)
                    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: ">"): spaced = true
                    case UInt8(ascii: "!"): break
                    case UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "_"): break
                    default: add(.command(String(UnicodeScalar(c))), at)
                    }
                }
            case UInt8(ascii: "{"): add(.leftBrace, at); i += 1
            case UInt8(ascii: "}"): add(.rightBrace, at); i += 1
            case UInt8(ascii: "^"): add(.caret, at); i += 1
            case UInt8(ascii: "_"): add(.underscore, at); i += 1
            case UInt8(ascii: "&"): add(.ampersand, at); i += 1
            case UInt8(ascii: "("): add(.leftParen, at); i += 1
            case UInt8(ascii: ")"): add(.rightParen, at); i += 1
            case UInt8(ascii: "["): add(.leftBracket, at); i += 1
            case UInt8(ascii: "]"): add(.rightBracket, at); i += 1
            case UInt8(ascii: "+"): add(.plus, at); i += 1
            case UInt8(ascii: "-"): add(.minus, at); i += 1
            case UInt8(ascii: "*"): add(.times, at); i += 1
            case UInt8(ascii: "/"): add(.divide, at); i += 1
            case UInt8(ascii: "="): add(.equals, at); i += 1
            case UInt8(ascii: ","): add(.comma, at); i += 1
            case UInt8(ascii: ":"): add(.colon, at); i += 1
            case UInt8(ascii: ";"): add(.semicolon, at); i += 1
            case UInt8(ascii: "'"): add(.prime, at); i += 1
            case UInt8(ascii: "|"): add(.pipe, at); i += 1
            case UInt8(ascii: "<"): add(.command("lt"), at); i += 1
            case UInt8(ascii: ">"): add(.command("gt"), at); i += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i
                while j < end && isDigit(bytes[j]) { j += 1 }
                var digits = String(decoding: bytes[i..<j], as: UTF8.self)
                var scale = 0
                if j + 1 < end, bytes[j] == UInt8(ascii: "."), isDigit(bytes[j + 1]) {
                    var k = j + 1
                    while k < end && isDigit(bytes[k]) { k += 1 }
                    digits += String(decoding: bytes[(j + 1)..<k], as: UTF8.self)
                    scale = k - j - 1
                    j = k
                }
                guard digits.count <= 1000, var value = Rational(integerLiteral: Substring(digits)) else {
                    throw Diagnostic(.inputTooLarge, SheetPhrase.numberTooLong, at: source.location(ofOffset: at))
                }
                if scale > 0 { value = value * Rational(10).power(-scale)! }
                add(.number(value), at)
                i = j
            case UInt8(ascii: "."): add(.period, at); i += 1
            default:
                if isLetter(b) {
                    add(.letter(Character(UnicodeScalar(b))), at); i += 1
                } else if b >= 0x80 {
                    // A Unicode symbol written directly: ∘, ·, ×, −, →, ∇, Greek letters.
                    var iterator = bytes[i..<end].makeIterator()
                    var decoder = UTF8()
                    guard case let .scalarValue(s) = decoder.decode(&iterator) else {
                        throw Diagnostic(.notText, SheetPhrase.notUTF8, at: source.location(ofOffset: at))
                    }
                    i += String(s).utf8.count
                    switch s {
                    case "∘": add(.command("circ"), at)
                    case "·", "⋅": add(.command("cdot"), at)
                    case "×": add(.command("times"), at)
                    case "−": add(.minus, at)
                    case "→": add(.command("rightarrow"), at)
                    case "↦": add(.command("mapsto"), at)
                    case "∇": add(.command("nabla"), at)
                    default:
                        if let name = GreekLetters.name(of: s) { add(.command(name), at) }
                        else if s.properties.isAlphabetic { add(.letter(Character(s)), at) }
                        else { throw Diagnostic(.syntax, SheetPhrase.unexpectedCharacter(String(s)), at: source.location(ofOffset: at)) }
                    }
                } else {
                    throw Diagnostic(.syntax, SheetPhrase.unexpectedCharacter(nil), at: source.location(ofOffset: at))
                }
            }
        }
        add(.end, end)
        return out
    }

    private func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
    }
    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
