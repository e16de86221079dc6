import Foundation
import Testing

/// The README's terminal sessions are true: every `$ nabla …` block whose files exist in the
/// repository prints what the README shows (standard error first, then standard output).
/// Blocks that elide output with `…`, name a file the reader writes first, or write files
/// (`-o`, `--plot`: a training run, whose time varies too) are left out.
@Suite struct ReadmeTests {
    struct Session { let arguments: [String]; let expected: String; let line: Int }

    static func sessions() throws -> [Session] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var sessions: [Session] = []
        var inFence = false
        var current: (arguments: [String], lines: [String], line: Int)?
        func close() {
            if let c = current { sessions.append(Session(arguments: c.arguments, expected: c.lines.map { $0 + "\n" }.joined(), line: c.line)) }
            current = nil
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if inFence { close() }
                inFence.toggle()
                continue
            }
            guard inFence else { continue }
            if line.hasPrefix("$ ") {
                close()
                let words = shellWords(String(line.dropFirst(2)))
                if words.first == "nabla" { current = (Array(words.dropFirst()), [], number + 1) }
            } else if current != nil {
                current!.lines.append(String(line))
            }
        }
        return sessions.filter { s in
            !s.expected.contains("…") && !s.arguments.contains(where: { ["-o", "--output", "--plot"].contains($0) }) && s.arguments.allSatisfy { a in
                !(a.hasSuffix(".nabla") || a.hasSuffix(".md") || a.hasSuffix(".tex")) || FileManager.default.fileExists(atPath: Fixtures.packageRoot.appendingPathComponent(a).path)
            }
        }
    }

    /// Words of a shell command line: spaces separate, single quotes group.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, any = false
        for c in line {
            if c == "'" { quoted.toggle(); any = true; continue }
            if c == " " && !quoted { if any { words.append(word) }; word = ""; any = false; continue }
            word.append(c); any = true
        }
        if any { words.append(word) }
        return words
    }

    @Test func everyTerminalSessionPrintsWhatTheReadmeShows() throws {
        let sessions = try Self.sessions()
        #expect(sessions.count >= 5, "only \(sessions.count) sessions found")
        let e2e = EndToEndTests()
        for s in sessions {
            let r = try e2e.run(s.arguments)
            #expect(r.stderr + r.stdout == s.expected, "README line \(s.line): nabla \(s.arguments.joined(separator: " "))")
        }
    }
}
