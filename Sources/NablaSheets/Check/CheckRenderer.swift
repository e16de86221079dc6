import Foundation
import NablaPrinting
import NablaDocument
import NablaCore

/// Prints a ``CheckReport`` like a compiler: one line per claim with its verdict, then the
/// wrong entries with what they should be, a point where they differ, and the likely mistake.
///
/// ```
/// sheet.tex:21:5: ✗ ∇(f∘g) column 1: 2 of 3 entries are wrong
///   (1,1) claimed 2·exp(2x_1 + 2x_2 + 5x_3), expected 2·exp(2x_1 - 2x_2 + 5x_3)
///         the exponent has +2x_2, expected -2x_2
/// ```
public struct CheckRenderer {
    public let source: SourceText
    /// ANSI colours (for a terminal).
    public var colors: Bool
    public var language: Language

    public init(source: SourceText, colors: Bool = false, language: Language = .en) {
        self.source = source; self.colors = colors; self.language = language
    }

    private func paint(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func text(_ report: CheckReport) -> String {
        let fr = language == .fr
        var out = ""
        for e in report.errors { out += e.render(in: source, language: language) + "\n" }
        for w in report.warnings { out += w.render(in: source, language: language) + "\n" }
        for c in report.claims {
            let mark: String
            switch c.verdict {
            case .correct: mark = paint(fr ? "✓ juste" : "✓ correct", "32")
            case .wrong: mark = paint(fr ? "✗ faux" : "✗ wrong", "31;1")
            case .unchecked: mark = paint(fr ? "? non vérifié" : "? unchecked", "33")
            }
            // A value, or a derivative written in place (`d/dx[…]`), names itself; the rest get their ∇.
            let prefix = c.part?.value == true || c.part?.inPlace == true ? "" : "∇"
            let partText = c.part.map { $0.text(in: language) } ?? ""
            let named = c.target.contains("∘") ? "(\(c.target))" : c.target
            let head = c.part?.quantity == true ? (c.part?.variable.map { "∂\(named)/∂\($0)" } ?? "∇" + named) : prefix + named
            let what = head + (partText.isEmpty ? "" : (c.part?.quantity == true ? ", " : " ") + partText)
            out += "\(source.name):\(c.location.line):\(c.location.column): \(mark): \(what)"
            out += c.finding.map { ": " + $0.text(in: language) } ?? ""
            out += "\n"
            for e in c.wrongEntries {
                out += fr ? "    entrée (\(e.row),\(e.column)) : annoncé \(e.claimed)\n" : "    entry (\(e.row),\(e.column)): claimed \(e.claimed)\n"
                out += fr ? "                   attendu \(e.expected)\n" : "                 expected \(e.expected)\n"
                let indent = fr ? "                   " : "                 "
                if let d = e.finding { out += indent + paint(d.text(in: language), "1") + "\n" }
                if let p = e.counterexample, !p.isEmpty {
                    out += indent + (fr ? "ils diffèrent en " : "they differ at ") + p.sorted { naturalLess($0.key, $1.key) }
                        .map { "\($0.key) = \(String(format: "%.3f", $0.value))" }.joined(separator: ", ") + "\n"
                }
            }
        }
        if fr {
            func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n > 1 ? "s" : "")" }   // 0 and 1 take the singular in French
            out += counted(report.claims.count, "affirmation") + " : " + counted(report.correctCount, "juste") + ", "
                + counted(report.wrongCount, "fausse") + ", " + (report.uncheckedCount > 1 ? "\(report.uncheckedCount) non vérifiées" : "\(report.uncheckedCount) non vérifiée")
            out += report.errors.isEmpty ? "\n" : "; \(report.errors.count) formule\(report.errors.count > 1 ? "s" : "") illisible\(report.errors.count > 1 ? "s" : "")\n"
        } else {
            out += "\(report.claims.count) claim\(report.claims.count == 1 ? "" : "s"): \(report.correctCount) correct, \(report.wrongCount) wrong, \(report.uncheckedCount) unchecked"
            out += report.errors.isEmpty ? "\n" : "; \(report.errors.count) formula\(report.errors.count == 1 ? "" : "s") could not be read\n"
        }
        return out
    }

    /// What to say about a sheet in which no claim was found: the forms of claim that are read.
    public func noClaims() -> String {
        let forms = [
            "\\nabla f = \\begin{pmatrix} … \\end{pmatrix}", "\\nabla(g \\circ f)(x) = …", "J_{g \\circ f} = …", "Df(x) = …",
            "\\frac{\\partial F}{\\partial x_1} = …", "\\sigma'(t) = …", "\\text{column}_2 \\nabla(f \\circ g) = …", "F \\circ G(x) = …",
        ].map { "  " + $0 }.joined(separator: "\n")
        return language == .fr
            ? "nabla: aucune affirmation à vérifier dans \(source.name). Les formes lues (en LaTeX, dans $…$, $$…$$ ou \\[…\\]) :\n\(forms)\n"
            : "nabla: no claim to check in \(source.name). The forms read (in LaTeX math: $…$, $$…$$ or \\[…\\]):\n\(forms)\n"
    }

    /// The JSON of DESIGN.md (`check --format json`).
    public func json(_ report: CheckReport) -> String {
        var claims: [String] = []
        for c in report.claims {
            var fields = ["\"line\": \(c.location.line)", "\"column\": \(c.location.column)", "\"target\": \(jsonString(c.target))"]
            if let p = c.part?.text(in: language), !p.isEmpty { fields.append("\"part\": \(jsonString(p))") }
            fields.append("\"verdict\": \(jsonString(c.verdict.rawValue))")
            if let m = c.finding { fields.append("\"message\": \(jsonString(m.text(in: language)))") }
            let entries = c.entries.map { e -> String in
                var f = ["\"row\": \(e.row)", "\"col\": \(e.column)", "\"verdict\": \(jsonString(e.verdict.rawValue))",
                         "\"claimed\": \(jsonString(e.claimed))", "\"expected\": \(jsonString(e.expected))"]
                if let d = e.finding { f.append("\"diagnosis\": \(jsonString(d.text(in: language)))") }
                if let p = e.counterexample {
                    f.append("\"point\": {" + p.sorted { naturalLess($0.key, $1.key) }.map { "\(jsonString($0.key)): \($0.value)" }.joined(separator: ", ") + "}")
                }
                return "{" + f.joined(separator: ", ") + "}"
            }
            fields.append("\"entries\": [" + entries.joined(separator: ", ") + "]")
            claims.append("{" + fields.joined(separator: ", ") + "}")
        }
        let errors = report.errors.map(\.jsonObject)
        let warnings = report.warnings.map(\.jsonObject)
        return "{\"claims\": [" + claims.joined(separator: ",\n  ") + "],\n \"errors\": [" + errors.joined(separator: ", ") + "],\n"
            + " \"warnings\": [" + warnings.joined(separator: ", ") + "],\n"
            + " \"summary\": {\"claims\": \(report.claims.count), \"correct\": \(report.correctCount), \"wrong\": \(report.wrongCount), \"unchecked\": \(report.uncheckedCount)}}\n"
    }
}
