import Foundation
import Testing
@testable import Nabla

/// Every kind of bad input gets a clear diagnostic, never a crash or a hang.
@Suite struct BadInputTests {
    @Test func tenThousandNestedParentheses() {
        let text = "f(x) = " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + "\njacobian f"
        let message = diagnostic(text)
        #expect(message?.hasPrefix("test.nabla:1:136: error: expression nested too deeply (more than 256 levels)") == true, "\(message ?? "")")
    }

    @Test func oneMegabyteLineOfValidInput() throws {
        let terms = (0..<170_000).map { "\($0 % 7)x\($0 % 3 + 1)" }.joined(separator: " + ")
        let text = "f(x1, x2, x3) = " + terms + "\njacobian f"
        #expect(text.utf8.count > 1_000_000)
        let e = try entries(text)
        #expect(e == [["169998", "170000", "169997"]])
    }

    @Test func oneMegabyteLineWithAnErrorAtTheEnd() {
        let text = "f(x) = " + String(repeating: "x + ", count: 250_000) + ")"
        let message = diagnostic(text) ?? ""
        #expect(message.hasPrefix("test.nabla:1:1000008: error: expected an expression after '+', found ')'"))
        // The line is shown as a window around the column, not a megabyte of text.
        #expect(message.count < 400)
        #expect(message.hasSuffix("^"))
    }

    @Test func unknownFunction() {
        #expect(diagnostic("f(x) = foo(x)\njacobian f") == """
            test.nabla:1:8: error: unknown function foo; define it (foo(x) = …) or use one of: abs, acos, arccos, arcsin, arctan, asin, atan, cos, cosh, exp, heaviside, ln, log, log10, log2, logsumexp, max, min, relu, sigmoid, sign, sin, sinh, softmax, softplus, sqrt, sum, tan, tanh
              f(x) = foo(x)
                     ^
            """)
    }

    @Test func wrongNumberOfArguments() {
        #expect(diagnostic("f(x) = sin(x, x)\njacobian f") == """
            test.nabla:1:8: error: sin takes 1 argument, not 2
              f(x) = sin(x, x)
                     ^
            """)
        #expect(diagnostic("h(a, b) = a b\nf(x) = h(x)\njacobian f") == """
            test.nabla:2:8: error: h takes 2 arguments, not 1
              f(x) = h(x)
                     ^
            """)
    }

    @Test func shapesThatDoNotCompose() {
        #expect(diagnostic("g(x) = (x, 2x)\nf(a, b, c) = a\njacobian f o g") == """
            test.nabla:3:10: error: cannot compose f with g: f takes 3 arguments but g gives 2 values
              jacobian f o g
                       ^
            """)
    }

    @Test func undefinedTarget() {
        #expect(diagnostic("f(x) = x\njacobian g") == """
            test.nabla:2:10: error: no function or composition named g (defined: f)
              jacobian g
                       ^
            """)
    }

    @Test func literalDivisionByZero() {
        #expect(diagnostic("f(x) = x/(2 - 2)\njacobian f") == """
            test.nabla:1:9: error: division by zero
              f(x) = x/(2 - 2)
                      ^
            """)
        #expect(diagnostic("let a = 0\nf(x) = log(a)\njacobian f")?.contains("2:8: error: this expression is undefined") == true)
    }

    @Test func binaryGarbage() {
        var g = SeededGenerator(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &g) }
        let source = SourceText(name: "garbage.bin", bytes: bytes)
        do {
            _ = try Document(source: source)
            Issue.record("garbage was accepted")
        } catch {
            #expect(error.kind == .notText)
            #expect(error.render(in: source).contains("error: the input is not"))
        }
    }

    @Test func gradientOfAVectorFunction() {
        #expect(diagnostic("f(x) = (x, x^2)\ngradient f") == """
            test.nabla:2:1: error: gradient needs a scalar function, but f has 2 components; use jacobian
              gradient f
              ^
            """)
    }

    @Test func selfReference() {
        #expect(diagnostic("f(x) = f(x) + 1\njacobian f")?.contains("f is defined in terms of itself") == true)
        #expect(diagnostic("F = G∘f\nG = F∘f\nf(x) = x\njacobian F")?.contains("defined in terms of itself") == true)
    }

    @Test func runTogetherNamesWarn() throws {
        let doc = try solve("f(x1, x2) = x1x2 + x1\njacobian f")
        #expect(doc.warnings.map { $0.render(in: doc.source) } == ["""
            test.nabla:1:13: warning: x1x2 is read as one constant symbol; did you mean x1*x2?
              f(x1, x2) = x1x2 + x1
                          ^
            """])
    }

    /// Random mutations of a valid file never crash or hang: each is solved or diagnosed.
    @Test(arguments: 0..<200) func mutatedFilesAreSolvedOrDiagnosed(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        var bytes = Array("g(x1, x2) = (3x1 - 2x2, exp(x1 x2))\nf(u, v) = u/(1 + v^2)\nlet a = 2\njacobian f∘g\n".utf8)
        let alphabet = Array("()+-*/^,=∘ oxuv12e.#\n".utf8)
        for _ in 0..<Int.random(in: 1...6, using: &g) {
            let i = Int.random(in: 0..<bytes.count, using: &g)
            switch Int.random(in: 0..<3, using: &g) {
            case 0: bytes.remove(at: i)
            case 1: bytes.insert(alphabet.randomElement(using: &g)!, at: i)
            default: bytes[i] = alphabet.randomElement(using: &g)!
            }
            if bytes.isEmpty { bytes = [10] }
        }
        let source = SourceText(name: "mutant", bytes: bytes)
        do { _ = try Document(source: source) } catch {
            #expect(!error.message.isEmpty, "seed \(seed)")
        }
    }
}

/// Mistakes found in review, each kept as a test.
@Suite struct ReviewRegressionTests {
    @Test func constantNamedLikeAnInnerVariable() {
        #expect(diagnostic("f(u) = a*u\ng(a) = a^2\njacobian f∘g")?.contains("a is a constant in f but a variable of g; rename one of them") == true)
    }

    @Test func functionNameWithoutParentheses() {
        #expect(diagnostic("f(x) = sin x\njacobian f")?.contains("sin is a function: write sin(…)") == true)
    }

    @Test func numberBeforeSymbolStartingWithE() throws {
        #expect(try entries("f(e1, e2) = e1^2\njacobian f") == [["2·e1", "0"]])
    }

    @Test func hugeDecimalExponent() {
        #expect(diagnostic("f(x) = 1.25e-9999 x\njacobian f")?.contains("too large") == true)
    }

    @Test func evenRootOfANegativeNumberIsUndefined() {
        #expect(diagnostic("f(x) = sqrt(-4) x\njacobian f")?.contains("undefined") == true)
    }

    @Test func canonicalFormAfterMerging() {
        let s = ExpressionStore()
        let x = s.symbol("x"), t = s.symbol("t")
        let e = s.product([x, s.exp(t), s.exp(s.subtract(s.log(x), t))])
        #expect(e == s.power(x, 2))
        #expect(s.product([s.constant(.e), s.exp(x)]) == s.exp(s.sum([x, s.one])))
        let r = s.squareRoot(s.power(x, 2))
        #expect(s.subtract(s.power(x, 3), s.product([x, r, r])) == s.zero)
    }

    @Test func builtinAfterBuiltin() throws {
        let e = try entries("g(x) = (x, 2x)\njacobian logsumexp∘exp∘g")
        #expect(e.count == 1 && e[0].count == 1)
    }

    @Test func nestedCompositionsAreBounded() {
        var text = "f(x) = x^2\nh0 = f∘f\n"
        for k in 1...40 { text += "h\(k) = h\(k - 1)∘h\(k - 1)\n" }
        text += "jacobian h40\n"
        #expect(diagnostic(text)?.contains("more than 10000 functions") == true)
    }
}
