/// Limited-memory BFGS with a line search that meets the strong Wolfe conditions: the
/// full-batch optimiser scikit-learn's `LogisticRegression(solver="lbfgs")` uses (through
/// SciPy), so that both reach the same optimum of a convex objective.
///
/// ```swift
/// var lbfgs = LBFGS(memory: 10)
/// var state = lbfgs.start(at: θ0, objective)
/// while !lbfgs.step(&state, objective) {}       // one iteration per call; true when converged
/// ```
public struct LBFGS {
    public struct State {
        public var x: [Double]
        public var value: Double
        public var gradient: [Double]
        /// Whether the last step found no descent (the minimum is reached to machine precision).
        public var stalled = false
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
    }

    public let memory: Int
    /// Converged when every entry of the gradient is below this in magnitude.
    public let gradientTolerance: Double
    /// Converged when the objective's relative decrease is below this.
    public let valueTolerance: Double

    public init(memory: Int = 10, gradientTolerance: Double = 1e-8, valueTolerance: Double = 1e-14) {
        self.memory = memory; self.gradientTolerance = gradientTolerance; self.valueTolerance = valueTolerance
    }

    public func start(at x: [Double], _ f: ([Double]) -> (Double, [Double])) -> State {
        let (v, g) = f(x)
        return State(x: x, value: v, gradient: g)
    }

    public func converged(_ state: State) -> Bool {
        state.stalled || state.gradient.allSatisfy { abs($0) <= gradientTolerance }
    }

    /// One iteration; true when the optimum is reached.
    public func step(_ state: inout State, _ f: ([Double]) -> (Double, [Double])) -> Bool {
        if converged(state) { return true }
        var d = direction(state)
        var slope = dot(d, state.gradient)
        if !(slope < 0) {
            // Not a descent direction: forget the curvature pairs and go down the gradient.
            state.s = []; state.y = []; state.rho = []
            d = state.gradient.map { -$0 }
            slope = dot(d, state.gradient)
        }
        let first = state.s.isEmpty ? min(1, 1 / max(norm(state.gradient), 1e-300)) : 1
        guard let (t, v, g) = lineSearch(state, d, slope, first, f) else {
            state.stalled = true
            return true
        }
        let xNew = zip(state.x, d).map { $0 + t * $1 }
        let s = zip(xNew, state.x).map { $0 - $1 }
        let y = zip(g, state.gradient).map { $0 - $1 }
        let sy = dot(s, y)
        if sy > 1e-12 * max(norm(s) * norm(y), 1e-300) {
            state.s.append(s); state.y.append(y); state.rho.append(1 / sy)
            if state.s.count > memory { state.s.removeFirst(); state.y.removeFirst(); state.rho.removeFirst() }
        }
        let decrease = (state.value - v) / max(abs(state.value), abs(v), 1)
        state.x = xNew; state.value = v; state.gradient = g
        if decrease <= valueTolerance { state.stalled = true }
        return converged(state)
    }

    /// −H·g by the two-loop recursion.
    private func direction(_ state: State) -> [Double] {
        var q = state.gradient
        var alpha = [Double](repeating: 0, count: state.s.count)
        for i in stride(from: state.s.count - 1, through: 0, by: -1) {
            alpha[i] = state.rho[i] * dot(state.s[i], q)
            axpy(-alpha[i], state.y[i], &q)
        }
        if let s = state.s.last, let y = state.y.last {
            let gamma = dot(s, y) / dot(y, y)
            for k in q.indices { q[k] *= gamma }
        }
        for i in 0..<state.s.count {
            let beta = state.rho[i] * dot(state.y[i], q)
            axpy(alpha[i] - beta, state.s[i], &q)
        }
        for k in q.indices { q[k] = -q[k] }
        return q
    }

    /// A step t along d with f(x + t d) ≤ f(x) + c₁ t slope and |f′| ≤ c₂ |slope| (strong Wolfe),
    /// by bracketing then zooming with cubic interpolation; nil when none is found.
    private func lineSearch(_ state: State, _ d: [Double], _ slope: Double, _ first: Double,
                            _ f: ([Double]) -> (Double, [Double])) -> (Double, Double, [Double])? {
        let c1 = 1e-4, c2 = 0.9
        let f0 = state.value
        func evaluate(_ t: Double) -> (Double, [Double], Double) {
            let (v, g) = f(zip(state.x, d).map { $0 + t * $1 })
            return (v, g, dot(g, d))
        }
        var tPrevious = 0.0, fPrevious = f0, slopePrevious = slope
        var t = first
        for iteration in 0..<40 {
            let (v, g, s) = evaluate(t)
            if !v.isFinite || v > f0 + c1 * t * slope || (iteration > 0 && v >= fPrevious) {
                return zoom(tPrevious, fPrevious, slopePrevious, t, v, s, f0, slope, c1, c2, evaluate)
            }
            if abs(s) <= -c2 * slope { return (t, v, g) }
            if s >= 0 { return zoom(t, v, s, tPrevious, fPrevious, slopePrevious, f0, slope, c1, c2, evaluate) }
            tPrevious = t; fPrevious = v; slopePrevious = s
            t *= 2
        }
        return nil
    }

    private func zoom(_ lo0: Double, _ fLo0: Double, _ sLo0: Double, _ hi0: Double, _ fHi0: Double, _ sHi0: Double,
                      _ f0: Double, _ slope: Double, _ c1: Double, _ c2: Double,
                      _ evaluate: (Double) -> (Double, [Double], Double)) -> (Double, Double, [Double])? {
        var (lo, fLo, sLo) = (lo0, fLo0, sLo0)
        var (hi, fHi, sHi) = (hi0, fHi0, sHi0)
        for _ in 0..<60 {
            var t = LBFGS.cubicMinimum(lo, fLo, sLo, hi, fHi.isFinite ? fHi : fLo + 1e10, sHi.isFinite ? sHi : 0)
            let (a, b) = (min(lo, hi), max(lo, hi))
            // Keep the trial well inside the bracket.
            if !(t > a + 0.1 * (b - a) && t < b - 0.1 * (b - a)) { t = (lo + hi) / 2 }
            let (v, g, s) = evaluate(t)
            if !v.isFinite || v > f0 + c1 * t * slope || v >= fLo {
                hi = t; fHi = v; sHi = s
            } else {
                if abs(s) <= -c2 * slope { return (t, v, g) }
                if s * (hi - lo) >= 0 { hi = lo; fHi = fLo; sHi = sLo }
                lo = t; fLo = v; sLo = s
            }
            if abs(hi - lo) <= 1e-16 * max(abs(lo), 1) { break }
        }
        // The bracket has shrunk to nothing: take its best end when it goes down at all.
        if lo > 0, fLo < f0 { let (v, g, _) = evaluate(lo); return (lo, v, g) }
        return nil
    }

    /// The minimiser of the cubic through (a, fa, ga) and (b, fb, gb); the midpoint when there is none.
    static func cubicMinimum(_ a: Double, _ fa: Double, _ ga: Double, _ b: Double, _ fb: Double, _ gb: Double) -> Double {
        let d1 = ga + gb - 3 * (fa - fb) / (a - b)
        let discriminant = d1 * d1 - ga * gb
        guard discriminant >= 0 else { return (a + b) / 2 }
        let d2 = (b > a ? 1.0 : -1.0) * discriminant.squareRoot()
        let t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2)
        return t.isFinite ? t : (a + b) / 2
    }
}

/// Σ a_k·b_k, in four running sums (so that the loop runs in vector instructions).
func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "vectors of the same length")
    return a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            var s = SIMD4<Double>(repeating: 0)
            var k = 0
            while k + 4 <= a.count {
                let x = UnsafeRawPointer(a.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                let y = UnsafeRawPointer(b.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                s += x * y
                k += 4
            }
            var total = s.sum()
            while k < a.count { total += a[k] * b[k]; k += 1 }
            return total
        }
    }
}

/// y += c·x.
func axpy(_ c: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "vectors of the same length")
    x.withUnsafeBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
            for k in 0..<x.count { y[k] += c * x[k] }
        }
    }
}

func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }
