import Foundation
import Testing

/// Runs the built `nabla` binary, as a user would, and checks its output and exit status.
@Suite struct EndToEndTests {
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Fixtures.packageRoot.appendingPathComponent(".build/debug"),
        ]
        for dir in candidates {
            let url = dir.appendingPathComponent("nabla")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates.last!.appendingPathComponent("nabla")
    }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    func run(_ arguments: [String], input: String? = nil) throws -> Run {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = arguments
        p.currentDirectoryURL = Fixtures.packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func solvesTheExamples() throws {
        let r = try run(["solve", "Examples/chain-rule.nabla"])
        #expect(r.status == 0, "\(r.stderr)")
        let golden = try Fixtures.text("golden/chain-rule.txt")
        #expect(r.stdout == golden)
        let json = try run(["solve", "Examples/logistic-regression.nabla", "--format", "json"])
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((parsed?["results"] as? [Any])?.count == 2)
    }

    @Test func statsPrintsOneLinePerTarget() throws {
        let r = try run(["solve", "Examples/chain-rule.nabla", "--format", "stats"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["rows"] as? Int == 3 && first?["nonzeros"] as? Int == 9)
    }

    @Test func jacobianOfExpressions() throws {
        let r = try run(["jacobian", "x*y", "sin(x)", "--wrt", "x,y"])
        #expect(r.status == 0)
        #expect(r.stdout == "∇F(x, y) =\n⎡ y        x ⎤\n⎣ cos(x)   0 ⎦\n")
        let bad = try run(["jacobian", "x +", "--wrt", "x"])
        #expect(bad.status == 2)
        #expect(bad.stderr == "nabla: expression 1, column 4: error: expected an expression after '+', found the end of the line\n  x +\n     ^\n")
    }

    @Test func badInputExitsWithTwo() throws {
        let missing = try run(["solve", "no-such-file.nabla"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "nabla: cannot read no-such-file.nabla: no such file or not readable\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-e2e-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("bad.nabla")
        try "f(x) = x/0\njacobian f\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["solve", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.hasSuffix("bad.nabla:1:9: error: division by zero\n  f(x) = x/0\n          ^\n"))
        // Deeply composed: the text names the shared parts; LaTeX, which cannot, refuses with a message.
        try ("h(x) = sin(x) + x^2\njacobian " + Array(repeating: "h", count: 40).joined(separator: "∘") + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let named = try run(["solve", file.path])
        #expect(named.status == 0)
        #expect(named.stdout.contains("\nwhere\n  t1 = sin(x) + x^2\n  t2 = sin(t1)\n"))
        #expect(named.stdout.count < 20_000)
        let deep = try run(["solve", file.path, "--format", "latex"])
        #expect(deep.status == 2)
        #expect(deep.stderr.contains("would print as"))
        let stats = try run(["solve", file.path, "--format", "stats"])
        #expect(stats.status == 0)
    }

    @Test func helpShowsExamples() throws {
        let r = try run(["solve", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("nabla solve Examples/chain-rule.nabla"))
    }
}

@Suite struct CheckEndToEndTests {
    @Test func checkReportsAndExitsWithOne() throws {
        let e2e = EndToEndTests()
        let r = try e2e.run(["check", "Tests/NablaTests/Fixtures/sheets/seed-transcription.md"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("seed-transcription.md:21:100: ✗ wrong: ∇(f∘g) column 1: 2 of 3 entries are wrong"))
        #expect(r.stdout.hasSuffix("12 claims: 6 correct, 6 wrong, 0 unchecked; 1 formula could not be read\n"))
        let json = try e2e.run(["check", "Tests/NablaTests/Fixtures/sheets/seed-transcription.md", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let summary = parsed?["summary"] as? [String: Int]
        #expect(summary == ["claims": 12, "correct": 6, "wrong": 6, "unchecked": 0])
        let missing = try e2e.run(["check", "nothing-here.tex"])
        #expect(missing.status == 2)
    }
}

@Suite struct EvalEndToEndTests {
    @Test func valuesJacobiansAndTheComparison() throws {
        let e2e = EndToEndTests()
        let r = try e2e.run(["eval", "Examples/logistic-regression.nabla", "--at", "x1=1,x2=2,w11=0.1,w12=0.2,w21=0.3,w22=0.4", "--check"])
        #expect(r.status == 0)
        // F = log(1 + e^(b - a)) with a = 0.5, b = 1.1; its gradient is (w21 - w11, w22 - w12)·σ(b - a).
        #expect(r.stdout.hasPrefix("F at (x1 = 1, x2 = 2):\n  value    1.03748795\n  jacobian\n    0.1291312612  0.1291312612\n"))
        // Each route agrees: forward and reverse exactly, the symbolic Jacobian to rounding, central differences to their error.
        let differences = r.stdout.split(separator: "\n").filter { $0.contains("largest relative difference") }
            .compactMap { line in line.split(separator: " ").last.flatMap { Double($0) } }
        #expect(differences.count == 3, "\(r.stdout)")
        if differences.count == 3 {
            #expect(differences[0] == 0 && differences[1] < 1e-14 && differences[2] < 1e-7, "\(differences)")
        }
        #expect(r.stderr.contains("warning: loss∘softmax not evaluated: z1 has no value"))
        let missing = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1=1"])
        #expect(missing.status == 2)
        let malformed = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr == "nabla: --at expects NAME=VALUE pairs, got 'x1'\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nabla-eval-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("log.nabla")
        try "f(x) = log(x - 2) + x\njacobian f\n".write(to: file, atomically: true, encoding: .utf8)
        let undefined = try e2e.run(["eval", file.path, "--at", "x=1"])
        #expect(undefined.status == 2)
        #expect(undefined.stderr.contains("error: f not evaluated: log(x - 2) is not a number (a log or a root of a negative number?) at x = 1.0"))
        // A Hessian target: its Hessian by forward over reverse, checked against the symbolic one and central differences.
        let hessianFile = dir.appendingPathComponent("h.nabla")
        try "f(x, y) = 2x^2 + 3x y + y^2 + sin(x y)\nhessian f\n".write(to: hessianFile, atomically: true, encoding: .utf8)
        let hessian = try e2e.run(["eval", hessianFile.path, "--at", "x=0.5,y=-1", "--check"])
        #expect(hessian.status == 0, "\(hessian.stderr)")
        // f_xx = 4 − y²·sin(xy), f_xy = 3 + cos(xy) − xy·sin(xy), f_yy = 2 − x²·sin(xy) at (0.5, −1).
        let (fxx, fxy, fyy) = (4 - Foundation.sin(-0.5), 3 + Foundation.cos(-0.5) + 0.5 * Foundation.sin(-0.5), 2 - 0.25 * Foundation.sin(-0.5))
        let rows = hessian.stdout.split(separator: "\n").drop { !$0.contains("hessian") }.dropFirst().prefix(2)
            .map { $0.split(separator: " ").compactMap { Double($0) } }
        #expect(rows.count == 2 && rows.allSatisfy { $0.count == 2 }, "\(hessian.stdout)")
        if rows.count == 2, rows.allSatisfy({ $0.count == 2 }) {
            #expect(isClose(rows[0][0], fxx, relative: 1e-8) && isClose(rows[0][1], fxy, relative: 1e-8)
                    && isClose(rows[1][0], fxy, relative: 1e-8) && isClose(rows[1][1], fyy, relative: 1e-8), "\(rows)")
        }
        // In French: the labels of the output and every message.
        let french = try e2e.run(["eval", "Examples/logistic-regression.nabla", "--at", "x1=1,x2=2,w11=0.1,w12=0.2,w21=0.3,w22=0.4", "--lang", "fr"])
        #expect(french.status == 0)
        #expect(french.stdout.hasPrefix("F en (x1 = 1, x2 = 2):\n  valeur     1.03748795\n  jacobienne\n    0.1291312612  0.1291312612\n"))
        #expect(french.stderr.contains("avertissement: loss∘softmax n'est pas évalué : z1 n'a pas de valeur : la donner avec --at z1=…"))
        let undefinedFr = try e2e.run(["eval", file.path, "--at", "x=1", "--lang", "fr"])
        #expect(undefinedFr.stderr.contains("erreur: f n'est pas évalué : log(x - 2) n'est pas un nombre (logarithme ou racine d'un nombre négatif ?) en x = 1.0"))
        let malformedFr = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1", "--lang", "fr"])
        #expect(malformedFr.stderr == "nabla: --at attend des paires NOM=VALEUR, pas 'x1'\n")
        let typoFr = try e2e.run(["eval", "Examples/chain-rule.nabla", "--at", "x1=1,x2=1,x3=1,zz=2", "--lang", "fr"])
        #expect(typoFr.status == 2 && typoFr.stderr.contains("--at donne zz, qui n'est ni variable ni constante de g∘f, f∘g"))
    }
}
