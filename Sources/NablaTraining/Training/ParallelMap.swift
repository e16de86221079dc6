import Foundation

/// `body(0) … body(count − 1)` run on every core at once, the results in order.
///
/// ```swift
/// let sums = parallelMap(2) { c in chunks[c].reduce(0, +) }
/// ```
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, body($0)) }
    return slots.values.map { $0! }
}

/// One slot per task, each written by exactly one task before `concurrentPerform` returns.
private final class Slots<T>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        values[index] = value
    }
}
