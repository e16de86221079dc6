import Foundation

/// One timing: a problem, a size, single point or batch, and the seconds per point.
struct Measurement {
    var problem: String         // jacobian, gradient or value
    var method: String          // how Nabla computes it: symbolic (compiled), reverse, tape
    var n: Int
    var mode: String            // single or batch
    var secondsPerPoint: Double
    var instructions: Int
    var registers: Int
    /// Seconds to read the problem, differentiate it and compile the tape, once.
    var setupSeconds: Double
    /// The sum of the outputs at point 0, to compare with the peers.
    var check: Double

    var jsonLine: String {
        func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
        return "{\"peer\": \"nabla\", \"problem\": \"\(problem)\", \"method\": \"\(method)\", \"n\": \(n), \"mode\": \"\(mode)\", "
            + "\"seconds_per_point\": \(number(secondsPerPoint)), \"instructions\": \(instructions), \"registers\": \(registers), "
            + "\"setup_seconds\": \(number(setupSeconds)), \"check\": \(number(check))}"
    }

    static let tableHeader = "problem   method     n     mode    µs/point   instructions  registers  setup (s)  check"
    var tableRow: String {
        func pad(_ s: String, _ w: Int) -> String { s.padding(toLength: max(w, s.count), withPad: " ", startingAt: 0) }
        return pad(problem, 10) + pad(method, 11) + pad("\(n)", 6) + pad(mode, 8)
            + pad(String(format: "%.4g", secondsPerPoint * 1e6), 11) + pad("\(instructions)", 14) + pad("\(registers)", 11)
            + pad(String(format: "%.3f", setupSeconds), 11) + String(format: "%.12g", check)
    }
}
