import Foundation
import Nabla

/// A checked sheet as a page shows it: each claim with its line of the sheet and its verdict,
/// the claimed matrix with every entry marked right (✓) or wrong (✗, and a colour), the expected
/// entry, the diagnosis in words and the point where they differ next to each wrong one; then
/// what could not be read. Every string from the sheet is escaped.
struct CorrectedCopy {
    let report: CheckReport
    let source: SourceText
    let language: Language

    var html: String {
        let fr = language == .fr
        var out = "<section class=\"report\">\n"
        out += "<p class=\"summary\">" + escapedXML(summary) + "</p>\n"
        for claim in report.claims { out += section(claim) }
        if !report.errors.isEmpty || !report.warnings.isEmpty {
            out += "<h3>\(fr ? "Formules non lues" : "Formulas not read")</h3>\n<ul class=\"errors\">\n"
            for d in report.errors + report.warnings {
                out += "<li><pre>" + escapedXML(d.render(in: source, language: language)) + "</pre></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    private var summary: String {
        let fr = language == .fr
        return fr ? "\(report.claims.count) affirmation(s) : \(report.correctCount) juste(s), \(report.wrongCount) fausse(s), \(report.uncheckedCount) non vérifiée(s)"
            : "\(report.claims.count) claim(s): \(report.correctCount) correct, \(report.wrongCount) wrong, \(report.uncheckedCount) unchecked"
    }

    private func section(_ c: CheckReport.Claim) -> String {
        let fr = language == .fr
        let (mark, word) = switch c.verdict {
        case .correct: ("✓", fr ? "juste" : "correct")
        case .wrong: ("✗", fr ? "faux" : "wrong")
        case .unchecked: ("?", fr ? "non vérifié" : "unchecked")
        }
        let part = c.part.map { $0.text(in: language) } ?? ""
        var out = "<article class=\"claim \(c.verdict.rawValue)\">\n"
        out += "<h3><span class=\"mark\">\(mark)</span> \(escapedXML(word)) · \(fr ? "ligne" : "line") \(c.location.line), \(fr ? "colonne" : "column") \(c.location.column)"
        out += " · <code>" + escapedXML(c.target) + "</code>" + (part.isEmpty ? "" : " " + escapedXML(part)) + "</h3>\n"
        out += "<pre class=\"source\">" + escapedXML(source.line(c.location.line)) + "</pre>\n"
        if let f = c.finding { out += "<p class=\"finding\">" + escapedXML(f.text(in: language)) + "</p>\n" }
        if !c.entries.isEmpty { out += table(c.entries) }
        return out + "</article>\n"
    }

    /// The claimed entries where they stand in the Jacobian, each marked.
    private func table(_ entries: [CheckReport.Entry]) -> String {
        let fr = language == .fr
        let rows = Array(Set(entries.map(\.row))).sorted(), columns = Array(Set(entries.map(\.column))).sorted()
        var out = "<table class=\"entries\">\n<tr><th></th>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for r in rows {
            out += "<tr><th>\(r)</th>"
            for k in columns {
                guard let e = entries.first(where: { $0.row == r && $0.column == k }) else { out += "<td></td>"; continue }
                let mark = e.verdict == .correct ? "✓" : e.verdict == .wrong ? "✗" : "?"
                out += "<td class=\"\(e.verdict.rawValue)\"><span class=\"mark\">\(mark)</span> <code>" + escapedXML(e.claimed) + "</code>"
                if e.verdict == .wrong {
                    out += "<div class=\"expected\">\(fr ? "attendu" : "expected") <code>" + escapedXML(e.expected) + "</code></div>"
                    if let d = e.finding { out += "<div class=\"diagnosis\">" + escapedXML(d.text(in: language)) + "</div>" }
                    if let p = e.counterexample, !p.isEmpty {
                        let point = p.sorted { naturalLess($0.key, $1.key) }.map { "\($0.key) = \(shortNumber($0.value))" }.joined(separator: ", ")
                        out += "<div class=\"point\">\(fr ? "ils diffèrent en" : "they differ at") " + escapedXML(point) + "</div>"
                    }
                }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        return out + "</table>\n"
    }

    private func shortNumber(_ x: Double) -> String {
        let s = String(format: "%.3f", x)
        return s == "-0.000" ? "0.000" : s
    }
}
