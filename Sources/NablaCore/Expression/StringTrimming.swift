/// Small helpers on text that every layer uses.
extension String {
    package var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
    package var replacingSpaces: String { split(separator: " ").joined(separator: "_") }

    /// Each character found in `map` replaced by its value.
    package func replacingAll(_ map: [Character: String]) -> String {
        var out = ""
        for c in self { out += map[c] ?? String(c) }
        return out
    }
}

/// Text safe inside XML (MathML, HTML, SVG): `&`, `<`, `>` and `"` as entities.
package func escapedXML(_ s: String) -> String {
    s.replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
}