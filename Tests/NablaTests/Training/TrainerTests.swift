import Foundation
import Testing
@testable import Nabla

/// The trainer against answers known in advance: an exact linear fit, the optimality of a
/// penalised softmax regression, the dense-layer products against the plain tape, and the seed.
@Suite struct TrainerTests {
    static let linear = """
        model(x[3]) = w[3]·x + c
        loss(q) = (q - y)^2/2
        train loss∘model wrt w, c
        """

    /// Noise-free data from y = 2x₁ − 3x₂ + 0.5x₃ + 1: without a penalty the optimum is those
    /// coefficients, with objective 0.
    @Test(arguments: [OptimizerChoice.lbfgs, .adam, .sgd])
    func anExactLinearFitIsFound(optimizer: OptimizerChoice) throws {
        let (c, store) = try trainingComposition(Self.linear)
        let csv = generatedCSV(rows: 200, features: 3, seed: 1410) { x in "\(2 * x[0] - 3 * x[1] + 0.5 * x[2] + 1)" }
        let data = try dataset(csv, label: "label", for: c)
        #expect(data.encoding == .numeric)
        var options = TrainingOptions()
        options.optimizer = optimizer
        options.epochs = optimizer == .lbfgs ? 200 : 300
        options.learningRate = optimizer == .adam ? 0.05 : nil
        let outcome = Trainer(Objective(c, store: store, l2: 0), options: options).train(on: data)
        let tolerance = optimizer == .lbfgs ? 1e-6 : 1e-2
        for (got, want) in zip(outcome.parameters, [2, -3, 0.5, 1]) {
            #expect(abs(got - want) < tolerance, "\(optimizer): \(outcome.parameters), stopped \(outcome.stop)")
        }
        if optimizer == .lbfgs { #expect(outcome.stop == .converged) }
        #expect(outcome.final.trainAccuracy == nil)
    }

    static let softmax = """
        model(x[2]) = softmax(W[3,2]·x + b[3])
        loss(p[3]) = -y·log(p)
        train loss∘model wrt W, b
        """

    static func classes(_ x: [Double]) -> String { x[0] + x[1] > 0.5 ? "c" : x[0] - x[1] > 0 ? "a" : "b" }

    /// At L-BFGS's optimum the gradient of the objective is zero: checked by central finite
    /// differences of the objective itself, entry by entry (seeded data).
    @Test(arguments: [1411, 1412] as [UInt64])
    func thePenalisedOptimumHasAZeroGradient(seed: UInt64) throws {
        let (c, store) = try trainingComposition(Self.softmax)
        let data = try dataset(generatedCSV(rows: 150, features: 2, seed: seed, label: Self.classes), label: "label", for: c)
        #expect(data.encoding == .oneHot(classes: ["a", "b", "c"]))
        let objective = Objective(c, store: store, l2: 0.05)
        #expect(objective.usesMatrixProducts)
        var options = TrainingOptions()
        options.epochs = 500
        let outcome = Trainer(objective, options: options).train(on: data)
        #expect(outcome.stop == .converged, "seed \(seed)")
        let θ = outcome.parameters
        let h = 1e-5
        for k in θ.indices {
            var up = θ, down = θ
            up[k] += h; down[k] -= h
            let slope = (objective.valueAndGradient(up, on: data).value - objective.valueAndGradient(down, on: data).value) / (2 * h)
            #expect(abs(slope) < 1e-6, "seed \(seed): ∂/∂θ\(k) = \(slope) at the optimum")
        }
        // The objective went down from log 3 at zero, and the penalty is in it.
        #expect(isClose(outcome.history[0].objective, log(3.0), relative: 1e-14))
        #expect(outcome.final.objective < 0.7)
        #expect((outcome.final.trainAccuracy ?? 0) > 0.85)
    }

    /// The dense layer run as matrix products gives the plain tape's objective and gradient.
    @Test(arguments: [1413, 1414, 1415] as [UInt64])
    func matrixProductsAgreeWithThePlainTape(seed: UInt64) throws {
        let (c, store) = try trainingComposition(Self.softmax)
        let data = try dataset(generatedCSV(rows: 301, features: 2, seed: seed, label: Self.classes), label: "label", for: c)
        let split = Objective(c, store: store, l2: 0.1), plain = Objective(c, store: store, l2: 0.1, matrixProducts: false)
        #expect(split.usesMatrixProducts && !plain.usesMatrixProducts)
        var g = SeededGenerator(seed: seed)
        let θ = (0..<c.parameterSymbols.count).map { _ in Double.random(in: -1...1, using: &g) }
        let a = split.valueAndGradient(θ, on: data), b = plain.valueAndGradient(θ, on: data)
        #expect(isClose(a.value, b.value, relative: 1e-12), "seed \(seed)")
        for k in θ.indices { #expect(isClose(a.gradient[k], b.gradient[k], relative: 1e-10, absolute: 1e-13), "seed \(seed): θ\(k)") }
        // A mini-batch too, and the model's outputs.
        let rows = Array(stride(from: 0, to: 301, by: 3))
        let ma = split.valueAndGradient(θ, on: data, rows: rows), mb = plain.valueAndGradient(θ, on: data, rows: rows)
        #expect(isClose(ma.value, mb.value, relative: 1e-12))
        #expect(split.modelOutputs(θ, on: data)!.flatMap { $0 }.elementsEqual(plain.modelOutputs(θ, on: data)!.flatMap { $0 }) { isClose($0, $1, relative: 1e-12) })
        // The gradient is the objective's: finite differences on the plain tape.
        let h = 1e-6
        for k in [0, 3, 6, 8] {
            var up = θ, down = θ
            up[k] += h; down[k] -= h
            let numeric = (plain.valueAndGradient(up, on: data).value - plain.valueAndGradient(down, on: data).value) / (2 * h)
            #expect(isClose(a.gradient[k], numeric, relative: 1e-6, absolute: 1e-8), "seed \(seed): θ\(k)")
        }
    }

    /// The same seed gives the same run, bit for bit; another seed another shuffle.
    @Test func theSeedMakesRunsRepeatable() throws {
        let (c, store) = try trainingComposition(Self.softmax)
        let data = try dataset(generatedCSV(rows: 120, features: 2, seed: 1416, label: Self.classes), label: "label", for: c)
        var options = TrainingOptions()
        options.optimizer = .adam
        options.epochs = 5
        options.batchSize = 16
        func run(_ seed: UInt64) -> [Double] {
            options.seed = seed
            return Trainer(Objective(c, store: store, l2: 0.01), options: options).train(on: data).parameters
        }
        #expect(run(7) == run(7))
        #expect(run(7) != run(8))
        let (train, test) = try data.split(testFraction: 0.25, seed: 3)
        #expect(train.count == 90 && test.count == 30)
        let again = try data.split(testFraction: 0.25, seed: 3)
        #expect(again.test.inputs == test.inputs)
    }

    /// The weights are penalised, the biases are not.
    @Test func weightsArePenalisedAndBiasesAreNot() throws {
        let (c, _) = try trainingComposition(Self.softmax)
        #expect(c.parameters.map(\.name) == ["W", "b"])
        #expect(c.parameters.map(\.penalised) == [true, false])
        #expect(c.label?.name == "y" && c.label?.symbols.count == 3)
        #expect(c.inputNames == ["x_1", "x_2"])
        let (neuron, _) = try trainingComposition("""
            neuron(x[3]) = sigmoid(w[3]·x + c)
            bce(q) = -y log(q) - (1 - y) log(1 - q)
            train bce∘neuron wrt w, c
            """)
        #expect(neuron.parameters.map(\.penalised) == [true, false])
    }
}

/// The trainer for a model built in code: a sigmoid neuron from the store's constructors and
/// examples given as arrays, against the logistic regression optimum's known property (the
/// gradient vanishes) and a separable data set's accuracy.
@Suite struct TrainerInCodeTests {
    @Test func aNeuronBuiltInCodeTrains() {
        let s = ExpressionStore()
        let x = [s.symbol("x1"), s.symbol("x2")], w = [s.symbol("w1"), s.symbol("w2")], c = s.symbol("c"), y = s.symbol("y")
        let q = s.apply(.sigmoid, s.sum([s.multiply(w[0], x[0]), s.multiply(w[1], x[1]), c]))
        let loss = s.subtract(s.negate(s.multiply(y, s.log(q))), s.multiply(s.subtract(s.one, y), s.log(s.subtract(s.one, q))))
        let model = TrainingComposition(target: "bce∘neuron", loss: loss, model: [q],
                                        parameters: [.init(name: "w", shape: [2], symbols: w, penalised: true),
                                                     .init(name: "c", shape: [], symbols: [c], penalised: false)],
                                        inputs: x, inputNames: ["x1", "x2"], label: .init(name: "y", shape: [], symbols: [y]))
        var g = SeededGenerator(seed: 1440)
        let rows = (0..<200).map { _ in [Double.random(in: -2...2, using: &g), Double.random(in: -2...2, using: &g)] }
        let data = Dataset(inputs: rows, labels: rows.map { [$0[0] - 2 * $0[1] > 0.3 ? 1 : 0] }, encoding: .binary(classes: ["no", "yes"]))
        let objective = Objective(model, store: s, l2: 0.01)
        var options = TrainingOptions()
        options.epochs = 300
        let outcome = Trainer(objective, options: options).train(on: data)
        #expect(outcome.stop == .converged)
        #expect(objective.valueAndGradient(outcome.parameters, on: data).gradient.allSatisfy { abs($0) < 1e-7 })
        #expect((outcome.final.trainAccuracy ?? 0) > 0.95)
        // The weights point along (1, −2), the boundary's normal.
        #expect(outcome.parameters[0] > 0 && outcome.parameters[1] < 0 && abs(outcome.parameters[1] / outcome.parameters[0] + 2) < 0.3)
    }
}

extension TrainerInCodeTests {
    /// The README's Swift example, as written there.
    @Test func theReadmeExampleRuns() throws {
        let irisText = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Examples/iris.nabla"), encoding: .utf8)
        let csvText = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Examples/iris.csv"), encoding: .utf8)
        let document = try Document(source: SourceText(name: "iris.nabla", text: irisText), derivingTraining: false)
        let composition = try document.training(document.trainingTargets[0])
        let data = try Dataset(CSVTable(SourceText(name: "iris.csv", text: csvText)), label: "species", for: composition)
        let (train, test) = try data.split(testFraction: 0.25, seed: 1)
        var options = TrainingOptions()
        options.epochs = 500
        let outcome = Trainer(Objective(composition, store: document.store, l2: 0.01), options: options).train(on: train, test: test)
        #expect(outcome.final.testAccuracy == 1.0)
        #expect(outcome.parameters.count == 15)
    }
}
