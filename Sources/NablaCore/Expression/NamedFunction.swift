/// A standard function as a document defines it: `sigma(t) = 1/(1 + e^-t)` is the sigmoid,
/// named `sigma`, with parameter `t` and that body.
///
/// ```swift
/// store.namedFunctions[.sigmoid] = NamedFunction(name: "sigma", parameter: t, body: definition)
/// ```
public struct NamedFunction: Sendable, Equatable {
    public let name: String
    public let parameter: ExprID
    /// The definition as the document writes it (in canonical form).
    public let body: ExprID

    public init(name: String, parameter: ExprID, body: ExprID) {
        self.name = name; self.parameter = parameter; self.body = body
    }
}
