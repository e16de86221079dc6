/// One function of a composition: its parameters (symbols) and its components in them.
///
/// ```swift
/// // f(x1, x2) = (x1 x2, x1 + x2)
/// let f = FunctionLink(name: "f", parameters: [x1, x2], components: [s.product([x1, x2]), s.sum([x1, x2])])
/// ```
public struct FunctionLink {
    public internal(set) var name: String
    public let parameters: [ExprID]
    public let components: [ExprID]
    public let location: SourceLocation?

    public init(name: String, parameters: [ExprID], components: [ExprID], location: SourceLocation? = nil) {
        self.name = name; self.parameters = parameters; self.components = components; self.location = location
    }
}

/// The Jacobian of a composition by the chain rule, with the intermediate matrices a course shows.
public struct ChainRuleResult {
    /// The Jacobian of the whole composition, in the innermost function's parameters.
    public let jacobian: ExpressionMatrix
    /// The composed function's components, in the same variables.
    public let components: [ExprID]
    /// The Jacobian of the outermost function, in its own parameters (simplified).
    public let outermostJacobian: ExpressionMatrix
    /// One step per inner function, from the outside in.
    public let steps: [ChainRuleStep]
}

/// One application of the chain rule: ∇(outer∘inner)(x) = ∇outer(inner(x)) · ∇inner(x).
public struct ChainRuleStep {
    /// How many links the outer part has (1 for `g` in `g∘f`, 2 for `loss∘softmax` in `loss∘softmax∘f`).
    public let outerCount: Int
    /// ∇outer evaluated at inner(x).
    public let outerAtInner: ExpressionMatrix
    /// ∇inner(x), in the inner function's parameters.
    public let innerJacobian: ExpressionMatrix
    /// The product before simplification.
    public let product: ExpressionMatrix
    /// The product simplified: ∇(outer∘inner)(x).
    public let simplified: ExpressionMatrix
}

extension ExpressionStore {
    /// Checks that each link takes as many arguments as the next one gives values.
    public static func checkShapes(_ links: [FunctionLink]) throws(Diagnostic) {
        for (outer, inner) in zip(links, links.dropFirst()) where outer.parameters.count != inner.components.count {
            throw Diagnostic(.shapeMismatch,
                             "cannot compose \(outer.name) with \(inner.name): \(outer.name) takes \(outer.parameters.count) "
                             + "argument\(outer.parameters.count == 1 ? "" : "s") but \(inner.name) gives \(inner.components.count) "
                             + "value\(inner.components.count == 1 ? "" : "s")",
                             at: outer.location)
        }
    }

    /// The composition `links[0] ∘ links[1] ∘ … ∘ links[k-1]` evaluated symbolically, and its
    /// Jacobian by the chain rule: ∇(g∘f)(x) = ∇g(f(x)) · ∇f(x), folded from the outside in,
    /// so `loss∘softmax∘f` is computed as ∇(loss∘softmax)(f(x)) · ∇f(x).
    ///
    /// `simplify` is applied to each intermediate Jacobian before it is evaluated at the inner
    /// function, the way a course simplifies ∇(loss∘softmax) before going on.
    ///
    /// `variables`, when given, replaces the innermost function's parameters as the variables:
    /// its symbols must occur in no link but the innermost (as `wrt w11, w12` asks).
    public func chainRule(_ links: [FunctionLink], variables: [ExprID]? = nil,
                          simplify: (ExpressionMatrix) -> ExpressionMatrix) -> ChainRuleResult {
        precondition(!links.isEmpty)
        let innermostVariables = variables ?? links.last!.parameters
        var jacobianSoFar = simplify(jacobian(links[0].components, links.count == 1 ? innermostVariables : links[0].parameters))
        let outermost = jacobianSoFar
        var composed = links[0].components
        var steps: [ChainRuleStep] = []
        for k in 1..<links.count {
            let inner = links[k]
            let replacements = Dictionary(zip(links[k - 1].parameters, inner.components), uniquingKeysWith: { a, _ in a })
            // One substitution for both, so that what they share is rebuilt once.
            let substituted = substitute(jacobianSoFar.entries + composed, replacements)
            let outerAtInner = ExpressionMatrix(rows: jacobianSoFar.rows, columns: jacobianSoFar.columns,
                                                entries: Array(substituted[..<jacobianSoFar.entries.count]))
            composed = Array(substituted[jacobianSoFar.entries.count...])
            let innerJacobian = simplify(jacobian(inner.components, k == links.count - 1 ? innermostVariables : inner.parameters))
            let product = multiply(outerAtInner, innerJacobian)
            jacobianSoFar = simplify(product)
            steps.append(ChainRuleStep(outerCount: k, outerAtInner: outerAtInner, innerJacobian: innerJacobian,
                                       product: product, simplified: jacobianSoFar))
        }
        return ChainRuleResult(jacobian: jacobianSoFar, components: composed, outermostJacobian: outermost, steps: steps)
    }
}
