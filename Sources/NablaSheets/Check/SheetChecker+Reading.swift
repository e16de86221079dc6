import Foundation
import NablaDocument
import NablaCalculus
import NablaCore

/// Reading a sheet: its mathematics exercise by exercise, the words around it ("with respect to",
/// "the gradient of"), unbalanced braces, and the names sheets use for builtins.
extension SheetChecker {
    /// Reads the sheet exercise by exercise: each gets a fresh scope and its formulas in order.
    func forEachExercise(_ simplifier: Simplifier, _ report: inout CheckReport,
                         _ body: ([(RelationChain, asked: Bool)], Scope, inout CheckReport) -> Void) {
        do { try Document.checkText(source) } catch {
            report.errors.append(error)
            return
        }
        if source.bytes.count > Document.maximumInputSize {
            report.errors.append(Diagnostic(.inputTooLarge, DocumentPhrase.inputTooLarge(bytes: source.bytes.count, limit: Document.maximumInputSize), at: nil))
            return
        }
        let scanner = SheetScanner(source: source)
        let regions = scanner.regions(&report.errors)
        let starts = scanner.exercises(outside: regions).map(\.offset)
        var exercise = -1
        var formulas: [(RelationChain, asked: Bool)] = []
        var stated: [String]?
        var defined = Set<String>()   // the functions the exercise has defined so far
        func finish() {
            let scope = Scope(store: store, simplifier: simplifier, aliases: SheetChecker.aliases)
            scope.statedVariables = stated
            body(formulas, scope, &report)
        }
        var previousEnd = 0
        for region in regions {
            let index = starts.lastIndex(where: { $0 <= region.start }) ?? -1
            if index != exercise {
                finish()
                formulas = []
                stated = nil
                defined = []
                exercise = index
            }
            defer { previousEnd = region.end }
            if SheetChecker.endsWithRespectTo(source.bytes[previousEnd..<region.start]), let names = variableList(region) {
                stated = names
                continue
            }
            let asked = SheetChecker.endsAskingForADerivative(source.bytes[previousEnd..<region.start])
            formulas += read(region, defined: &defined, &report).map { ($0, asked) }
        }
        finish()
    }

    /// Whether prose ends with "with respect to", "par rapport à" (and the like): the
    /// mathematics after it names the variables.
    static func endsWithRespectTo(_ prose: ArraySlice<UInt8>) -> Bool {
        let text = lastWords(of: prose, length: 40, dropping: " \n~$(")
        return ["with respect to", "par rapport à", "par rapport a", "w.r.t.", "wrt", "relativement à"].contains { text.hasSuffix($0) }
    }

    /// Whether prose ends by asking for a derivative: "the gradient of", "la jacobienne de".
    static func endsAskingForADerivative(_ prose: ArraySlice<UInt8>) -> Bool {
        let text = lastWords(of: prose, length: 60, dropping: " \n~$")
        let nouns = ["gradient", "jacobian", "jacobian matrix", "derivative", "differential", "hessian", "jacobienne", "matrice jacobienne",
                     "dérivée", "différentielle", "hessienne"]
        return nouns.contains { text.hasSuffix("\($0) of") || text.hasSuffix("\($0) de") || text.hasSuffix("\($0) d'") }
    }

    /// The last `length` bytes of the prose before some mathematics, in lower case, without the
    /// trailing characters in `dropping` (spaces, `$`, `~`).
    private static func lastWords(of prose: ArraySlice<UInt8>, length: Int, dropping: String) -> String {
        var text = String(decoding: prose.suffix(length), as: UTF8.self).lowercased()
        while let last = text.last, dropping.contains(last) { text.removeLast() }
        return text
    }

    /// The names of `(w_1, w_2, b)`, `w_1, w_2`, `w` or `\theta` in a region; nil when it is something else.
    func variableList(_ region: MathRegion) -> [String]? {
        guard var parser = try? LaTeXParser(source: source, from: region.start, to: region.end, isFunction: { _ in false }),
              let formulas = try? parser.formulas(), !formulas.isEmpty, formulas.allSatisfy({ $0.relations.isEmpty }) else { return nil }
        var names: [String] = []
        for formula in formulas {
            switch formula.parts[0] {
            case let .expression(.name(n, _)): names.append(n)
            case let .matrix(rows, _) where rows.count == 1:
                for item in rows[0] {
                    guard case let .name(n, _)? = item.scalar else { return nil }
                    names.append(n)
                }
            default: return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// The formulas of a region; names followed by `(` are calls when the exercise defines them
    /// (in this region or an earlier one: `defined` gathers them).
    func read(_ region: MathRegion, defined: inout Set<String>, _ report: inout CheckReport) -> [RelationChain] {
        if let unbalanced = SheetChecker.unbalancedBrace(source.bytes, region.start, region.end) {
            report.errors.append(Diagnostic(.syntax, unbalanced.phrase, at: source.location(ofOffset: unbalanced.offset)))
            return []
        }
        do {
            var firstPass = try LaTeXParser(source: source, from: region.start, to: region.end, isFunction: { _ in true })
            defined.formUnion(try firstPass.formulas().compactMap { SheetChecker.definitionHead($0)?.name })
            let heads = defined
            var parser = try LaTeXParser(source: source, from: region.start, to: region.end,
                                         isFunction: { Builtin.isBuiltin($0) || heads.contains($0) || SheetChecker.knownFunctions.contains($0) })
            let chains = try parser.formulas()
            // A link that could not be read says why, with its place; the other links are read.
            for chain in chains {
                for case let .unreadable(error) in chain.parts { report.errors.append(error) }
            }
            return chains
        } catch {
            report.errors.append(error)
            return []
        }
    }

    /// The first brace that is never closed (or closes nothing), with a message.
    static func unbalancedBrace(_ b: [UInt8], _ start: Int, _ end: Int) -> (offset: Int, phrase: SheetPhrase)? {
        var open: [Int] = []
        var i = start
        while i < end {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "{") { open.append(i) }
            if b[i] == UInt8(ascii: "}") {
                if open.popLast() == nil { return (i, .braceClosesNothing) }
            }
            i += 1
        }
        if let first = open.first { return (first, .unbalancedOpeningBrace(unclosed: open.count)) }
        return nil
    }

    /// How sheets write builtins: `\sigma(t)` is the sigmoid when the sheet does not define σ.
    static let aliases = ["sigma": "sigmoid", "ReLU": "relu", "H": "heaviside", "sgn": "sign"]

    /// Names used as functions in the sheets we read, before their definition is seen.
    static let knownFunctions: Set<String> = ["f", "g", "F", "G", "sigma", "softmax", "loss", "ReLU", "H", "sgn"]

    /// The function a formula defines: `g : … \rightarrow …` or `g(x_1, x_2) = …`.
    static func definitionHead(_ chain: RelationChain) -> LocatedName? {
        guard chain.parts.count >= 2, let first = chain.parts[0].scalar else { return nil }
        switch first {
        case let .name(n, l) where chain.relations.first == .colon && chain.relations.dropFirst().first == .arrow:
            return LocatedName(name: n, location: l)
        case let .call(n, arguments, l) where chain.relations.first == .equals:
            if arguments.allSatisfy({ if case .name = $0 { return true }; return false }) {
                return LocatedName(name: n, location: l)
            }
            return nil
        default: return nil
        }
    }

}
