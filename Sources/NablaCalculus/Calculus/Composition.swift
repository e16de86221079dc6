import NablaCore

/// One function of a composition: its parameters (symbols) and its components in them.
///
/// ```swift
/// // f(x1, x2) = (x1 x2, x1 + x2)
/// let f = FunctionLink(name: "f", parameters: [x1, x2], components: [s.product([x1, x2]), s.sum([x1, x2])])
/// ```
public struct FunctionLink {
    public package(set) var name: String
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
    /// The composition `links[0] ∘ links[1] ∘ … ∘ links[k-1]` evaluated symbolically, and its
    /// Jacobian by the chain rule: ∇(g∘f)(x) = ∇g(f(x)) · ∇f(x), folded from the outside in,
    /// so `loss∘softmax∘f` is computed as ∇(loss∘softmax)(f(x)) · ∇f(x).
    ///
    /// `simplify` is applied to each intermediate Jacobian before it is evaluated at the inner
    /// function, the way a course simplifies ∇(loss∘softmax) before going on.
    ///
    /// `variables`, when given, replaces the innermost function's parameters as the variables:
    /// its symbols must occur in no link but the innermost (as `wrt w11, w12` asks).
    ///
    /// A chain longer than ``longestChainWrittenOut`` is multiplied from the inside out instead
    /// (∇f₁(f₂(…)) · (∇f₂(…) · (… · ∇fₙ(x)))), which is linear in its length: folding from the
    /// outside in rebuilds the whole product at every step. Its result has no steps to show.
    public func chainRule(_ links: [FunctionLink], variables: [ExprID]? = nil,
                          simplify: (ExpressionMatrix) -> ExpressionMatrix) -> ChainRuleResult {
        precondition(!links.isEmpty)
        let innermostVariables = variables ?? links.last!.parameters
        if links.count > ExpressionStore.longestChainWrittenOut {
            return chainRuleFromTheInside(links, innermostVariables, simplify: simplify)
        }
        var jacobianSoFar = simplify(jacobian(links[0].components, links.count == 1 ? innermostVariables : links[0].parameters))
        let outermost = jacobianSoFar
        var composed = links[0].components
        var steps: [ChainRuleStep] = []
        for k in 1..<links.count {
            if isOverBudget { break }   // the caller reports it
            let inner = links[k]
            // One substitution for both, so that what they share is rebuilt once.
            let substituted = substitute(jacobianSoFar.entries + composed, replacing: links[k - 1].parameters, with: inner.components)
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

    /// The components of the composition of `links`, outermost first, in the innermost link's
    /// parameters: each link substituted into the one outside it.
    ///
    /// ```swift
    /// store.composition(of: links[1...])   // the model inside a loss∘model
    /// ```
    public func composition(of links: ArraySlice<FunctionLink>) -> [ExprID] {
        guard var components = links.last?.components else { return [] }
        for k in stride(from: links.endIndex - 2, through: links.startIndex, by: -1) {
            components = substitute(links[k].components, replacing: links[k].parameters, with: components)
        }
        return components
    }

    /// The longest chain whose chain rule is folded from the outside in, as a course writes it.
    public static let longestChainWrittenOut = 12

    /// The chain rule of a long chain, from the inside out: the inner values are built once, each
    /// factor's Jacobian is evaluated at its argument, and the product accumulates from the right.
    /// Runs of 1×1 factors are multiplied as one product at the end, not one factor at a time.
    private func chainRuleFromTheInside(_ links: [FunctionLink], _ variables: [ExprID],
                                        simplify: (ExpressionMatrix) -> ExpressionMatrix) -> ChainRuleResult {
        let last = links.count - 1
        // arguments[k]: what link k is applied to (the composition of the links inside it).
        var arguments = Array(repeating: [ExprID](), count: links.count)
        var value = links[last].components
        for k in stride(from: last - 1, through: 0, by: -1) {
            if isOverBudget { break }   // the caller reports it
            arguments[k] = value
            value = substitute(links[k].components, replacing: links[k].parameters, with: value)
        }
        var product = simplify(jacobian(links[last].components, variables))
        var pendingScalars: [ExprID] = []
        func flush() {
            guard !pendingScalars.isEmpty else { return }
            product = ExpressionMatrix(rows: 1, columns: product.columns, entries: product.entries.map { self.product(pendingScalars + [$0]) })
            pendingScalars = []
        }
        var outermost = product
        for k in stride(from: last - 1, through: 0, by: -1) {
            if isOverBudget { break }
            let own = simplify(jacobian(links[k].components, links[k].parameters))
            if k == 0 { outermost = own }
            let at = substitute(own.entries, replacing: links[k].parameters, with: arguments[k])
            if own.rows == 1 && own.columns == 1 && product.rows == 1 {
                pendingScalars.append(at[0])
                continue
            }
            flush()
            product = multiply(ExpressionMatrix(rows: own.rows, columns: own.columns, entries: at), product)
        }
        flush()
        return ChainRuleResult(jacobian: simplify(product), components: value, outermostJacobian: outermost, steps: [])
    }
}
