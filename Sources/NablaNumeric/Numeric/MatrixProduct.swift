import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The two matrix products of a dense layer over a batch, C = A·B and C = A·Bᵀ on row-major
/// matrices: OpenBLAS's `cblas_dgemm` when the machine has the library (it is looked up at run
/// time, so that nothing is needed to build), else loops in blocks that the compiler vectorises.
///
/// ```swift
/// MatrixProduct.multiply(w, x, into: z, m: 3, n: count, k: 4)             // Z = W·X
/// MatrixProduct.multiply(g, x, into: gw, m: 3, n: 4, k: count, bTransposed: true)   // G·Xᵀ
/// ```
package enum MatrixProduct {
    package typealias Gemm = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Double, UnsafePointer<Double>, Int32,
                                     UnsafePointer<Double>, Int32, Double, UnsafeMutablePointer<Double>, Int32) -> Void

    /// OpenBLAS's dgemm, single-threaded (the trainer runs one chunk per core); nil without the
    /// library, or when `NABLA_BLAS=off`.
    package static let blas: Gemm? = {
        let environment = ProcessInfo.processInfo.environment
        if environment["NABLA_BLAS"] == "off" { return nil }
        // OpenBLAS picks its kernels by the processor's model; a virtual machine that hides the
        // model gets the slowest (SSE3) ones. Name the kernels by the instructions the processor has.
        if environment["OPENBLAS_CORETYPE"] == nil, let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let flags = cpu.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) {
            let words = Set(flags.split(separator: " "))
            if words.contains("avx512f") && words.contains("avx512vl") { setenv("OPENBLAS_CORETYPE", "SkylakeX", 0) }
            else if words.contains("avx2") && words.contains("fma") { setenv("OPENBLAS_CORETYPE", "Haswell", 0) }
        }
        for name in ["libopenblas.so.0", "libopenblas.so", "libopenblasp.so.0"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL), let gemm = dlsym(handle, "cblas_dgemm") else { continue }
            if let threads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(threads, to: (@convention(c) (Int32) -> Void).self)(1)
            }
            return unsafeBitCast(gemm, to: Gemm.self)
        }
        return nil
    }()

    /// Which implementation runs: "OpenBLAS" or "native".
    package static var implementation: String { blas == nil ? "native" : "OpenBLAS" }

    /// C (m×n) = A (m×k) · B (k×n), or · Bᵀ with B stored n×k; all row-major. Rows of B and C
    /// are `ldb` and `ldc` apart (their widths when not given), so that a block of columns of a
    /// wider matrix can be read or written in place.
    package static func multiply(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                                 m: Int, n: Int, k: Int, bTransposed: Bool = false, ldb: Int? = nil, ldc: Int? = nil,
                                 native: Bool = false) {
        let ldb = ldb ?? (bTransposed ? k : n), ldc = ldc ?? n
        if !native, let gemm = blas {
            gemm(101, 111, bTransposed ? 112 : 111, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(ldb), 0, c, Int32(ldc))
            return
        }
        if bTransposed {
            // Each entry a dot product of two rows, four accumulators apiece.
            for i in 0..<m {
                for j in 0..<n { c[i * ldc + j] = dot(a + i * k, b + j * ldb, k) }
            }
        } else {
            // Row i of C is Σ_l A[i, l]·(row l of B): axpys along contiguous rows.
            for i in 0..<m {
                let out = c + i * ldc
                out.update(repeating: 0, count: n)
                for l in 0..<k {
                    let w = a[i * k + l]
                    if w == 0 { continue }
                    let row = b + l * ldb
                    for p in 0..<n { out[p] += w * row[p] }
                }
            }
        }
    }

    /// Σ_p a[p]·b[p].
    package static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
        var s = SIMD4<Double>(repeating: 0), t = SIMD4<Double>(repeating: 0)
        var p = 0
        while p + 8 <= n {
            s += UnsafeRawPointer(a + p).loadUnaligned(as: SIMD4<Double>.self) * UnsafeRawPointer(b + p).loadUnaligned(as: SIMD4<Double>.self)
            t += UnsafeRawPointer(a + p + 4).loadUnaligned(as: SIMD4<Double>.self) * UnsafeRawPointer(b + p + 4).loadUnaligned(as: SIMD4<Double>.self)
            p += 8
        }
        var total = (s + t).sum()
        while p < n { total += a[p] * b[p]; p += 1 }
        return total
    }
}
