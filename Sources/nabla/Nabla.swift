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
          nabla solve Examples/logistic-regression.nabla --format latex -o solution.tex
          nabla jacobian 'x*y' 'sin(x)' --wrt x,y
        """,
        subcommands: [Solve.self, Check.self, Eval.self, Codegen.self, JacobianCommand.self]
    )
}

/// Exit codes of DESIGN.md: 2 when the input cannot be used.
enum ExitStatus {
    static let unusableInput: Int32 = 2
}
