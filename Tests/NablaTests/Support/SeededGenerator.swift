import Nabla

/// The repeatable generator of the property tests: print the seed of a failure to replay it.
typealias SeededGenerator = SplitMix
