import Testing
@testable import Nabla

/// Functions as courses write them in LaTeX: powers before the argument (`\sin^2 t`), the
/// inverse `\sin^{-1}`, and an argument without parentheses that is the monomial after it
/// (`\cos 3t`, `\cos 2\theta`), ending at the next function (`\sin t \cos t`).
@Suite struct FunctionNotationTests {
    static func verdicts(_ sheet: String) -> [String] {
        SheetChecker(source: SourceText(name: "f.md", text: sheet)).check().claims.map { "\($0.verdict)" }
    }

    @Test func correctClaimsInCourseNotation() {
        let sheet = #"""
            Let $f(t) = \sin^2 t + \cos^2 (3t)$, $g(\theta) = \tanh^2\theta$ and $h(x) = \sin^{-1} x + \cos 2\theta\, x$.

            $$f'(t) = 2\sin t\cos t - 6\cos(3t)\sin(3t)$$

            $$\nabla f(t) = \begin{pmatrix} 2\sin t \cos t - 6 \cos 3t \sin 3t \end{pmatrix}$$

            $$\nabla g(\theta) = \begin{pmatrix} 2\tanh\theta\,(1 - \tanh^2\theta) \end{pmatrix}$$

            $$h'(x) = \frac{1}{\sqrt{1 - x^2}} + \cos 2\theta$$
            """#
        #expect(Self.verdicts(sheet) == ["correct", "correct", "correct", "correct"])
    }

    /// The same notation, with the classic slips: the chain factor 3 forgotten, a sign.
    @Test func mistakesInCourseNotationAreFound() {
        let sheet = #"""
            Let $f(t) = \sin^2 t + \cos^2 (3t)$ and $g(\theta) = \tanh^2\theta$.

            $$f'(t) = 2\sin t\cos t - 2\cos 3t \sin 3t$$

            $$g'(\theta) = -2\tanh\theta\,(1 - \tanh^2\theta)$$
            """#
        #expect(Self.verdicts(sheet) == ["wrong", "wrong"])
    }

    /// Names of ML notes and their layout: `\ell`, `\mathcal{L}`, `\hat{y}`, `\nabla_{\theta}`,
    /// a row break with a space `\\[2mm]`, a `split` inside an equation.
    @Test func namesAndLayoutsOfMLNotes() {
        let sheet = #"""
            Soit $\ell(\hat{y}) = (\hat{y} - y)^2$ et $\mathcal{L}(\theta) = \theta^2 + 3\theta$.
            \[ \nabla \ell(\hat{y}) = \begin{pmatrix} 2(\hat{y} - y) \end{pmatrix} \]
            \[ \nabla_{\theta} \mathcal{L} = \begin{pmatrix} 2\theta + 3 \end{pmatrix} \]
            \begin{align*}
            \nabla \mathcal{L}(\theta) &= \begin{pmatrix} 2\theta + 3 \end{pmatrix} \\[2mm]
            \nabla \ell(\hat{y}) &= \begin{pmatrix} 2\hat{y} + 2y \end{pmatrix}
            \end{align*}
            \begin{equation}
            \begin{split}
            \nabla \mathcal{L}(\theta) &= \begin{pmatrix} 2\theta + 3 \end{pmatrix}
            \end{split}
            \end{equation}
            """#
        #expect(Self.verdicts(sheet) == ["correct", "correct", "correct", "wrong", "correct"])
    }

    @Test func accentedNamesPrintBack() {
        #expect(latexIdentifier("y_hat") == "\\hat{y}")
        #expect(latexIdentifier("x_bar_2") == "\\bar{x}_{2}")
        #expect(latexIdentifier("ell") == "\\ell")
        #expect(mathmlIdentifier("y_hat") == "<mover accent=\"true\"><mi>y</mi><mo>^</mo></mover>")
    }
}
