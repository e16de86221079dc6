/// Compares strings with runs of digits compared as numbers: `x2` < `x10`.
public func naturalLess(_ a: String, _ b: String) -> Bool {
    var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
    var x = i.next(), y = j.next()
    while let p = x, let q = y {
        if p.properties.numericType != nil && q.properties.numericType != nil,
           p.value < 128, q.value < 128 {
            var n = "", m = ""
            while let c = x, c.value < 128, CharacterSet.decimalDigits(c) { n.unicodeScalars.append(c); x = i.next() }
            while let c = y, c.value < 128, CharacterSet.decimalDigits(c) { m.unicodeScalars.append(c); y = j.next() }
            if n.count != m.count { return n.count < m.count }
            if n != m { return n < m }
            continue
        }
        if p != q { return p.value < q.value }
        x = i.next(); y = j.next()
    }
    return x == nil && y != nil
}

private enum CharacterSet {
    static func decimalDigits(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
}
