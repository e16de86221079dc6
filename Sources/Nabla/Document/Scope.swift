import Foundation

/// The functions, compositions and values known at one point of a document or of one exercise
/// of a sheet, and the work done with them: resolving a target into the functions it chains,
/// and solving it by the chain rule.
final class Scope {
    let store: ExpressionStore
    let simplifier: Simplifier
    var definitions: [String: FunctionDefinition] = [:]
    var compositions: [String: [LocatedName]] = [:]
    var bindings: [String: ExprID] = [:]
    var warnings: [Diagnostic] = []
    /// Other names of builtins (see ``Resolver/aliases``).
    var aliases: [String: String] = [:]

    init(store: ExpressionStore, simplifier: Simplifier? = nil, aliases: [String: String] = [:]) {
        self.aliases = aliases
        self.store = store
        self.simplifier = simplifier ?? Simplifier(store: store)
    }

    /// The values given so far, by name in reading order (`y1` before `y2` before `y10`).
    var values: [(String, ExprID)] { bindings.sorted { naturalLess($0.key, $1.key) }.map { ($0.key, $0.value) } }

    /// Gives `name` the value of `syntax`, for the work that follows.
    func bind(_ name: String, _ syntax: ExpressionSyntax) throws(Diagnostic) {
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings, aliases: aliases)
        bindings[name] = try resolver.scalar(syntax, [:])
    }

    /// The links of a target, outermost first, with named compositions expanded.
    func links(_ chain: [LocatedName], _ resolver: inout Resolver, _ seen: [String] = []) throws(Diagnostic) -> [FunctionLink] {
        // From the innermost function out, so that a builtin knows how many values it receives.
        var reversed: [FunctionLink] = []
        for name in chain.reversed() {
            if let definition = definitions[name.name] {
                let components = try resolver.components(of: definition)
                reversed.append(FunctionLink(name: name.name, parameters: definition.parameters.map { store.symbol($0.name) },
                                             components: components, location: name.location))
            } else if let inner = compositions[name.name] {
                if seen.contains(name.name) {
                    throw Diagnostic(.undefinedTarget, "the composition \(name.name) is defined in terms of itself", at: name.location)
                }
                reversed += try links(inner, &resolver, seen + [name.name]).reversed()
            } else if Builtin.isBuiltin(name.name) {
                // A builtin takes as many arguments as the function inside it gives.
                guard let inner = reversed.last else {
                    throw Diagnostic(.undefinedTarget, "\(name.name) is a builtin of any number of arguments; compose it with a defined function to fix its variables",
                                     at: name.location)
                }
                guard let link = Builtin.link(name.name, arity: inner.components.count, in: store, at: name.location) else {
                    throw Diagnostic(.undefinedTarget, "\(name.name) takes two arguments: it cannot be a link of a composition; define a function that calls it",
                                     at: name.location)
                }
                reversed.append(link)
            } else {
                let known = (definitions.keys.sorted() + compositions.keys.sorted()).joined(separator: ", ")
                throw Diagnostic(.undefinedTarget, "no function or composition named \(name.name)"
                                 + (known.isEmpty ? "" : " (defined: \(known))"), at: name.location)
            }
            if reversed.count > Document.maximumLinks {
                throw Diagnostic(.inputTooLarge, "the composition has more than \(Document.maximumLinks) functions", at: name.location)
            }
        }
        return reversed.reversed()
    }

    /// A constant of an outer function must not be named like a variable of an inner one:
    /// in `f(u) = a·u` composed with `g(a) = a²`, the two `a` would be confused.
    func checkNameCapture(_ links: [FunctionLink]) throws(Diagnostic) {
        for (k, outer) in links.enumerated() {
            let parameters = Set(outer.parameters)
            let constants = outer.components.flatMap { store.freeSymbols($0).ids }.filter { !parameters.contains($0) }
            for inner in links[(k + 1)...] {
                if let clash = constants.first(where: inner.parameters.contains), let name = store.symbolName(clash) {
                    throw Diagnostic(.shapeMismatch, "\(name) is a constant in \(outer.name) but a variable of \(inner.name); rename one of them",
                                     at: outer.location)
                }
            }
        }
    }

    func solve(_ kind: CommandKind, _ chain: [LocatedName], _ location: SourceLocation, parseTime: Double = 0) throws(Diagnostic) -> TargetResult {
        var timings = PhaseTimings()
        timings.parse = parseTime
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings, aliases: aliases)
        let links = try timings.measure(\.parse) { () throws(Diagnostic) in try self.links(chain, &resolver) }
        warnings += resolver.warnings
        try ExpressionStore.checkShapes(links)
        try checkNameCapture(links)
        let target = chain.map(\.name).joined(separator: "∘")
        if kind != .jacobian, links[0].components.count != 1 {
            throw Diagnostic(.notScalar, "\(kind.rawValue) needs a scalar function, but \(target) has \(links[0].components.count) components; use jacobian",
                             at: location)
        }
        var simplificationTime = 0.0
        let simplifier = self.simplifier
        let chainResult = try timings.measure(\.derivative) { () throws(Diagnostic) in
            store.chainRule(links) { matrix in
                let start = DispatchTime.now().uptimeNanoseconds
                defer { simplificationTime += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
                return simplifier.simplify(matrix)
            }
        }
        var matrix = chainResult.jacobian
        let variables = links.last!.parameters
        if kind == .hessian {
            let gradient = matrix.entries
            matrix = try timings.measure(\.derivative) { () throws(Diagnostic) in store.jacobian(gradient, variables) }
            let start = DispatchTime.now().uptimeNanoseconds
            matrix = simplifier.simplify(matrix)
            simplificationTime += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        timings.derivative -= simplificationTime
        timings.simplification = simplificationTime
        if matrix.entries.contains(store.undefined) || chainResult.components.contains(store.undefined) {
            throw Diagnostic(.undefinedValue, "\(target) is undefined (a division by zero or the log of a number ≤ 0 in the composition)",
                             at: location)
        }
        var result = TargetResult(command: kind, target: target, variables: variables.compactMap(store.symbolName),
                                  components: chainResult.components, matrix: matrix, location: location, timings: timings)
        result.links = links
        result.derivation = chainResult
        result.corners = store.reachable(from: chainResult.components).compactMap { id in
            if case let .apply(f, u) = store[id], f.hasCornerAtZero { return u }
            return nil
        }
        return result
    }
}
