import Foundation
import Testing
@testable import Nabla

/// The symbolic passes need no deep call stack: a composition a thousand functions deep is
/// differentiated, simplified, printed and evaluated on a thread with a 256 KiB stack, where a
/// recursion as deep as the expression would overflow.
@Suite struct DeepCompositionTests {
    static func onSmallStack(_ work: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work()
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
    }

    @Test func aThousandFoldCompositionOnASmallStack() {
        let outcome = Locked<String>("not run")
        Self.onSmallStack {
            do {
                // g(x) = sin(x)/2 keeps every level near 0: F'(x) = ∏ cos(x_k)/2 with x_{k+1} = sin(x_k)/2.
                let n = 1000
                let text = "g(x) = sin(x)/2\nF = " + Array(repeating: "g", count: n).joined(separator: "∘") + "\ngradient F\n"
                let doc = try solve(text)
                let gradient = doc.results[0]
                let got = doc.store.evaluate(gradient.matrix.entries, at: ["x": 0.7])[0]
                var value = 0.7, slope = 1.0
                for _ in 0..<n { slope *= Foundation.cos(value) / 2; value = Foundation.sin(value) / 2 }
                let printed = TextRenderer(store: doc.store).render(gradient)
                outcome.set("\(isClose(got, slope, relative: 1e-9, absolute: 0)) \(printed.hasPrefix("∇F(x) =")) \(gradient.links.count)")
            } catch {
                outcome.set("error \(error)")
            }
        }
        #expect(outcome.value == "true true 1000")
    }

    /// x_k = (sin(x_{k−1}) + x_{k−1})/2 would flatten into a sum of k terms at every level (n²/2
    /// in all); large sums are kept whole, so the graph grows linearly with n.
    @Test func anNFoldCompositionHasLinearlyManyNodes() throws {
        let n = 2000
        let text = "f(x) = (sin(x) + x)/2\nF = " + Array(repeating: "f", count: n).joined(separator: "∘") + "\ngradient F\n"
        let doc = try solve(text)
        let gradient = doc.results[0]
        #expect(doc.store.reachable(from: gradient.matrix.entries).count < 40 * n)   // n²/2 = 2,000,000 if every level were flattened
        var value = 0.9, slope = 1.0
        for _ in 0..<n { slope *= (Foundation.cos(value) + 1) / 2; value = (Foundation.sin(value) + value) / 2 }
        let got = doc.store.evaluate(gradient.matrix.entries, at: ["x": 0.9])[0]
        #expect(slope > 1e-7 && isClose(got, slope, relative: 1e-9, absolute: 0))
    }

    @Test func deepSubstitutionAndDerivativeOnASmallStack() {
        let outcome = Locked<String>("not run")
        Self.onSmallStack {
            let s = ExpressionStore()
            let x = s.symbol("x")
            var e = x
            for _ in 0..<1200 { e = s.apply(.sin, s.sum([e, s.number(1)])) }   // sin(sin(…sin(x + 1)… + 1) + 1), 1200 deep
            let d = s.derivative(e, x)
            let y = s.substitute(d, [x: s.number(0)])
            let simplified = Simplifier(store: s).simplify(d)
            let text = ExpressionPrinter(store: s, notation: .text).string(simplified)
            // d/dx at x: the product of cos of every level; compare with the chain rule done numerically.
            var value = 0.3, slope = 1.0
            for _ in 0..<1200 { slope *= Foundation.cos(value + 1); value = Foundation.sin(value + 1) }
            let got = s.evaluate([d], at: ["x": 0.3])[0]
            outcome.set("\(isClose(got, slope, relative: 1e-9)) \(y != s.undefined) \(text.count > 1200)")
        }
        #expect(outcome.value == "true true true")
    }
}

/// A value shared with a thread, behind a lock.
final class Locked<T>: @unchecked Sendable {
    private var stored: T
    private let lock = NSLock()
    init(_ value: T) { stored = value }
    var value: T { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ value: T) { lock.lock(); stored = value; lock.unlock() }
}
