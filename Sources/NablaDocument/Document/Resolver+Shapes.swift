import NablaCore

/// The arithmetic of shaped values: sums of equal shapes, products of scalars, vectors and
/// matrices (dot, matrix·vector, vector·matrix, matrix·matrix), each with a message naming both
/// shapes when they do not fit.
extension Resolver {
    func add(_ a: ShapedValue, _ b: ShapedValue, at location: SourceLocation) throws(Diagnostic) -> ShapedValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(store.add(x, y))
        case let (.array(x, sx), .array(y, sy)) where sx == sy:
            return .array(zip(x, y).map { store.add($0, $1) }, shape: sx)
        default:
            throw Diagnostic(.shapeMismatch, .other(ShapePhrase.cannotAdd(left: a.shape, right: b.shape)), at: location)
        }
    }

    func multiply(_ a: ShapedValue, _ b: ShapedValue, at location: SourceLocation) throws(Diagnostic) -> ShapedValue {
        switch (a, b) {
        case let (.scalar(x), .scalar(y)): return .scalar(store.multiply(x, y))
        case let (.scalar(x), .array): return try b.map { store.multiply(x, $0) }
        case let (.array, .scalar(y)): return try a.map { store.multiply($0, y) }
        case let (.array(x, sx), .array(y, sy)):
            // Rows × columns, a vector on the left being a row and on the right a column.
            let (m, k) = sx.count == 1 ? (1, sx[0]) : (sx[0], sx[1])
            let (k2, n) = sy.count == 1 ? (sy[0], 1) : (sy[0], sy[1])
            guard k == k2 else {
                throw Diagnostic(.shapeMismatch, .other(ShapePhrase.cannotMultiply(left: sx, right: sy)), at: location)
            }
            var out: [ExprID] = []
            out.reserveCapacity(m * n)
            for i in 0..<m {
                for j in 0..<n {
                    out.append(store.sum((0..<k).map { store.multiply(x[i * k + $0], y[$0 * n + j]) }))
                }
            }
            let shape: [Int] = switch (sx.count, sy.count) {
            case (1, 1): []
            case (2, 1): [m]
            case (1, 2): [n]
            default: [m, n]
            }
            return shape.isEmpty ? .scalar(out[0]) : .array(out, shape: shape)
        }
    }

    /// The scalar `value`, or a message saying where a scalar was expected.
    func requireScalar(_ value: ShapedValue, _ place: ShapePhrase.Place, at location: SourceLocation) throws(Diagnostic) -> ExprID {
        guard case let .scalar(e) = value else {
            throw Diagnostic(.notScalar, .other(ShapePhrase.scalarExpected(place: place, found: value.shape)), at: location)
        }
        return e
    }

    /// The entry `index` (from 1) of `name`, whose value is `value`.
    func entry(_ name: String, _ index: [Int], of value: ShapedValue, at location: SourceLocation) throws(Diagnostic) -> ShapedValue {
        guard case let .array(entries, shape) = value else {
            throw Diagnostic(.notScalar, .other(ShapePhrase.scalarHasNoEntries(name)), at: location)
        }
        guard index.count == shape.count else {
            throw Diagnostic(.shapeMismatch, .other(ShapePhrase.entryIndexCount(name, shape: shape, given: index.count)), at: location)
        }
        guard zip(index, shape).allSatisfy({ $0 >= 1 && $0 <= $1 }) else {
            throw Diagnostic(.shapeMismatch, .other(ShapePhrase.entryOutside(name, index: index, shape: shape)), at: location)
        }
        let offset = index.count == 1 ? index[0] - 1 : (index[0] - 1) * shape[1] + index[1] - 1
        return .scalar(entries[offset])
    }

    /// The value of a constant of `shape`: its entries' symbols, or their values given with `let`.
    func constant(_ name: String, _ shape: [Int]) -> ShapedValue {
        .array(Shape.entryNames(name, shape).map { bindings[$0] ?? store.symbol($0) }, shape: shape)
    }
}
