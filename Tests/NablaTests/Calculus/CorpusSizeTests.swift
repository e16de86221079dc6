import Foundation
import Testing
@testable import Nabla

/// The size of every corpus result may only shrink: each simplification rule is kept when it
/// makes a result smaller, and this test holds that on the 300 cases, against the sizes recorded
/// in Fixtures/corpus-sizes.json: the nodes of the entries written out as trees, a fraction
/// counting as two (a number and a division), as SymPy's `count_ops` counts; a shared part
/// counts each time it is written.
/// Run with NABLA_UPDATE_SIZES=1 to record today's sizes after a deliberate improvement.
@Suite struct CorpusSizeTests {
    @Test func noResultIsLongerThanBefore() throws {
        var sizes: [String: Int] = [:]
        for c in try CorpusTests.cases() {
            let doc = try solve(c.script, name: c.id)
            sizes[c.id] = doc.results[0].matrix.entries.reduce(0) { $0 + Self.writtenSize($1, doc.store) }
        }
        let url = Fixtures.url("corpus-sizes.json")
        if ProcessInfo.processInfo.environment["NABLA_UPDATE_SIZES"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            try encoder.encode(sizes).write(to: url)
            return
        }
        let before = try JSONDecoder().decode([String: Int].self, from: Data(contentsOf: url))
        #expect(before.count == 300)
        var shorter = 0
        for (id, size) in sizes.sorted(by: { $0.key < $1.key }) {
            guard let old = before[id] else { Issue.record("\(id): no recorded size"); continue }
            #expect(size <= old, "\(id): \(size) nodes, \(old) before")
            if size < old { shorter += 1 }
        }
        print("corpus sizes: \(shorter) of \(sizes.count) results shorter than recorded, total \(sizes.values.reduce(0, +)) nodes against \(before.values.reduce(0, +))")
    }

    /// The nodes of `id` written out as a tree, a fraction counting as two.
    static func writtenSize(_ id: ExprID, _ store: ExpressionStore) -> Int {
        var sizes: [ExprID: Int] = [:]
        for n in store.reachable(from: [id]) {   // children before parents
            switch store[n] {
            case let .number(r): sizes[n] = r.isInteger ? 1 : 2
            case let .sum(c), let .product(c): sizes[n] = c.reduce(1) { $0 + sizes[$1]! }
            case let .power(b, e): sizes[n] = 1 + sizes[b]! + sizes[e]!
            case let .apply(_, a): sizes[n] = 1 + sizes[a]!
            default: sizes[n] = 1
            }
        }
        return sizes[id]!
    }
}
