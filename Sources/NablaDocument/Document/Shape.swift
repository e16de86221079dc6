import NablaCore

/// Where a file gives a constant its shape: `W[3,4]` at its first use, or `y` beside a vector
/// in a dot product (`-y·log(p)`), which makes y a vector of p's length.
package struct ShapeDeclaration: Sendable {
    package let name: String
    /// `[3]` for a vector, `[3, 4]` for a matrix.
    package let shape: [Int]
    package let location: SourceLocation
}

/// The shapes of a document's constants: declared (`W[3,4]`) or inferred from a dot product
/// (`-y·log(p)`) while the document is read, and known to every resolver after that.
package final class ConstantShapes {
    package var declarations: [String: ShapeDeclaration]
    /// The constants that multiply a vector or a matrix (`W` in `W·x`, `w` in `w·x`): the
    /// weights a trainer penalises, as against the biases added to them.
    package var multiplying: Set<String> = []
    /// The vector each matrix constant multiplies (`x` in `W·x`), by entries: where ∂L/∂W may
    /// be the outer product δ·xᵀ (see ``OuterProductForm``).
    package var denseInputs: [String: [ExprID]] = [:]

    package init(_ declarations: [String: ShapeDeclaration] = [:]) { self.declarations = declarations }
}

/// A value while an expression is read: a scalar, or the entries of a vector or a matrix in
/// row-major order. `W[3,4]·x[4]` is a vector of 3; `sum(v)` a scalar.
package enum ShapedValue {
    case scalar(ExprID)
    case array([ExprID], shape: [Int])

    /// Empty for a scalar.
    package var shape: [Int] {
        switch self {
        case .scalar: []
        case let .array(_, shape): shape
        }
    }

    package var entries: [ExprID] {
        switch self {
        case let .scalar(e): [e]
        case let .array(entries, _): entries
        }
    }

    /// The value with every entry replaced by `transform` of it, the shape kept.
    package func map(_ transform: (ExprID) throws(Diagnostic) -> ExprID) throws(Diagnostic) -> ShapedValue {
        switch self {
        case let .scalar(e): return .scalar(try transform(e))
        case let .array(entries, shape):
            var out: [ExprID] = []
            out.reserveCapacity(entries.count)
            for e in entries { out.append(try transform(e)) }
            return .array(out, shape: shape)
        }
    }

    /// A vector of `entries`.
    package static func vector(_ entries: [ExprID]) -> ShapedValue { .array(entries, shape: [entries.count]) }
}

/// The names of the entries of a shaped name, row-major: `x_1 … x_4`, `W_1_1, W_1_2 …`.
///
/// ```swift
/// Shape.entryNames("W", [2, 2])   // ["W_1_1", "W_1_2", "W_2_1", "W_2_2"]
/// ```
package enum Shape {
    package static func entryNames(_ name: String, _ shape: [Int]) -> [String] {
        switch shape.count {
        case 0: return [name]
        case 1: return (1...shape[0]).map { "\(name)_\($0)" }
        default:
            return (1...shape[0]).flatMap { i in (1...shape[1]).map { j in "\(name)_\(i)_\(j)" } }
        }
    }

    /// The shape as a message says it: "a scalar", "a vector of 3", "a 3×4 matrix".
    package static func describe(_ shape: [Int], in language: Language) -> String {
        let fr = language == .fr
        switch shape.count {
        case 0: return fr ? "un scalaire" : "a scalar"
        case 1: return fr ? "un vecteur de \(shape[0])" : "a vector of \(shape[0])"
        default: return fr ? "une matrice \(shape[0])×\(shape[1])" : "a \(shape[0])×\(shape[1]) matrix"
        }
    }
}
