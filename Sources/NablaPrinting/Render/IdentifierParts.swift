/// An identifier of the input read as a mathematician writes it: a stem, an accent, an
/// index written as a subscript. `x1` → (x, –, 1), `w_1_2` → (w, –, 1,2), `y_hat` → (y, hat, –), `y_hat_1` →
/// (y, hat, 1), `loss` → (loss, –, –). The LaTeX and MathML writers spell the parts.
///
/// ```swift
/// IdentifierParts("w_1_2").index   // "1,2", written as a subscript
/// ```
package struct IdentifierParts {
    /// The accents a name may carry after its letter: `y_hat` is ŷ.
    /// The sheet reader reads `\hat{y}` as `y_hat` with the same list.
    package static let accents: Set<String> = ["hat", "bar", "tilde", "dot"]

    let stem: String
    let accent: String?
    let index: String?

    init(_ name: String) {
        let parts = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
        if parts.count >= 2, Self.accents.contains(parts[1]) {
            (stem, accent) = (parts[0], parts[1])
            index = parts.count > 2 ? parts.dropFirst(2).joined(separator: ",") : nil
            return
        }
        accent = nil
        if parts.count > 1 {
            (stem, index) = (parts[0], parts.dropFirst().joined(separator: ","))
            return
        }
        // Trailing digits become a index.
        let letters = name.prefix { !$0.isNumber }
        let digits = name.dropFirst(letters.count)
        if !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) {
            (stem, index) = (String(letters), String(digits))
        } else {
            (stem, index) = (name, nil)
        }
    }
}
