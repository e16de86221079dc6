import Testing
@testable import Nabla
@testable import NablaSheets

/// The scanner of sheets: which pieces of a Markdown or LaTeX text are mathematics, exactly
/// where they start, what they hold, and the headings that start exercises.
@Suite struct MathRegionTests {
    /// A region as the test compares it: its text (delimiters excluded), its kind, where it starts.
    struct Found: Equatable, CustomStringConvertible {
        let text: String
        let isDisplay: Bool
        let line: Int
        let column: Int
        init(_ text: String, display: Bool, _ line: Int, _ column: Int) {
            self.text = text; self.isDisplay = display; self.line = line; self.column = column
        }
        var description: String { "\(isDisplay ? "display" : "inline") \(line):\(column) \(text.debugDescription)" }
    }

    private func scan(_ text: String, name: String = "sheet.md") -> (regions: [Found], problems: [String]) {
        let source = SourceText(name: name, text: text)
        var problems: [Diagnostic] = []
        let regions = SheetScanner(source: source).regions(&problems)
        let found = regions.map { r in
            let at = source.location(ofOffset: r.start)
            return Found(String(decoding: source.bytes[r.start..<r.end], as: UTF8.self), display: r.isDisplay, at.line, at.column)
        }
        return (found, problems.map { $0.render(in: source) })
    }

    @Test func theFourDelimitersOfMarkdown() {
        let text = #"""
            Let $f(x) = x^2$, at \$5 each.
            $$
            g(y) = \sin y
            $$
            Then \[h = 1\] and \(k\).
            """#
        let (regions, problems) = scan(text)
        #expect(problems.isEmpty)
        #expect(regions == [
            Found("f(x) = x^2", display: false, 1, 6),
            Found("\ng(y) = \\sin y\n", display: true, 2, 3),     // starts right after `$$`, at the newline
            Found("h = 1", display: true, 5, 8),
            Found("k", display: false, 5, 22),
        ])
    }

    @Test func environmentsStarredOrNot() {
        let text = #"""
            \begin{align*}
            a &= 1 \\
            b &= 2
            \end{align*}
            \begin{equation} c = 3 \end{equation}
            \begin{gather}d\end{gather}
            \begin{eqnarray*}e\end{eqnarray*}
            \begin{multline}m\end{multline}
            \begin{itemize}\item $z$\end{itemize}
            """#
        let (regions, problems) = scan(text, name: "sheet.tex")
        #expect(problems.isEmpty)
        #expect(regions == [
            Found("\na &= 1 \\\\\nb &= 2\n", display: true, 1, 15),
            Found(" c = 3 ", display: true, 5, 17),
            Found("d", display: true, 6, 15),
            Found("e", display: true, 7, 18),
            Found("m", display: true, 8, 17),
            // Another environment is prose: only the mathematics inside it counts.
            Found("z", display: false, 9, 23),
        ])
    }

    @Test func escapedDollarsAndAdjacentDelimiters() {
        // An escaped dollar inside mathematics does not close it.
        #expect(scan(#"$a \$ b$ and $c$"#).regions == [Found(#"a \$ b"#, display: false, 1, 2), Found("c", display: false, 1, 15)])
        // An escaped dollar in prose opens nothing.
        #expect(scan(#"It costs \$5 or \$6."#).regions == [])
        #expect(scan(#"It costs \$5 or \$6."#).problems == [])
        // A LaTeX line break right before a dollar: the dollar is not escaped.
        #expect(scan(#"\\$x$"#).regions == [Found("x", display: false, 1, 4)])
        // Displays back to back, with prose between them.
        #expect(scan("$$a$$b$$c$$").regions == [Found("a", display: true, 1, 3), Found("c", display: true, 1, 9)])
        // Two inline formulas that touch are two formulas, not a display.
        #expect(scan("$a$$b$").regions == [Found("a", display: false, 1, 2), Found("b", display: false, 1, 5)])
        // Columns count characters: the accented letters before the formula are one column each.
        #expect(scan("Soit é à $x$").regions == [Found("x", display: false, 1, 11)])
    }

    @Test func unclosedDelimitersAreReportedAndTheScanGoesOn() {
        let money = scan(#"costs $5 \(x\)"#)
        #expect(money.problems == [#"""
            sheet.md:1:7: error: $ is never closed
              costs $5 \(x\)
                    ^
            """#])
        #expect(money.regions == [Found("x", display: false, 1, 12)])

        let display = scan("a\n\\[ b $c$")
        #expect(display.problems.count == 1)
        #expect(display.problems.first?.hasPrefix("sheet.md:2:1: error: \\[ is never closed") == true)
        #expect(display.regions == [Found("c", display: false, 2, 7)])

        #expect(scan(#"\( x"#).problems.first?.hasPrefix(#"sheet.md:1:1: error: \( is never closed"#) == true)
        #expect(scan("x $$ y").problems.first?.hasPrefix("sheet.md:1:3: error: $$ is never closed") == true)
        let environment = scan(#"\begin{align*} x = 1"#, name: "s.tex")
        #expect(environment.problems.first?.hasPrefix(#"s.tex:1:1: error: \begin{align*} is never closed"#) == true)
        #expect(environment.regions == [])
    }

    @Test func unclosedDelimiterInFrench() {
        let source = SourceText(name: "feuille.md", text: "prix $5")
        var problems: [Diagnostic] = []
        _ = SheetScanner(source: source).regions(&problems)
        #expect(problems.map { $0.render(in: source, language: .fr) } == ["""
            feuille.md:1:6: erreur: $ n'est jamais fermé
              prix $5
                   ^
            """])
    }

    /// `alignat` is not one of the environments the scanner knows, but it starts with `align`:
    /// the scanner once took `\begin{alignat}` for an `align` never closed, an error in a
    /// well-formed sheet.
    @Test func anEnvironmentWhoseNameExtendsAKnownOne() {
        let found = scan(#"\begin{alignat}{2} q &= 1 \end{alignat}"#, name: "s.tex")
        #expect(found.problems == [])
    }

    /// A heading word is matched whole: a sentence of prose that starts with "Problems" or
    /// "Exercises" does not start a new exercise (it once did, and the definitions before it were
    /// forgotten).
    @Test func proseThatStartsWithAHeadingWord() {
        let source = SourceText(name: "sheet.md", text: "# Problem 1\nLet $p(x) = x^3$.\nProblems of this kind are common.\nExercises help.\n")
        var problems: [Diagnostic] = []
        let scanner = SheetScanner(source: source)
        let starts = scanner.exercises(outside: scanner.regions(&problems))
        #expect(starts.map(\.offset) == [0])
    }

    @Test func exerciseHeadingsOutsideMathematics() {
        let lines = [
            "# Exercise 1",
            "Let $f(x) = x$.",
            "## Exercice 2 : dérivées",
            "$$",
            "Problem inside a display",
            "$$",
            #"\section{Gradients}"#,
            "  problème 4",
            "Nothing here",
            "**PROBLEM 5",
        ]
        let text = lines.joined(separator: "\n")
        let source = SourceText(name: "sheet.md", text: text)
        var problems: [Diagnostic] = []
        let scanner = SheetScanner(source: source)
        let starts = scanner.exercises(outside: scanner.regions(&problems))
        #expect(problems.isEmpty)
        // Byte offsets of the line starts, counted from the lines themselves.
        func lineStart(_ k: Int) -> Int { lines[..<k].reduce(0) { $0 + $1.utf8.count + 1 } }
        #expect(starts.map(\.offset) == [0, 2, 6, 7, 9].map(lineStart))
        #expect(starts.map(\.title) == ["Exercise 1", "Exercice 2 : dérivées", "Gradients", "problème 4", "PROBLEM 5"])
    }

    /// Comments hold no mathematics: a `$$` inside `<!-- -->` no longer breaks the sheet, and a
    /// LaTeX line commented out with `%` is not read (`\%` is a percent sign).
    @Test func commentsAreSkipped() {
        let markdown = scan("Let $f(x) = x^2$.\n<!-- draft: $$ \\nabla f = 0 -->\n$$\\nabla f(x) = 2x$$\n", name: "c.md")
        #expect(markdown.problems.isEmpty)
        #expect(markdown.regions.map(\.text) == ["f(x) = x^2", "\\nabla f(x) = 2x"])
        let latex = scan("% \\[ \\nabla f = 0 \\]\n50\\% of $x$ % and $y$\n\\[ z \\]\n", name: "c.tex")
        #expect(latex.regions.map(\.text) == ["x", " z "])
        #expect(ExerciseHeading.title(of: "% \\section{Exercise 9}") == nil)
    }
}
