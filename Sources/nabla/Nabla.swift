import ArgumentParser
import Foundation
import Nabla

@main
struct NablaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nabla",
        abstract: "Exact Jacobians and gradients of composed functions, the way a course writes them.",
        discussion: """
        Examples:
          nabla solve Examples/chain-rule.nabla
          nabla solve Examples/logistic-regression.nabla --steps
          nabla check Examples/worked-solution.md
          nabla jacobian 'x*y' 'sin(x)' --wrt x,y
          nabla train Examples/iris.nabla --data Examples/iris.csv --label species --split 0.25

        Exit status: 0 on success; 1 when nabla check finds a wrong or unchecked claim; 2 when the command line or the input cannot be used.
        """,
        version: "nabla 0.3.0",
        subcommands: [Solve.self, Check.self, Eval.self, Codegen.self, JacobianCommand.self, Train.self, Predict.self]
    )

    /// Parses the command line and runs it, with the exit codes the README documents: usage
    /// errors exit 2 like input errors (ArgumentParser's own would be 64).
    static func main() {
        let arguments = CommandLine.Arguments.prepared(Array(CommandLine.arguments.dropFirst()))
        if let problem = CommandLine.Arguments.unknownSubcommand(arguments, known: configuration.subcommands.map { $0._commandName }) {
            FileHandle.standardError.write(Data((problem + "\n").utf8))
            Foundation.exit(ExitStatus.unusableInput)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }   // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            let code = exitCode(for: error).rawValue
            Foundation.exit(code == ExitCode.validationFailure.rawValue ? ExitStatus.unusableInput : code)
        }
    }
}

/// Exit codes of DESIGN.md: 2 when the command line or the input cannot be used.
enum ExitStatus {
    /// A check that found something wrong (a claim, or routes of `eval --check` that disagree).
    static let checkFailed: Int32 = 1
    static let unusableInput: Int32 = 2
}
