"""Writes Tests/NablaTests/Fixtures/shaped-gradients.jsonl: gradients with respect to weight
matrices and vectors, computed by SymPy from the models written out entry by entry, with their
values at three seeded random points. Each line has the Nabla script (in the shaped syntax),
the variables in Nabla's order (row-major), the points and SymPy's values.

    python3 Scripts/shaped-gradients.py > Tests/NablaTests/Fixtures/shaped-gradients.jsonl
"""
import json
import random

import sympy as sp


def mat(name, m, n):
    return sp.Matrix(m, n, lambda i, j: sp.Symbol(f"{name}_{i + 1}_{j + 1}"))


def vec(name, n):
    return sp.Matrix(n, 1, lambda i, _: sp.Symbol(f"{name}_{i + 1}"))


def softmax(z):
    e = z.applyfunc(sp.exp)
    s = sum(e)
    return e.applyfunc(lambda t: t / s)


def cases():
    # Softmax regression, 3 features and 2 classes, cross-entropy with a label vector y.
    W, b, x, y = mat("W", 2, 3), vec("b", 2), vec("x", 3), vec("y", 2)
    p = softmax(W * x + b)
    loss = -sum(y[k] * sp.log(p[k]) for k in range(2))
    yield ("softmax-regression-2x3", """model(x[3]) = softmax(W[2,3]·x + b[2])
loss(p[2]) = -y·log(p)
gradient loss∘model wrt W, b
""", loss, list(W) + list(b), list(x) + list(y))

    # A sigmoid neuron with binary cross-entropy; the label t is a scalar.
    w, x, c, t = vec("w", 3), vec("x", 3), sp.Symbol("c"), sp.Symbol("t")
    q = 1 / (1 + sp.exp(-((w.T * x)[0] + c)))
    loss = -t * sp.log(q) - (1 - t) * sp.log(1 - q)
    yield ("sigmoid-neuron", """neuron(x[3]) = sigmoid(w[3]·x + c)
bce(q) = -t log(q) - (1 - t) log(1 - q)
gradient bce∘neuron wrt w, c
""", loss, list(w) + [c], list(x) + [t])

    # One tanh hidden layer, then a linear output and a squared error.
    V, d, u, x, t = mat("V", 2, 2), vec("d", 2), vec("u", 2), vec("x", 2), sp.Symbol("t")
    h = (V * x + d).applyfunc(sp.tanh)
    out = (u.T * h)[0]
    loss = (out - t) ** 2 / 2
    yield ("tanh-hidden-layer", """hidden(x[2]) = tanh(V[2,2]·x + d[2])
output(h[2]) = u[2]·h
squared(o) = (o - t)^2/2
gradient squared∘output∘hidden wrt V, d, u
""", loss, list(V) + list(d) + list(u), list(x) + [t])

    # Entries, sums and an elementwise power: a mean squared error written with sum.
    A, x, y = mat("A", 2, 2), vec("x", 2), vec("y", 2)
    r = A * x - y
    loss = (r[0] ** 2 + r[1] ** 2) / 2 + x[0] * A[1, 0]
    yield ("sum-and-entries", """model(x[2]) = sum((A[2,2]·x - y[2])^2)/2 + x[1] A[2,1]
gradient model wrt A
""", loss, list(A), list(x) + list(y))


def main():
    rng = random.Random(14)
    for name, script, loss, variables, data in cases():
        symbols = variables + data
        points, values = [], []
        for _ in range(3):
            point = {str(s): round(rng.uniform(-1.5, 1.5), 3) for s in symbols}
            substitution = {s: sp.Float(point[str(s)], 30) for s in symbols}
            row = [float(sp.diff(loss, v).subs(substitution).evalf(20)) for v in variables]
            points.append(point)
            values.append([row])
        print(json.dumps({"id": name, "script": script, "variables": [str(v) for v in variables],
                          "points": points, "values": values}))


main()
