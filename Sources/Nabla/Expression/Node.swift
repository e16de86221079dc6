/// The identity of an expression inside one ``ExpressionStore``.
///
/// Structurally equal expressions built in the same store have the same `ExprID`, so equality
/// of expressions is a comparison of two integers. Children always have smaller ids than their
/// parents, which gives a topological order for free.
public struct ExprID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int32
    init(_ index: Int) { self.index = Int32(index) }
    public static func < (a: ExprID, b: ExprID) -> Bool { a.index < b.index }
    public var description: String { "#\(index)" }
}

/// The named mathematical constants of the language.
public enum MathConstant: String, Hashable, Sendable, CaseIterable {
    case e, pi
}

/// The scalar elementary functions, each of one argument.
///
/// `sqrt` is not here: it is the power `x^(1/2)`.
public enum ElementaryFunction: String, Hashable, Sendable, CaseIterable {
    case exp, log, sin, cos, tan, tanh, sigmoid
}

/// One node of the expression graph; its children are ids of earlier nodes.
///
/// Nodes are only created through the canonical constructors of ``ExpressionStore``, which
/// guarantee the invariants noted on each case.
public enum Node: Hashable, Sendable {
    /// An exact number.
    case number(Rational)
    /// A free symbol: a variable or a constant parameter such as `w11`.
    case symbol(String)
    case constant(MathConstant)
    /// Two or more terms, sorted by id, at most one number (and never zero), like terms collected.
    case sum([ExprID])
    /// Two or more factors, sorted by id, at most one number (never 0 or 1), powers of the same base collected.
    case product([ExprID])
    /// `base ^ exponent`; the exponent is neither 0 nor 1.
    case power(ExprID, ExprID)
    case apply(ElementaryFunction, ExprID)
    /// The value of an undefined operation such as `1/0` or `log(0)`; it absorbs everything.
    case undefined
}
