import Foundation
import Testing
@testable import Nabla

/// What a new user types in the first hour, run on the built binary: every command does what
/// they expect, says what is wrong in their own terms, and exits with the documented status.
@Suite struct NewcomerPathTests {
    let e2e = EndToEndTests()

    func file(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-newcomer-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: 1. --wrt takes several values

    @Test func wrtTakesVariablesSeparatedBySpaces() throws {
        let spaced = try e2e.run(["jacobian", "x^2 + y^2", "--wrt", "x", "y"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout == "∇f(x, y) =\n[ 2x   2y ]\n")
        let commas = try e2e.run(["jacobian", "x^2 + y^2", "--wrt", "x,y"])
        #expect(commas.stdout == spaced.stdout)
        // An expression after --wrt is not silently taken as a variable.
        let misplaced = try e2e.run(["jacobian", "--wrt", "x", "x*y"])
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("'x*y' after --wrt is not a variable name; give the expressions before --wrt"))
    }

    // MARK: 2. wrt in files and on the command line

    static let perceptron = """
        layer(x1, x2) = (w11 x1 + w12 x2, w21 x1 + w22 x2)
        loss(p1, p2) = -y1 log(p1) - y2 log(p2)
        let y1 = 1, y2 = 0
        F = loss∘softmax∘layer
        gradient F wrt w11, w12, w21, w22
        hessian F wrt w11 w12
        """

    /// The oracle: central differences of the composed function, at seeded random points.
    @Test(arguments: [UInt64(11), 97]) func gradientWithRespectToWeightsMatchesFiniteDifferences(seed: UInt64) throws {
        let doc = try solve(Self.perceptron)
        let gradient = doc.results[0], hessian = doc.results[1]
        #expect(gradient.variables == ["w11", "w12", "w21", "w22"] && gradient.matrix.columns == 4)
        #expect(hessian.matrix.rows == 2 && hessian.matrix.columns == 2)
        var g = SeededGenerator(seed: seed)
        let names = ["x1", "x2", "w11", "w12", "w21", "w22"]
        var compared = 0
        for _ in 0..<8 {
            var point = Dictionary(uniqueKeysWithValues: names.map { ($0, Double.random(in: -1.5...1.5, using: &g)) })
            let got = doc.store.evaluate(gradient.matrix.entries, at: point)
            let secondGot = doc.store.evaluate(hessian.matrix.entries, at: point)
            for (j, w) in gradient.variables.enumerated() {
                let h = 1e-6, v = point[w]!
                point[w] = v + h; let up = doc.store.evaluate(gradient.components, at: point)[0]
                let gUp = doc.store.evaluate(gradient.matrix.entries, at: point)
                point[w] = v - h; let down = doc.store.evaluate(gradient.components, at: point)[0]
                let gDown = doc.store.evaluate(gradient.matrix.entries, at: point)
                point[w] = v
                #expect(isClose(got[j], (up - down) / (2 * h), relative: 1e-6, absolute: 1e-8), "seed \(seed): ∂F/∂\(w)")
                if j < 2 {
                    for k in 0..<2 {
                        #expect(isClose(secondGot[k * 2 + j], (gUp[k] - gDown[k]) / (2 * h), relative: 1e-5, absolute: 1e-7), "seed \(seed): ∂²F/∂\(w)")
                    }
                }
                compared += 1
            }
        }
        #expect(compared == 32)
    }

    @Test func wrtOnTheCommandLineAndItsMistakes() throws {
        let path = try file("perceptron.nabla", Self.perceptron)
        let solved = try e2e.run(["solve", "Examples/logistic-regression.nabla", "--wrt", "w11,w12", "w21", "w22", "--format", "json"])
        #expect(solved.status == 0, "loss∘softmax has no weights: skipped, F is solved")
        #expect(solved.stderr.contains("warning: loss∘softmax skipped: w11 does not appear in loss∘softmax; its inputs are z1, z2"))
        #expect(solved.stdout.hasPrefix("{\"results\": [{\"target\": \"F\", \"command\": \"gradient\", \"variables\": [\"w11\", \"w12\", \"w21\", \"w22\"]"))
        let none = try e2e.run(["solve", "Examples/chain-rule.nabla", "--wrt", "w"])
        #expect(none.status == 2 && none.stderr.contains("error: g∘f skipped: w does not appear in g∘f"), "no target has w: an error")
        let fromFile = try e2e.run(["solve", path, "--format", "json"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("\"variables\": [\"w11\", \"w12\", \"w21\", \"w22\"]"))
        let value = try e2e.run(["solve", try file("wrt-value.nabla", "f(x) = a x^2\nlet a = 2\ngradient f wrt a\n")])
        #expect(value.status == 2 && value.stderr.contains("a has a value (given with let); it cannot also be a variable"))
        let inner = try e2e.run(["solve", try file("inner.nabla", Self.perceptron + "\ngradient F wrt z1\n")])
        #expect(inner.status == 2 && inner.stderr.contains("z1 is a parameter of softmax inside F, not a symbol of F; its inputs are x1, x2 and its constants w11, w12, w21, w22"))
        let defined = try e2e.run(["solve", "Examples/logistic-regression.nabla", "--wrt", "z1"])
        #expect(defined.status == 0 && defined.stderr.contains("warning: F skipped: z1 is a parameter of softmax inside F, not a symbol of F"))
        let french = try e2e.run(["solve", "Examples/logistic-regression.nabla", "--wrt", "z1", "--lang", "fr"])
        #expect(french.status == 0 && french.stderr.contains("avertissement: F ignoré : z1 "), "\(french.stderr)")
    }

    /// A builtin in a chain gets parameters a course would write (z1, z2), never internal names.
    @Test func builtinLinksHaveReadableParameters() throws {
        let doc = try solve(Self.perceptron)
        let softmax = try #require(doc.results[0].links.first { $0.name == "softmax" })
        #expect(softmax.parameters.compactMap(doc.store.symbolName) == ["z1", "z2"])
        let taken = try solve("layer(x1, x2) = (z1 x1, z2 x2)\nloss(p1, p2) = -log(p1)\nF = loss∘softmax∘layer\ngradient F\n")
        let other = try #require(taken.results[0].links.first { $0.name == "softmax" })
        #expect(other.parameters.compactMap(taken.store.symbolName) == ["u1", "u2"], "z1, z2 are the layer's constants")
    }

    /// The working of a wrt target reads back as correct, in every format and both languages.
    @Test func theWorkingWithRespectToWeightsChecksCorrect() throws {
        let doc = try solve(Self.perceptron)
        for language in [Language.en, .fr] {
            for format in [WorkedSolutionWriter.Format.latex, .markdown] {
                let text = WorkedSolutionWriter(store: doc.store, language: language, format: format)
                    .document(WorkedSolution(results: doc.results, values: doc.values), title: "p")
                #expect(text.contains("\\nabla_{w}"), "the chain rule says with respect to what")
                let report = SheetChecker(source: SourceText(name: "p.tex", text: text)).check()
                #expect(report.wrongCount == 0, "\(language) \(format): \(report.claims.filter { $0.verdict == .wrong })")
                #expect(report.correctCount >= 8, "\(language) \(format): \(report.correctCount) correct of \(report.claims.count)")
            }
        }
    }

    /// Sheets name the variables in words: "par rapport à $(w_1, w_2, b)$", "with respect to $a$".
    @Test func sheetsSayWithRespectToWhat() throws {
        let sheet = "Tests/NablaTests/Fixtures/sheets/wrt-fr.md"
        let checked = try e2e.run(["check", sheet])
        #expect(checked.stdout.contains("wrt-fr.md:10:14: ✓ correct: ∇p\n"), "\(checked.stdout)")
        #expect(checked.stdout.contains("wrt-fr.md:16:14: ✗ wrong: ∇q: the entry is wrong\n"))
        #expect(checked.stdout.contains("wrt-fr.md:20:35: ✓ correct: ∇q ∂/∂x\n"))
        #expect(!checked.stdout.contains("✗ wrong: ∇p"), "no false alarm")
        let solved = try e2e.run(["solve", sheet])
        #expect(solved.status == 0, "\(solved.stderr)")
        #expect(solved.stdout.contains("∇p(w_1, w_2, b) =") && solved.stdout.contains("∇q(a) =\n[ x/(exp(-a·x) + 1) ]"), "\(solved.stdout)")
        for language in ["en", "fr"] {
            let written = try file("wrt-\(language).tex", "")
            #expect(try e2e.run(["solve", sheet, "--steps", "--format", "latex", "--lang", language, "-o", written]).status == 0)
            let report = try e2e.run(["check", written])
            #expect(report.status == 0, "\(report.stdout)")
        }
    }

    // MARK: 4. Messages point into what the user typed

    @Test func messagesNameTheExpressionAndColumn() throws {
        let r = try e2e.run(["jacobian", "x*y", "max(x)", "--wrt", "x,y"])
        #expect(r.status == 2)
        #expect(r.stderr == "nabla: expression 2, column 1: error: max takes 2 arguments, not 1\n  max(x)\n  ^\n")
        let twice = try e2e.run(["jacobian", "x", "--wrt", "x,x"])
        #expect(twice.stderr == "nabla: error: the variable x is named twice\n")
        let steps = try e2e.run(["jacobian", "x*y", "--wrt", "x,y", "--steps", "--format", "latex"])
        #expect(steps.status == 0)
        #expect(!steps.stdout.contains("·input") && !steps.stdout.contains("{input}"))
        #expect(steps.stdout.contains("\\paragraph{Jacobian of $f$.}"))
    }

    // MARK: 5, 6. A good Unix tool

    @Test func versionSuggestionsAndExitCodes() throws {
        let version = try e2e.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("nabla "))
        let misspelt = try e2e.run(["solv", "Examples/chain-rule.nabla"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr == "nabla: unknown command 'solv'; did you mean 'solve'?\n")
        let fileOnly = try e2e.run(["Examples/chain-rule.nabla"])
        #expect(fileOnly.status == 2 && fileOnly.stderr.contains("did you mean: nabla solve Examples/chain-rule.nabla"))
        let usage = try e2e.run(["solve", "Examples/chain-rule.nabla", "--format", "pdf"])
        #expect(usage.status == 2, "usage errors exit 2, as the README says")
        let noFile = try e2e.run(["solve"])
        #expect(noFile.status == 2)
        let unknownOption = try e2e.run(["jacobian", "x", "--wrt", "x", "--formt", "latex"])
        #expect(unknownOption.status == 2 && unknownOption.stderr.contains("unknown option '--formt'"))
    }

    @Test func anExpressionMayStartWithAMinus() throws {
        let r = try e2e.run(["jacobian", "-log(x)", "--wrt", "x"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "∇f(x) =\n[ -1/x ]\n")
        let out = try file("minus.txt", "")
        let two = try e2e.run(["jacobian", "-x^2", "-x y", "--wrt", "x", "y", "-o", out])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "∇F(x, y) =\n⎡ -2x   0  ⎤\n⎣ -y    -x ⎦\n")
    }

    /// `-o` writes through what is not a regular file (`/dev/stdout`, a link) instead of
    /// replacing it; shown with a symbolic link, which is safe to replace in a test.
    @Test func outputWritesThroughLinksAndDevices() throws {
        let target = try file("target.txt", "")
        let link = target + ".link"
        try? FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try e2e.run(["jacobian", "x^2", "--wrt", "x", "-o", link])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: link))[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "∇f(x) =\n[ 2x ]\n")
    }

    @Test func timeoutStopsLongWorkWithAMessage() throws {
        let path = try file("long.nabla", BudgetTests.longChain)
        let r = try e2e.run(["solve", path, "--timeout", "0.05"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("long.nabla:3:1: error: stopped after 0.05 s while "), "\(r.stderr)")
        #expect(r.stderr.contains("(the time limit; see --timeout)"))
        let bad = try e2e.run(["solve", path, "--timeout", "0"])
        #expect(bad.status == 2 && bad.stderr.contains("--timeout must be a positive number of seconds"))
    }

    // MARK: 7. --steps on the terminal, help that names real files

    @Test func stepsOnTheTerminal() throws {
        let r = try e2e.run(["solve", "Examples/chain-rule.nabla", "--steps"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Worked solution: chain-rule.nabla\n═"))
        #expect(r.stdout.contains("By the chain rule, ∇(g∘f)(x) = ∇g(f(x)) · ∇f(x):"))
        #expect(r.stdout.contains("""
                                    ⎡ exp(x1 + x2)   exp(x1 + x2)   0            ⎤
                ∇f : (x1, x2, x3) → ⎢ 0              exp(x2 + x3)   exp(x2 + x3) ⎥
                                    ⎣ exp(x1 + x3)   0              exp(x1 + x3) ⎦
            """))
        let french = try e2e.run(["solve", "Examples/chain-rule.nabla", "--steps", "--lang", "fr"])
        #expect(french.stdout.hasPrefix("Corrigé: chain-rule.nabla\n"))
    }

    @Test func everyExampleInTheHelpAndTheReadmeNamesAFileThatExists() throws {
        var texts = [try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)]
        for command in [[], ["solve"], ["check"], ["eval"], ["codegen"], ["jacobian"]] {
            let r = try e2e.run(command + ["--help"])
            #expect(r.status == 0)
            texts.append(r.stdout)
        }
        var named = 0
        for text in texts {
            for match in text.matches(of: /(Examples|Tests)\/[A-Za-z0-9_\/.-]+\.(nabla|md|tex|csv|txt)/) {
                let path = String(match.output.0)
                #expect(FileManager.default.fileExists(atPath: Fixtures.packageRoot.appendingPathComponent(path).path), "\(path) does not exist")
                named += 1
            }
            #expect(!text.contains("../shared"), "a clone has no ../shared")
        }
        #expect(named >= 10)
    }

    // MARK: 8. Files that ask for nothing, or for what does not exist

    @Test func filesThatAskForNothingOrMisuseADefinition() throws {
        let nothing = try e2e.run(["solve", try file("nothing.nabla", "f(x, y) = x y\ng(t) = (t, t^2)\n")])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("nothing to compute: it defines f, g; add a command such as jacobian f"))
        let derive = try e2e.run(["solve", try file("derive.nabla", "f(x) = x^2\nderive f\n")])
        #expect(derive.status == 2 && derive.stderr.contains("2:1: error: unknown command derive; the commands are jacobian, gradient, hessian and derivative"))
        let bare = try e2e.run(["solve", try file("bare.nabla", "x = r cos(t)\n")])
        #expect(bare.status == 2 && bare.stderr.contains("nothing to compute: it defines x; add a command such as derivative x wrt …"))
        let value = try e2e.run(["solve", try file("value.nabla", "a = 2\n")])
        #expect(value.stderr.contains("to give a a value, write: let a = 2"))
    }

    // MARK: 9, 10. nabla eval

    @Test func evalPicksTargetsAndNamesEveryValue() throws {
        let points = try file("pts.csv", "x1,x2\n1,2\n0.5,-1\n")
        let weights = "w11=0.1,w12=0.2,w21=0.3,w22=0.4"
        let all = try e2e.run(["eval", "Examples/logistic-regression.nabla", "--points", points, "--let", weights])
        #expect(all.status == 0, "the other target is skipped")
        #expect(all.stdout.hasPrefix("F.value[1],F.J[1,1],F.J[1,2]\n"))
        #expect(all.stderr.contains("Examples/logistic-regression.nabla:12:1: warning: loss∘softmax not evaluated: \(points) has no column z1, z2"))
        let picked = try e2e.run(["eval", "Examples/logistic-regression.nabla", "--points", points, "--let", weights, "--target", "F"])
        #expect(picked.status == 0 && picked.stderr.isEmpty && picked.stdout == all.stdout)
        let missingWeight = try e2e.run(["eval", "Examples/logistic-regression.nabla", "--points", points, "--let", "w11=0.1", "--target", "F"])
        #expect(missingWeight.status == 2 && missingWeight.stderr.contains("logistic-regression.nabla:13:1: error: F not evaluated"))
        let noTarget = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1=1,x2=2,x3=3", "--target", "h"])
        #expect(noTarget.status == 2 && noTarget.stderr.contains("no target h in the file; its targets are g∘f, f∘g"))
        let typo = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1=1,x2=2,x3=3,zz=3"])
        #expect(typo.status == 2 && typo.stderr.contains("--at gives zz, which is no variable or constant of g∘f, f∘g"))
        let missing = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1=1,x2=2"])
        #expect(missing.status == 2 && missing.stderr.contains("error: g∘f not evaluated: x3 has no value"))
        let badCSV = try e2e.run(["eval", "Examples/chain-rule.nabla", "--points", try file("bad.csv", "x1,x2,x3\n1,2\n")])
        #expect(badCSV.status == 2 && badCSV.stderr.hasPrefix("\(FileManager.default.temporaryDirectory.path)"), "the CSV's own name")
        #expect(badCSV.stderr.contains("bad.csv:2:1: error: row 2 has 2 cells, the header has 3"))
    }

    // MARK: 11. The working of a Hessian

    @Test func theWorkingOfAHessian() throws {
        let doc = try solve("g(x, y) = (x y, x + y)\nh(u, v) = u^2 + v\nhessian h∘g")
        let text = WorkedSolutionWriter(store: doc.store, language: .fr, format: .markdown)
            .document(WorkedSolution(results: doc.results, values: doc.values), title: "t")
        #expect(text.contains("### Hessienne de $h \\circ g$"))
        #expect(text.contains("La hessienne est la jacobienne du gradient. D'abord le gradient :"))
        #expect(text.contains("$$\\nabla^{2}(h \\circ g) : \\begin{pmatrix} x \\\\ y \\end{pmatrix} \\rightarrow"))
        #expect(text.contains("By the chain rule") == false && text.contains("règle de dérivation en chaîne, $\\nabla(h \\circ g)(x, y) = \\nabla h(g(x, y))"))
        let report = SheetChecker(source: SourceText(name: "t.md", text: text)).check()
        #expect(report.wrongCount == 0)
    }

    /// With --lang fr, the reader's errors are French too, with the same places and carets.
    @Test func sheetErrorsInFrench() throws {
        let sheet = try file("mal.md", "Soit $f(x) = x^{2$.\n\n$$\\nabla f = \\begin{pmatrix} 2x & \\end{bmatrix}$$\n")
        let r = try e2e.run(["check", sheet, "--lang", "fr"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("mal.md:1:16: erreur: accolade non équilibrée : ce '{' n'est jamais fermé (1 non fermée)\n  Soit $f(x) = x^{2$.\n"), "\(r.stderr)")
        #expect(r.stderr.contains("mal.md:3:14: erreur: \\begin{pmatrix} est fermé par \\end{bmatrix}"))
        let english = try e2e.run(["check", sheet])
        #expect(english.stderr.contains("mal.md:3:14: error: \\begin{pmatrix} is closed by \\end{bmatrix}"))
    }

    // MARK: 12. Reproducible checks, French plurals, a sheet with no claim

    @Test func checkIsReproducibleAndSaysWhatItReads() throws {
        let first = try e2e.run(["check", "Examples/worked-solution.md"])
        #expect(first.status == 1)
        for _ in 0..<3 { #expect(try e2e.run(["check", "Examples/worked-solution.md"]).stdout == first.stdout) }
        #expect(first.stdout.contains("they differ at b = -0.181, w = 0.231, x = -0.478"))
        let french = try e2e.run(["check", "Examples/corrige.tex", "--lang", "fr"])
        #expect(french.stdout.hasSuffix("3 affirmations : 2 justes, 1 fausse, 0 non vérifiée\n"), "\(french.stdout)")
        let none = try e2e.run(["check", try file("none.md", "Let $f(x) = x^2$. Compute its derivative.\n")])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no claim to check in") && none.stderr.contains("\\nabla(g \\circ f)(x) = …"))
    }
}
