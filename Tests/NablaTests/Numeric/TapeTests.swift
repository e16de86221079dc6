import Foundation
import Testing
@testable import Nabla

/// The tape against the other oracles: symbolic derivatives, SymPy's values, finite differences,
/// and forward mode against reverse mode.
@Suite struct TapeTests {
    @Test func corpusJacobiansForwardAndReverseAgreeWithSymPy() throws {
        for c in try CorpusTests.cases() {
            let doc = try solve(c.script, name: c.id)
            let r = doc.results[0]
            let inputs = r.variables.map { doc.store.symbol($0) }
            let tape = Tape(store: doc.store, outputs: r.components, inputs: inputs)
            for (point, expected) in zip(c.points, c.values) {
                let x = r.variables.map { point[$0]! }
                let values = tape.values(at: x)
                let symbolic = doc.store.evaluate(r.components, at: point)
                for (a, b) in zip(values, symbolic) { #expect(isClose(a, b), "\(c.id): value \(a) vs \(b)") }
                // Column by column (forward) and row by row (reverse), both against SymPy.
                for j in 0..<x.count {
                    var e = Array(repeating: 0.0, count: x.count); e[j] = 1
                    let column = tape.jvp(at: x, along: e).differential
                    for i in 0..<column.count {
                        #expect(isClose(column[i], expected[i][j], relative: 1e-9, absolute: 1e-12), "\(c.id) forward (\(i),\(j))")
                    }
                }
                for i in 0..<r.components.count {
                    var w = Array(repeating: 0.0, count: r.components.count); w[i] = 1
                    let row = tape.vjp(at: x, cotangent: w).pullback
                    for j in 0..<row.count {
                        #expect(isClose(row[j], expected[i][j], relative: 1e-9, absolute: 1e-12), "\(c.id) reverse (\(i),\(j))")
                    }
                }
            }
        }
    }

    /// Random expressions: tape values like the tree, tape derivatives like finite differences.
    @Test func randomExpressions() {
        forEachSeed(9000..<9040, atLeast: 290) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let tree = RandomExpression.make(depth: 4, &g)
            let s = ExpressionStore()
            let f = RandomExpression.build(tree, in: s)
            let inputs = RandomExpression.variableNames.map { s.symbol($0) }
            let tape = Tape(store: s, outputs: [f], inputs: inputs)
            for _ in 0..<3 {
                let p = RandomExpression.point(&g)
                let direct = RandomExpression.evaluate(tree, p)
                guard direct.isFinite, abs(direct) < 1e6 else { continue }
                #expect(isClose(tape.values(at: p)[0], direct, relative: 1e-9, absolute: 1e-9), "seed \(seed)")
                let gradient = tape.vjp(at: p, cotangent: [1]).pullback
                for k in 0..<3 {
                    var e = [0.0, 0, 0]; e[k] = 1
                    let forward = tape.jvp(at: p, along: e).differential[0]
                    #expect(isClose(forward, gradient[k], relative: 1e-9, absolute: 1e-9), "seed \(seed): forward \(forward) vs reverse \(gradient[k])")
                    let h = 1e-5
                    var up = p, down = p
                    up[k] += h; down[k] -= h
                    let numeric = (RandomExpression.evaluate(tree, up) - RandomExpression.evaluate(tree, down)) / (2 * h)
                    guard numeric.isFinite, abs(numeric) < 1e5 else { continue }
                    compared += 1
                    #expect(isClose(gradient[k], numeric, relative: 1e-4, absolute: 1e-5), "seed \(seed): reverse \(gradient[k]) vs finite differences \(numeric)")
                }
            }
        }
    }

    /// A workspace holds the last evaluation, not the tape: two workspaces of one tape keep their
    /// own values, and the invalid sub-expression is the one of the evaluation asked about.
    @Test func workspacesAreTheCallers() {
        let s = ExpressionStore()
        let x = s.symbol("x")
        let tape = Tape(store: s, outputs: [s.log(x)], inputs: [x])
        var good = TapeWorkspace(for: tape), bad = TapeWorkspace(for: tape)
        #expect(tape.values(at: [1], in: &good) == [0])
        #expect(tape.values(at: [-1], in: &bad)[0].isNaN)
        #expect(tape.firstInvalid(in: good) == nil)
        #expect(tape.firstInvalid(in: bad)?.expression == s.log(x))
    }

    /// The pullback written into a buffer that is used again is the fresh one, not a sum.
    @Test func pullbackIntoAReusedBuffer() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let tape = Tape(store: s, outputs: [s.multiply(x, s.apply(.sin, y))], inputs: [x, y])
        var buffer = [7.0, 7.0]
        var work = TapeWorkspace(for: tape)
        for point in [[2.0, 0.5], [-1.0, 3.0]] {
            tape.vjp(at: point, cotangent: [1], into: &buffer, in: &work)
            #expect(buffer == tape.vjp(at: point, cotangent: [1]).pullback)
            #expect(isClose(buffer[0], sin(point[1]), relative: 1e-15) && isClose(buffer[1], point[0] * cos(point[1]), relative: 1e-15))
        }
    }

    @Test func sharedSubexpressionsAreOneInstruction() throws {
        // A contraction, so that 40 applications stay finite.
        let text = "h(x) = sin(x)/2 + x^2/4\njacobian " + Array(repeating: "h", count: 40).joined(separator: "∘") + "\n"
        let doc = try solve(text)
        let tape = Tape(store: doc.store, outputs: doc.results[0].components, inputs: [doc.store.symbol("x")])
        #expect(tape.instructionCount < 400)   // linear in the depth; the printed tree has about 2^40 nodes
        let J = tape.jacobian(at: [0.7])
        let symbolic = doc.store.evaluate(doc.results[0].matrix.entries, at: ["x": 0.7])
        #expect(J[0][0].isFinite && J[0][0] != 0)
        #expect(isClose(J[0][0], symbolic[0], relative: 1e-9))
    }
}

@Suite struct TapeBatchTests {
    /// The same batch in Float agrees with Double to Float's precision.
    @Test func floatAgainstDouble() throws {
        let doc = try solve(try Fixtures.example("logistic-regression.nabla"))
        let F = doc.results[1]
        let inputs = CodeGenerator.inputs(of: F, in: doc.store).map { doc.store.symbol($0) }
        let tape = Tape(store: doc.store, outputs: F.components, inputs: inputs)
        var g = SeededGenerator(seed: 77)
        let columns: [[Double]] = inputs.map { _ in (0..<64).map { _ in Double.random(in: -2...2, using: &g) } }
        let double = tape.vjp(batch: columns, cotangent: [1.0])
        let single = tape.vjp(batch: columns.map { $0.map(Float.init) }, cotangent: [Float(1)])
        for (a, b) in zip(double.values.joined(), single.values.joined()) { #expect(isClose(a, Double(b), relative: 1e-5, absolute: 1e-6)) }
        for (a, b) in zip(double.gradients.joined(), single.gradients.joined()) { #expect(isClose(a, Double(b), relative: 1e-4, absolute: 1e-5)) }
    }

    /// A tape is Sendable: four tasks evaluate a quarter of a batch each with the same tape, and
    /// together they give what one call gives.
    @Test func oneTapeOnSeveralThreads() async throws {
        let doc = try solve("layer(x1, x2) = (x1 - 2x2, 3x1 + x2, x2)\nloss(p1, p2, p3) = -log(p2)\nF = loss∘softmax∘layer\ngradient F\n")
        let F = doc.results[0]
        let tape = Tape(store: doc.store, outputs: F.matrix.entries, inputs: F.variables.map { doc.store.symbol($0) })
        let columns: [[Double]] = [(0..<400).map { sin(Double($0)) }, (0..<400).map { cos(Double($0)) }]
        let whole = tape.values(batch: columns)
        let parts = await withTaskGroup(of: (Int, [[Double]]).self) { group in
            for q in 0..<4 {
                let quarter = columns.map { Array($0[(q * 100)..<((q + 1) * 100)]) }
                group.addTask { (q, tape.values(batch: quarter)) }
            }
            var parts = [[[Double]]](repeating: [], count: 4)
            for await (q, result) in group { parts[q] = result }
            return parts
        }
        for i in whole.indices { #expect(parts.flatMap { $0[i] } == whole[i]) }
    }

    /// Log-sum-exp and softmax over a batch of several sweeps: the batch keeps each
    /// log-sum-exp's softmax from the forward pass for forward and reverse mode, where single
    /// points compute it again. Both agree, also where exp alone would overflow.
    @Test(arguments: [1440, 1441] as [UInt64]) func keptSoftmaxWeightsAgreeWithSinglePoints(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let doc = try solve("""
            f(u1, u2, u3) = (log(exp(u1) + exp(u2) + exp(2*u3)), exp(u2)/(exp(u1) + exp(u2) + exp(2*u3)), u1*u3)
            jacobian f
            """)
        let r = doc.results[0]
        let tape = Tape(store: doc.store, outputs: r.components, inputs: r.variables.map { doc.store.symbol($0) })
        let count = 700, scale = [1.0, 30, 800]
        let points = (0..<count).map { p in (0..<3).map { _ in Double.random(in: -1...1, using: &g) * scale[p % 3] } }
        let columns = (0..<3).map { k in points.map { $0[k] } }
        let directions = (0..<3).map { _ in (0..<count).map { _ in Double.random(in: -1...1, using: &g) } }
        let cotangent = [0.7, -1.3, 0.4]
        let reverse = tape.vjp(batch: columns, cotangent: cotangent)
        let forward = tape.jvp(PointBatch(columns: columns), along: PointBatch(columns: directions))
        for (p, point) in points.enumerated() {
            let single = tape.vjp(at: point, cotangent: cotangent)
            let along = tape.jvp(at: point, along: directions.map { $0[p] })
            for i in 0..<3 {
                #expect(isClose(reverse.values[i][p], single.values[i], relative: 1e-13, absolute: 1e-13), "seed \(seed), point \(p)")
                #expect(isClose(forward.differentials[i, p], along.differential[i], relative: 1e-12, absolute: 1e-12), "seed \(seed), point \(p)")
            }
            for k in 0..<3 {
                #expect(reverse.gradients[k][p].isFinite, "seed \(seed), point \(p)")
                #expect(isClose(reverse.gradients[k][p], single.pullback[k], relative: 1e-12, absolute: 1e-12), "seed \(seed), point \(p)")
            }
        }
    }

    /// A batch gives, point by point, what single evaluations give.
    @Test(arguments: 0..<20) func batchAgainstSinglePoints(seed: UInt64) {
        var g = SeededGenerator(seed: 12_000 + seed)
        let s = ExpressionStore()
        let trees = (0..<2).map { _ in RandomExpression.make(depth: 4, &g) }
        let outputs = trees.map { RandomExpression.build($0, in: s) }
        let inputs = RandomExpression.variableNames.map { s.symbol($0) }
        let tape = Tape(store: s, outputs: outputs, inputs: inputs)
        let points = (0..<17).map { _ in RandomExpression.point(&g) }
        let columns = (0..<3).map { k in points.map { $0[k] } }
        let batch = tape.vjp(batch: columns, cotangent: [1, -0.5])
        let valuesOnly = tape.values(batch: columns)
        for (a, b) in zip(valuesOnly.joined(), batch.values.joined()) where a.isFinite { #expect(isClose(a, b, relative: 0, absolute: 0)) }
        for (p, point) in points.enumerated() {
            let single = tape.vjp(at: point, cotangent: [1, -0.5])
            for i in 0..<2 where single.values[i].isFinite {
                #expect(isClose(batch.values[i][p], single.values[i], relative: 1e-12, absolute: 1e-12), "seed \(12_000 + seed)")
            }
            for k in 0..<3 where single.pullback[k].isFinite {
                #expect(isClose(batch.gradients[k][p], single.pullback[k], relative: 1e-12, absolute: 1e-12), "seed \(12_000 + seed)")
            }
        }
    }
}

@Suite struct HessianVectorProductTests {
    /// H·v on the tape against the symbolic Hessian (`hessian F`) times v.
    @Test(arguments: 0..<30) func againstTheSymbolicHessian(seed: UInt64) throws {
        var g = SeededGenerator(seed: 15_000 + seed)
        let tree = RandomExpression.make(depth: 3, &g)
        let s = ExpressionStore()
        let f = RandomExpression.build(tree, in: s)
        let xs = RandomExpression.variableNames.map { s.symbol($0) }
        let gradient = s.jacobian([f], xs).entries
        let hessian = s.jacobian(gradient, xs)
        let tape = Tape(store: s, outputs: [f], inputs: xs)
        var compared = 0
        defer { #expect(compared > 0, "seed \(15_000 + seed): nothing compared") }
        for _ in 0..<3 {
            let p = RandomExpression.point(&g)
            let v = RandomExpression.point(&g)
            let hv = tape.hessianVectorProduct(at: p, along: v)
            let H = s.evaluate(hessian.entries, at: RandomExpression.environment(p))
            for i in 0..<3 {
                let expected = (0..<3).map { H[i * 3 + $0] * v[$0] }.reduce(0, +)
                guard expected.isFinite, abs(expected) < 1e6 else { continue }
                compared += 1
                #expect(isClose(hv[i], expected, relative: 1e-8, absolute: 1e-8), "seed \(15_000 + seed): H·v[\(i)] \(hv[i]) vs \(expected)")
            }
        }
    }
}

/// The README's example, as written there, with its results checked.
@Suite struct ReadmeTapeExampleTests {
    @Test func theExampleRunsAndAgreesWithTheSymbolicGradient() throws {
        let text = """
            layer(x1, x2) = (x1 - 2x2, 3x1 + x2)
            loss(p1, p2) = -log(p1)
            F = loss∘softmax∘layer
            gradient F
            """
        let doc = try Document(source: SourceText(name: "model.nabla", text: text))
        let F = doc.results[0]
        let x = F.variables.map { doc.store.symbol($0) }
        let tape = Tape(store: doc.store, outputs: F.components, inputs: x)
        let value = tape.values(at: [0.5, -1])
        let (_, gradient) = tape.vjp(at: [0.5, -1], cotangent: [1])
        let (_, slope) = tape.jvp(at: [0.5, -1], along: [1, 0])
        let hv = tape.hessianVectorProduct(at: [0.5, -1], along: [0, 1])
        var work = TapeWorkspace(for: tape)
        var written = [0.0, 0.0]
        tape.vjp(at: [0.5, -1], cotangent: [1], into: &written, in: &work)
        #expect(written == gradient)
        let points = PointBatch<Double>(columns: [[0.5, 1, 2], [-1, 0, 1]])
        var out = PointBatch<Double>(count: points.count, width: 1)
        tape.values(points, into: &out)
        let J = tape.jacobian(points)

        #expect(isClose(J[0, 0], gradient[0], relative: 1e-15) && isClose(J[1, 0], gradient[1], relative: 1e-15))
        // z = (2.5, 0.5): F = log(1 + e^(z2 − z1)) = log(1 + e^-2).
        #expect(isClose(value[0], log(1 + exp(-2.0)), relative: 1e-14))
        #expect(out[0, 0] == value[0])
        let symbolic = Tape(store: doc.store, outputs: F.matrix.entries, inputs: x)
        let expected = symbolic.values(at: [0.5, -1])
        #expect(isClose(gradient[0], expected[0], relative: 1e-14) && isClose(gradient[1], expected[1], relative: 1e-14))
        #expect(isClose(slope[0], expected[0], relative: 1e-14))
        // H·e2 by central differences of the symbolic gradient.
        let h = 1e-5
        let up = symbolic.values(at: [0.5, -1 + h]), down = symbolic.values(at: [0.5, -1 - h])
        for i in 0..<2 { #expect(isClose(hv[i], (up[i] - down[i]) / (2 * h), relative: 1e-7, absolute: 1e-9)) }
    }
}

/// Jacobians and Hessian-vector products over a batch against the single-point ones.
@Suite struct TapeBatchDerivativeTests {
    @Test(arguments: 0..<8) func batchJacobianAndHessianVectorProducts(seed: UInt64) {
        var g = SeededGenerator(seed: 61_000 + seed)
        let s = ExpressionStore()
        // Two outputs of three inputs (reverse sweeps) when the seed is even, four (forward) when odd.
        let outputs = (0..<(seed.isMultiple(of: 2) ? 2 : 4)).map { _ in RandomExpression.build(RandomExpression.make(depth: 3, &g), in: s) }
        let inputs = RandomExpression.variableNames.map { s.symbol($0) }
        let tape = Tape(store: s, outputs: outputs, inputs: inputs)
        let points = (0..<21).map { _ in RandomExpression.point(&g) }
        let directions = (0..<21).map { _ in RandomExpression.point(&g) }
        let batch = PointBatch(columns: (0..<3).map { k in points.map { $0[k] } })
        let J = tape.jacobian(batch)
        let hv = tape.hessianVectorProduct(batch, along: PointBatch(columns: (0..<3).map { k in directions.map { $0[k] } }), output: 1)
        for (p, point) in points.enumerated() {
            let single = tape.jacobian(at: point)
            for i in outputs.indices {
                for j in 0..<3 where single[i][j].isFinite {
                    #expect(isClose(J[i * 3 + j, p], single[i][j], relative: 1e-12, absolute: 1e-12), "seed \(61_000 + seed) point \(p) entry (\(i), \(j))")
                }
            }
            let expected = tape.hessianVectorProduct(at: point, along: directions[p], output: 1)
            for k in 0..<3 where expected[k].isFinite {
                #expect(isClose(hv[k, p], expected[k], relative: 1e-12, absolute: 1e-12), "seed \(61_000 + seed) point \(p): (H·v)_\(k)")
            }
        }
    }
}
