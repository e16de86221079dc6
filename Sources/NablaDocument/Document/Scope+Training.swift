import NablaCore

extension Scope {
    /// The composition `target` trains, with its parameters, inputs and label sorted out.
    func training(_ target: TrainingTarget) throws(Diagnostic) -> TrainingComposition {
        let name = target.name
        guard let wrt = target.wrt else {
            throw Diagnostic(.notAVariable, .other(TrainingPhrase.needsParameters(target: name)), at: target.location)
        }
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings, aliases: aliases, shapes: shapes)
        let links = try self.links(target.chain, &resolver)
        warnings += resolver.warnings
        try Scope.checkShapes(links)
        try checkNameCapture(links)
        guard let innermost = definitions[links.last!.name] else {
            throw Diagnostic(.undefinedTarget, .other(TrainingPhrase.innermostIsNotDefined(links.last!.name)), at: target.location)
        }
        // Compose from the innermost function out; the model is everything inside the loss.
        let model = links.count > 1 ? store.composition(of: links.dropFirst()) : nil
        let components = model.map { store.substitute(links[0].components, replacing: links[0].parameters, with: $0) } ?? links[0].components
        try checkBudget(target.location)
        guard components.count == 1 else {
            throw Diagnostic(.notScalar, .other(TrainingPhrase.needsAScalarLoss(target: name, components: components.count)), at: target.location)
        }
        let loss = components[0]
        let inputs = innermost.parameters.map { store.symbol($0.name) }
        var blocks: [TrainingComposition.Block] = []
        for block in variableBlocks(wrt, inputs: innermost.shapedParameters, all: true) {
            let location = wrt.first { $0.name == block.name }?.location ?? target.location
            let names = Shape.entryNames(block.name, block.shape)
            if let bound = names.first(where: { bindings[$0] != nil }) {
                throw Diagnostic(.notAVariable, .other(TrainingPhrase.parameterHasAValue(bound)), at: location)
            }
            let symbols = names.map { store.symbol($0) }
            if !symbols.contains(where: { store.depends(loss, on: $0) }) {
                throw Diagnostic(.notAVariable, DocumentPhrase.notInTarget(block.name, target: name, inputs: innermost.parameters.map(\.name), constants: []),
                                 at: location)
            }
            blocks.append(TrainingComposition.Block(name: block.name, shape: block.shape, symbols: symbols,
                                                    penalised: shapes.multiplying.contains(block.name)))
        }
        // The label: the one constant left, with all its entries.
        let known = Set(blocks.flatMap(\.symbols) + inputs)
        var labels: [String] = []
        for s in store.freeSymbols(loss).ids where !known.contains(s) {
            guard let symbol = store.symbolName(s) else { continue }
            let owner = shapes.declarations.values.first { Shape.entryNames($0.name, $0.shape).contains(symbol) }?.name ?? symbol
            if !labels.contains(owner) { labels.append(owner) }
        }
        labels.sort(by: naturalLess)
        if labels.count > 1 {
            throw Diagnostic(.missingValue, .other(TrainingPhrase.severalLabels(labels)), at: target.location)
        }
        let label = labels.first.map { n in
            let shape = shapes.declarations[n]?.shape ?? []
            return TrainingComposition.Label(name: n, shape: shape, symbols: Shape.entryNames(n, shape).map { store.symbol($0) })
        }
        return TrainingComposition(target: name, loss: loss, model: model, parameters: blocks, inputs: inputs,
                                   inputNames: innermost.parameters.map(\.name), label: label)
    }
}
