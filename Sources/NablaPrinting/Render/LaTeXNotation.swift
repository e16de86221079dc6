import NablaCore

/// LaTeX math: `3 x_{1} - \frac{2 e^{x_{2}}}{1 + x_{1}^{2}}`.
struct LaTeXNotation: NotationStyle {
    func identifier(_ name: String) -> String { latexIdentifier(name) }
    var euler: String { "e" }
    var pi: String { "\\pi" }
    var undefined: String { "undefined" }
    func magnitude(_ r: Rational) -> String {
        r.isInteger ? r.magnitude.description : "\\frac{\(r.numerator.magnitude)}{\(r.denominator)}"
    }
    var stacksFractions: Bool { true }
    func fraction(_ top: ExpressionPrinter.Printed, _ bottom: ExpressionPrinter.Printed) -> String {
        "\\frac{\(top.text)}{\(bottom.text)}"
    }
    /// A space between factors, `\cdot` before a digit.
    func separator(leftIsNumber: Bool, rightIsSymbol: Bool, right: String) -> String {
        right.first?.isNumber == true ? " \\cdot " : " "
    }
    func squareRoot(_ base: String) -> String { "\\sqrt{\(base)}" }
    func power(_ base: ExpressionPrinter.Printed, _ exponent: ExpressionPrinter.Printed) -> ExpressionPrinter.Printed {
        let b = base.level < .atom || base.text.hasPrefix("\\frac") || base.text.contains("^") ? parenthesized(base.text) : base.text
        return .init(text: "\(b)^{\(exponent.text)}", level: .power)
    }
    func function(_ f: ElementaryFunction, named name: String?, _ argument: String) -> ExpressionPrinter.Printed {
        if let name { return .init(text: latexIdentifier(name) + parenthesized(argument), level: .atom) }
        switch f {
        case .exp: return .init(text: "e^{\(argument)}", level: .power)
        case .abs: return .init(text: "\\left|\(argument)\\right|", level: .atom)
        default: return .init(text: "\(f.latexName)\(parenthesized(argument))", level: .atom)
        }
    }
    func parenthesized(_ text: String) -> String { "\\left(\(text)\\right)" }
}

/// How an identifier of the input is written in LaTeX: `x1` → `x_{1}`, `w_1_2` → `w_{1,2}`,
/// `sigma` → `\sigma`, `loss` → `\mathrm{loss}`, `y_hat` → `\hat{y}`.
package func latexIdentifier(_ name: String) -> String {
    let parts = IdentifierParts(name)
    var stem: String {
        let s = parts.stem
        if GreekLetters.names.contains(s) { return "\\" + s }
        if let g = s.unicodeScalars.first.flatMap(GreekLetters.name(of:)), s.unicodeScalars.count == 1 { return "\\" + g }
        if !s.allSatisfy(\.isASCII) { return "\\text{\(s)}" }   // pdflatex takes accented letters in text mode only
        if s.count <= 1 { return s }
        return "\\mathrm{\(s)}"
    }
    let accented = parts.accent.map { "\\\($0){\(stem)}" } ?? stem
    return accented + (parts.index.map { "_{\($0)}" } ?? "")
}

/// Text set in a LaTeX document (a title, a heading), with LaTeX's special characters escaped:
/// `a_b & 50%` → `a\_b \& 50\%`. The one escaper of the LaTeX writers.
package func latexText(_ s: String) -> String {
    var out = ""
    for c in s {
        switch c {
        case "\\": out += "\\textbackslash{}"
        case "_", "%", "$", "#", "&", "{", "}": out += "\\\(c)"
        case "~": out += "\\textasciitilde{}"
        case "^": out += "\\textasciicircum{}"
        default: out.append(c)
        }
    }
    return out
}
