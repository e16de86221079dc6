import Testing
@testable import Nabla

/// The four written forms of the same expressions, through the printer: nabla's text, SymPy,
/// LaTeX and MathML. The printer chooses the form (fractions, signs, order); each style spells it.
@Suite struct NotationStyleTests {
    /// One expression and its exact text in `.text`, `.sympy`, `.latex`, `.mathml`.
    struct Case {
        let name: String
        let id: ExprID
        let expected: [String]
    }

    private static let notations: [Notation] = [.text, .sympy, .latex, .mathml]
    private static let invisibleTimes = "\u{2062}", applyFunction = "\u{2061}", minus = "\u{2212}"

    private func check(_ s: ExpressionStore, _ cases: [Case], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for (k, notation) in NotationStyleTests.notations.enumerated() {
            let printer = ExpressionPrinter(store: s, notation: notation)
            for c in cases {
                #expect(printer.string(c.id) == c.expected[k], "\(c.name) in \(notation)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func rationalsAndFractions() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let (ix, m) = (NotationStyleTests.invisibleTimes, NotationStyleTests.minus)
        check(s, [
            Case(name: "1/2", id: s.number(Rational(1, 2)), expected: [
                "1/2", "1/2", "\\frac{1}{2}", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"]),
            Case(name: "-3/4", id: s.number(Rational(-3, 4)), expected: [
                "-3/4", "-3/4", "-\\frac{3}{4}", "<mo>\(m)</mo><mfrac><mn>3</mn><mn>4</mn></mfrac>"]),
            Case(name: "1/2·x", id: s.product([s.number(Rational(1, 2)), x]), expected: [
                "x/2", "x/2", "\\frac{x}{2}", "<mfrac><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></mfrac>"]),
            Case(name: "3/2·x", id: s.product([s.number(Rational(3, 2)), x]), expected: [
                "3x/2", "3*x/2", "\\frac{3 x}{2}", "<mfrac><mrow><mn>3</mn><mo>\(ix)</mo><mi>x</mi></mrow><mrow><mn>2</mn></mrow></mfrac>"]),
            Case(name: "x/(y + 1)", id: s.divide(x, s.add(y, s.one)), expected: [
                "x/(y + 1)", "x/(y + 1)", "\\frac{x}{y + 1}",
                "<mfrac><mrow><mi>x</mi></mrow><mrow><mrow><mi>y</mi><mo>+</mo><mn>1</mn></mrow></mrow></mfrac>"]),
            Case(name: "2·y·(x + y)", id: s.product([s.number(2), y, s.add(x, y)]), expected: [
                "2y·(x + y)", "2*y*(x + y)", "2 y \\left(x + y\\right)",
                "<mn>2</mn><mo>\(ix)</mo><mi>y</mi><mo>\(ix)</mo><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><mo>)</mo></mrow>"]),
        ])
    }

    @Test func rootsAndPowers() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        check(s, [
            Case(name: "x^(1/2)", id: s.power(x, s.number(Rational(1, 2))), expected: [
                "sqrt(x)", "sqrt(x)", "\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"]),
            Case(name: "x^(3/2)", id: s.power(x, s.number(Rational(3, 2))), expected: [
                "x^(3/2)", "x**(3/2)", "x^{\\frac{3}{2}}",
                "<msup><mrow><mi>x</mi></mrow><mrow><mfrac><mn>3</mn><mn>2</mn></mfrac></mrow></msup>"]),
            Case(name: "x^(-1/2)", id: s.power(x, s.number(Rational(-1, 2))), expected: [
                "1/sqrt(x)", "1/sqrt(x)", "\\frac{1}{\\sqrt{x}}", "<mfrac><mrow><mn>1</mn></mrow><mrow><msqrt><mi>x</mi></msqrt></mrow></mfrac>"]),
            Case(name: "(x + 1)^2", id: s.power(s.add(x, s.one), 2), expected: [
                "(x + 1)^2", "(x + 1)**2", "\\left(x + 1\\right)^{2}",
                "<msup><mrow><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mo>)</mo></mrow></mrow><mrow><mn>2</mn></mrow></msup>"]),
            Case(name: "x^(-y)", id: s.power(x, s.negate(y)), expected: [
                "x^(-y)", "x**(-y)", "x^{-y}",
                "<msup><mrow><mi>x</mi></mrow><mrow><mo>\(NotationStyleTests.minus)</mo><mi>y</mi></mrow></msup>"]),
        ])
    }

    @Test func powersOfFractions() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        check(s, [
            // A number base: the fraction is parenthesized in every notation.
            Case(name: "(2/3)^x", id: s.power(s.number(Rational(2, 3)), x), expected: [
                "(2/3)^x", "(2/3)**x", "\\left(\\frac{2}{3}\\right)^{x}",
                "<msup><mrow><mrow><mo>(</mo><mfrac><mn>2</mn><mn>3</mn></mfrac><mo>)</mo></mrow></mrow><mrow><mi>x</mi></mrow></msup>"]),
            // An integer power of a quotient is the quotient of the powers.
            Case(name: "(x/y)^2", id: s.power(s.divide(x, y), 2), expected: [
                "x^2/y^2", "x**2/y**2", "\\frac{x^{2}}{y^{2}}",
                "<mfrac><mrow><msup><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></msup></mrow><mrow><msup><mrow><mi>y</mi></mrow><mrow><mn>2</mn></mrow></msup></mrow></mfrac>"]),
        ])
    }

    @Test func signs() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let (ix, m) = (NotationStyleTests.invisibleTimes, NotationStyleTests.minus)
        check(s, [
            Case(name: "-x", id: s.negate(x), expected: ["-x", "-x", "-x", "<mo>\(m)</mo><mi>x</mi>"]),
            // A sum starts with its positive term.
            Case(name: "-x + y", id: s.add(s.negate(x), y), expected: [
                "y - x", "y - x", "y - x", "<mrow><mi>y</mi><mo>\(m)</mo><mi>x</mi></mrow>"]),
            Case(name: "-2x + 1", id: s.add(s.product([s.number(-2), x]), s.one), expected: [
                "1 - 2x", "1 - 2*x", "1 - 2 x", "<mrow><mn>1</mn><mo>\(m)</mo><mn>2</mn><mo>\(ix)</mo><mi>x</mi></mrow>"]),
            // No positive term: the leading minus.
            Case(name: "-x - y", id: s.subtract(s.negate(x), y), expected: [
                "-x - y", "-x - y", "-x - y", "<mrow><mo>\(m)</mo><mi>x</mi><mo>\(m)</mo><mi>y</mi></mrow>"]),
            Case(name: "-x/2", id: s.product([s.number(Rational(-1, 2)), x]), expected: [
                "-x/2", "-x/2", "-\\frac{x}{2}", "<mo>\(m)</mo><mfrac><mrow><mi>x</mi></mrow><mrow><mn>2</mn></mrow></mfrac>"]),
        ])
    }

    @Test func functions() {
        let s = ExpressionStore()
        let x = s.symbol("x"), y = s.symbol("y")
        let (ix, af) = (NotationStyleTests.invisibleTimes, NotationStyleTests.applyFunction)
        let paren = "<mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow>"
        let sigmoid = s.apply(.sigmoid, x)
        check(s, [
            Case(name: "exp(x)", id: s.exp(x), expected: ["exp(x)", "exp(x)", "e^{x}", "<msup><mi>e</mi><mrow><mi>x</mi></mrow></msup>"]),
            Case(name: "sin(x)", id: s.apply(.sin, x), expected: [
                "sin(x)", "sin(x)", "\\sin\\left(x\\right)", "<mrow><mi>sin</mi><mo>\(af)</mo>\(paren)</mrow>"]),
            Case(name: "sigmoid(x)", id: sigmoid, expected: [
                "sigmoid(x)", "1/(1 + exp(-(x)))", "\\sigma\\left(x\\right)", "<mrow><mi>σ</mi>\(paren)</mrow>"]),
            Case(name: "abs(x)", id: s.apply(.abs, x), expected: [
                "abs(x)", "Abs(x)", "\\left|x\\right|", "<mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow>"]),
            Case(name: "relu(x)", id: s.apply(.relu, x), expected: [
                "relu(x)", "Max(0, x)", "\\operatorname{ReLU}\\left(x\\right)", "<mrow><mi>ReLU</mi><mo>\(af)</mo>\(paren)</mrow>"]),
            Case(name: "atan(x)", id: s.apply(.atan, x), expected: [
                "atan(x)", "atan(x)", "\\arctan\\left(x\\right)", "<mrow><mi>arctan</mi><mo>\(af)</mo>\(paren)</mrow>"]),
            // SymPy's sigmoid is a quotient: parenthesized under a power, left as it is in a product.
            Case(name: "sigmoid(x)^2", id: s.power(sigmoid, 2), expected: [
                "sigmoid(x)^2", "(1/(1 + exp(-(x))))**2", "\\sigma\\left(x\\right)^{2}",
                "<msup><mrow><mrow><mi>σ</mi>\(paren)</mrow></mrow><mrow><mn>2</mn></mrow></msup>"]),
            Case(name: "2·sigmoid(x)", id: s.product([s.number(2), sigmoid]), expected: [
                "2·sigmoid(x)", "2*1/(1 + exp(-(x)))", "2 \\sigma\\left(x\\right)",
                "<mn>2</mn><mo>\(ix)</mo><mrow><mi>σ</mi>\(paren)</mrow>"]),
            Case(name: "y/sigmoid(x)", id: s.divide(y, sigmoid), expected: [
                "y/sigmoid(x)", "y/(1/(1 + exp(-(x))))", "\\frac{y}{\\sigma\\left(x\\right)}",
                "<mfrac><mrow><mi>y</mi></mrow><mrow><mrow><mi>σ</mi>\(paren)</mrow></mrow></mfrac>"]),
            // The argument of SymPy's sigmoid is negated as a whole.
            Case(name: "sigmoid(x + y)", id: s.apply(.sigmoid, s.add(x, y)), expected: [
                "sigmoid(x + y)", "1/(1 + exp(-(x + y)))", "\\sigma\\left(x + y\\right)",
                "<mrow><mi>σ</mi><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><mo>)</mo></mrow></mrow>"]),
        ])
    }

    @Test func namesAndConstants() {
        let s = ExpressionStore()
        check(s, [
            Case(name: "x1", id: s.symbol("x1"), expected: ["x1", "x1", "x_{1}", "<msub><mi>x</mi><mn>1</mn></msub>"]),
            Case(name: "w_1_2", id: s.symbol("w_1_2"), expected: ["w_1_2", "w_1_2", "w_{1,2}", "<msub><mi>w</mi><mn>1,2</mn></msub>"]),
            Case(name: "sigma", id: s.symbol("sigma"), expected: ["sigma", "sigma", "\\sigma", "<mi>σ</mi>"]),
            Case(name: "loss", id: s.symbol("loss"), expected: ["loss", "loss", "\\mathrm{loss}", "<mi mathvariant=\"normal\">loss</mi>"]),
            Case(name: "pi", id: s.constant(.pi), expected: ["pi", "pi", "\\pi", "<mi>π</mi>"]),
            Case(name: "e", id: s.constant(.e), expected: ["e", "exp(1)", "e", "<mi>e</mi>"]),
            Case(name: "undefined", id: s.undefined, expected: ["undefined", "nan", "undefined", "<mtext>undefined</mtext>"]),
        ])
    }

    /// nabla's text writes `3x` but never a juxtaposition that would read back as something
    /// else: `3e` is a decimal literal's start, `3o` the composition operator's spelling.
    @Test func textJuxtaposesOnlyWhatReadsBack() {
        let s = ExpressionStore()
        let printer = ExpressionPrinter(store: s, notation: .text)
        #expect(printer.string(s.product([s.number(3), s.symbol("x")])) == "3x")
        #expect(printer.string(s.product([s.number(3), s.symbol("eta")])) == "3·eta")
        #expect(printer.string(s.product([s.number(3), s.symbol("o")])) == "3·o")
        #expect(printer.string(s.product([s.number(3), s.symbol("E1")])) == "3·E1")
        #expect(printer.string(s.product([s.number(3), s.squareRoot(s.symbol("x"))])) == "3·sqrt(x)")
        #expect(printer.string(s.product([s.number(3), s.power(s.symbol("x"), 2)])) == "3x^2")
        #expect(printer.string(s.product([s.symbol("x"), s.symbol("y")])) == "x·y")
    }
}
