import ArgumentParser
import Foundation
import Nabla

struct Codegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each target's value and Jacobian as a self-contained C or Swift function.",
        discussion: """
        Each function takes the variables, then the other symbols (in the order its comment gives), and fills the values and the Jacobian (row-major, one row per output).

        Examples:
          nabla codegen Examples/chain-rule.nabla --lang c -o jacobians.c
          nabla codegen Examples/logistic-regression.nabla --lang swift
        """
    )

    @Argument(help: "A .nabla file.")
    var file: String

    @OptionGroup var limit: TimeLimit

    @Option(help: "c or swift.")
    var lang: CodeGenerator.Language = .c

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let file = self.file, lang = self.lang, output = self.output
        runAndExit {
            guard let source = readSource(file) else { return ExitStatus.unusableInput }
            do {
                let document = try Document(source: source, store: limit.store())
                let generator = CodeGenerator(language: lang)
                var text = lang == .c ? "#include <math.h>\n\n" : "import Foundation\n\n"
                document.store.budget?.activity = .generatingCode
                text += document.results.map { generator.function(named: $0.target, $0, in: document.store) }.joined(separator: "\n")
                try document.store.checkBudget(at: nil)
                if let output {
                    try writeOutput(text, to: output)
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
                return 0
            } catch {
                return report(error, source)
            }
        }
    }
}

extension CodeGenerator.Language: ExpressibleByArgument {}
