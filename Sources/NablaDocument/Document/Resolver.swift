import NablaCalculus
import NablaCore

/// Turns expression syntax into expressions of a store: names become parameters, values given
/// with `let`, constants or free symbols; calls of defined functions are substituted.
package struct Resolver {
    package let store: ExpressionStore
    package let definitions: [String: FunctionDefinition]
    package let bindings: [String: ExprID]
    /// Other names of builtins, for notations that write them so: in a sheet, `\sigma(t)` is the
    /// sigmoid unless the sheet defines σ.
    package var aliases: [String: String] = [:]
    /// Functions being expanded, to catch a definition that uses itself.
    package var expanding: [String] = []
    package var warnings: [Diagnostic] = []
    /// The shapes of the document's constants; a dot product may add one (`-y·log(p)`).
    package let shapes: ConstantShapes

    package init(store: ExpressionStore, definitions: [String: FunctionDefinition], bindings: [String: ExprID], aliases: [String: String] = [:],
                 shapes: ConstantShapes = ConstantShapes()) {
        self.store = store; self.definitions = definitions; self.bindings = bindings; self.aliases = aliases; self.shapes = shapes
    }

    /// The components of a defined function, in the symbols of its parameters (a vector
    /// parameter `x[4]` stands for x_1 … x_4).
    mutating func components(of definition: FunctionDefinition) throws(Diagnostic) -> [ExprID] {
        if expanding.contains(definition.name.name) {
            throw Diagnostic(.undefinedFunction, DocumentPhrase.definedInTermsOfItself(definition.name.name),
                             at: definition.name.location)
        }
        expanding.append(definition.name.name)
        defer { expanding.removeLast() }
        var parameters: [String: ShapedValue] = [:]
        for p in definition.shapedParameters where parameters[p.name] == nil {
            parameters[p.name] = p.shape.isEmpty ? .scalar(store.symbol(p.name))
                : .array(Shape.entryNames(p.name, p.shape).map { store.symbol($0) }, shape: p.shape)
        }
        let value = try self.value(definition.body, parameters)
        if value.shape.count == 2 {
            throw Diagnostic(.shapeMismatch, .other(ShapePhrase.functionValueIsAMatrix(definition.name.name, shape: value.shape)), at: definition.body.location)
        }
        var result = value.entries
        if result.contains(store.undefined) { throw Resolver.undefinedValue(at: definition.body.location) }
        warnAboutRunTogetherNames(definition, result)
        // A definition that is a standard function in the usual words is that function, named as the file names it.
        if definition.parameters.count == 1, result.count == 1 {
            let t = store.symbol(definition.parameters[0].name)
            if let f = store.standardFunction(result[0], of: t) {
                if store.namedFunctions[f] == nil, definition.name.name != f.rawValue {
                    store.namedFunctions[f] = NamedFunction(name: definition.name.name, parameter: t, body: result[0])
                }
                result = [store.apply(f, t)]
            }
        }
        return result
    }

    /// Resolves the scalar `syntax`, the names in `parameters` standing for their values.
    package mutating func scalar(_ syntax: ExpressionSyntax, _ parameters: [String: ExprID]) throws(Diagnostic) -> ExprID {
        try scalar(syntax, parameters.mapValues { ShapedValue.scalar($0) })
    }

    private mutating func scalar(_ syntax: ExpressionSyntax, _ parameters: [String: ShapedValue], _ place: ShapePhrase.Place = .expression) throws(Diagnostic) -> ExprID {
        switch syntax {
        case let .tuple(items, location):
            throw Diagnostic(.notScalar, DocumentPhrase.tupleInExpression(count: items.count), at: location)
        case let .call(name, _, location) where definitions[name] != nil || Builtin.variadic.contains(aliases[name] ?? name):
            let v = try value(syntax, parameters)
            guard case let .scalar(e) = v else {
                throw Diagnostic(.notScalar, DocumentPhrase.givesSeveralValues(name, count: v.entries.count), at: location)
            }
            return e
        default:
            return try requireScalar(try value(syntax, parameters), place, at: syntax.location)
        }
    }

    private mutating func values(_ items: [ExpressionSyntax], _ parameters: [String: ShapedValue]) throws(Diagnostic) -> [ShapedValue] {
        var out: [ShapedValue] = []
        for item in items { out.append(try value(item, parameters)) }
        return out
    }

    /// The value of `syntax`: a scalar, a vector or a matrix.
    mutating func value(_ syntax: ExpressionSyntax, _ parameters: [String: ShapedValue]) throws(Diagnostic) -> ShapedValue {
        let result: ShapedValue
        switch syntax {
        case let .number(value, _): result = .scalar(store.number(value))
        case let .name(name, _):
            if let p = parameters[name] { result = p }
            else if let v = bindings[name] { result = .scalar(v) }
            else if Builtin.isBuiltin(name) || definitions[name] != nil {
                throw Diagnostic(.notAFunction, DocumentPhrase.isAFunction(name),
                                 at: syntax.location)
            }
            else if let declared = shapes.declarations[name] { result = constant(name, declared.shape) }
            else if name == "e" { result = .scalar(store.constant(.e)) }
            else if name == "pi" || name == "π" { result = .scalar(store.constant(.pi)) }
            else { result = .scalar(store.symbol(name)) }
        case let .subscripted(name, numbers, location):
            if let p = parameters[name] { result = try entry(name, numbers, of: p, at: location) }
            else if let declared = shapes.declarations[name] {
                let whole = constant(name, declared.shape)
                result = declared.location == location ? whole : try entry(name, numbers, of: whole, at: location)
            } else {
                throw Diagnostic(.notScalar, .other(ShapePhrase.scalarHasNoEntries(name)), at: location)
            }
        case let .negate(a, _): result = try value(a, parameters).map { store.negate($0) }
        case let .sum(terms, location):
            let items = try values(terms, parameters)
            if items.allSatisfy({ if case .scalar = $0 { true } else { false } }) {
                result = .scalar(store.sum(items.map { $0.entries[0] }))
            } else {
                var total = items[0]
                for item in items.dropFirst() { total = try add(total, item, at: location) }
                result = total
            }
        case let .product(factors, location):
            if factors.count == 2 {   // the common `3x1`, without an intermediate array
                let a = try value(factors[0], parameters), b = try value(factors[1], parameters)
                noteWeights(factors, [a, b])
                result = try multiply(a, b, at: location)
            } else {
                let items = try values(factors, parameters)
                if items.allSatisfy({ if case .scalar = $0 { true } else { false } }) {
                    result = .scalar(store.product(items.map { $0.entries[0] }))
                } else {
                    noteWeights(factors, items)
                    var total = items[0]
                    for item in items.dropFirst() { total = try multiply(total, item, at: location) }
                    result = total
                }
            }
        case let .dot(a, b, location):
            try inferVector(a, beside: b, parameters)
            try inferVector(b, beside: a, parameters)
            let left = try value(a, parameters), right = try value(b, parameters)
            noteWeights([a, b], [left, right])
            result = try multiply(left, right, at: location)
        case let .divide(a, b, location):
            let numerator = try value(a, parameters)
            let denominator = try scalar(b, parameters, .denominator)
            if denominator == store.zero { throw Diagnostic(.divisionByZero, DocumentPhrase.divisionByZero, at: location) }
            result = try numerator.map { store.divide($0, denominator) }
        case let .power(a, b, _):
            let base = try value(a, parameters)
            let exponent = try scalar(b, parameters, .exponent)
            result = try base.map { store.power($0, exponent) }
        case let .tuple(items, _):
            var entries: [ExprID] = []
            for item in items { entries.append(try scalar(item, parameters)) }
            result = .vector(entries)
        case let .call(name, arguments, location):
            result = try call(name, arguments, parameters, location)
        }
        if result.entries.contains(store.undefined) { throw Resolver.undefinedValue(at: syntax.location) }
        return result
    }

    /// Records the constants among `factors` that multiply a vector or a matrix (``ConstantShapes/multiplying``).
    private func noteWeights(_ factors: [ExpressionSyntax], _ values: [ShapedValue]) {
        guard values.filter({ !$0.shape.isEmpty }).count >= 2 else { return }
        for (k, (syntax, value)) in zip(factors, values).enumerated() where !value.shape.isEmpty {
            switch syntax {
            case let .name(n, _), let .subscripted(n, _, _):
                guard shapes.declarations[n] != nil else { continue }
                shapes.multiplying.insert(n)
                // A matrix times the vector right after it: a dense layer.
                if value.shape.count == 2, k + 1 < values.count, values[k + 1].shape.count == 1 { shapes.denseInputs[n] = values[k + 1].entries }
            default: break
            }
        }
    }

    /// `-y·log(p)`: a free name beside a vector in a dot product is a vector of that length,
    /// from then on in the whole document.
    private mutating func inferVector(_ side: ExpressionSyntax, beside other: ExpressionSyntax, _ parameters: [String: ShapedValue]) throws(Diagnostic) {
        var bare = side
        while case let .negate(inner, _) = bare { bare = inner }
        guard case let .name(name, location) = bare, parameters[name] == nil, bindings[name] == nil, definitions[name] == nil,
              shapes.declarations[name] == nil, !Builtin.isBuiltin(name), !["e", "pi", "π"].contains(name) else { return }
        let beside = try value(other, parameters)
        guard beside.shape.count == 1 else { return }
        shapes.declarations[name] = ShapeDeclaration(name: name, shape: beside.shape, location: location)
    }

    static func undefinedValue(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.undefinedValue, DocumentPhrase.undefinedExpression, at: location)
    }

    /// The scalars the arguments of a function of any number of arguments stand for: one vector
    /// argument is its entries (`softmax(v)`), scalars are themselves (`softmax(a, b)`).
    private mutating func flattened(_ arguments: [ExpressionSyntax], _ parameters: [String: ShapedValue], of name: String) throws(Diagnostic) -> [ExprID] {
        let items = try values(arguments, parameters)
        if items.count == 1, items[0].shape.count == 1 { return items[0].entries }
        var out: [ExprID] = []
        for (item, syntax) in zip(items, arguments) { out.append(try requireScalar(item, .argument(of: name), at: syntax.location)) }
        return out
    }

    private mutating func call(_ written: String, _ arguments: [ExpressionSyntax], _ parameters: [String: ShapedValue],
                               _ location: SourceLocation) throws(Diagnostic) -> ShapedValue {
        if let definition = definitions[written] { return try call(definition, arguments, parameters, location) }
        if written.hasSuffix("′"), arguments.count == 1, let value = try derivative(of: String(written.dropLast()), at: arguments[0], parameters) {
            return .scalar(value)
        }
        let name = aliases[written] ?? written
        if Builtin.variadic.contains(name) {
            if arguments.isEmpty { throw Diagnostic(.wrongArgumentCount, DocumentPhrase.needsAnArgument(name), at: location) }
            let values = Builtin.variadic(name, try flattened(arguments, parameters, of: name), in: store)
            return values.count == 1 ? .scalar(values[0]) : .vector(values)
        }
        if name == Builtin.sum {
            if arguments.isEmpty { throw Diagnostic(.wrongArgumentCount, .other(ShapePhrase.sumOfNothing), at: location) }
            return .scalar(store.sum(try flattened(arguments, parameters, of: name)))
        }
        let isUnary = Builtin.scalar[name] != nil || Builtin.derived.contains(name)
        if isUnary && arguments.count == 1 {
            // Elementwise on a vector or a matrix.
            return try value(arguments[0], parameters).map { Builtin.unary(name, $0, in: store)! }
        }
        if Builtin.binary.contains(name) && arguments.count == 2 {
            let a = try scalar(arguments[0], parameters, .argument(of: name)), b = try scalar(arguments[1], parameters, .argument(of: name))
            return .scalar(Builtin.binary(name, a, b, in: store))
        }
        if isUnary || Builtin.binary.contains(name) {
            let expected = isUnary && Builtin.binary.contains(name) ? "1 or 2" : isUnary ? "1" : "2"
            throw Diagnostic(.wrongArgumentCount, DocumentPhrase.argumentCount(name, expected: expected, given: arguments.count), at: location)
        }
        if parameters[name] != nil || bindings[name] != nil {
            throw Diagnostic(.notAFunction, DocumentPhrase.notAFunction(name), at: location)
        }
        let meant = closestName(to: name, in: Array(definitions.keys) + Builtin.allNames)
        throw Diagnostic(.undefinedFunction, DocumentPhrase.unknownFunction(name, meant: meant, builtins: Builtin.allNames), at: location)
    }

    /// `sigma′(u)` (a sheet's `\sigma'(u)` inside an expression): the derivative of a function of
    /// one variable, defined or built in, at the argument; nil when the name is neither.
    private mutating func derivative(of name: String, at argument: ExpressionSyntax, _ parameters: [String: ShapedValue]) throws(Diagnostic) -> ExprID? {
        let t: ExprID, body: ExprID
        if let definition = definitions[name], definition.parameters.count == 1 {
            let components = try components(of: definition)
            guard components.count == 1 else { return nil }
            t = store.symbol(definition.parameters[0].name)
            body = components[0]
        } else if let unary = Builtin.unary(aliases[name] ?? name, store.symbol("·t"), in: store) {
            t = store.symbol("·t")
            body = unary
        } else {
            return nil
        }
        let at = try scalar(argument, parameters)
        return store.substitute([store.derivative(body, t)], replacing: [t], with: [at])[0]
    }

    /// A defined function called with arguments of its parameters' shapes.
    private mutating func call(_ definition: FunctionDefinition, _ arguments: [ExpressionSyntax],
                               _ parameters: [String: ShapedValue], _ location: SourceLocation) throws(Diagnostic) -> ShapedValue {
        let expected = definition.shapedParameters
        guard arguments.count == expected.count else {
            throw Diagnostic(.wrongArgumentCount,
                             DocumentPhrase.argumentCount(definition.name.name, expected: String(expected.count), given: arguments.count),
                             at: location)
        }
        var values: [ExprID] = []
        for (argument, parameter) in zip(arguments, expected) {
            let v = try value(argument, parameters)
            guard v.shape == parameter.shape else {
                throw Diagnostic(.shapeMismatch, .other(ShapePhrase.argumentShape(function: definition.name.name, parameter: parameter.name,
                                                                                    expected: parameter.shape, given: v.shape)), at: argument.location)
            }
            values += v.entries
        }
        let body = try components(of: definition)
        let result = store.substitute(body, replacing: definition.parameters.map { store.symbol($0.name) }, with: values)
        if result.contains(store.undefined) {
            throw Diagnostic(.undefinedValue, DocumentPhrase.undefinedAtArguments(definition.name.name),
                             at: location)
        }
        return result.count == 1 ? .scalar(result[0]) : .vector(result)
    }

    /// Warns about a free symbol such as `x1x2` that reads like a product of parameters.
    private mutating func warnAboutRunTogetherNames(_ definition: FunctionDefinition, _ components: [ExprID]) {
        let names = Set(definition.parameters.map(\.name))
        guard !names.isEmpty else { return }
        let parameterIDs = Set(names.map { store.symbol($0) })
        var seen = Set<String>()
        for c in components {
            for id in store.freeSymbols(c).ids where !parameterIDs.contains(id) {
                guard let symbol = store.symbolName(id), !seen.contains(symbol) else { continue }
                seen.insert(symbol)
                // The entries of a declared vector or matrix (W_1_2) are named by the file, not run together.
                if let stem = symbol.split(separator: "_").first, shapes.declarations[String(stem)] != nil { continue }
                if let parts = Resolver.split(symbol, into: names), parts.count >= 2 {
                    warnings.append(Diagnostic(.suspiciousName,
                                               DocumentPhrase.runTogetherName(symbol, meant: parts.joined(separator: "*")),
                                               at: definition.body.firstLocation(of: symbol) ?? definition.name.location, severity: .warning))
                }
            }
        }
    }

    /// `x1x2` split into parameter names `[x1, x2]`, when it can be.
    static func split(_ word: String, into names: Set<String>) -> [String]? {
        let characters = Array(word)
        var best: [Int: [String]] = [0: []]
        for start in 0..<characters.count {
            guard let prefix = best[start] else { continue }
            for end in (start + 1)...characters.count {
                let piece = String(characters[start..<end])
                if names.contains(piece), best[end] == nil { best[end] = prefix + [piece] }
            }
        }
        return best[characters.count]
    }
}

extension ExpressionSyntax {
    /// Where the name is first written in this expression.
    func firstLocation(of name: String) -> SourceLocation? {
        switch self {
        case .number: return nil
        case let .name(n, l), let .subscripted(n, _, l): return n == name ? l : nil
        case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _):
            for i in items { if let l = i.firstLocation(of: name) { return l } }
            return nil
        case let .negate(a, _): return a.firstLocation(of: name)
        case let .divide(a, b, _), let .power(a, b, _), let .dot(a, b, _): return a.firstLocation(of: name) ?? b.firstLocation(of: name)
        }
    }
}
