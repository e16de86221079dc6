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

    package init(store: ExpressionStore, definitions: [String: FunctionDefinition], bindings: [String: ExprID], aliases: [String: String] = [:]) {
        self.store = store; self.definitions = definitions; self.bindings = bindings; self.aliases = aliases
    }

    /// The components of a defined function, in the symbols of its parameters.
    mutating func components(of definition: FunctionDefinition) throws(Diagnostic) -> [ExprID] {
        if expanding.contains(definition.name.name) {
            throw Diagnostic(.undefinedFunction, DocumentPhrase.definedInTermsOfItself(definition.name.name),
                             at: definition.name.location)
        }
        expanding.append(definition.name.name)
        defer { expanding.removeLast() }
        let parameters = Dictionary(definition.parameters.map { ($0.name, store.symbol($0.name)) }, uniquingKeysWith: { a, _ in a })
        var result = try resolve(definition.body, parameters, allowVector: true)
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

    /// Resolves `syntax`; a scalar unless `allowVector`.
    mutating func resolve(_ syntax: ExpressionSyntax, _ parameters: [String: ExprID], allowVector: Bool = false) throws(Diagnostic) -> [ExprID] {
        switch syntax {
        case let .tuple(items, location):
            guard allowVector else {
                throw Diagnostic(.notScalar, DocumentPhrase.tupleInExpression(count: items.count), at: location)
            }
            var out: [ExprID] = []
            for item in items { out.append(try scalar(item, parameters)) }
            return out
        case let .call(name, arguments, location) where allowVector:
            let values = try resolve(syntax, parameters, allowVector: true, calling: name, arguments, location)
            if values.contains(store.undefined) { throw Resolver.undefinedValue(at: location) }
            return values
        default:
            return [try scalar(syntax, parameters)]
        }
    }

    private mutating func scalars(_ items: [ExpressionSyntax], _ parameters: [String: ExprID]) throws(Diagnostic) -> [ExprID] {
        var out: [ExprID] = []
        for item in items { out.append(try scalar(item, parameters)) }
        return out
    }

    package mutating func scalar(_ syntax: ExpressionSyntax, _ parameters: [String: ExprID]) throws(Diagnostic) -> ExprID {
        let result: ExprID
        switch syntax {
        case let .number(value, _): result = store.number(value)
        case let .name(name, _):
            if let p = parameters[name] { result = p }
            else if let v = bindings[name] { result = v }
            else if Builtin.isBuiltin(name) || definitions[name] != nil {
                throw Diagnostic(.notAFunction, DocumentPhrase.isAFunction(name),
                                 at: syntax.location)
            }
            else if name == "e" { result = store.constant(.e) }
            else if name == "pi" || name == "π" { result = store.constant(.pi) }
            else { result = store.symbol(name) }
        case let .negate(a, _): result = store.negate(try scalar(a, parameters))
        case let .sum(terms, _): result = store.sum(try scalars(terms, parameters))
        case let .product(factors, _):
            if factors.count == 2 {   // the common `3x1`, without an intermediate array
                let a = try scalar(factors[0], parameters)
                result = store.multiply(a, try scalar(factors[1], parameters))
            } else {
                result = store.product(try scalars(factors, parameters))
            }
        case let .divide(a, b, location):
            let numerator = try scalar(a, parameters)
            let denominator = try scalar(b, parameters)
            if denominator == store.zero { throw Diagnostic(.divisionByZero, DocumentPhrase.divisionByZero, at: location) }
            result = store.divide(numerator, denominator)
        case let .power(a, b, _): result = store.power(try scalar(a, parameters), try scalar(b, parameters))
        case let .tuple(items, location):
            throw Diagnostic(.notScalar, DocumentPhrase.tupleInExpression(count: items.count), at: location)
        case let .call(name, arguments, location):
            let values = try resolve(syntax, parameters, allowVector: true, calling: name, arguments, location)
            guard values.count == 1 else {
                throw Diagnostic(.notScalar, DocumentPhrase.givesSeveralValues(name, count: values.count),
                                 at: location)
            }
            result = values[0]
        }
        if result == store.undefined { throw Resolver.undefinedValue(at: syntax.location) }
        return result
    }

    static func undefinedValue(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.undefinedValue, DocumentPhrase.undefinedExpression, at: location)
    }

    private mutating func resolve(_ syntax: ExpressionSyntax, _ parameters: [String: ExprID], allowVector: Bool,
                                  calling written: String, _ arguments: [ExpressionSyntax], _ location: SourceLocation) throws(Diagnostic) -> [ExprID] {
        if let definition = definitions[written] { return try call(definition, arguments, parameters, location) }
        if written.hasSuffix("′"), arguments.count == 1, let value = try derivative(of: String(written.dropLast()), at: arguments[0], parameters) {
            return [value]
        }
        let name = aliases[written] ?? written
        if Builtin.variadic.contains(name) {
            if arguments.isEmpty { throw Diagnostic(.wrongArgumentCount, DocumentPhrase.needsAnArgument(name), at: location) }
            return Builtin.variadic(name, try scalars(arguments, parameters), in: store)
        }
        let isUnary = Builtin.scalar[name] != nil || Builtin.derived.contains(name)
        if isUnary && arguments.count == 1 {
            return [Builtin.unary(name, try scalar(arguments[0], parameters), in: store)!]
        }
        if Builtin.binary.contains(name) && arguments.count == 2 {
            let a = try scalar(arguments[0], parameters), b = try scalar(arguments[1], parameters)
            return [Builtin.binary(name, a, b, in: store)]
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
    private mutating func derivative(of name: String, at argument: ExpressionSyntax, _ parameters: [String: ExprID]) throws(Diagnostic) -> ExprID? {
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

    private mutating func call(_ definition: FunctionDefinition, _ arguments: [ExpressionSyntax],
                               _ parameters: [String: ExprID], _ location: SourceLocation) throws(Diagnostic) -> [ExprID] {
        guard arguments.count == definition.parameters.count else {
            throw Diagnostic(.wrongArgumentCount,
                             DocumentPhrase.argumentCount(definition.name.name, expected: String(definition.parameters.count), given: arguments.count),
                             at: location)
        }
        let values = try scalars(arguments, parameters)
        let body = try components(of: definition)
        let result = store.substitute(body, replacing: definition.parameters.map { store.symbol($0.name) }, with: values)
        if result.contains(store.undefined) {
            throw Diagnostic(.undefinedValue, DocumentPhrase.undefinedAtArguments(definition.name.name),
                             at: location)
        }
        return result
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
        case let .name(n, l): return n == name ? l : nil
        case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _):
            for i in items { if let l = i.firstLocation(of: name) { return l } }
            return nil
        case let .negate(a, _): return a.firstLocation(of: name)
        case let .divide(a, b, _), let .power(a, b, _): return a.firstLocation(of: name) ?? b.firstLocation(of: name)
        }
    }
}
