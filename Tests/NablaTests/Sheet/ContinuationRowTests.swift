import Testing
@testable import Nabla

/// In eqnarray and align, a row that starts with `+` or `-` and has no relation of its own
/// goes on with the sum of the row before; a matrix's rows are never joined.
@Suite struct ContinuationRowTests {
    static func verdicts(_ sheet: String) -> [String] {
        SheetChecker(source: SourceText(name: "c.tex", text: sheet)).check().claims.map { "\($0.verdict)" }
    }

    @Test func aValueGoesOnOnTheNextRow() {
        let sheet = #"""
            Soit $f(x_1, x_2) = x_1^2 x_2 + 3 x_2^2$ et $g(x_1, x_2) = 2 x_1$.
            \begin{eqnarray*}
            f(x_1, x_2) &=& x_1^2 x_2 \\
            & & + 3 x_2^2
            \end{eqnarray*}
            \begin{align*}
            \nabla f(x_1, x_2) &= \begin{pmatrix} 2 x_1 x_2 & x_1^2 \end{pmatrix} \\
            &\quad + \begin{pmatrix} 0 & 6 x_2 \end{pmatrix}
            \end{align*}
            \begin{align*}
            g(x_1, x_2) &= 2 x_1 \\
            -g(x_1, x_2) &= -2 x_1
            \end{align*}
            \[ \nabla g = \begin{pmatrix} 2 \\ -0 \end{pmatrix}^T \]
            """#
        let v = Self.verdicts(sheet)
        #expect(!v.contains("wrong"), "\(v)")
        #expect(v.first == "correct")
    }

    @Test func aForgottenContinuationIsStillAMistake() {
        let sheet = #"""
            Soit $f(x_1, x_2) = x_1^2 x_2 + 3 x_2^2$.
            \begin{eqnarray*}
            f(x_1, x_2) &=& x_1^2 x_2 \\
            & & + 2 x_2^2
            \end{eqnarray*}
            """#
        #expect(Self.verdicts(sheet) == ["wrong"])
    }
}
