import Foundation
import Testing
@testable import Nabla

/// Generated C and Swift are compiled and run; they must agree with the tape and with SymPy.
@Suite struct CodeGeneratorTests {
    static func run(_ executable: String, _ arguments: [String], in dir: URL) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [executable] + arguments
        p.currentDirectoryURL = dir
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func workDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-codegen-\(name)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// 40 corpus cases in one C program: it prints, for each case and point, the values and the
    /// Jacobian, which are compared with SymPy's Jacobian values.
    @Test func generatedCAgreesWithSymPy() throws {
        let cases = Array(try CorpusTests.cases().prefix(40))
        var program = "#include <math.h>\n#include <stdio.h>\n\n"
        var calls = ""
        var expected: [[Double]] = []
        for (k, c) in cases.enumerated() {
            let doc = try solve(c.script, name: c.id)
            let r = doc.results[0]
            program += CodeGenerator(language: .c).function(named: "case\(k)", r, in: doc.store) + "\n"
            let inputs = CodeGenerator.inputs(of: r, in: doc.store)
            for (point, values) in zip(c.points, c.values) {
                let x = inputs.map { point[$0] ?? 0 }.map { "\($0)" }.joined(separator: ", ")
                let n = r.components.count, j = r.matrix.entries.count
                calls += "    { double in[] = {\(x)}; double v[\(n)], J[\(j)]; nabla_case\(k)(in, v, J);"
                calls += " for (int i = 0; i < \(j); i++) printf(\"%.17g\\n\", J[i]); }\n"
                expected.append(values.flatMap { $0 })
            }
        }
        program += "int main(void) {\n" + calls + "    return 0;\n}\n"
        let dir = try workDirectory("c")
        try program.write(to: dir.appendingPathComponent("g.c"), atomically: true, encoding: .utf8)
        let (status, log) = try Self.run("cc", ["-O1", "-o", "g", "g.c", "-lm"], in: dir)
        #expect(status == 0, "cc failed: \(log)")
        let (runStatus, output) = try Self.run("./g", [], in: dir)
        #expect(runStatus == 0)
        let got = output.split(separator: "\n").compactMap { Double($0) }
        let want = expected.flatMap { $0 }
        #expect(got.count == want.count)
        for (a, b) in zip(got, want) { #expect(isClose(a, b, relative: 1e-9, absolute: 1e-12), "C \(a) vs SymPy \(b)") }
    }

    /// The generated C keeps softmax and the log of a softmax finite for large inputs, like the
    /// tape: a cross-entropy at logits of ±1000 and beyond.
    @Test func generatedCIsStableForLargeInputs() throws {
        let doc = try solve("""
            layer(x1, x2) = (3x1 - x2, x1 + 2x2)
            loss(p1, p2) = -log(p1)
            F = loss∘softmax∘layer
            gradient F
            """)
        let r = doc.results[0]
        var program = "#include <math.h>\n#include <stdio.h>\n\n" + CodeGenerator(language: .c).function(named: "F", r, in: doc.store)
        program += """
            int main(void) {
                double in[] = {-400, 100}, v[1], J[2];
                nabla_F(in, v, J);
                printf("%.17g\\n%.17g\\n%.17g\\n", v[0], J[0], J[1]);
                return 0;
            }

            """
        let dir = try workDirectory("stable")
        try program.write(to: dir.appendingPathComponent("s.c"), atomically: true, encoding: .utf8)
        let (status, log) = try Self.run("cc", ["-O1", "-o", "s", "s.c", "-lm"], in: dir)
        #expect(status == 0, "cc failed: \(log)")
        let (_, output) = try Self.run("./s", [], in: dir)
        let got = output.split(separator: "\n").compactMap { Double($0) }
        // z = (−1300, −200): F = lse(z) − z₁ = 1100, ∇F = (softmax − e₁)ᵀ·W = (−2, 3).
        #expect(got.count == 3 && isClose(got[0], 1100, relative: 1e-12) && isClose(got[1], -2, relative: 1e-12)
                && isClose(got[2], 3, relative: 1e-12), "\(output)")
    }

    /// The example files as Swift, compiled with swiftc: values and Jacobians like the tape's.
    @Test func generatedSwiftCompilesAndAgreesWithTheTape() throws {
        let doc = try solve(try Fixtures.example("logistic-regression.nabla"))
        let r = doc.results[1]   // F
        let inputs = CodeGenerator.inputs(of: r, in: doc.store)
        let point = [1.0, 2, 0.1, 0.2, 0.3, 0.4]
        var program = "import Foundation\n\n" + CodeGenerator(language: .swift).function(named: "F", r, in: doc.store)
        program += "let r = nabla_F(\(point))\nfor x in r.value + r.jacobian { print(x) }\n"
        let dir = try workDirectory("swift")
        try program.write(to: dir.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        let (status, log) = try Self.run("swiftc", ["-O", "-o", "g", "main.swift"], in: dir)
        #expect(status == 0, "swiftc failed: \(log)")
        let (_, output) = try Self.run("./g", [], in: dir)
        let got = output.split(separator: "\n").compactMap { Double($0) }
        let e = try PointEvaluation(r, in: doc.store, at: Dictionary(uniqueKeysWithValues: zip(inputs, point)))
        let want = e.values + e.jacobian.flatMap { $0 }
        #expect(got.count == want.count)
        for (a, b) in zip(got, want) { #expect(isClose(a, b, relative: 1e-12), "Swift \(a) vs tape \(b)") }
    }
}
