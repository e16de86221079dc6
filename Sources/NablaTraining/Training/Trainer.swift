import Foundation
import NablaCore

/// The optimisers `nabla train` offers.
public enum OptimizerChoice: String, CaseIterable, Sendable {
    /// Full-batch L-BFGS; one epoch is one iteration.
    case lbfgs
    /// Adam on shuffled mini-batches.
    case adam
    /// Stochastic gradient descent on shuffled mini-batches.
    case sgd

    /// The learning rate when none is given (L-BFGS needs none).
    public var defaultLearningRate: Double {
        switch self {
        case .lbfgs: 1
        case .adam: 0.01
        case .sgd: 0.1
        }
    }
}

/// How to train: the optimiser, the epochs, the penalty, the seed and the time budget.
public struct TrainingOptions: Sendable {
    public var optimizer: OptimizerChoice = .lbfgs
    /// The most epochs (for L-BFGS, iterations); L-BFGS stops earlier at the optimum.
    public var epochs = 100
    public var batchSize = 32
    public var learningRate: Double?
    public var seed: UInt64 = 0
    /// Stop after this many seconds, keeping the parameters reached.
    public var timeLimit: Double?
    /// L-BFGS stops when every entry of the gradient is below this in magnitude.
    public var gradientTolerance = 1e-8

    public init() {}
}

/// What one epoch reached.
public struct EpochRecord: Sendable {
    public let epoch: Int
    /// The objective on the training data: the mean loss plus the penalty.
    public let objective: Double
    public let trainAccuracy: Double?
    /// The mean loss on the test data, without the penalty.
    public let testLoss: Double?
    public let testAccuracy: Double?
    /// Whether the accuracies and the test loss were measured at this epoch (see ``Trainer``).
    public let measured: Bool
}

/// Why training stopped.
public enum StopReason: String, Sendable {
    case converged, epochs, timeLimit = "time limit", diverged
}

/// The result of a training run.
public struct TrainingOutcome: Sendable {
    /// The parameters, block after block (``TrainingComposition/parameterSymbols``).
    public let parameters: [Double]
    /// One record per epoch; the first (epoch 0) is the starting point.
    public let history: [EpochRecord]
    public let stop: StopReason
    public let seconds: Double

    public var final: EpochRecord { history.last! }
}

/// Minimises an ``Objective`` on a data set, recording each epoch on the training and the
/// test data. The same seed gives the same run.
///
/// ```swift
/// var options = TrainingOptions()
/// options.epochs = 200
/// let outcome = Trainer(objective, options: options).train(on: train, test: test) { record in
///     print(record.epoch, record.objective)
/// }
/// ```
public struct Trainer {
    public let objective: Objective
    public let options: TrainingOptions

    public init(_ objective: Objective, options: TrainingOptions) { self.objective = objective; self.options = options }

    /// The starting parameters: zero for a model with one layer of weights (softmax regression,
    /// a neuron: the problem is convex and zero is where scikit-learn starts too); in a network
    /// of several layers, small random weights for the matrices (Glorot's uniform range, so that
    /// hidden units differ) and zero for the rest.
    public func initialParameters() -> [Double] {
        var generator = SplitMix(seed: options.seed &+ 0x9E37_79B9)
        let layers = objective.composition.parameters.filter(\.penalised).count
        var θ: [Double] = []
        for block in objective.composition.parameters {
            if block.shape.count == 2 && layers >= 2 {
                let limit = (6.0 / Double(block.shape[0] + block.shape[1])).squareRoot()
                θ += (0..<block.symbols.count).map { _ in Double.random(in: -limit...limit, using: &generator) }
            } else {
                θ += Array(repeating: 0, count: block.symbols.count)
            }
        }
        return θ
    }

    public func train(on data: Dataset, test: Dataset? = nil, from start: [Double]? = nil,
                      progress: (EpochRecord) -> Void = { _ in }) -> TrainingOutcome {
        let clock = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - clock) / 1e9 }
        let overTime = { options.timeLimit.map { elapsed() > $0 } ?? false }
        var θ = start ?? initialParameters()
        var history: [EpochRecord] = []
        /// The objective at every epoch; the accuracies and the test loss (a pass over the data
        /// each) at epochs 0 to 20, then about 24 times per tenfold (log-spaced), and at the last.
        var nextMeasure = 0
        func record(_ epoch: Int, _ value: Double, last: Bool = false) {
            let measured = last || epoch >= nextMeasure
            if measured && epoch >= nextMeasure { nextMeasure = epoch < 20 ? epoch + 1 : Int((Double(epoch) * 1.1).rounded(.up)) }
            let r = EpochRecord(epoch: epoch, objective: value, trainAccuracy: measured ? objective.accuracy(θ, on: data) : nil,
                                testLoss: measured ? test.map { objective.meanLoss(θ, on: $0) } : nil,
                                testAccuracy: measured ? test.flatMap { objective.accuracy(θ, on: $0) } : nil, measured: measured)
            if let previous = history.last, previous.epoch == epoch { history.removeLast() }
            history.append(r)
            progress(r)
        }
        let full = { (x: [Double]) in objective.valueAndGradient(x, on: data) }
        var stop = StopReason.epochs
        switch options.optimizer {
        case .lbfgs:
            let lbfgs = LBFGS(gradientTolerance: options.gradientTolerance)
            var state = lbfgs.start(at: θ, full)
            record(0, state.value)
            for epoch in 1...max(1, options.epochs) {
                if lbfgs.converged(state) { stop = .converged; break }
                if overTime() { stop = .timeLimit; break }
                let done = lbfgs.step(&state, full)
                θ = state.x
                record(epoch, state.value)
                if !state.value.isFinite { stop = .diverged; break }
                if done { stop = .converged; break }
            }
        case .adam, .sgd:
            record(0, full(θ).0)
            var generator = SplitMix(seed: options.seed)
            let rate = options.learningRate ?? options.optimizer.defaultLearningRate
            var m = [Double](repeating: 0, count: θ.count), v = m
            var t = 0.0
            let batch = max(1, min(options.batchSize, data.count))
            epochs: for epoch in 1...max(1, options.epochs) {
                let order = Array(0..<data.count).shuffled(using: &generator)
                for start in stride(from: 0, to: data.count, by: batch) {
                    if overTime() { stop = .timeLimit; break epochs }
                    let rows = Array(order[start..<min(start + batch, data.count)])
                    let (_, g) = objective.valueAndGradient(θ, on: data, rows: rows)
                    if options.optimizer == .sgd {
                        for k in θ.indices { θ[k] -= rate * g[k] }
                    } else {
                        t += 1
                        let (b1, b2) = (0.9, 0.999)
                        let c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t)
                        for k in θ.indices {
                            m[k] = b1 * m[k] + (1 - b1) * g[k]
                            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                            θ[k] -= rate * (m[k] / c1) / ((v[k] / c2).squareRoot() + 1e-8)
                        }
                    }
                }
                let value = full(θ).0
                record(epoch, value)
                if !value.isFinite { stop = .diverged; break }
            }
        }
        if let last = history.last, !last.measured { record(last.epoch, last.objective, last: true) }
        return TrainingOutcome(parameters: θ, history: history, stop: stop, seconds: elapsed())
    }
}
