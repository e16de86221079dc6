import Foundation

/// Times a piece of work the way a benchmark should on a noisy machine: runs it enough times
/// to last `budget` seconds, in `rounds` rounds, and keeps the best round.
///
/// ```swift
/// let seconds = Stopwatch(budget: 0.2).secondsPerCall { tape.values(at: x, into: &out) }
/// ```
struct Stopwatch {
    var budget = 0.3
    var rounds = 5

    func secondsPerCall(_ work: () -> Void) -> Double {
        // Calibrate: how many calls fill a round.
        var calls = 1
        while true {
            let t = seconds(calls, work)
            if t >= budget / Double(rounds) / 4 || calls >= 1 << 30 { break }
            calls *= 4
        }
        let perRound = max(1, Int(Double(calls) * (budget / Double(rounds)) / max(seconds(calls, work), 1e-9)))
        var best = Double.infinity
        for _ in 0..<rounds { best = min(best, seconds(perRound, work) / Double(perRound)) }
        return best
    }

    private func seconds(_ calls: Int, _ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { work() }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
