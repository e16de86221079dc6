import Foundation

/// Files under Tests/NablaTests/Fixtures, found from this source file so that a fresh clone needs nothing else.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }
    static func example(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Examples").appendingPathComponent(name), encoding: .utf8)
    }
}
