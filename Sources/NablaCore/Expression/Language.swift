/// The languages Nabla writes in: worked solutions, check reports and messages.
public enum Language: String, Sendable, CaseIterable {
    case en, fr
}
