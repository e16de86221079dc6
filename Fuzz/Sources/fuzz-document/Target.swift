import FuzzDriver
import Nabla

/// One input of the fuzzer: a `.nabla` file, solved within a budget, then printed as every
/// format does. Nothing may crash, hang past the budget or leave memory unsafe.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let store = ExpressionStore()
    store.budget = Budget(seconds: 2)
    guard let document = try? Document(source: SourceText(name: "fuzz.nabla", text: text), store: store) else { return 0 }
    if Guard.tooLargeToPrint(document.results, store) == nil {
        _ = JSONRenderer(store: store).render(document.results)
        let writer = WorkedSolutionWriter(store: store, language: .fr, format: .latex)
        _ = writer.document(WorkedSolution(results: document.results, values: document.values), title: "fuzz")
    }
    return 0
}

/// The executable's entry (SwiftPM's name for it): libFuzzer's driver, with the target above.
@_cdecl("fuzz_document_main")
public func fuzz_documentMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzDocument(data!, size) }
}
