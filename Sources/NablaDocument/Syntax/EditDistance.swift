/// The Levenshtein distance between two words: how many characters must be inserted, deleted
/// or replaced to turn one into the other. Used to suggest the name a user meant.
///
/// ```swift
/// editDistance("solv", "solve")   // 1
/// ```
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var row = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[b.count]
}

/// The candidate closest to `word`, when it is close enough to be what was meant (at most one
/// edit in three characters); nil otherwise.
///
/// ```swift
/// closestName(to: "sinn", in: ["sin", "cos"])   // "sin"
/// ```
public func closestName(to word: String, in candidates: some Sequence<String>) -> String? {
    // At equal distance, the candidate that shares the longest beginning: `sin` for `sinn`, not `sign`.
    func shared(_ c: String) -> Int { zip(word.lowercased(), c.lowercased()).prefix { $0 == $1 }.count }
    let best = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        .min { $0.1 != $1.1 ? $0.1 < $1.1 : shared($0.0) != shared($1.0) ? shared($0.0) > shared($1.0) : $0.0 < $1.0 }
    guard let (name, distance) = best, distance <= max(1, name.count / 3) else { return nil }
    return name
}
