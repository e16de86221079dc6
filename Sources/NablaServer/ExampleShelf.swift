import Foundation

/// The bundled examples the page offers one click away, read once at start-up from a fixed list
/// of names: no request ever names a file on the server.
public struct ExampleShelf: Sendable {
    public struct Example: Sendable {
        public let name: String
        public let text: String
        /// What the example is for: the action the page selects with it.
        public let action: Job.Action
    }

    public let examples: [Example]

    static let catalogue: [(String, Job.Action)] = [
        ("chain-rule.nabla", .steps), ("logistic-regression.nabla", .solve), ("sigmoid-neuron.nabla", .solve),
        ("intermediate-variables.nabla", .steps), ("worked-solution.md", .check), ("intermediate-homework.tex", .check),
        ("corrige.tex", .check), ("iris.nabla", .solve),
    ]

    /// The examples of `directory` (the package's `Examples`) that exist there.
    public init(directory: URL) {
        examples = Self.catalogue.compactMap { name, action in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return Example(name: name, text: text, action: action)
        }
    }

    public init(examples: [Example]) { self.examples = examples }

    public func example(named name: String) -> Example? { examples.first { $0.name == name } }

    /// The package's Examples folder, found from this source file (for `swift run`), unless the
    /// working directory has one.
    public static var defaultDirectory: URL {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Examples")
        if FileManager.default.fileExists(atPath: here.path) { return here }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Examples")
    }
}
