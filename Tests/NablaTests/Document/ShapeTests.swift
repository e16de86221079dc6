import Foundation
import Testing
@testable import Nabla

/// Vectors and matrices in the language: `x[4]` parameters, `W[3,4]` constants, `·` products,
/// elementwise functions, `sum`, entries, and gradients with respect to a matrix shaped like it.
@Suite struct ShapeTests {
    /// Gradients with respect to weight matrices, against SymPy's on the models written out entry
    /// by entry (`Scripts/shaped-gradients.py`).
    @Test func gradientsWithRespectToMatricesAgreeWithSymPy() throws {
        let lines = try Fixtures.text("shaped-gradients.jsonl").split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let c = try JSONDecoder().decode(CorpusTests.Case.self, from: Data(line.utf8))
            let doc = try solve(c.script, name: c.id)
            let result = doc.results[0]
            #expect(result.variables == c.variables, "\(c.id): variables")
            for (point, expected) in zip(c.points, c.values) {
                let values = doc.store.evaluate(result.matrix.entries, at: point)
                for (k, (got, want)) in zip(values, expected[0]).enumerated() {
                    #expect(isClose(got, want, relative: 1e-9, absolute: 1e-12), "\(c.id) ∂/∂\(c.variables[k]) at \(point): got \(got), SymPy \(want)")
                }
            }
        }
    }

    /// Softmax regression of random sizes: every entry of ∂L/∂W and ∂L/∂b against central
    /// finite differences of the loss itself.
    @Test(arguments: [1401, 1402, 1403, 1404, 1405] as [UInt64])
    func softmaxRegressionMatchesFiniteDifferences(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let classes = Int.random(in: 2...4, using: &g), features = Int.random(in: 1...4, using: &g)
        let doc = try solve("""
            model(x[\(features)]) = softmax(W[\(classes),\(features)]·x + b[\(classes)])
            loss(p[\(classes)]) = -y·log(p)
            gradient loss∘model wrt W, b
            jacobian loss∘model
            """)
        let gradient = doc.results[0]
        let loss = doc.results[1].components[0]
        #expect(gradient.variables.count == classes * features + classes, "seed \(seed)")
        var point: [String: Double] = [:]
        for name in gradient.variables + (1...features).map({ "x_\($0)" }) { point[name] = Double.random(in: -1...1, using: &g) }
        for k in 1...classes { point["y_\(k)"] = k == 1 ? 1 : 0 }
        let values = doc.store.evaluate(gradient.matrix.entries, at: point)
        let h = 1e-5
        for (k, name) in gradient.variables.enumerated() {
            var up = point, down = point
            up[name]! += h
            down[name]! -= h
            let numeric = (doc.store.evaluate([loss], at: up)[0] - doc.store.evaluate([loss], at: down)[0]) / (2 * h)
            #expect(isClose(values[k], numeric, relative: 1e-6, absolute: 1e-8), "seed \(seed): ∂L/∂\(name) = \(values[k]), finite differences \(numeric)")
        }
    }

    @Test func theGradientIsCutIntoBlocksShapedLikeTheVariables() throws {
        let doc = try solve("""
            model(x[4]) = softmax(W[3,4]·x + b[3])
            loss(p[3]) = -y·log(p)
            gradient loss∘model wrt W, b
            gradient loss∘model
            """)
        let blocks = try #require(doc.results[0].gradientBlocks)
        #expect(blocks.map(\.block.name) == ["W", "b"])
        #expect(blocks.map { [$0.matrix.rows, $0.matrix.columns] } == [[3, 4], [3, 1]])
        #expect(doc.results[0].variables.prefix(5) == ["W_1_1", "W_1_2", "W_1_3", "W_1_4", "W_2_1"])
        // Without wrt, the variables are the input vector x.
        #expect(doc.results[1].gradientBlocks?.map(\.block.name) == ["x"])
        // ∂L/∂W is recognised as the outer product δ·xᵀ, and ∂L/∂b as δ.
        let text = TextRenderer(store: doc.store).render(doc.results[0])
        // … and δ as the textbook writes it, in the softmax's outputs: p·Σy − y, which is p − y for a one-hot y.
        #expect(text == "∂(loss∘model)/∂W = δ·xᵀ\n\n∂(loss∘model)/∂b = δ\n\nwhere δ = p·(y_1 + y_2 + y_3) - y, p = model(x): p - y for a one-hot y\n", "\(text.prefix(300))")
        let form = try #require(doc.results[0].outerProducts.first)
        #expect(form.matrix == "W" && form.input == "x" && form.bias == "b")
        #expect(form.inOutputs?.labelSumsOut == false && form.inOutputs?.model == "model")
        let latex = LaTeXRenderer(store: doc.store).equation(doc.results[0])
        #expect(latex.contains(#"\frac{\partial (\mathrm{loss} \circ \mathrm{model})}{\partial W} ="# + "\n" + #"\delta\, x^{\mathsf{T}}"#), "\(latex.prefix(300))")
        #expect(latex.contains(#"\text{where } \delta = p \left(y_{1} + y_{2} + y_{3}\right) - y,\quad p = \operatorname{model}(x)"#), "\(latex)")
        #expect(!latex.contains("W_{1,1}"), "the δ form says it all")
        let json = JSONRenderer(store: doc.store).render([doc.results[0]])
        #expect(json.contains(#""blocks": [{"name": "W", "shape": [3, 4], "offset": 0}, {"name": "b", "shape": [3], "offset": 12}]"#))
    }

    /// δ·xᵀ only where every entry is x_j times its row's δ_i: the entries themselves are δ_i·x_j.
    @Test func theOuterProductFormHoldsEntryByEntry() throws {
        let doc = try solve("""
            model(x[3]) = tanh(A[2,3]·x)
            loss(q[2]) = sum((q - t[2])^2)
            gradient loss∘model wrt A
            f(x[2]) = sum(exp(B[2,2]·x)) + B[1,1]^2
            gradient f wrt B
            """)
        let form = try #require(doc.results[0].outerProducts.first)
        #expect(form.bias == nil && form.input == "x")
        let g = try #require(doc.results[0].gradientBlocks?.first)
        for i in 0..<2 { for j in 0..<3 { #expect(doc.store.multiply(form.inputEntries[j], form.delta[i]) == g.matrix[i, j]) } }
        // B_1_1 is also used alone: no outer product.
        #expect(doc.results[1].outerProducts.isEmpty)
        #expect(TextRenderer(store: doc.store).render(doc.results[1]).hasPrefix("∂f/∂B =\n⎡ "))
    }

    /// Two classes: δ is found in the softmax's outputs too (the simplifier writes the two-class
    /// softmax's derivative over one denominator), as for three.
    @Test func twoClassesGiveTheTextbookDelta() throws {
        let doc = try solve("""
            model(x[3]) = softmax(W[2,3]·x + b[2])
            loss(p[2]) = -y·log(p)
            gradient loss∘model wrt W, b
            """)
        let text = TextRenderer(store: doc.store).render(doc.results[0])
        #expect(text == "∂(loss∘model)/∂W = δ·xᵀ\n\n∂(loss∘model)/∂b = δ\n\nwhere δ = p·(y_1 + y_2) - y, p = model(x): p - y for a one-hot y\n", "\(text.prefix(300))")
    }

    /// Two layers added into one softmax share its δ: written once, unsubscripted, for both
    /// matrices and the bias, though the simplifier writes W's rows as sums (so that δ is found
    /// by checking x_j·δ_i against each entry); the vector tanh(x) is written as such. Each
    /// recognised entry holds numerically too.
    @Test func layersAddedIntoOneOutputShareTheirDelta() throws {
        let doc = try solve("""
            model(x[3]) = softmax(W[2,3]·x + U[2,3]·tanh(x) + b[2])
            loss(p[2]) = -y·log(p)
            gradient loss∘model wrt W, U, b
            """)
        let r = doc.results[0]
        #expect(r.outerProducts.map(\.matrix) == ["W", "U"])
        #expect(r.distinctDeltas.count == 1 && r.outerProducts.allSatisfy { $0.bias == "b" })
        let text = TextRenderer(store: doc.store).render(r)
        #expect(text.hasPrefix("∂(loss∘model)/∂W = δ·xᵀ\n\n∂(loss∘model)/∂U = δ·tanh(x)ᵀ\n\n∂(loss∘model)/∂b = δ\n\nwhere δ = p·(y_1 + y_2) - y, p = model(x)"), "\(text.prefix(300))")
        #expect(!text.contains("δ_W") && !text.contains("δ_U"))
        let latex = LaTeXRenderer(store: doc.store).equation(r)
        #expect(latex.contains("\\delta\\, \\tanh\\left(x\\right)^{\\mathsf{T}}"), "\(latex.prefix(400))")
        // δ_i·v_j against the gradient's own entries, at a random point.
        var g = SeededGenerator(seed: 1450)
        var point: [String: Double] = [:]
        for name in r.variables + (1...3).map({ "x_\($0)" }) + ["y_1", "y_2"] { point[name] = Double.random(in: -1...1, using: &g) }
        let blocks = try #require(r.gradientBlocks)
        for (form, block) in zip(r.outerProducts, blocks) {
            let products = (0..<2).flatMap { i in (0..<3).map { j in doc.store.multiply(form.inputEntries[j], form.delta[i]) } }
            for (got, want) in zip(doc.store.evaluate(products, at: point), doc.store.evaluate(block.matrix.entries, at: point)) {
                #expect(isClose(got, want, relative: 1e-12, absolute: 1e-12), "seed 1450, \(form.matrix)")
            }
        }
    }

    @Test func entriesSumsAndElementwiseFunctions() throws {
        #expect(try entries("f(x[3]) = x[1] x[3] + sum(exp(x))\ngradient f") == [["exp(x_1) + x_3", "exp(x_2)", "exp(x_3) + x_1"]])
        // A matrix constant's entries after its declaration; a vector times a matrix is a row.
        #expect(try entries("f(x[2]) = x·A[2,2]·x + A[1,2]\ngradient f wrt A") == [["x_1^2", "x_1·x_2 + 1", "x_1·x_2", "x_2^2"]])
        // A tuple is a vector: W·(u, v).
        #expect(try entries("f(u, v) = sum(M[2,2]·(u, v))\ngradient f") == [["M_1_1 + M_2_1", "M_1_2 + M_2_2"]])
        // y beside a vector in a dot product is a vector of its length.
        #expect(try entries("loss(p[2]) = -y·log(p)\ngradient loss") == [["-y_1/p_1", "-y_2/p_2"]])
        // Values given to the entries with let.
        #expect(try entries("let y_1 = 1, y_2 = 0\nloss(p[2]) = -y·log(p)\ngradient loss") == [["-1/p_1", "0"]])
        // A vector-valued function composes like a tuple.
        #expect(try entries("g(x[2]) = 2x\nf(u, v) = u v\njacobian f∘g") == [["4x_2", "4x_1"]])
    }

    @Test func shapesThatDoNotFitAreNamedWithBothShapesAndTheirPlace() {
        #expect(diagnostic("f(x[5]) = sum(W[3,4]·x)\ngradient f") == """
            test.nabla:1:21: error: cannot multiply a 3×4 matrix by a vector of 5: the left's columns must match the right's length
              f(x[5]) = sum(W[3,4]·x)
                                  ^
            """)
        #expect(diagnostic("f(x[2]) = sum(x + 1)\ngradient f")?.hasPrefix("test.nabla:1:15: error: cannot add a vector of 2 and a scalar: both must have the same shape") == true)
        #expect(diagnostic("f(x[2]) = x[3]\ngradient f")?.hasPrefix("test.nabla:1:11: error: x[3] is outside x, a vector of 2 (x[1] to x[2])") == true)
        #expect(diagnostic("f(x[2]) = x[1,1]\ngradient f")?.hasPrefix("test.nabla:1:11: error: x is a vector of 2: an entry takes 1 index (x[i]), not 2") == true)
        #expect(diagnostic("f(x[2]) = x\ngradient f")?.contains("gradient needs a scalar function") == true)
        #expect(diagnostic("f(x[2]) = exp(x)^x\njacobian f")?.hasPrefix("test.nabla:1:18: error: an exponent must be a scalar; this is a vector of 2") == true)
        #expect(diagnostic("g(v[3]) = sum(v)\nf(x[2]) = g(x)\ngradient f")?.hasPrefix("test.nabla:2:13: error: g takes v, a vector of 3, and is given a vector of 2") == true)
        #expect(diagnostic("f(x) = A[2,2]·x\ngradient f")?.contains("the value of f is a 2×2 matrix; a function gives a scalar or a vector") == true)
        #expect(diagnostic("f(x[0]) = 1\ngradient f")?.hasPrefix("test.nabla:1:3: error: the shape of x is one or two whole numbers ≥ 1: x[3] or x[3,4]") == true)
        #expect(diagnostic("f(x[2000,2000]) = 1\ngradient f")?.contains("would have more than 1048576 entries") == true)
        #expect(diagnostic("f(x) = x[y]\ngradient f")?.hasPrefix("test.nabla:1:10: error: expected a whole number in brackets") == true)
    }

    /// A gradient with respect to a large matrix stops at the time limit with its message.
    @Test func aLargeMatrixStopsAtTheBudget() {
        let source = SourceText(name: "big.nabla", text: "f(x[150]) = sum(exp(W[150,150]·x))\ngradient f wrt W")
        let store = ExpressionStore()
        store.budget = Budget(seconds: 0.01)
        do {
            _ = try Document(source: source, store: store)
            Issue.record("solved within 0.01 s")
        } catch {
            #expect(error.kind == .timeLimit, "\(error)")
        }
    }

    @Test func shapeMessagesInFrench() throws {
        let source = SourceText(name: "t.nabla", text: "f(x[5]) = sum(W[3,4]·x)\ngradient f")
        do {
            _ = try Document(source: source)
            Issue.record("no error")
        } catch {
            #expect(error.render(in: source, language: .fr).hasPrefix("t.nabla:1:21: erreur: impossible de multiplier une matrice 3×4 par un vecteur de 5"))
        }
    }
}
