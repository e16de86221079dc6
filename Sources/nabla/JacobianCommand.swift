import ArgumentParser
import Foundation
import Nabla

struct JacobianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jacobian",
        abstract: "The Jacobian of expressions given on the command line.",
        discussion: """
        Each expression is one component of the function (named f when there is one, F otherwise). An expression may start with a minus sign: nabla jacobian '-log(x)' --wrt x.

        Examples:
          nabla jacobian 'x*y' 'sin(x)' --wrt x,y
          nabla jacobian 'x^2 + y^2' --wrt x y
          nabla jacobian 'exp(x1 + x2)/(1 + x1^2)' --wrt x1,x2 --format latex
        """
    )

    @Argument(parsing: .allUnrecognized, help: "The components, one expression each.")
    var expressions: [String] = []

    @Option(parsing: .upToNextOption, help: "The variables, separated by commas or spaces: --wrt x,y or --wrt x y.")
    var wrt: [String]

    @OptionGroup var output: OutputOptions
    @OptionGroup var limit: TimeLimit

    /// The variables of `--wrt`, each value split at its commas.
    var variables: [String] {
        commaSeparated(wrt)
    }

    func validate() throws {
        if let bad = variables.first(where: { !$0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }) {
            throw ValidationError("'\(bad)' after --wrt is not a variable name; give the expressions before --wrt: nabla jacobian 'x*y' --wrt x,y")
        }
        if let option = expressions.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option '\(option)'")
        }
        if expressions.isEmpty { throw ValidationError("give at least one expression: nabla jacobian 'x*y' --wrt x,y") }
        if variables.isEmpty { throw ValidationError("--wrt needs at least one variable") }
    }

    func run() throws {
        let expressions = self.expressions, output = self.output, variables = self.variables
        runAndExit {
            let source = try? Document.source(expressions: expressions)
            do {
                let document = try Document(expressions: expressions, variables: variables, budget: limit.budget())
                return emit(document, output, title: "Jacobian")
            } catch {
                return report(error, source, language: output.lang)
            }
        }
    }
}
