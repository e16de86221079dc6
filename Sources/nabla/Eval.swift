import ArgumentParser
import Foundation
import Nabla

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Values and Jacobians of a file's targets at a point, computed on the numeric tape.",
        discussion: """
        Give every variable and constant a value: with --at for one point, or with a CSV of points (--points) and --let for the constants.

        Examples:
          nabla eval Examples/chain-rule.nabla --at x1=0.5,x2=-1,x3=0.25
          nabla eval Examples/chain-rule.nabla --at x1=1,x2=2,x3=3 --check
          nabla eval Examples/logistic-regression.nabla --target F \\
              --at x1=1,x2=2,w11=0.1,w12=0.2,w21=0.3,w22=0.4
        """
    )

    @Argument(help: "A .nabla file.")
    var file: String

    @OptionGroup var limit: TimeLimit

    @Option(help: "The point: NAME=VALUE pairs separated by commas, for every variable and constant.")
    var at: String?

    @Option(help: "A CSV file of points (the header names the inputs); writes CSV, one row per point.")
    var points: String?

    @Option(name: .customLong("let"), help: "With --points: values of the constants, NAME=VALUE pairs separated by commas.")
    var fixed: String?

    @Option(name: .customLong("target"), parsing: .upToNextOption,
            help: "The targets to evaluate, by name as the file writes them (F, g∘f); all of them when not given.")
    var targets: [String] = []

    @Option(name: [.short, .customLong("output")], help: "With --points: write the result to this file.")
    var output: String?

    enum TableFormat: String, ExpressibleByArgument { case csv, json }

    @Option(help: "With --points: csv (one row per point) or json ({\"columns\": […], \"rows\": [[…], …]}).")
    var format: TableFormat = .csv

    func validate() throws {
        if (at == nil) == (points == nil) { throw ValidationError("give either --at or --points") }
        if at != nil && fixed != nil { throw ValidationError("--let goes with --points; with --at, give every value in --at") }
    }

    @Flag(help: "Also compare the tape's forward and reverse modes, the symbolic Jacobian and central differences.")
    var check = false

    @Option(help: "Language of the messages and labels: en or fr.")
    var lang: Language = .en

    func run() throws {
        let file = self.file, at = self.at ?? self.fixed ?? "", check = self.check, points = self.points, output = self.output
        let json = self.format == .json, option = self.at != nil ? "--at" : "--let", lang = self.lang
        let fr = lang == .fr
        let wanted = targets.flatMap { $0.split(separator: ",").map { String($0).replacingOccurrences(of: " o ", with: "∘") } }
        runAndExit {
            var point: [String: Double] = [:]
            for pair in at.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let v = Double(parts[1]), !parts[0].isEmpty else {
                    return fail(.expectsPairs(option: option, found: String(pair)), lang)
                }
                point[parts[0]] = v
            }
            guard let source = readSource(file, language: lang) else { return ExitStatus.unusableInput }
            do {
                let document = try Document(source: source, store: limit.store())
                if let nothing = document.nothingAsked { return report(nothing, source, language: lang) }
                guard let results = selected(document, wanted, lang) else { return ExitStatus.unusableInput }
                // A value for a name that no target has is a typo, not something to ignore.
                let symbols = Set(results.flatMap { CodeGenerator.inputs(of: $0, in: document.store) })
                let unknown = point.keys.filter { !symbols.contains($0) }.sorted(by: naturalLess)
                if !unknown.isEmpty {
                    return fail(.unknownValues(option: option, names: unknown, targets: results.map(\.target),
                                               symbols: symbols.sorted(by: naturalLess)), lang)
                }
                if let points {
                    return evaluateTable(document, source, results, points, point, output, json: json, explicit: !wanted.isEmpty, lang)
                }
                var out = ""
                var skipped: [Diagnostic] = []
                var routesDisagree = false
                for r in results {
                    let e: PointEvaluation
                    do { e = try PointEvaluation(r, in: document.store, at: point, compare: check) } catch let error as Diagnostic {
                        if error.kind != .missingValue {
                            return report(Diagnostic(error.kind, .notEvaluated(r.target, because: error.phrase), at: error.location ?? r.location),
                                          source, language: lang)
                        }
                        skipped.append(Diagnostic(.missingValue, .notEvaluated(r.target, because: error.phrase), at: r.location, severity: .warning))
                        continue
                    }
                    let at = r.variables.map { "\($0) = \(formatted(point[$0]!))" }.joined(separator: ", ")
                    out += "\(r.target) \(fr ? "en" : "at") (\(at)):\n  \(fr ? "valeur     " : "value    ")" + e.values.map(formatted).joined(separator: "  ") + "\n"
                    let label = e.command == .hessian ? (fr ? "hessienne" : "hessian") : (fr ? "jacobienne" : "jacobian")
                    out += "  \(label)\n" + table(e.jacobian)
                    for (route, d) in e.differences {
                        out += "  \(fr ? "plus grand écart relatif" : "largest relative difference"), \(route): \(String(format: "%.1e", d))\n"
                        // Exact routes agree to rounding; central differences to their truncation error.
                        if d > (route.contains("central") ? 1e-5 : 1e-9) { routesDisagree = true }
                    }
                    out += "\n"
                }
                // Skipping a target is a warning when another one was evaluated and none was asked for by name.
                let isError = out.isEmpty || !wanted.isEmpty
                for p in skipped {
                    let d = isError ? Diagnostic(p.kind, p.phrase, at: p.location) : p
                    FileHandle.standardError.write(Data((d.render(in: source, language: lang) + "\n").utf8))
                }
                if isError && !skipped.isEmpty { return ExitStatus.unusableInput }
                FileHandle.standardOutput.write(Data(out.utf8))
                if routesDisagree {
                    FileHandle.standardError.write(Data("nabla: \(fr ? "les calculs ne concordent pas (voir les écarts ci-dessus)" : "the routes disagree (see the differences above)")\n".utf8))
                    return ExitStatus.checkFailed
                }
                return 0
            } catch {
                return report(error, source, language: lang)
            }
        }
    }
}

/// The results `wanted` names (all when empty); nil after saying which one does not exist.
private func selected(_ document: Document, _ wanted: [String], _ lang: Language) -> [TargetResult]? {
    if wanted.isEmpty { return document.results }
    var results: [TargetResult] = []
    for w in wanted {
        guard let r = document.results.first(where: { $0.target == w }) else {
            _ = fail(.noSuchTarget(w, targets: document.results.map(\.target)), lang)
            return nil
        }
        results.append(r)
    }
    return results
}

/// Says a problem with the command line's values as `nabla: …` and gives the exit status.
private func fail(_ phrase: EvaluationPhrase, _ lang: Language) -> Int32 {
    FileHandle.standardError.write(Data("nabla: \(phrase.text(in: lang))\n".utf8))
    return ExitStatus.unusableInput
}

private func formatted(_ x: Double) -> String { String(format: "%.10g", x == 0 ? 0 : x) }   // no "-0"

/// Rows of numbers, columns aligned on their width.
private func table(_ rows: [[Double]]) -> String {
    let cells = rows.map { $0.map(formatted) }
    let widths = (0..<(cells.first?.count ?? 0)).map { j in cells.map { $0[j].count }.max() ?? 0 }
    return cells.map { row in
        "    " + row.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
}

/// `nabla eval --points`: every target at every row, as CSV or JSON, written chunk by chunk
/// with progress on a terminal. A target whose inputs the table and `--let` do not give is
/// skipped with a warning when another can be evaluated (an error when it was asked for).
private func evaluateTable(_ document: Document, _ source: SourceText, _ results: [TargetResult], _ path: String, _ fixed: [String: Double],
                           _ output: String?, json: Bool, explicit: Bool, _ lang: Language) -> Int32 {
    guard let pointsSource = readSource(path, language: lang) else { return ExitStatus.unusableInput }
    let table: PointTable
    do { table = try PointTable(csv: String(decoding: pointsSource.bytes, as: UTF8.self), source: path) } catch {
        return report(error, pointsSource, language: lang)
    }
    var usable: [TargetResult] = []
    var skipped: [Diagnostic] = []
    for r in results {
        let missing = CodeGenerator.inputs(of: r, in: document.store).filter { !table.names.contains($0) && fixed[$0] == nil }
        if missing.isEmpty { usable.append(r); continue }
        skipped.append(Diagnostic(.missingValue, .other(EvaluationPhrase.missingColumns(target: r.target, table: path, names: missing)),
                                  at: r.location, severity: explicit ? .error : .warning))
    }
    for d in skipped {
        let shown = usable.isEmpty ? Diagnostic(d.kind, d.phrase, at: d.location) : d
        FileHandle.standardError.write(Data((shown.render(in: source, language: lang) + "\n").utf8))
    }
    if usable.isEmpty || (explicit && !skipped.isEmpty) { return ExitStatus.unusableInput }
    do {
        let sink: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                return fail(.cannotWrite(output), lang)
            }
            sink = handle
        } else {
            sink = FileHandle.standardOutput
        }
        let showProgress = isatty(2) == 1 && table.count > 50_000
        let chunk = 10_000
        var start = 0
        var first = true
        repeat {
            let end = min(table.count, start + chunk)
            let part = table.rows(start..<end)
            var header: [String] = []
            var columns: [[Double]] = []
            for r in usable {
                let e = try r.evaluate(part, fixed: fixed, in: document.store)
                header += e.header
                columns += e.columns
            }
            var text = ""
            if first {
                text += json ? "{\"columns\": [" + header.map { "\"\($0)\"" }.joined(separator: ", ") + "],\n \"rows\": [" : header.joined(separator: ",") + "\n"
            }
            for p in 0..<(end - start) {
                let cells = columns.map { json ? jsonNumber($0[p]) : formatted($0[p]) }
                if json { text += (first && p == 0 ? "\n  [" : ",\n  [") + cells.joined(separator: ", ") + "]" }
                else { text += cells.joined(separator: ",") + "\n" }
            }
            sink.write(Data(text.utf8))
            first = false
            start = end
            if showProgress { FileHandle.standardError.write(Data("\r\(start) / \(table.count) points".utf8)) }
        } while start < table.count
        if json { sink.write(Data("]}\n".utf8)) }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        return 0
    } catch {
        return report(error, source, language: lang)
    }
}

/// A number in JSON: non-finite values have no JSON form and are written as null.
private func jsonNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
