import NablaCore

/// A claim for every index at once, as ML notes write it: `\frac{\partial L}{\partial w_i} =
/// (p - y) x_i` stands for ∂L/∂w_1 = (p − y)x_1, ∂L/∂w_2 = (p − y)x_2, …
extension SheetChecker {
    /// The symbols `w_1, w_2, …` (naturally sorted) that `w_i` stands for among `symbols`; nil
    /// when `name` is no stem with a letter index (i, j, k, n) or none of them exists.
    static func indexed(_ name: String, among symbols: Set<String>) -> [String]? {
        let parts = name.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, ["i", "j", "k", "n"].contains(parts[1]), !parts[0].isEmpty, !symbols.contains(name) else { return nil }
        let members = symbols.filter { s in
            let p = s.split(separator: "_", omittingEmptySubsequences: false)
            return p.count == 2 && p[0] == parts[0] && !p[1].isEmpty && p[1].allSatisfy(\.isNumber)
        }
        return members.isEmpty ? nil : members.sorted(by: naturalLess)
    }

    /// The symbols of `id` with the index `index` (`x_i`), each renamed with the index `value` (`x_2`).
    static func renamingIndex(_ index: String, to value: String, in id: ExprID, _ store: ExpressionStore) -> [ExprID: ExprID] {
        var out: [ExprID: ExprID] = [:]
        for s in store.freeSymbols(id).ids {
            guard let name = store.symbolName(s), name.hasSuffix("_" + index) else { continue }
            out[s] = store.symbol(String(name.dropLast(index.count)) + value)
        }
        return out
    }
}
