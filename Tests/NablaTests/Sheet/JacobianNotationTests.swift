import Testing
@testable import Nabla

/// Jacobians written with an upright J or D, and Greek function names after J and D.
@Suite struct JacobianNotationTests {
    @Test func uprightAndGreek() {
        let right = #"\begin{pmatrix} \cos\theta & -r\sin\theta \\ \sin\theta & r\cos\theta \end{pmatrix}"#
        let wrong = #"\begin{pmatrix} \cos\theta & r\sin\theta \\ \sin\theta & r\cos\theta \end{pmatrix}"#
        let heads = [#"\mathrm{J}_\Phi(r, \theta)"#, #"J_{\Phi}(r, \theta)"#, #"J_\Phi(r, \theta)"#, #"D\Phi(r, \theta)"#, #"\mathrm{D}\Phi(r, \theta)"#]
        let sheet = #"Soit $\Phi(r, \theta) = (r\cos\theta, r\sin\theta)$."# + "\n"
            + heads.map { "\\[ \($0) = \(right) \\]\n" }.joined() + "\\[ \(heads[0]) = \(wrong) \\]\n"
        let report = SheetChecker(source: SourceText(name: "j.tex", text: sheet)).check()
        #expect(report.errors.isEmpty, "\(report.errors.map(\.message))")
        #expect(report.claims.map { "\($0.verdict)" } == Array(repeating: "correct", count: heads.count) + ["wrong"])
    }
}
