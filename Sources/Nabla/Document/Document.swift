import Foundation

/// A `.nabla` file, parsed and solved: each command's result, in order.
///
/// ```swift
/// let doc = try Document(source: SourceText(name: "ex.nabla", text: """
///     g(x1, x2) = (x1 + x2, x1 x2)
///     f(u, v) = exp(u - v)
///     jacobian f∘g
///     """))
/// let result = doc.results[0]           // 1×2: the gradient of exp(x1 + x2 - x1·x2)
/// TextRenderer(store: doc.store).matrix(result.matrix)
/// ```
///
/// Definitions can come in any order; a `let` applies to the commands after it. Every problem
/// is a ``Diagnostic`` with its line and column; `warnings` holds the ones that do not stop
/// the work.
public final class Document {
    /// The largest input read, in bytes.
    public static let maximumInputSize = 64 << 20
    /// The most functions one composition may chain.
    public static let maximumLinks = 10_000

    public let store: ExpressionStore
    public let source: SourceText
    public private(set) var results: [TargetResult] = []
    public private(set) var warnings: [Diagnostic] = []

    private var definitions: [String: FunctionDefinition] = [:]
    private var compositions: [String: [LocatedName]] = [:]
    private var bindings: [String: ExprID] = [:]
    private let simplifier: Simplifier
    private let targetName: String?

    /// Parses and solves `source`; `store` may be shared with other work of the same request.
    public convenience init(source: SourceText, store: ExpressionStore = ExpressionStore()) throws(Diagnostic) {
        try self.init(source: source, store: store, targetName: nil)
    }

    /// `targetName` renames every target in the results (used for expressions given on the command line).
    init(source: SourceText, store: ExpressionStore = ExpressionStore(), targetName: String?) throws(Diagnostic) {
        self.targetName = targetName
        self.store = store
        self.source = source
        self.simplifier = Simplifier(store: store)
        if source.bytes.count > Document.maximumInputSize {
            throw Diagnostic(.inputTooLarge, "the input is \(source.bytes.count) bytes; the limit is \(Document.maximumInputSize)",
                             at: nil)
        }
        try Document.checkText(source)
        var timings = PhaseTimings()
        var parser = Parser(source: source)
        let statements = try timings.measure(\.parse) { () throws(Diagnostic) in try parser.parse() }
        // Functions and compositions are known everywhere in the file.
        for statement in statements {
            switch statement {
            case let .function(name, parameters, body):
                definitions[name.name] = FunctionDefinition(name: name, parameters: parameters, body: body)
            case let .composition(name, chain): compositions[name.name] = chain
            default: break
            }
        }
        for statement in statements {
            switch statement {
            case let .bindings(list):
                for (name, syntax) in list {
                    var resolver = Resolver(store: store, definitions: definitions, bindings: bindings)
                    bindings[name.name] = try resolver.scalar(syntax, [:])
                }
            case let .command(kind, chain, location):
                results.append(try solve(kind, chain, location, parseTime: timings.parse))
                timings.parse = 0
            default: break
            }
        }
    }

    /// Rejects NUL bytes and invalid UTF-8 with the place of the first bad byte.
    static func checkText(_ source: SourceText) throws(Diagnostic) {
        let bytes = source.bytes
        if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return }
        if let nul = bytes.firstIndex(of: 0) {
            throw Diagnostic(.notText, "the input is not text (a NUL byte)", at: source.location(ofOffset: nul))
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s): offset += String(s).utf8.count
            case .emptyInput: return
            case .error:
                throw Diagnostic(.notText, "the input is not UTF-8 text (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                 at: source.location(ofOffset: offset))
            }
        }
    }

    /// The links of a target, outermost first, with named compositions expanded.
    private func links(_ chain: [LocatedName], _ resolver: inout Resolver, _ seen: [String] = []) throws(Diagnostic) -> [FunctionLink] {
        var result: [FunctionLink] = []
        for (index, name) in chain.enumerated() {
            if let definition = definitions[name.name] {
                let components = try resolver.components(of: definition)
                result.append(FunctionLink(name: name.name, parameters: definition.parameters.map { store.symbol($0.name) },
                                           components: components, location: name.location))
            } else if let inner = compositions[name.name] {
                if seen.contains(name.name) {
                    throw Diagnostic(.undefinedTarget, "the composition \(name.name) is defined in terms of itself", at: name.location)
                }
                result += try links(inner, &resolver, seen + [name.name])
                if result.count > Document.maximumLinks {
                    throw Diagnostic(.inputTooLarge, "the composition \(name.name) has more than \(Document.maximumLinks) functions",
                                     at: name.location)
                }
            } else if Builtin.isBuiltin(name.name) {
                // A builtin takes as many arguments as the function inside it gives.
                let arity: Int
                if index + 1 < chain.count {
                    arity = try links(Array(chain[(index + 1)...]), &resolver, seen).first?.components.count ?? 1
                } else {
                    throw Diagnostic(.undefinedTarget, "\(name.name) is a builtin of any number of arguments; compose it with a defined function to fix its variables",
                                     at: name.location)
                }
                result.append(Builtin.link(name.name, arity: arity, in: store, at: name.location)!)
            } else {
                let known = (definitions.keys.sorted() + compositions.keys.sorted()).joined(separator: ", ")
                throw Diagnostic(.undefinedTarget, "no function or composition named \(name.name)"
                                 + (known.isEmpty ? "" : " (defined: \(known))"), at: name.location)
            }
        }
        return result
    }

    /// A constant of an outer function must not be named like a variable of an inner one:
    /// in `f(u) = a·u` composed with `g(a) = a²`, the two `a` would be confused.
    private func checkNameCapture(_ links: [FunctionLink]) throws(Diagnostic) {
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

    private func solve(_ kind: CommandKind, _ chain: [LocatedName], _ location: SourceLocation, parseTime: Double) throws(Diagnostic) -> TargetResult {
        var timings = PhaseTimings()
        timings.parse = parseTime
        var resolver = Resolver(store: store, definitions: definitions, bindings: bindings)
        let links = try timings.measure(\.parse) { () throws(Diagnostic) in try self.links(chain, &resolver) }
        warnings += resolver.warnings
        try ExpressionStore.checkShapes(links)
        try checkNameCapture(links)
        let target = targetName ?? chain.map(\.name).joined(separator: "∘")
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
        return TargetResult(command: kind, target: target, variables: variables.compactMap(store.symbolName),
                            components: chainResult.components, matrix: matrix, location: location, timings: timings)
    }
}
