import ArgumentParser
import Foundation
import Nabla

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every claimed Jacobian of a worked solution (LaTeX or Markdown), entry by entry.",
        discussion: """
        Examples:
          nabla check Examples/worked-solution.md
          nabla check Examples/worked-solution.md --format json
          nabla check Examples/corrige.tex --lang fr
        Exit status: 0 when every claim is correct, 1 when one is wrong or unchecked, 2 when the sheet cannot be used or has no claim.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The worked solution: a LaTeX or Markdown sheet (.tex, .md or .txt).")
    var file: String

    @Option(help: "text (like a compiler) or json.")
    var format: Format = .text

    @Option(help: "Language of the report: en or fr.")
    var lang: Language = .en

    @OptionGroup var limit: TimeLimit

    func run() throws {
        let file = self.file, format = self.format, lang = self.lang
        runAndExit {
            guard let source = readSource(file, language: lang) else { return ExitStatus.unusableInput }
            let report = SheetChecker(source: source, budget: limit.budget()).check()
            if report.claims.isEmpty && !report.errors.isEmpty {
                for e in report.errors { FileHandle.standardError.write(Data((e.render(in: source, language: lang) + "\n").utf8)) }
                return ExitStatus.unusableInput
            }
            let renderer = CheckRenderer(source: source, colors: isatty(1) == 1 && format == .text, language: lang)
            if report.claims.isEmpty {
                FileHandle.standardError.write(Data(renderer.noClaims().utf8))
                return ExitStatus.unusableInput
            }
            let text = format == .json ? renderer.json(report) : renderer.text(report)
            FileHandle.standardOutput.write(Data(text.utf8))
            return report.exitStatus
        }
    }
}
