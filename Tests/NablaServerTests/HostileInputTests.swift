import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NablaServer

/// What a public page gets: markup in formulas, names and headings, deep nesting, long chains,
/// binary garbage, a sheet of claims just under the limit. Each gets a page or JSON with a
/// message, nothing of it comes back unescaped, and `/healthz` keeps answering.
@Suite struct HostileInputTests {
    static let inputs: [(String, String)] = [
        ("script in a name", "f(x) = x\n<script>alert(1)</script>\ngradient f\n"),
        ("markup in a formula", "Let $f(x) = x^2$.\n\\[ f'(x) = 2x </math><script>alert(2)</script> \\]\n"),
        ("a quote and a link", "## Exercise \"1\" <img src=x onerror=alert(3)>\nLet $f(x) = x$.\n\\[ \\href{javascript:alert(4)}{f'(x)} = 1 \\]\n"),
        ("ten thousand braces", "\\[ " + String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000) + " \\]\n"),
        ("a 5000-fold composition", (1...5000).map { "f\($0)(x) = x + 1" }.joined(separator: "\n") + "\njacobian " + (1...5000).map { "f\($0)" }.joined(separator: "∘") + "\n"),
        ("binary garbage", String(decoding: (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, as: UTF8.self)),
        ("a sheet of claims just under the limit", "Let $f(x) = x^2$.\n" + String(repeating: "\\[ f'(x) = 2x \\]\n", count: 14_000)),
    ]

    @Test(arguments: 0..<inputs.count) func everyHostileInputGetsAnAnswer(index: Int) async throws {
        let (name, text) = Self.inputs[index]
        #expect(text.utf8.count < NablaRoutes.maximumBody, "\(name) must fit in a request")
        let app = Application(router: NablaRoutes(shelf: RoutesTests.shelf, seconds: 2).router())
        try await app.test(.router) { client in
            for action in ["solve", "check"] {
                // As a browser sends the page's form: multipart, the text as it is.
                let boundary = "hostile-\(index)-boundary"
                let form = "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n\(text)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\n\(action)\r\n--\(boundary)--\r\n"
                try await client.execute(uri: "/", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: form)) { r in
                    let html = RoutesTests.string(r)
                    #expect(r.status == .ok, "\(name), \(action): \(r.status)")
                    // Nothing of the input comes back as markup: one script (the page's own), no image, no javascript: link.
                    #expect(html.components(separatedBy: "<script").count - 1 == 1, "\(name), \(action)")
                    #expect(!html.contains("<img") && !html.contains("href=\"javascript"), "\(name), \(action)")
                    #expect(html.contains("id=\"result\""), "\(name), \(action): no result or message")
                }
            }
            for path in ["/api/solve", "/api/check"] {
                try await client.execute(uri: path, method: .post, body: ByteBuffer(string: text)) { r in
                    #expect([.ok, .unprocessableContent].contains(r.status), "\(name), \(path): \(r.status)")
                    #expect(r.headers[.contentType] == "application/json")
                    #expect(!RoutesTests.string(r).contains("<"), "\(name), \(path): markup in the JSON")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { r in #expect(r.status == .ok) }
        }
    }
}
