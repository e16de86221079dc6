/// Each operation's steps, side by side: its value, its tangent (forward mode) and its adjoint
/// (reverse mode). Every step runs over `lanes` points at once; register r of point p sits at
/// `r * lanes + p`, so a single point is one lane and a batch chunk is many.
extension TapeCode {
    /// Computes instruction `i` into its destination register, or into `destination` when
    /// given. `scratch` holds `2 * lanes` values; `input(k)` points at input k's lanes. A
    /// log-sum-exp given `weights` (one register per operand) leaves there its softmax,
    /// exp(u_k − lse), for the tangent and the adjoint.
    @inline(__always)
    func forward<T: TapeScalar>(_ i: Int, registers v: UnsafeMutablePointer<T>, lanes: Int, scratch: UnsafeMutablePointer<T>,
                                destination: UnsafeMutablePointer<T>? = nil, weights: UnsafeMutablePointer<T>? = nil,
                                input: (Int) -> UnsafePointer<T>) {
        let d = destination ?? v + destinations[i] * lanes
        func at(_ r: Int) -> UnsafeMutablePointer<T> { v + r * lanes }
        switch operations[i] {
        case let .constant(c):
            let t = T(c)
            for p in 0..<lanes { d[p] = t }
        case let .input(k):
            d.update(from: input(k), count: lanes)
        case let .linear(r, offset):
            // Four terms per pass over the lanes: the destination is loaded and stored a
            // quarter as often.
            let t = T(offset)
            for p in 0..<lanes { d[p] = t }
            var k = r.lowerBound
            while k + 4 <= r.upperBound {
                let o0 = at(operands[k]), o1 = at(operands[k + 1]), o2 = at(operands[k + 2]), o3 = at(operands[k + 3])
                let c0 = T(coefficients[k]), c1 = T(coefficients[k + 1]), c2 = T(coefficients[k + 2]), c3 = T(coefficients[k + 3])
                for p in 0..<lanes { d[p] += (c0 * o0[p] + c1 * o1[p]) + (c2 * o2[p] + c3 * o3[p]) }
                k += 4
            }
            while k < r.upperBound {
                let o = at(operands[k]), c = T(coefficients[k])
                for p in 0..<lanes { d[p] += c * o[p] }
                k += 1
            }
        case let .multiply(r, coefficient):
            // One pass for the common c·x and c·x·y; more factors multiply in one by one.
            let c = T(coefficient)
            switch r.count {
            case 0: for p in 0..<lanes { d[p] = c }
            case 1:
                let x = at(operands[r.lowerBound])
                for p in 0..<lanes { d[p] = c * x[p] }
            default:
                let x = at(operands[r.lowerBound]), y = at(operands[r.lowerBound + 1])
                for p in 0..<lanes { d[p] = c * x[p] * y[p] }
                for k in r.dropFirst(2) { let o = at(operands[k]); for p in 0..<lanes { d[p] *= o[p] } }
            }
        case let .integerPower(b, n):
            let x = at(b)
            for p in 0..<lanes { d[p] = integerPower(x[p], n) }
        case let .power(b, e):
            let x = at(b), y = at(e)
            for p in 0..<lanes { d[p] = T.pow(x[p], y[p]) }
        case let .apply(f, a):
            let x = at(a)
            switch f {
            case .exp: T.exp(lanes: x, into: d, count: lanes)
            default: for p in 0..<lanes { d[p] = f.value(x[p]) }
            }
        case let .logSumExp(r):
            // m + log Σ exp(u_k − m), m the largest u_k: no term overflows, one is exp(0) = 1.
            let m = d
            let first = at(operands[r.lowerBound])
            for p in 0..<lanes { m[p] = first[p] }
            for k in r.dropFirst() { let o = at(operands[k]); for p in 0..<lanes where o[p] > m[p] { m[p] = o[p] } }
            let total = scratch
            for p in 0..<lanes { total[p] = 0 }
            for (j, k) in r.enumerated() {
                let o = at(operands[k]), term = weights.map { $0 + j * lanes } ?? scratch + lanes
                for p in 0..<lanes { term[p] = o[p] - m[p] }
                T.exp(lanes: term, into: term, count: lanes)
                for p in 0..<lanes { total[p] += term[p] }
            }
            if let weights {
                // exp(u_k − m) / Σ exp(u_j − m) = exp(u_k − lse).
                let reciprocal = scratch + lanes
                for p in 0..<lanes { reciprocal[p] = 1 / total[p] }
                for j in 0..<r.count { let w = weights + j * lanes; for p in 0..<lanes { w[p] *= reciprocal[p] } }
            }
            for p in 0..<lanes where m[p].isFinite { d[p] = m[p] + T.log(total[p]) }
        case let .shiftedExp(a, l, power):
            let s = at(l), k = T(power)
            if let a {
                let x = at(a)
                for p in 0..<lanes { d[p] = x[p] - k * s[p] }
            } else {
                for p in 0..<lanes { d[p] = -k * s[p] }
            }
            T.exp(lanes: d, into: d, count: lanes)
        }
    }

    /// The tangent of instruction `i` (full program: register = instruction), from the values
    /// `v` and the tangents of its operands; `direction(k)` points at input k's tangent lanes;
    /// `scratch` holds `lanes` values; `weights`, a log-sum-exp's softmax when the forward
    /// pass kept it.
    @inline(__always)
    func tangent<T: TapeScalar>(_ i: Int, values v: UnsafeMutablePointer<T>, tangents t: UnsafeMutablePointer<T>, lanes: Int,
                                scratch: UnsafeMutablePointer<T>, weights: UnsafePointer<T>? = nil, direction: (Int) -> UnsafePointer<T>) {
        let d = t + i * lanes, y = v + i * lanes
        func value(_ r: Int) -> UnsafeMutablePointer<T> { v + r * lanes }
        func tan(_ r: Int) -> UnsafeMutablePointer<T> { t + r * lanes }
        switch operations[i] {
        case .constant:
            for p in 0..<lanes { d[p] = 0 }
        case let .input(k):
            d.update(from: direction(k), count: lanes)
        case let .linear(r, _):
            for p in 0..<lanes { d[p] = 0 }
            for k in r { let o = tan(operands[k]), c = T(coefficients[k]); for p in 0..<lanes { d[p] += c * o[p] } }
        case let .multiply(r, coefficient) where r.count == 2:
            // The common c·x·y in one pass; a zero tangent adds nothing, even times an infinite factor.
            let c = T(coefficient), x = value(operands[r.lowerBound]), y = value(operands[r.lowerBound + 1])
            let dx = tan(operands[r.lowerBound]), dy = tan(operands[r.lowerBound + 1])
            for p in 0..<lanes {
                let viaX = dx[p] == 0 ? 0 : dx[p] * y[p], viaY = dy[p] == 0 ? 0 : dy[p] * x[p]
                d[p] = c * (viaX + viaY)
            }
        case let .multiply(r, coefficient):
            // d(c·∏ fₖ) = c·Σ dfₖ·∏_{j≠k} fⱼ, without dividing (a factor may be zero).
            for p in 0..<lanes { d[p] = 0 }
            for k in r {
                let dk = tan(operands[k])
                for p in 0..<lanes where dk[p] != 0 {
                    d[p] += partial(r, k, coefficient, v, lanes, p) * dk[p]
                }
            }
        case let .integerPower(b, n):
            let x = value(b), dx = tan(b), m = T(Double(n))
            for p in 0..<lanes { d[p] = m * integerPower(x[p], n - 1) * dx[p] }
        case let .power(b, e):
            let x = value(b), z = value(e), dx = tan(b), dz = tan(e)
            for p in 0..<lanes {
                let viaExponent = dz[p] == 0 ? 0 : y[p] * T.log(x[p]) * dz[p]
                d[p] = z[p] * T.pow(x[p], z[p] - 1) * dx[p] + viaExponent
            }
        case let .apply(f, a):
            let x = value(a), dx = tan(a)
            for p in 0..<lanes { d[p] = f.derivative(x[p], y[p]) * dx[p] }
        case let .logSumExp(r):
            // ∂ lse/∂u_k = softmax_k = exp(u_k − lse).
            for p in 0..<lanes { d[p] = 0 }
            for (j, k) in r.enumerated() {
                let du = tan(operands[k])
                let w = weights.map { $0 + j * lanes } ?? softmax(operands[k], y, v, lanes, scratch)
                for p in 0..<lanes where du[p] != 0 { d[p] += w[p] * du[p] }
            }
        case let .shiftedExp(a, l, power):
            let dl = tan(l), k = T(power)
            for p in 0..<lanes { d[p] = -k * dl[p] }
            if let a { let da = tan(a); for p in 0..<lanes { d[p] += da[p] } }
            for p in 0..<lanes { d[p] *= y[p] }
        }
    }

    /// Passes instruction `i`'s adjoint to its operands (full program); `gradient(k)` points at
    /// input k's gradient lanes; `scratch` holds `lanes` values; `weights`, a log-sum-exp's
    /// softmax when the forward pass kept it.
    @inline(__always)
    func adjoint<T: TapeScalar>(_ i: Int, values v: UnsafeMutablePointer<T>, adjoints g: UnsafeMutablePointer<T>, lanes: Int,
                                scratch: UnsafeMutablePointer<T>, weights: UnsafePointer<T>? = nil,
                                gradient: (Int) -> UnsafeMutablePointer<T>) {
        let a = g + i * lanes, y = v + i * lanes
        func value(_ r: Int) -> UnsafeMutablePointer<T> { v + r * lanes }
        func adj(_ r: Int) -> UnsafeMutablePointer<T> { g + r * lanes }
        switch operations[i] {
        case .constant:
            break
        case let .input(k):
            let out = gradient(k)
            for p in 0..<lanes { out[p] += a[p] }
        case let .linear(r, _):
            for k in r { let o = adj(operands[k]), c = T(coefficients[k]); for p in 0..<lanes { o[p] += c * a[p] } }
        case let .multiply(r, coefficient) where r.count == 2:
            // The common c·x·y in one pass; a zero adjoint passes nothing, even to an infinite factor.
            let c = T(coefficient), x = value(operands[r.lowerBound]), y = value(operands[r.lowerBound + 1])
            let ox = adj(operands[r.lowerBound]), oy = adj(operands[r.lowerBound + 1])
            for p in 0..<lanes {
                let s = c * a[p]
                ox[p] += a[p] == 0 ? 0 : s * y[p]
                oy[p] += a[p] == 0 ? 0 : s * x[p]
            }
        case let .multiply(r, coefficient):
            for k in r {
                let o = adj(operands[k])
                for p in 0..<lanes where a[p] != 0 {
                    o[p] += a[p] * partial(r, k, coefficient, v, lanes, p)
                }
            }
        case let .integerPower(b, n):
            let x = value(b), o = adj(b), m = T(Double(n))
            for p in 0..<lanes { o[p] += a[p] * m * integerPower(x[p], n - 1) }
        case let .power(b, e):
            let x = value(b), z = value(e), ob = adj(b), oe = adj(e)
            let exponentIsConstant: Bool
            if case .constant = operations[e] { exponentIsConstant = true } else { exponentIsConstant = false }
            for p in 0..<lanes where a[p] != 0 {
                ob[p] += a[p] * z[p] * T.pow(x[p], z[p] - 1)
                if !exponentIsConstant { oe[p] += a[p] * y[p] * T.log(x[p]) }
            }
        case let .apply(f, x):
            let u = value(x), o = adj(x)
            for p in 0..<lanes { o[p] += a[p] * f.derivative(u[p], y[p]) }
        case let .logSumExp(r):
            for (j, k) in r.enumerated() {
                let o = adj(operands[k])
                let w = weights.map { $0 + j * lanes } ?? softmax(operands[k], y, v, lanes, scratch)
                for p in 0..<lanes { o[p] += a[p] * w[p] }
            }
        case let .shiftedExp(x, l, power):
            let ol = adj(l), k = T(power)
            for p in 0..<lanes { ol[p] -= k * a[p] * y[p] }
            if let x { let ox = adj(x); for p in 0..<lanes { ox[p] += a[p] * y[p] } }
        }
    }

    /// exp(u − lse) over the lanes, into `scratch`: a log-sum-exp's softmax entry for operand
    /// register `u` where the forward pass did not keep it.
    @inline(__always)
    private func softmax<T: TapeScalar>(_ u: Int, _ lse: UnsafeMutablePointer<T>, _ v: UnsafeMutablePointer<T>, _ lanes: Int,
                                        _ scratch: UnsafeMutablePointer<T>) -> UnsafePointer<T> {
        let x = v + u * lanes
        for p in 0..<lanes { scratch[p] = x[p] - lse[p] }
        T.exp(lanes: scratch, into: scratch, count: lanes)
        return UnsafePointer(scratch)
    }

    /// ∂(c·∏ fⱼ)/∂fₖ = c·∏_{j≠k} fⱼ at lane p, for the product of `operands[r]`.
    @inline(__always)
    private func partial<T: TapeScalar>(_ r: Range<Int>, _ k: Int, _ coefficient: Double,
                                        _ v: UnsafeMutablePointer<T>, _ lanes: Int, _ p: Int) -> T {
        var q = T(coefficient)
        for j in r where j != k { q *= v[operands[j] * lanes + p] }
        return q
    }
}
