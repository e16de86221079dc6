/// Many points (or many outputs at many points) stored as a structure of arrays: entry k of
/// point p sits at `k * count + p`, so that each of the tape's instructions runs over
/// consecutive memory.
///
/// ```swift
/// let points = PointBatch<Double>(columns: [[0.5, 1, 2], [2, 2, 2]])   // (0.5, 2), (1, 2), (2, 2)
/// points[1, 0]                                                        // 2.0
/// ```
public struct PointBatch<T: TapeScalar>: Sendable {
    /// The number of points.
    public let count: Int
    /// The number of entries per point.
    public let width: Int
    public var storage: [T]

    /// `width` entries at each of `count` points, all zero.
    public init(count: Int, width: Int) {
        self.count = count
        self.width = width
        storage = Array(repeating: 0, count: count * width)
    }

    /// One array per entry, each with a value at every point.
    public init(columns: [[T]]) {
        let count = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == count }, "every entry needs a value at every point")
        self.count = count
        width = columns.count
        storage = columns.flatMap { $0 }
    }

    public subscript(entry: Int, point: Int) -> T {
        get { storage[entry * count + point] }
        set { storage[entry * count + point] = newValue }
    }

    /// Entry k at every point.
    public func column(_ k: Int) -> [T] { Array(storage[(k * count)..<((k + 1) * count)]) }

    /// One array per entry.
    public var columns: [[T]] { (0..<width).map(column) }
}
