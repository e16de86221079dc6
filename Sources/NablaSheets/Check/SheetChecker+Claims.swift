import Foundation
import NablaDocument
import NablaCalculus
import NablaCore

/// The claims of a formula: which Jacobian it states, in which variables, and its value.
extension SheetChecker {
    // MARK: Claims

    func claims(_ chain: RelationChain, in scope: Scope, _ equivalence: inout Equivalence) throws(Diagnostic) -> [CheckReport.Claim] {
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
        if head.several != nil { return severalFunctionsClaims(head, Array(chain.parts[valueStart...]), in: scope, &equivalence) }
        if head.target.count == 1, scope.quantities[target] != nil, scope.definitions[target] == nil, head.order == 1, head.argument == nil {
            return quantityClaims(head, Array(chain.parts[valueStart...]), claimedVariables: claimedVariables, in: scope, &equivalence)
        }
        if head.order != 1 {
            return [CheckReport.Claim.unchecked(.hessianNotRead, at: head.location, target: target)]
        }
        // `Df(1, 2)`, `\sigma'(0)`: the value at a point of numbers.
        if let argument = head.argument, head.point == nil, argument.allSatisfy({ $0.names.allSatisfy { ["e", "pi", "π"].contains($0) } }) {
            head.point = (nil, argument)
            head.argument = nil
        }
        // `σ'(t)`, `J_f(x_1, x_2)`: the point is named by the variables it is written in.
        if let argument = head.argument, argument.contains(where: { if case .name = $0 { return false }; return true }) {
            return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: head.location, target: target)]
        }
        if claimedVariables == nil, let argument = head.argument {
            let plain = argument.compactMap { a -> LocatedName? in if case let .name(n, l) = a { return LocatedName(name: n, location: l) }; return nil }
            if plain.count == argument.count, !(plain.count == 1 && plain[0].name == "x") {
                claimedVariables = plain
            } else if plain.count != argument.count {
                return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: head.location, target: target)]
            }
        }
        let values = Array(chain.parts[valueStart...])
        var result: TargetResult
        do {
            result = try scope.solve(.jacobian, head.target, head.location)
            // Variables that are symbols of the target, other than its inputs, are what the
            // derivative is taken with respect to: `\nabla F : (w_1, w_2) \rightarrow …`, `∂F/∂w_1`.
            let symbols = Set(result.variables + result.components.flatMap(store.freeSymbolNames))
            // The variables written after the head choose, unless a `\nabla_w` names others: then
            // they are the point (`\nabla_w L(w_1, w_2, b)`), and `w` chooses.
            func named(by wrt: [String], _ name: String) -> Bool { wrt.contains(name) || (wrt.count == 1 && Scope.stem(name) == wrt[0]) }
            if let claimed = claimedVariables, claimed.map(\.name) != result.variables, claimed.allSatisfy({ symbols.contains($0.name) }),
               head.withRespectTo.map({ wrt in claimed.allSatisfy { named(by: wrt, $0.name) } }) ?? true {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: claimed)
            } else if let named = head.withRespectTo, named != result.variables {
                // `\nabla_w F` (also `\nabla_w L(w_1, w_2, b)`, the point written after it): the symbols
                // named, or those of that stem (w_1, w_2, w11 …).
                let chosen = named.allSatisfy(symbols.contains) ? named
                    : symbols.filter { s in named.count == 1 && Scope.stem(s) == named[0] }.sorted(by: naturalLess)
                if chosen.isEmpty {
                    return [CheckReport.Claim.unchecked(.notAVariable(variable: named.joined(separator: ", "), target: target, variables: result.variables), at: head.location, target: target)]
                }
                result = try scope.solve(.jacobian, head.target, head.location, wrt: chosen.map { LocatedName(name: $0, location: head.location) })
            } else if let v = head.variable, !result.variables.contains(v), symbols.contains(v) {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: [LocatedName(name: v, location: head.location)])
            } else if let v = head.variable, let members = SheetChecker.indexed(v, among: symbols), !members.allSatisfy(result.variables.contains) {
                // `∂L/∂w_i` where the w_n are constants of the target: with respect to all of them.
                result = try scope.solve(.jacobian, head.target, head.location, wrt: members.map { LocatedName(name: $0, location: head.location) })
            } else if claimedVariables == nil, head.variable == nil, head.withRespectTo == nil,
                      let stated = scope.statedVariables(for: head.target, at: head.location) {
                result = try scope.solve(.jacobian, head.target, head.location, wrt: stated)
            }
        } catch {
            return [CheckReport.Claim.unchecked(.notComputable(target: target, reason: error.message), at: chain.parts[valueStart].location, target: target)]
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
        guard let point = pointValues(head, variables: variables, in: scope) else {
            return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: head.location, target: target)]
        }
        if head.determinant {
            guard expected.rows == expected.columns, expected.rows <= 4 else {
                return [CheckReport.Claim.unchecked(.notComputable(target: target, reason: "its Jacobian is \(expected.rows)×\(expected.columns), not a square of at most 4"),
                                                    at: head.location, target: target)]
            }
            expected = ExpressionMatrix(rows: 1, columns: 1, entries: [scope.simplifier.simplify(store.determinant(expected))])
        }
        expected = at(point, expected, scope.simplifier)
        let factors = head.determinant || !point.isEmpty ? nil : chainFactors(head.target, variables, in: scope)
        // Symbols a claim may use: the variables and the constants of the functions involved.
        let known = Set(variables).union(expected.entries.flatMap(store.freeSymbolNames))
            .union(result.components.flatMap(store.freeSymbolNames))
        // `∂L/∂w_i = (p - y) x_i`: one claim for every index, the entries of a row.
        var generic: (index: String, values: [String])?
        if let v = head.variable, !variables.contains(v), let members = SheetChecker.indexed(v, among: Set(variables)) {
            let columns = members.compactMap { variables.firstIndex(of: $0) }
            expected = ExpressionMatrix(rows: 1, columns: columns.count, entries: columns.map { expected.entries[$0] })
            generic = (String(v.split(separator: "_").last!), members.map { String($0.split(separator: "_").last!) })
        } else if let v = head.variable {
            guard let j = variables.firstIndex(of: v) else {
                return [CheckReport.Claim.unchecked(.notAVariable(variable: v, target: target, variables: variables), at: head.location, target: target, part: CheckReport.Part(variable: v))]
            }
            head.column = j + 1
        }
        var out: [CheckReport.Claim] = []
        for (k, value) in values.enumerated() {
            var part = CheckReport.Part(column: head.column, variable: head.variable,
                                        link: values.count > 1 ? k + 1 : nil, links: values.count > 1 ? values.count : nil)
            part.determinant = head.determinant
            part.inPlace = head.expression != nil
            part.point = pointText(point, variables: variables)
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            let claimed: ExpressionMatrix?
            do { claimed = try matrix(value, &resolver, parameters) } catch {
                out.append(CheckReport.Claim.unchecked(.unreadable(reason: error.message), at: value.location, target: target, part: part == CheckReport.Part() ? nil : part))
                continue
            }
            guard var claimed else { continue }   // a statement of the rule, not a value
            if let generic, claimed.entries.count == 1 {
                claimed = ExpressionMatrix(rows: 1, columns: generic.values.count, entries: generic.values.map { n in
                    store.substitute(claimed.entries[0], SheetChecker.renamingIndex(generic.index, to: n, in: claimed.entries[0], store))
                })
            }
            let foreign = Set(claimed.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            if !foreign.isEmpty {
                // Perhaps written at another point ("where y = G(x)"): never call it wrong.
                out.append(CheckReport.Claim.unchecked(.foreignSymbols(foreign), at: value.location, target: target, part: part == CheckReport.Part() ? nil : part))
                continue
            }
            let claimedHere = at(point, claimed, scope.simplifier)
            var verdict = compare(claimedHere, expected, column: head.column, target: target, part: part == CheckReport.Part() ? nil : part,
                                  location: value.location, factors: factors, &equivalence)
            if verdict.verdict == .wrong, case .entriesWrong? = verdict.finding, case let .product(parts, _) = value, parts.count == 2,
               let factors, let finding = wrongFactor(parts, factors, &resolver, parameters, &equivalence) {
                verdict = verdict.judged(.wrong, finding)
            }
            if verdict.verdict == .wrong, case .entriesWrong? = verdict.finding, point.isEmpty, claimedHere.entries.count == 1, variables == result.variables,
               let missing = forgottenChainTerm(claimedHere.entries[0], column: (head.column ?? 1) - 1, result, &equivalence) {
                verdict = verdict.judged(.wrong, .missingTerm(missing))
            }
            if k > 0, verdict.verdict == .wrong, out.last?.verdict == .correct, case .entriesWrong? = verdict.finding {
                verdict = verdict.judged(.wrong, .brokenLink)
            }
            out.append(verdict)
        }
        return out
    }

    /// `F \circ G(x) = …`: the value of a composition, checked like a column of values.
    func valueClaims(_ chain: RelationChain, _ names: [LocatedName], _ arguments: [ExpressionSyntax], in scope: Scope,
                     _ equivalence: inout Equivalence) throws(Diagnostic) -> [CheckReport.Claim] {
        let target = names.map(\.name).joined(separator: "∘")
        let result: TargetResult
        do { result = try scope.solve(.jacobian, names, chain.location) } catch {
            return [CheckReport.Claim.unchecked(.notComputable(target: target, reason: error.message), at: chain.location, target: target, part: CheckReport.Part(value: true))]
        }
        var variables = result.variables
        var components = result.components
        let plain = arguments.compactMap { a -> String? in if case let .name(n, _) = a { return n }; return nil }
        if plain.count == arguments.count, plain.count == variables.count {
            let renaming = Dictionary(zip(variables.map(store.symbol), plain.map(store.symbol)), uniquingKeysWith: { a, _ in a })
            components = store.substitute(components, renaming)
            variables = plain
        } else if !(plain == ["x"]) {
            return [CheckReport.Claim.unchecked(.evaluatedElsewhere, at: chain.location, target: target, part: CheckReport.Part(value: true))]
        }
        let parameters = Dictionary(variables.map { ($0, store.symbol($0)) }, uniquingKeysWith: { a, _ in a })
        let expected = ExpressionMatrix(rows: components.count, columns: 1, entries: components)
        var out: [CheckReport.Claim] = []
        let values = Array(chain.parts.dropFirst())
        for (k, value) in values.enumerated() {
            var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
            let part = CheckReport.Part(link: values.count > 1 ? k + 1 : nil, links: values.count > 1 ? values.count : nil, value: true)
            guard var claimed = try? matrix(value, &resolver, parameters) else {
                out.append(CheckReport.Claim.unchecked(.unreadable(reason: "not a value"), at: value.location, target: target, part: part))
                continue
            }
            if claimed.rows == 1 && claimed.columns == expected.rows { claimed = claimed.transposed }   // a row written for a column
            let known = Set(variables).union(components.flatMap(store.freeSymbolNames))
            let foreign = Set(claimed.entries.flatMap(store.freeSymbolNames)).subtracting(known).sorted()
            if !foreign.isEmpty {
                out.append(CheckReport.Claim.unchecked(.foreignSymbols(foreign), at: value.location, target: target, part: part))
                continue
            }
            out.append(compare(claimed, expected, column: nil, target: target, part: part, location: value.location, factors: nil, &equivalence))
        }
        return out
    }

    /// The value of a claimed matrix, a product of matrices, or a scalar; nil for a formula
    /// that is not a value (`\nabla g(f(x)) \times \nabla f(x)`).
    func matrix(_ m: MathSyntax, _ resolver: inout Resolver, _ parameters: [String: ExprID]) throws(Diagnostic) -> ExpressionMatrix? {
        switch m {
        case let .expression(e):
            return ExpressionMatrix(rows: 1, columns: 1, entries: [try resolver.scalar(e, parameters)])
        case let .matrix(rows, _):
            var entries: [ExprID] = []
            for row in rows {
                for item in row {
                    guard let s = item.scalar else { throw Diagnostic(.syntax, SheetPhrase.matrixEntryNotAnExpression, at: item.location) }
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
                    throw Diagnostic(.shapeMismatch, SheetPhrase.matricesDoNotMultiply(rows: so.rows, columns: so.columns, byRows: next.rows, byColumns: next.columns), at: l)
                }
            }
            return result
        case .gradient, .composition, .applied, .leibnizSum:
            return nil
        case let .unreadable(error):
            throw error
        }
    }

}
