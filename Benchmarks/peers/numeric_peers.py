#!/usr/bin/env python3
"""Time CasADi and JAX on the numeric benchmark problems (numeric_problem.py).

    numeric_peers.py --peer casadi|jax [--sizes 3,10,30,100] [--points 10000] [--budget 0.3]

Prints one JSON object per line, with the fields of nabla-bench --json:
peer, problem (jacobian | value | gradient), method, n, mode (single | batch),
seconds_per_point, setup_seconds, check (the sum of the outputs at point 0).
Both peers compute in double precision on one thread.
"""

import argparse
import json
import os
import time

import numeric_problem as problem


def seconds_per_call(work, budget, rounds=5):
    """Best round, each round lasting about budget/rounds seconds."""
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            work()
        elapsed = time.perf_counter() - start
        if elapsed >= budget / rounds / 4 or calls >= 1 << 30:
            break
        calls *= 4
    per_round = max(1, int(calls * (budget / rounds) / max(elapsed, 1e-9)))
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(per_round):
            work()
        best = min(best, (time.perf_counter() - start) / per_round)
    return best


def emit(peer, problem_name, method, n, mode, seconds, setup, check, **extra):
    record = {"peer": peer, "problem": problem_name, "method": method, "n": n, "mode": mode,
              "seconds_per_point": seconds, "setup_seconds": setup, "check": check}
    record.update(extra)
    print(json.dumps(record), flush=True)


def run_jax(sizes, count, budget):
    os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
    import jax
    import jax.numpy as jnp
    import numpy as np
    jax.config.update("jax_enable_x64", True)

    for n in sizes:
        X = np.array(problem.points(count, n))
        for name, build in (("jacobian", None), ("loss", None)):
            start = time.perf_counter()
            if name == "jacobian":
                A = jnp.array(problem.matrix(n, problem.SEED_A), dtype=jnp.float64)

                def h(x, A=A):
                    y = A @ x
                    return jnp.exp(y + jnp.roll(y, -1))
                functions = [("jacobian", "jacfwd", jax.jacfwd(h), n * n)]
            else:
                W = jnp.array(problem.matrix(n, problem.SEED_W), dtype=jnp.float64)

                def L(x, W=W):
                    return -jax.nn.log_softmax(W @ x)[0]
                functions = [("value", "jit", L, 1), ("gradient", "grad", jax.grad(L), n)]
            for problem_name, method, f, outputs in functions:
                start = time.perf_counter()
                single = jax.jit(f)
                batched = jax.jit(jax.vmap(f))
                size = problem.chunk_size(count, outputs)
                chunks = [jnp.asarray(X[s:s + size]) for s in range(0, count, size)]
                x0 = jnp.asarray(X[0])
                check = float(jnp.sum(single(x0)))
                for c in chunks[:2]:
                    batched(c).block_until_ready()
                setup = time.perf_counter() - start
                t = seconds_per_call(lambda: single(x0).block_until_ready(), budget)
                emit("jax", problem_name, method, n, "single", t, setup, check)

                def whole():
                    for c in chunks:
                        batched(c).block_until_ready()
                t = seconds_per_call(whole, budget)
                emit("jax", problem_name, method, n, "batch", t / count, setup, check)


def run_casadi(sizes, count, budget):
    import casadi as ca
    import numpy as np

    for n in sizes:
        X = np.array(problem.points(count, n))
        for name in ("jacobian", "loss"):
            start = time.perf_counter()
            x = ca.SX.sym("x", n)
            if name == "jacobian":
                A = ca.DM(problem.matrix(n, problem.SEED_A))
                y = ca.mtimes(A, x)
                h = ca.exp(y + ca.vertcat(y[1:], y[0]))
                functions = [("jacobian", "SX jacobian", ca.Function("J", [x], [ca.jacobian(h, x)]), n * n)]
            else:
                W = ca.DM(problem.matrix(n, problem.SEED_W))
                z = ca.mtimes(W, x)
                L = -(z[0] - ca.logsumexp(z))
                functions = [("value", "SX", ca.Function("L", [x], [L]), 1),
                             ("gradient", "SX gradient", ca.Function("g", [x], [ca.gradient(L, x)]), n)]
            setup_common = time.perf_counter() - start
            for problem_name, method, f, outputs in functions:
                start = time.perf_counter()
                size = problem.chunk_size(count, outputs)
                mapped = {}
                chunks = []
                for s in range(0, count, size):
                    block = ca.DM(X[s:s + size].T)
                    width = block.size2()
                    if width not in mapped:
                        mapped[width] = f.map(width)
                    chunks.append((mapped[width], block))
                x0 = ca.DM(X[0])
                check = float(np.sum(np.array(f(x0))))
                setup = setup_common + time.perf_counter() - start
                t = seconds_per_call(lambda: f(x0), budget)
                emit("casadi", problem_name, method, n, "single", t, setup, check, instructions=f.n_instructions())

                def whole():
                    for g, block in chunks:
                        g(block)
                t = seconds_per_call(whole, budget)
                emit("casadi", problem_name, method + " map", n, "batch", t / count, setup, check,
                     instructions=f.n_instructions())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer", choices=["casadi", "jax"], required=True)
    parser.add_argument("--sizes", default="3,10,30,100")
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--budget", type=float, default=0.3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    {"casadi": run_casadi, "jax": run_jax}[args.peer](sizes, args.points, args.budget)


if __name__ == "__main__":
    main()
