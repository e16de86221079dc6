import Foundation
import Testing
@testable import Nabla

/// Columns count characters, not bytes: checked against a plain count at every byte of lines
/// that mix ASCII and longer characters, long enough to cross many of the 64-byte checkpoints.
@Suite struct SourceLocationTests {
    @Test(arguments: [UInt64(3), 41]) func columnsCountCharacters(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let alphabet: [String] = ["a", "x", "1", " ", "∘", "é", "σ", "𝑥", "·"]
        var text = ""
        for _ in 0..<3 {
            for _ in 0..<Int.random(in: 100...400, using: &g) { text += alphabet.randomElement(using: &g)! }
            text += "\n"
        }
        let source = SourceText(name: "t", text: text)
        let bytes = Array(text.utf8)
        var line = 1, column = 1, compared = 0
        for offset in 0..<bytes.count {
            let isStartOfCharacter = bytes[offset] & 0xC0 != 0x80
            if isStartOfCharacter {
                #expect(source.location(ofOffset: offset) == SourceLocation(line: line, column: column), "seed \(seed), offset \(offset)")
                compared += 1
            }
            if bytes[offset] == UInt8(ascii: "\n") { line += 1; column = 1 } else if isStartOfCharacter { column += 1 }
        }
        #expect(compared > 300)
    }
}
