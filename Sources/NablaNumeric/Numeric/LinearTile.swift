/// Four linear combinations computed together, like a small matrix–matrix product: each
/// operand's lanes are loaded once for the four rows, and the four sums stay in registers of the
/// processor while the operands stream by. This is what a batch of matrix–vector products
/// (the layer W·x of a model, at many points) turns into on the tape.
///
/// ```swift
/// // z1 = 2a + b − c, z2 = a − 3c, z3 = …, z4 = … over the same few operands: one tile
/// ```
struct LinearTile: Sendable {
    static let rows = 4

    /// The registers read, the union of the four rows' operands.
    var operands: [Int]
    /// Coefficient of operand u in row r at `u * rows + r` (zero where the row lacks it),
    /// twice over, ready to multiply a pair of points.
    var splatCoefficients: [SIMD2<Double>]
    var offsets: [Double]

    /// The runs of four consecutive linear instructions (of four or more terms each, none
    /// reading another) whose operands overlap enough to share them: the union is at most
    /// twice the longest row.
    static func find(in code: TapeCode) -> [Range<Int>] {
        var tiles: [Range<Int>] = []
        var i = 0
        while i + rows <= code.operations.count {
            let members = i..<(i + rows)
            if isTile(members, code) { tiles.append(members); i += rows } else { i += 1 }
        }
        return tiles
    }

    private static func isTile(_ members: Range<Int>, _ code: TapeCode) -> Bool {
        var union = Set<Int>()
        var longest = 0
        for m in members {
            guard case let .linear(r, _) = code.operations[m], r.count >= 4 else { return false }
            let operands = code.operands[r]
            if operands.contains(where: members.contains) { return false }
            union.formUnion(operands)
            longest = max(longest, r.count)
        }
        return union.count <= 2 * longest
    }

    /// The tile of the linear instructions `members` of `code` (registers as `code` names them).
    init(_ members: Range<Int>, of code: TapeCode) {
        var column: [Int: Int] = [:]
        operands = []
        for m in members {
            guard case let .linear(r, _) = code.operations[m] else { preconditionFailure("a tile holds linear instructions") }
            for k in r where column[code.operands[k]] == nil {
                column[code.operands[k]] = operands.count
                operands.append(code.operands[k])
            }
        }
        var coefficients = Array(repeating: 0.0, count: operands.count * LinearTile.rows)
        offsets = []
        for (row, m) in members.enumerated() {
            guard case let .linear(r, offset) = code.operations[m] else { continue }
            offsets.append(offset)
            for k in r { coefficients[column[code.operands[k]]! * LinearTile.rows + row] += code.coefficients[k] }
        }
        splatCoefficients = coefficients.map { SIMD2(repeating: $0) }
    }

    /// Computes the four rows over `lanes` points of `registers` into `d0`…`d3`: four points at a
    /// time, as two pairs, with the sixteen partial sums held in registers of the processor.
    func run(registers v: UnsafeMutablePointer<Double>, lanes: Int,
             _ d0: UnsafeMutablePointer<Double>, _ d1: UnsafeMutablePointer<Double>,
             _ d2: UnsafeMutablePointer<Double>, _ d3: UnsafeMutablePointer<Double>) {
        typealias Pair = SIMD2<Double>
        withUnsafeTemporaryAllocation(of: UnsafePointer<Double>.self, capacity: operands.count) { x in
            for (u, r) in operands.enumerated() { x[u] = UnsafePointer(v + r &* lanes) }
            splatCoefficients.withUnsafeBufferPointer { c in
                var p = 0
                while p + 4 <= lanes {
                    var a0 = Pair(repeating: offsets[0]), b0 = a0, a1 = Pair(repeating: offsets[1]), b1 = a1
                    var a2 = Pair(repeating: offsets[2]), b2 = a2, a3 = Pair(repeating: offsets[3]), b3 = a3
                    for u in 0..<x.count {
                        let low = UnsafeRawPointer(x[u] + p).loadUnaligned(as: Pair.self)
                        let high = UnsafeRawPointer(x[u] + p + 2).loadUnaligned(as: Pair.self)
                        let k = u &* 4
                        let c0 = c[k], c1 = c[k + 1], c2 = c[k + 2], c3 = c[k + 3]
                        a0 += c0 * low; b0 += c0 * high
                        a1 += c1 * low; b1 += c1 * high
                        a2 += c2 * low; b2 += c2 * high
                        a3 += c3 * low; b3 += c3 * high
                    }
                    func store(_ d: UnsafeMutablePointer<Double>, _ a: Pair, _ b: Pair) {
                        UnsafeMutableRawPointer(d + p).storeBytes(of: a, as: Pair.self)
                        UnsafeMutableRawPointer(d + p + 2).storeBytes(of: b, as: Pair.self)
                    }
                    store(d0, a0, b0); store(d1, a1, b1); store(d2, a2, b2); store(d3, a3, b3)
                    p += 4
                }
                // The last points, one at a time.
                for q in p..<lanes {
                    var sums = (offsets[0], offsets[1], offsets[2], offsets[3])
                    for u in 0..<x.count {
                        let value = x[u][q], k = u &* 4
                        sums.0 += c[k][0] * value; sums.1 += c[k + 1][0] * value
                        sums.2 += c[k + 2][0] * value; sums.3 += c[k + 3][0] * value
                    }
                    d0[q] = sums.0; d1[q] = sums.1; d2[q] = sums.2; d3[q] = sums.3
                }
            }
        }
    }

    /// Reverse mode through the four rows: adds Σ_r c_ru · a_r to the adjoint of each operand u,
    /// given the rows' adjoints `a0`…`a3`. Four points at a time: the rows' adjoints stay in
    /// registers of the processor while the operands' adjoints stream by.
    func runAdjoint(adjoints g: UnsafeMutablePointer<Double>, lanes: Int,
                    _ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>,
                    _ a2: UnsafePointer<Double>, _ a3: UnsafePointer<Double>) {
        typealias Pair = SIMD2<Double>
        func pair(_ x: UnsafePointer<Double>, _ p: Int) -> Pair { UnsafeRawPointer(x + p).loadUnaligned(as: Pair.self) }
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Double>.self, capacity: operands.count) { o in
            for (u, r) in operands.enumerated() { o[u] = g + r &* lanes }
            splatCoefficients.withUnsafeBufferPointer { c in
                var p = 0
                while p + 4 <= lanes {
                    let l0 = pair(a0, p), h0 = pair(a0, p + 2), l1 = pair(a1, p), h1 = pair(a1, p + 2)
                    let l2 = pair(a2, p), h2 = pair(a2, p + 2), l3 = pair(a3, p), h3 = pair(a3, p + 2)
                    for u in 0..<o.count {
                        let k = u &* 4
                        let c0 = c[k], c1 = c[k + 1], c2 = c[k + 2], c3 = c[k + 3]
                        let low = pair(o[u], p) + (c0 * l0 + c1 * l1) + (c2 * l2 + c3 * l3)
                        let high = pair(o[u], p + 2) + (c0 * h0 + c1 * h1) + (c2 * h2 + c3 * h3)
                        UnsafeMutableRawPointer(o[u] + p).storeBytes(of: low, as: Pair.self)
                        UnsafeMutableRawPointer(o[u] + p + 2).storeBytes(of: high, as: Pair.self)
                    }
                    p += 4
                }
                // The last points, one at a time.
                for q in p..<lanes {
                    for u in 0..<o.count {
                        let k = u &* 4
                        o[u][q] += (c[k][0] * a0[q] + c[k + 1][0] * a1[q]) + (c[k + 2][0] * a2[q] + c[k + 3][0] * a3[q])
                    }
                }
            }
        }
    }
}
