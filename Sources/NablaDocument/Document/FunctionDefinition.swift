/// A function as the file defines it: `f(x1, x2) = (…, …)`.
package struct FunctionDefinition {
    package let name: LocatedName
    package let parameters: [LocatedName]
    package let body: ExpressionSyntax

    package init(name: LocatedName, parameters: [LocatedName], body: ExpressionSyntax) { self.name = name; self.parameters = parameters; self.body = body }
}
