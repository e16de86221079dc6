import Testing
@testable import Nabla

/// Sheets with known verdicts. The truth was worked out by hand and with SymPy:
/// - exercise 1: ∇g, ∇f and ∇(g∘f) are right; in f∘g the exponents are wrong wherever the entry
///   is not zero (g₁ is 3x₁ − 2x₂ + x₃, not 3x₁ + 2x₂ + x₃; g₃ has −3x₁, not +3x₁);
/// - exercise 2 (y₁ = 1, y₂ = 0): ∇f and both forms of ∇softmax are right; ∇loss is (−1/x₁, 0),
///   not (1/x₁, 0); ∇(loss∘softmax) is (−e^{x₂}, e^{x₂})/(e^{x₁} + e^{x₂}), so both links of
///   that chain are wrong; the last display has an unbalanced brace.
@Suite struct SheetCheckerTests {
    struct Expected: Equatable, CustomStringConvertible {
        let line: Int, target: String, part: String?, verdict: CheckReport.Verdict, wrongEntries: [String]
        var description: String { "\(line) \(target) \(part ?? "") \(verdict) \(wrongEntries)" }
    }

    func verdicts(_ file: String) throws -> (CheckReport, [Expected]) {
        let source = SourceText(name: file, text: try Fixtures.text("sheets/\(file)"))
        let report = SheetChecker(source: source).check()
        return (report, report.claims.map {
            Expected(line: $0.location.line, target: $0.target, part: $0.part?.text(in: .en), verdict: $0.verdict,
                     wrongEntries: $0.wrongEntries.map { "(\($0.row),\($0.column))" })
        })
    }

    @Test func seedSheetEveryMistakeAndNoFalseAlarm() throws {
        let (report, got) = try verdicts("seed-transcription.md")
        #expect(got == [
            Expected(line: 11, target: "g", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 13, target: "f", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 17, target: "g∘f", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 21, target: "f∘g", part: "column 1", verdict: .wrong, wrongEntries: ["(1,1)", "(2,1)"]),
            Expected(line: 23, target: "f∘g", part: "column 2", verdict: .wrong, wrongEntries: ["(1,2)", "(2,2)", "(3,2)"]),
            Expected(line: 25, target: "f∘g", part: "column 3", verdict: .wrong, wrongEntries: ["(1,3)", "(2,3)"]),
            Expected(line: 35, target: "f", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 37, target: "softmax", part: "link 1 of 2", verdict: .correct, wrongEntries: []),
            Expected(line: 37, target: "softmax", part: "link 2 of 2", verdict: .correct, wrongEntries: []),
            Expected(line: 39, target: "loss", part: nil, verdict: .wrong, wrongEntries: ["(1,1)"]),
            Expected(line: 43, target: "loss∘softmax", part: "link 1 of 2", verdict: .wrong, wrongEntries: ["(1,1)", "(1,2)"]),
            Expected(line: 43, target: "loss∘softmax", part: "link 2 of 2", verdict: .wrong, wrongEntries: ["(1,1)", "(1,2)"]),
        ])
        #expect(report.errors.map { "\($0.location!): \($0.message)" } == ["47:183: unbalanced brace: this '{' is never closed (1 unclosed)"])
        let column1 = report.claims[3]
        #expect(column1.wrongEntries[0].diagnosis == "the exponent has +2x_2, expected -2x_2")
        #expect(column1.wrongEntries[1].diagnosis == "the exponent has +2x_1, expected -4x_1")
        #expect(report.claims[9].wrongEntries[0].diagnosis == "sign error: the claimed entry is the opposite of the expected one")
        #expect(report.claims[10].message == "the first factor, ∇loss(softmax(x)), is wrong: it is (-exp(-x_1)·(exp(x_1) + exp(x_2)), 0)")
        #expect(report.claims[11].message == "every entry has the wrong sign")
        #expect(report.exitStatus == 1)
    }

    @Test func englishSheetWithOtherNotations() throws {
        let (report, got) = try verdicts("sigmoid-en.tex")
        #expect(got == [
            Expected(line: 5, target: "u", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 7, target: "u", part: nil, verdict: .wrong, wrongEntries: ["(1,2)", "(2,1)"]),
            // σ' = σ(1 - σ) in the prose: σ without its argument cannot be read, so it is not checked.
            Expected(line: 8, target: "sigma", part: nil, verdict: .unchecked, wrongEntries: []),
            Expected(line: 10, target: "v∘u", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 13, target: "v∘u", part: nil, verdict: .wrong, wrongEntries: ["(1,1)"]),
            Expected(line: 17, target: "f", part: nil, verdict: .correct, wrongEntries: []),
            Expected(line: 18, target: "f", part: nil, verdict: .wrong, wrongEntries: ["(1,2)"]),
        ])
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.claims[1].message == "the matrix is transposed (rows and columns swapped)")
        #expect(report.claims[4].wrongEntries[0].diagnosis == "this is ∂v/∂(argument 1) at u(x) without the inner derivative ∂u/∂x")
    }

    @Test func chainFactorsInTheWrongOrderAndEvaluatedAtX() throws {
        let sheet = """
            Exercise 1
            $$g(x_1, x_2) = \\begin{pmatrix} x_1 + x_2 \\\\ x_1 x_2 \\end{pmatrix}, \\quad h(u_1, u_2) = \\begin{pmatrix} u_1^2 \\\\ u_1 + 3u_2 \\end{pmatrix}$$
            $$\\nabla(h \\circ g) = \\begin{pmatrix} 1 & 1 \\\\ x_2 & x_1 \\end{pmatrix} \\begin{pmatrix} 2(x_1 + x_2) & 0 \\\\ 1 & 3 \\end{pmatrix}$$
            $$\\nabla(h \\circ g) = \\begin{pmatrix} 2x_1 & 0 \\\\ 1 & 3 \\end{pmatrix} \\begin{pmatrix} 1 & 1 \\\\ x_2 & x_1 \\end{pmatrix}$$
            $$\\nabla(h \\circ g) = \\begin{pmatrix} 2(x_1 + x_2) & 0 \\\\ 1 & 3 \\end{pmatrix} \\begin{pmatrix} 1 & 1 \\\\ x_2 & x_1 \\end{pmatrix}$$
            """
        let report = SheetChecker(source: SourceText(name: "order.md", text: sheet)).check()
        #expect(report.claims.map(\.verdict) == [.wrong, .wrong, .correct])
        #expect(report.claims[0].message?.hasPrefix("the chain-rule factors are multiplied in the wrong order") == true)
        #expect(report.claims[1].message == "∇h is evaluated at x instead of at g(x)")
    }

    @Test func malformedFormulasDoNotStopTheCheck() {
        let sheet = "Exercise 1\n$f(x) = x^2$\n$$\\nabla f = \\frac{2x}{$$\n$$\\nabla f = 2x$$\n$$\\nabla f = 3x$$\n"
        let report = SheetChecker(source: SourceText(name: "m.md", text: sheet)).check()
        #expect(report.errors.count == 1)
        #expect(report.claims.map(\.verdict) == [.correct, .wrong])
        #expect(report.claims[1].wrongEntries.first?.diagnosis == "off by a factor of 3/2")
    }

    /// Random edits of a real sheet: the checker ends well within its time limit, reads something,
    /// and reports the same thing byte for byte when run again.
    @Test(arguments: 0..<120) func mutatedSheets(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        var bytes = Array(try Fixtures.text("sheets/seed-transcription.md").utf8)
        let alphabet = Array("{}\\^_&$()+-=x1e ".utf8)
        for _ in 0..<Int.random(in: 1...8, using: &g) {
            let i = Int.random(in: 0..<bytes.count, using: &g)
            if Bool.random(using: &g) { bytes[i] = alphabet.randomElement(using: &g)! } else { bytes.remove(at: i) }
        }
        let source = SourceText(name: "mutant", bytes: bytes)
        let report = SheetChecker(source: source, budget: Budget(seconds: 20)).check()
        #expect(!report.errors.contains { $0.kind == .timeLimit }, "seed \(seed): the checker ran past 20 s")
        #expect(report.claims.count + report.errors.count > 0, "seed \(seed)")
        let again = SheetChecker(source: source).check()
        let renderer = CheckRenderer(source: source, language: .en)
        #expect(renderer.text(report) == renderer.text(again), "seed \(seed): two runs disagree")
    }

    /// Random edits of the examples that still solve: every claim their worked solution writes is
    /// judged correct (a false alarm here is a bug of the checker or of the writer).
    @Test func mutatedExamplesRoundTrip() throws {
        let examples = [try Fixtures.example("chain-rule.nabla"), try Fixtures.example("logistic-regression.nabla")]
        let alphabet = Array("0123456789+-*x".utf8)
        var solved = 0, claims = 0
        for seed in UInt64(0)..<80 {
            var g = SeededGenerator(seed: 700 + seed)
            var bytes = Array(examples[Int(seed % 2)].utf8)
            // Edit inside definitions only (lines with '='), so that most mutants still read.
            let editable = bytes.indices.filter { i in bytes[i] != UInt8(ascii: "\n") && lineHasEquals(bytes, i) && bytes[i] != UInt8(ascii: "=") }
            for _ in 0..<Int.random(in: 1...3, using: &g) {
                bytes[editable.randomElement(using: &g)!] = alphabet.randomElement(using: &g)!
            }
            guard let doc = try? Document(source: SourceText(name: "m.nabla", bytes: bytes)), !doc.results.isEmpty else { continue }
            solved += 1
            for format in [WorkedSolutionWriter.Format.latex, .markdown] {
                let text = WorkedSolutionWriter(store: doc.store, language: seed % 3 == 0 ? .fr : .en, format: format)
                    .document(WorkedSolution(results: doc.results, values: doc.values), title: "m")
                let report = SheetChecker(source: SourceText(name: "m.tex", text: text)).check()
                claims += report.claims.count
                #expect(report.wrongCount == 0, "seed \(700 + seed), \(format): \(report.claims.filter { $0.verdict == .wrong }.map(\.target))\n\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(solved >= 15 && claims >= 300, "only \(solved) mutants solved, \(claims) claims checked")
    }

    private func lineHasEquals(_ bytes: [UInt8], _ i: Int) -> Bool {
        var start = i, end = i
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return bytes[start..<end].contains(UInt8(ascii: "=")) && bytes[start] != UInt8(ascii: "#") && !bytes[start..<end].starts(with: Array("let".utf8))
    }
}

@Suite struct SheetNotationTests {
    @Test func frenchSheetWithPartialsJacobianNotationAndAlign() throws {
        let source = SourceText(name: "feuille-fr.tex", text: try Fixtures.text("sheets/feuille-fr.tex"))
        let report = SheetChecker(source: source).check()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.claims.map { "\($0.location.line) \($0.target) \($0.part?.text(in: .en) ?? "-") \($0.verdict)" } == [
            "10 h ∂/∂x correct", "10 h ∂/∂y wrong",
            "14 h∘k link 1 of 3 correct", "15 h∘k link 2 of 3 correct", "16 h∘k link 3 of 3 correct",
            "21 h - correct", "22 h - wrong",
        ])
        #expect(report.claims[1].wrongEntries.first?.diagnosis == "off by a factor of 1/2")
        #expect(report.claims[6].wrongEntries.first?.diagnosis == "sign error: the claimed entry is the opposite of the expected one")
    }

    /// A factor left out or written twice is named, and the expected entry is shown simplified.
    @Test func aMissingOrExtraFactorIsNamed() {
        let sheet = """
            Let $p(w_1, b) = \\sigma(w_1 a_1 + b)$ with $\\sigma(z) = \\frac{1}{1 + e^{-z}}$, and $L(q) = -\\log(q)$.

            $$\\nabla(L \\circ p)(w_1, b) = \\begin{pmatrix} \\sigma(w_1 a_1 + b) - 1 & \\sigma(w_1 a_1 + b) - 1 \\end{pmatrix}$$

            $$\\nabla p(w_1, b) = \\begin{pmatrix} a_1^2 \\sigma(w_1 a_1 + b)(1 - \\sigma(w_1 a_1 + b)) & \\sigma(w_1 a_1 + b)(1 - \\sigma(w_1 a_1 + b)) \\end{pmatrix}$$
            """
        let report = SheetChecker(source: SourceText(name: "factor.md", text: sheet)).check()
        #expect(report.claims.count == 2)
        guard report.claims.count == 2 else { return }
        let missing = report.claims[0].wrongEntries.first, extra = report.claims[1].wrongEntries.first
        #expect(missing?.diagnosis == "the factor a_1 is missing")
        #expect(missing?.finding?.text(in: .fr) == "il manque le facteur a_1")
        #expect(extra?.diagnosis == "it has an extra factor a_1")
        #expect(extra?.finding?.text(in: .fr) == "le facteur a_1 est en trop")
    }

    /// Every entry of a claim has its own verdict in the report and in JSON (a page colours each);
    /// the text report shows the wrong ones only.
    @Test func everyEntryHasAVerdict() throws {
        let sheet = "Let $f(x, y) = x^2 y$.\n\n$$\\nabla f(x, y) = \\begin{pmatrix} 2xy & x \\end{pmatrix}$$\n"
        let source = SourceText(name: "e.md", text: sheet)
        let report = SheetChecker(source: source).check()
        let claim = try #require(report.claims.first)
        #expect(claim.entries.map(\.verdict) == [.correct, .wrong])
        #expect(claim.wrongEntries.map(\.column) == [2])
        let renderer = CheckRenderer(source: source, colors: false, language: .en)
        let json = renderer.json(report)
        #expect(json.contains("{\"row\": 1, \"col\": 1, \"verdict\": \"correct\", \"claimed\": \"2x·y\", \"expected\": \"2x·y\"}"), "\(json)")
        #expect(json.contains("\"row\": 1, \"col\": 2, \"verdict\": \"wrong\""))
        #expect(!renderer.text(report).contains("entry (1,1)"))
    }

    /// `nabla solve` on a sheet answers what its statements ask, with the values they give.
    @Test func solvingTheSeedSheet() throws {
        let source = SourceText(name: "seed.md", text: try Fixtures.text("sheets/seed-transcription.md"))
        let solved = SheetChecker(source: source).solve()
        let printer = ExpressionPrinter(store: solved.store, notation: .text)
        #expect(solved.results.map(\.target) == ["g∘f", "f∘g", "F"])
        let gradient = solved.results[2].matrix.entries.map(printer.string)
        #expect(gradient == [
            "(w_2_1 - w_1_1)/(exp(w_1_1·x_1 + w_1_2·x_2 - w_2_1·x_1 - w_2_2·x_2) + 1)",
            "(w_2_2 - w_1_2)/(exp(w_1_1·x_1 + w_1_2·x_2 - w_2_1·x_1 - w_2_2·x_2) + 1)",
        ])
    }
}

@Suite struct MoreSheetTests {
    func summary(_ file: String) throws -> [String] {
        let report = SheetChecker(source: SourceText(name: file, text: try Fixtures.text("sheets/\(file)"))).check()
        #expect(report.errors.isEmpty, "\(report.errors)")
        return report.claims.map { c in
            "\(c.location.line) \(c.target) \(c.part?.text(in: .en) ?? "-") \(c.verdict)"
                + (c.finding.map { ": \($0.text(in: .en))" } ?? "")
                + c.wrongEntries.map { " (\($0.row),\($0.column))" + ($0.finding.map { " \($0.text(in: .en))" } ?? "") }.joined()
        }
    }

    @Test func logisticUnitInMarkdown() throws {
        #expect(try summary("logistic-unit-en.md") == [
            "7 p ∂/∂w_1 correct",
            "8 p ∂/∂b correct",
            "11 p - wrong: 2 of 2 entries are wrong (1,1) (1,2)",
            "18 w∘u - wrong: the chain-rule factors are multiplied in the wrong order: ∇u · ∇w instead of ∇w(u(x)) · ∇u(x) (1,1) (1,2) (2,1) (2,2)",
            "21 w∘u column 2 correct",
        ])
    }

    @Test func productRuleInFrench() throws {
        #expect(try summary("produit-fr.md") == [
            "5 q link 1 of 2 correct",
            "6 q link 2 of 2 correct",
            "10 q - wrong: the entry is wrong (1,1)",
            "13 r - correct",
            "13 r - wrong: the entry is wrong (1,1) off by a factor of 2",
        ])
    }

    @Test func reportInFrench() throws {
        let source = SourceText(name: "feuille-fr.tex", text: try Fixtures.text("sheets/feuille-fr.tex"))
        let text = CheckRenderer(source: source, language: .fr).text(SheetChecker(source: source).check())
        #expect(text.contains("feuille-fr.tex:10:104: ✗ faux: ∇h ∂/∂y: l'entrée est fausse\n"))
        #expect(text.contains("décalé d'un facteur 1/2"))
        #expect(text.hasSuffix("7 affirmations : 5 justes, 2 fausses, 0 non vérifiée\n"))
    }
}

@Suite struct ScalarAndSafetyTests {
    @Test func derivativeNotationBrokenLinksAndForeignSymbols() {
        let sheet = """
            Exercise 1
            $\\sigma(t) = \\frac{1}{1 + e^{-t}}$
            $$\\sigma'(t) = \\sigma(t)(1 - \\sigma(t))$$
            $$\\sigma'(u) = \\frac{e^{-u}}{(1 + e^{-u})^2} = \\frac{e^{u}}{(1 + e^{-u})^2}$$
            $$G(x_1, x_2) = \\begin{pmatrix} x_1 + x_2 \\\\ x_1 - x_2 \\end{pmatrix}, \\quad F(y_1, y_2) = y_1 y_2$$
            $$\\nabla(F \\circ G) = \\begin{pmatrix} y_2 + y_1 & y_2 - y_1 \\end{pmatrix}$$
            """
        let report = SheetChecker(source: SourceText(name: "s.md", text: sheet)).check()
        #expect(report.claims.map(\.verdict) == [.correct, .correct, .wrong, .unchecked])
        #expect(report.claims[2].finding == .brokenLink)
        // Written in the inner variables y = G(x): not checked, and above all not called wrong.
        #expect(report.claims[3].finding == .foreignSymbols(["y_1", "y_2"]))
    }
}

@Suite struct ValueAndNotationTests {
    @Test func compositionValuesOtherJacobianNotationsAndAnAmbiguousE() throws {
        let source = SourceText(name: "v.md", text: try Fixtures.text("sheets/values-and-notations-en.md"))
        let report = SheetChecker(source: source).check()
        #expect(report.errors.isEmpty)
        #expect(report.claims.map { "\($0.location.line) \($0.target) \($0.part?.text(in: .en) ?? "-") \($0.verdict)" } == [
            "3 F∘G value, link 1 of 2 correct", "3 F∘G value, link 2 of 2 correct", "4 F∘G value wrong",
            "5 F∘G - correct", "5 G - correct", "8 h - unchecked",
            "11 F - correct", "11 F - wrong",
        ])
        #expect(report.claims[5].finding == .ambiguousE)
        #expect(report.warnings.map { $0.location?.description } == ["7:5"])
    }
}

/// Found in review; each kept as a test.
@Suite struct SheetReviewRegressionTests {
    func check(_ text: String) -> CheckReport { SheetChecker(source: SourceText(name: "r.md", text: text)).check() }

    @Test func separatorsInTextDoNotHang() {
        let r = check("Exercise 1\n$f(x) = x^2 \\text{ et } g(x) = 3x$\n$\\text{où}$\n$$\\nabla f = 2x \\text{ and } \\nabla g = 3$$\n")
        #expect(r.claims.map(\.verdict) == [.correct, .correct])
    }

    @Test func emptyMatricesAndDeepNestingAreErrorsNotCrashes() {
        let empty = check("$$f(x_1, x_2) = x_1 x_2$$\n$$\\text{colonne}_1 \\nabla f = \\begin{pmatrix}\\end{pmatrix}$$\n")
        #expect(empty.errors.map(\.message) == ["this matrix is empty"])
        let roots = check("$$f(x) = " + String(repeating: "\\sqrt", count: 20_000) + " x$$\n")
        #expect(roots.errors.first?.kind == .nestingTooDeep)
        let divisions = check("$$f(x) = 1" + String(repeating: "/x", count: 100_000) + "$$\n")
        #expect(divisions.errors.first?.kind == .nestingTooDeep)
        let powers = check("$$f(x) = x" + String(repeating: "^2", count: 100_000) + "$$\n")
        #expect(powers.errors.first?.kind == .nestingTooDeep)
    }

    @Test func manyUnclosedDisplaysAreScannedOnce() {
        let r = check(String(repeating: "\\[ x ", count: 50_000))
        #expect(r.errors.count == 50_000)
    }

    @Test func chainsOfBuiltinsAreLinear() throws {
        let text = "g(x) = (x, 2x)\njacobian " + Array(repeating: "exp", count: 40).joined(separator: "∘") + "∘g\n"
        let doc = try solve(text)
        #expect(doc.results[0].links.count == 41)
    }

    @Test func claimsAtAnotherPointAreNotJudged() {
        let r = check("""
            Exercise 1
            $$f(x_1, x_2) = \\begin{pmatrix} x_1 + x_2 \\\\ x_1 x_2 \\end{pmatrix}, \\quad h(u_1, u_2) = u_1^2 + u_2$$
            $$\\nabla h(f(x)) : \\begin{pmatrix} x_1 \\\\ x_2 \\end{pmatrix} \\rightarrow \\begin{pmatrix} 2(x_1 + x_2) & 1 \\end{pmatrix}$$
            $$h \\circ f(x_1, x_2) = u_1^2 + u_2$$
            """)
        #expect(r.claims.map(\.verdict) == [.unchecked, .unchecked])
        #expect(r.claims[0].finding == .evaluatedElsewhere)
        #expect(r.claims[1].finding == .foreignSymbols(["u_1", "u_2"]))
    }

    @Test func valuesOfKnownFunctionsAndOtherLayouts() {
        let r = check("""
            Exercise 1
            $$F(x_1, x_2) = x_1^2 x_2$$
            $$F(x_1, x_2) = x_2 x_1^2$$
            $$\\nabla F = \\begin{pmatrix} 2 x_1 x_2 \\\\ x_1^2 \\end{pmatrix}$$
            $$G(x_1, x_2) = \\begin{pmatrix} x_1 + x_2 \\\\ x_1 - x_2 \\end{pmatrix}$$
            $$\\text{colonne}_2 \\nabla G = (1, -1)$$
            $$\\nabla^{2} F = \\begin{pmatrix} 2x_2 & 2x_1 \\\\ 2x_1 & 0 \\end{pmatrix}$$
            """)
        #expect(r.claims.map(\.verdict) == [.correct, .correct, .correct, .unchecked])
        #expect(r.claims[3].finding == .hessianNotRead)
    }
}
