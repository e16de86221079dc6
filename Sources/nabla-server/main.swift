import ArgumentParser
import Foundation
import Hummingbird
import NablaServer

/// `nabla-server --port 8080`: the page and the API on this machine.
@main
struct NablaServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nabla-server",
        abstract: "Serve Nabla's page (solve, worked solution, check) and its JSON API.",
        discussion: """
        Open http://127.0.0.1:8080/ (or ?lang=fr). The API: POST /api/solve, /api/check,
        /api/steps?format=latex|markdown|html with the text as the body; GET /openapi.json.
        """
    )

    @Option(help: "The port to listen on.") var port = 8080
    @Option(help: "The address to listen on (0.0.0.0 for every interface).") var host = "127.0.0.1"
    @Option(help: "The time one computation may take, in seconds.") var timeout = 5.0
    @Option(help: "The folder of the bundled examples.") var examples: String?

    func run() async throws {
        let shelf = ExampleShelf(directory: examples.map { URL(fileURLWithPath: $0) } ?? ExampleShelf.defaultDirectory)
        let routes = NablaRoutes(shelf: shelf, seconds: timeout)
        let app = Application(router: routes.router(), configuration: .init(address: .hostname(host, port: port), serverName: "nabla"))
        print("nabla-server: http://\(host):\(port)/ (\(shelf.examples.count) examples, \(routes.pool.width) workers)")
        try await app.runService()
    }
}
