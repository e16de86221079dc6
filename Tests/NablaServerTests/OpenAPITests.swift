import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import NablaServer

/// The server against its OpenAPI document: every documented operation is sent a request of
/// each documented kind (a good text, a bad one, one too large) and answers with a documented
/// status and content type; nothing is served that the document does not describe.
@Suite struct OpenAPITests {
    struct Operation { let path: String; let method: String; let responses: [String: [String]] }

    static func operations() throws -> [Operation] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var out: [Operation] = []
        for (path, methods) in paths {
            for (method, value) in methods {
                let operation = try #require(value as? [String: Any])
                let responses = try #require(operation["responses"] as? [String: [String: Any]])
                out.append(Operation(path: path, method: method, responses: responses.mapValues { r in
                    ((r["content"] as? [String: Any])?.keys).map(Array.init) ?? []
                }))
            }
        }
        return out.sorted { $0.path < $1.path }
    }

    @Test func everyAnswerIsDocumented() async throws {
        let operations = try Self.operations()
        #expect(Set(operations.map(\.path)) == ["/api/solve", "/api/check", "/api/steps", "/healthz"])
        let bodies = ["f(x) = x^2\ngradient f\n", "Let $f(x) = x^2$.\n\\[ f'(x) = 2x \\]\n", "f(x) = (x + )\n",
                      String(repeating: "x", count: NablaRoutes.maximumBody + 10)]
        let app = Application(router: NablaRoutes(shelf: RoutesTests.shelf).router())
        try await app.test(.router) { client in
            var seen = Set<String>()
            for op in operations {
                for body in op.method == "get" ? [""] : bodies {
                    let method: HTTPRequest.Method = op.method == "get" ? .get : .post
                    let query = op.path == "/api/steps" ? "?format=markdown&lang=fr" : ""
                    try await client.execute(uri: op.path + query, method: method, body: body.isEmpty ? nil : ByteBuffer(string: body)) { r in
                        let status = String(r.status.code)
                        seen.insert("\(op.path) \(status)")
                        let types = op.responses[status]
                        #expect(types != nil, "\(op.method) \(op.path): \(status) is not documented")
                        let type = r.headers[.contentType].map { String($0.split(separator: ";")[0]) } ?? ""
                        #expect(types?.contains(type) == true, "\(op.method) \(op.path) \(status): \(type) is not documented (\(types ?? []))")
                    }
                }
            }
            // The good, the bad and the large were each met.
            #expect(seen.isSuperset(of: ["/api/solve 200", "/api/solve 422", "/api/solve 413", "/api/check 200", "/api/steps 200", "/api/steps 413", "/healthz 200"]),
                    "\(seen.sorted())")
            try await client.execute(uri: "/openapi.json", method: .get) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "application/json")
            }
        }
    }
}
