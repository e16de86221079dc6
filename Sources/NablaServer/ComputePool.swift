import Dispatch

/// At most `width` computations at once (the machine's cores), the others waiting in a queue of
/// at most `depth`; past that a request is turned away (503) rather than left to pile up. Each
/// computation runs on a Dispatch thread, so that the server's event loops keep answering
/// (`/healthz` meanwhile).
public actor ComputePool {
    public struct Busy: Error {}

    public nonisolated let width: Int
    public nonisolated let depth: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(width: Int, depth: Int) { self.width = max(1, width); self.depth = max(0, depth) }

    /// Runs `work` when a place is free; throws ``Busy`` when the queue is full.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        if running >= width {
            guard waiting.count < depth else { throw Busy() }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer { release() }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Hands the place to the next waiting computation, or frees it.
    private func release() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }

    /// How many run and wait now (for tests and the health check).
    public var load: (running: Int, waiting: Int) { (running, waiting.count) }
}
