import ArgumentParser
import Foundation
import Nabla

/// The numeric benchmark: Nabla's tape on the problems of ``BenchmarkProblem``, one line per
/// measurement. Run in release: `swift run -c release nabla-bench --json`.
@main
struct NablaBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nabla-bench",
        abstract: "Time Nabla's compiled Jacobians and gradients (release builds only make sense).",
        discussion: """
            Problems: (a) the Jacobian of h = f∘g, g(x) = A x, f_i(y) = exp(y_i + y_(i+1 mod n)); (b) the value and gradient of L(x) = -log softmax(W x)_1. Each at a single point and over a batch of points.

            Benchmarks/run-numeric.sh runs the peers (CasADi, JAX, hand-written C) on the same problems and writes the table of BENCHMARKS.md.
            """)

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    @Option(help: "Problem sizes n, comma-separated.")
    var sizes = "3,10,30,100"

    @Option(help: "Points in the batch.")
    var points = 10_000

    @Option(help: "Only this problem (jacobian or loss).")
    var problem: String?

    @Option(help: "Only this mode (single or batch).")
    var mode: String?

    @Option(help: "Only this method of computing problem (b): tape (the value), reverse, dense (reverse with W·x as matrix products, batch only) or symbolic (the gradient).")
    var method: String?

    @Option(help: "Seconds spent timing each measurement (best of 5 rounds).")
    var budget = 0.3

    @Option(help: "Print the problem KIND:N as a .nabla file and exit (e.g. jacobian:30).")
    var writeProblem: String?

    func run() throws {
        if let spec = writeProblem {
            let parts = spec.split(separator: ":")
            guard parts.count == 2, let kind = BenchmarkProblem(rawValue: String(parts[0])), let n = Int(parts[1]), n >= 2 else {
                throw ValidationError("--write-problem takes KIND:N, KIND jacobian or loss, N at least 2")
            }
            print(kind.document(n), terminator: "")
            return
        }
        let ns = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !ns.isEmpty, ns.allSatisfy({ $0 >= 2 }) else { throw ValidationError("--sizes takes integers of at least 2, e.g. 3,10,30") }
        guard points >= 1 else { throw ValidationError("--points must be at least 1") }
        let kinds = try problem.map { name in
            guard let p = BenchmarkProblem(rawValue: name) else { throw ValidationError("--problem is jacobian or loss") }
            return [p]
        } ?? BenchmarkProblem.allCases
        if !json { print(Measurement.tableHeader) }
        guard mode == nil || ["single", "batch"].contains(mode!) else { throw ValidationError("--mode is single or batch") }
        guard method == nil || ["tape", "reverse", "dense", "symbolic"].contains(method!) else { throw ValidationError("--method is tape, reverse, dense or symbolic") }
        let runner = Runner(points: points, modes: mode.map { [$0] } ?? ["single", "batch"], stopwatch: Stopwatch(budget: budget), method: method)
        for kind in kinds {
            for n in ns {
                for m in try runner.measure(kind, n) {
                    print(json ? m.jsonLine : m.tableRow)
                }
            }
        }
    }
}
