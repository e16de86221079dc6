import NablaCore

/// What a `train loss∘model wrt W, b` statement asks to fit.
public struct TrainingTarget {
    package let chain: [LocatedName]
    package let wrt: [LocatedName]?
    public let location: SourceLocation

    /// The target as written, with `∘`: `loss∘model`.
    public var name: String { chain.map(\.name).joined(separator: "∘") }
}

/// A training target composed into expressions, ready to be compiled: the loss at one example,
/// the model's outputs, and the symbols that are parameters, inputs and label.
///
/// ```swift
/// let doc = try Document(source: SourceText(name: "iris.nabla", text: """
///     model(x[4]) = softmax(W[3,4]·x + b[3])
///     loss(p[3]) = -y·log(p)
///     train loss∘model wrt W, b
///     """), derivingTraining: false)
/// let t = try doc.training(doc.trainingTargets[0])
/// t.parameters.map(\.name)   // ["W", "b"]; W is penalised, b (a bias) is not
/// t.label?.symbols.count     // 3: y_1, y_2, y_3
/// ```
public struct TrainingComposition {
    /// A vector, matrix or scalar being learnt.
    public struct Block {
        public let name: String
        public let shape: [Int]
        public let symbols: [ExprID]
        /// Whether the L2 penalty applies: a weight multiplies a vector (`W·x`); a bias is added.
        public let penalised: Bool

        public init(name: String, shape: [Int], symbols: [ExprID], penalised: Bool) {
            self.name = name; self.shape = shape; self.symbols = symbols; self.penalised = penalised
        }
    }

    /// The constant the data gives at each example: the label y.
    public struct Label {
        public let name: String
        public let shape: [Int]
        public let symbols: [ExprID]

        public init(name: String, shape: [Int], symbols: [ExprID]) { self.name = name; self.shape = shape; self.symbols = symbols }
    }

    /// A composition built in code, from expressions of a store (see ``Objective``):
    ///
    /// ```swift
    /// let s = ExpressionStore()
    /// let x = [s.symbol("x")], w = s.symbol("w"), c = s.symbol("c"), y = s.symbol("y")
    /// let q = s.apply(.sigmoid, s.add(s.multiply(w, x[0]), c))
    /// let loss = s.subtract(s.negate(s.multiply(y, s.log(q))), s.multiply(s.subtract(s.one, y), s.log(s.subtract(s.one, q))))
    /// let model = TrainingComposition(target: "bce∘neuron", loss: loss, model: [q],
    ///     parameters: [.init(name: "w", shape: [], symbols: [w], penalised: true), .init(name: "c", shape: [], symbols: [c], penalised: false)],
    ///     inputs: x, inputNames: ["x"], label: .init(name: "y", shape: [], symbols: [y]))
    /// ```
    public init(target: String, loss: ExprID, model: [ExprID]?, parameters: [Block], inputs: [ExprID], inputNames: [String], label: Label?) {
        self.target = target; self.loss = loss; self.model = model; self.parameters = parameters
        self.inputs = inputs; self.inputNames = inputNames; self.label = label
    }

    public let target: String
    /// The loss at one example, in the parameters, the inputs and the label.
    public let loss: ExprID
    /// The outputs of the chain without its outermost function (the class probabilities of
    /// `loss∘model`); nil when the chain has one function.
    public let model: [ExprID]?
    public let parameters: [Block]
    /// The inputs, the innermost function's parameters as scalars (x_1 … x_4).
    public let inputs: [ExprID]
    public let inputNames: [String]
    public let label: Label?

    /// Every parameter symbol, block after block.
    public var parameterSymbols: [ExprID] { parameters.flatMap(\.symbols) }
}
