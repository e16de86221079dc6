import NablaCore

extension Budget {
    /// The error to report: "stopped after 5 s while differentiating F".
    public func diagnostic(at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.timeLimit, wasCancelled ? DocumentPhrase.cancelled(activity) : DocumentPhrase.timeLimit(seconds: seconds, activity), at: location)
    }
}

extension ExpressionStore {
    /// Throws the budget's message once it has run out (between steps of long work).
    public func checkBudget(at location: SourceLocation?) throws(Diagnostic) {
        if let budget, budget.isExhausted { throw budget.diagnostic(at: location) }
    }
}
