#!/usr/bin/env python3
"""Render the side-by-side Markdown table for Benchmarks/run-symbolic.sh.

    report.py --sizes "10 30 100 300" --nabla NABLA.jsonl --peers PEERS.jsonl
              [--stats-dir DIR] [--seed S] [--repeat R] [--timeout T]
              [--sympy-timeout T]

NABLA.jsonl holds lines {"n": N, "mode": "stats"|"json", "timing": {...}}
where timing is what time_command.py printed; PEERS.jsonl holds the lines of
symbolic_peers.py.  Missing measurements show as "n/a".
"""

import argparse
import json
import os
import platform


def load_lines(path):
    records = []
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line.startswith("{"):
                    records.append(json.loads(line))
    return records


def seconds(value):
    if value is None:
        return "n/a"
    if value < 0.01:
        return f"{value:.4f}"
    if value < 10:
        return f"{value:.3f}"
    return f"{value:.1f}"


def peer_cell(record, include_str):
    """Text for one peer measurement: build+jacobian, or the same plus str."""
    if record is None:
        return "n/a"
    if "timeout" in record:
        return f"timeout (>{record['timeout']} s)"
    if "error" in record:
        return "error"
    value = record["parse"] + record["build"] + record["jacobian"]
    if include_str:
        if record.get("str") is None:
            return "n/a"
        value += record["str"]
    return seconds(value)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", required=True)
    parser.add_argument("--nabla", required=True)
    parser.add_argument("--peers", required=True)
    parser.add_argument("--stats-dir", default=None)
    parser.add_argument("--seed", default="?")
    parser.add_argument("--repeat", default="?")
    parser.add_argument("--timeout", default="?")
    parser.add_argument("--sympy-timeout", default="?")
    args = parser.parse_args(argv)

    sizes = [int(word) for word in args.sizes.split()]
    nabla = {(rec["n"], rec["mode"]): rec["timing"] for rec in load_lines(args.nabla)}
    peers = {}
    versions = {}
    for rec in load_lines(args.peers):
        peers[(rec["peer"], rec["n"])] = rec
        if "version" in rec:
            versions[rec["peer"]] = rec["version"]

    def nabla_best(n, mode):
        timing = nabla.get((n, mode))
        return None if timing is None else timing["best"]

    print("| n | Nabla stats (s) | Nabla json (s) | SymEngine build+jacobian (s) "
          "| SymEngine +str (s) | SymPy (s) | ratio SymEngine/Nabla |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        stats = nabla_best(n, "stats")
        as_json = nabla_best(n, "json")
        symengine = peers.get(("symengine", n))
        sympy = peers.get(("sympy", n))
        ratio = "n/a"
        if stats and symengine and "total" in symengine:
            peer_time = symengine["parse"] + symengine["build"] + symengine["jacobian"]
            ratio = f"{peer_time / stats:.2f}"
        sympy_text = "not run" if sympy is None else peer_cell(sympy, include_str=False)
        print(f"| {n} | {seconds(stats)} | {seconds(as_json)} "
              f"| {peer_cell(symengine, False)} | {peer_cell(symengine, True)} "
              f"| {sympy_text} | {ratio} |")

    print()
    described = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    print(f"Problem: h = f\u2218g, g(x) = A x with A dense n\u00d7n in [-3,3] (seed {args.seed}), "
          f"f_i(y) = exp(y_i + y_(i+1 mod n)); Jacobian w.r.t. x1..xn.")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; peers: {described or 'none'}.")
    print(f"Nabla columns: whole `nabla solve FILE --format stats|json` process runs "
          f"(start-up, parsing, Jacobian, output to /dev/null), best of {args.repeat}.")
    print("Peer columns: in-process wall time after import, best of the runs made "
          "(SymPy: one run); build+jacobian = sympify of the component strings + "
          "substitution + Matrix.jacobian; +str adds str() of every entry. "
          f"A SymEngine case is killed after {args.timeout} s, a SymPy case after "
          f"{args.sympy_timeout} s.")
    print("ratio SymEngine/Nabla = SymEngine build+jacobian / Nabla stats "
          "(above 1: Nabla is faster).")

    if args.stats_dir:
        shown = False
        for n in sizes:
            path = os.path.join(args.stats_dir, f"stats-{n}.txt")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
            if not shown:
                print()
                print("Nabla `--format stats` output:")
                print()
                print("```")
                shown = True
            print(f"n = {n}")
            for line in lines[:20]:
                print(f"  {line}")
            if len(lines) > 20:
                print(f"  ... ({len(lines) - 20} more lines)")
        if shown:
            print("```")


if __name__ == "__main__":
    main()
