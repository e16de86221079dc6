/// A function as the file defines it: `f(x1, x2) = (…, …)`.
struct FunctionDefinition {
    let name: LocatedName
    let parameters: [LocatedName]
    let body: ExpressionSyntax
}
