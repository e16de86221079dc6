/// What `nabla check` found in a sheet: every claim with its verdict, and the problems that
/// kept parts of the sheet from being read.
public struct CheckReport: Sendable {
    public enum Verdict: String, Sendable { case correct, wrong, unchecked }

    /// One entry of a claimed matrix that is wrong.
    public struct Entry: Sendable {
        /// 1-based position in the full Jacobian.
        public let row: Int
        public let column: Int
        public let verdict: Verdict
        public let claimed: String
        public let expected: String
        public let diagnosis: String?
        /// A point where the claimed and expected values differ, with both values there.
        public let counterexample: [String: Double]?
    }

    /// One claimed matrix (or one link of a chain `A = B = C`).
    public struct Claim: Sendable {
        public let location: SourceLocation
        public let target: String
        /// "column 2", "link 2 of 3", or nil for the whole Jacobian.
        public let part: String?
        public let verdict: Verdict
        /// Why the claim is wrong as a whole, or why it could not be checked.
        public let message: String?
        public let entries: [Entry]
    }

    public var claims: [Claim] = []
    public var errors: [Diagnostic] = []

    public var correctCount: Int { claims.filter { $0.verdict == .correct }.count }
    public var wrongCount: Int { claims.filter { $0.verdict == .wrong }.count }
    public var uncheckedCount: Int { claims.filter { $0.verdict == .unchecked }.count }

    /// 0 when every claim is correct, 1 otherwise (DESIGN.md's exit codes).
    public var exitStatus: Int32 { claims.allSatisfy { $0.verdict == .correct } && !claims.isEmpty ? 0 : 1 }
}
