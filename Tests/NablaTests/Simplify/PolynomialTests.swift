import Foundation
import Testing
@testable import NablaCalculus
@testable import Nabla

/// Polynomials over atoms: exact division and the gcd in one atom, against products built
/// from seeded random factors, and the rule that uses them checked on values.
@Suite struct PolynomialTests {
    /// A random polynomial in `atoms`, as text: up to `terms` terms of degree at most 2 per atom.
    static func randomPolynomial(_ atoms: [String], terms: Int, _ g: inout SeededGenerator) -> String {
        (0..<terms).map { _ in
            let c = Int.random(in: -3...3, using: &g)
            let monomial = atoms.map { a in
                let k = Int.random(in: 0...2, using: &g)
                return k == 0 ? "" : "\(a)^\(k)"
            }.filter { !$0.isEmpty }.joined(separator: " ")
            return "(\(c == 0 ? 1 : c))" + (monomial.isEmpty ? "" : " " + monomial)
        }.joined(separator: " + ")
    }

    /// (A·B)/B is A, in one atom and in two, with exponentials as atoms too.
    @Test(arguments: [["x"], ["x", "y"], ["exp(x)"]]) func exactDivisionOfAProduct(atoms: [String]) throws {
        forEachSeed(0..<12, atLeast: 8) { seed, compared in
            var g = SeededGenerator(seed: seed)
            let a = Self.randomPolynomial(atoms, terms: 3, &g), b = Self.randomPolynomial(atoms, terms: 2, &g) + " + x"
            guard let doc = try? solve("F(x, y) = ((\(a))*(\(b)))/(\(b))\njacobian F"), let e = try? solve("G(x, y) = \(a)\njacobian G") else {
                Issue.record("seed \(seed): does not solve"); return
            }
            let store = doc.store
            let simplified = Simplifier(store: store).simplify(doc.results[0].components[0])
            // Without a common factor left, the size is the quotient's, not the product's over B.
            let point = ["x": 0.7, "y": -1.3]
            let v = store.evaluate([simplified], at: point)[0], w = e.store.evaluate([e.results[0].components[0]], at: point)[0]
            #expect(isClose(v, w, relative: 1e-9), "seed \(seed): \(a) | \(b)")
            #expect(store.treeSize(simplified) <= e.store.treeSize(e.results[0].components[0]) + 2,
                    "seed \(seed): B not cancelled in ((\(a))·(\(b)))/(\(b))")
            compared += 1
        }
    }

    @Test func theGcdInOneAtom() throws {
        let doc = try solve("F(x) = (x^2 - 1)/(x^2 + 2x + 1)\nG(x) = (x^3 - x)/(x^2 - 2x + 1)\njacobian F\njacobian G")
        let store = doc.store
        let simplifier = Simplifier(store: store)
        let printer = ExpressionPrinter(store: store, notation: .text)
        #expect(printer.string(simplifier.simplify(doc.results[0].components[0])) == "(x - 1)/(x + 1)")
        #expect(printer.string(simplifier.simplify(doc.results[1].components[0])) == "(x + x^2)/(x - 1)")
    }
}
