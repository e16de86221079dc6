import NablaDocument
import NablaCalculus
import NablaCore

/// `\frac{\partial(x, y)}{\partial(r, \theta)} = …`: the Jacobian of functions or quantities
/// written side by side, a row each, with respect to the variables named. A matrix claims the
/// Jacobian, a scalar its determinant (the two readings courses give the notation).
extension SheetChecker {
    func severalFunctionsClaims(_ head: GradientHead, _ values: [MathSyntax], in scope: Scope, _ equivalence: inout Equivalence) -> [CheckReport.Claim] {
        guard let (functions, variables) = head.several else { return [] }
        let target = "∂(" + functions.map(\.name).joined(separator: ", ") + ")/∂(" + variables.joined(separator: ", ") + ")"
        let wrt = variables.map { LocatedName(name: $0, location: head.location) }
        var rows: [ExprID] = []
        var constants = Set<String>()
        for f in functions {
            let r: TargetResult
            do { r = try scope.solve(.jacobian, [f], head.location, wrt: wrt) } catch {
                return [CheckReport.Claim.unchecked(.notComputable(target: target, reason: error.message), at: head.location, target: target)]
            }
            guard r.matrix.rows == 1 else { return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: head.location, target: target)] }
            // A quantity's row is in the variables; its definitions are substituted in the claim too.
            rows += r.matrix.entries
            constants.formUnion(r.components.flatMap(store.freeSymbolNames))
        }
        let jacobian = ExpressionMatrix(rows: functions.count, columns: variables.count, entries: rows)
        var expansion: [ExprID: ExprID] = [:]
        for f in functions where scope.quantities[f.name] != nil {
            if let graph = try? scope.solve(.jacobian, [f], head.location).quantities { expansion.merge(graph.inVariables(store)) { a, _ in a } }
        }
        let known = Set(variables).union(constants).union(jacobian.entries.flatMap(store.freeSymbolNames))
        var out: [CheckReport.Claim] = []
        for (k, value) in values.enumerated() {
            var part = CheckReport.Part(link: values.count > 1 ? k + 1 : nil, links: values.count > 1 ? values.count : nil)
            part.inPlace = true   // the target names itself: no ∇ before it
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            guard let claimed = try? matrix(value, &resolver, [:]) else {
                out.append(CheckReport.Claim.unchecked(.unreadable(reason: "not a value"), at: value.location, target: target, part: part))
                continue
            }
            var expected = jacobian
            if claimed.rows == 1, claimed.columns == 1, jacobian.rows == jacobian.columns, jacobian.rows > 1, jacobian.rows <= 4 {
                expected = ExpressionMatrix(rows: 1, columns: 1, entries: [scope.simplifier.simplify(store.determinant(jacobian))])
                part.determinant = true
            }
            let written = ExpressionMatrix(rows: claimed.rows, columns: claimed.columns, entries: store.substitute(claimed.entries, expansion))
            let foreign = Set(written.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            let shown: CheckReport.Part? = part
            if !foreign.isEmpty {
                out.append(CheckReport.Claim.unchecked(.foreignSymbols(foreign), at: value.location, target: target, part: shown))
                continue
            }
            out.append(compare(written, expected, column: nil, target: target, part: shown, location: value.location, factors: nil, &equivalence))
        }
        return out
    }
}
