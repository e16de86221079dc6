import ArgumentParser
import Foundation
import Nabla

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute the Jacobians, gradients and Hessians a .nabla file or an exercise sheet (.tex, .md, .txt) asks for.",
        discussion: """
        A .nabla file has one statement per line:
          g(x1, x2, x3) = (3x1 - 2x2 + x3, -x1 + 4x3, -3x1 + x2 - x3)
          f(x1, x2, x3) = (exp(x1 + x2), exp(x2 + x3), exp(x3 + x1))
          let a = 2
          jacobian g∘f          (also: jacobian f o g, gradient F, hessian F)
          gradient F wrt w11, w12

        Examples:
          nabla solve Examples/chain-rule.nabla
          nabla solve Examples/chain-rule.nabla --steps --lang fr
          nabla solve Examples/logistic-regression.nabla --wrt w11,w12,w21,w22
          nabla solve Examples/logistic-regression.nabla --format json
          nabla solve Examples/corrige.tex --steps --format latex -o corrige-solution.tex

        Exit status: 0 on success, 2 when the input cannot be used.
        """
    )

    @Argument(help: "A .nabla file, or an exercise sheet (.tex, .md, .txt).")
    var file: String

    @Option(parsing: .upToNextOption, help: "The variables of every target, separated by commas or spaces (every other symbol is a constant): --wrt w11,w12,w21,w22.")
    var wrt: [String] = []

    @OptionGroup var output: OutputOptions
    @OptionGroup var limit: TimeLimit

    /// The variables of `--wrt`, each value split at its commas; nil when not given.
    var variables: [String]? {
        let names = commaSeparated(wrt)
        return names.isEmpty ? nil : names
    }

    func run() throws {
        let file = self.file, output = self.output, variables = self.variables
        let store = limit.store(), budget = store.budget
        runAndExit {
            guard let source = readSource(file, language: output.lang) else { return ExitStatus.unusableInput }
            let title = (file as NSString).lastPathComponent
            if ["tex", "md", "markdown", "txt", "latex"].contains((file as NSString).pathExtension.lowercased()) {
                // A sheet: solve what its statements ask for.
                let solved = SheetChecker(source: source, budget: budget).solveByExercise(wrt: variables)
                let results = solved.exercises.flatMap(\.results)
                if results.isEmpty {
                    for e in solved.errors { FileHandle.standardError.write(Data((e.render(in: source, language: output.lang) + "\n").utf8)) }
                    FileHandle.standardError.write(Data("nabla: \(file) asks for no Jacobian that could be computed\n".utf8))
                    return ExitStatus.unusableInput
                }
                return emit(results, solved.store, source, solved.errors, output, title: title, exercises: solved.exercises)
            }
            do {
                let document = try Document(source: source, store: store, wrt: variables)
                if let nothing = document.nothingAsked { return report(nothing, source, language: output.lang) }
                let status = emit(document, output, title: title)
                // Exit while the document is alive: freeing a large graph node by node only to
                // end the process would cost up to a sixth of the run.
                Foundation.exit(status)
            } catch {
                return report(error, source, language: output.lang)
            }
        }
    }
}
