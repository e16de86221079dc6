import Foundation
import NablaCore

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
    /// The most parameters whose gradient a `train` statement writes out (`gradient … wrt` has no limit).
    public static let largestTrainingGradient = 256

    public let store: ExpressionStore
    public let source: SourceText
    public private(set) var results: [TargetResult] = []
    public private(set) var warnings: [Diagnostic] = []
    /// What `train` statements ask to fit to data, in order.
    public private(set) var trainingTargets: [TrainingTarget] = []
    /// The values given with `let`, by name.
    public var values: [(String, ExprID)] { scope.values }

    private let scope: Scope

    /// Parses and solves `source`; `store` may be shared with other work of the same request.
    /// `wrt`, when given, names the variables of every target (as `nabla solve --wrt` does),
    /// in place of the file's own `wrt` and of the functions' parameters.
    ///
    /// A `train` statement is solved as the gradient it trains with, unless `derivingTraining`
    /// is false (a trainer needs only the composition, ``training(_:)``).
    public init(source: SourceText, store: ExpressionStore = ExpressionStore(), wrt variables: [String]? = nil,
                derivingTraining: Bool = true) throws(Diagnostic) {
        self.store = store
        self.source = source
        self.scope = Scope(store: store)
        try Document.checkSize(source)
        var timings = PhaseTimings()
        var parser = Parser(source: source)
        let statements = try timings.measure(\.parse) { () throws(Diagnostic) in try parser.parse() }
        scope.warnings += parser.warnings
        scope.shapes.declarations = parser.declarations
        warnings = scope.warnings
        try solve(statements, parseTime: timings.parse, wrt: variables, derivingTraining: derivingTraining)
    }

    /// Solves `statements` read from `source` (for expressions given on the command line).
    init(source: SourceText, statements: [Statement], parseTime: Double, budget: Budget?, warnings: [Diagnostic] = []) throws(Diagnostic) {
        self.store = ExpressionStore()
        store.budget = budget
        self.source = source
        self.scope = Scope(store: store)
        scope.warnings = warnings
        self.warnings = warnings
        try solve(statements, parseTime: parseTime)
    }

    private func solve(_ statements: [Statement], parseTime: Double, wrt variables: [String]? = nil, derivingTraining: Bool = true) throws(Diagnostic) {
        var parseTime = parseTime
        var skipped: [Diagnostic] = []
        defer { warnings += skipped }
        // Functions, compositions and quantities are known everywhere in the file.
        for statement in statements {
            switch statement {
            case let .function(name, parameters, body):
                scope.definitions[name.name] = FunctionDefinition(name: name, parameters: parameters, body: body)
            case let .quantity(name, body): scope.quantities[name.name] = Quantity(name: name, body: body)
            default: break
            }
        }
        var composed = Set<String>()
        for case let .composition(name, _) in statements { composed.insert(name.name) }
        for case let .composition(name, chain) in statements {
            // `z = x` names a quantity unless x is something to compose.
            if chain.count == 1, scope.definitions[chain[0].name] == nil, !Builtin.isBuiltin(chain[0].name), !composed.contains(chain[0].name) {
                scope.quantities[name.name] = Quantity(name: name, body: .name(chain[0].name, chain[0].location))
            } else {
                scope.compositions[name.name] = chain
            }
        }
        for statement in statements {
            switch statement {
            case let .bindings(list):
                for (name, syntax) in list { try scope.bind(name.name, syntax) }
            case let .train(chain, wrt, location):
                trainingTargets.append(TrainingTarget(chain: chain, wrt: wrt, location: location))
                let count = scope.entryCount(wrt ?? [])
                if derivingTraining && count > Document.largestTrainingGradient {
                    // A network's gradient is for nabla train, not for the page: say so instead of waiting for it.
                    skipped.append(Diagnostic(.resultTooLarge, .other(TrainingPhrase.gradientNotWritten(target: chain.map(\.name).joined(separator: "∘"), parameters: count,
                                                                                                       limit: Document.largestTrainingGradient)),
                                              at: location, severity: .warning))
                } else if derivingTraining {
                    results.append(try scope.solve(.gradient, chain, location, wrt: variables.map { $0.map { LocatedName(name: $0, location: location) } } ?? wrt,
                                                   parseTime: parseTime))
                    warnings = scope.warnings
                    parseTime = 0
                }
            case let .command(kind, chain, wrt, location):
                let chosen = variables.map { $0.map { LocatedName(name: $0, location: location) } } ?? wrt
                do {
                    results.append(try scope.solve(kind, chain, location, wrt: chosen, parseTime: parseTime))
                } catch where variables != nil && error.kind == .notAVariable {
                    // `--wrt` names the variables of every target: one without them is skipped, unless all are.
                    skipped.append(Diagnostic(error.kind, .skipped(chain.map(\.name).joined(separator: "∘"), because: error.phrase),
                                              at: location, severity: .warning))
                }
                warnings = scope.warnings
                parseTime = 0
            default: break
            }
        }
        if results.isEmpty, let first = skipped.first {
            throw Diagnostic(first.kind, first.phrase, at: first.location)
        }
    }

    /// The functions and compositions the document defines, in reading order.
    public var definedNames: [String] { (Array(scope.definitions.keys) + Array(scope.compositions.keys) + Array(scope.quantities.keys)).sorted(by: naturalLess) }

    /// The message for a document that asks for nothing: what to add. Nil when it asks for something.
    public var nothingAsked: Diagnostic? {
        guard results.isEmpty else { return nil }
        let example = scope.quantities.keys.sorted(by: naturalLess).first.map { "derivative \($0) wrt …" }
            ?? definedNames.first.map { "jacobian \($0)" } ?? "f(x, y) = x y, then jacobian f"
        return Diagnostic(.nothingToDo, DocumentPhrase.nothingToCompute(defined: definedNames, example: example), at: nil)
    }

    /// The composition a `train` statement fits, ready for numbers: the loss at one example,
    /// the model's outputs, and which symbols are parameters, inputs and label.
    public func training(_ target: TrainingTarget) throws(Diagnostic) -> TrainingComposition {
        try scope.training(target)
    }

    /// Calls the function `old` by the name `new` in every result.
    func renameTargets(from old: String, to new: String) {
        results = results.map { $0.renamed(old, new) }
    }

    static func checkSize(_ source: SourceText) throws(Diagnostic) {
        if source.bytes.count > Document.maximumInputSize {
            throw Diagnostic(.inputTooLarge, DocumentPhrase.inputTooLarge(bytes: source.bytes.count, limit: Document.maximumInputSize),
                             at: nil)
        }
        try Document.checkText(source)
    }

    /// Rejects NUL bytes and invalid UTF-8 with the place of the first bad byte.
    package static func checkText(_ source: SourceText) throws(Diagnostic) {
        let bytes = source.bytes
        if !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil { return }
        if let nul = bytes.firstIndex(of: 0) {
            throw Diagnostic(.notText, DocumentPhrase.nulByte, at: source.location(ofOffset: nul))
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s): offset += String(s).utf8.count
            case .emptyInput: return
            case .error:
                throw Diagnostic(.notText, .notUTF8(byte: bytes[offset]),
                                 at: source.location(ofOffset: offset))
            }
        }
    }
}
