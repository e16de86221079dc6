import Foundation
import Nabla

/// One piece of work the page or the API asks for: a `.nabla` file or a LaTeX/Markdown sheet,
/// solved, worked out step by step, or checked, in one language and one format. The same work
/// as `nabla solve`, `nabla solve --steps` and `nabla check`, on text instead of a file.
///
/// ```swift
/// let outcome = Job(text: "f(x) = x^2\ngradient f\n", action: .solve, language: .en).run(as: .json)
/// outcome.body   // {"results": [{"target": "f", …, "jacobian": [["2*x"]]}]}
/// ```
public struct Job: Sendable {
    public enum Action: String, Sendable, CaseIterable { case solve, steps, check }
    /// `text`: the report `nabla check` prints (for `check`; the results in text otherwise).
    public enum Format: String, Sendable { case html, json, latex, markdown, text }

    public let text: String
    public let action: Action
    public let language: Language
    /// The variables of every target (`?wrt=w11,w12`), or nil for the file's own.
    public var wrt: [String]?
    /// The time the work may take.
    public var seconds: Double = 5

    public init(text: String, action: Action, language: Language, wrt: [String]? = nil) {
        self.text = text; self.action = action; self.language = language; self.wrt = wrt
    }

    /// Whether the text is a sheet (LaTeX or Markdown mathematics) rather than a `.nabla` file.
    public var isSheet: Bool {
        ["$", "\\[", "\\(", "\\begin{", "\\frac", "\\nabla"].contains { text.contains($0) }
    }

    /// The name the text goes by in messages and downloads.
    var sourceName: String { isSheet ? "sheet.tex" : "input.nabla" }

    /// What came of the work: a document in the format asked for, or the messages that say why
    /// there is none. `failed`: no result at all (the input cannot be used, or the time ran out).
    public struct Outcome: Sendable {
        public let body: String
        public let messages: [String]
        public let failed: Bool
        /// For `check`: 0 when every claim is correct (as the command line's exit status).
        public var allCorrect = false
    }

    public func run(as format: Format) -> Outcome {
        let source = SourceText(name: sourceName, text: text)
        let budget = Budget(seconds: seconds)
        switch action {
        case .check: return check(source, budget, format)
        case .solve, .steps: return solve(source, budget, format)
        }
    }

    private func solve(_ source: SourceText, _ budget: Budget, _ format: Format) -> Outcome {
        let results: [TargetResult], store: ExpressionStore, warnings: [Diagnostic]
        var exercises: [WorkedSolution.Exercise]?
        var values: [(String, ExprID)] = []
        if isSheet {
            let solved = SheetChecker(source: source, budget: budget).solveByExercise(wrt: wrt)
            results = solved.exercises.flatMap(\.results)
            store = solved.store
            warnings = solved.errors
            exercises = solved.exercises
            if results.isEmpty {
                let why = language == .fr ? "la feuille ne demande aucune jacobienne calculable" : "the sheet asks for no Jacobian that could be computed"
                return Outcome(body: "", messages: rendered(warnings, source) + [why], failed: true)
            }
        } else {
            store = ExpressionStore()
            store.budget = budget
            do {
                let document = try Document(source: source, store: store, wrt: wrt)
                if let nothing = document.nothingAsked { return Outcome(body: "", messages: rendered([nothing], source), failed: true) }
                results = document.results
                warnings = document.warnings
                values = document.values
            } catch {
                return Outcome(body: "", messages: rendered([error], source), failed: true)
            }
        }
        if let problem = Guard.tooLargeToPrint(results, store, namesSharedParts: false) {
            return Outcome(body: "", messages: rendered([problem], source), failed: true)
        }
        let solution = exercises.map { WorkedSolution(exercises: $0) } ?? WorkedSolution(results: results, values: values)
        let shown = action == .steps ? solution : solution.resultsOnly
        let body: String
        switch format {
        case .json: body = JSONRenderer(store: store).render(results, warnings: warnings)
        case .html: body = WorkedSolutionWriter(store: store, language: language, format: .html).body(shown)
        case .latex: body = WorkedSolutionWriter(store: store, language: language, format: .latex).document(shown, title: sourceName)
        case .markdown: body = WorkedSolutionWriter(store: store, language: language, format: .markdown).document(shown, title: sourceName)
        case .text: body = WorkedSolutionWriter(store: store, language: language, format: .text).document(shown, title: sourceName)
        }
        if budget.isExhausted { return Outcome(body: "", messages: rendered([budget.diagnostic(at: nil)], source), failed: true) }
        return Outcome(body: body, messages: rendered(warnings, source), failed: false)
    }

    private func check(_ source: SourceText, _ budget: Budget, _ format: Format) -> Outcome {
        let report = SheetChecker(source: source, budget: budget).check()
        let renderer = CheckRenderer(source: source, language: language)
        var outcome: Outcome
        switch format {
        case .json: outcome = Outcome(body: renderer.json(report), messages: [], failed: false)
        case .html: outcome = Outcome(body: CorrectedCopy(report: report, source: source, language: language).html, messages: [], failed: false)
        case .latex, .markdown, .text: outcome = Outcome(body: renderer.text(report), messages: [], failed: false)
        }
        if report.claims.isEmpty && report.errors.isEmpty {
            outcome = Outcome(body: outcome.body, messages: [renderer.noClaims()], failed: format != .json)
        }
        outcome.allCorrect = report.exitStatus == 0
        return outcome
    }

    private func rendered(_ diagnostics: [Diagnostic], _ source: SourceText) -> [String] {
        diagnostics.map { $0.render(in: source, language: language) }
    }
}
