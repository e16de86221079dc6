import Foundation

/// Reads a LaTeX or Markdown sheet and checks every claimed derivative in it.
///
/// ```swift
/// let report = SheetChecker(source: SourceText(name: "sheet.tex", text: text)).check()
/// report.claims.filter { $0.verdict == .wrong }   // what the solution got wrong, entry by entry
/// ```
///
/// Each exercise ("exercice 2", "Problem 3", `\section`) starts with no definitions. In it,
/// formulas define functions (`g : x \rightarrow (…)`, `f(x_1, x_2) = …`), give values
/// (`y_1 = 1`), name compositions (`F = \text{loss} \circ f`), or claim a Jacobian
/// (`\nabla(g \circ f) = …`, `\text{colonne}_2 \nabla(f \circ g) : x \rightarrow …`). A formula
/// that cannot be read is reported with its line and column, and the rest is still checked.
public struct SheetChecker {
    public let source: SourceText
    let store = ExpressionStore()

    /// `budget` limits the time of the work (checking or solving the sheet).
    public init(source: SourceText, budget: Budget? = nil) {
        self.source = source
        store.budget = budget
    }

    public func check() -> CheckReport {
        var report = CheckReport()
        let simplifier = Simplifier(store: store)
        var equivalence = Equivalence(store: store, simplifier: simplifier)
        forEachExercise(simplifier, &report) { formulas, scope, report in check(formulas, in: scope, &equivalence, &report) }
        return report
    }

    /// What the sheet's statements ask for: every composition written on its own ("Compute the
    /// Jacobians of $g \circ f$ and $f \circ g$") and every named one (`F = \text{loss} \circ f`),
    /// solved with the exercise's definitions and values. The store of the results is `store`.
    public func solve() -> (results: [TargetResult], store: ExpressionStore, errors: [Diagnostic]) {
        let solved = solveByExercise()
        return (solved.exercises.flatMap(\.results), solved.store, solved.errors)
    }

    /// The same, exercise by exercise, with the values each one gives (for a worked solution);
    /// `wrt` names the variables of every target, as in ``Document/init(source:store:wrt:)``.
    public func solveByExercise(wrt variables: [String]? = nil) -> (exercises: [WorkedSolution.Exercise], store: ExpressionStore, errors: [Diagnostic]) {
        var report = CheckReport()
        var exercises: [WorkedSolution.Exercise] = []
        forEachExercise(Simplifier(store: store), &report) { formulas, scope, report in
            var results: [TargetResult] = []
            defer {
                if !results.isEmpty {
                    exercises.append(WorkedSolution.Exercise(results: results, values: scope.values))
                }
            }
            // Read the whole exercise first: values given after the question count too.
            var targets: [([LocatedName], SourceLocation)] = []
            var seen = Set<String>()
            for (chain, asked) in formulas {
                do {
                    if asked, chain.parts.count == 1, case let .name(n, l)? = chain.parts[0].scalar,
                       scope.definitions[n] != nil || scope.compositions[n] != nil {
                        // "Calculer le gradient de $p$", "the Jacobian of $F$".
                        if seen.insert(n).inserted { targets.append(([LocatedName(name: n, location: l)], l)) }
                    } else if try define(chain, in: scope), chain.relations == [.equals], case let .composition(_, l) = chain.parts[1],
                       case let .name(n, nl)? = chain.parts[0].scalar {
                        if seen.insert(n).inserted { targets.append(([LocatedName(name: n, location: nl)], l)) }
                    } else if chain.parts.count == 1, case let .composition(names, l) = chain.parts[0] {
                        if seen.insert(names.map(\.name).joined(separator: "∘")).inserted { targets.append((names, l)) }
                    }
                } catch let error as Diagnostic {
                    report.errors.append(error)
                } catch {}
            }
            for (names, l) in targets {
                if outOfTime(at: l, &report) { return }
                let wrt = variables?.map { LocatedName(name: $0, location: l) } ?? scope.statedVariables(for: names, at: l)
                do { results.append(try scope.solve(.jacobian, names, l, wrt: wrt)) } catch let error as Diagnostic {
                    report.errors.append(error)
                } catch {}
            }
        }
        return (exercises, store, report.errors)
    }

    /// Reads the sheet exercise by exercise: each gets a fresh scope and its formulas in order.
    private func forEachExercise(_ simplifier: Simplifier, _ report: inout CheckReport,
                                 _ body: ([(RelationChain, asked: Bool)], Scope, inout CheckReport) -> Void) {
        do { try Document.checkText(source) } catch {
            report.errors.append(error)
            return
        }
        if source.bytes.count > Document.maximumInputSize {
            report.errors.append(Diagnostic(.inputTooLarge, "the sheet is \(source.bytes.count) bytes; the limit is \(Document.maximumInputSize)", at: nil))
            return
        }
        let scanner = SheetScanner(source: source)
        let regions = scanner.regions(&report.errors)
        let starts = scanner.exercises(outside: regions).map(\.offset)
        var exercise = -1
        var formulas: [(RelationChain, asked: Bool)] = []
        var stated: [String]?
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
                exercise = index
            }
            defer { previousEnd = region.end }
            if SheetChecker.endsWithRespectTo(source.bytes[previousEnd..<region.start]), let names = variableList(region) {
                stated = names
                continue
            }
            let asked = SheetChecker.endsAskingForADerivative(source.bytes[previousEnd..<region.start])
            formulas += read(region, &report).map { ($0, asked) }
        }
        finish()
    }

    /// Whether prose ends with "with respect to", "par rapport à" (and the like): the
    /// mathematics after it names the variables.
    static func endsWithRespectTo(_ prose: ArraySlice<UInt8>) -> Bool {
        var text = String(decoding: prose.suffix(40), as: UTF8.self).lowercased()
        while let last = text.last, last == " " || last == "\n" || last == "~" || last == "$" || last == "(" { text.removeLast() }
        return ["with respect to", "par rapport à", "par rapport a", "w.r.t.", "wrt", "relativement à"].contains { text.hasSuffix($0) }
    }

    /// Whether prose ends by asking for a derivative: "the gradient of", "la jacobienne de".
    static func endsAskingForADerivative(_ prose: ArraySlice<UInt8>) -> Bool {
        var text = String(decoding: prose.suffix(60), as: UTF8.self).lowercased()
        while let last = text.last, last == " " || last == "\n" || last == "~" || last == "$" { text.removeLast() }
        let nouns = ["gradient", "jacobian", "jacobian matrix", "derivative", "differential", "hessian", "jacobienne", "matrice jacobienne",
                     "dérivée", "différentielle", "hessienne"]
        return nouns.contains { text.hasSuffix("\($0) of") || text.hasSuffix("\($0) de") || text.hasSuffix("\($0) d'") }
    }

    /// The names of `(w_1, w_2, b)`, `w_1, w_2`, `w` or `\theta` in a region; nil when it is something else.
    private func variableList(_ region: MathRegion) -> [String]? {
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

    /// The formulas of a region; names followed by `(` are calls when the exercise defines them.
    private func read(_ region: MathRegion, _ report: inout CheckReport) -> [RelationChain] {
        if let unbalanced = SheetChecker.unbalancedBrace(source.bytes, region.start, region.end) {
            report.errors.append(Diagnostic(.syntax, unbalanced.message, at: source.location(ofOffset: unbalanced.offset)))
            return []
        }
        do {
            var firstPass = try LaTeXParser(source: source, from: region.start, to: region.end, isFunction: { _ in true })
            let heads = Set(try firstPass.formulas().compactMap { SheetChecker.definitionHead($0)?.name })
            var parser = try LaTeXParser(source: source, from: region.start, to: region.end,
                                         isFunction: { Builtin.isBuiltin($0) || heads.contains($0) || SheetChecker.knownFunctions.contains($0) })
            return try parser.formulas()
        } catch {
            report.errors.append(error)
            return []
        }
    }

    /// The first brace that is never closed (or closes nothing), with a message.
    static func unbalancedBrace(_ b: [UInt8], _ start: Int, _ end: Int) -> (offset: Int, message: String)? {
        var open: [Int] = []
        var i = start
        while i < end {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "{") { open.append(i) }
            if b[i] == UInt8(ascii: "}") {
                if open.popLast() == nil { return (i, "unbalanced brace: this '}' closes nothing") }
            }
            i += 1
        }
        if let first = open.first { return (first, "unbalanced brace: this '{' is never closed (\(open.count) unclosed)") }
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

    // MARK: Formulas

    private func check(_ formulas: [(RelationChain, asked: Bool)], in scope: Scope, _ equivalence: inout Equivalence, _ report: inout CheckReport) {
        let eIsAVariable = warnAboutE(formulas, &report)
        for (chain, _) in formulas {
            if outOfTime(at: chain.location, &report) { return }
            store.budget?.activity = "checking the formula at line \(chain.location.line)"
            let before = report.claims.count
            defer {
                // A claim judged while the time ran out may rest on work left undone: drop it.
                if store.budget?.isExhausted == true { report.claims.removeSubrange(before...); _ = outOfTime(at: chain.location, &report) }
            }
            do {
                if try define(chain, in: scope) { continue }
                if case .gradient = chain.parts[0], !chain.relations.contains(.other) {
                    var found = try claims(chain, in: scope, &equivalence)
                    if eIsAVariable {
                        // Which `e` the answer meant cannot be known: do not guess.
                        found = found.map { c in
                            guard c.verdict == .wrong, (try? scope.solve(.jacobian, targetNames(chain), chain.location))?.variables.contains("e") == true
                            else { return c }
                            return CheckReport.Claim(location: c.location, target: c.target, part: c.part, verdict: .unchecked,
                                                     finding: .ambiguousE, entries: [])
                        }
                    }
                    report.claims += found
                } else if case let .applied(names, arguments, _) = chain.parts[0], chain.relations.first == .equals {
                    report.claims += try valueClaims(chain, names, arguments, in: scope, &equivalence)
                } else if case let .call(name, arguments, l)? = chain.parts[0].scalar, chain.relations.first == .equals,
                          scope.definitions[name] != nil || scope.compositions[name] != nil {
                    // `F(x) = …` once F is known: a claim about its value, not a new definition.
                    report.claims += try valueClaims(chain, [LocatedName(name: name, location: l)], arguments, in: scope, &equivalence)
                }
            } catch {
                report.errors.append(error)
            }
        }
    }

    /// Whether the budget has run out; the first time, says so in the report.
    private func outOfTime(at location: SourceLocation, _ report: inout CheckReport) -> Bool {
        guard let budget = store.budget, budget.isExhausted else { return false }
        if !report.errors.contains(where: { $0.kind == .timeLimit }) { report.errors.append(budget.diagnostic(at: location)) }
        return true
    }

    /// `e` named as a variable in an exercise that also writes `e^{…}`: say which reading is used.
    private func targetNames(_ chain: RelationChain) -> [LocatedName] {
        if case let .gradient(head) = chain.parts[0] { return head.target }
        return []
    }

    @discardableResult
    private func warnAboutE(_ formulas: [(RelationChain, asked: Bool)], _ report: inout CheckReport) -> Bool {
        var variableAt: SourceLocation?
        for (chain, _) in formulas {
            guard let head = SheetChecker.definitionHead(chain) else { continue }
            if case let .call(_, arguments, _)? = chain.parts[0].scalar {
                for case let .name("e", l) in arguments { variableAt = variableAt ?? l }
            } else if let names = try? names(in: chain.parts[1]), let e = names.first(where: { $0.name == "e" }) {
                variableAt = variableAt ?? e.location
            }
            _ = head
        }
        guard let variableAt else { return false }
        report.warnings.append(Diagnostic(.suspiciousName,
            "e is a variable here, and e^{…} elsewhere may mean Euler's number: inside functions of e it is read as the variable, elsewhere as Euler's number",
            at: variableAt, severity: .warning))
        return true
    }

    /// Records a definition, a value or a named composition; false when the formula is none.
    private func define(_ chain: RelationChain, in scope: Scope) throws(Diagnostic) -> Bool {
        guard let first = chain.parts[0].scalar else { return false }
        // `g : \mathbb{R}^3 \rightarrow \mathbb{R}^3` says what g maps, not what it is.
        if chain.parts.dropFirst().contains(where: { $0.scalar?.mentionsSet == true }) { return true }
        if let head = SheetChecker.definitionHead(chain), scope.definitions[head.name] == nil, scope.compositions[head.name] == nil {
            let parameters: [LocatedName]
            let body: MathSyntax
            if case let .call(_, arguments, _) = first {
                parameters = arguments.compactMap { if case let .name(n, l) = $0 { return LocatedName(name: n, location: l) }; return nil }
                body = chain.parts[1]
            } else {
                parameters = try names(in: chain.parts[1])
                body = chain.parts[2]
            }
            scope.definitions[head.name] = FunctionDefinition(name: head, parameters: parameters, body: try components(body))
            return true
        }
        if case let .name(n, _) = first, chain.relations == [.equals] {
            if case let .composition(names, _) = chain.parts[1] { scope.compositions[n] = names; return true }
            let parameters = Set(scope.definitions.values.flatMap { $0.parameters.map(\.name) })
            if !parameters.contains(n), let value = chain.parts[1].scalar, case .number = value.withoutSigns {
                try scope.bind(n, value)
                return true
            }
        }
        return false
    }

    /// The parameter names of `(x_1, x_2)` or a column `\begin{pmatrix} x_1 \\ x_2 \end{pmatrix}`.
    private func names(in m: MathSyntax) throws(Diagnostic) -> [LocatedName] {
        var items: [MathSyntax]
        switch m {
        case let .matrix(rows, _): items = rows.flatMap { $0 }
        default: items = [m]
        }
        var out: [LocatedName] = []
        for item in items {
            guard case let .name(n, l)? = item.scalar else {
                throw Diagnostic(.syntax, "expected the names of the variables", at: item.location)
            }
            out.append(LocatedName(name: n, location: l))
        }
        return out
    }

    /// A function body: a scalar, or a column (or row) of scalars as a tuple.
    private func components(_ m: MathSyntax) throws(Diagnostic) -> ExpressionSyntax {
        switch m {
        case let .expression(e): return e
        case let .matrix(rows, l):
            let items = rows.count == 1 ? rows[0] : rows.map { $0[0] }
            guard rows.count == 1 || rows.allSatisfy({ $0.count == 1 }) else {
                throw Diagnostic(.syntax, "a function's values are a column or a row, not a matrix", at: l)
            }
            var scalars: [ExpressionSyntax] = []
            for i in items {
                guard let s = i.scalar else { throw Diagnostic(.syntax, "expected an expression", at: i.location) }
                scalars.append(s)
            }
            return scalars.count == 1 ? scalars[0] : .tuple(scalars, l)
        default:
            throw Diagnostic(.syntax, "expected the values of the function", at: m.location)
        }
    }

    // MARK: Claims

    private func claims(_ chain: RelationChain, in scope: Scope, _ equivalence: inout Equivalence) throws(Diagnostic) -> [CheckReport.Claim] {
        guard case .gradient(var head) = chain.parts[0] else { return [] }
        let target = head.target.map(\.name).joined(separator: "∘")
        // Values come after the arrow when there is one (`\nabla g : x \rightarrow M = N`), else after `=`.
        var valueStart = 1
        var claimedVariables: [LocatedName]?
        if let arrow = chain.relations.firstIndex(of: .arrow) {
            valueStart = arrow + 1
            claimedVariables = try? names(in: chain.parts[arrow])
        }
        guard valueStart < chain.parts.count else { return [] }   // `\nabla f` alone claims nothing
        if head.order != 1 {
            return [CheckReport.Claim(location: head.location, target: target, part: nil, verdict: .unchecked, finding: .hessianNotRead, entries: [])]
        }
        // `σ'(t)`, `J_f(x_1, x_2)`: the point is named by the variables it is written in.
        if let argument = head.argument, argument.contains(where: { if case .name = $0 { return false }; return true }) {
            return [CheckReport.Claim(location: head.location, target: target, part: nil, verdict: .unchecked, finding: .evaluatedElsewhere, entries: [])]
        }
        if claimedVariables == nil, let argument = head.argument {
            let plain = argument.compactMap { a -> LocatedName? in if case let .name(n, l) = a { return LocatedName(name: n, location: l) }; return nil }
            if plain.count == argument.count, !(plain.count == 1 && plain[0].name == "x") {
                claimedVariables = plain
            } else if plain.count != argument.count {
                return [CheckReport.Claim(location: head.location, target: target, part: nil, verdict: .unchecked,
                                          finding: .evaluatedElsewhere, entries: [])]
            }
        }
        let values = Array(chain.parts[valueStart...])
        var result: TargetResult
        do {
            result = try scope.solve(.jacobian, head.target, head.location)
            // Variables that are symbols of the target, other than its inputs, are what the
            // derivative is taken with respect to: `\nabla F : (w_1, w_2) \rightarrow …`, `∂F/∂w_1`.
            let symbols = Set(result.variables + result.components.flatMap(store.freeSymbolNames))
            if let claimed = claimedVariables, claimed.map(\.name) != result.variables, claimed.allSatisfy({ symbols.contains($0.name) }) {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: claimed)
            } else if claimedVariables == nil, let named = head.withRespectTo, named != result.variables {
                // `\nabla_w F`: the symbols named, or those of that stem (w_1, w_2, w11 …).
                let chosen = named.allSatisfy(symbols.contains) ? named
                    : symbols.filter { s in named.count == 1 && Scope.stem(s) == named[0] }.sorted(by: naturalLess)
                if chosen.isEmpty {
                    return [CheckReport.Claim(location: head.location, target: target, part: nil, verdict: .unchecked,
                                              finding: .notAVariable(variable: named.joined(separator: ", "), target: target, variables: result.variables),
                                              entries: [])]
                }
                result = try scope.solve(.jacobian, head.target, head.location, wrt: chosen.map { LocatedName(name: $0, location: head.location) })
            } else if let v = head.variable, !result.variables.contains(v), symbols.contains(v) {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: [LocatedName(name: v, location: head.location)])
            } else if claimedVariables == nil, head.variable == nil, head.withRespectTo == nil,
                      let stated = scope.statedVariables(for: head.target, at: head.location) {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: stated)
            }
        } catch {
            return [CheckReport.Claim(location: chain.parts[valueStart].location, target: target, part: nil, verdict: .unchecked,
                                      finding: .notComputable(target: target, reason: error.message), entries: [])]
        }
        // The claim's own variable names stand for the target's variables, in order.
        var expected = result.matrix
        var variables = result.variables
        if let claimed = claimedVariables, claimed.count == variables.count, claimed.map(\.name) != variables {
            let renaming = Dictionary(zip(variables.map(store.symbol), claimed.map { store.symbol($0.name) }), uniquingKeysWith: { a, _ in a })
            expected = ExpressionMatrix(rows: expected.rows, columns: expected.columns, entries: store.substitute(expected.entries, renaming))
            variables = claimed.map(\.name)
        }
        let parameters = Dictionary(variables.map { ($0, store.symbol($0)) }, uniquingKeysWith: { a, _ in a })
        let factors = chainFactors(head.target, variables, in: scope)
        // Symbols a claim may use: the variables and the constants of the functions involved.
        let known = Set(variables).union(expected.entries.flatMap(store.freeSymbolNames))
            .union(result.components.flatMap(store.freeSymbolNames))
        if let v = head.variable {
            guard let j = variables.firstIndex(of: v) else {
                return [CheckReport.Claim(location: head.location, target: target, part: CheckReport.Part(variable: v), verdict: .unchecked,
                                          finding: .notAVariable(variable: v, target: target, variables: variables), entries: [])]
            }
            head.column = j + 1
        }
        var out: [CheckReport.Claim] = []
        for (k, value) in values.enumerated() {
            let part = CheckReport.Part(column: head.column, variable: head.variable,
                                        link: values.count > 1 ? k + 1 : nil, links: values.count > 1 ? values.count : nil)
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            let claimed: ExpressionMatrix?
            do { claimed = try matrix(value, &resolver, parameters) } catch {
                out.append(CheckReport.Claim(location: value.location, target: target, part: part == CheckReport.Part() ? nil : part, verdict: .unchecked,
                                             finding: .unreadable(reason: error.message), entries: []))
                continue
            }
            guard let claimed else { continue }   // a statement of the rule, not a value
            let foreign = Set(claimed.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            if !foreign.isEmpty {
                // Perhaps written at another point ("where y = G(x)"): never call it wrong.
                out.append(CheckReport.Claim(location: value.location, target: target, part: part == CheckReport.Part() ? nil : part,
                                             verdict: .unchecked, finding: .foreignSymbols(foreign), entries: []))
                continue
            }
            var verdict = compare(claimed, expected, column: head.column, target: target, part: part == CheckReport.Part() ? nil : part,
                                  location: value.location, factors: factors, &equivalence)
            if verdict.verdict == .wrong, case .entriesWrong? = verdict.finding, case let .product(parts, _) = value, parts.count == 2,
               let factors, let finding = wrongFactor(parts, factors, &resolver, parameters, &equivalence) {
                verdict = CheckReport.Claim(location: verdict.location, target: verdict.target, part: verdict.part, verdict: .wrong,
                                            finding: finding, entries: verdict.entries)
            }
            if k > 0, verdict.verdict == .wrong, out.last?.verdict == .correct, case .entriesWrong? = verdict.finding {
                verdict = CheckReport.Claim(location: verdict.location, target: verdict.target, part: verdict.part, verdict: .wrong,
                                            finding: .brokenLink, entries: verdict.entries)
            }
            out.append(verdict)
        }
        return out
    }

    /// `F \circ G(x) = …`: the value of a composition, checked like a column of values.
    private func valueClaims(_ chain: RelationChain, _ names: [LocatedName], _ arguments: [ExpressionSyntax], in scope: Scope,
                             _ equivalence: inout Equivalence) throws(Diagnostic) -> [CheckReport.Claim] {
        let target = names.map(\.name).joined(separator: "∘")
        let result: TargetResult
        do { result = try scope.solve(.jacobian, names, chain.location) } catch {
            return [CheckReport.Claim(location: chain.location, target: target, part: CheckReport.Part(value: true), verdict: .unchecked,
                                      finding: .notComputable(target: target, reason: error.message), entries: [])]
        }
        var variables = result.variables
        var components = result.components
        let plain = arguments.compactMap { a -> String? in if case let .name(n, _) = a { return n }; return nil }
        if plain.count == arguments.count, plain.count == variables.count {
            let renaming = Dictionary(zip(variables.map(store.symbol), plain.map(store.symbol)), uniquingKeysWith: { a, _ in a })
            components = store.substitute(components, renaming)
            variables = plain
        } else if !(plain == ["x"]) {
            return [CheckReport.Claim(location: chain.location, target: target, part: CheckReport.Part(value: true), verdict: .unchecked,
                                      finding: .evaluatedElsewhere, entries: [])]
        }
        let parameters = Dictionary(variables.map { ($0, store.symbol($0)) }, uniquingKeysWith: { a, _ in a })
        let expected = ExpressionMatrix(rows: components.count, columns: 1, entries: components)
        var out: [CheckReport.Claim] = []
        let values = Array(chain.parts.dropFirst())
        for (k, value) in values.enumerated() {
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            let part = CheckReport.Part(link: values.count > 1 ? k + 1 : nil, links: values.count > 1 ? values.count : nil, value: true)
            guard var claimed = try? matrix(value, &resolver, parameters) else {
                out.append(CheckReport.Claim(location: value.location, target: target, part: part, verdict: .unchecked,
                                             finding: .unreadable(reason: "not a value"), entries: []))
                continue
            }
            if claimed.rows == 1 && claimed.columns == expected.rows { claimed = claimed.transposed }   // a row written for a column
            let known = Set(variables).union(components.flatMap(store.freeSymbolNames))
            let foreign = Set(claimed.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            if !foreign.isEmpty {
                out.append(CheckReport.Claim(location: value.location, target: target, part: part, verdict: .unchecked,
                                             finding: .foreignSymbols(foreign), entries: []))
                continue
            }
            out.append(compare(claimed, expected, column: nil, target: target, part: part, location: value.location, factors: nil, &equivalence))
        }
        return out
    }

    /// The value of a claimed matrix, a product of matrices, or a scalar; nil for a formula
    /// that is not a value (`\nabla g(f(x)) \times \nabla f(x)`).
    private func matrix(_ m: MathSyntax, _ resolver: inout Resolver, _ parameters: [String: ExprID]) throws(Diagnostic) -> ExpressionMatrix? {
        switch m {
        case let .expression(e):
            return ExpressionMatrix(rows: 1, columns: 1, entries: [try resolver.scalar(e, parameters)])
        case let .matrix(rows, _):
            var entries: [ExprID] = []
            for row in rows {
                for item in row {
                    guard let s = item.scalar else { throw Diagnostic(.syntax, "a matrix entry must be an expression", at: item.location) }
                    entries.append(try resolver.scalar(s, parameters))
                }
            }
            return ExpressionMatrix(rows: rows.count, columns: rows[0].count, entries: entries)
        case let .product(factors, l):
            var result: ExpressionMatrix?
            for f in factors {
                guard let next = try matrix(f, &resolver, parameters) else { return nil }
                guard let so = result else { result = next; continue }
                if so.rows == 1 && so.columns == 1 {
                    result = ExpressionMatrix(rows: next.rows, columns: next.columns, entries: next.entries.map { store.multiply(so.entries[0], $0) })
                } else if next.rows == 1 && next.columns == 1 {
                    result = ExpressionMatrix(rows: so.rows, columns: so.columns, entries: so.entries.map { store.multiply($0, next.entries[0]) })
                } else if so.columns == next.rows {
                    result = store.multiply(so, next)
                } else {
                    throw Diagnostic(.shapeMismatch, "a \(so.rows)×\(so.columns) matrix cannot multiply a \(next.rows)×\(next.columns) one", at: l)
                }
            }
            return result
        case .gradient, .composition, .applied:
            return nil
        }
    }

    // MARK: Comparison

    /// The two factors of the chain rule for `outer ∘ inner`, in the claim's variables: ∇outer at
    /// inner(x), ∇outer at x (the classic slip), and ∇inner(x). Nil for other targets.
    struct ChainFactors {
        let outerName: String, innerName: String
        let outerAtInner: ExpressionMatrix
        let outerAtX: ExpressionMatrix?
        let inner: ExpressionMatrix
    }

    private func chainFactors(_ target: [LocatedName], _ variables: [String], in scope: Scope) -> ChainFactors? {
        guard target.count >= 2 else { return nil }
        let outerNames = Array(target.dropLast()), innerName = target.last!
        guard let outer = try? scope.solve(.jacobian, outerNames, innerName.location),
              let inner = try? scope.solve(.jacobian, [innerName], innerName.location),
              inner.variables.count == variables.count, outer.variables.count == inner.components.count else { return nil }
        let toClaim = Dictionary(zip(inner.variables.map(store.symbol), variables.map(store.symbol)), uniquingKeysWith: { a, _ in a })
        let innerComponents = store.substitute(inner.components, toClaim)
        let atInner = Dictionary(zip(outer.variables.map(store.symbol), innerComponents), uniquingKeysWith: { a, _ in a })
        let outerAtInner = ExpressionMatrix(rows: outer.matrix.rows, columns: outer.matrix.columns, entries: store.substitute(outer.matrix.entries, atInner))
        var outerAtX: ExpressionMatrix?
        if outer.variables.count == variables.count {
            let atX = Dictionary(zip(outer.variables.map(store.symbol), variables.map(store.symbol)), uniquingKeysWith: { a, _ in a })
            outerAtX = ExpressionMatrix(rows: outer.matrix.rows, columns: outer.matrix.columns, entries: store.substitute(outer.matrix.entries, atX))
        }
        let innerMatrix = ExpressionMatrix(rows: inner.matrix.rows, columns: inner.matrix.columns, entries: store.substitute(inner.matrix.entries, toClaim))
        return ChainFactors(outerName: outerNames.map(\.name).joined(separator: "∘"), innerName: innerName.name,
                            outerAtInner: outerAtInner, outerAtX: outerAtX, inner: innerMatrix)
    }

    /// The chain-rule slip that explains a wrong matrix, if one does.
    private func chainRuleSlip(_ claimed: ExpressionMatrix, _ positions: [(Int, Int)], _ factors: ChainFactors,
                               _ equivalence: inout Equivalence) -> Finding? {
        func matches(_ m: ExpressionMatrix) -> Bool {
            positions.enumerated().allSatisfy { k, p in
                guard p.0 < m.rows, p.1 < m.columns else { return false }
                if case .equal = equivalence.compare(claimed.entries[k], m[p.0, p.1]) { return true }
                return false
            }
        }
        if let atX = factors.outerAtX, atX.rows == factors.inner.rows || atX.columns == factors.inner.rows {
            if atX.columns == factors.inner.rows, matches(store.multiply(atX, factors.inner)) {
                return .outerAtX(outer: factors.outerName, inner: factors.innerName)
            }
        }
        if factors.inner.columns == factors.outerAtInner.rows, matches(store.multiply(factors.inner, factors.outerAtInner)) {
            return .wrongOrder(outer: factors.outerName, inner: factors.innerName)
        }
        if matches(factors.outerAtInner) {
            return .innerFactorMissing(outer: factors.outerName, inner: factors.innerName)
        }
        return nil
    }

    /// For a claimed product A · B of the chain rule: which factor is wrong, and what it should be.
    private func wrongFactor(_ parts: [MathSyntax], _ factors: ChainFactors, _ resolver: inout Resolver,
                             _ parameters: [String: ExprID], _ equivalence: inout Equivalence) -> Finding? {
        guard let a = try? matrix(parts[0], &resolver, parameters), let b = try? matrix(parts[1], &resolver, parameters) else { return nil }
        func equal(_ m: ExpressionMatrix, _ n: ExpressionMatrix) -> Bool {
            m.rows == n.rows && m.columns == n.columns && zip(m.entries, n.entries).allSatisfy {
                if case .equal = equivalence.compare($0, $1) { return true }
                return false
            }
        }
        let printer = ExpressionPrinter(store: store, notation: .text)
        func written(_ m: ExpressionMatrix) -> String {
            (0..<m.rows).map { i in "(" + m.row(i).map { printer.string(equivalence.simplifier.simplify($0)) }.joined(separator: ", ") + ")" }
                .joined(separator: ", ")
        }
        let firstRight = equal(a, factors.outerAtInner), secondRight = equal(b, factors.inner)
        if !firstRight && secondRight {
            return .wrongFactor(position: 1, name: "∇\(factors.outerName)(\(factors.innerName)(x))", expected: written(factors.outerAtInner))
        }
        if firstRight && !secondRight {
            return .wrongFactor(position: 2, name: "∇\(factors.innerName)(x)", expected: written(factors.inner))
        }
        return nil
    }

    /// For one wrong entry: is it a single term of the chain-rule sum, the inner derivative forgotten?
    private func missingInnerFactor(_ entry: ExprID, row: Int, _ factors: ChainFactors, _ equivalence: inout Equivalence) -> Finding? {
        for k in 0..<factors.outerAtInner.columns where factors.outerAtInner[row, k] != store.zero {
            if case .equal = equivalence.compare(entry, factors.outerAtInner[row, k]) {
                return .missingInnerDerivative(outer: factors.outerName, inner: factors.innerName, argument: k + 1)
            }
        }
        return nil
    }

    private func compare(_ written: ExpressionMatrix, _ expected: ExpressionMatrix, column: Int?, target: String, part: CheckReport.Part?,
                         location: SourceLocation, factors: ChainFactors?, _ equivalence: inout Equivalence) -> CheckReport.Claim {
        var claimed = written
        // A column written as a tuple, or a scalar function's gradient written as a column:
        // the same numbers in another layout, compared as such.
        if column != nil, claimed.rows == 1, claimed.columns == expected.rows, expected.rows > 1 { claimed = claimed.transposed }
        if column == nil, expected.rows == 1, claimed.columns == 1, claimed.rows == expected.columns, expected.columns > 1 { claimed = claimed.transposed }
        func claim(_ verdict: CheckReport.Verdict, _ finding: Finding?, _ entries: [CheckReport.Entry] = []) -> CheckReport.Claim {
            CheckReport.Claim(location: location, target: target, part: part, verdict: verdict, finding: finding, entries: entries)
        }
        // The positions of the claimed entries in the full Jacobian.
        var positions: [(Int, Int)] = []
        if let column {
            guard column >= 1, column <= expected.columns else {
                return claim(.wrong, .columnOutOfRange(target: target, columns: expected.columns, column: column))
            }
            guard claimed.rows == expected.rows, claimed.entries.count == expected.rows else {
                return claim(.wrong, .columnLength(column: column, expected: expected.rows, claimed: claimed.entries.count))
            }
            positions = (0..<expected.rows).map { ($0, column - 1) }
        } else if claimed.rows == expected.rows && claimed.columns == expected.columns {
            positions = (0..<expected.rows).flatMap { i in (0..<expected.columns).map { (i, $0) } }
        } else if claimed.rows == expected.columns && claimed.columns == expected.rows {
            return claim(.wrong, .transposedShape(target: target, rows: expected.rows, columns: expected.columns,
                                                 claimedRows: claimed.rows, claimedColumns: claimed.columns))
        } else {
            return claim(.wrong, .shape(target: target, rows: expected.rows, columns: expected.columns,
                                       claimedRows: claimed.rows, claimedColumns: claimed.columns))
        }
        let printer = ExpressionPrinter(store: store, notation: .text)
        var entries: [CheckReport.Entry] = []
        var undecided = 0
        for (k, (i, j)) in positions.enumerated() {
            let c = claimed.entries[k], e = expected[i, j]
            switch equivalence.compare(c, e) {
            case .equal: continue
            case .undecided: undecided += 1
            case let .different(point, _, _):
                let diagnosis = Diagnosis(store: store, simplifier: equivalence.simplifier).explain(claimed: c, expected: e, &equivalence)
                    ?? factors.flatMap { missingInnerFactor(c, row: i, $0, &equivalence) }
                entries.append(CheckReport.Entry(row: i + 1, column: j + 1, verdict: .wrong, claimed: printer.string(equivalence.simplifier.simplify(c)),
                                                 expected: printer.string(e), finding: diagnosis, counterexample: point))
            }
        }
        if entries.isEmpty {
            return undecided > 0 ? claim(.unchecked, .undecided(count: undecided)) : claim(.correct, nil)
        }
        // A whole matrix that is the transpose of the answer.
        if column == nil, expected.rows == expected.columns, expected.rows > 1,
           positions.allSatisfy({ p in
               if case .equal = equivalence.compare(claimed[p.0, p.1], expected[p.1, p.0]) { return true }
               return false
           }) {
            return claim(.wrong, .transposed, entries)
        }
        if let factors, let slip = chainRuleSlip(claimed, positions, factors, &equivalence) {
            // The slip explains every entry: their own guesses would only distract.
            let plain = entries.map { CheckReport.Entry(row: $0.row, column: $0.column, verdict: $0.verdict, claimed: $0.claimed,
                                                        expected: $0.expected, finding: nil, counterexample: $0.counterexample) }
            return claim(.wrong, slip, plain)
        }
        let everySign = entries.count == positions.count && entries.allSatisfy { $0.finding == .signError }
        return claim(.wrong, everySign ? .everySignWrong : .entriesWrong(wrong: entries.count, of: positions.count), entries)
    }
}

extension ExpressionSyntax {
    /// Whether a set such as `\mathbb{R}^n` appears.
    var mentionsSet: Bool {
        switch self {
        case .number: return false
        case let .name(n, _): return n.hasPrefix(LaTeXParser.setPrefix)
        case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _): return items.contains { $0.mentionsSet }
        case let .negate(a, _): return a.mentionsSet
        case let .divide(a, b, _), let .power(a, b, _): return a.mentionsSet || b.mentionsSet
        }
    }

    /// The expression without leading minus signs, to recognise `-3` as a number.
    var withoutSigns: ExpressionSyntax {
        if case let .negate(inner, _) = self { return inner.withoutSigns }
        return self
    }
}
