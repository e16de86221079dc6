import NablaDocument
import NablaPrinting
import NablaCalculus
import NablaCore

/// Claims about intermediate variables (`z = x^2 \sin y`, `x = st^2`, `y = s + t`): `∂z/∂s`,
/// `z_s`, `dz/dt`, `∂z/∂x`, and the chain rule stated as a sum of products of partials. A value
/// may mix quantities and variables (`2x \sin(y) t^2 + x^2 \cos y`): the definitions are
/// substituted before comparing.
extension SheetChecker {
    /// A bare `z = x^2 \sin y` in an exercise: a quantity, unless the name is a function, a
    /// parameter of one, already a quantity, or reads as a claim (`z_s = …`).
    func defineQuantity(_ chain: RelationChain, in scope: Scope) -> Bool {
        guard chain.relations == [.equals], case let .name(n, l)? = chain.parts[0].scalar, let body = chain.parts[1].scalar,
              scope.definitions[n] == nil, scope.compositions[n] == nil, scope.quantities[n] == nil, scope.bindings[n] == nil,
              subscriptPartial(n, in: scope) == nil else { return false }
        let names = body.names.filter { !["e", "pi", "π"].contains($0) && !$0.hasPrefix(LaTeXParser.setPrefix) }
        if names.isEmpty || names.contains(n) { return false }
        if scope.definitions.values.contains(where: { $0.parameters.contains { $0.name == n } }) { return false }
        scope.quantities[n] = Quantity(name: LocatedName(name: n, location: l), body: body)
        return true
    }

    /// `z_s` as a partial derivative: z a quantity, s a name its definitions use.
    func subscriptPartial(_ name: String, in scope: Scope) -> (quantity: String, variable: String)? {
        guard let bar = name.firstIndex(of: "_") else { return nil }
        let q = String(name[..<bar]), v = String(name[name.index(after: bar)...])
        guard !v.isEmpty, !v.contains("_"), v.first?.isLetter == true, scope.quantities[q] != nil else { return nil }
        return (q, v)
    }

    /// The claims of `∂q/∂v = value = …` for a quantity q.
    /// `claimedVariables`: those written after the head (`\nabla w : (x) \rightarrow …`), held as
    /// variables when they are quantities.
    func quantityClaims(_ head: GradientHead, _ values: [MathSyntax], claimedVariables: [LocatedName]?, in scope: Scope,
                        _ equivalence: inout Equivalence) -> [CheckReport.Claim] {
        let name = head.target[0].name
        var result: TargetResult
        do {
            result = try scope.solve(.jacobian, head.target, head.location)
            if let claimed = claimedVariables, claimed.map(\.name) != result.variables, head.variable == nil {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: claimed)
            }
        } catch {
            return [CheckReport.Claim.unchecked(.notComputable(target: name, reason: error.message), at: head.location, target: name)]
        }
        guard let graph = result.quantities else { return [] }
        let expansion = graph.inVariables(store)
        let q = graph.target
        var expected = result.matrix
        var through: [ExprID]?   // the uses of q the sum goes through, for a derivative with respect to a variable
        var part = CheckReport.Part(variable: head.variable)
        part.quantity = true
        if let v = head.variable {
            let symbol = store.symbol(v)
            if let j = result.variableSymbols.firstIndex(of: symbol) {
                expected = ExpressionMatrix(rows: 1, columns: 1, entries: [expected.entries[j]])
                through = graph.uses(q).filter { graph.depends($0, on: symbol) }
            } else if graph.uses(q).contains(symbol), let partial = graph.working?.partial(of: q, by: symbol) {
                // ∂z/∂x for a quantity x that z is written in: the partial of z's own formula.
                expected = ExpressionMatrix(rows: 1, columns: 1, entries: [store.substitute(partial, expansion)])
            } else if graph.isQuantity(symbol), let held = try? scope.solve(.jacobian, head.target, head.location, wrt: [LocatedName(name: v, location: head.location)]) {
                expected = ExpressionMatrix(rows: 1, columns: 1, entries: [store.substitute(held.matrix.entries[0], expansion)])
            } else {
                return [CheckReport.Claim.unchecked(.notAVariable(variable: v, target: name, variables: result.variables), at: head.location, target: name, part: part)]
            }
        }
        guard let point = pointValues(head, variables: result.variables, in: scope) else {
            return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: head.location, target: name, part: part)]
        }
        part.point = pointText(point, variables: result.variables)
        let known = Set(result.variables + expected.entries.flatMap(store.freeSymbolNames) + result.components.flatMap(store.freeSymbolNames))
        expected = at(point, expected, scope.simplifier)
        var out: [CheckReport.Claim] = []
        for (k, value) in values.enumerated() {
            var shownPart = part
            if values.count > 1 { shownPart.link = k + 1; shownPart.links = values.count }
            var value = value
            if case let .expression(e) = value, let terms = subscriptRule(e, in: scope) { value = .leibnizSum(terms, e.location) }
            if case let .leibnizSum(terms, l) = value {
                if let v = head.variable, let through, let finding = wrongSum(terms, quantity: name, variable: v, through: through) {
                    out.append(CheckReport.Claim(location: l, target: name, part: shownPart, verdict: .wrong, finding: finding, entries: []))
                }
                continue
            }
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            let claimed: ExpressionMatrix?
            do { claimed = try matrix(value, &resolver, [:]) } catch {
                out.append(CheckReport.Claim.unchecked(.unreadable(reason: error.message), at: value.location, target: name, part: shownPart))
                continue
            }
            guard let claimed else { continue }
            let written = at(point, ExpressionMatrix(rows: claimed.rows, columns: claimed.columns, entries: store.substitute(claimed.entries, expansion)), scope.simplifier)
            let foreign = Set(written.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            if !foreign.isEmpty {
                out.append(CheckReport.Claim.unchecked(.foreignSymbols(foreign), at: value.location, target: name, part: shownPart))
                continue
            }
            var verdict = compare(written, expected, column: nil, target: name, part: shownPart, location: value.location, factors: nil, &equivalence)
            if verdict.verdict == .wrong, point.isEmpty, let v = head.variable, let through, through.count > 1, written.entries.count == 1,
               let missing = forgottenTerm(written.entries[0], expected.entries[0], graph, q, store.symbol(v), expansion, &equivalence) {
                verdict = verdict.judged(.wrong, .missingTerm(missing))
            }
            out.append(verdict)
        }
        return out
    }

    /// `w_x x_s + w_y y_s`: the chain rule in subscripts, each name a partial derivative of a
    /// quantity (see ``subscriptPartial``); nil for anything else.
    func subscriptRule(_ e: ExpressionSyntax, in scope: Scope) -> [[GradientHead]]? {
        let terms: [ExpressionSyntax]
        if case let .sum(items, _) = e { terms = items } else { terms = [e] }
        var out: [[GradientHead]] = []
        for t in terms {
            let factors: [ExpressionSyntax]
            if case let .product(items, _) = t { factors = items } else { factors = [t] }
            var heads: [GradientHead] = []
            for f in factors {
                guard case let .name(n, l) = f, let (q, v) = subscriptPartial(n, in: scope) else { return nil }
                heads.append(GradientHead(target: [LocatedName(name: q, location: l)], variable: v, location: l))
            }
            out.append(heads)
        }
        return out.contains(where: { $0.count > 1 }) ? out : nil
    }
}
