import Foundation

extension Tape {
    /// The Hessian-vector product H·v of output `output` at `point`, by forward mode over
    /// reverse mode: the reverse sweep carries each adjoint together with its derivative along
    /// `direction`. Exact up to rounding — no finite differences.
    ///
    /// ```swift
    /// tape.hessianVectorProduct(at: [1, 2], along: [1, 0])   // first column of the Hessian
    /// ```
    public mutating func hessianVectorProduct(at point: [Double], along direction: [Double], output: Int = 0) -> [Double] {
        // Values and tangents along the direction.
        _ = jvp(at: point, along: direction)
        let value = self.value, tangent = self.tangent
        var adjoint = [Double](repeating: 0, count: operations.count)
        var adjointTangent = [Double](repeating: 0, count: operations.count)
        adjoint[outputSlots[output]] = 1
        var result = [Double](repeating: 0, count: inputCount)
        for i in operations.indices.reversed() {
            let a = adjoint[i], da = adjointTangent[i]
            if a == 0 && da == 0 { continue }
            /// Adds the contribution of an operand whose local partial is `g`, of tangent `dg`.
            func push(_ o: Int, _ g: Double, _ dg: Double) {
                adjoint[o] += a * g
                adjointTangent[o] += da * g + a * dg
            }
            switch operations[i] {
            case .constant, .undefined: break
            case let .input(k): result[k] += da
            case let .add(r): for k in r { push(operands[k], 1, 0) }
            case let .multiply(r):
                for k in r {
                    var g = 1.0, dg = 0.0
                    for j in r where j != k {
                        let v = value[operands[j]], t = tangent[operands[j]]
                        dg = dg * v + g * t   // product rule, factor by factor
                        g *= v
                    }
                    push(operands[k], g, dg)
                }
            case let .integerPower(b, n):
                let u = value[b], nn = Double(n)
                push(b, nn * integerPower(u, n - 1), nn * (nn - 1) * integerPower(u, n - 2) * tangent[b])
            case let .power(b, e):
                let u = value[b], v = value[e], f = value[i], tu = tangent[b], tv = tangent[e], tf = tangent[i]
                let gb = v * Foundation.pow(u, v - 1)
                let dgb = tv * Foundation.pow(u, v - 1) + v * Foundation.pow(u, v - 1) * (tv * Foundation.log(u) + (v - 1) * tu / u)
                push(b, gb, dgb)
                push(e, f * Foundation.log(u), tf * Foundation.log(u) + f * tu / u)
            case let .apply(fn, x):
                let u = value[x], fu = value[i]
                push(x, fn.derivative(u, fu), Tape.secondDerivative(fn, u, fu) * tangent[x])
            }
        }
        return result
    }

    /// f''(x) for an elementary function, given x and f(x).
    static func secondDerivative(_ f: ElementaryFunction, _ x: Double, _ fx: Double) -> Double {
        switch f {
        case .exp: return fx
        case .log: return -1 / (x * x)
        case .sin: return -fx
        case .cos: return -fx
        case .tan: return 2 * fx * (1 + fx * fx)
        case .tanh: return -2 * fx * (1 - fx * fx)
        case .sigmoid: return fx * (1 - fx) * (1 - 2 * fx)
        }
    }
}
