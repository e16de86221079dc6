import NablaCore
import NablaCalculus

extension Budget {
    /// The error to report: "stopped after 5 s while differentiating F".
    public func diagnostic(at location: SourceLocation?) -> Diagnostic {
        let c = wasCancelled
        let seconds = self.seconds == self.seconds.rounded() ? String(Int(self.seconds)) : String(self.seconds)
        return Diagnostic(.timeLimit, c ? "cancelled while \(activity)" : "stopped after \(seconds) s while \(activity) (the time limit; see --timeout)",
                          at: location)
    }
}
