import Foundation
import Testing
@testable import Nabla

/// Intermediate variables (`z = x^2 sin(y)`, `x = s t^2`, `derivative z wrt s, t`): each
/// graph is checked against the same function written out in its variables (differentiated
/// directly, no chain) and against central finite differences, at seeded random points.
@Suite struct QuantityTests {
    /// Graphs of the shapes courses set, each with the target written out in its variables.
    static let graphs: [(quantities: String, wrt: String, expanded: String)] = [
        // Stewart's tree: two intermediate variables of two variables.
        ("z = x^2 sin(y)\nx = s t^2\ny = s + t", "s, t", "(s t^2)^2 sin(s + t)"),
        // A variable used directly and through a quantity.
        ("z = x^2 + s\nx = s t", "s, t", "(s t)^2 + s"),
        // Three intermediate variables, one of which uses only u.
        ("w = x y + y z + z x\nx = u v\ny = u - v\nz = u^2", "u, v", "u v (u - v) + (u - v) u^2 + u^2 u v"),
        // Three levels: r uses p and q, which use a, which uses t and c.
        ("r = p exp(q)\np = a^2\nq = a + c\na = sin(t) + c", "t, c", "(sin(t) + c)^2 exp(sin(t) + c + c)"),
        // A diamond whose two paths have different lengths.
        ("f = g h\ng = log(1 + k^2)\nk = 3m\nh = m^3", "m", "log(1 + (3m)^2) m^3"),
    ]

    @Test(arguments: 0..<graphs.count)
    func agreesWithTheWrittenOutFunction(index: Int) throws {
        let (quantities, wrt, expanded) = Self.graphs[index]
        let target = String(quantities.prefix { $0 != " " })
        let text = "\(quantities)\nF(\(wrt)) = \(expanded)\nderivative \(target) wrt \(wrt)\ngradient F\n"
        let doc = try solve(text)
        let chained = doc.results[0], direct = doc.results[1]
        #expect(chained.variables == direct.variables)
        let names = chained.variables
        forEachSeed(0..<10, atLeast: 10 * names.count) { seed, compared in
            var random = SeededGenerator(seed: seed)
            var point: [String: Double] = [:]
            for n in names { point[n] = Double.random(in: 0.3...1.7, using: &random) }
            let a = doc.store.evaluate(chained.matrix.entries, at: point)
            let b = doc.store.evaluate(direct.matrix.entries, at: point)
            for (k, n) in names.enumerated() {
                #expect(isClose(a[k], b[k], relative: 1e-9), "graph \(index), seed \(seed), ∂/∂\(n): \(a[k]) vs \(b[k])")
                // Central finite differences on the written-out function.
                let h = 1e-5
                var up = point, down = point
                up[n]! += h; down[n]! -= h
                let fd = (doc.store.evaluate(direct.components, at: up)[0] - doc.store.evaluate(direct.components, at: down)[0]) / (2 * h)
                #expect(isClose(a[k], fd, relative: 1e-5, absolute: 1e-6), "graph \(index), seed \(seed), ∂/∂\(n): \(a[k]) vs FD \(fd)")
                compared += 1
            }
        }
    }

    /// Each sum of the working, with the quantities replaced by their values, is the result.
    @Test(arguments: 0..<graphs.count)
    func everySumOfTheWorkingHolds(index: Int) throws {
        let (quantities, wrt, _) = Self.graphs[index]
        let target = String(quantities.prefix { $0 != " " })
        let doc = try solve("\(quantities)\nderivative \(target) wrt \(wrt)\n")
        let store = doc.store
        let graph = try #require(doc.results[0].quantities)
        let working = try #require(graph.working)
        #expect(!working.sums.isEmpty)
        #expect(working.sums.last?.quantity == graph.target)
        let inVariables = graph.inVariables(store)
        forEachSeed(0..<5, atLeast: 5 * working.sums.count) { seed, compared in
            var random = SeededGenerator(seed: seed)
            var point: [String: Double] = [:]
            for v in graph.variables { point[store.symbolName(v)!] = Double.random(in: 0.3...1.7, using: &random) }
            for sum in working.sums {
                let terms = store.sum(sum.terms.map { store.multiply($0.outer, $0.inner) })
                let written = store.substitute(terms, inVariables)
                let values = store.evaluate([written, sum.value], at: point)
                #expect(isClose(values[0], values[1], relative: 1e-9), "graph \(index), seed \(seed)")
                compared += 1
            }
        }
    }

    @Test func stewartsExampleInTheVariables() throws {
        let e = try entries("z = x^2 sin(y)\nx = s t^2\ny = s + t\nderivative z wrt s, t\n")
        #expect(e == [["s·t^4·(2·sin(s + t) + s·cos(s + t))", "s^2·t^3·(4·sin(s + t) + t·cos(s + t))"]])
        // Without wrt, the variables are the symbols no line defines, in the order met.
        let doc = try solve("z = x^2 sin(y)\nx = s t^2\ny = s + t\ngradient z\n")
        #expect(doc.results[0].variables == ["s", "t"])
        #expect(doc.results[0].command == .gradient)
    }

    @Test func aQuantityNamedInWrtIsHeld() throws {
        // ∂w/∂x holds x as a variable: w = x y + y z + z x in x, with y and z written out.
        let e = try entries("w = x y + y z + z x\nx = u v\ny = u - v\nz = u^2\nderivative w wrt x\n")
        #expect(e == [["u + u^2 - v"]])
    }

    @Test func oneVariableLeftAndConstants() throws {
        // With wrt t only, s is a constant.
        let e = try entries("z = x^2 sin(y)\nx = s t^2\ny = s + t\nderivative z wrt t\n")
        #expect(e == [["s^2·t^3·(4·sin(s + t) + t·cos(s + t))"]])
        // A let value is substituted, not a variable.
        let doc = try solve("let a = 2\nz = a x\nx = t^2\nderivative z\n")
        #expect(doc.results[0].variables == ["t"])
    }

    @Test func aHessianOfAQuantity() throws {
        let e = try entries("z = x y\nx = s + t\ny = s - t\nhessian z wrt s, t\n")
        #expect(e == [["2", "0"], ["0", "-2"]])
    }

    @Test func badGraphsAreErrors() {
        #expect(diagnostic("z = x + 1\nx = y^2\ny = z\nderivative z\n")?.hasPrefix("test.nabla:1:1: error: z is defined in terms of itself") == true)
        #expect(diagnostic("let a = 2\nz = a^2 + a\nderivative z\n")?.contains("error: z depends on no variable: every value it uses is given") == true)
        #expect(diagnostic("f(u) = u^2\nz = s t\njacobian f∘z\n")?.contains("error: z is a quantity (z = …), not a function: ask for derivative z wrt …, without ∘") == true)
        #expect(diagnostic("z = x y\nx = s\nderivative z wrt q\n")?.contains("q") == true)
        // Found by the fuzzer: the target named among its own variables.
        #expect(diagnostic("T = u v\nu = cos(t)\nv = t\nderivative T wrt T t\n")?.contains("4:18: error: T does not appear in T; its inputs are t") == true)
        // `z = x` names a quantity when x is no function; `F = f` stays a composition.
        #expect((try? entries("z = x\nx = t^3\nderivative z\n")) == [["3t^2"]])
        #expect((try? entries("f(t) = t^3\nF = f\ngradient F\n")) == [["3t^2"]])
    }

    /// Thousands of quantities in a chain: no recursion, the result exact.
    @Test func aLongChainOfQuantities() throws {
        let n = 3000
        var lines = ["x0 = x1 + t"]
        for k in 1..<n { lines.append("x\(k) = x\(k + 1) + t") }
        lines.append("x\(n) = t^2")
        lines.append("derivative x0 wrt t")
        let e = try entries(lines.joined(separator: "\n"))
        #expect(e == [["2t + \(n)"]])
    }
}
