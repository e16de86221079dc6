import Foundation
import Testing
@testable import Nabla

/// A definition that is a standard function in the usual words is that function: the
/// simplifier and the tape see the builtin, the printers write the file's name.
@Suite struct StandardFunctionsTests {
    @Test func usualFormsAreRecognised() throws {
        let forms: [(String, ElementaryFunction)] = [
            ("1/(1 + e^-t)", .sigmoid), ("1/(1 + exp(-t))", .sigmoid), ("exp(t)/(1 + exp(t))", .sigmoid),
            ("(1 + tanh(t/2))/2", .sigmoid),
            ("(exp(t) - exp(-t))/(exp(t) + exp(-t))", .tanh), ("(exp(2t) - 1)/(exp(2t) + 1)", .tanh),
            ("(1 - exp(-2t))/(1 + exp(-2t))", .tanh), ("sinh(t)/cosh(t)", .tanh), ("2/(1 + exp(-2t)) - 1", .tanh),
            ("(exp(t) - exp(-t))/2", .sinh), ("(exp(t) + exp(-t))/2", .cosh),
            ("log(1 + exp(t))", .softplus), ("max(t, 0)", .relu), ("max(0, t)", .relu),
        ]
        for (body, f) in forms {
            let doc = try solve("s(t) = \(body)\ng(x) = s(3x)\ngradient g\n")
            let store = doc.store
            #expect(doc.results[0].components == [store.apply(f, store.product([store.number(3), store.symbol("x")]))], "\(body)")
            #expect(store.namedFunctions[f]?.name == "s", "\(body)")
        }
    }

    /// Softmax and log-sum-exp have no node of their own: the builtins are exp(z_i)/Σ exp(z_j) and
    /// log Σ exp(z_j), so a definition in those words (in any order of its terms) is the same
    /// expression, node for node, and everything downstream treats the two alike.
    @Test func softmaxAndLogSumExpInTheFilesWordsAreTheBuiltins() throws {
        let doc = try solve("""
            sm(a, b, c) = (exp(a)/(exp(a) + exp(b) + exp(c)), exp(b)/(exp(c) + exp(a) + exp(b)), e^c/(e^a + e^b + e^c))
            lse(a, b, c) = log(exp(b) + exp(a) + exp(c))
            f(x) = (x, 2x, x^2)
            F = sm∘f
            G = softmax∘f
            H = lse∘f
            K = logsumexp∘f
            jacobian F
            jacobian G
            gradient H
            gradient K
            """)
        #expect(doc.results[0].components == doc.results[1].components)
        #expect(doc.results[0].matrix.entries == doc.results[1].matrix.entries)
        #expect(doc.results[2].components == doc.results[3].components)
        #expect(doc.results[2].matrix.entries == doc.results[3].matrix.entries)
    }

    @Test func nearMissesAreNot() throws {
        for body in ["1/(1 + e^(-2t))", "1/(2 + exp(-t))", "exp(t)/(1 - exp(t))", "log(2 + exp(t))", "(exp(t) - exp(-t))/3", "t/(1 + exp(-t))"] {
            let doc = try solve("s(t) = \(body)\ng(x) = s(x)\ngradient g\n")
            #expect(doc.store.namedFunctions.isEmpty, "\(body)")
            guard case .apply = doc.store[doc.results[0].components[0]] else { continue }
            #expect(doc.results[0].components[0] != doc.store.apply(.sigmoid, doc.store.symbol("x")), "\(body)")
        }
    }

    static let neuron = """
        sigma(t) = 1/(1 + e^-t)
        p(w1, w2, b) = sigma(w1 a1 + w2 a2 + b)
        L(q) = -(y log(q) + (1 - y) log(1 - q))
        gradient L∘p
        """

    /// The sigmoid neuron of every course: a1·(σ(z) − y), with the file's own name for σ.
    @Test func theSigmoidNeuronReadsAsACourseWritesIt() throws {
        let doc = try solve(Self.neuron)
        let text = TextRenderer(store: doc.store).render(doc.results[0])
        #expect(text == "∇(L∘p)(w1, w2, b) =\n[ a1·(sigma(a1·w1 + a2·w2 + b) - y)   a2·(sigma(a1·w1 + a2·w2 + b) - y)   sigma(a1·w1 + a2·w2 + b) - y ]\n")
        let latex = LaTeXRenderer(store: doc.store).document(doc.results, title: "neuron")
        #expect(latex.contains("a_{1} \\left(\\sigma\\left(a_{1} w_{1} + a_{2} w_{2} + b\\right) - y\\right)"))
        // SymPy's notation keeps its own names, so that sympify reads it.
        let json = JSONRenderer(store: doc.store).render(doc.results)
        #expect(json.contains("a1*(1/(1 + exp(-(a1*w1 + a2*w2 + b))) - y)"))
        let steps = WorkedSolutionWriter(store: doc.store, language: .en, format: .text)
            .document(WorkedSolution(results: doc.results, values: doc.values), title: "neuron")
        #expect(steps.contains("sigma is the sigmoid function, whose derivative is"))
        #expect(steps.contains("sigma'(t) = sigma(t)·(1 - sigma(t))"))
        #expect(steps.contains("∂(L∘p)/∂w1 = a1·(sigma(a1·w1 + a2·w2 + b) - y)"))
    }

    /// Recognised, the function has the value of the definition, on the tape and in the store.
    @Test func theRecognisedFunctionHasTheDefinitionsValues() throws {
        let doc = try solve(Self.neuron)
        let r = doc.results[0]
        forEachSeed(0..<20, atLeast: 60) { seed, compared in
            var g = SeededGenerator(seed: seed)
            var point: [String: Double] = [:]
            for n in ["w1", "w2", "b", "a1", "a2"] { point[n] = Double.random(in: -2...2, using: &g) }
            point["y"] = Double.random(in: 0...1, using: &g)
            let z = point["w1"]! * point["a1"]! + point["w2"]! * point["a2"]! + point["b"]!
            let s = 1 / (1 + Foundation.exp(-z))
            let expected = [point["a1"]! * (s - point["y"]!), point["a2"]! * (s - point["y"]!), s - point["y"]!]
            let got = doc.store.evaluate(r.matrix.entries, at: point)
            for k in 0..<3 {
                #expect(isClose(got[k], expected[k], relative: 1e-12, absolute: 1e-14), "seed \(seed), entry \(k + 1)")
                compared += 1
            }
        }
    }

    /// A link that is a standard function is shown as the file defines it, not as sigma(t) = sigma(t).
    @Test func aRecognisedLinkIsShownAsDefined() throws {
        let doc = try solve("sigma(t) = 1/(1 + e^-t)\nz(w, b) = w x + b\nL(q) = -log(q)\nF = L∘sigma∘z\ngradient F\n")
        for language in [Language.en, .fr] {
            let steps = WorkedSolutionWriter(store: doc.store, language: language, format: .text)
                .document(WorkedSolution(results: doc.results, values: doc.values), title: "F")
            #expect(steps.contains("sigma : (t) → 1/(exp(-t) + 1)"), "\(language)")
            #expect(!steps.contains("sigma : (t) → sigma(t)"), "\(language)")
        }
        let french = WorkedSolutionWriter(store: doc.store, language: .fr, format: .text)
            .document(WorkedSolution(results: doc.results, values: doc.values), title: "F")
        #expect(french.contains("sigma est la fonction sigmoïde, de dérivée"))
    }
}
