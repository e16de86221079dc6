import Nabla

/// One input of the fuzzer: a LaTeX/Markdown sheet, checked and solved within a budget.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceText(name: "fuzz.tex", text: text)
    let report = SheetChecker(source: source, budget: Budget(seconds: 2)).check()
    _ = CheckRenderer(source: source, language: .en).json(report)
    _ = SheetChecker(source: source, budget: Budget(seconds: 2)).solveByExercise()
    return 0
}
