import Foundation
import Testing
@testable import Nabla

/// Worked solutions: golden files for both examples in both languages and both formats, and the
/// round trip — every claim that `solve --steps` writes, `check` judges correct.
@Suite struct WorkedSolutionTests {
    static let cases: [(String, Language, WorkedSolutionWriter.Format)] = ["chain-rule", "logistic-regression", "intermediate-variables"].flatMap { example in
        [Language.en, .fr].flatMap { language in [WorkedSolutionWriter.Format.latex, .markdown, .html].map { (example, language, $0) } }
    }

    static func written(_ example: String, _ language: Language, _ format: WorkedSolutionWriter.Format) throws -> String {
        let doc = try solve(try Fixtures.example("\(example).nabla"))
        let writer = WorkedSolutionWriter(store: doc.store, language: language, format: format)
        return writer.document(WorkedSolution(results: doc.results, values: doc.values), title: "\(example).nabla")
    }

    static func fileName(_ example: String, _ language: Language, _ format: WorkedSolutionWriter.Format) -> String {
        "golden/steps/\(example)-\(language.rawValue).\(format == .latex ? "tex" : format == .markdown ? "md" : "html")"
    }

    @Test(arguments: 0..<cases.count) func goldenFile(index: Int) throws {
        let (example, language, format) = Self.cases[index]
        let output = try Self.written(example, language, format)
        let url = Fixtures.url(Self.fileName(example, language, format))
        if ProcessInfo.processInfo.environment["NABLA_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(output == (try String(contentsOf: url, encoding: .utf8)), "\(Self.fileName(example, language, format)) differs")
    }

    @Test(arguments: 0..<cases.count) func checkJudgesEveryWrittenClaimCorrect(index: Int) throws {
        let (example, language, format) = Self.cases[index]
        guard format != .html else { return }   // the checker reads LaTeX and Markdown
        let output = try Self.written(example, language, format)
        let report = SheetChecker(source: SourceText(name: Self.fileName(example, language, format), text: output)).check()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.claims.count >= 10)
        #expect(example != "intermediate-variables" || output.contains(format == .latex ? "\\frac{\\partial z}{\\partial s} &= \\frac{\\partial z}{\\partial x} \\cdot \\frac{\\partial x}{\\partial s} + \\frac{\\partial z}{\\partial y} \\cdot \\frac{\\partial y}{\\partial s}" : "\\frac{d T}{d t} &= "))
        #expect(report.claims.allSatisfy { $0.verdict == .correct },
                "\(report.claims.filter { $0.verdict != .correct }.map { "\($0.location) \($0.finding?.text(in: .en) ?? "")" })")
    }

    /// The working of intermediate variables (the graphs of QuantityTests: trees, a variable used
    /// directly, three levels, a diamond) reads back all correct, sums and partials included.
    @Test(arguments: 0..<QuantityTests.graphs.count) func quantityWorkingReadsBackCorrect(index: Int) throws {
        let (quantities, wrt, _) = QuantityTests.graphs[index]
        let target = String(quantities.prefix { $0 != " " })
        let doc = try solve("\(quantities)\nderivative \(target) wrt \(wrt)\n")
        for language in [Language.en, .fr] {
            for format in [WorkedSolutionWriter.Format.latex, .markdown] {
                let text = WorkedSolutionWriter(store: doc.store, language: language, format: format)
                    .document(WorkedSolution(results: doc.results, values: doc.values), title: "q")
                let report = SheetChecker(source: SourceText(name: "q", text: text)).check()
                #expect(report.errors.isEmpty, "graph \(index) \(language) \(format): \(report.errors)")
                #expect(report.claims.count >= 4 && report.correctCount == report.claims.count,
                        "graph \(index) \(language) \(format): \(report.claims.filter { $0.verdict != .correct }.map { "\($0.location) \($0.finding?.text(in: .en) ?? "")" })")
            }
        }
    }

    /// The results alone (`solve --format markdown`, the page's Solve) announce no working.
    @Test func resultsOnlyAnnounceNoWorking() throws {
        let doc = try solve(try Fixtures.example("chain-rule.nabla"))
        for language in [Language.en, .fr] {
            let writer = WorkedSolutionWriter(store: doc.store, language: language, format: .markdown)
            let text = writer.document(WorkedSolution(results: doc.results, values: doc.values).resultsOnly, title: "t")
            #expect(!text.contains("First the Jacobian") && !text.contains("Commençons par"), "\(language)")
            #expect(text.contains("\\nabla"))
        }
    }

    @Test(arguments: [Language.en, .fr]) func aSheetSolvedThenChecked(language: Language) throws {
        let sheet = SourceText(name: "seed.md", text: try Fixtures.text("sheets/seed-transcription.md"))
        let solved = SheetChecker(source: sheet).solveByExercise()
        #expect(solved.exercises.count == 2)
        for format in [WorkedSolutionWriter.Format.latex, .markdown] {
            let writer = WorkedSolutionWriter(store: solved.store, language: language, format: format)
            let text = writer.document(WorkedSolution(exercises: solved.exercises), title: "seed.md")
            let report = SheetChecker(source: SourceText(name: "worked", text: text)).check()
            #expect(report.claims.count >= 20 && report.correctCount == report.claims.count, "\(format): \(report.claims.count) claims, \(report.correctCount) correct")
        }
    }

    /// The HTML page is well-formed XML, and its mathematics uses MathML Core elements only.
    @Test(arguments: ["chain-rule", "logistic-regression", "intermediate-variables"]) func htmlIsXMLWithMathMLCore(example: String) throws {
        let html = try Self.written(example, .fr, .html).replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let collector = ElementCollector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        let core: Set<String> = ["math", "mrow", "mi", "mn", "mo", "mtext", "mfrac", "msup", "msub", "msubsup", "msqrt", "mroot",
                                 "mtable", "mtr", "mtd", "mspace", "mpadded", "mphantom", "mstyle", "merror", "semantics", "annotation",
                                 "munder", "mover", "munderover", "mmultiscripts", "mprescripts", "none"]
        #expect(collector.mathElements.isSubset(of: core), "not MathML Core: \(collector.mathElements.subtracting(core))")
        #expect(collector.mathElements.contains("mtable"))
        #expect(!html.contains("<script"))
    }

    @Test func wideMatricesAreWrittenByColumnsOrPartials() throws {
        let doc = try solve(try Fixtures.example("logistic-regression.nabla"))
        let narrow = WorkedSolutionWriter(store: doc.store, language: .fr, format: .markdown, width: 40)
            .document(WorkedSolution(results: doc.results, values: doc.values), title: "t")
        // A wide gradient (one row) is one partial derivative a line; the wide Jacobian of softmax
        // (2×2), a factor of the chain rule, is written column by column.
        #expect(narrow.contains("$$\\text{colonne}_{1} \\nabla \\mathrm{softmax}"))
        #expect(narrow.contains("$$\\frac{\\partial F}{\\partial x_{1}} = "))
        #expect(narrow.contains("$$\\frac{\\partial (\\mathrm{loss} \\circ \\mathrm{softmax} \\circ \\mathrm{layer})}{\\partial x_{2}} = "))
        let chain = try solve(try Fixtures.example("chain-rule.nabla"))
        let columns = WorkedSolutionWriter(store: chain.store, language: .fr, format: .markdown, width: 40)
            .document(WorkedSolution(results: chain.results, values: chain.values), title: "t")
        #expect(columns.contains("D'où, colonne par colonne (la matrice ne tient pas sur une ligne) :"))
        let wide = WorkedSolutionWriter(store: doc.store, language: .fr, format: .markdown, width: 1000)
            .document(WorkedSolution(results: doc.results, values: doc.values), title: "t")
        #expect(!wide.contains("par colonne"))
    }

    /// Compiles the LaTeX with pdflatex. CI installs TeX Live and sets NABLA_REQUIRE_PDFLATEX=1,
    /// so there the test runs and fails when a document does not compile.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["NABLA_REQUIRE_PDFLATEX"] == "1"),
          arguments: ["chain-rule", "logistic-regression"])
    func latexCompiles(example: String) throws {
        for language in [Language.en, .fr] {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-tex-\(example)-\(language.rawValue)-\(getpid())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Self.written(example, language, .latex).write(to: dir.appendingPathComponent("s.tex"), atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "s.tex"]
            p.currentDirectoryURL = dir
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "pdflatex failed on \(example) (\(language.rawValue)); see \(dir.path)/s.log")
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.pdf").path))
        }
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Collects the names of the elements inside `<math>`.
final class ElementCollector: NSObject, XMLParserDelegate {
    var mathElements = Set<String>()
    private var depth = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "math" { depth += 1 }
        if depth > 0 { mathElements.insert(name) }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "math" { depth -= 1 }
    }
}
