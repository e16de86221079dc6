import NablaCore

/// An intermediate variable as a textbook writes it: `x = s t^2` defines the quantity x. The
/// quantities of a file form a dependency graph; the symbols no line defines are its
/// independent variables.
package struct Quantity {
    package let name: LocatedName
    package let body: ExpressionSyntax

    package init(name: LocatedName, body: ExpressionSyntax) { self.name = name; self.body = body }
}

/// The quantities behind one target, each defined in the quantities and variables it uses
/// directly: for `z = x^2 sin(y)`, `x = s t^2`, `y = s + t`, z is x²·sin(y) in (x, y), x is
/// s·t² in (s, t), y is s + t in (s, t), and the variables are s and t.
///
/// ```swift
/// let graph = result.quantities!            // `derivative z wrt s, t`
/// graph.uses(graph.target)                  // [x, y]
/// graph.value(of: graph.target)             // x^2·sin(y)
/// ```
public struct QuantityGraph {
    /// The quantity differentiated.
    public let target: ExprID
    /// Every quantity the target depends on, the target first, then in the order the working
    /// meets them (outside in), each with its value in what it uses directly.
    public let definitions: [(symbol: ExprID, value: ExprID)]
    /// What each quantity uses directly, in the order it is written.
    private let dependencies: [ExprID: [ExprID]]
    /// The independent variables, in the order they are first met.
    public let variables: [ExprID]
    /// The working of the target's derivatives (set once they are known).
    public package(set) var working: QuantityWorking?

    /// The quantities, each after every quantity it uses.
    package let innerFirst: [ExprID]
    /// The variables each quantity depends on, directly or through others.
    private let reach: [ExprID: Set<ExprID>]
    private let values: [ExprID: ExprID]

    package init(target: ExprID, definitions: [(symbol: ExprID, value: ExprID)], dependencies: [ExprID: [ExprID]], variables: [ExprID]) {
        self.target = target; self.definitions = definitions; self.dependencies = dependencies; self.variables = variables
        // Depth first without recursion (a file may chain thousands of quantities).
        var order: [ExprID] = []
        var reach: [ExprID: Set<ExprID>] = [:]
        var stack: [(ExprID, expanded: Bool)] = [(target, false)]
        while let (q, expanded) = stack.popLast() {
            guard let uses = dependencies[q] else { continue }
            if expanded {
                guard reach[q] == nil else { continue }
                var set = Set<ExprID>()
                for d in uses { if let r = reach[d] { set.formUnion(r) } else if dependencies[d] == nil { set.insert(d) } }
                reach[q] = set
                order.append(q)
            } else if reach[q] == nil {
                stack.append((q, true))
                for d in uses.reversed() where reach[d] == nil { stack.append((d, false)) }
            }
        }
        innerFirst = order
        values = Dictionary(definitions.map { ($0.symbol, $0.value) }, uniquingKeysWith: { a, _ in a })
        self.reach = reach
    }

    /// Whether `symbol` is one of the quantities (and not an independent variable).
    public func isQuantity(_ symbol: ExprID) -> Bool { dependencies[symbol] != nil }

    /// The value of the quantity `symbol` in what it uses directly; nil for a variable.
    public func value(of symbol: ExprID) -> ExprID? { values[symbol] }

    /// What the quantity `symbol` uses directly, in the order it is written; empty for a variable.
    public func uses(_ symbol: ExprID) -> [ExprID] { dependencies[symbol] ?? [] }

    /// Whether the quantity `symbol` depends on one variable only (its derivative is written du/dt).
    public func dependsOnOneVariable(_ symbol: ExprID) -> Bool { reach[symbol]?.count == 1 }

    /// Whether `symbol` depends on `variable`, directly or through other quantities.
    public func depends(_ symbol: ExprID, on variable: ExprID) -> Bool {
        symbol == variable || reach[symbol]?.contains(variable) == true
    }
}
