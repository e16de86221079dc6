/// A function as the file defines it: `f(x1, x2) = (…, …)`, or with a vector parameter,
/// `model(x[4]) = softmax(W[3,4]·x + b[3])`.
package struct FunctionDefinition {
    package let name: LocatedName
    /// The parameters as scalars: a vector parameter `x[4]` is x_1 … x_4, a matrix one
    /// `A[2,2]` is A_1_1, A_1_2, A_2_1, A_2_2.
    package let parameters: [LocatedName]
    /// The parameters as written, each with its shape.
    package let shapedParameters: [LocatedName]
    package let body: ExpressionSyntax

    package init(name: LocatedName, parameters: [LocatedName], body: ExpressionSyntax) {
        self.name = name
        self.shapedParameters = parameters
        self.parameters = parameters.flatMap { p in Shape.entryNames(p.name, p.shape).map { LocatedName(name: $0, location: p.location) } }
        self.body = body
    }
}
