import Testing

/// Runs a seeded property `body` for every seed, counting the comparisons it makes. Random points
/// outside an expression's domain are skipped, but a property loop that compares nothing proves
/// nothing: the test fails when fewer than `minimum` comparisons ran over all seeds.
///
/// ```swift
/// forEachSeed(0..<40, atLeast: 100) { seed, compared in … compared += 1; #expect(…, "seed \(seed)") }
/// ```
func forEachSeed(_ seeds: Range<UInt64>, atLeast minimum: Int, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: (UInt64, inout Int) -> Void) {
    var compared = 0
    for seed in seeds { body(seed, &compared) }
    #expect(compared >= minimum, "only \(compared) comparisons ran over seeds \(seeds), at least \(minimum) expected", sourceLocation: sourceLocation)
}
