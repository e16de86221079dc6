/// An identifier in MathML: `x1` → x with subscript 1, `w_1_2` → w with subscript 1,2,
/// `sigma` → σ, `loss` → loss upright.
package func mathmlIdentifier(_ name: String) -> String {
    func stem(_ s: String) -> String {
        if let g = GreekLetters.letter(named: s) { return "<mi>\(g)</mi>" }
        return s.count == 1 ? "<mi>\(escapedXML(s))</mi>" : "<mi mathvariant=\"normal\">\(escapedXML(s))</mi>"
    }
    let parts = name.split(separator: "_", omittingEmptySubsequences: true).map(String.init)
    if parts.count > 1 { return "<msub>\(stem(parts[0]))<mn>\(escapedXML(parts.dropFirst().joined(separator: ",")))</mn></msub>" }
    let letters = name.prefix { !$0.isNumber }
    let digits = name.dropFirst(letters.count)
    if !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) {
        return "<msub>\(stem(String(letters)))<mn>\(digits)</mn></msub>"
    }
    return stem(name)
}

package func escapedXML(_ s: String) -> String {
    s.replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
}

extension String {
    /// Each character found in `map` replaced by its value.
    package func replacingAll(_ map: [Character: String]) -> String {
        var out = ""
        for c in self { out += map[c] ?? String(c) }
        return out
    }
}
