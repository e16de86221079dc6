@testable import Nabla

/// A training composition from a `.nabla` text with a `train` statement, and its store.
func trainingComposition(_ text: String) throws -> (TrainingComposition, ExpressionStore) {
    let doc = try Document(source: SourceText(name: "train.nabla", text: text), derivingTraining: false)
    return (try doc.training(doc.trainingTargets[0]), doc.store)
}

/// A data set from CSV text.
func dataset(_ csv: String, label: String, for c: TrainingComposition, encoding: LabelEncoding? = nil) throws -> Dataset {
    try Dataset(CSVTable(SourceText(name: "data.csv", text: csv)), label: label, for: c, encoding: encoding)
}

/// Rows `x1,…,xd,label` drawn with `generator`, the label given by `label(x)`.
func generatedCSV(rows: Int, features: Int, seed: UInt64, label: ([Double]) -> String) -> String {
    var g = SeededGenerator(seed: seed)
    var text = (1...features).map { "f\($0)" }.joined(separator: ",") + ",label\n"
    for _ in 0..<rows {
        let x = (0..<features).map { _ in Double.random(in: -2...2, using: &g) }
        text += x.map { "\($0)" }.joined(separator: ",") + "," + label(x) + "\n"
    }
    return text
}
