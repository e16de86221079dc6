import NablaKernels

/// exp over many lanes at once: the C kernel `nabla_lane_exp`, compiled for AVX-512, AVX2 and
/// baseline x86-64 and chosen by the processor when the program starts (about six times the
/// throughput of calling the C library's `exp` one value at a time on baseline code, and 2.5
/// times more with AVX-512), within two units in the last place of it. The method is in the C
/// source.
///
/// ```swift
/// laneExp(x, into: y, count: 256)   // y[p] = e^x[p]
/// ```
func laneExp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
    nabla_lane_exp(x, y, count)
}
