import Foundation
import Testing
@testable import Nabla

/// The printer: its text reads back as the same expression (the oracle is the parser and the
/// store's canonical forms), and the forms a course writes.
@Suite struct ExpressionPrinterTests {
    /// Printed as text and parsed again in the same store, a random expression has the same value.
    @Test func textReadsBackWithTheSameValue() {
        let functions: [ElementaryFunction] = [.atan, .asin, .sinh, .cosh, .abs, .softplus, .relu]
        forEachSeed(3000..<3060, atLeast: 140) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let s = ExpressionStore()
            var e = RandomExpression.build(RandomExpression.make(depth: 4, &g), in: s)
            if seed % 3 == 0 { e = s.apply(functions[Int(seed / 3) % functions.count], s.multiply(s.number(Rational(1, 3)), e)) }
            let text = ExpressionPrinter(store: s, notation: .text).string(e)
            guard let doc = try? Document(source: SourceText(name: "p.nabla", text: "p(x, y, z) = \(text)\njacobian p"), store: s) else {
                Issue.record("seed \(seed): \(text) does not read back")
                return
            }
            // The same value everywhere (not always the same node: `3·(a + 2)` read back is distributed).
            let back = doc.results[0].components[0]
            for _ in 0..<3 {
                let p = RandomExpression.environment(RandomExpression.point(&g))
                let v = s.evaluate([e, back], at: p)
                guard v[0].isFinite, abs(v[0]) < 1e8 else { continue }
                compared += 1
                #expect(isClose(v[0], v[1], relative: 1e-9, absolute: 1e-12), "seed \(seed): \(text) at \(p): \(v)")
            }
        }
    }

    @Test func formsACourseWrites() throws {
        func printed(_ text: String, _ notation: Notation = .text) throws -> String {
            let doc = try solve("p(x, y, w11, w21, t) = \(text)\njacobian p")
            return ExpressionPrinter(store: doc.store, notation: notation).string(doc.results[0].components[0])
        }
        #expect(try printed("-x + 1") == "1 - x")                          // a sum starts with a positive term
        #expect(try printed("w21 - w11") == "w21 - w11")
        #expect(try printed("3*x*y") == "3x·y")
        #expect(try printed("x^(1/2)") == "sqrt(x)")
        #expect(try printed("1/(1 + x^2)") == "1/(x^2 + 1)")
        #expect(try printed("x^-2 y") == "y/x^2")
        #expect(try printed("exp(x)/(exp(x) + exp(y))", .latex) == "\\frac{e^{x}}{e^{x} + e^{y}}")
        #expect(try printed("y + x + t") == "t + x + y")                       // terms in reading order
        #expect(try printed("(x + y)^2", .sympy) == "(x + y)**2")
        #expect(try printed("exp(1)", .sympy) == "exp(1)")
        #expect(try printed("sigmoid(t)", .sympy) == "1/(1 + exp(-(t)))")
        #expect(try printed("abs(x)", .mathml) == "<mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow>")
    }

    /// Found by the fuzzer: a text printer kept itself for its sort keys and was never freed.
    @Test(arguments: [Notation.text, .latex, .sympy]) func aPrinterIsFreed(notation: Notation) throws {
        let doc = try solve("f(x, y) = x^2 + y + sin(x) y\ngradient f")
        weak var released: ExpressionPrinter?
        do {
            let printer = ExpressionPrinter(store: doc.store, notation: notation)
            _ = printer.string(doc.results[0].components[0])
            released = printer
        }
        #expect(released == nil, "the \(notation) printer is still alive")
    }
}
