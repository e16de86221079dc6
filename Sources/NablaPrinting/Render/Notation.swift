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
