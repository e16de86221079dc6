#include "NablaKernels.h"
#include <stdint.h>
#include <string.h>

// The same rounding on every processor: no fused multiply-add where one instruction set has it
// and another not.
#pragma clang fp contract(off)

// On x86-64 Linux the loop is compiled three times (AVX-512, AVX2, baseline) and the loader picks
// the widest the processor runs: four to eight exponentials per instruction instead of two.
#if defined(__x86_64__) && defined(__linux__)
#define NABLA_CLONES __attribute__((target_clones("avx512f", "arch=haswell", "default")))
#else
#define NABLA_CLONES
#endif

// Method: x = k·ln 2 + r with k an integer and |r| ≤ ln 2 / 2 (ln 2 split in two parts, so that r
// is exact), e^r by its Taylor polynomial of degree 13 (truncation below 1e-17) in Estrin's
// scheme, then 2^k applied in two halves, so that overflow gives +inf and results below the
// normal range come out as subnormal numbers or 0 with a single rounding. No calls and no
// branches, so that the loop is vectorised.
NABLA_CLONES
void nabla_lane_exp(const double *x, double *y, long count) {
    const double log2e = 1.4426950408889634;
    const double ln2High = 0.693145751953125;      // 20 significant bits: k·ln2High is exact
    const double ln2Low = 1.4286068203094173e-06;  // ln 2 − ln2High
    const double roundingMagic = 6755399441055744.0;   // 1.5·2⁵²: adding it rounds to an integer
    int64_t magicBits;
    memcpy(&magicBits, &roundingMagic, sizeof magicBits);
    // Entry by entry, each x[p] read before y[p] is written: x and y may be the same array (the
    // tape takes exp in place), so they are not `restrict`, and the loop is vectorised anyway.
#pragma clang loop vectorize(assume_safety)
    for (long p = 0; p < count; p++) {
        double v = x[p];
        double clamped = v < -746 ? -746 : (v > 710 ? 710 : v);
        double shifted = clamped * log2e + roundingMagic;
        double k = shifted - roundingMagic;
        int64_t shiftedBits;
        memcpy(&shiftedBits, &shifted, sizeof shiftedBits);
        int64_t kInt = shiftedBits - magicBits;
        double r = (clamped - k * ln2High) - k * ln2Low;
        double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        double q0 = 1 + r, q1 = 0.5 + r * (1.0 / 6), q2 = 1.0 / 24 + r * (1.0 / 120), q3 = 1.0 / 720 + r * (1.0 / 5040);
        double q4 = 1.0 / 40320 + r * (1.0 / 362880), q5 = 1.0 / 3628800 + r * (1.0 / 39916800);
        double q6 = 1.0 / 479001600 + r * (1.0 / 6227020800);
        double low = (q0 + q1 * r2) + (q2 + q3 * r2) * r4;
        double high = (q4 + q5 * r2) + q6 * r4;
        double e = low + high * r8;
        int64_t half = kInt >> 1;
        uint64_t firstBits = (uint64_t)(half + 1023) << 52, secondBits = (uint64_t)(kInt - half + 1023) << 52;
        double firstScale, secondScale;
        memcpy(&firstScale, &firstBits, sizeof firstScale);
        memcpy(&secondScale, &secondBits, sizeof secondScale);
        double result = e * firstScale * secondScale;
        y[p] = v != v ? v : result;   // NaN stays NaN
    }
}
