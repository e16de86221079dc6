import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NablaServer

/// The page in a real browser: headless Chromium (Debian's `chromium`, which CI installs and
/// then requires with NABLA_REQUIRE_CHROMIUM=1) opens the running server and the test reads the
/// DOM it built, while `/healthz` keeps answering.
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["NABLA_REQUIRE_CHROMIUM"] == "1"

    /// The DOM Chromium builds for `url` (run as root, it needs --no-sandbox).
    static func dom(_ url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: chromium != nil || required)) func theCorrectedCopyAndTheWorkedSolutionInABrowser() async throws {
        #expect(Self.chromium != nil, "CI installs chromium: it must be there")
        let app = Application(router: NablaRoutes(shelf: RoutesTests.shelf).router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // The corrected copy of the student's homework: two wrong claims, each entry marked.
            let check = try Self.dom("http://127.0.0.1:\(port)/?example=worked-solution.md&lang=en&run=1")
            #expect(check.components(separatedBy: "<article class=\"claim wrong\">").count - 1 == 2, "\(check.prefix(400))")
            #expect(check.contains("<td class=\"wrong\"><span class=\"mark\">✗</span>"))
            #expect(check.contains("6 claim(s): 4 correct, 2 wrong, 0 unchecked"))
            // The page's only script is its own file.
            #expect(check.components(separatedBy: "<script").count - 1 == 1)
            // The worked solution of intermediate variables, in French, as MathML.
            let steps = try Self.dom("http://127.0.0.1:\(port)/?example=intermediate-variables.nabla&lang=fr&run=1")
            #expect(steps.contains("Dérivées partielles de"))
            #expect(steps.components(separatedBy: "<math display=\"block\"").count - 1 >= 15)
            #expect(steps.contains("<mfrac>"))
            try await client.execute(uri: "/healthz", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    /// The form used as a person uses it, through the DevTools protocol (Scripts/browser-check.py):
    /// the text pasted, an action chosen, the button pressed; then the DOM and the layout read.
    @Test(.enabled(if: chromium != nil || required)) func theFormSubmittedInABrowser() async throws {
        let root = RoutesTests.examples.deletingLastPathComponent()
        let app = Application(router: NablaRoutes(shelf: RoutesTests.shelf).router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.currentDirectoryURL = root
            process.arguments = ["python3", "Scripts/browser-check.py", "--server", "http://127.0.0.1:\(port)",
                                 "--run", "check=Examples/worked-solution.md", "--run", "steps=Examples/intermediate-variables.nabla",
                                 "--run", "solve=Examples/chain-rule.nabla"]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            let problems = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(String(decoding: problems, as: UTF8.self).suffix(600))")
            struct Read: Decodable { let wrongClaims: Int; let markedWrong: Int; let rightEntries: Int; let problems: Int; let scripts: Int; let maths: [[Double]] }
            let read = try JSONDecoder().decode([String: Read].self, from: data)
            let check = try #require(read["check"]), steps = try #require(read["steps"]), solve = try #require(read["solve"])
            #expect(check.wrongClaims == 2 && check.markedWrong == 2 && check.rightEntries >= 10 && check.problems == 0)
            #expect(steps.maths.count >= 15 && solve.maths.count >= 4)
            // MathML laid out: every formula has a box of its own.
            for (name, r) in [("steps", steps), ("solve", solve)] {
                #expect(r.maths.allSatisfy { $0[0] > 1 && $0[1] > 1 }, "\(name): a formula with an empty box")
                #expect(r.scripts == 1)
            }
        }
    }
}
