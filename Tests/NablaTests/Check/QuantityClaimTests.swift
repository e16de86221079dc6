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

/// Values at a point, Jacobians of several functions, and exercises as the items of an enumerate.
@Suite struct PointAndJacobianClaimTests {
    func check(_ text: String) -> CheckReport { SheetChecker(source: SourceText(name: "p.tex", text: text)).check() }

    @Test func valuesAtAPointInEveryForm() {
        let report = check("""
            Let $w = x^2 + y z$, where $x = u v$, $y = u + v$ and $z = u - v$.
            \\[ \\left.\\frac{\\partial w}{\\partial u}\\right|_{(u,v)=(2,1)} = 8 \\]
            \\[ \\left.\\frac{\\partial w}{\\partial u}\\right|_{(2,1)} = 9 \\]
            \\[ \\left.\\frac{\\partial w}{\\partial v}\\right|_{u=2, v=1} = 6 \\]
            \\[ \\left.\\frac{\\partial w}{\\partial v}\\right|_{(2,1,3)} = 6 \\]
            """)
        #expect(report.claims.map(\.verdict) == [.correct, .wrong, .correct, .unchecked])
        #expect(report.claims[0].part?.text(in: .en) == "at (u, v) = (2, 1)")
        #expect(report.claims[1].part?.text(in: .fr) == "en (u, v) = (2, 1)")
        // A function's Jacobian at a point of numbers: Df(1, 2), σ'(0).
        let numbers = check("""
            Let $f(x, y) = (x^2 y, x + y)$ and $\\sigma(t) = \\frac{1}{1+e^{-t}}$.
            \\[ Df(1, 2) = \\begin{pmatrix} 4 & 1 \\\\ 1 & 1 \\end{pmatrix} \\]
            \\[ J_f(1, 2) = \\begin{pmatrix} 4 & 2 \\\\ 1 & 1 \\end{pmatrix} \\]
            \\[ \\sigma'(0) = \\frac{1}{4} \\]
            """)
        #expect(numbers.claims.map(\.verdict) == [.correct, .wrong, .correct])
        #expect(numbers.claims[1].wrongEntries.map(\.column) == [2])
    }

    @Test func theJacobianOfSeveralFunctions() {
        let report = check("""
            Let $x(r, \\theta) = r\\cos\\theta$ and $y(r, \\theta) = r\\sin\\theta$.
            \\[ \\frac{\\partial(x, y)}{\\partial(r, \\theta)} = \\begin{vmatrix} \\cos\\theta & -r\\sin\\theta \\\\ \\sin\\theta & r\\cos\\theta \\end{vmatrix} = r \\]
            \\[ \\frac{\\partial(x, y)}{\\partial(r, \\theta)} = \\begin{pmatrix} \\cos\\theta & \\sin\\theta \\\\ -r\\sin\\theta & r\\cos\\theta \\end{pmatrix} \\]
            \\[ \\frac{\\partial(x, y)}{\\partial(r, \\theta)} = -r \\]
            """)
        #expect(report.claims.map(\.verdict) == [.correct, .correct, .wrong, .wrong])
        #expect(report.claims[2].finding == .transposed)
        #expect(report.claims[3].part?.determinant == true)
    }

    @Test func theItemsOfAnEnumerateAreExercises() {
        let items = check("""
            \\section*{Two problems}
            \\begin{enumerate}
            \\item Let $f(x, y) = x^2 y$. \\[ \\nabla f = \\begin{pmatrix} 2xy & x^2 \\end{pmatrix} \\]
            \\item Let $f(x, y) = x y^3$. \\[ \\nabla f = \\begin{pmatrix} y^3 & 3xy^2 \\end{pmatrix} \\]
            \\end{enumerate}
            """)
        #expect(items.claims.map(\.verdict) == [.correct, .correct])
        // Questions about one statement above the list share its definitions.
        let questions = check("""
            Let $f(x, y) = x^2 y$.
            \\begin{enumerate}
            \\item \\[ \\frac{\\partial f}{\\partial x} = 2xy \\]
            \\item \\[ \\frac{\\partial f}{\\partial y} = x^2 \\]
            \\end{enumerate}
            """)
        #expect(questions.claims.map(\.verdict) == [.correct, .correct])
    }
}

/// σ′(u) inside an expression, and the forgotten term of (f∘γ)′(t).
@Suite struct PrimeAndChainTermTests {
    func check(_ text: String) -> CheckReport { SheetChecker(source: SourceText(name: "c.tex", text: text)).check() }

    @Test func aPrimeInsideAnExpressionIsTheDerivativeThere() {
        let report = check("""
            Let $\\sigma(u) = \\frac{1}{1+e^{-u}}$ and $p(w, b) = \\sigma(w x + b)$.
            \\[ \\frac{\\partial p}{\\partial w} = \\sigma'(wx + b)\\, x \\]
            \\[ \\frac{\\partial p}{\\partial b} = \\sigma'(wx + b)\\, x \\]
            \\[ \\frac{\\partial p}{\\partial b} = 1 \\cdot \\sigma'(wx + b) \\]
            """)
        #expect(report.claims.map(\.verdict) == [.correct, .wrong, .correct])
        #expect(report.claims[1].entries.first?.finding == .extraFactor("x"))
        // The builtin sigmoid, when the sheet does not define σ.
        let builtin = check("Let $q(w) = \\sigma(3w)$.\n\\[ \\frac{dq}{dw} = 3\\sigma'(3w) \\]\n")
        #expect(builtin.claims.map(\.verdict) == [.correct])
    }

    @Test func theForgottenTermOfAComposition() {
        let report = check("""
            Let $f(x, y) = x^2 y$ and $\\gamma(t) = (\\cos t, \\sin t)$.
            \\[ (f \\circ \\gamma)'(t) = -2\\cos t \\sin^2 t \\]
            \\[ (f \\circ \\gamma)'(t) = \\cos^3 t \\]
            \\[ (f \\circ \\gamma)'(t) = \\cos^3 t - 2\\cos t \\sin^2 t \\]
            """)
        #expect(report.claims.map(\.verdict) == [.wrong, .wrong, .correct])
        #expect(report.claims[0].finding == .missingTerm("∂f/∂y·dy/dt"))
        #expect(report.claims[1].finding == .missingTerm("∂f/∂x·dx/dt"))
    }
}

/// `∂L/∂w_i = (p − y) x_i`: one claim for every index.
@Suite struct GenericIndexClaimTests {
    @Test func aClaimForEveryIndex() {
        let text = """
            Let $p(w_1, w_2, b) = \\sigma(w_1 x_1 + w_2 x_2 + b)$ and $L(q) = -y\\log q - (1-y)\\log(1-q)$.
            $$\\frac{\\partial (L \\circ p)}{\\partial w_i} = (\\sigma(w_1 x_1 + w_2 x_2 + b) - y) x_i$$
            $$\\frac{\\partial (L \\circ p)}{\\partial w_i} = (\\sigma(w_1 x_1 + w_2 x_2 + b) - y) x_1$$
            Let $F(x_1, x_2) = w_1 x_1^2 + w_2 x_2^2$.
            $$\\frac{\\partial F}{\\partial w_j} = x_j^2$$
            """
        let report = SheetChecker(source: SourceText(name: "g.md", text: text)).check()
        #expect(report.claims.map(\.verdict) == [.correct, .wrong, .correct])
        // Only the second index is wrong: x_1 where x_2 belongs.
        #expect(report.claims[1].wrongEntries.map(\.column) == [2])
    }
}
