/// A vector or matrix among a result's variables: `wrt W, b` makes the blocks W (3×4) and b
/// (3), so that ∂L/∂W can be printed shaped like W.
///
/// ```swift
/// result.variableBlocks   // [VariableBlock(name: "W", shape: [3, 4], offset: 0), VariableBlock(name: "b", shape: [3], offset: 12)]
/// ```
public struct VariableBlock: Sendable, Equatable {
    public let name: String
    /// Empty for a scalar, `[n]` for a vector, `[m, n]` for a matrix.
    public let shape: [Int]
    /// The block's first variable among the result's.
    public let offset: Int

    public init(name: String, shape: [Int], offset: Int) { self.name = name; self.shape = shape; self.offset = offset }

    public var count: Int { shape.reduce(1, *) }
    public var range: Range<Int> { offset..<(offset + count) }
}
