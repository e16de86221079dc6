/// A set of symbol ids, kept sorted; the free symbols of an expression.
///
/// Sets are shared between nodes whenever a union adds nothing, so a product `3·exp(s)` does not
/// copy the symbols of `s`.
public struct SymbolSet: Sendable, Equatable {
    public private(set) var ids: [ExprID]

    static let empty = SymbolSet(ids: [])

    package init(ids: [ExprID]) { self.ids = ids }
    package init(single id: ExprID) { ids = [id] }

    package var isEmpty: Bool { ids.isEmpty }

    @inlinable public func contains(_ id: ExprID) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] == id { return true }
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return false
    }

    package func intersects(_ other: SymbolSet) -> Bool {
        if ids.count > other.ids.count { return other.intersects(self) }
        return ids.contains { other.contains($0) }
    }

    /// The union of several sets; returns one of the inputs unchanged when it already holds all.
    static func union(_ sets: [SymbolSet]) -> SymbolSet {
        let nonEmpty = sets.filter { !$0.isEmpty }
        if nonEmpty.count <= 1 { return nonEmpty.first ?? .empty }
        if nonEmpty.allSatisfy({ $0.ids.count == 1 }) {
            var ids = nonEmpty.map { $0.ids[0] }
            ids.sort()
            var unique: [ExprID] = []
            unique.reserveCapacity(ids.count)
            for id in ids where unique.last != id { unique.append(id) }
            return unique.count == 1 ? nonEmpty[0] : SymbolSet(ids: unique)
        }
        var largest = SymbolSet.empty
        for s in sets where s.ids.count > largest.ids.count { largest = s }
        var extra: [ExprID] = []
        for s in sets { for id in s.ids where !largest.contains(id) { extra.append(id) } }
        if extra.isEmpty { return largest }
        var all = largest.ids + extra
        all.sort()
        var unique: [ExprID] = []
        unique.reserveCapacity(all.count)
        for id in all where unique.last != id { unique.append(id) }
        return SymbolSet(ids: unique)
    }
}
