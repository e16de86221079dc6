import NablaPrinting
import NablaCalculus
import NablaCore

/// Names the likely mistake behind a wrong entry: a sign, a coefficient, a term of an exponent.
struct Diagnosis {
    let store: ExpressionStore
    let simplifier: Simplifier

    func explain(claimed: ExprID, expected: ExprID, _ equivalence: inout Equivalence) -> Finding? {
        if case .equal = equivalence.compare(store.negate(claimed), expected) { return .signError }
        if let exponent = exponentDifference(claimed, expected) { return exponent }
        // A constant factor: claimed = k · expected.
        let ratio = simplifier.simplify(store.divide(claimed, expected))
        if let k = store.rational(ratio) {
            return .constantFactor(k.description)
        }
        // A factor left out or written twice: expected = claimed · f, or claimed = expected · f.
        let printer = ExpressionPrinter(store: store, notation: .text)
        let f = simplifier.simplify(store.divide(expected, claimed))
        if isSimpleFactor(f), case .equal = equivalence.compare(store.product([claimed, f]), expected) {
            // A factor with only negative powers (1/a_1) is one written too many.
            let inverse = store.reciprocal(f)
            let isReciprocal = store.splitCoefficient(inverse).1 != store.one && store.treeSize(inverse) < store.treeSize(f)
            return isReciprocal ? .extraFactor(printer.string(inverse)) : .missingFactor(printer.string(f))
        }
        if store.freeSymbols(claimed) != store.freeSymbols(expected) {
            let extra = store.freeSymbols(claimed).ids.filter { !store.freeSymbols(expected).contains($0) }.map(printer.string)
            let missing = store.freeSymbols(expected).ids.filter { !store.freeSymbols(claimed).contains($0) }.map(printer.string)
            return .symbols(extra: extra, missing: missing)
        }
        return nil
    }

    /// A factor a student leaves out: a symbol, a power, a function of something, or a short
    /// product of those (`a_1`, `x^2`, `cos(t)`, `2x`), not a sum or a long expression.
    private func isSimpleFactor(_ f: ExprID) -> Bool {
        if store.rational(f) != nil || store.treeSize(f) > 8 { return false }
        switch store[f] {
        case .symbol, .constant, .power, .apply: return true
        case let .product(factors): return factors.allSatisfy { if case .sum = store[$0] { false } else { true } }
        default: return false
        }
    }

    /// For `c·exp(E₁)` against `c·exp(E₂)` (or sums of such with one exponential each): which
    /// terms of the exponent differ, as in "the exponent has +2x_2, expected -2x_2".
    private func exponentDifference(_ claimed: ExprID, _ expected: ExprID) -> Finding? {
        guard let (c1, e1) = scaledExponential(simplifier.simplify(claimed)), let (c2, e2) = scaledExponential(expected), e1 != e2 else { return nil }
        let printer = ExpressionPrinter(store: store, notation: .text)
        func terms(_ e: ExprID) -> [ExprID: Rational] {
            var out: [ExprID: Rational] = [:]
            let list: [ExprID]
            if case let .sum(t) = store[e] { list = t } else { list = [e] }
            for t in list { let (c, rest) = store.splitCoefficient(t); out[rest, default: .zero] = out[rest, default: .zero] + c }
            return out
        }
        let a = terms(e1), b = terms(e2)
        var differences: [Finding.ExponentTerm] = []
        for rest in Set(a.keys).union(b.keys).sorted() {
            let x = a[rest] ?? .zero, y = b[rest] ?? .zero
            if x == y { continue }
            func written(_ c: Rational) -> String? {
                if c.isZero { return nil }
                let t = printer.string(store.product([store.number(c), rest]))
                return t.hasPrefix("-") ? t : "+" + t
            }
            differences.append(Finding.ExponentTerm(claimed: written(x), expected: written(y)))
        }
        guard !differences.isEmpty else { return nil }
        return .exponentTerms(differences, factorClaimed: c1 != c2 ? printer.string(c1) : nil, factorExpected: c1 != c2 ? printer.string(c2) : nil)
    }

    /// `id` as (factor, exponent) when it is `factor · exp(exponent)` with one exponential.
    private func scaledExponential(_ id: ExprID) -> (ExprID, ExprID)? {
        if case let .apply(.exp, a) = store[id] { return (store.one, a) }
        guard case let .product(factors) = store[id] else { return nil }
        let exps = factors.filter { if case .apply(.exp, _) = store[$0] { return true }; return false }
        guard exps.count == 1, case let .apply(.exp, a) = store[exps[0]] else { return nil }
        let factor = store.product(factors.filter { $0 != exps[0] })
        return store.freeSymbols(factor).isEmpty ? (factor, a) : nil
    }
}
