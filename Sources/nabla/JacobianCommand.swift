import ArgumentParser
import Foundation
import Nabla

struct JacobianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jacobian",
        abstract: "The Jacobian of expressions given on the command line.",
        discussion: """
        Examples:
          nabla jacobian 'x*y' 'sin(x)' --wrt x,y
          nabla jacobian 'exp(x1 + x2)/(1 + x1^2)' --wrt x1,x2 --format latex
        """
    )

    @Argument(help: "The components, one expression each.")
    var expressions: [String]

    @Option(help: "The variables, separated by commas.")
    var wrt: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let expressions = self.expressions, output = self.output
        let variables = wrt.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        runWithLargeStack {
            var source: SourceText?
            do {
                source = try Document.source(expressions: expressions, variables: variables)
                let document = try Document(expressions: expressions, variables: variables)
                return emit(document, output, title: "Jacobian")
            } catch {
                return report(error, source)
            }
        }
    }
}
