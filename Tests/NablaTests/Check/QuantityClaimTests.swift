import Foundation
import Testing
@testable import Nabla

/// Claims about intermediate variables in a sheet: ∂z/∂s, z_s, ∂z/∂s written inline, a value
/// mixing quantities and variables, the chain-rule sum stated with partials, and the term a
/// student forgot, named.
@Suite struct QuantityClaimTests {
    static let statement = "Let $z = x^2 y + y^2$, where $x = s t$ and $y = s + t$. Find $\\partial z/\\partial s$.\n\n"

    func check(_ body: String) -> CheckReport {
        SheetChecker(source: SourceText(name: "q.tex", text: Self.statement + body)).check()
    }

    @Test func rightClaimsInEveryNotation() {
        let report = check("""
            \\[ \\frac{\\partial z}{\\partial s} = 2xy \\cdot t + (x^2 + 2y) \\cdot 1 \\]
            \\[ \\frac{\\partial z}{\\partial s} = 2 s t^2 (s + t) + s^2 t^2 + 2(s + t) \\]
            Also $z_t = 2xys + x^2 + 2y$ and $\\frac{\\partial z}{\\partial x} = 2xy$ and $\\frac{\\partial x}{\\partial t} = s$.
            """)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.claims.count == 5)
        #expect(report.claims.allSatisfy { $0.verdict == .correct }, "\(report.claims.map { $0.finding?.text(in: .en) ?? "" })")
    }

    @Test func theForgottenTermIsNamed() {
        let report = check("""
            \\begin{align*}
            \\frac{\\partial z}{\\partial s} &= \\frac{\\partial z}{\\partial x}\\frac{\\partial x}{\\partial s} \\\\
            &= 2st^2(s + t)
            \\end{align*}
            """)
        #expect(report.claims.count == 2)
        #expect(report.claims.allSatisfy { $0.verdict == .wrong })
        #expect(report.claims.allSatisfy { $0.finding == .missingTerm("∂z/∂y·∂y/∂s") })
        #expect(report.claims[1].finding?.text(in: .fr) == "il manque le terme ∂z/∂y·∂y/∂s de la somme de la règle de dérivation en chaîne")
        let rendered = CheckRenderer(source: SourceText(name: "q.tex", text: Self.statement)).text(report)
        #expect(rendered.contains("✗ wrong: ∂z/∂s, link 1 of 2: the term ∂z/∂y·∂y/∂s of the chain-rule sum is missing"), "\(rendered)")
    }

    @Test func aSumWithATermOfNoPath() {
        let report = check("\\[ \\frac{\\partial z}{\\partial s} = \\frac{\\partial z}{\\partial x}\\frac{\\partial x}{\\partial s} + \\frac{\\partial z}{\\partial y}\\frac{\\partial y}{\\partial s} + \\frac{\\partial z}{\\partial y}\\frac{\\partial y}{\\partial t} \\]")
        #expect(report.claims.count == 1)
        #expect(report.claims.first?.finding == .extraTerm("∂z/∂y·∂y/∂t"))
        // The right sum is a statement of the rule: no claim.
        #expect(check("\\[ \\frac{\\partial z}{\\partial s} = \\frac{\\partial z}{\\partial y}\\frac{\\partial y}{\\partial s} + \\frac{\\partial z}{\\partial x}\\frac{\\partial x}{\\partial s} \\]").claims.isEmpty)
    }

    @Test func aWrongInnerPartialIsWrongNotForeign() {
        let report = check("\\[ \\frac{\\partial x}{\\partial t} = t \\]\n\\[ z_s = 2xyt \\]")
        #expect(report.claims.map(\.verdict) == [.wrong, .wrong])
        // z_s = 2xyt leaves out ∂z/∂y·∂y/∂s = x² + 2y: named, as for a stated sum.
        #expect(report.claims[1].finding == .missingTerm("∂z/∂y·∂y/∂s"))
    }

    @Test func definitionsStayInTheirExercise() {
        let text = """
            \\textbf{Problem 1.} Let $z = x y$, where $x = s^2$ and $y = s t$.
            \\[ \\frac{\\partial z}{\\partial s} = 3 s^2 t \\]
            \\textbf{Problem 2.} Let $z = x + y$, where $x = s^2$ and $y = s t$.
            \\[ \\frac{\\partial z}{\\partial s} = 2s + t \\]
            """
        let report = SheetChecker(source: SourceText(name: "two.tex", text: text)).check()
        #expect(report.claims.map(\.verdict) == [.correct, .correct])
    }
}
