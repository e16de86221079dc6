import Testing
@testable import Nabla

/// `\det` of a Jacobian is a claim: polar and spherical coordinates, right and wrong.
@Suite struct DeterminantClaimTests {
    @Test func determinantsOfCoordinateChanges() {
        let sheet = #"""
            Soit $\Phi(r, \theta) = (r\cos\theta, r\sin\theta)$ et $\Psi(\rho, \phi, \theta) = (\rho \sin\phi \cos\theta, \rho\sin\phi\sin\theta, \rho\cos\phi)$.
            \[ \det \nabla \Phi(r, \theta) = r \]
            \[ \det J_{\Phi} = r^2 \]
            \[ \det \nabla \Psi = \rho^2 \sin\phi \]
            \[ \det(\nabla \Psi) = -\rho^2 \sin\phi \]
            """#
        let report = SheetChecker(source: SourceText(name: "det.tex", text: sheet)).check()
        #expect(report.claims.map { "\($0.verdict)" } == ["correct", "wrong", "correct", "wrong"])
        #expect(report.claims[1].wrongEntries.first?.diagnosis == "it has an extra factor r")
        #expect(report.claims[0].part?.text(in: .fr) == "déterminant")
        // The expected value is shown simplified: r, not r·cos(θ)² + r·sin(θ)².
        #expect(report.claims[1].wrongEntries.first?.expected == "r")
    }

    @Test func theDeterminantOfANonSquareJacobianIsNotJudged() {
        let sheet = "Let $f(x, y) = (x y, x + y, x)$.\n\n$$\\det \\nabla f = 0$$\n"
        let report = SheetChecker(source: SourceText(name: "d.md", text: sheet)).check()
        #expect(report.claims.map { "\($0.verdict)" } == ["unchecked"])
    }

    @Test func determinantByExpansion() {
        let s = ExpressionStore()
        let m = ExpressionMatrix(rows: 3, columns: 3, entries: [2, 0, 1, 1, 3, 2, 1, 1, 2].map { s.number($0) })
        #expect(s.rational(s.determinant(m)) == Rational(6))   // 2·(6 − 2) − 0·(2 − 2) + 1·(1 − 3)
    }
}
