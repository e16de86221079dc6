import Foundation
import Testing
@testable import Nabla

/// The inputs the fuzzer (Scripts/fuzz.sh) found to crash, hang or leak, once fixed: each is
/// read, solved or checked, and answered with a result or a message (Fixtures/fuzz).
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("fuzz").path).sorted()) ?? []

    @Test func thereAreInputs() { #expect(Self.inputs.count >= 2) }

    @Test(arguments: inputs) func answered(name: String) throws {
        // As the fuzzer gave it: bytes, decoded as the fuzz targets decode them.
        let text = String(decoding: try Data(contentsOf: Fixtures.url("fuzz/" + name)), as: UTF8.self)
        let source = SourceText(name: name, text: text)
        if name.hasSuffix(".nabla") {
            let store = ExpressionStore()
            store.budget = Budget(seconds: 5)
            do {
                let document = try Document(source: source, store: store)
                #expect(!document.results.isEmpty || document.nothingAsked != nil)
            } catch {
                #expect(!error.render(in: source).isEmpty)
            }
        } else {
            let report = SheetChecker(source: source, budget: Budget(seconds: 5)).check()
            #expect(!CheckRenderer(source: source).text(report).isEmpty)
        }
    }
}
