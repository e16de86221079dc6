import NablaDocument
import NablaCore

/// What the print-size guard says (see ``Guard``), in English or French.
///
/// ```swift
/// PrintPhrase.tooManyDistinct(command: "gradient", target: "F", nodes: 6_000_000, limit: 5_000_000).text(in: .en)
/// ```
public enum PrintPhrase: Phrasing, Sendable, Equatable {
    /// Too many distinct sub-expressions even with shared parts named.
    case tooManyDistinct(command: String, target: String, nodes: Int, limit: Int)
    /// Written out as a tree, the result would have `terms` terms (nil: more than 10^18).
    case tooLongToPrint(command: String, target: String, terms: Int?, limit: Int, distinct: Int)

    public func text(in language: Language) -> String {
        let fr = language == .fr
        switch self {
        case let .tooManyDistinct(command, target, nodes, limit):
            return fr ? "le résultat de \(command) \(target) a \(nodes) sous-expressions distinctes (la limite est \(limit)) : utiliser --format stats"
                : "the result of \(command) \(target) has \(nodes) distinct sub-expressions (the limit is \(limit)): use --format stats"
        case let .tooLongToPrint(command, target, terms, limit, distinct):
            let count = terms.map(String.init) ?? (fr ? "plus de 10^18" : "more than 10^18")
            if fr {
                return "le résultat de \(command) \(target) s'écrirait avec \(count) termes (la limite est \(limit)) ; il a \(distinct) "
                    + "sous-expressions distinctes : utiliser --format stats, ou découper la composée"
            }
            return "the result of \(command) \(target) would print as \(count) terms (the limit is \(limit)); it has \(distinct) "
                + "distinct sub-expressions: use --format stats, or split the composition"
        }
    }
}
