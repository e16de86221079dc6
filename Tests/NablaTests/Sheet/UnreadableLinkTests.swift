import Testing
@testable import Nabla

/// One link of a chain that cannot be read is reported, with its place, and the other links
/// are still checked: a final answer after an unknown command is judged.
@Suite struct UnreadableLinkTests {
    static func check(_ finalAnswer: String) -> CheckReport {
        let sheet = #"Let $f(x, y) = x^2 y$ and $g(u) = \sin u$."# + "\n\n"
            + #"$$\nabla(g \circ f)(x, y) = \cos(x^2 y) \begin{pmatrix} 2xy & x^2 \end{pmatrix} \oplus 3 = "# + finalAnswer + "$$\n"
        return SheetChecker(source: SourceText(name: "u.md", text: sheet)).check()
    }

    @Test func theFinalAnswerIsStillChecked() {
        let right = Self.check(#"\begin{pmatrix} 2xy\cos(x^2 y) & x^2 \cos(x^2 y) \end{pmatrix}"#)
        #expect(right.claims.map { "\($0.verdict)" } == ["unchecked", "correct"])
        #expect(right.errors.map(\.message) == ["unknown command \\oplus"])
        let wrong = Self.check(#"\begin{pmatrix} 2xy\cos(x^2 y) & x \cos(x^2 y) \end{pmatrix}"#)
        #expect(wrong.claims.map { "\($0.verdict)" } == ["unchecked", "wrong"])
    }

    /// With nothing readable after the head, the display is an error, as it always was.
    @Test func aClaimWithNoReadableValueIsAnError() {
        let sheet = "Let $f(x) = x^2$.\n\n$$\\nabla f(x) = \\oplus 2x$$\n"
        let report = SheetChecker(source: SourceText(name: "u.md", text: sheet)).check()
        #expect(report.claims.isEmpty)
        #expect(report.errors.map(\.message) == ["unknown command \\oplus"])
    }
}
