import NablaDocument
import NablaCalculus
import NablaCore

/// The commonest chain-rule mistake, named: a term of the sum over the paths left out, in a
/// stated sum (∂z/∂x·∂x/∂s alone) or in a value that is the sum of the other terms.
extension SheetChecker {
    /// What is wrong with a stated sum ∂q/∂d·∂d/∂v + …: a path left out or one that is not there.
    func wrongSum(_ terms: [[GradientHead]], quantity: String, variable: String, through: [ExprID]) -> Finding? {
        func path(_ d: String) -> [String] { d == variable ? ["\(quantity)/\(d)"] : ["\(quantity)/\(d)", "\(d)/\(variable)"] }
        func written(_ p: [String]) -> String { p.map { "∂" + $0.replacingOccurrences(of: "/", with: "/∂") }.joined(separator: "·") }
        let expected = through.compactMap(store.symbolName).map(path)
        let claimed = terms.map { $0.map { "\($0.target[0].name)/\($0.variable ?? "")" } }
        for e in expected where !claimed.contains(where: { Set($0) == Set(e) }) { return .missingTerm(written(e)) }
        for c in claimed where !expected.contains(where: { Set($0) == Set(c) }) { return .extraTerm(written(c)) }
        return nil
    }

    /// The path whose term the claim leaves out, when the claim is the sum of the others: the
    /// terms of the working's sum ∂q/∂v, each with the quantities written in the variables.
    func forgottenTerm(_ claimed: ExprID, _ expected: ExprID, _ graph: QuantityGraph, _ q: ExprID, _ v: ExprID,
                       _ expansion: [ExprID: ExprID], _ equivalence: inout Equivalence) -> String? {
        guard let sum = graph.working?.sum(of: q, by: v) else { return nil }
        let name = { (id: ExprID) in self.store.symbolName(id) ?? "?" }
        for (d, t) in zip(sum.through, sum.terms) {
            let term = store.substitute(store.multiply(t.outer, t.inner), expansion)
            if case .equal = equivalence.compare(claimed, store.subtract(expected, term)) {
                return d == v ? "∂\(name(q))/∂\(name(v))" : "∂\(name(q))/∂\(name(d))·∂\(name(d))/∂\(name(v))"
            }
        }
        return nil
    }

    /// For f∘g with f scalar: the term ∂f/∂x_i·∂x_i/∂v of the chain-rule sum that a one-entry
    /// claim leaves out, when it is the sum of the others ("∂f/∂x·dx/dt").
    func forgottenChainTerm(_ claimed: ExprID, column j: Int, _ result: TargetResult, _ equivalence: inout Equivalence) -> String? {
        guard result.links.count == 2, result.links[0].components.count == 1, let step = result.derivation?.steps.first,
              result.links[0].parameters.count > 1, j >= 0, j < step.innerJacobian.columns, j < result.matrix.columns else { return nil }
        let expected = result.matrix.entries[j]
        let variable = result.variables[j]
        let d = result.variables.count == 1 ? "d" : "∂"
        for (i, p) in result.links[0].parameters.enumerated() {
            let term = store.multiply(step.outerAtInner.entries[i], step.innerJacobian.entries[i * step.innerJacobian.columns + j])
            guard term != store.zero, case .equal = equivalence.compare(claimed, store.subtract(expected, term)),
                  let name = store.symbolName(p) else { continue }
            return "∂\(result.links[0].name)/∂\(name)·\(d)\(name)/\(d)\(variable)"
        }
        return nil
    }
}
