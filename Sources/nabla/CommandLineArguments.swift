import Foundation
import Nabla

extension CommandLine {
    /// What the command line is given, before ArgumentParser reads it.
    enum Arguments {
        /// The arguments with an expression that starts with a minus (`-log(x)`, `-x^2`) kept
        /// from being read as an option: its minus becomes the minus sign U+2212, which the
        /// expression syntax reads the same. `-o`, `-h` and `--…` stay options.
        static func prepared(_ arguments: [String]) -> [String] {
            guard let command = arguments.firstIndex(of: "jacobian") else { return arguments }
            var out = arguments
            var afterOutput = false
            for i in arguments.indices where i > command {
                let a = arguments[i]
                defer { afterOutput = a == "-o" }
                if afterOutput || !a.hasPrefix("-") || a.hasPrefix("--") || a == "-o" || a == "-h" || a == "-" { continue }
                out[i] = "\u{2212}" + a.dropFirst()
            }
            return out
        }

        /// A message for a first argument that is no subcommand (`nabla solv`, or a file given
        /// without one); nil when it is one, or an option.
        static func unknownSubcommand(_ arguments: [String], known: [String]) -> String? {
            guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !known.contains(first) else { return nil }
            if FileManager.default.fileExists(atPath: first) {
                return "nabla: '\(first)' is a file, not a command; did you mean: nabla solve \(first)"
            }
            if let name = closestName(to: first, in: known) {
                return "nabla: unknown command '\(first)'; did you mean '\(name)'?"
            }
            return "nabla: unknown command '\(first)'; the commands are \(known.joined(separator: ", ")) (see nabla --help)"
        }
    }
}
