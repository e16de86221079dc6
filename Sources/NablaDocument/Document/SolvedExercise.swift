import NablaCore

/// The targets of one exercise of a sheet, solved, with the values its statement gives.
public struct SolvedExercise {
    public let results: [TargetResult]
    public let values: [(String, ExprID)]
    public init(results: [TargetResult], values: [(String, ExprID)]) { self.results = results; self.values = values }
}
