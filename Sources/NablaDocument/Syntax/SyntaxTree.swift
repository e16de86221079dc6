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

    package var location: SourceLocation {
        switch self {
        case let .number(_, l), let .name(_, l), let .call(_, _, l), let .negate(_, l), let .sum(_, l),
             let .product(_, l), let .divide(_, _, l), let .power(_, _, l), let .tuple(_, l): l
        }
    }
}

/// A name with the place it is written.
package struct LocatedName {
    package let name: String
    package let location: SourceLocation

    package init(name: String, location: SourceLocation) { self.name = name; self.location = location }
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
            case let .name(n, _): if !out.contains(n) { out.append(n) }
            case let .call(_, items, _), let .sum(items, _), let .product(items, _), let .tuple(items, _): stack += items.reversed()
            case let .negate(a, _): stack.append(a)
            case let .divide(a, b, _), let .power(a, b, _): stack += [b, a]
            }
        }
        return out
    }
}
