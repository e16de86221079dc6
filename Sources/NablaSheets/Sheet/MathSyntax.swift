import NablaDocument
import NablaCore

/// A LaTeX formula as read: scalar expressions, matrices, products of them, gradients.
indirect enum MathSyntax {
    /// A scalar expression.
    case expression(ExpressionSyntax)
    /// `\begin{pmatrix} … \end{pmatrix}` and friends, row by row.
    case matrix([[MathSyntax]], SourceLocation)
    /// Factors written side by side or with `\times`/`\cdot`, when one of them is a matrix.
    case product([MathSyntax], SourceLocation)
    /// `\nabla g`, `\nabla(g \circ f)`, `J_{g \circ f}`, `\text{colonne}_2 \nabla(f \circ g)`,
    /// possibly applied: `\nabla g(f(x))`.
    case gradient(GradientHead)
    /// `g \circ f` on its own.
    case composition([LocatedName], SourceLocation)
    /// `F \circ G(x)`: the value of a composition at a point.
    case applied([LocatedName], [ExpressionSyntax], SourceLocation)
    /// A link of a chain that could not be read, with why: the other links are still read.
    case unreadable(Diagnostic)
    /// `\frac{∂z}{∂x}\frac{∂x}{∂s} + \frac{∂z}{∂y}\frac{∂y}{∂s}`: the chain rule stated with
    /// partial derivatives, each term the product of its factors.
    case leibnizSum([[GradientHead]], SourceLocation)

    var location: SourceLocation {
        switch self {
        case let .expression(e): e.location
        case let .matrix(_, l), let .product(_, l), let .composition(_, l), let .applied(_, _, l), let .leibnizSum(_, l): l
        case let .gradient(h): h.location
        case let .unreadable(d): d.location ?? SourceLocation(line: 1, column: 1)
        }
    }

    /// The scalar expression, when this is one.
    var scalar: ExpressionSyntax? {
        if case let .expression(e) = self { return e }
        return nil
    }

    /// A factor or term of an expression: `\sigma'(u)` there is the value of σ′ at u, the call
    /// `sigma′(u)` (see ``Resolver``); anything else is itself.
    var asOperand: MathSyntax {
        guard case let .gradient(h) = self, h.primed, h.target.count == 1, let argument = h.argument, argument.count == 1 else { return self }
        return .expression(.call(h.target[0].name + "′", argument, h.location))
    }
}

/// What a gradient notation names.
struct GradientHead {
    /// The composition, outermost first: `\nabla(g \circ f)` → [g, f].
    var target: [LocatedName]
    /// `\text{colonne}_2` or "column 2": only that column is claimed (1-based).
    var column: Int?
    /// `\nabla g(f(x))` or `\nabla g(f)`: where the gradient is evaluated, when written.
    var argument: [ExpressionSyntax]?
    /// `\frac{\partial L}{\partial w_1}`: the column of this variable.
    var variable: String?
    /// 1 for a Jacobian, 2 for `\nabla^{2}` (a Hessian; 0 when unreadable).
    var order = 1
    /// `\det \nabla \Phi`, `\det J_\Phi(r, \theta)`: the claim is the determinant of the Jacobian.
    var determinant = false
    /// `\frac{d}{dx}\left[x^2 e^{3x}\right]`: the derivative of an expression written in place, a
    /// function of its variable, named by `target` (`d/dx[…]`).
    var expression: (body: ExpressionSyntax, variable: String)?
    /// `\sigma'(u)`: written with a prime (inside an expression, the derivative's value there).
    var primed = false
    /// `\frac{\partial(x, y)}{\partial(r, \theta)}`: the Jacobian of several functions (or
    /// quantities) stacked, with respect to the variables named; `target` is the first of them.
    var several: (functions: [LocatedName], variables: [String])?
    /// `\left.\frac{\partial w}{\partial u}\right|_{(u,v)=(2,1)}`: the claim is the value at this
    /// point; `names` when the subscript names the variables (else they are the target's, in order).
    var point: (names: [String]?, values: [ExpressionSyntax])?
    /// `\nabla_{w} F`, `\nabla_\theta L`: what the subscript names (a symbol, or the stem of
    /// several: `w` for w_1, w_2).
    var withRespectTo: [String]?
    let location: SourceLocation
}
