import ArgumentParser
import Foundation
import Nabla

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, latex, markdown, html, json, stats
}

extension Language: ExpressibleByArgument {}

enum Layout: String, ExpressibleByArgument, CaseIterable {
    case numerator, denominator
}

/// The options every command that prints results shares.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (terminal), latex (a document that compiles), markdown, html (MathML), json (SymPy-readable entries), stats (one JSON line per target: sizes and phase times).")
    var format: OutputFormat = .text

    @Option(help: "numerator: row i is output i (the default, as in courses); denominator: the transpose (column gradients).")
    var layout: Layout = .numerator

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Write the working (each factor's Jacobian, the chain rule, the simplification): on the terminal, or as a document with --format latex, markdown or html.")
    var steps = false

    @Option(help: "Language of the working: en or fr.")
    var lang: Language = .en

    @Option(help: "Page width for the working, in characters: a wider matrix is written column by column, a wider gradient one partial derivative a line.")
    var width: Int = 90

    func validate() throws {
        if steps && ![.text, .latex, .markdown, .html].contains(format) {
            throw ValidationError("--steps writes the working as text, latex, markdown or html, not \(format.rawValue)")
        }
        if width < 20 { throw ValidationError("--width must be at least 20") }
    }
}

/// The names of an option that takes several values, each value split at its commas:
/// `--wrt x,y z` gives x, y, z.
func commaSeparated(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Runs `work` and exits with its status.
func runAndExit(_ work: () -> Int32) -> Never {
    exit(work())
}

/// The time limit every command takes: `--timeout SECONDS`.
struct TimeLimit: ParsableArguments {
    @Option(help: "Stop long work after this many seconds, with a message saying what was being done.")
    var timeout: Double = 120

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// The budget of one command's work.
    func budget() -> Budget { Budget(seconds: timeout) }

    /// A store whose work stops at the time limit.
    func store() -> ExpressionStore {
        let store = ExpressionStore()
        store.budget = budget()
        return store
    }
}

/// Prints the results of `document` in the chosen format; returns the exit status.
func emit(_ document: Document, _ options: OutputOptions, title: String) -> Int32 {
    emit(document.results, document.store, document.source, document.warnings, options, title: title, values: document.values)
}

func emit(_ results: [TargetResult], _ store: ExpressionStore, _ source: SourceText, _ warnings: [Diagnostic],
          _ options: OutputOptions, title: String, values: [(String, ExprID)] = [], exercises: [WorkedSolution.Exercise]? = nil) -> Int32 {
    for w in warnings { FileHandle.standardError.write(Data((w.render(in: source, language: options.lang) + "\n").utf8)) }
    for note in CornerNote.notes(results, store) {
        // Expressions given on the command line have no line to point at.
        let shown = source.name == SourceText.commandLineArguments ? Diagnostic(note.kind, note.phrase, at: nil, severity: .warning) : note
        FileHandle.standardError.write(Data((shown.render(in: source, language: options.lang) + "\n").utf8))
    }
    var results = results
    if options.layout == .denominator { results = results.map { $0.transposed } }
    if let problem = Guard.tooLargeToPrint(results, store, namesSharedParts: options.format == .text), options.format != .stats {
        FileHandle.standardError.write(Data((problem.render(in: source, language: options.lang) + "\n").utf8))
        return ExitStatus.unusableInput
    }
    store.budget?.activity = .printing
    let text: String
    switch options.format {
    case .text where options.steps, .latex where options.steps, .markdown, .html:
        let format: WorkedSolutionWriter.Format = switch options.format {
        case .latex: .latex
        case .markdown: .markdown
        case .html: .html
        default: .text
        }
        let writer = WorkedSolutionWriter(store: store, language: options.lang, format: format, width: options.width)
        let solution = exercises.map { WorkedSolution(exercises: $0) } ?? WorkedSolution(results: results, values: values)
        text = writer.document(options.steps ? solution : solution.resultsOnly, title: title)
    case .text:
        let renderer = TextRenderer(store: store)
        text = results.map(renderer.render).joined(separator: "\n")
    case .latex: text = LaTeXRenderer(store: store).document(results, title: title)
    case .json: text = JSONRenderer(store: store).render(results, warnings: warnings)
    case .stats:
        let renderer = StatsRenderer(store: store)
        text = results.map(renderer.render).joined()
    }
    if let budget = store.budget, budget.isExhausted { return report(budget.diagnostic(at: nil), source, language: options.lang) }
    if let path = options.output {
        do { try writeOutput(text, to: path) } catch {
            FileHandle.standardError.write(Data("nabla: cannot write \(path): \(error.localizedDescription)\n".utf8))
            return ExitStatus.unusableInput
        }
    } else {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
    return 0
}

/// Writes `text` to `path`: a new or regular file is replaced whole (no half-written file is
/// left behind); anything else (`/dev/stdout`, a pipe, a symbolic link) is written through, never
/// replaced: as root, replacing `/dev/stdout` would break the machine.
func writeOutput(_ text: String, to path: String) throws {
    let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
    if type == nil || type == .typeRegular {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } else {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        handle.write(Data(text.utf8))
    }
}

func report(_ error: any Error, _ source: SourceText?, language: Language = .en) -> Int32 {
    let message = (error as? Diagnostic)?.render(in: source, language: language) ?? "nabla: \(error)"
    FileHandle.standardError.write(Data((message + "\n").utf8))
    return ExitStatus.unusableInput
}

/// The file at `path`, or nil after saying on standard error that it cannot be read.
func readSource(_ path: String, language: Language = .en) -> SourceText? {
    guard let data = FileManager.default.contents(atPath: path) else {
        let why = language == .fr ? "impossible de lire \(path) : fichier absent ou illisible" : "cannot read \(path): no such file or not readable"
        FileHandle.standardError.write(Data("nabla: \(why)\n".utf8))
        return nil
    }
    return SourceText(name: path, bytes: Array(data))
}
