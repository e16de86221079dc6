import Foundation

extension TrainingOutcome {
    /// The run in one JSON line: `{"epochs": 41, "train_loss": 0.1234, "train_accuracy": 0.97,
    /// "test_loss": 0.15, "test_accuracy": 0.95, "seconds": 0.25, "training_seconds": 0.21, "stopped": "converged"}`;
    /// train_loss is the objective (penalty included), test_loss the mean loss on the test data,
    /// null where there is none; `seconds` is the whole run (`total`: reading, deriving and
    /// compiling included), `training_seconds` the optimisation alone.
    public func summaryJSON(total: Double) -> String {
        let f = final
        return "{\"epochs\": \(f.epoch), \"train_loss\": \(number(f.objective)), \"train_accuracy\": \(number(f.trainAccuracy)), "
            + "\"test_loss\": \(number(f.testLoss)), \"test_accuracy\": \(number(f.testAccuracy)), \"seconds\": \(number(total)), "
            + "\"training_seconds\": \(number(seconds)), \"stopped\": \"\(stop.rawValue)\"}"
    }
}

extension EpochRecord {
    /// The epoch in one JSON line, with the same keys as ``TrainingOutcome/summaryJSON``.
    public var json: String {
        "{\"epoch\": \(epoch), \"train_loss\": \(number(objective)), \"train_accuracy\": \(number(trainAccuracy)), "
            + "\"test_loss\": \(number(testLoss)), \"test_accuracy\": \(number(testAccuracy))}"
    }
}

/// A JSON number; null for none or for a value that is not finite.
private func number(_ x: Double?) -> String {
    guard let x, x.isFinite else { return "null" }
    return "\(x)"
}

/// The epochs a table of a run shows: the first, the last and about `count` in between, spaced
/// evenly on a log scale (the early epochs change most).
public func epochsToShow(_ total: Int, count: Int = 8) -> [Int] {
    guard total > count else { return Array(0...total) }
    var shown: Set<Int> = [0, total]
    for k in 1..<count { shown.insert(Int((pow(Double(total), Double(k) / Double(count))).rounded())) }
    return shown.sorted()
}
