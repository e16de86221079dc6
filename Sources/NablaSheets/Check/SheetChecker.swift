import Foundation
import NablaDocument
import NablaCalculus
import NablaCore

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
///
/// A class: its expression store is shared by everything it reads and solves, and a copy that
/// shared the store without saying so would surprise.
public final class SheetChecker {
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
    public func solveByExercise(wrt variables: [String]? = nil) -> (exercises: [SolvedExercise], store: ExpressionStore, errors: [Diagnostic]) {
        var report = CheckReport()
        var exercises: [SolvedExercise] = []
        forEachExercise(Simplifier(store: store), &report) { formulas, scope, report in
            var results: [TargetResult] = []
            defer {
                if !results.isEmpty {
                    exercises.append(SolvedExercise(results: results, values: scope.values))
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

    // MARK: Formulas

    func check(_ formulas: [(RelationChain, asked: Bool)], in scope: Scope, _ equivalence: inout Equivalence, _ report: inout CheckReport) {
        let eIsAVariable = warnAboutE(formulas, &report)
        for (chain, _) in formulas {
            if outOfTime(at: chain.location, &report) { return }
            store.budget?.activity = .checkingLine(chain.location.line)
            let before = report.claims.count
            defer {
                // A claim judged while the time ran out may rest on work left undone: drop it.
                if store.budget?.isExhausted == true { report.claims.removeSubrange(before...); _ = outOfTime(at: chain.location, &report) }
            }
            do {
                var chain = chain
                if case let .name(n, l)? = chain.parts[0].scalar, let (q, v) = subscriptPartial(n, in: scope) {
                    // `z_s = …`: the partial derivative of the quantity z.
                    chain.parts[0] = .gradient(GradientHead(target: [LocatedName(name: q, location: l)], variable: v, location: l))
                }
                if try define(chain, in: scope) { continue }
                if defineQuantity(chain, in: scope) { continue }
                if case let .gradient(head) = chain.parts[0], let (body, v) = head.expression, let name = head.target.first {
                    // The derivative of an expression written in place: a function of its variable.
                    scope.definitions[name.name] = FunctionDefinition(name: name, parameters: [LocatedName(name: v, location: name.location)], body: body)
                }
                if case .gradient = chain.parts[0], !chain.relations.contains(.other) {
                    var found = try claims(chain, in: scope, &equivalence)
                    if eIsAVariable {
                        // Which `e` the answer meant cannot be known: do not guess.
                        found = found.map { c in
                            guard c.verdict == .wrong, (try? scope.solve(.jacobian, targetNames(chain), chain.location))?.variables.contains("e") == true
                            else { return c }
                            return CheckReport.Claim.unchecked(.ambiguousE, at: c.location, target: c.target, part: c.part)
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
    func outOfTime(at location: SourceLocation, _ report: inout CheckReport) -> Bool {
        guard let budget = store.budget, budget.isExhausted else { return false }
        if !report.errors.contains(where: { $0.kind == .timeLimit }) { report.errors.append(budget.diagnostic(at: location)) }
        return true
    }

    /// `e` named as a variable in an exercise that also writes `e^{…}`: say which reading is used.
    func targetNames(_ chain: RelationChain) -> [LocatedName] {
        if case let .gradient(head) = chain.parts[0] { return head.target }
        return []
    }

    @discardableResult
    func warnAboutE(_ formulas: [(RelationChain, asked: Bool)], _ report: inout CheckReport) -> Bool {
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
        report.warnings.append(Diagnostic(.suspiciousName, SheetPhrase.eIsAVariable, at: variableAt, severity: .warning))
        return true
    }

    /// Records a definition, a value or a named composition; false when the formula is none.
}


extension ExpressionSyntax {
    /// Whether a set such as `\mathbb{R}^n` appears.
    var mentionsSet: Bool {
        switch self {
        case .number, .subscripted: return false
        case let .name(n, _): return n.hasPrefix(LaTeXParser.setPrefix)
        case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _): return items.contains { $0.mentionsSet }
        case let .negate(a, _): return a.mentionsSet
        case let .divide(a, b, _), let .power(a, b, _), let .dot(a, b, _): return a.mentionsSet || b.mentionsSet
        }
    }

    /// The expression without leading minus signs, to recognise `-3` as a number.
    var withoutSigns: ExpressionSyntax {
        if case let .negate(inner, _) = self { return inner.withoutSigns }
        return self
    }
}
