@testable import Nabla

/// Solves a `.nabla` text; the test fails with the rendered diagnostic when it does not solve.
func solve(_ text: String, name: String = "test.nabla") throws -> Document {
    let source = SourceText(name: name, text: text)
    do { return try Document(source: source) } catch {
        throw SolveFailure(message: error.render(in: source))
    }
}

struct SolveFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The diagnostic a text produces, rendered in full; nil when it solves.
func diagnostic(_ text: String, name: String = "test.nabla") -> String? {
    let source = SourceText(name: name, text: text)
    do { _ = try Document(source: source); return nil } catch { return error.render(in: source) }
}

/// The first result of a text printed as plain text entries, row by row.
func entries(_ text: String) throws -> [[String]] {
    let doc = try solve(text)
    let printer = ExpressionPrinter(store: doc.store, notation: .text)
    let m = doc.results[0].matrix
    return (0..<m.rows).map { i in m.row(i).map(printer.string) }
}
