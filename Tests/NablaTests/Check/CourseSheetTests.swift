import Foundation
import Testing
@testable import Nabla

/// Twelve sheets in the styles of course material (Fixtures/sheets/course), each with the verdict
/// a teacher gives every claim, established with SymPy (NAME.verdicts.json). A false alarm (a
/// right claim called wrong) fails the suite, and so does a mistake not called wrong; a claim
/// the checker cannot read or judge is allowed, as "unchecked".
@Suite struct CourseSheetTests {
    struct Verdicts: Decodable {
        struct Claim: Decodable { let line: Int; let verdict: String }
        let claims: [Claim]
    }

    static let sheets = ["stewart-en.tex", "corrige-fr.tex", "ml-notes-en.md", "softmax-fr.md", "polar-spherical-en.tex",
                         "primes-en.md", "equal-forms-en.tex", "classic-mistakes-fr.md",
                         "intermediate-en.tex", "intermediate-fr.md", "points-jacobians-en.tex", "subscripts-fr.md"]
    /// Claims still called wrong though right, by sheet and line: the known limits (none today).
    static let knownFalseAlarms: [String: Set<Int>] = [:]

    @Test(arguments: sheets) func noFalseAlarmAndNoMissedMistake(sheet: String) throws {
        let name = "sheets/course/" + sheet
        let text = try Fixtures.text(name)
        let stem = sheet.split(separator: ".").dropLast().joined(separator: ".")
        let teacher = try JSONDecoder().decode(Verdicts.self, from: Data(try Fixtures.text("sheets/course/\(stem).verdicts.json").utf8))
        let report = SheetChecker(source: SourceText(name: sheet, text: text)).check()
        // Claims of a line in order: the k-th claim Nabla reports on a line is the teacher's k-th of that line.
        var teacherByLine: [Int: [String]] = [:]
        for c in teacher.claims { teacherByLine[c.line, default: []].append(c.verdict) }
        var seen: [Int: Int] = [:]
        var judgedWrong = Set<Int>()
        for c in report.claims {
            let line = c.location.line
            let k = seen[line, default: 0]
            seen[line] = k + 1
            guard let expected = teacherByLine[line], k < expected.count else { continue }   // a claim the teacher did not list
            if c.verdict == .wrong {
                judgedWrong.insert(line)
                if expected[k] != "wrong" {
                    if Self.knownFalseAlarms[sheet]?.contains(line) == true {
                        withKnownIssue("known false alarm") { Issue.record("\(sheet):\(line)") }
                    } else {
                        Issue.record("false alarm: \(sheet):\(line) is right, judged wrong: \(c.finding?.text(in: .en) ?? "")")
                    }
                }
            }
            if c.verdict == .correct, expected[k] == "wrong" {
                Issue.record("missed mistake: \(sheet):\(line) is wrong, judged correct")
            }
        }
        let mistakes = teacher.claims.filter { $0.verdict == "wrong" }.map(\.line)
        #expect(!mistakes.isEmpty || ["equal-forms-en.tex", "softmax-fr.md"].contains(sheet), "\(sheet): a sheet of mistakes with none")
        for line in mistakes where !judgedWrong.contains(line) {
            Issue.record("missed mistake: \(sheet):\(line) is wrong and was not called wrong")
        }
    }
}
