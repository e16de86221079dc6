import Foundation
import NablaDocument
import NablaCore

/// The definitions, values and named compositions a sheet's formulas make.
extension SheetChecker {
    func define(_ chain: RelationChain, in scope: Scope) throws(Diagnostic) -> Bool {
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
    func names(in m: MathSyntax) throws(Diagnostic) -> [LocatedName] {
        var items: [MathSyntax]
        switch m {
        case let .matrix(rows, _): items = rows.flatMap { $0 }
        default: items = [m]
        }
        var out: [LocatedName] = []
        for item in items {
            guard case let .name(n, l)? = item.scalar else {
                throw Diagnostic(.syntax, SheetPhrase.variableNamesExpected, at: item.location)
            }
            out.append(LocatedName(name: n, location: l))
        }
        return out
    }

    /// A function body: a scalar, or a column (or row) of scalars as a tuple.
    func components(_ m: MathSyntax) throws(Diagnostic) -> ExpressionSyntax {
        switch m {
        case let .expression(e): return e
        case let .matrix(rows, l):
            let items = rows.count == 1 ? rows[0] : rows.map { $0[0] }
            guard rows.count == 1 || rows.allSatisfy({ $0.count == 1 }) else {
                throw Diagnostic(.syntax, SheetPhrase.functionValuesNotAColumn, at: l)
            }
            var scalars: [ExpressionSyntax] = []
            for i in items {
                guard let s = i.scalar else { throw Diagnostic(.syntax, SheetPhrase.expressionExpected, at: i.location) }
                scalars.append(s)
            }
            return scalars.count == 1 ? scalars[0] : .tuple(scalars, l)
        default:
            throw Diagnostic(.syntax, SheetPhrase.functionValuesExpected, at: m.location)
        }
    }

}
