import NablaDocument
import NablaPrinting
import NablaCalculus
import NablaCore

/// A claim at a point: `\left.\frac{\partial w}{\partial u}\right|_{(u,v)=(2,1)} = 8`. The
/// expected entries and the claimed ones are both taken there.
extension SheetChecker {
    /// The values a claim's point (`\right|_{(u,v)=(2,1)}`) gives the variables, by symbol: empty
    /// when the claim has no point, nil when the point does not fit the variables.
    func pointValues(_ head: GradientHead, variables: [String], in scope: Scope) -> [ExprID: ExprID]? {
        guard let point = head.point else { return [:] }
        let names = point.names ?? variables
        guard names.count == point.values.count, Set(names).isSubset(of: variables), point.names != nil || names.count == variables.count else { return nil }
        var resolver = Resolver(store: store, definitions: scope.definitions, bindings: scope.bindings, aliases: scope.aliases)
        var out: [ExprID: ExprID] = [:]
        for (n, v) in zip(names, point.values) {
            guard let value = try? resolver.scalar(v, [:]) else { return nil }
            out[store.symbol(n)] = value
        }
        return out
    }

    /// How a report names the point: `(u, v) = (2, 1)`, in the variables' order.
    func pointText(_ point: [ExprID: ExprID], variables: [String]) -> String? {
        guard !point.isEmpty else { return nil }
        let printer = ExpressionPrinter(store: store, notation: .text)
        let named = variables.filter { point[store.symbol($0)] != nil }
        let values = named.map { printer.string(point[store.symbol($0)]!) }
        return named.count == 1 ? "\(named[0]) = \(values[0])" : "(\(named.joined(separator: ", "))) = (\(values.joined(separator: ", ")))"
    }

    /// The matrix at `point` (the claim's point, see ``pointValues``), simplified.
    func at(_ point: [ExprID: ExprID], _ m: ExpressionMatrix, _ simplifier: Simplifier) -> ExpressionMatrix {
        guard !point.isEmpty else { return m }
        return ExpressionMatrix(rows: m.rows, columns: m.columns, entries: store.substitute(m.entries, point).map(simplifier.simplify))
    }
}
