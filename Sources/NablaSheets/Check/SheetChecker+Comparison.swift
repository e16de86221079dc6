import Foundation
import NablaPrinting
import NablaDocument
import NablaCalculus
import NablaCore

/// Comparing a claimed matrix with the expected one, entry by entry, and naming the mistake.
extension SheetChecker {
    // MARK: Comparison

    /// The two factors of the chain rule for `outer ∘ inner`, in the claim's variables: ∇outer at
    /// inner(x), ∇outer at x (the classic slip), and ∇inner(x). Nil for other targets.
    struct ChainFactors {
        let outerName: String, innerName: String
        let outerAtInner: ExpressionMatrix
        let outerAtX: ExpressionMatrix?
        let inner: ExpressionMatrix
    }

    func chainFactors(_ target: [LocatedName], _ variables: [String], in scope: Scope) -> ChainFactors? {
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
    func chainRuleSlip(_ claimed: ExpressionMatrix, _ positions: [(Int, Int)], _ factors: ChainFactors,
                       _ equivalence: inout Equivalence) -> Finding? {
        func matches(_ m: ExpressionMatrix) -> Bool {
            // A slip makes a matrix of the answer's shape: an entry that happens to equal one of a
            // product of another shape explains nothing (∇c·∇g is 2×2 where ∇(g∘c) is 1×1).
            guard m.rows == factors.outerAtInner.rows, m.columns == factors.inner.columns else { return false }
            return positions.enumerated().allSatisfy { k, p in
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
    func wrongFactor(_ parts: [MathSyntax], _ factors: ChainFactors, _ resolver: inout Resolver,
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
    func missingInnerFactor(_ entry: ExprID, row: Int, _ factors: ChainFactors, _ equivalence: inout Equivalence) -> Finding? {
        for k in 0..<factors.outerAtInner.columns where factors.outerAtInner[row, k] != store.zero {
            if case .equal = equivalence.compare(entry, factors.outerAtInner[row, k]) {
                return .missingInnerDerivative(outer: factors.outerName, inner: factors.innerName, argument: k + 1)
            }
        }
        return nil
    }

    func compare(_ written: ExpressionMatrix, _ expected: ExpressionMatrix, column: Int?, target: String, part: CheckReport.Part?,
                 location: SourceLocation, factors: ChainFactors?, _ equivalence: inout Equivalence) -> CheckReport.Claim {
        var claimed = written
        // A column written as a tuple, or a scalar function's gradient written as a column:
        // the same numbers in another layout, compared as such.
        if column != nil, claimed.rows == 1, claimed.columns == expected.rows, expected.rows > 1 { claimed = claimed.transposed }
        if column == nil, expected.rows == 1, claimed.columns == 1, claimed.rows == expected.columns, expected.columns > 1 { claimed = claimed.transposed }
        // A curve's velocity γ'(t) written as a tuple: the column of a function of one variable.
        if column == nil, expected.columns == 1, claimed.rows == 1, claimed.columns == expected.rows, expected.rows > 1 { claimed = claimed.transposed }
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
        var entries: [CheckReport.Entry] = []   // the wrong ones
        var all: [CheckReport.Entry] = []       // every entry, in order
        var undecided = 0, positiveOnly = 0
        for (k, (i, j)) in positions.enumerated() {
            let c = claimed.entries[k], e = expected[i, j]
            func plain(_ verdict: CheckReport.Verdict) -> CheckReport.Entry {
                CheckReport.Entry(row: i + 1, column: j + 1, verdict: verdict, claimed: printer.string(c), expected: printer.string(e),
                                  finding: nil, counterexample: nil)
            }
            switch equivalence.compare(c, e) {
            case .equal: all.append(plain(.correct))
            case .undecided: undecided += 1; all.append(plain(.unchecked))
            case let .equalForPositiveValues(point):
                positiveOnly += 1
                all.append(CheckReport.Entry(row: i + 1, column: j + 1, verdict: .unchecked, claimed: printer.string(c), expected: printer.string(e),
                                             finding: .positiveValuesOnly, counterexample: point))
            case let .different(point, _, _):
                let diagnosis = Diagnosis(store: store, simplifier: equivalence.simplifier).explain(claimed: c, expected: e, &equivalence)
                    ?? factors.flatMap { missingInnerFactor(c, row: i, $0, &equivalence) }
                entries.append(CheckReport.Entry(row: i + 1, column: j + 1, verdict: .wrong, claimed: printer.string(equivalence.simplifier.simplify(c)),
                                                 expected: printer.string(e), finding: diagnosis, counterexample: point))
                all.append(entries[entries.count - 1])
            }
        }
        /// Every entry, the wrong ones as given (with their findings, or without: a slip explains them).
        func every(_ wrong: [CheckReport.Entry]) -> [CheckReport.Entry] {
            var k = 0
            return all.map { e in
                guard e.verdict == .wrong else { return e }
                defer { k += 1 }
                return wrong[k]
            }
        }
        if entries.isEmpty {
            if positiveOnly > 0 { return claim(.unchecked, .positiveValuesOnly, all) }
            return undecided > 0 ? claim(.unchecked, .undecided(count: undecided), all) : claim(.correct, nil, all)
        }
        // A whole matrix that is the transpose of the answer.
        if column == nil, expected.rows == expected.columns, expected.rows > 1,
           positions.allSatisfy({ p in
               if case .equal = equivalence.compare(claimed[p.0, p.1], expected[p.1, p.0]) { return true }
               return false
           }) {
            return claim(.wrong, .transposed, every(entries))
        }
        if let factors, let slip = chainRuleSlip(claimed, positions, factors, &equivalence) {
            // The slip explains every entry: their own guesses would only distract.
            let plain = entries.map { CheckReport.Entry(row: $0.row, column: $0.column, verdict: $0.verdict, claimed: $0.claimed,
                                                        expected: $0.expected, finding: nil, counterexample: $0.counterexample) }
            return claim(.wrong, slip, every(plain))
        }
        let everySign = entries.count == positions.count && entries.allSatisfy { $0.finding == .signError }
        return claim(.wrong, everySign ? .everySignWrong : .entriesWrong(wrong: entries.count, of: positions.count), every(entries))
    }
}
