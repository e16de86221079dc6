import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NablaServer

/// The page in a real browser: headless Chromium (Debian's `chromium`, which CI installs and
/// then requires with NABLA_REQUIRE_CHROMIUM=1) opens the running server and the test reads the
/// DOM it built, while `/healthz` keeps answering.
@Suite struct BrowserTests {
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
}
