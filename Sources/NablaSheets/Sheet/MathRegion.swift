import NablaDocument
import NablaCore

/// A piece of mathematics in a sheet: the bytes between `$…$`, `$$…$$`, `\[…\]`, `\(…\)` or
/// inside an `equation`, `align`, `gather` or `eqnarray` environment (starred or not).
struct MathRegion {
    /// Byte range of the mathematics, delimiters excluded.
    let start: Int
    let end: Int
    /// A display (`$$`, `\[`, environments) rather than inline mathematics.
    let isDisplay: Bool
}

/// A heading that starts a new exercise: "exercice 2", "Exercise 3", "Problem 1", `\section`.
struct ExerciseStart {
    let offset: Int
    let title: String
}

/// Finds the mathematics and the exercise headings of a LaTeX or Markdown sheet.
struct SheetScanner {
    let source: SourceText

    /// The regions in order; an unclosed one is reported and the scan goes on after it.
    func regions(_ problems: inout [Diagnostic]) -> [MathRegion] {
        let b = source.bytes
        var out: [MathRegion] = []
        var i = 0
        func starts(_ s: String, at k: Int) -> Bool {
            let u = Array(s.utf8)
            return k + u.count <= b.count && Array(b[k..<(k + u.count)]) == u
        }
        var absent = Set<String>()   // closers already known not to occur again: no rescans
        func find(_ s: String, from k: Int) -> Int? {
            if absent.contains(s) { return nil }
            var j = k
            while j < b.count {
                if b[j] == UInt8(ascii: "\\") && !s.hasPrefix("\\") { j += 2; continue }
                if starts(s, at: j) { return j }
                j += 1
            }
            absent.insert(s)
            return nil
        }
        let environments = ["equation", "align", "gather", "eqnarray", "multline"]
        let isMarkdown = source.name.lowercased().hasSuffix(".md") || source.name.lowercased().hasSuffix(".markdown")
        while i < b.count {
            // Comments hold no mathematics: `<!-- … -->` (Markdown, HTML) and `%` to the end of
            // the line in LaTeX (not `\%`).
            if starts("<!--", at: i) {
                i = find("-->", from: i + 4).map { $0 + 3 } ?? b.count
                continue
            }
            if !isMarkdown, b[i] == UInt8(ascii: "%") {
                while i < b.count && b[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if b[i] == UInt8(ascii: "\\") {
                if starts("\\[", at: i) || starts("\\(", at: i) {
                    let close = starts("\\[", at: i) ? "\\]" : "\\)"
                    if let e = find(close, from: i + 2) {
                        out.append(MathRegion(start: i + 2, end: e, isDisplay: close == "\\]")); i = e + 2; continue
                    }
                    problems.append(Diagnostic(.syntax, SheetPhrase.unclosedDelimiter(close == "\\]" ? "\\[" : "\\("), at: source.location(ofOffset: i)))
                    i += 2; continue
                }
                if starts("\\begin{", at: i), let name = environments.first(where: { starts("\\begin{\($0)}", at: i) || starts("\\begin{\($0)*}", at: i) }) {
                    var open = "\\begin{\(name)}"
                    if starts("\\begin{\(name)*}", at: i) { open = "\\begin{\(name)*}" }
                    let close = open.replacingBegin
                    if let e = find(close, from: i + open.utf8.count) {
                        out.append(MathRegion(start: i + open.utf8.count, end: e, isDisplay: true))
                        i = e + close.utf8.count; continue
                    }
                    problems.append(Diagnostic(.syntax, SheetPhrase.unclosedDelimiter(open), at: source.location(ofOffset: i)))
                    i += open.utf8.count; continue
                }
                i += 2; continue
            }
            if b[i] == UInt8(ascii: "$") {
                let display = starts("$$", at: i)
                let delimiter = display ? "$$" : "$"
                let from = i + delimiter.utf8.count
                if let e = find(delimiter, from: from) {
                    out.append(MathRegion(start: from, end: e, isDisplay: display)); i = e + delimiter.utf8.count; continue
                }
                problems.append(Diagnostic(.syntax, SheetPhrase.unclosedDelimiter(delimiter), at: source.location(ofOffset: i)))
                i = from; continue
            }
            i += 1
        }
        return out
    }

    /// The headings that start exercises, outside mathematics.
    func exercises(outside regions: [MathRegion]) -> [ExerciseStart] {
        var out: [ExerciseStart] = []
        var lineStart = 0
        let b = source.bytes
        var regionIndex = 0
        for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "\n") {
            while regionIndex < regions.count && regions[regionIndex].end < lineStart { regionIndex += 1 }
            let insideMath = regionIndex < regions.count && regions[regionIndex].start <= lineStart && lineStart < regions[regionIndex].end
            if !insideMath {
                let line = String(decoding: b[lineStart..<i], as: UTF8.self)
                if let title = ExerciseHeading.title(of: line) {
                    out.append(ExerciseStart(offset: lineStart, title: String(title.prefix(60))))
                }
            }
            lineStart = i + 1
        }
        // The items of an enumerate of problems after the sheet's last heading (its title).
        let items = self.items(outside: regions)
        guard let first = items.first, out.allSatisfy({ $0.offset < first.offset }) else { return out }
        let since = out.last?.offset ?? 0
        return regions.contains(where: { $0.start > since && $0.start < first.offset }) ? out : out + items
    }

    /// A sheet with no heading whose exercises are the items of an enumerate: each `\item` of
    /// the outermost enumerate starts one, when the first comes before any mathematics (else the
    /// items are questions about a statement above them, and share its definitions).
    private func items(outside regions: [MathRegion]) -> [ExerciseStart] {
        let b = source.bytes
        var out: [ExerciseStart] = []
        var depth = 0
        var lineStart = 0
        for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "\n") {
            let line = String(decoding: b[lineStart..<i], as: UTF8.self).trimmed
            if !line.hasPrefix("%") {
                if depth == 1, line.hasPrefix("\\item"), !(line.dropFirst(5).first?.isLetter ?? false),
                   !regions.contains(where: { $0.start <= lineStart && lineStart < $0.end }) {
                    out.append(ExerciseStart(offset: lineStart, title: String(line.prefix(60))))
                }
                depth += line.components(separatedBy: "\\begin{enumerate}").count - 1
                depth -= line.components(separatedBy: "\\end{enumerate}").count - 1
            }
            lineStart = i + 1
        }
        return out
    }
}

private extension String {
    var replacingBegin: String { "\\end" + dropFirst("\\begin".count) }
}
