import NablaCalculus
import NablaCore

/// The working of a quantity's derivatives as a course writes it with intermediate variables:
/// first the partial derivative of each quantity with respect to what it uses directly, then,
/// for each quantity that uses other quantities, the sum over the paths to each variable,
/// ∂z/∂s = ∂z/∂x·∂x/∂s + ∂z/∂y·∂y/∂s.
public struct QuantityWorking {
    /// ∂q/∂d for each quantity q and each d it uses directly, in q's own terms (simplified).
    public let partials: [(quantity: ExprID, use: ExprID, value: ExprID)]
    /// The chain-rule sums, inner quantities first, the target's last.
    public let sums: [LeibnizSum]

    /// ∂q/∂d for a d that q uses directly.
    public func partial(of q: ExprID, by d: ExprID) -> ExprID? {
        partials.first { $0.quantity == q && $0.use == d }?.value
    }

    /// The sum ∂q/∂v = Σ …, when q uses other quantities.
    public func sum(of q: ExprID, by v: ExprID) -> LeibnizSum? {
        sums.first { $0.quantity == q && $0.variable == v }
    }
}

/// ∂q/∂v = Σ ∂q/∂d · ∂d/∂v over the quantities and variables d that q uses and that depend on v.
public struct LeibnizSum {
    public let quantity: ExprID
    public let variable: ExprID
    /// The d of the sum, in the order q uses them; `variable` itself when q uses it directly.
    public let through: [ExprID]
    /// The factors of each term, ∂q/∂d in q's uses and ∂d/∂v in d's (or in the variables):
    /// what a course writes before substituting.
    public let terms: [(outer: ExprID, inner: ExprID)]
    /// The same in the variables, simplified.
    public let value: ExprID
}

extension QuantityGraph {
    /// Each quantity written in the variables, by symbol.
    public func inVariables(_ store: ExpressionStore) -> [ExprID: ExprID] {
        var out: [ExprID: ExprID] = [:]
        for q in innerFirst {   // inner ones first
            var replacements: [ExprID: ExprID] = [:]
            for d in uses(q) { if let e = out[d] { replacements[d] = e } }
            let value = value(of: q)!
            out[q] = replacements.isEmpty ? value : store.substitute(value, replacements)
        }
        return out
    }

    /// The working for the derivatives of the target with respect to `variables` (a subset of
    /// the graph's variables, or the quantities held as such), with `final` the entries of the
    /// result already simplified, which the target's sums end with.
    package func working(_ variables: [ExprID], final: [ExprID], store: ExpressionStore, simplifier: Simplifier) -> QuantityWorking {
        let inVariables = self.inVariables(store)
        var partials: [(quantity: ExprID, use: ExprID, value: ExprID)] = []
        var partialOf: [ExprID: [ExprID: ExprID]] = [:]
        for (q, value) in definitions {
            for d in uses(q) {
                let p = simplifier.simplify(store.derivative(value, d))
                partials.append((q, d, p))
                partialOf[q, default: [:]][d] = p
            }
        }
        // ∂d/∂v for what d is: a variable (1 or 0), a quantity of variables only (its partial),
        // or a quantity with a sum of its own (that sum's value).
        var total: [ExprID: [ExprID: ExprID]] = [:]
        var sums: [LeibnizSum] = []
        for q in innerFirst {
            let usesQuantities = uses(q).contains(where: isQuantity)
            for v in variables where depends(q, on: v) {
                guard usesQuantities else {
                    total[q, default: [:]][v] = partialOf[q]?[v] ?? store.zero
                    continue
                }
                let through = uses(q).filter { depends($0, on: v) }
                let terms = through.map { d in (outer: partialOf[q]![d]!, inner: d == v ? store.one : total[d]?[v] ?? store.zero) }
                let value = q == target ? final[variables.firstIndex(of: v)!]
                    : simplifier.simplify(store.derivative(inVariables[q]!, v))
                total[q, default: [:]][v] = value
                sums.append(LeibnizSum(quantity: q, variable: v, through: through, terms: terms, value: value))
            }
        }
        return QuantityWorking(partials: partials, sums: sums)
    }
}
