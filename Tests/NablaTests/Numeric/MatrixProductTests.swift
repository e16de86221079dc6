import Foundation
import Testing
@testable import NablaNumeric

/// The two products of a dense layer, by OpenBLAS (when the machine has it) and by the native
/// loops, against the definition, on seeded random matrices of awkward sizes.
@Suite struct MatrixProductTests {
    /// Where CI installed OpenBLAS, it is found (else both halves below would test the native loops).
    @Test func openBLASIsFoundWhereItIsInstalled() {
        if ProcessInfo.processInfo.environment["NABLA_REQUIRE_BLAS"] == "1" { #expect(MatrixProduct.implementation == "OpenBLAS") }
    }

    @Test(arguments: [1420, 1421, 1422] as [UInt64])
    func bothProductsAgreeWithTheDefinition(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let m = Int.random(in: 1...12, using: &g), n = Int.random(in: 1...300, using: &g), k = Int.random(in: 1...70, using: &g)
        let a = (0..<(m * k)).map { _ in Double.random(in: -1...1, using: &g) }
        let b = (0..<(k * n)).map { _ in Double.random(in: -1...1, using: &g) }
        let bt = (0..<(n * k)).map { _ in Double.random(in: -1...1, using: &g) }
        for native in [true, false] {
            var c = [Double](repeating: .nan, count: m * n), ct = c
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in c.withUnsafeMutableBufferPointer { MatrixProduct.multiply(a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, n: n, k: k, native: native) } }
                bt.withUnsafeBufferPointer { b in ct.withUnsafeMutableBufferPointer { MatrixProduct.multiply(a.baseAddress!, b.baseAddress!, into: $0.baseAddress!, m: m, n: n, k: k, bTransposed: true, native: native) } }
            }
            for i in 0..<m {
                for j in 0..<n {
                    let want = (0..<k).reduce(0.0) { $0 + a[i * k + $1] * b[$1 * n + j] }
                    let wantT = (0..<k).reduce(0.0) { $0 + a[i * k + $1] * bt[j * k + $1] }
                    #expect(isClose(c[i * n + j], want, relative: 1e-12, absolute: 1e-12), "seed \(seed), native \(native), (\(i), \(j)) of \(m)×\(n)×\(k)")
                    #expect(isClose(ct[i * n + j], wantT, relative: 1e-12, absolute: 1e-12), "seed \(seed), native \(native), transposed (\(i), \(j))")
                }
            }
        }
    }

    /// A block of columns read from a wider B and written into a wider C, in place: the rest of
    /// C is left as it was.
    @Test(arguments: [1423, 1424] as [UInt64])
    func aBlockOfColumnsIsMultipliedInPlace(seed: UInt64) {
        var g = SeededGenerator(seed: seed)
        let m = Int.random(in: 1...9, using: &g), k = Int.random(in: 1...40, using: &g)
        let wide = Int.random(in: 20...200, using: &g), first = Int.random(in: 0..<(wide / 2), using: &g)
        let n = Int.random(in: 1...(wide - first), using: &g)
        let a = (0..<(m * k)).map { _ in Double.random(in: -1...1, using: &g) }
        let b = (0..<(k * wide)).map { _ in Double.random(in: -1...1, using: &g) }
        for native in [true, false] {
            var c = [Double](repeating: .nan, count: m * wide)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    c.withUnsafeMutableBufferPointer {
                        MatrixProduct.multiply(a.baseAddress!, b.baseAddress! + first, into: $0.baseAddress! + first, m: m, n: n, k: k,
                                               ldb: wide, ldc: wide, native: native)
                    }
                }
            }
            for i in 0..<m {
                for j in 0..<wide {
                    if (first..<(first + n)).contains(j) {
                        let want = (0..<k).reduce(0.0) { $0 + a[i * k + $1] * b[$1 * wide + j] }
                        #expect(isClose(c[i * wide + j], want, relative: 1e-12, absolute: 1e-12), "seed \(seed), native \(native), (\(i), \(j))")
                    } else {
                        #expect(c[i * wide + j].isNaN, "seed \(seed), native \(native): (\(i), \(j)) outside the block was written")
                    }
                }
            }
        }
    }
}
