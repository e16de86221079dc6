import Foundation
import Testing
@testable import Nabla

/// The functions of a course (atan, asin, acos, sinh, cosh, abs, softplus, relu, max, min, log in
/// a base): derivatives against SymPy's values (Fixtures/functions-sympy.jsonl, made by
/// Scripts/functions-oracle.py), the tape against the symbolic values, generated C against the
/// tape, every printer, and the sheet reader.
@Suite struct BuiltinsTests {
    struct Case: Decodable {
        struct Point: Decodable { let x, y, value, dx, dy: Double }
        let expression: String
        let sympy: String
        let points: [Point]
    }

    static func cases() throws -> [Case] {
        try Fixtures.text("functions-sympy.jsonl").split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    @Test func derivativesAgreeWithSymPy() throws {
        var compared = 0
        for c in try Self.cases() {
            let doc = try solve("f(x, y) = \(c.expression)\njacobian f")
            let r = doc.results[0]
            for p in c.points {
                let at = ["x": p.x, "y": p.y]
                let value = doc.store.evaluate(r.components, at: at)[0]
                let gradient = doc.store.evaluate(r.matrix.entries, at: at)
                #expect(isClose(value, p.value, relative: 1e-12, absolute: 1e-12), "\(c.expression) at \(at): \(value) vs SymPy \(p.value)")
                #expect(isClose(gradient[0], p.dx, relative: 1e-10, absolute: 1e-12), "∂/∂x \(c.expression) at \(at): \(gradient[0]) vs SymPy \(p.dx)")
                #expect(isClose(gradient[1], p.dy, relative: 1e-10, absolute: 1e-12), "∂/∂y \(c.expression) at \(at): \(gradient[1]) vs SymPy \(p.dy)")
                // The tape: forward and reverse sweeps give the same Jacobian.
                let tape = Tape(store: doc.store, outputs: r.components, inputs: [doc.store.symbol("x"), doc.store.symbol("y")])
                let forward = tape.forwardJacobian(at: [p.x, p.y], columns: 0..<2)[0]
                let reverse = tape.reverseJacobian(at: [p.x, p.y], columns: 0..<2)[0]
                #expect(isClose(forward[0], p.dx, relative: 1e-10, absolute: 1e-12) && isClose(forward[1], p.dy, relative: 1e-10, absolute: 1e-12),
                        "tape forward \(c.expression): \(forward)")
                #expect(isClose(reverse[0], p.dx, relative: 1e-10, absolute: 1e-12) && isClose(reverse[1], p.dy, relative: 1e-10, absolute: 1e-12),
                        "tape reverse \(c.expression): \(reverse)")
                compared += 1
            }
        }
        #expect(compared >= 60, "only \(compared) points compared")
    }

    /// Seeded random points: the second derivatives (Hessian) match central differences of the
    /// gradient, for the smooth functions.
    @Test(arguments: [UInt64(7), 2026]) func hessiansMatchFiniteDifferences(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        let doc = try solve("h(x, y) = atan(x y) + asin(x/2) + acos(y/3) + sinh(x) cosh(y) + softplus(x - y) + log(x^2 + 1, 2)\nhessian h")
        let r = doc.results[0]
        let gradient = r.derivation!.jacobian.entries
        var compared = 0
        for _ in 0..<10 {
            let x = Double.random(in: -0.8...0.8, using: &g), y = Double.random(in: -0.8...0.8, using: &g)
            let hs = doc.store.evaluate(r.matrix.entries, at: ["x": x, "y": y])
            let e = 1e-5
            let gxp = doc.store.evaluate(gradient, at: ["x": x + e, "y": y]), gxm = doc.store.evaluate(gradient, at: ["x": x - e, "y": y])
            let gyp = doc.store.evaluate(gradient, at: ["x": x, "y": y + e]), gym = doc.store.evaluate(gradient, at: ["x": x, "y": y - e])
            let fd = [(gxp[0] - gxm[0]) / (2 * e), (gyp[0] - gym[0]) / (2 * e), (gxp[1] - gxm[1]) / (2 * e), (gyp[1] - gym[1]) / (2 * e)]
            for (a, b) in zip(hs, fd) { #expect(isClose(a, b, relative: 1e-6, absolute: 1e-7), "seed \(seed) at (\(x), \(y)): \(a) vs \(b)") }
            compared += 1
        }
        #expect(compared == 10)
    }

    @Test func printersWriteEachFunctionAsTheirReaderExpects() throws {
        let doc = try solve("f(x, y) = (atan(x), asin(x), acos(x), sinh(x), cosh(x), abs(x), softplus(x), relu(x), max(x, y))\njacobian f")
        let s = doc.store
        let r = doc.results[0]
        let text = ExpressionPrinter(store: s, notation: .text), latex = ExpressionPrinter(store: s, notation: .latex)
        let sympy = ExpressionPrinter(store: s, notation: .sympy), mathml = ExpressionPrinter(store: s, notation: .mathml)
        #expect(r.components.map(text.string) == ["atan(x)", "asin(x)", "acos(x)", "sinh(x)", "cosh(x)", "abs(x)", "softplus(x)", "relu(x)", "relu(x - y) + y"])
        #expect(r.components.map(latex.string) == ["\\arctan\\left(x\\right)", "\\arcsin\\left(x\\right)", "\\arccos\\left(x\\right)", "\\sinh\\left(x\\right)",
                                                    "\\cosh\\left(x\\right)", "\\left|x\\right|", "\\operatorname{softplus}\\left(x\\right)",
                                                    "\\operatorname{ReLU}\\left(x\\right)", "\\operatorname{ReLU}\\left(x - y\\right) + y"])
        #expect(r.components.map(sympy.string)[5...7] == ["Abs(x)", "log(1 + exp(x))", "Max(0, x)"])
        #expect(s.derivative(r.components[5], s.symbol("x")) == s.apply(.sign, s.symbol("x")))
        #expect(sympy.string(r.matrix[8, 0]) == "Heaviside(x - y)")
        #expect(mathml.string(r.components[0]).contains("<mi>arctan</mi>"))
        #expect(mathml.string(r.components[5]) == "<mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow>")
    }

    @Test func exactValuesFold() {
        let s = ExpressionStore()
        #expect(s.apply(.abs, s.number(-3)) == s.number(3))
        #expect(s.apply(.relu, s.number(-3)) == s.zero)
        #expect(s.apply(.sign, s.zero) == s.undefined)
        #expect(s.apply(.cosh, s.zero) == s.one)
        #expect(s.apply(.acos, s.one) == s.zero)
        let x = s.symbol("x")
        #expect(s.apply(.abs, s.negate(x)) == s.apply(.abs, x))
        #expect(s.apply(.sign, s.negate(x)) == s.negate(s.apply(.sign, x)))
    }

    @Test func argumentCountsAndLinks() throws {
        #expect(diagnostic("f(x) = max(x)\njacobian f")?.contains("max takes 2 arguments, not 1") == true)
        #expect(diagnostic("f(x) = atan(x, x)\njacobian f")?.contains("atan takes 1 argument, not 2") == true)
        #expect(diagnostic("f(x) = log(x, 2, 3)\njacobian f")?.contains("log takes 1 or 2 arguments, not 3") == true)
        #expect(diagnostic("f(x) = sinn(x)\njacobian f")?.contains("unknown function sinn; did you mean sin?") == true)
        #expect(diagnostic("f(x, y) = (x, y)\njacobian max∘f")?.contains("max takes two arguments: it cannot be a link of a composition") == true)
        // relu and atan as links apply elementwise
        #expect(try solve("f(x, y) = (x - y, x y)\nF = relu∘f\njacobian F").results[0].matrix.rows == 2)
    }

    /// The sheet reader knows the LaTeX names and bars.
    @Test func sheetsReadTheLaTeXNames() {
        let sheet = """
            Let $f(x, y) = \\arctan(x y) + \\cosh(y) + \\lvert x \\rvert + \\left| y \\right| + \\log_2(x^2 + 1) + \\max(x, y)$.

            $$\\nabla f(x, y) = \\begin{pmatrix} \\frac{y}{1 + x^2 y^2} + \\operatorname{sgn}(x) + \\frac{2x}{(x^2 + 1) \\ln 2} + H(x - y) & \\frac{x}{1 + x^2 y^2} + \\sinh(y) + \\frac{y}{|y|} + 1 - H(x - y) \\end{pmatrix}$$
            """
        let report = SheetChecker(source: SourceText(name: "s.md", text: sheet)).check()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.claims.count == 1 && report.correctCount == 1, "\(report.claims)")
    }

    /// abs has no derivative at 0: the tape says so, with the point.
    @Test func theDerivativeOfAbsIsUndefinedAtZero() throws {
        let doc = try solve("f(x) = abs(x) + x\njacobian f")
        let tape = Tape(store: doc.store, outputs: doc.results[0].matrix.entries, inputs: [doc.store.symbol("x")])
        #expect(tape.values(at: [0])[0].isNaN)
        #expect(tape.values(at: [-2])[0] == 0)
        #expect(doc.store.corners(of: doc.results[0].components) == [doc.store.symbol("x")])
    }

    /// Generated C with every new function compiles, and agrees with the tape.
    @Test func generatedCAgreesWithTheTape() throws {
        let doc = try solve("f(x, y) = (atan(x y) + asin(x/2) + acos(y/3), sinh(x) cosh(y), abs(x - y) + relu(x) + softplus(10 y), max(x, y) - min(x, y^2))\njacobian f")
        let r = doc.results[0]
        var program = "#include <math.h>\n#include <stdio.h>\n\n" + CodeGenerator(language: .c).function(named: "f", r, in: doc.store)
        program += """
            int main(void) {
                double in[] = {0.3, -0.7}, v[4], J[8];
                nabla_f(in, v, J);
                for (int i = 0; i < 4; i++) printf("%.17g\\n", v[i]);
                for (int i = 0; i < 8; i++) printf("%.17g\\n", J[i]);
                return 0;
            }

            """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-builtins-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try program.write(to: dir.appendingPathComponent("f.c"), atomically: true, encoding: .utf8)
        let (status, log) = try CodeGeneratorTests.run("cc", ["-O1", "-o", "f", "f.c", "-lm"], in: dir)
        #expect(status == 0, "cc failed: \(log)")
        let (_, output) = try CodeGeneratorTests.run("./f", [], in: dir)
        let got = output.split(separator: "\n").compactMap { Double($0) }
        let tape = Tape(store: doc.store, outputs: r.components + r.matrix.entries, inputs: [doc.store.symbol("x"), doc.store.symbol("y")])
        let want = tape.values(at: [0.3, -0.7])
        #expect(got.count == want.count)
        for (a, b) in zip(got, want) { #expect(isClose(a, b, relative: 1e-12, absolute: 1e-14), "C \(a) vs tape \(b)") }
    }
}
