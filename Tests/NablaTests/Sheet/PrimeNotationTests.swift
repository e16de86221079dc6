import Testing
@testable import Nabla

/// Derivatives written with primes and with d: `F'(x)`, `(f \circ \gamma)'(t)`,
/// `\frac{d}{dt} f(\gamma(t))`, `\frac{dF}{dx}`; a function defined in an earlier display
/// of the exercise is known as one in a later display.
@Suite struct PrimeNotationTests {
    static func verdicts(_ claims: [String]) -> [String] {
        let sheet = "Let $f(x, y) = x^2 y$ and $\\gamma(t) = (t, t^2)$, $F(x) = \\sin(x^2)$.\n\n"
            + claims.map { "$$\($0)$$\n\n" }.joined()
        return SheetChecker(source: SourceText(name: "p.md", text: sheet)).check().claims.map { "\($0.verdict)" }
    }

    @Test func rightAnswers() {
        #expect(Self.verdicts([
            "F'(x) = 2x\\cos(x^2)",
            "(f \\circ \\gamma)'(t) = 4t^3",
            "\\frac{d}{dt} f(\\gamma(t)) = 4t^3",
            "\\frac{d}{dt} (f \\circ \\gamma)(t) = 4 t^3",
            "\\frac{dF}{dx} = 2x \\cos(x^2)",
            "\\frac{\\partial}{\\partial x} F(x) = 2x \\cos(x^2)",
        ]) == Array(repeating: "correct", count: 6))
    }

    /// A term of the chain sum forgotten (2t³ is ∂f/∂x·x′ alone), and a missing factor 2.
    @Test func mistakes() {
        #expect(Self.verdicts(["(f \\circ \\gamma)'(t) = 2t^3", "\\frac{d}{dt} f(\\gamma(t)) = 2t^3", "\\frac{dF}{dx} = x \\cos(x^2)"])
                == ["wrong", "wrong", "wrong"])
    }

    /// `\frac{d}{dx}\left[…\right]` and `\frac{d}{dt}(…)`: the derivative of an expression written in place.
    @Test func theDerivativeOfAnExpressionInPlace() {
        let sheet = #"""
            Compute the derivatives.

            $$\frac{d}{dx}\left[ x^2 e^{3x} \right] = 2x e^{3x} + 3x^2 e^{3x}$$

            $$\frac{d}{dt}(t \sin t) = \sin t + \cos t$$

            $$\frac{d}{dx}\left[ a x^3 \right] = 3 a x^2$$
            """#
        let source = SourceText(name: "d.md", text: sheet)
        let report = SheetChecker(source: source).check()
        #expect(report.claims.map { "\($0.verdict)" } == ["correct", "wrong", "correct"])
        #expect(CheckRenderer(source: source, colors: false, language: .en).text(report).contains("d.md:3:43: ✓ correct: d/dx[…]\n"))
    }
}
