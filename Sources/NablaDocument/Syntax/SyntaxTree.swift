import NablaCore

/// An expression as written, before names are resolved; every node knows where it starts.
package indirect enum ExpressionSyntax {
    case number(Rational, SourceLocation)
    case name(String, SourceLocation)
    case call(String, [ExpressionSyntax], SourceLocation)
    case negate(ExpressionSyntax, SourceLocation)
    case sum([ExpressionSyntax], SourceLocation)
    case product([ExpressionSyntax], SourceLocation)
    case divide(ExpressionSyntax, ExpressionSyntax, SourceLocation)
    case power(ExpressionSyntax, ExpressionSyntax, SourceLocation)
    case tuple([ExpressionSyntax], SourceLocation)
    /// `a·b`, written with a dot: a product, and for a free name beside a vector, the sign that
    /// the name is a vector too (`-y·log(p)` makes y a vector of p's length).
    case dot(ExpressionSyntax, ExpressionSyntax, SourceLocation)
    /// `W[3,4]` or `x[2]`, the name followed at once by whole numbers in brackets: the
    /// declaration of a constant's shape where the file first writes it (see
    /// ``ShapeDeclaration``), an entry everywhere else.
    case subscripted(String, [Int], SourceLocation)

    package var location: SourceLocation {
        switch self {
        case let .number(_, l), let .name(_, l), let .call(_, _, l), let .negate(_, l), let .sum(_, l),
             let .product(_, l), let .divide(_, _, l), let .power(_, _, l), let .tuple(_, l), let .dot(_, _, l),
             let .subscripted(_, _, l): l
        }
    }
}

/// A name with the place it is written, and for a parameter, its shape: `x[4]` is a vector of 4.
package struct LocatedName {
    package let name: String
    package let location: SourceLocation
    /// Empty for a scalar; `[4]` for a vector, `[3, 4]` for a matrix.
    package var shape: [Int] = []

    package init(name: String, location: SourceLocation, shape: [Int] = []) { self.name = name; self.location = location; self.shape = shape }
}

/// One statement of a `.nabla` file.
enum Statement {
    /// `NAME(PARAMS) = EXPR` or `NAME(PARAMS) = (EXPR, …)`.
    case function(name: LocatedName, parameters: [LocatedName], body: ExpressionSyntax)
    /// `NAME = a∘b∘c`.
    case composition(name: LocatedName, chain: [LocatedName])
    /// `NAME = EXPR` with symbols in it: an intermediate variable (`x = s t^2`), see ``Quantity``.
    case quantity(name: LocatedName, body: ExpressionSyntax)
    /// `let NAME = EXPR, NAME = EXPR`.
    case bindings([(LocatedName, ExpressionSyntax)])
    /// `jacobian TARGET`, `gradient TARGET`, `hessian TARGET`, each optionally followed by
    /// `wrt NAME, NAME…`: the symbols to differentiate with respect to.
    case command(CommandKind, chain: [LocatedName], wrt: [LocatedName]?, location: SourceLocation)
    /// `train loss∘model wrt W, b`: what `nabla train` fits to data (see ``TrainingTarget``).
    case train(chain: [LocatedName], wrt: [LocatedName]?, location: SourceLocation)
}

/// What a command asks for.
public enum CommandKind: String, Sendable {
    case jacobian, gradient, hessian

    /// The command a word names: `derivative`, the textbook's word for an intermediate
    /// variable's partial derivatives (`derivative z wrt s, t`), is the gradient.
    init?(word: String) {
        if word == "derivative" { self = .gradient } else { self.init(rawValue: word) }
    }
}

extension ExpressionSyntax {
    /// The names written in the expression that are not called, in order of first appearance.
    package var names: [String] {
        var out: [String] = []
        var stack = [self]
        while let e = stack.popLast() {
            switch e {
            case .number: break
            case let .name(n, _), let .subscripted(n, _, _): if !out.contains(n) { out.append(n) }
            case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _): stack += items.reversed()
            case let .negate(a, _): stack.append(a)
            case let .divide(a, b, _), let .power(a, b, _), let .dot(a, b, _): stack += [b, a]
            }
        }
        return out
    }
}
