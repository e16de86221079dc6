"""The problems of the numeric benchmark, exactly as nabla-bench builds them
(Sources/nabla-bench/BenchmarkProblem.swift), so every peer computes the same numbers:

(a) jacobian: h = f o g, g(x) = A x, f_i(y) = exp(y_i + y_(i+1 mod n)); the full Jacobian.
(b) loss: L(x) = -log softmax(W x)_1; its value and its gradient.

A and W: dense n-by-n integers in [-3, 3] drawn row by row from SplitMix64 as
next() % 7 - 3 (seed 2026 for A, 2027 for W). Coordinate j of point p is
0.5 * sin(p*n + j + 1) / sqrt(n). Batches are evaluated in calls of at most ten
million outputs (and at least 256 points) each.
"""

import math

MASK = (1 << 64) - 1
SEED_A, SEED_W = 2026, 2027


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def matrix(n, seed):
    draw = splitmix64(seed)
    return [[next(draw) % 7 - 3 for _ in range(n)] for _ in range(n)]


def points(count, n):
    """count points, each a list of n coordinates."""
    return [[0.5 * math.sin(p * n + j + 1) / math.sqrt(n) for j in range(n)] for p in range(count)]


def chunk_size(count, outputs):
    return min(count, max(256, 10_000_000 // max(outputs, 1)))
