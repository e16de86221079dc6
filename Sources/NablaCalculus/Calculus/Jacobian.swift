import NablaCore

/// A matrix of expressions of one store, row-major; row `i` is output `i`, column `j` variable `j`.
public struct ExpressionMatrix: Equatable {
    public let rows: Int
    public let columns: Int
    public var entries: [ExprID]

    public init(rows: Int, columns: Int, entries: [ExprID]) {
        precondition(entries.count == rows * columns)
        self.rows = rows; self.columns = columns; self.entries = entries
    }

    public subscript(row: Int, column: Int) -> ExprID {
        get { entries[row * columns + column] }
        set { entries[row * columns + column] = newValue }
    }

    public func row(_ i: Int) -> ArraySlice<ExprID> { entries[(i * columns)..<((i + 1) * columns)] }

    public func column(_ j: Int) -> [ExprID] { (0..<rows).map { self[$0, j] } }

    public var transposed: ExpressionMatrix {
        var t = ExpressionMatrix(rows: columns, columns: rows, entries: entries)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }
}

extension ExpressionStore {
    /// The Jacobian matrix of `components` with respect to `variables` (numerator layout:
    /// one row per component, one column per variable). Entries whose component does not
    /// contain the variable are zero without any work.
    public func jacobian(_ components: [ExprID], _ variables: [ExprID]) -> ExpressionMatrix {
        var m = ExpressionMatrix(rows: components.count, columns: variables.count,
                                 entries: Array(repeating: zero, count: components.count * variables.count))
        let columns = Dictionary(variables.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for (i, c) in components.enumerated() {
            if isOverBudget { break }
            if case let .sum(terms) = self[c], terms.count > variables.count / 2 {
                // A long sum: go through its terms once, each adding to the columns of its
                // variables, instead of looking for every variable in the sum.
                var more: [Int: [ExprID]] = [:]   // columns that several terms reach
                for t in terms {
                    for s in freeSymbols(t).ids {
                        guard let j = columns[s] else { continue }
                        let d = derivative(t, s)
                        if m[i, j] == zero { m[i, j] = d } else { more[j, default: [m[i, j]]].append(d) }
                    }
                }
                for (j, p) in more { m[i, j] = sum(p) }
                continue
            }
            for (j, v) in variables.enumerated() where depends(c, on: v) {
                if isOverBudget { break }
                m[i, j] = derivative(c, v)
            }
        }
        return m
    }

    /// The matrix product `a · b`, skipping zero entries of `a`.
    public func multiply(_ a: ExpressionMatrix, _ b: ExpressionMatrix) -> ExpressionMatrix {
        precondition(a.columns == b.rows, "shapes do not compose")
        var m = ExpressionMatrix(rows: a.rows, columns: b.columns,
                                 entries: Array(repeating: zero, count: a.rows * b.columns))
        let bIsNumeric = b.entries.allSatisfy { rational($0) != nil }
        var rests: [ExprID] = [], coefficients: [Rational] = []
        for i in 0..<a.rows {
            if isOverBudget { break }
            let nonzero = (0..<a.columns).filter { a[i, $0] != zero }
            let split = nonzero.map { splitCoefficient(a[i, $0]) }
            for j in 0..<b.columns {
                if bIsNumeric {
                    // A linear inner map: collect the coefficient of each distinct term first,
                    // so that an entry is built once rather than as a sum of products.
                    rests.removeAll(keepingCapacity: true); coefficients.removeAll(keepingCapacity: true)
                    for (k, (c, rest)) in zip(nonzero, split) {
                        guard case let .number(bk) = self[b[k, j]], !bk.isZero else { continue }
                        if let at = rests.firstIndex(of: rest) { coefficients[at] = coefficients[at] + c * bk }
                        else { rests.append(rest); coefficients.append(c * bk) }
                    }
                    m[i, j] = numericCombination(rests, coefficients)
                    continue
                }
                var terms: [ExprID] = []
                for k in nonzero where b[k, j] != zero { terms.append(product([a[i, k], b[k, j]])) }
                m[i, j] = terms.isEmpty ? zero : (terms.count == 1 ? terms[0] : sum(terms))
            }
        }
        return m
    }

    /// Σ cₖ·rₖ, with terms of coefficient zero left out.
    private func numericCombination(_ rests: [ExprID], _ coefficients: [Rational]) -> ExprID {
        if rests.count == 1 { return coefficients[0].isZero ? zero : product([number(coefficients[0]), rests[0]]) }
        var built: [ExprID] = []
        for (r, c) in zip(rests, coefficients) where !c.isZero { built.append(c.isOne ? r : product([number(c), r])) }
        return built.isEmpty ? zero : sum(built)
    }
}
