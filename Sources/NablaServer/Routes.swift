import Foundation
import HTTPTypes
import Hummingbird
import Nabla

/// The server's routes: the page (`GET /`, `POST /`), downloads, the JSON API of the command
/// line's contracts, the health check and the OpenAPI document. See `openapi.json`.
///
/// ```swift
/// let app = Application(router: NablaRoutes(shelf: shelf).router(), configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// try await app.runService()
/// ```
public struct NablaRoutes: Sendable {
    /// The largest body read; a larger one gets 413.
    public static let maximumBody = 256 * 1024

    public let shelf: ExampleShelf
    public let pool: ComputePool
    /// The time one computation may take, in seconds.
    public let seconds: Double

    public init(shelf: ExampleShelf, pool: ComputePool = ComputePool(width: ProcessInfo.processInfo.activeProcessorCount, depth: 16),
                seconds: Double = 5) {
        self.shelf = shelf; self.pool = pool; self.seconds = seconds
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        let routes = self
        router.get("/healthz") { _, _ in Response.text("ok\n", type: "text/plain; charset=utf-8") }
        router.get("/style.css") { _, _ in Response.text(Page.style, type: "text/css; charset=utf-8") }
        router.get("/app.js") { _, _ in Response.text(Page.script, type: "text/javascript; charset=utf-8") }
        router.get("/openapi.json") { _, _ in Response.text(OpenAPIDocument.json, type: "application/json") }
        router.get("/") { request, _ in await routes.page(request) }
        router.post("/") { request, _ in await routes.submit(request) }
        router.post("/download") { request, _ in await routes.download(request) }
        router.post("/api/solve") { request, _ in await routes.api(request, .solve) }
        router.post("/api/steps") { request, _ in await routes.api(request, .steps) }
        router.post("/api/check") { request, _ in await routes.api(request, .check) }
        return router
    }

    // MARK: The page

    /// The language of a request: `?lang=`, then the form's, then the browser's Accept-Language.
    static func language(_ request: Request, form: FormBody? = nil) -> Language {
        if let l = request.uri.queryParameters.get("lang") ?? form?["lang"], let language = Language(rawValue: l) { return language }
        let accepted = request.headers[.acceptLanguage]?.lowercased() ?? ""
        let first = accepted.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return first.hasPrefix("fr") ? .fr : .en
    }

    /// The page; with `?example=NAME` the example in the text area and its action chosen, and
    /// with `&run=1` its result too (an example one click away, and a page a browser can open).
    func page(_ request: Request) async -> Response {
        let language = Self.language(request)
        var page = Page(language: language, shelf: shelf)
        if let name = request.uri.queryParameters.get("example"), let example = shelf.example(named: String(name)) {
            if request.uri.queryParameters.get("run") == "1" { return await respond(example.text, example.action, language) }
            page.text = example.text
            page.action = example.action
        }
        return .html(page.html)
    }

    func submit(_ request: Request) async -> Response {
        let form: FormBody
        switch await Self.read(request) {
        case let .success(bytes): form = FormBody(bytes: bytes, contentType: request.headers[.contentType])
        case let .failure(problem):
            return problem.page(language: Self.language(request), shelf: shelf)
        }
        let language = Self.language(request, form: form)
        let text = form["file"].flatMap { $0.isEmpty ? nil : $0 } ?? form["text"] ?? ""
        let action = form["action"].flatMap(Job.Action.init(rawValue:)) ?? .solve
        return await respond(text, action, language)
    }

    /// The page with the text in its area and the result of `action` on it below.
    func respond(_ text: String, _ action: Job.Action, _ language: Language) async -> Response {
        var page = Page(language: language, shelf: shelf, text: text, action: action)
        guard let outcome = await compute(Job(text: text, action: action, language: language), as: .html) else {
            page.result = Page.problem([PageText.table(language).busy], language: language)
            return .html(page.html, status: .serviceUnavailable)
        }
        var result = outcome.failed ? Page.problem(outcome.messages, language: language) : ""
        if !outcome.failed {
            result += "<h2>\(escapedXML(PageText.table(language).result))</h2>\n" + outcome.body
            if !outcome.messages.isEmpty { result += "<pre class=\"warnings\">" + outcome.messages.map(escapedXML).joined(separator: "\n") + "</pre>\n" }
            result += Page.downloads(text: text, action: action, language: language)
        }
        page.result = result
        return .html(page.html)
    }

    func download(_ request: Request) async -> Response {
        guard case let .success(bytes) = await Self.read(request) else {
            return .text("The text is larger than \(Self.maximumBody / 1024) KiB.\n", type: "text/plain; charset=utf-8", status: .contentTooLarge)
        }
        let form = FormBody(bytes: bytes, contentType: request.headers[.contentType])
        let language = Self.language(request, form: form)
        let action = form["action"].flatMap(Job.Action.init(rawValue:)) ?? .solve
        let format = form["format"].flatMap(Job.Format.init(rawValue:)) ?? .json
        guard let outcome = await compute(Job(text: form["text"] ?? "", action: action, language: language), as: format == .html ? .json : format) else {
            return .text(PageText.table(language).busy + "\n", type: "text/plain; charset=utf-8", status: .serviceUnavailable)
        }
        if outcome.failed { return .text(outcome.messages.joined(separator: "\n") + "\n", type: "text/plain; charset=utf-8", status: .unprocessableContent) }
        let (type, ext) = switch format {
        case .latex: ("application/x-tex; charset=utf-8", "tex")
        case .markdown: ("text/markdown; charset=utf-8", "md")
        case .text: ("text/plain; charset=utf-8", "txt")
        default: ("application/json", "json")
        }
        var response = Response.text(outcome.body, type: type)
        response.headers[.contentDisposition] = "attachment; filename=\"nabla-\(action.rawValue).\(ext)\""
        return response
    }

    // MARK: The API

    /// `POST /api/solve?wrt=…` (the text as the body) → `solve --format json`; `/api/check` →
    /// `check --format json`; `/api/steps?lang=fr&format=latex|markdown|html` → the document.
    /// A text that cannot be used gets 422 with `{"errors": [...]}`.
    func api(_ request: Request, _ action: Job.Action) async -> Response {
        let bytes: [UInt8]
        switch await Self.read(request) {
        case let .success(b): bytes = b
        case .failure: return .json("{\"errors\": [\(jsonQuoted("the body is larger than \(Self.maximumBody / 1024) KiB"))]}\n", status: .contentTooLarge)
        }
        let language = Self.language(request)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .json("{\"errors\": [\(jsonQuoted("the body is not UTF-8 text"))]}\n", status: .unprocessableContent)
        }
        var job = Job(text: text, action: action, language: language)
        if let wrt = request.uri.queryParameters.get("wrt") {
            job.wrt = wrt.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        }
        let format: Job.Format
        if action == .steps {
            let written = request.uri.queryParameters.get("format").map { String($0) } ?? "html"
            guard let asked = Job.Format(rawValue: written), asked != .json, asked != .text else {
                return .json("{\"errors\": [\(jsonQuoted("format is latex, markdown or html"))]}\n", status: .badRequest)
            }
            format = asked
        } else {
            format = .json
        }
        guard let outcome = await compute(job, as: format) else {
            return .json("{\"errors\": [\(jsonQuoted("the server is busy: try again in a moment"))]}\n", status: .serviceUnavailable)
        }
        if outcome.failed {
            return .json("{\"errors\": [" + outcome.messages.map(jsonQuoted).joined(separator: ", ") + "]}\n", status: .unprocessableContent)
        }
        switch format {
        case .latex: return .text(outcome.body, type: "application/x-tex; charset=utf-8")
        case .markdown: return .text(outcome.body, type: "text/markdown; charset=utf-8")
        case .html:
            let page = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<title>Nabla</title>\n"
                + "<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n" + outcome.body + "</body>\n</html>\n"
            return .html(page)
        case .json: return .json(outcome.body)
        case .text: return .text(outcome.body, type: "text/plain; charset=utf-8")
        }
    }

    /// `job` on the pool, within this server's time budget; nil when the queue is full.
    func compute(_ job: Job, as format: Job.Format) async -> Job.Outcome? {
        var budgeted = job
        budgeted.seconds = seconds
        let work = budgeted
        return try? await pool.run { work.run(as: format) }
    }

    // MARK: Reading

    enum ReadProblem: Error {
        case tooLarge

        func page(language: Language, shelf: ExampleShelf) -> Response {
            var page = Page(language: language, shelf: shelf)
            page.result = Page.problem([PageText.table(language).tooLarge(NablaRoutes.maximumBody)], language: language)
            return .html(page.html, status: .contentTooLarge)
        }
    }

    /// The body, up to ``maximumBody`` bytes.
    static func read(_ request: Request) async -> Result<[UInt8], ReadProblem> {
        do {
            let buffer = try await request.body.collect(upTo: maximumBody)
            return .success(Array(buffer.readableBytesView))
        } catch {
            return .failure(.tooLarge)
        }
    }
}

private func jsonQuoted(_ s: String) -> String { jsonString(s) }

extension Response {
    /// The headers every answer carries: no script but the page's own, no framing, no sniffing.
    static func secured(_ headers: HTTPFields) -> HTTPFields {
        var h = headers
        h[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        h[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        h[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return h
    }

    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: secured([.contentType: type]), body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        text(body, type: "text/html; charset=utf-8", status: status)
    }

    /// JSON with `<`, `>` and `&` written as escapes (the same strings to a JSON reader), so that
    /// no markup of the input appears in it even as text.
    static func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        let safe = body.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
        return text(safe, type: "application/json", status: status)
    }
}
