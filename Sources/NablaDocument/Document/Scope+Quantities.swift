import NablaCalculus
import NablaCore

extension Scope {
    /// The quantity `target` as a chain of links the chain rule can take, outermost first: the
    /// target in what it uses directly, then those in what they use, until only independent
    /// variables are left (a variable used at a higher level passes through: `(x, s) ↦ (s t, s)`).
    /// Quantities named in `wrt` are held as variables, not expanded.
    func quantityLinks(_ target: LocatedName, wrt: [LocatedName]?, _ resolver: inout Resolver) throws(Diagnostic) -> ([FunctionLink], QuantityGraph) {
        // The target itself is never held: `derivative T wrt T` is an error of wrt, not an empty graph.
        let held = Set((wrt ?? []).map(\.name)).subtracting([target.name])
        var values: [ExprID: ExprID] = [:]
        var uses: [ExprID: [ExprID]] = [:]
        var order: [ExprID] = []
        // Depth first from the target, without recursion (a file may chain thousands of
        // quantities); a quantity met again while its own uses are being read is a cycle.
        var onPath = Set<String>(), done = Set<String>()
        var stack: [(LocatedName, leaving: Bool)] = [(target, false)]
        while let (name, leaving) = stack.popLast() {
            if leaving { onPath.remove(name.name); done.insert(name.name); continue }
            if done.contains(name.name) { continue }
            if onPath.contains(name.name) {
                throw Diagnostic(.undefinedTarget, DocumentPhrase.definedInTermsOfItself(name.name), at: quantities[name.name]?.name.location ?? name.location)
            }
            guard let quantity = quantities[name.name], !held.contains(name.name) else { continue }
            try checkBudget(name.location)
            let symbol = store.symbol(name.name)
            let value = try resolver.scalar(quantity.body, [:])
            let free = store.freeSymbols(value).ids
            // The order written, then whatever a called function brings in.
            var direct = quantity.body.names.map { store.symbol($0) }.filter { free.contains($0) }
            direct += free.filter { !direct.contains($0) }.sorted { naturalLess(store.symbolName($0) ?? "", store.symbolName($1) ?? "") }
            values[symbol] = value
            uses[symbol] = direct
            order.append(symbol)
            onPath.insert(name.name)
            stack.append((name, true))
            for d in direct.reversed() {
                guard let dependency = store.symbolName(d) else { continue }
                stack.append((LocatedName(name: dependency, location: quantity.body.firstLocation(of: dependency) ?? quantity.name.location), false))
            }
        }
        let top = store.symbol(target.name)
        var links = [FunctionLink(name: target.name, parameters: uses[top] ?? [], components: [values[top]!], location: target.location)]
        // One level further in each time, until every parameter is a variable.
        while let parameters = links.last?.parameters, parameters.contains(where: { uses[$0] != nil }) {
            var next: [ExprID] = []
            for p in parameters { for d in uses[p] ?? [p] where !next.contains(d) { next.append(d) } }
            let name = "(" + parameters.compactMap(store.symbolName).joined(separator: ", ") + ")"
            links.append(FunctionLink(name: name, parameters: next, components: parameters.map { values[$0] ?? $0 }, location: target.location))
            if links.count > Document.maximumLinks {
                throw Diagnostic(.inputTooLarge, DocumentPhrase.tooManyLinks(limit: Document.maximumLinks), at: target.location)
            }
        }
        if links.last!.parameters.isEmpty {
            throw Diagnostic(.notAVariable, DocumentPhrase.quantityHasNoVariable(target.name), at: target.location)
        }
        let graph = QuantityGraph(target: top, definitions: order.map { ($0, values[$0]!) }, dependencies: uses,
                                  variables: links.last!.parameters)
        return (links, graph)
    }
}
