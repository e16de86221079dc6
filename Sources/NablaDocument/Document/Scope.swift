import Foundation
import NablaCalculus
import NablaCore

/// The functions, compositions and values known at one point of a document or of one exercise
/// of a sheet, and the work done with them: resolving a target into the functions it chains,
/// and solving it by the chain rule.
package final class Scope {
    package let store: ExpressionStore
    package let simplifier: Simplifier
    package var definitions: [String: FunctionDefinition] = [:]
    package var compositions: [String: [LocatedName]] = [:]
    /// The intermediate variables (`x = s t^2`), by name.
    package var quantities: [String: Quantity] = [:]
    package var bindings: [String: ExprID] = [:]
    package var warnings: [Diagnostic] = []
    /// Other names of builtins (see ``Resolver/aliases``).
    package var aliases: [String: String] = [:]
    /// The variables a sheet's exercise names in its text ("par rapport à $(w_1, w_2, b)$",
    /// "with respect to $w$"): symbols, or a stem (`w` for w_1, w_2).
    package var statedVariables: [String]?
    /// The shapes of the constants (`W[3,4]`), declared or inferred.
    package let shapes = ConstantShapes()

    package init(store: ExpressionStore, simplifier: Simplifier? = nil, aliases: [String: String] = [:]) {
        self.aliases = aliases
        self.store = store
        self.simplifier = simplifier ?? Simplifier(store: store)
    }

    /// The values given so far, by name in reading order (`y1` before `y2` before `y10`).
    package var values: [(String, ExprID)] { bindings.sorted { naturalLess($0.key, $1.key) }.map { ($0.key, $0.value) } }

    /// Gives `name` the value of `syntax`, for the work that follows.
    package func bind(_ name: String, _ syntax: ExpressionSyntax) throws(Diagnostic) {
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings, aliases: aliases, shapes: shapes)
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
                    throw Diagnostic(.undefinedTarget, DocumentPhrase.compositionDefinedInTermsOfItself(name.name), at: name.location)
                }
                reversed += try links(inner, &resolver, seen + [name.name]).reversed()
            } else if Builtin.isBuiltin(name.name) {
                // A builtin takes as many arguments as the function inside it gives.
                guard let inner = reversed.last else {
                    throw Diagnostic(.undefinedTarget, DocumentPhrase.builtinNeedsAnInnerFunction(name.name),
                                     at: name.location)
                }
                let stem = builtinParameterStem(arity: inner.components.count, builtin: name.name)
                guard let link = Builtin.link(name.name, arity: inner.components.count, parameterStem: stem, in: store, at: name.location) else {
                    throw Diagnostic(.undefinedTarget, DocumentPhrase.twoArgumentsNotALink(name.name),
                                     at: name.location)
                }
                reversed.append(link)
            } else if quantities[name.name] != nil {
                throw Diagnostic(.undefinedTarget, DocumentPhrase.quantityInComposition(name.name), at: name.location)
            } else {
                throw Diagnostic(.undefinedTarget, DocumentPhrase.noSuchTarget(name.name, defined: definitions.keys.sorted() + compositions.keys.sorted() + quantities.keys.sorted()),
                                 at: name.location)
            }
            if reversed.count > Document.maximumLinks {
                throw Diagnostic(.inputTooLarge, DocumentPhrase.tooManyLinks(limit: Document.maximumLinks), at: name.location)
            }
        }
        return reversed.reversed()
    }

    /// Checks that each link takes as many arguments as the next one gives values.
    static func checkShapes(_ links: [FunctionLink]) throws(Diagnostic) {
        for (outer, inner) in zip(links, links.dropFirst()) where outer.parameters.count != inner.components.count {
            throw Diagnostic(.shapeMismatch, DocumentPhrase.cannotCompose(outer: outer.name, inner: inner.name, takes: outer.parameters.count,
                                                                         gives: inner.components.count),
                             at: outer.location)
        }
    }

    /// Throws the store's budget's message once it has run out.
    func checkBudget(_ location: SourceLocation?) throws(Diagnostic) { try store.checkBudget(at: location) }

    /// The names of a builtin link's parameters, as a course would write them (`z1, z2` for a
    /// softmax): the first of a few letters whose indexed names nothing in the scope uses, so that
    /// they never meet a symbol of the functions; the builtin's name with `·x` (which no input can
    /// spell) when every letter is taken.
    private func builtinParameterStem(arity: Int, builtin: String) -> String {
        var taken = Set(bindings.keys).union(compositions.keys)
        for d in definitions.values { taken.formUnion(d.parameters.map(\.name)); taken.formUnion(d.body.names) }
        for stem in ["z", "u", "v", "s", "t", "q"] where (1...max(arity, 1)).allSatisfy({ !taken.contains("\(stem)\($0)") && !taken.contains("\(stem)_\($0)") }) {
            return stem
        }
        return "\(builtin)·x"
    }

    /// A constant of an outer function must not be named like a variable of an inner one:
    /// in `f(u) = a·u` composed with `g(a) = a²`, the two `a` would be confused.
    func checkNameCapture(_ links: [FunctionLink]) throws(Diagnostic) {
        // From the innermost function out, with the parameters of the functions inside so far
        // (the innermost one that has each): one pass, however long the chain.
        var innerParameters: [ExprID: String] = [:]
        for outer in links.reversed() {
            let parameters = Set(outer.parameters)
            if !innerParameters.isEmpty {
                for c in outer.components {
                    for s in store.freeSymbols(c).ids where !parameters.contains(s) {
                        guard let inner = innerParameters[s], let name = store.symbolName(s) else { continue }
                        throw Diagnostic(.nameClash, DocumentPhrase.nameClash(name, constantIn: outer.name, variableOf: inner),
                                         at: outer.location)
                    }
                }
            }
            for p in outer.parameters { innerParameters[p] = outer.name }
        }
    }

    /// Solves `kind` of the composition `chain`; `wrt` names the variables when the
    /// function's own inputs are not the ones wanted (`gradient F wrt w11, w12`).
    package func solve(_ kind: CommandKind, _ chain: [LocatedName], _ location: SourceLocation, wrt: [LocatedName]? = nil,
               parseTime: Double = 0) throws(Diagnostic) -> TargetResult {
        var timings = PhaseTimings()
        timings.parse = parseTime
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings, aliases: aliases, shapes: shapes)
        let target = chain.map(\.name).joined(separator: "∘")
        store.budget?.activity = .reading(target)
        var graph: QuantityGraph?
        var links = try timings.measure(\.parse) { () throws(Diagnostic) -> [FunctionLink] in
            guard chain.count == 1, quantities[chain[0].name] != nil, definitions[chain[0].name] == nil else { return try self.links(chain, &resolver) }
            let (links, quantities) = try quantityLinks(chain[0], wrt: wrt, &resolver)
            graph = quantities
            return links
        }
        try checkBudget(location)
        warnings += resolver.warnings
        try Scope.checkShapes(links)
        try checkNameCapture(links)
        var variables = links.last!.parameters
        let inputs = definitions[links.last!.name]?.shapedParameters ?? []
        let blocks = variableBlocks(wrt ?? inputs, inputs: inputs)
        if let wrt { (links, variables) = try chosenVariables(entries(of: wrt, inputs: inputs), links, target) }
        if kind != .jacobian, links[0].components.count != 1 {
            throw Diagnostic(.notScalar, DocumentPhrase.needsAScalar(command: kind.rawValue, target: target, components: links[0].components.count),
                             at: location)
        }
        var simplificationTime = 0.0
        let simplifier = self.simplifier
        let budget = store.budget
        budget?.activity = .differentiating(target)
        let chainResult = try timings.measure(\.derivative) { () throws(Diagnostic) in
            store.chainRule(links, variables: variables) { matrix in
                let start = DispatchTime.now().uptimeNanoseconds
                defer { simplificationTime += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9; budget?.activity = .differentiating(target) }
                budget?.activity = .simplifying(target)
                // Past the budget nothing is simplified: the result is about to be refused.
                return store.isOverBudget ? matrix : simplifier.simplify(matrix)
            }
        }
        try checkBudget(location)
        var matrix = chainResult.jacobian
        if kind == .hessian {
            budget?.activity = .computingTheHessian(target)
            let gradient = matrix.entries
            matrix = try timings.measure(\.derivative) { () throws(Diagnostic) in store.jacobian(gradient, variables) }
            let start = DispatchTime.now().uptimeNanoseconds
            matrix = simplifier.simplify(matrix)
            simplificationTime += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            try checkBudget(location)
        }
        timings.derivative -= simplificationTime
        timings.simplification = simplificationTime
        if matrix.entries.contains(store.undefined) || chainResult.components.contains(store.undefined) {
            throw Diagnostic(.undefinedValue, DocumentPhrase.targetUndefined(target),
                             at: location)
        }
        var result = TargetResult(command: kind, target: target, variables: variables.compactMap(store.symbolName),
                                  components: chainResult.components, matrix: matrix, location: location, timings: timings)
        result.links = links
        result.variableSymbols = variables
        result.variableBlocks = blocks
        result.outerProducts = OuterProductForm.find(result, inputs: inputs, shapes: shapes, definitions: definitions, simplifier: simplifier, store: store)
        result.derivation = chainResult
        if var graph {
            graph.working = graph.working(variables, final: chainResult.jacobian.entries, store: store, simplifier: simplifier)
            result.quantities = graph
        }
        return result
    }

    /// The shape of each name: an input's (`x[4]`), or a constant's (`W[3,4]`).
    /// Empty when every name is a scalar, unless `all`.
    func variableBlocks(_ names: [LocatedName], inputs: [LocatedName], all: Bool = false) -> [VariableBlock] {
        var blocks: [VariableBlock] = []
        var offset = 0
        for name in names {
            let shape = shape(of: name, inputs: inputs)
            blocks.append(VariableBlock(name: name.name, shape: shape, offset: offset))
            offset += blocks.last!.count
        }
        return all || blocks.contains { !$0.shape.isEmpty } ? blocks : []
    }

    /// How many scalars the names stand for, a vector or a matrix counting its entries.
    func entryCount(_ names: [LocatedName]) -> Int {
        names.reduce(0) { $0 + shape(of: $1, inputs: []).reduce(1, *) }
    }

    private func shape(of name: LocatedName, inputs: [LocatedName]) -> [Int] {
        if !name.shape.isEmpty { return name.shape }
        return inputs.first { $0.name == name.name }?.shape ?? shapes.declarations[name.name]?.shape ?? []
    }

    /// The names with each vector or matrix (`x[4]`, `W[3,4]`) replaced by its entries.
    private func entries(of names: [LocatedName], inputs: [LocatedName]) -> [LocatedName] {
        names.flatMap { name in
            Shape.entryNames(name.name, shape(of: name, inputs: inputs)).map { LocatedName(name: $0, location: name.location) }
        }
    }

    /// The links with the variables `wrt` used by the innermost one only (the outer links that
    /// use them are composed into it), and the variables' symbols. Every other symbol, the
    /// function's own inputs included, is a constant.
    private func chosenVariables(_ wrt: [LocatedName], _ links: [FunctionLink], _ target: String) throws(Diagnostic) -> ([FunctionLink], [ExprID]) {
        let innermost = links.last!
        var outermostUse = links.count - 1
        for name in wrt {
            let symbol = store.symbol(name.name)
            if bindings[name.name] != nil {
                throw Diagnostic(.notAVariable, DocumentPhrase.variableHasAValue(name.name), at: name.location)
            }
            let uses = links.indices.filter { k in
                !links[k].parameters.contains(symbol) && links[k].components.contains { store.depends($0, on: symbol) }
            }
            if let first = uses.first { outermostUse = min(outermostUse, first) }
            if uses.isEmpty && !innermost.parameters.contains(symbol) {
                let inputs = innermost.parameters.compactMap(store.symbolName)
                let constants = symbolsOtherThanParameters(links)
                if let k = links.firstIndex(where: { $0.parameters.contains(symbol) }) {
                    throw Diagnostic(.notAVariable,
                                     DocumentPhrase.variableOfAnInnerFunction(name.name, function: links[k].name, target: target, inputs: inputs, constants: constants),
                                     at: name.location)
                }
                throw Diagnostic(.notAVariable, DocumentPhrase.notInTarget(name.name, target: target, inputs: inputs, constants: constants), at: name.location)
            }
        }
        let variables = wrt.map { store.symbol($0.name) }
        guard outermostUse < links.count - 1 else { return (links, variables) }
        // An outer link uses a variable: compose it and everything inside it into one function.
        let components = store.composition(of: links[outermostUse...])
        let merged = FunctionLink(name: links[outermostUse...].map(\.name).joined(separator: "∘"), parameters: innermost.parameters,
                                  components: components, location: links[outermostUse].location)
        return (Array(links[..<outermostUse]) + [merged], variables)
    }

    /// The stated variables (``statedVariables``) as they apply to `chain`: the symbols of the
    /// target they name, a stem standing for every symbol of that stem; nil when the target has
    /// none of them, so that a helper function of the exercise keeps its own variables.
    package func statedVariables(for chain: [LocatedName], at location: SourceLocation) -> [LocatedName]? {
        guard let stated = statedVariables, !stated.isEmpty,
              let plain = try? solve(.jacobian, chain, location) else { return nil }
        let symbols = Set(plain.variables + plain.components.flatMap(store.freeSymbolNames))
        var chosen: [String] = []
        for name in stated {
            if symbols.contains(name) { chosen.append(name); continue }
            let ofStem = symbols.filter { Scope.stem($0) == name && $0 != name }.sorted(by: naturalLess)
            if ofStem.isEmpty { return nil }
            chosen += ofStem
        }
        return chosen == plain.variables ? nil : chosen.map { LocatedName(name: $0, location: location) }
    }

    /// The letters of a name before its index: `w` for `w_1_2`, `w11` and `w`.
    package static func stem(_ name: String) -> String {
        let base = name.split(separator: "_").first.map(String.init) ?? name
        return String(base.prefix { !$0.isNumber })
    }

    /// The symbols of the links that are not their parameters, in reading order.
    private func symbolsOtherThanParameters(_ links: [FunctionLink]) -> [String] {
        var names = Set<String>()
        for link in links {
            let parameters = Set(link.parameters)
            for c in link.components { for s in store.freeSymbols(c).ids where !parameters.contains(s) { names.insert(store.symbolName(s) ?? "") } }
        }
        return names.filter { !$0.isEmpty && !$0.contains("·") }.sorted(by: naturalLess)
    }
}
