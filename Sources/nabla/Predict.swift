import ArgumentParser
import Foundation
import Nabla

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The model's outputs and the predicted class for every row of a CSV file, with parameters nabla train wrote.",
        discussion: """
        Examples:
          nabla train Examples/iris.nabla --data Examples/iris.csv --label species -o params.json
          nabla predict Examples/iris.nabla --params params.json --data Examples/iris.csv -o predictions.csv

        The data needs the feature columns the parameters were learnt on (by name; other columns
        are ignored). The output has one column per class, p(class), then the predicted class.

        Exit status: 0 on success, 2 when the input cannot be used.
        """
    )

    @Argument(help: "The .nabla file the parameters were trained with.")
    var file: String

    @Option(help: "The parameters, as nabla train -o wrote them.")
    var params: String

    @Option(help: "The rows to predict: a CSV file with a header row.")
    var data: String

    @Option(name: [.short, .customLong("output")], help: "Write the predictions to this CSV file instead of standard output.")
    var output: String?

    func run() throws { runAndExit { predict() } }

    private func predict() -> Int32 {
        guard let (document, composition) = trainingComposition(file) else { return ExitStatus.unusableInput }
        guard let bytes = FileManager.default.contents(atPath: params) else {
            FileHandle.standardError.write(Data("nabla: cannot read \(params): no such file or not readable\n".utf8))
            return ExitStatus.unusableInput
        }
        let saved: SavedParameters, θ: [Double]
        do {
            saved = try SavedParameters.read(bytes)
            θ = try saved.values(for: composition)
        } catch let error as Diagnostic {
            return report(error, nil)
        } catch {
            FileHandle.standardError.write(Data("nabla: \(params) is not a parameters file written by nabla train (\(error))\n".utf8))
            return ExitStatus.unusableInput
        }
        guard let dataSource = readSource(data) else { return ExitStatus.unusableInput }
        let rows: Dataset
        do {
            rows = try Dataset(inputsOf: CSVTable(dataSource), features: saved.features, encoding: saved.encoding, labelColumn: saved.label)
        } catch { return report(error, dataSource) }
        let objective = Objective(composition, store: document.store, l2: 0)
        guard let outputs = objective.modelOutputs(θ, on: rows) else {
            FileHandle.standardError.write(Data("nabla: \(composition.target) has no model inside its loss to predict with\n".utf8))
            return ExitStatus.unusableInput
        }
        let classes = saved.encoding.classes
        var header: [String]
        if let classes, outputs.count == classes.count { header = classes.map { "p(\($0))" } }
        else if let classes, outputs.count == 1 { header = ["p(\(classes[1]))"] }
        else { header = outputs.indices.map { outputs.count == 1 ? "prediction" : "output_\($0 + 1)" } }
        if classes != nil { header.append("predicted") }
        var text = header.map(csvField).joined(separator: ",") + "\n"
        for r in 0..<rows.count {
            var cells = outputs.map { String(format: "%.6g", $0[r]) }
            if let classes { cells.append(csvField(classes[Objective.predictedClass(outputs, row: r, encoding: saved.encoding)])) }
            text += cells.joined(separator: ",") + "\n"
        }
        if let output {
            do { try writeOutput(text, to: output) } catch {
                FileHandle.standardError.write(Data("nabla: cannot write \(output)\n".utf8))
                return ExitStatus.unusableInput
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        return 0
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
