/* The numeric benchmark in plain C: the hand-written floor, or (with -DGENERATED) the function
 * `nabla codegen` wrote for the same problem. Same matrices, points and batch rule as
 * nabla-bench and numeric_peers.py (see numeric_problem.py).
 *
 *   cc -O3 -march=native numeric_c.c -lm -o floor && ./floor jacobian 30 10000 0.3
 *   cc -O3 -march=native -DGENERATED='"gen.c"' -DNABLA_FUNCTION=nabla_f_g numeric_c.c -lm -o gen
 *
 * Prints one JSON line per problem with seconds_per_point over the batch and the sum of the
 * outputs at point 0. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef GENERATED
#include GENERATED
#endif

static uint64_t splitmix_state;
static uint64_t splitmix_next(void) {
    uint64_t z = (splitmix_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double *matrix(int n, uint64_t seed) {
    double *m = malloc(sizeof(double) * n * n);
    splitmix_state = seed;
    for (int k = 0; k < n * n; k++) m[k] = (double)(int)(splitmix_next() % 7) - 3;
    return m;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* Hand-written kernels: the Jacobian of exp(y_i + y_(i+1)) with y = A x, and the value and
 * gradient of L(x) = -log softmax(W x)_1. */
static void jacobian(int n, const double *A, const double *x, double *y, double *J) {
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += A[i * n + j] * x[j];
        y[i] = s;
    }
    for (int i = 0; i < n; i++) {
        int next = (i + 1) % n;
        double h = exp(y[i] + y[next]);
        for (int j = 0; j < n; j++) J[i * n + j] = h * (A[i * n + j] + A[next * n + j]);
    }
}

static double loss(int n, const double *W, const double *x, double *z, double *gradient) {
    double m = -INFINITY;
    for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) s += W[i * n + j] * x[j];
        z[i] = s;
        if (s > m) m = s;
    }
    double total = 0;
    for (int i = 0; i < n; i++) total += (z[i] = exp(z[i] - m));   /* z now holds exp(z - m) */
    double value = m + log(total) - (m + log(z[0]));
    if (gradient) {
        for (int j = 0; j < n; j++) gradient[j] = 0;
        for (int i = 0; i < n; i++) {
            double p = z[i] / total - (i == 0);
            for (int j = 0; j < n; j++) gradient[j] += p * W[i * n + j];
        }
    }
    return value;
}

int main(int argc, char **argv) {
    if (argc < 4) { fprintf(stderr, "usage: %s jacobian|value|gradient N POINTS [BUDGET]\n", argv[0]); return 2; }
    const char *problem = argv[1];
    int n = atoi(argv[2]), count = atoi(argv[3]);
    double budget = argc > 4 ? atof(argv[4]) : 0.3;
    int is_jacobian = strcmp(problem, "jacobian") == 0, is_value = strcmp(problem, "value") == 0;
    int outputs = is_jacobian ? n * n : is_value ? 1 : n;
    int chunk = 10000000 / outputs;
    if (chunk < 256) chunk = 256;
    if (chunk > count) chunk = count;

    double *M = matrix(n, is_jacobian ? 2026 : 2027);
    double *X = malloc(sizeof(double) * n * count);
    for (int p = 0; p < count; p++)
        for (int j = 0; j < n; j++) X[p * n + j] = 0.5 * sin((double)(p * n + j + 1)) / sqrt((double)n);
    double *out = malloc(sizeof(double) * outputs * chunk);
    double *work = malloc(sizeof(double) * n);
#ifdef GENERATED
    double *values = malloc(sizeof(double) * n);
    (void)M; (void)work;
#endif

    /* One pass over the batch: point p's outputs at out[(p % chunk) * outputs]. */
#ifdef GENERATED
#define EVALUATE(p) NABLA_FUNCTION(X + (size_t)(p) * n, values, out + (size_t)((p) % chunk) * outputs)
#else
#define EVALUATE(p) do { \
        if (is_jacobian) jacobian(n, M, X + (size_t)(p) * n, work, out + (size_t)((p) % chunk) * outputs); \
        else if (is_value) out[(p) % chunk] = loss(n, M, X + (size_t)(p) * n, work, NULL); \
        else { double v = loss(n, M, X + (size_t)(p) * n, work, out + (size_t)((p) % chunk) * outputs); (void)v; } \
    } while (0)
#endif

    EVALUATE(0);
    double check = 0;
#ifdef GENERATED
    if (is_value) check = values[0]; else
#endif
    for (int k = 0; k < outputs; k++) check += out[k];

    double best = INFINITY;
    int passes = 1;
    for (;;) {
        double start = now();
        for (int r = 0; r < passes; r++) for (int p = 0; p < count; p++) EVALUATE(p);
        double t = now() - start;
        if (t >= budget / 20 || passes >= 1 << 20) { best = t / passes; break; }
        passes *= 2;
    }
    for (int round = 0; round < 5; round++) {
        double start = now();
        for (int r = 0; r < passes; r++) for (int p = 0; p < count; p++) EVALUATE(p);
        double t = (now() - start) / passes;
        if (t < best) best = t;
    }
    printf("{\"peer\": \"%s\", \"problem\": \"%s\", \"method\": \"%s\", \"n\": %d, \"mode\": \"batch\", "
           "\"seconds_per_point\": %.6g, \"check\": %.17g}\n",
#ifdef GENERATED
           "generated-c", problem, "nabla codegen",
#else
           "c", problem, "hand-written",
#endif
           n, best / count, check);
    return 0;
}
