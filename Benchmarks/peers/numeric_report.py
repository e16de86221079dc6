#!/usr/bin/env python3
"""Render the Markdown tables of Benchmarks/run-numeric.sh from JSON lines.

    numeric_report.py FILE.jsonl [FILE.jsonl ...]

Each line is a measurement of nabla-bench --json, numeric_c.c or numeric_peers.py:
{"peer", "problem", "method", "n", "mode", "seconds_per_point", "check", ...}.
Times are printed in microseconds per point; a missing measurement shows as "—".
"""

import json
import platform
import sys


def load(paths):
    records = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                records += [json.loads(line) for line in handle if line.startswith("{")]
        except FileNotFoundError:
            pass
    return records


class Table:
    def __init__(self, records):
        self.records = records

    def find(self, peer, problem, n, mode, method=None):
        for r in self.records:
            if (r["peer"], r["problem"], r["n"], r["mode"]) == (peer, problem, n, mode) and (method is None or r["method"] == method):
                return r
        return None

    def time(self, *key, **kw):
        r = self.find(*key, **kw)
        return None if r is None or r["seconds_per_point"] is None else r["seconds_per_point"] * 1e6


def cell(x):
    if x is None:
        return "—"
    return f"{x:.3g}" if x < 1000 else f"{x:.0f}"


def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def agreement(records):
    """The largest relative difference between peers' checks of the same problem and n."""
    worst = 0.0
    groups = {}
    for r in records:
        groups.setdefault((r["problem"] if r["problem"] != "value" else "value", r["n"]), []).append(r)
    for (problem, n), rs in groups.items():
        checks = [r["check"] for r in rs if r.get("check") is not None]
        # generated C's "gradient" check sums the gradient, like the others.
        for a in checks:
            for b in checks:
                worst = max(worst, abs(a - b) / max(1.0, abs(a), abs(b)))
    return worst


def main(paths):
    records = load(paths)
    t = Table(records)
    sizes = sorted({r["n"] for r in records})
    out = []
    out.append("Jacobian of h = f∘g (problem a), batch, µs per point:\n")
    out.append("| n | Nabla tape | Nabla tape, native build | Nabla generated C | hand-written C | JAX jit(vmap) | CasADi SX map | Nabla / JAX | Nabla / C | CasADi / Nabla |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        nabla = t.time("nabla", "jacobian", n, "batch")
        c = t.time("c", "jacobian", n, "batch")
        jax = t.time("jax", "jacobian", n, "batch")
        casadi = t.time("casadi", "jacobian", n, "batch")
        out.append(f"| {n} | {cell(nabla)} | {cell(t.time('nabla-native', 'jacobian', n, 'batch'))} | "
                   f"{cell(t.time('generated-c', 'jacobian', n, 'batch'))} | {cell(c)} | {cell(jax)} | "
                   f"{cell(casadi)} | {ratio(nabla, jax)} | {ratio(nabla, c)} | {ratio(casadi, nabla)} |")

    out.append("\nValue and gradient of L(x) = −log softmax(W x)₁ (problem b), batch, µs per point:\n")
    out.append("| n | value: Nabla | Nabla native | JAX | CasADi | C | gradient: Nabla reverse | Nabla symbolic | Nabla dense (W·x as matrix products) | Nabla native (best) | generated C (value + gradient) | JAX | CasADi | C | Nabla best / JAX | Nabla reverse / value |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        value = t.time("nabla", "value", n, "batch")
        reverse = t.time("nabla", "gradient", n, "batch", method="reverse")
        symbolic = t.time("nabla", "gradient", n, "batch", method="symbolic")
        jax = t.time("jax", "gradient", n, "batch")
        dense = t.time("nabla", "gradient", n, "batch", method="dense")
        best = min([x for x in (reverse, symbolic, dense) if x is not None], default=None)
        native = min([x for x in (t.time("nabla-native", "gradient", n, "batch", method=m) for m in ("reverse", "symbolic", "dense")) if x is not None], default=None)
        out.append(f"| {n} | {cell(value)} | {cell(t.time('nabla-native', 'value', n, 'batch'))} | {cell(t.time('jax', 'value', n, 'batch'))} | "
                   f"{cell(t.time('casadi', 'value', n, 'batch'))} | "
                   f"{cell(t.time('c', 'value', n, 'batch'))} | {cell(reverse)} | {cell(symbolic)} | {cell(dense)} | {cell(native)} | "
                   f"{cell(t.time('generated-c', 'gradient', n, 'batch'))} | {cell(jax)} | {cell(t.time('casadi', 'gradient', n, 'batch'))} | "
                   f"{cell(t.time('c', 'gradient', n, 'batch'))} | {ratio(best, jax)} | {ratio(reverse, value)} |")

    out.append("\nSingle point, µs per call (Nabla from Swift; JAX and CasADi from Python, whose call overhead is in their figure; "
               "CasADi's virtual machine alone is its map figure above):\n")
    out.append("| n | problem | Nabla | Nabla instructions | JAX jit | CasADi SX | CasADi instructions |")
    out.append("|---:|---|---:|---:|---:|---:|---:|")
    for n in sizes:
        for problem in ("jacobian", "value", "gradient"):
            method = "reverse" if problem == "gradient" else None
            nabla = t.find("nabla", problem, n, "single", method=method)
            casadi = t.find("casadi", problem, n, "single")
            out.append(f"| {n} | {problem} | {cell(t.time('nabla', problem, n, 'single', method=method))} | "
                       f"{nabla['instructions'] if nabla else '—'} | {cell(t.time('jax', problem, n, 'single'))} | "
                       f"{cell(t.time('casadi', problem, n, 'single'))} | {casadi.get('instructions', '—') if casadi else '—'} |")

    out.append(f"\nEvery peer's outputs at point 0 agree to a relative {agreement(records):.1e} (sum of the outputs, per problem and n).")
    out.append(f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}.")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1:])
