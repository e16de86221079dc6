import NablaDocument

extension TargetResult {
    /// How a course names the result: `∇(g∘f)(x1, x2, x3)`, `∇F(x1, x2)`, `∇²F(x1, x2)`.
    public var title: String {
        let operand = target.contains("∘") ? "(\(target))" : target
        let symbol = command == .hessian ? "∇²" : "∇"
        return "\(symbol)\(operand)(\(variables.joined(separator: ", ")))"
    }

    /// The same in LaTeX: `\nabla (g \circ f)(x_{1}, x_{2})`.
    public var latexTitle: String {
        let names = target.split(separator: "∘").map { latexIdentifier(String($0)) }
        let operand = names.count > 1 ? "(" + names.joined(separator: " \\circ ") + ")" : names[0]
        let symbol = command == .hessian ? "\\nabla^{2}" : "\\nabla"
        return "\(symbol) \(operand)(\(variables.map(latexIdentifier).joined(separator: ", ")))"
    }

    /// The title of one block of a gradient: `∂(loss∘model)/∂W`.
    public func title(of block: VariableBlock) -> String {
        let operand = target.contains("∘") ? "(\(target))" : target
        return "∂\(operand)/∂\(block.name)"
    }

    /// The same in LaTeX: `\frac{\partial (\mathrm{loss} \circ \mathrm{model})}{\partial W}`.
    public func latexTitle(of block: VariableBlock) -> String {
        let names = target.split(separator: "∘").map { latexIdentifier(String($0)) }
        let operand = names.count > 1 ? "(" + names.joined(separator: " \\circ ") + ")" : names[0]
        return "\\frac{\\partial \(operand)}{\\partial \(latexIdentifier(block.name))}"
    }
}
