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
}
