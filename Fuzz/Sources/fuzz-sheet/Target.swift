import FuzzDriver
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

/// The executable's entry (SwiftPM's name for it): libFuzzer's driver, with the target above.
@_cdecl("fuzz_sheet_main")
public func fuzz_sheetMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzSheet(data!, size) }
}
