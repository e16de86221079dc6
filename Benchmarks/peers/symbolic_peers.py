#!/usr/bin/env python3
"""Time SymPy and SymEngine on the symbolic-Jacobian benchmark problem.

    symbolic_peers.py --n 10,30,100,300 [--seed S] [--peers sympy,symengine]
                      [--print] [--timeout SECONDS] [--repeat R]

For every size n and every peer, one fresh Python process (this script run
with --worker) builds the problem from the same text that make_problem.py
writes into the .nabla file and measures, with time.perf_counter (wall time):

  parse     sympify every component string of g and f (plus making x1..xn)
  build     h = f(g(x)): substitute y_j -> g_j(x) into each f_i
  jacobian  Matrix(h).jacobian(Matrix([x1..xn]))
  str       str() of every entry of the Jacobian (only with --print; the
            strings are measured and dropped, not kept)
  total     the sum of the phases above

Interpreter start-up and importing the peer are not timed.  One JSON object
is printed per (peer, n) on its own line, e.g.

  {"peer": "symengine", "n": 100, "parse": ..., "build": ..., "jacobian": ...,
   "str": ..., "total": ...}

A case that runs longer than --timeout seconds is killed and reported as
{"peer": ..., "n": ..., "timeout": SECONDS}; once a peer has timed out, its
larger sizes are reported the same way (with "inferred": true) without being
run.  Peers that are not installed are skipped with a note on stderr.
"""

import argparse
import gc
import importlib
import importlib.util
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import problem  # noqa: E402  (shared with make_problem.py)

KNOWN_PEERS = ("sympy", "symengine")


# --------------------------------------------------------------------------
# worker side: one (peer, n) case in this process
# --------------------------------------------------------------------------

def run_case(peer, n, seed, do_print):
    mod = importlib.import_module(peer)
    a = problem.matrix(n, seed)
    g_text = problem.g_components(a)
    f_text = problem.f_components(n)
    x_names = problem.x_names(n)
    y_names = problem.y_names(n)
    gc.collect()

    clock = time.perf_counter
    t0 = clock()
    xs = [mod.Symbol(name) for name in x_names]
    ys = [mod.Symbol(name) for name in y_names]
    g = [mod.sympify(text) for text in g_text]
    f = [mod.sympify(text) for text in f_text]
    t1 = clock()

    mapping = dict(zip(ys, g))
    if peer == "sympy":
        # xreplace is SymPy's plain symbol-for-expression substitution; subs
        # would also try pattern matching and only make SymPy slower.
        h = [fi.xreplace(mapping) for fi in f]
    else:
        h = [fi.subs(mapping) for fi in f]
    t2 = clock()

    jac = mod.Matrix(h).jacobian(mod.Matrix(xs))
    t3 = clock()

    result = {
        "peer": peer,
        "version": getattr(mod, "__version__", "?"),
        "n": n,
        "seed": seed,
        "parse": t1 - t0,
        "build": t2 - t1,
        "jacobian": t3 - t2,
    }
    if do_print:
        chars = 0
        nonzero = 0
        for entry in jac:
            text = str(entry)
            chars += len(text)
            if text != "0":
                nonzero += 1
        t4 = clock()
        result["str"] = t4 - t3
        result["chars"] = chars
        result["nonzero"] = nonzero
    else:
        t4 = t3
        result["str"] = None
    result["total"] = t4 - t0
    return result


# --------------------------------------------------------------------------
# driver side: one subprocess per case, with a timeout
# --------------------------------------------------------------------------

def parse_sizes(text):
    try:
        sizes = [int(part) for part in text.replace(" ", ",").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}")
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"sizes must be positive integers: {text!r}")
    return sizes


def parse_peers(text):
    peers = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [peer for peer in peers if peer not in KNOWN_PEERS]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown peer(s) {', '.join(unknown)}; choose from {', '.join(KNOWN_PEERS)}")
    return peers


def spawn_case(peer, n, seed, do_print, timeout):
    command = [sys.executable, os.path.abspath(__file__), "--worker",
               "--peers", peer, "--n", str(n), "--seed", str(seed)]
    if do_print:
        command.append("--print")
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"peer": peer, "n": n, "timeout": timeout}
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return {"peer": peer, "n": n, "error": tail[0]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Time SymPy/SymEngine on the symbolic-Jacobian benchmark problem.")
    parser.add_argument("--n", type=parse_sizes, default=[10, 30, 100, 300],
                        help="comma-separated sizes (default 10,30,100,300)")
    parser.add_argument("--seed", type=int, default=problem.DEFAULT_SEED,
                        help=f"seed for the matrix A (default {problem.DEFAULT_SEED})")
    parser.add_argument("--peers", type=parse_peers, default=list(KNOWN_PEERS),
                        help="comma-separated peers (default sympy,symengine)")
    parser.add_argument("--print", dest="do_print", action="store_true",
                        help="also time str() of every Jacobian entry")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds allowed per (peer, n) run (default 60)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per (peer, n), each in a fresh process; "
                             "the one with the smallest total is reported (default 1)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        # Internal: exactly one peer and one size, timed in this process.
        result = run_case(args.peers[0], args.n[0], args.seed, args.do_print)
        print(json.dumps(result), flush=True)
        return 0

    timeout = int(args.timeout) if args.timeout == int(args.timeout) else args.timeout
    peers = []
    for peer in args.peers:
        if importlib.util.find_spec(peer) is None:
            print(f"symbolic_peers: skipping {peer}: not installed for {sys.executable} "
                  f"(Benchmarks/peers/setup-venv.sh installs it into Benchmarks/.venv)",
                  file=sys.stderr)
        else:
            peers.append(peer)
    if not peers:
        print("symbolic_peers: no peer to run", file=sys.stderr)
        return 1

    timed_out_at = {}  # peer -> smallest n that timed out
    for n in args.n:
        for peer in peers:
            if peer in timed_out_at and n > timed_out_at[peer]:
                result = {"peer": peer, "n": n, "timeout": timeout, "inferred": True}
            else:
                best = None
                for _ in range(max(1, args.repeat)):
                    result = spawn_case(peer, n, args.seed, args.do_print, timeout)
                    if "total" not in result:
                        best = result
                        break
                    if best is None or result["total"] < best["total"]:
                        best = result
                result = best
                if "timeout" in result:
                    timed_out_at[peer] = min(n, timed_out_at.get(peer, n))
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
