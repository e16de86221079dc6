#!/usr/bin/env python3
"""Writes Tests/NablaTests/Fixtures/functions-sympy.jsonl: for each expression in the course
functions (atan, asin, acos, sinh, cosh, abs, softplus, relu, max, min, log in a base), SymPy's
partial derivatives evaluated at seeded random points away from corners and domain edges.

Run from the package root: python3 Scripts/functions-oracle.py
"""
import json
import random
import sympy as sp

x, y = sp.symbols("x y", real=True)
relu = lambda u: sp.Max(0, u)
softplus = lambda u: sp.log(1 + sp.exp(u))
# (the expression in Nabla's syntax, the same in SymPy)
cases = [
    ("atan(x*y) + arctan(x)", sp.atan(x * y) + sp.atan(x)),
    ("asin(x/2)*y", sp.asin(x / 2) * y),
    ("acos(y/3) + arccos(x/4)", sp.acos(y / 3) + sp.acos(x / 4)),
    ("sinh(x)*cosh(y)", sp.sinh(x) * sp.cosh(y)),
    ("cosh(x^2 - y)", sp.cosh(x**2 - y)),
    ("abs(x - y)*x", sp.Abs(x - y) * x),
    ("abs(sin(x)) + abs(y)^3", sp.Abs(sp.sin(x)) + sp.Abs(y)**3),
    ("softplus(x*y)", softplus(x * y)),
    ("relu(x - y^2)", relu(x - y**2)),
    ("relu(x)*relu(y) + x", relu(x) * relu(y) + x),
    ("max(x, y)", sp.Max(x, y)),
    ("min(x^2, y)", sp.Min(x**2, y)),
    ("max(sin(x), y*x)", sp.Max(sp.sin(x), y * x)),
    ("log(x^2 + 1, 2)", sp.log(x**2 + 1, 2)),
    ("log2(y^2 + 2) + log10(x^2 + 3)", sp.log(y**2 + 2, 2) + sp.log(x**2 + 3, 10)),
    ("log(x^2 + 1, y^2 + 2)", sp.log(x**2 + 1) / sp.log(y**2 + 2)),
    ("sigmoid(softplus(x)) + atan(sinh(y))", 1 / (1 + sp.exp(-softplus(x))) + sp.atan(sp.sinh(y))),
]
rng = random.Random(20261201)
with open("Tests/NablaTests/Fixtures/functions-sympy.jsonl", "w") as out:
    for text, e in cases:
        dx, dy = sp.diff(e, x), sp.diff(e, y)
        points = []
        while len(points) < 4:
            p = {x: round(rng.uniform(-0.9, 0.9), 3), y: round(rng.uniform(-0.9, 0.9), 3)}
            # away from the corners of abs, relu, max and min
            corners = [a.args for a in e.atoms(sp.Abs, sp.Max, sp.Min)]
            if any(abs(float((args[0] - args[-1] if len(args) > 1 else args[0]).subs(p))) < 0.05 for args in corners):
                continue
            points.append({"x": p[x], "y": p[y], "value": float(e.subs(p)),
                           "dx": float(dx.subs(p).doit()), "dy": float(dy.subs(p).doit())})
        out.write(json.dumps({"expression": text, "sympy": str(e), "points": points}) + "\n")
print("wrote", len(cases), "cases")
