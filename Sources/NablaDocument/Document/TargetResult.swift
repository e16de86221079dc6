import Foundation
import NablaCalculus
import NablaCore

/// The answer to one command of a document: a Jacobian (or gradient, or Hessian) with its variables.
public struct TargetResult {
    public let command: CommandKind
    /// The target as written, with `∘`: `g∘f`.
    public package(set) var target: String
    /// The variables, in order: the parameters of the innermost function.
    public let variables: [String]
    /// The variables as symbols of the store, in the same order.
    public package(set) var variableSymbols: [ExprID] = []
    /// Whether the variables were chosen (`wrt`) rather than the innermost function's parameters.
    public var variablesAreChosen: Bool { links.last.map { $0.parameters != variableSymbols } ?? false }
    /// The composed function itself, in the variables.
    public let components: [ExprID]
    /// Rows are outputs, columns variables (a gradient is one row).
    public package(set) var matrix: ExpressionMatrix
    /// Where the command is written.
    public let location: SourceLocation?
    public let timings: PhaseTimings
    /// The functions chained, outermost first, and the chain rule's intermediate matrices.
    public var links: [FunctionLink] = []
    public var derivation: ChainRuleResult?
    /// The variables by vector and matrix they belong to, when one of them is shaped
    /// (`wrt W, b`); empty when every variable is a scalar.
    public var variableBlocks: [VariableBlock] = []
    /// ∂L/∂W as δ·xᵀ for the dense layers among the blocks (see ``OuterProductForm``).
    public var outerProducts: [OuterProductForm] = []
    /// The intermediate variables, when the target is a quantity (`derivative z wrt s, t`).
    public var quantities: QuantityGraph?

    /// The same result with the function `old` called `new`, in the target and the links.
    func renamed(_ old: String, _ new: String) -> TargetResult {
        var r = self
        if r.target == old { r.target = new }
        r.links = links.map { link in
            var l = link
            if l.name == old { l.name = new }
            return l
        }
        return r
    }
}

/// How long each phase of the work took, in seconds.
public struct PhaseTimings: Sendable {
    public var parse: Double = 0
    public var derivative: Double = 0
    public var simplification: Double = 0

    /// Runs `work` and adds its duration to the phase at `keyPath`.
    mutating func measure<T>(_ keyPath: WritableKeyPath<PhaseTimings, Double>, _ work: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { self[keyPath: keyPath] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try work()
    }
}
