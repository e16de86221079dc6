import NablaDocument
import NablaCalculus
import NablaCore

/// A worked solution: the steps a course writes for each target, built once from the chain
/// rule's intermediate results and written by ``WorkedSolutionWriter`` in any format.
public struct WorkedSolution {
    /// The targets of one exercise, with the values its statement gives.
    public typealias Exercise = SolvedExercise


    /// One step of the working.
    public enum Step {
        /// A new exercise (sheets with several): its definitions are its own.
        case exercise(Int)
        /// The functions involved, with their definitions.
        case definitions([FunctionLink])
        /// Values given to constants (`y1 = 1`).
        case values([(String, ExprID)])
        /// The start of one target; `working`: the steps of the chain rule follow.
        case target(TargetResult, working: Bool)
        /// The Jacobian of one function of the composition, with respect to `variables` (its own
        /// parameters, or the target's variables for the innermost function).
        case factorJacobian(FunctionLink, ExpressionMatrix, variables: [ExprID])
        /// ∇(outer∘inner) = ∇outer(inner(x)) · ∇inner(x) = product = simplified, with respect to
        /// `variables`. `isLast`: the simplified product is the result, written next.
        case chainRule(outer: [FunctionLink], inner: FunctionLink, ChainRuleStep, isLast: Bool, variables: [ExprID])
        /// The intermediate variables of a quantity target, each with its definition.
        case quantities(QuantityGraph)
        /// The partial derivative of each quantity with respect to what it uses directly.
        case partials(QuantityGraph)
        /// The chain rule summed over the paths from a quantity to each variable.
        case leibniz([LeibnizSum], QuantityGraph)
        /// The final Jacobian.
        case result(TargetResult)
    }

    public let steps: [Step]

    /// The same without the working: definitions, values and results only.
    public var resultsOnly: WorkedSolution {
        WorkedSolution(steps: steps.compactMap {
            switch $0 {
            case .factorJacobian, .chainRule, .partials, .leibniz: return nil
            case let .target(r, _): return .target(r, working: false)
            default: return $0
            }
        })
    }

    private init(steps: [Step]) { self.steps = steps }

    /// The working for `results`, which share the definitions in `links` order of first use.
    public init(results: [TargetResult], values: [(String, ExprID)] = []) {
        steps = WorkedSolution.steps(results, values)
    }

    /// The working of a sheet, exercise by exercise.
    public init(exercises: [Exercise]) {
        steps = exercises.count == 1 ? WorkedSolution.steps(exercises[0].results, exercises[0].values)
            : exercises.enumerated().flatMap { [Step.exercise($0.offset + 1)] + WorkedSolution.steps($0.element.results, $0.element.values) }
    }

    private static func steps(_ results: [TargetResult], _ values: [(String, ExprID)]) -> [Step] {
        var steps: [Step] = []
        var defined: [FunctionLink] = []
        for r in results where r.quantities == nil {
            for l in r.links where !defined.contains(where: { $0.name == l.name }) { defined.append(l) }
        }
        if !defined.isEmpty { steps.append(.definitions(defined)) }
        if !values.isEmpty { steps.append(.values(values)) }
        for r in results {
            steps.append(.target(r, working: true))
            if let graph = r.quantities, let working = graph.working {
                steps.append(.quantities(graph))
                steps.append(.partials(graph))
                if !working.sums.isEmpty { steps.append(.leibniz(working.sums, graph)) }
            } else if let d = r.derivation, r.links.count > 1, !d.steps.isEmpty {
                let last = d.steps.count - 1
                steps.append(.factorJacobian(r.links[0], d.outermostJacobian, variables: r.links[0].parameters))
                for (k, step) in d.steps.enumerated() {
                    steps.append(.factorJacobian(r.links[k + 1], step.innerJacobian, variables: k == last ? r.variableSymbols : r.links[k + 1].parameters))
                }
                for (k, step) in d.steps.enumerated() {
                    steps.append(.chainRule(outer: Array(r.links[...k]), inner: r.links[k + 1], step, isLast: k == last,
                                            variables: k == last ? r.variableSymbols : r.links[k + 1].parameters))
                }
            }
            steps.append(.result(r))
        }
        return steps
    }
}
