import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NablaServer

/// Every route, status code and limit of the server, through Hummingbird's router test client.
@Suite struct RoutesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")
    static let shelf = ExampleShelf(directory: examples)

    func app(_ routes: NablaRoutes = NablaRoutes(shelf: shelf)) -> some ApplicationProtocol {
        Application(router: routes.router())
    }

    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
    static func string(_ r: TestResponse) -> String { String(buffer: r.body) }
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return body(fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
    }
    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func theHealthCheckTheStyleAndTheScript() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok && Self.string(r) == "ok\n")
            }
            try await client.execute(uri: "/style.css", method: .get) { r in #expect(r.headers[.contentType]?.hasPrefix("text/css") == true) }
            try await client.execute(uri: "/app.js", method: .get) { r in #expect(Self.string(r).contains("ctrlKey")) }
            try await client.execute(uri: "/nowhere", method: .get) { r in #expect(r.status == .notFound) }
        }
    }

    @Test func thePageInBothLanguages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                let html = Self.string(r)
                #expect(r.status == .ok)
                #expect(html.contains("<html lang=\"en\">") && html.contains("<form method=\"post\" action=\"/\""))
                #expect(html.contains("value=\"check\"") && html.contains("intermediate-variables.nabla"))
                #expect(r.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            }
            try await client.execute(uri: "/?lang=fr", method: .get) { r in #expect(Self.string(r).contains("Vérifier")) }
            try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.5"]) { r in
                #expect(Self.string(r).contains("<html lang=\"fr\">"))
            }
            // An example one click away: its text in the area, its action chosen; an unknown name is ignored.
            try await client.execute(uri: "/?example=worked-solution.md", method: .get) { r in
                let html = Self.string(r)
                #expect(html.contains("\\nabla(v \\circ u)") && html.contains("value=\"check\" checked"))
            }
            try await client.execute(uri: "/?example=../../etc/passwd", method: .get) { r in
                #expect(r.status == .ok && !Self.string(r).contains("root:"))
            }
        }
    }

    @Test func theFormSolvesWorksAndChecks() async throws {
        let sheet = try String(contentsOf: Self.examples.appendingPathComponent("worked-solution.md"), encoding: .utf8)
        let file = try String(contentsOf: Self.examples.appendingPathComponent("intermediate-variables.nabla"), encoding: .utf8)
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .post, headers: Self.formType, body: Self.form([("text", sheet), ("action", "check"), ("lang", "en")])) { r in
                let html = Self.string(r)
                #expect(r.status == .ok)
                #expect(html.components(separatedBy: "<article class=\"claim wrong\">").count - 1 == 2)
                #expect(html.contains("<td class=\"wrong\"><span class=\"mark\">✗</span>"))
                #expect(html.contains("sign error: the claimed entry is the opposite of the expected one"))
                #expect(html.contains("they differ at"))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.formType, body: Self.form([("text", file), ("action", "steps"), ("lang", "fr")])) { r in
                let html = Self.string(r)
                #expect(html.contains("Dérivées partielles de") && html.contains("<math display=\"block\">"))
                #expect(html.contains("action=\"/download\""))
            }
            // A file sent as multipart wins over the text area.
            let boundary = "XyZ42"
            let multipart = "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nignored\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.nabla\"\r\nContent-Type: text/plain\r\n\r\nf(x) = x^3\ngradient f\n\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nsolve\r\n--\(boundary)--\r\n"
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: Self.body(multipart)) { r in
                let html = Self.string(r)
                #expect(html.contains("<mn>3</mn>") && !html.contains(">ignored<"))
            }
            // A text that cannot be used: the message with its line and column, on the page.
            try await client.execute(uri: "/", method: .post, headers: Self.formType, body: Self.form([("text", "f(x) = (x + )\ngradient f"), ("action", "solve")])) { r in
                #expect(Self.string(r).contains("input.nabla:1:13: error: expected an expression after &apos;+&apos;") || Self.string(r).contains("input.nabla:1:13: error: expected an expression after '+'"))
            }
        }
    }

    @Test func downloads() async throws {
        try await app().test(.router) { client in
            let fields = [("text", "f(x, y) = x y\ngradient f\n"), ("action", "steps"), ("lang", "en")]
            try await client.execute(uri: "/download", method: .post, headers: Self.formType, body: Self.form(fields + [("format", "latex")])) { r in
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"nabla-steps.tex\"")
                #expect(Self.string(r).hasPrefix("\\documentclass{article}"))
            }
            try await client.execute(uri: "/download", method: .post, headers: Self.formType, body: Self.form(fields + [("format", "json")])) { r in
                #expect(Self.string(r).contains("\"jacobian\": [[\"y\", \"x\"]]"))
            }
            // A checked sheet: the report as `nabla check` prints it.
            let sheet = [("text", "Let $f(x) = x^2$.\n\\[ f'(x) = 3x \\]\n"), ("action", "check"), ("lang", "fr"), ("format", "text")]
            try await client.execute(uri: "/download", method: .post, headers: Self.formType, body: Self.form(sheet)) { r in
                #expect(r.headers[.contentDisposition] == "attachment; filename=\"nabla-check.txt\"")
                #expect(Self.string(r).contains("✗ faux"))
            }
        }
    }

    @Test func theAPIKeepsTheCommandLinesContracts() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/solve?wrt=w", method: .post, body: Self.body("f(x) = w x^2\ngradient f\n")) { r in
                #expect(r.status == .ok && Self.string(r).contains("\"variables\": [\"w\"], \"jacobian\": [[\"x**2\"]]"))
            }
            try await client.execute(uri: "/api/solve", method: .post, body: Self.body("f(x) = (x + )\n")) { r in
                #expect(r.status == .unprocessableContent && Self.string(r).hasPrefix("{\"errors\": [\"input.nabla:1:13: error:"))
            }
            try await client.execute(uri: "/api/check", method: .post, body: Self.body("Let $f(x) = x^2$.\n\\[ f'(x) = 3x \\]\n")) { r in
                let json = Self.string(r)
                #expect(r.status == .ok && json.contains("\"verdict\": \"wrong\"") && json.contains("\"summary\": {\"claims\": 1"))
            }
            try await client.execute(uri: "/api/steps?lang=fr&format=latex", method: .post, body: Self.body("f(x) = sin(x)^2\ngradient f\n")) { r in
                #expect(r.headers[.contentType]?.hasPrefix("application/x-tex") == true && Self.string(r).contains("\\section*{Corrigé"))
            }
            try await client.execute(uri: "/api/steps?format=pdf", method: .post, body: Self.body("f(x) = x\ngradient f\n")) { r in
                #expect(r.status == .badRequest)
            }
            try await client.execute(uri: "/api/solve", method: .post, body: ByteBuffer(bytes: [0x66, 0xFF, 0xFE, 0x00])) { r in
                #expect(r.status == .unprocessableContent)
            }
        }
    }

    @Test func limits() async throws {
        let large = String(repeating: "x", count: NablaRoutes.maximumBody + 1)
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/solve", method: .post, body: Self.body(large)) { r in
                #expect(r.status == .contentTooLarge && Self.string(r).contains("larger than 256 KiB"))
            }
            try await client.execute(uri: "/", method: .post, headers: Self.formType, body: Self.body("text=" + large)) { r in
                #expect(r.status == .contentTooLarge && Self.string(r).contains("role=\"alert\""))
            }
        }
        // Over its budget: a clear message, and the worker free again for the next request.
        let composition = (1...400).map { "f\($0)(x) = sin(x) + x^2" }.joined(separator: "\n") + "\njacobian " + (1...400).map { "f\($0)" }.joined(separator: "∘") + "\n"
        let slow = NablaRoutes(shelf: Self.shelf, pool: ComputePool(width: 1, depth: 0), seconds: 0.05)
        try await app(slow).test(.router) { client in
            try await client.execute(uri: "/api/solve", method: .post, body: Self.body(composition)) { r in
                #expect(r.status == .unprocessableContent && Self.string(r).contains("the time limit"), "\(Self.string(r).prefix(300))")
            }
            try await client.execute(uri: "/api/solve", method: .post, body: Self.body("f(x) = x^2\ngradient f\n")) { r in #expect(r.status == .ok) }
        }
    }

    @Test func aFullQueueIsTurnedAway() async throws {
        let pool = ComputePool(width: 1, depth: 0)
        // Hold the only worker, then ask: 503 at once.
        let started = AsyncStream<Void>.makeStream()
        let release = DispatchSemaphore(value: 0)
        let holder = Task { try await pool.run { started.continuation.yield(); release.wait(); return 1 } }
        for await _ in started.stream { break }
        try await app(NablaRoutes(shelf: Self.shelf, pool: pool)).test(.router) { client in
            try await client.execute(uri: "/api/solve", method: .post, body: Self.body("f(x) = x\ngradient f\n")) { r in
                #expect(r.status == .serviceUnavailable && Self.string(r).contains("busy"))
            }
        }
        release.signal()
        _ = try await holder.value
        #expect(await pool.load.running == 0)
    }
}
