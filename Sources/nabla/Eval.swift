import ArgumentParser
import Foundation
import Nabla

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Values and Jacobians of a file's targets at a point, computed on the numeric tape.",
        discussion: """
        Examples:
          nabla eval Examples/chain-rule.nabla --at x1=0.5,x2=-1,x3=0.25
          nabla eval Examples/logistic-regression.nabla --at x1=1,x2=2,w11=0.1,w12=0.2,w21=0.3,w22=0.4 --check
        """
    )

    @Argument(help: "The .nabla file.")
    var file: String

    @Option(help: "The point: NAME=VALUE pairs separated by commas, for every variable and constant.")
    var at: String?

    @Option(help: "A CSV file of points (the header names the inputs); writes CSV, one row per point.")
    var points: String?

    @Option(name: .customLong("let"), help: "With --points: values of the constants, NAME=VALUE pairs separated by commas.")
    var fixed: String?

    @Option(name: [.short, .customLong("output")], help: "With --points: write the result to this file.")
    var output: String?

    enum TableFormat: String, ExpressibleByArgument { case csv, json }

    @Option(help: "With --points: csv (one row per point) or json ({\"columns\": […], \"rows\": [[…], …]}).")
    var format: TableFormat = .csv

    func validate() throws {
        if (at == nil) == (points == nil) { throw ValidationError("give either --at or --points") }
    }

    @Flag(help: "Also compare the tape's forward and reverse modes, the symbolic Jacobian and central differences.")
    var check = false

    func run() throws {
        let file = self.file, at = self.at ?? self.fixed ?? "", check = self.check, points = self.points, output = self.output
        let json = self.format == .json
        runWithLargeStack {
            var point: [String: Double] = [:]
            for pair in at.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let v = Double(parts[1]), !parts[0].isEmpty else {
                    FileHandle.standardError.write(Data("nabla: --at expects NAME=VALUE pairs, got '\(pair)'\n".utf8))
                    return ExitStatus.unusableInput
                }
                point[parts[0]] = v
            }
            guard let source = readSource(file) else { return ExitStatus.unusableInput }
            do {
                let document = try Document(source: source)
                if let points { return evaluateTable(document, points, point, output, json: json) }
                var out = ""
                var problems: [Diagnostic] = []
                for r in document.results {
                    let e: PointEvaluation
                    do { e = try PointEvaluation(r, in: document.store, at: point, compare: check) } catch let error as Diagnostic {
                        // A target in other variables than the point's: say so and go on.
                        let severity: Diagnostic.Severity = error.kind == .missingValue ? .warning : .error
                        problems.append(Diagnostic(error.kind, "\(r.target) not evaluated: \(error.message)", at: r.location, severity: severity))
                        continue
                    }
                    let at = r.variables.map { "\($0) = \(formatted(point[$0]!))" }.joined(separator: ", ")
                    out += "\(r.target) at (\(at)):\n  value    " + e.values.map(formatted).joined(separator: "  ") + "\n"
                    out += "  jacobian\n" + table(e.jacobian)
                    for (route, d) in e.differences { out += "  largest relative difference, \(route): \(String(format: "%.1e", d))\n" }
                    out += "\n"
                }
                for p in problems { FileHandle.standardError.write(Data((p.render(in: source) + "\n").utf8)) }
                FileHandle.standardOutput.write(Data(out.utf8))
                return out.isEmpty || problems.contains { $0.severity == .error } ? ExitStatus.unusableInput : 0
            } catch {
                return report(error, source)
            }
        }
    }
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
/// with progress on a terminal.
private func evaluateTable(_ document: Document, _ path: String, _ fixed: [String: Double], _ output: String?, json: Bool) -> Int32 {
    guard let points = readSource(path) else { return ExitStatus.unusableInput }
    do {
        let table = try PointTable(csv: String(decoding: points.bytes, as: UTF8.self), source: path)
        let sink: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let handle = FileHandle(forWritingAtPath: output) else {
                FileHandle.standardError.write(Data("nabla: cannot write \(output)\n".utf8))
                return ExitStatus.unusableInput
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
            for r in document.results {
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
        FileHandle.standardError.write(Data("\(path):\(error.description)\n".utf8))
        return ExitStatus.unusableInput
    }
}

/// A number in JSON: non-finite values have no JSON form and are written as null.
private func jsonNumber(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
