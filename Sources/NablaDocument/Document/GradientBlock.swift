import NablaCalculus
import NablaCore

/// One block of a gradient, shaped like its variables: ∂L/∂W as a matrix the shape of W,
/// ∂L/∂b as a column the length of b.
public struct GradientBlock {
    public let block: VariableBlock
    public let matrix: ExpressionMatrix
    /// How a course writes the block: every renderer and the worked solution follow it.
    public let form: Form

    public enum Form {
        /// δ·xᵀ: the weights of a dense layer.
        case outerProduct(OuterProductForm)
        /// δ: the bias added to that layer.
        case delta(OuterProductForm)
        /// One entry, written on the title's line: a scalar variable.
        case scalar(ExprID)
        /// The entries, shaped like the variable.
        case entries
    }
}

extension TargetResult {
    /// The gradient cut into blocks shaped like their variables (`wrt W, b`: a 3×4 matrix and a
    /// column of 3); nil unless the target is a scalar function and some variable is a vector or
    /// a matrix.
    ///
    /// ```swift
    /// result.gradientBlocks?.map(\.matrix.rows)   // [3, 3] for wrt W[3,4], b[3]
    /// ```
    public var gradientBlocks: [GradientBlock]? {
        guard !variableBlocks.isEmpty, command == .gradient || command == .jacobian, matrix.rows == 1,
              variableBlocks.last.map({ $0.range.upperBound == matrix.columns }) == true else { return nil }
        return variableBlocks.map { block in
            let entries = Array(matrix.entries[block.range])
            let (rows, columns) = switch block.shape.count {
            case 0: (1, 1)
            case 1: (block.shape[0], 1)
            default: (block.shape[0], block.shape[1])
            }
            let form: GradientBlock.Form
            if let f = outerProducts.first(where: { $0.matrix == block.name }) { form = .outerProduct(f) }
            else if let f = outerProducts.first(where: { $0.bias == block.name }) { form = .delta(f) }
            else { form = block.shape.isEmpty ? .scalar(entries[0]) : .entries }
            return GradientBlock(block: block, matrix: ExpressionMatrix(rows: rows, columns: columns, entries: entries), form: form)
        }
    }

    /// The dense layers with a δ of their own: layers whose outputs are added (W·x + U·h + b)
    /// share one δ, written once, by the first of them.
    public var distinctDeltas: [OuterProductForm] {
        outerProducts.enumerated().filter { k, f in !outerProducts[..<k].contains { $0.delta == f.delta } }.map(\.element)
    }

    /// The subscript of a layer's δ: none when the gradient has one δ, the layer's matrix (the
    /// first layer's of those sharing it) when it has several (δ_W, δ_U).
    public func deltaSubscript(_ form: OuterProductForm) -> String? {
        let distinct = distinctDeltas
        return distinct.count > 1 ? distinct.first { $0.delta == form.delta }?.matrix : nil
    }
}
