/// Small helpers on text that every layer uses.
extension String {
    package var trimmed: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
    package var replacingSpaces: String { split(separator: " ").joined(separator: "_") }
}