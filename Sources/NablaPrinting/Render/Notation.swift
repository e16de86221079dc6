/// The written forms the printer knows.
public enum Notation: Sendable {
    /// Plain text that `nabla` reads back: `3x1 - 2·exp(x2)/(1 + x1^2)`.
    case text
    /// Text that SymPy's `sympify` reads: `3*x1 - 2*exp(x2)/(1 + x1**2)`.
    case sympy
    /// LaTeX math: `3 x_{1} - \frac{2 e^{x_{2}}}{1 + x_{1}^{2}}`.
    case latex
    /// MathML Core presentation elements (the content of a `<math>` element).
    case mathml
}

/// How an identifier of the input is written in LaTeX: `x1` → `x_{1}`, `w_1_2` → `w_{1,2}`,
/// `sigma` → `\sigma`, `loss` → `\mathrm{loss}`.
package func latexIdentifier(_ name: String) -> String {
    func stem(_ s: String) -> String {
        if GreekLetters.names.contains(s) { return "\\" + s }
        if let g = s.unicodeScalars.first.flatMap(GreekLetters.name(of:)), s.unicodeScalars.count == 1 { return "\\" + g }
        if !s.allSatisfy(\.isASCII) { return "\\text{\(s)}" }   // pdflatex takes accented letters in text mode only
        if s.count <= 1 { return s }
        return "\\mathrm{\(s)}"
    }
    let parts = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
    if parts.count > 1 { return stem(parts[0]) + "_{" + parts.dropFirst().joined(separator: ",") + "}" }
    // Trailing digits become a subscript.
    let letters = name.prefix { !$0.isNumber }
    let digits = name.dropFirst(letters.count)
    if !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) {
        return stem(String(letters)) + "_{" + digits + "}"
    }
    return stem(name)
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
