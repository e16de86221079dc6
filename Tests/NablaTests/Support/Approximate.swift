/// Relative comparison for doubles: never `==` on floating point.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-8, absolute: Double = 1e-10) -> Bool {
    if a.isNaN || b.isNaN { return false }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}
