import ArgumentParser
import Foundation
import Nabla

enum TrainingFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
extension OptimizerChoice: ExpressibleByArgument {}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit the parameters of a `train` statement to data: softmax regression, a sigmoid neuron, a small network.",
        discussion: """
        The file says what to train:
          model(x[4]) = softmax(W[3,4]·x + b[3])
          loss(p[3]) = -y·log(p)
          train loss∘model wrt W, b

        The label column's distinct values, sorted, are one-hot encoded into y (a scalar y takes a
        numeric column, or a column of two values as 0 and 1); the other columns, in header order,
        are x. The objective is the mean loss plus λ/2·‖weights‖², the weights being what multiplies
        a vector (W in W·x); biases are not penalised.

        Examples:
          nabla train Examples/iris.nabla --data Examples/iris.csv --label species --split 0.25 --seed 1
          nabla train Examples/iris.nabla --data Examples/iris.csv --label species --optimizer adam --epochs 200 --plot curve.svg -o params.json

        Exit status: 0 when training ran (also when it stopped at its time limit, which is said), 2 when the input cannot be used.
        """
    )

    @Argument(help: "A .nabla file with a `train` statement.")
    var file: String

    @Option(help: "The training data: a CSV file with a header row.")
    var data: String

    @Option(help: "The column that holds the label.")
    var label: String

    @Option(help: "Test data, a CSV file with the same columns.")
    var test: String?

    @Option(help: "Keep this fraction of the rows, drawn at random with --seed, as test data (instead of --test).")
    var split: Double?

    @Option(help: "lbfgs (full batch, one epoch an iteration), adam or sgd (shuffled mini-batches).")
    var optimizer: OptimizerChoice = .lbfgs

    @Option(help: "The most epochs; L-BFGS stops earlier at the optimum (see --tolerance).")
    var epochs: Int = 100

    @Option(help: "L-BFGS stops when every entry of the objective's gradient is below this in magnitude (scikit-learn's tol).")
    var tolerance: Double = 1e-8

    @Option(help: "Rows per mini-batch, for adam and sgd.")
    var batchSize: Int = 32

    @Option(help: "Step size of adam (default 0.01) and sgd (default 0.1).")
    var learningRate: Double?

    @Option(help: "λ of the penalty λ/2·‖weights‖².")
    var l2: Double = 0.01

    @Option(help: "The seed of the split, of the starting weights and of the mini-batches.")
    var seed: UInt64 = 0

    @Option(name: [.short, .customLong("output")], help: "Write the learnt parameters to this JSON file (what nabla predict reads).")
    var output: String?

    @Option(help: "Write the loss and accuracy per epoch, on the training and the test data, as an SVG picture.")
    var plot: String?

    @Option(help: "text, or json: one line per epoch, and last the summary line.")
    var format: TrainingFormat = .text

    @Option(help: "Stop training after this many seconds, keeping the parameters reached.")
    var timeout: Double = 600

    func validate() throws {
        if test != nil && split != nil { throw ValidationError("give --test or --split, not both") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if !(l2 >= 0) { throw ValidationError("--l2 must be a number ≥ 0") }
        if let r = learningRate, !(r > 0) { throw ValidationError("--learning-rate must be positive") }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
        if !(tolerance > 0) { throw ValidationError("--tolerance must be positive") }
    }

    func run() throws {
        runAndExit { train() }
    }

    private func train() -> Int32 {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let (document, composition) = trainingComposition(file) else { return ExitStatus.unusableInput }
        for w in document.warnings { FileHandle.standardError.write(Data((w.render(in: document.source) + "\n").utf8)) }
        // The data.
        guard let dataSource = readSource(data) else { return ExitStatus.unusableInput }
        var trainData: Dataset, testData: Dataset?
        do {
            trainData = try Dataset(CSVTable(dataSource), label: label, for: composition)
        } catch { return report(error, dataSource) }
        if let test {
            guard let testSource = readSource(test) else { return ExitStatus.unusableInput }
            do { testData = try Dataset(CSVTable(testSource), label: label, for: composition, encoding: trainData.encoding) } catch { return report(error, testSource) }
        } else if let split {
            do { (trainData, testData) = try trainData.split(testFraction: split, seed: seed) } catch { return report(error, dataSource) }
        }
        var options = TrainingOptions()
        options.optimizer = optimizer
        options.epochs = epochs
        options.batchSize = batchSize
        options.learningRate = learningRate
        options.seed = seed
        options.timeLimit = timeout
        options.gradientTolerance = tolerance
        let objective = Objective(composition, store: document.store, l2: l2)
        let trainer = Trainer(objective, options: options)
        if format == .text { print(header(composition, trainData, testData)) }
        let bar = isatty(2) == 1 ? ProgressBar(total: epochs) : nil
        let outcome = trainer.train(on: trainData, test: testData) { record in
            if format == .json && record.measured {
                // The bar steps aside for the line, on a terminal that shows both.
                bar?.finish()
                FileHandle.standardOutput.write(Data((record.json + "\n").utf8))
            }
            bar?.show(record)
        }
        bar?.finish()
        if outcome.stop == .timeLimit {
            FileHandle.standardError.write(Data("nabla: training stopped at its time limit (--timeout \(timeout) s) after \(outcome.final.epoch) epochs\n".utf8))
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        if format == .text { print(table(outcome)) } else { print(outcome.summaryJSON(total: total)) }
        do {
            if let output { try writeOutput(SavedParameters(outcome.parameters, of: composition, data: trainData).json(), to: output) }
            if let plot {
                let title = "\(composition.target) on \((data as NSString).lastPathComponent), \(optimizer.rawValue), λ = \(l2)"
                try writeOutput(LearningCurvePlot(outcome.history, title: title).svg, to: plot)
            }
        } catch {
            FileHandle.standardError.write(Data("nabla: cannot write: \(error.localizedDescription)\n".utf8))
            return ExitStatus.unusableInput
        }
        return 0
    }

    private func header(_ c: TrainingComposition, _ train: Dataset, _ test: Dataset?) -> String {
        let blocks = c.parameters.map { b in b.shape.isEmpty ? b.name : "\(b.name) \(b.shape.map(String.init).joined(separator: "×"))" }
        let penalised = c.parameters.filter(\.penalised).map(\.name)
        let rows = test.map { "\(train.count) rows for training, \($0.count) for testing" } ?? "\(train.count) rows, no test data"
        var classes = ""
        if let names = train.encoding.classes { classes = "; classes " + names.joined(separator: ", ") }
        return """
            Training \(c.target) on \((data as NSString).lastPathComponent): \(rows)\(classes)
            \(c.parameterSymbols.count) parameters (\(blocks.joined(separator: ", "))); \(optimizer.rawValue), λ = \(l2) on \(penalised.isEmpty ? "none" : penalised.joined(separator: ", "))

            """
    }

    private func table(_ outcome: TrainingOutcome) -> String {
        func percent(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }
        func loss(_ x: Double?) -> String { x.map { String(format: "%.6f", $0) } ?? "–" }
        var lines = ["epoch   objective   train acc   test loss   test acc"]
        let measured = outcome.history.filter(\.measured)
        // About eight epochs, log-spaced, each the last measured one at or before its mark.
        let marks = epochsToShow(outcome.final.epoch)
        let shown = Set(marks.compactMap { mark in measured.last { $0.epoch <= mark }?.epoch })
        for r in measured where shown.contains(r.epoch) {
            lines.append(String(format: "%5d", r.epoch) + "   " + loss(r.objective).padding(9) + "   " + percent(r.trainAccuracy).padding(9)
                         + "   " + loss(r.testLoss).padding(9) + "   " + percent(r.testAccuracy))
        }
        let n = outcome.final.epoch, time = String(format: "%.2f s", outcome.seconds)
        let tolerance = self.tolerance == pow(10, log10(self.tolerance).rounded()) ? "1e\(Int(log10(self.tolerance).rounded()))" : "\(self.tolerance)"
        lines.append("")
        let ending = switch outcome.stop {
        case .converged: "Converged after \(n) epochs in \(time): every entry of the gradient is below \(tolerance), or the objective no longer decreases."
        case .epochs: "Stopped after the last epoch (--epochs \(epochs)) in \(time); the optimum may not be reached yet."
        case .timeLimit: "Stopped at the time limit after \(n) epochs (\(time))."
        case .diverged: "Diverged after \(n) epochs: the objective is not finite; try a smaller --learning-rate."
        }
        lines.append(ending)
        return lines.joined(separator: "\n")
    }
}

/// The document at `path` and the composition of its first `train` statement, or nil after
/// saying on standard error why there is none.
func trainingComposition(_ path: String) -> (Document, TrainingComposition)? {
    guard let source = readSource(path) else { return nil }
    do {
        let document = try Document(source: source, derivingTraining: false)
        guard let target = document.trainingTargets.first else {
            let names = document.definedNames
            let example = names.count >= 2 ? "train \(names.joined(separator: "∘")) wrt …" : "train loss∘model wrt W, b"
            _ = report(Diagnostic(.nothingToDo, .other(TrainingPhrase.noTrainingTarget(example: example)), at: nil), source)
            return nil
        }
        return (document, try document.training(target))
    } catch {
        _ = report(error, source)
        return nil
    }
}

extension String {
    /// The string right-aligned in `width` characters.
    func padding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// A progress bar on standard error: the epoch, a bar, the objective and the test accuracy.
final class ProgressBar {
    let total: Int
    init(total: Int) { self.total = total }

    func show(_ r: EpochRecord) {
        let width = 30
        let filled = min(width, r.epoch * width / max(total, 1))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\r  epoch \(String(r.epoch).padding(String(total).count))/\(total) \(bar) objective \(String(format: "%.5f", r.objective))"
        if let a = r.testAccuracy { line += String(format: "  test accuracy %.1f%%", a * 100) }
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
