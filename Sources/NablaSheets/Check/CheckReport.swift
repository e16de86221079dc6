import NablaDocument
import NablaCore

/// What `nabla check` found in a sheet: every claim with its verdict, and the problems that
/// kept parts of the sheet from being read.
public struct CheckReport: Sendable {
    public enum Verdict: String, Sendable { case correct, wrong, unchecked }

    /// One entry of a claimed matrix, with its own verdict (a page colours each).
    public struct Entry: Sendable {
        /// 1-based position in the full Jacobian.
        public let row: Int
        public let column: Int
        public let verdict: Verdict
        public let claimed: String
        public let expected: String
        /// The likely mistake, when one explains the difference.
        public let finding: Finding?
        /// The finding in English.
        public var diagnosis: String? { finding?.text(in: .en) }
        /// A point where the claimed and expected values differ, with both values there.
        public let counterexample: [String: Double]?
    }

    /// A claim about part of a Jacobian: one column (by number or by variable), one link of a chain.
    public struct Part: Sendable, Equatable {
        public var column: Int?
        public var variable: String?
        public var link: Int?
        public var links: Int?
        /// The claim is about the composition's value, not its Jacobian.
        public var value: Bool = false
        /// The claim is the determinant of the Jacobian.
        public var determinant: Bool = false
        /// The claim is the derivative of an expression written in place (`\frac{d}{dx}[…]`): the
        /// target names itself, without a ∇.
        public var inPlace: Bool = false
        /// The claim is about an intermediate variable (`z = x^2 \sin y`): written ∂z/∂s, not ∇z.
        public var quantity: Bool = false
        /// The point a value is claimed at: "(u, v) = (2, 1)".
        public var point: String?

        public func text(in language: Language) -> String {
            let fr = language == .fr
            var parts: [String] = []
            if value { parts.append(fr ? "valeur" : "value") }
            if determinant { parts.append(fr ? "déterminant" : "determinant") }
            if quantity {} else if let variable { parts.append("∂/∂\(variable)") } else if let column { parts.append(fr ? "colonne \(column)" : "column \(column)") }
            if let point { parts.append(fr ? "en \(point)" : "at \(point)") }
            if let link, let links { parts.append(fr ? "maillon \(link) sur \(links)" : "link \(link) of \(links)") }
            return parts.joined(separator: ", ")
        }
    }

    /// One claimed matrix (or one link of a chain `A = B = C`).
    public struct Claim: Sendable {
        public let location: SourceLocation
        public let target: String
        /// Which part of the Jacobian is claimed, or nil for the whole of it.
        public let part: Part?
        public let verdict: Verdict
        /// Why the claim is wrong as a whole, or why it could not be checked.
        public let finding: Finding?
        /// Every entry compared, in order, each with its verdict (none when the claim as a whole
        /// could not be compared: a shape, an unreadable value).
        public let entries: [Entry]
        /// The entries judged wrong: what the text report shows.
        public var wrongEntries: [Entry] { entries.filter { $0.verdict == .wrong } }
        /// The finding in English.
        public var message: String? { finding?.text(in: .en) }

        public init(location: SourceLocation, target: String, part: Part?, verdict: Verdict, finding: Finding?, entries: [Entry]) {
            self.location = location; self.target = target; self.part = part; self.verdict = verdict; self.finding = finding; self.entries = entries
        }

        /// A claim that could not be checked, and why.
        static func unchecked(_ finding: Finding, at location: SourceLocation, target: String, part: Part? = nil) -> Claim {
            Claim(location: location, target: target, part: part, verdict: .unchecked, finding: finding, entries: [])
        }

        /// The same claim judged anew: another verdict and finding, its entries kept unless given.
        func judged(_ verdict: Verdict, _ finding: Finding?, entries: [Entry]? = nil) -> Claim {
            Claim(location: location, target: target, part: part, verdict: verdict, finding: finding, entries: entries ?? self.entries)
        }
    }

    public var claims: [Claim] = []
    public var errors: [Diagnostic] = []
    /// Things worth knowing that did not stop the check: an ambiguous `e`.
    public var warnings: [Diagnostic] = []

    public var correctCount: Int { claims.filter { $0.verdict == .correct }.count }
    public var wrongCount: Int { claims.filter { $0.verdict == .wrong }.count }
    public var uncheckedCount: Int { claims.filter { $0.verdict == .unchecked }.count }

    /// 0 when every claim is correct, 1 otherwise (DESIGN.md's exit codes).
    public var exitStatus: Int32 { claims.allSatisfy { $0.verdict == .correct } && !claims.isEmpty ? 0 : 1 }
}
