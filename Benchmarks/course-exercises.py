#!/usr/bin/env python3
"""Course exercises: a benchmark of the derivatives ML and multivariable-calculus courses set.

GitHub issue 11. Every exercise below was written for this file (none is copied from a book or a
web page); each gives

    id         a short slug
    topic      what a course calls it
    script     the .nabla source: definitions and exactly one gradient/jacobian/hessian command
    target     the target's name as nabla prints it ("L∘p", "F")
    variables  the variables, in the order nabla reports them
    sympy      the same composed function written directly in SymPy (a string; a tuple of
               strings for a vector function); its SymPy derivative is the oracle
    textbook   the answer as a teacher writes it on the board (list of rows of SymPy strings)
    where      (optional) the teacher's shorthands used by `textbook`, e.g. z = w·x + b,
               substituted before anything is measured or checked
    domain     (optional) name -> (low, high) for the random points (default [-1.5, 1.5];
               `positive` names get [0.2, 1.5])

The strings may call `sigmoid(u)` (= 1/(1 + exp(-u))) and `softplus(u)` (= log(1 + exp(u))),
which are expanded to those formulas when parsed, and every other SymPy function by name.

Run:

    python3 Benchmarks/course-exercises.py [--fixture PATH] [--table] [--only ID,ID] [--show]

For each exercise it runs `nabla solve --format json` (the binary is $NABLA, by default
.build/release/nabla of this package: `swift build -c release --product nabla` first), reads results[0]["jacobian"], and checks every entry against SymPy's
derivative: `simplify(a - b) == 0` within 10 s, otherwise numerically at 5 seeded random points
(relative 1e-9, at 30 digits). The textbook form is checked numerically against the same
derivative. Any disagreement is printed loudly and the exit status is 1.

Sizes (`--table`) are SymPy `count_ops` summed over the entries of
  (a) Nabla's JSON entries as sympify reads them,
  (b) sympy.simplify of SymPy's derivative (each exercise in a subprocess, 20 s cap: "timeout"),
  (c) the textbook form,
all three over the same alphabet: the JSON spells sigmoid out as 1/(1 + exp(-u)) and nothing may
rewrite Nabla's output, so the textbook's sigmoid/softplus are expanded the same way before
counting (tanh stays one call in all three). Ratios use max(ops, 1) on both sides (a constant
matrix has 0 ops).

`--fixture PATH` writes one JSON line per exercise for the Swift correctness test (the format of
Tests/NablaTests/Fixtures/chain-rule-cases.jsonl without "jacobian"): three seeded points in
[-1.5, 1.5] naming every free symbol of the target (constants too), and SymPy's derivative at
each. A point is kept only where Nabla's own entries, evaluated in doubles, agree with SymPy's
30-digit values within the Swift test's tolerance (relative 1e-9, absolute 1e-12).
"""

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zlib

import sympy as sp
from sympy.parsing.sympy_parser import parse_expr

NABLA = os.environ.get("NABLA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "nabla"))

# The logistic log-loss of a predicted probability q against a label y, used by many exercises.
BCE = "L(q) = -y log(q) - (1 - y) log(1 - q)"

EXERCISES = [
    # ------------------------------------------------------------------ sigmoid neuron + BCE
    dict(
        id="bce-sigma-user-1",
        topic="sigmoid neuron, BCE, user-defined sigma, 1 input, wrt weights",
        script=f"""sigma(t) = 1/(1 + e^-t)
p(w, b) = sigma(w x + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["w", "b"],
        sympy="-y*log(sigmoid(w*x + b)) - (1 - y)*log(1 - sigmoid(w*x + b))",
        textbook=[["x*(sigmoid(w*x + b) - y)", "sigmoid(w*x + b) - y"]],
    ),
    dict(
        id="bce-sigmoid-builtin-1",
        topic="sigmoid neuron, BCE, builtin sigmoid, 1 input, wrt weights",
        script=f"""p(w, b) = sigmoid(w x + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["w", "b"],
        sympy="-y*log(sigmoid(w*x + b)) - (1 - y)*log(1 - sigmoid(w*x + b))",
        textbook=[["x*(sigmoid(w*x + b) - y)", "sigmoid(w*x + b) - y"]],
    ),
    dict(
        id="bce-sigmoid-builtin-3",
        topic="sigmoid neuron, BCE, builtin sigmoid, 3 inputs, wrt weights",
        script=f"""p(w1, w2, w3, b) = sigmoid(w1 x1 + w2 x2 + w3 x3 + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["w1", "w2", "w3", "b"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + w3*x3 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + w3*x3 + b))",
        where={"z": "w1*x1 + w2*x2 + w3*x3 + b"},
        textbook=[["x1*(sigmoid(z) - y)", "x2*(sigmoid(z) - y)", "x3*(sigmoid(z) - y)", "sigmoid(z) - y"]],
    ),
    dict(
        id="bce-sigma-user-3",
        topic="sigmoid neuron, BCE, user-defined sigma, 3 inputs, wrt weights",
        script=f"""sigma(t) = 1/(1 + e^-t)
p(w1, w2, w3, b) = sigma(w1 x1 + w2 x2 + w3 x3 + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["w1", "w2", "w3", "b"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + w3*x3 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + w3*x3 + b))",
        where={"z": "w1*x1 + w2*x2 + w3*x3 + b"},
        textbook=[["x1*(sigmoid(z) - y)", "x2*(sigmoid(z) - y)", "x3*(sigmoid(z) - y)", "sigmoid(z) - y"]],
    ),
    dict(
        id="bce-wrt-input-1",
        topic="sigmoid neuron, BCE, gradient with respect to the input",
        script=f"""p(x) = sigmoid(w x + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["x"],
        sympy="-y*log(sigmoid(w*x + b)) - (1 - y)*log(1 - sigmoid(w*x + b))",
        textbook=[["w*(sigmoid(w*x + b) - y)"]],
    ),
    dict(
        id="bce-wrt-inputs-3",
        topic="sigmoid neuron, BCE, user sigma, gradient with respect to 3 inputs",
        script=f"""sigma(t) = 1/(1 + exp(-t))
p(x1, x2, x3) = sigma(w1 x1 + w2 x2 + w3 x3 + b)
{BCE}
gradient L∘p
""",
        target="L∘p",
        variables=["x1", "x2", "x3"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + w3*x3 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + w3*x3 + b))",
        where={"z": "w1*x1 + w2*x2 + w3*x3 + b"},
        textbook=[["w1*(sigmoid(z) - y)", "w2*(sigmoid(z) - y)", "w3*(sigmoid(z) - y)"]],
    ),
    dict(
        id="bce-neuron-wrt",
        topic="sigmoid neuron of the inputs, BCE, `wrt` the weights",
        script=f"""n(x1, x2) = sigmoid(w1 x1 + w2 x2 + b)
{BCE}
F = L∘n
gradient F wrt w1, w2, b
""",
        target="F",
        variables=["w1", "w2", "b"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + b))",
        where={"z": "w1*x1 + w2*x2 + b"},
        textbook=[["x1*(sigmoid(z) - y)", "x2*(sigmoid(z) - y)", "sigmoid(z) - y"]],
    ),
    dict(
        id="bce-positive-label",
        topic="sigmoid neuron, BCE with the label fixed to 1 (let)",
        script=f"""p(w1, w2) = sigmoid(w1 x1 + w2 x2)
{BCE}
let y = 1
gradient L∘p
""",
        target="L∘p",
        variables=["w1", "w2"],
        sympy="-log(sigmoid(w1*x1 + w2*x2))",
        where={"z": "w1*x1 + w2*x2"},
        textbook=[["-x1*(1 - sigmoid(z))", "-x2*(1 - sigmoid(z))"]],
    ),
    dict(
        id="bce-three-stage",
        topic="sigmoid neuron as three functions: affine map, user sigma, BCE",
        script=f"""z(w1, w2, b) = w1 x1 + w2 x2 + b
sigma(t) = 1/(1 + e^-t)
{BCE}
F = L∘sigma∘z
gradient F
""",
        target="F",
        variables=["w1", "w2", "b"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + b))",
        where={"z": "w1*x1 + w2*x2 + b"},
        textbook=[["x1*(sigmoid(z) - y)", "x2*(sigmoid(z) - y)", "sigmoid(z) - y"]],
    ),
    dict(
        id="bce-of-logit",
        topic="BCE written on the logit: dL/dz = sigma(z) - y",
        script="""L(z) = -y log(sigmoid(z)) - (1 - y) log(1 - sigmoid(z))
gradient L
""",
        target="L",
        variables=["z"],
        sympy="-y*log(sigmoid(z)) - (1 - y)*log(1 - sigmoid(z))",
        textbook=[["sigmoid(z) - y"]],
    ),
    dict(
        id="bce-hessian-builtin",
        topic="Hessian of the logistic loss of one neuron (2 inputs and a bias)",
        script=f"""p(w1, w2, b) = sigmoid(w1 x1 + w2 x2 + b)
{BCE}
hessian L∘p
""",
        target="L∘p",
        variables=["w1", "w2", "b"],
        sympy="-y*log(sigmoid(w1*x1 + w2*x2 + b)) - (1 - y)*log(1 - sigmoid(w1*x1 + w2*x2 + b))",
        where={"s": "sigmoid(w1*x1 + w2*x2 + b)"},
        textbook=[
            ["x1**2*s*(1 - s)", "x1*x2*s*(1 - s)", "x1*s*(1 - s)"],
            ["x1*x2*s*(1 - s)", "x2**2*s*(1 - s)", "x2*s*(1 - s)"],
            ["x1*s*(1 - s)", "x2*s*(1 - s)", "s*(1 - s)"],
        ],
    ),
    dict(
        id="bce-hessian-user-sigma",
        topic="Hessian of the logistic loss, user-defined sigma, 1 input",
        script=f"""sigma(t) = 1/(1 + e^-t)
p(w, b) = sigma(w x + b)
{BCE}
hessian L∘p
""",
        target="L∘p",
        variables=["w", "b"],
        sympy="-y*log(sigmoid(w*x + b)) - (1 - y)*log(1 - sigmoid(w*x + b))",
        where={"s": "sigmoid(w*x + b)"},
        textbook=[["x**2*s*(1 - s)", "x*s*(1 - s)"], ["x*s*(1 - s)", "s*(1 - s)"]],
    ),
    # ------------------------------------------------------------------ logistic function
    dict(
        id="sigmoid-derivative",
        topic="logistic function: sigma' = sigma (1 - sigma)",
        script="""sigma(t) = 1/(1 + e^-t)
gradient sigma
""",
        target="sigma",
        variables=["t"],
        sympy="1/(1 + exp(-t))",
        textbook=[["sigmoid(t)*(1 - sigmoid(t))"]],
    ),
    dict(
        id="sigmoid-second-derivative",
        topic="logistic function: second derivative (1x1 Hessian)",
        script="""sigma(t) = 1/(1 + e^-t)
hessian sigma
""",
        target="sigma",
        variables=["t"],
        sympy="1/(1 + exp(-t))",
        textbook=[["sigmoid(t)*(1 - sigmoid(t))*(1 - 2*sigmoid(t))"]],
    ),
    dict(
        id="log-sigmoid-builtin",
        topic="log-sigmoid: d/dt log sigma(t) = 1 - sigma(t)",
        script="""f(t) = log(sigmoid(t))
gradient f
""",
        target="f",
        variables=["t"],
        sympy="log(sigmoid(t))",
        textbook=[["1 - sigmoid(t)"]],
    ),
    dict(
        id="log-sigmoid-user",
        topic="log-sigmoid written out: -log(1 + e^-t)",
        script="""f(t) = -log(1 + e^-t)
gradient f
""",
        target="f",
        variables=["t"],
        sympy="-log(1 + exp(-t))",
        textbook=[["sigmoid(-t)"]],
    ),
    dict(
        id="logistic-exp-ratio",
        topic="logistic function as e^t/(1 + e^t)",
        script="""f(t) = e^t/(1 + e^t)
gradient f
""",
        target="f",
        variables=["t"],
        sympy="exp(t)/(1 + exp(t))",
        textbook=[["exp(t)/(1 + exp(t))**2"]],
    ),
    # ------------------------------------------------------------------ softmax + cross-entropy
    dict(
        id="softmax-ce-2",
        topic="softmax + cross-entropy, 2 classes, one-hot label, wrt the logits",
        script="""p(z1, z2) = softmax(z1, z2)
loss(p1, p2) = -y1 log(p1) - y2 log(p2)
let y1 = 0, y2 = 1
gradient loss∘p
""",
        target="loss∘p",
        variables=["z1", "z2"],
        sympy="-log(exp(z2)/(exp(z1) + exp(z2)))",
        where={"p1": "exp(z1)/(exp(z1) + exp(z2))", "p2": "exp(z2)/(exp(z1) + exp(z2))"},
        textbook=[["p1", "p2 - 1"]],
    ),
    dict(
        id="softmax-ce-3",
        topic="softmax + cross-entropy, 3 classes, one-hot label, wrt the logits",
        script="""p(z1, z2, z3) = softmax(z1, z2, z3)
loss(p1, p2, p3) = -y1 log(p1) - y2 log(p2) - y3 log(p3)
let y1 = 0, y2 = 0, y3 = 1
gradient loss∘p
""",
        target="loss∘p",
        variables=["z1", "z2", "z3"],
        sympy="-log(exp(z3)/(exp(z1) + exp(z2) + exp(z3)))",
        where={
            "S": "exp(z1) + exp(z2) + exp(z3)",
            "p1": "exp(z1)/S", "p2": "exp(z2)/S", "p3": "exp(z3)/S",
        },
        textbook=[["p1", "p2", "p3 - 1"]],
    ),
    dict(
        id="softmax-ce-3-soft-labels",
        topic="softmax + cross-entropy, 3 classes, labels left as symbols",
        script="""p(z1, z2, z3) = softmax(z1, z2, z3)
loss(p1, p2, p3) = -y1 log(p1) - y2 log(p2) - y3 log(p3)
gradient loss∘p
""",
        target="loss∘p",
        variables=["z1", "z2", "z3"],
        sympy="-y1*log(exp(z1)/(exp(z1) + exp(z2) + exp(z3))) - y2*log(exp(z2)/(exp(z1) + exp(z2) + exp(z3)))"
              " - y3*log(exp(z3)/(exp(z1) + exp(z2) + exp(z3)))",
        where={
            "S": "exp(z1) + exp(z2) + exp(z3)",
            "p1": "exp(z1)/S", "p2": "exp(z2)/S", "p3": "exp(z3)/S",
        },
        textbook=[["(y1 + y2 + y3)*p1 - y1", "(y1 + y2 + y3)*p2 - y2", "(y1 + y2 + y3)*p3 - y3"]],
    ),
    dict(
        id="softmax-ce-2-layer-weights",
        topic="two-class perceptron: linear layer, softmax, cross-entropy, wrt the 4 weights",
        script="""layer(x1, x2) = (w11 x1 + w12 x2, w21 x1 + w22 x2)
loss(p1, p2) = -y1 log(p1) - y2 log(p2)
let y1 = 1, y2 = 0
F = loss∘softmax∘layer
gradient F wrt w11, w12, w21, w22
""",
        target="F",
        variables=["w11", "w12", "w21", "w22"],
        sympy="-log(exp(w11*x1 + w12*x2)/(exp(w11*x1 + w12*x2) + exp(w21*x1 + w22*x2)))",
        where={
            "S": "exp(w11*x1 + w12*x2) + exp(w21*x1 + w22*x2)",
            "p1": "exp(w11*x1 + w12*x2)/S", "p2": "exp(w21*x1 + w22*x2)/S",
        },
        textbook=[["(p1 - 1)*x1", "(p1 - 1)*x2", "p2*x1", "p2*x2"]],
    ),
    dict(
        id="softmax-ce-2-layer-inputs",
        topic="two-class perceptron: gradient of the loss with respect to the inputs",
        script="""layer(x1, x2) = (w11 x1 + w12 x2, w21 x1 + w22 x2)
loss(p1, p2) = -y1 log(p1) - y2 log(p2)
let y1 = 1, y2 = 0
F = loss∘softmax∘layer
gradient F
""",
        target="F",
        variables=["x1", "x2"],
        sympy="-log(exp(w11*x1 + w12*x2)/(exp(w11*x1 + w12*x2) + exp(w21*x1 + w22*x2)))",
        where={
            "S": "exp(w11*x1 + w12*x2) + exp(w21*x1 + w22*x2)",
            "p1": "exp(w11*x1 + w12*x2)/S", "p2": "exp(w21*x1 + w22*x2)/S",
        },
        textbook=[["(p1 - 1)*w11 + p2*w21", "(p1 - 1)*w12 + p2*w22"]],
    ),
    dict(
        id="softmax-ce-3-layer-bias",
        topic="three-class softmax regression with biases, wrt all 9 parameters",
        script="""layer(x1, x2) = (w11 x1 + w12 x2 + b1, w21 x1 + w22 x2 + b2, w31 x1 + w32 x2 + b3)
loss(p1, p2, p3) = -y1 log(p1) - y2 log(p2) - y3 log(p3)
let y1 = 0, y2 = 1, y3 = 0
F = loss∘softmax∘layer
gradient F wrt w11, w12, b1, w21, w22, b2, w31, w32, b3
""",
        target="F",
        variables=["w11", "w12", "b1", "w21", "w22", "b2", "w31", "w32", "b3"],
        sympy="-log(exp(w21*x1 + w22*x2 + b2)/(exp(w11*x1 + w12*x2 + b1) + exp(w21*x1 + w22*x2 + b2)"
              " + exp(w31*x1 + w32*x2 + b3)))",
        where={
            "S": "exp(w11*x1 + w12*x2 + b1) + exp(w21*x1 + w22*x2 + b2) + exp(w31*x1 + w32*x2 + b3)",
            "p1": "exp(w11*x1 + w12*x2 + b1)/S",
            "p2": "exp(w21*x1 + w22*x2 + b2)/S",
            "p3": "exp(w31*x1 + w32*x2 + b3)/S",
        },
        textbook=[["p1*x1", "p1*x2", "p1", "(p2 - 1)*x1", "(p2 - 1)*x2", "p2 - 1", "p3*x1", "p3*x2", "p3"]],
    ),
    dict(
        id="softmax-jacobian-3",
        topic="Jacobian of the softmax: p_i (delta_ij - p_j)",
        script="""s(z1, z2, z3) = softmax(z1, z2, z3)
jacobian s
""",
        target="s",
        variables=["z1", "z2", "z3"],
        sympy=("exp(z1)/(exp(z1) + exp(z2) + exp(z3))", "exp(z2)/(exp(z1) + exp(z2) + exp(z3))",
               "exp(z3)/(exp(z1) + exp(z2) + exp(z3))"),
        where={
            "S": "exp(z1) + exp(z2) + exp(z3)",
            "p1": "exp(z1)/S", "p2": "exp(z2)/S", "p3": "exp(z3)/S",
        },
        textbook=[
            ["p1*(1 - p1)", "-p1*p2", "-p1*p3"],
            ["-p1*p2", "p2*(1 - p2)", "-p2*p3"],
            ["-p1*p3", "-p2*p3", "p3*(1 - p3)"],
        ],
    ),
    dict(
        id="logsumexp-gradient-3",
        topic="log-sum-exp: its gradient is the softmax",
        script="""f(z1, z2, z3) = logsumexp(z1, z2, z3)
gradient f
""",
        target="f",
        variables=["z1", "z2", "z3"],
        sympy="log(exp(z1) + exp(z2) + exp(z3))",
        where={"S": "exp(z1) + exp(z2) + exp(z3)"},
        textbook=[["exp(z1)/S", "exp(z2)/S", "exp(z3)/S"]],
    ),
    dict(
        id="logsumexp-hessian-2",
        topic="Hessian of log-sum-exp: diag(p) - p p^T",
        script="""f(z1, z2) = log(e^z1 + e^z2)
hessian f
""",
        target="f",
        variables=["z1", "z2"],
        sympy="log(exp(z1) + exp(z2))",
        where={"p1": "exp(z1)/(exp(z1) + exp(z2))", "p2": "exp(z2)/(exp(z1) + exp(z2))"},
        textbook=[["p1*p2", "-p1*p2"], ["-p1*p2", "p1*p2"]],
    ),
    # ------------------------------------------------------------------ MSE of linear models
    dict(
        id="mse-line-1",
        topic="squared error of a line: model then loss",
        script="""m(w, b) = w x + b
loss(u) = (u - y)^2
gradient loss∘m
""",
        target="loss∘m",
        variables=["w", "b"],
        sympy="(w*x + b - y)**2",
        textbook=[["2*x*(w*x + b - y)", "2*(w*x + b - y)"]],
    ),
    dict(
        id="mse-line-3-points",
        topic="mean squared error of a line over three data points",
        script="""L(w, b) = ((w x1 + b - y1)^2 + (w x2 + b - y2)^2 + (w x3 + b - y3)^2)/3
gradient L
""",
        target="L",
        variables=["w", "b"],
        sympy="((w*x1 + b - y1)**2 + (w*x2 + b - y2)**2 + (w*x3 + b - y3)**2)/3",
        where={"r1": "w*x1 + b - y1", "r2": "w*x2 + b - y2", "r3": "w*x3 + b - y3"},
        textbook=[["2*(x1*r1 + x2*r2 + x3*r3)/3", "2*(r1 + r2 + r3)/3"]],
    ),
    dict(
        id="mse-2-features-half",
        topic="half squared error of a linear model with two features",
        script="""model(w1, w2, b) = w1 x1 + w2 x2 + b
loss(u) = (u - y)^2/2
gradient loss∘model
""",
        target="loss∘model",
        variables=["w1", "w2", "b"],
        sympy="(w1*x1 + w2*x2 + b - y)**2/2",
        where={"r": "w1*x1 + w2*x2 + b - y"},
        textbook=[["r*x1", "r*x2", "r"]],
    ),
    dict(
        id="mse-line-hessian",
        topic="Hessian of the least-squares loss of a line on two points",
        script="""L(w, b) = ((w x1 + b - y1)^2 + (w x2 + b - y2)^2)/2
hessian L
""",
        target="L",
        variables=["w", "b"],
        sympy="((w*x1 + b - y1)**2 + (w*x2 + b - y2)**2)/2",
        textbook=[["x1**2 + x2**2", "x1 + x2"], ["x1 + x2", "2"]],
    ),
    dict(
        id="ridge-line",
        topic="ridge regression of a line: squared error plus lam w^2",
        script="""L(w, b) = (w x + b - y)^2 + lam w^2
gradient L
""",
        target="L",
        variables=["w", "b"],
        sympy="(w*x + b - y)**2 + lam*w**2",
        textbook=[["2*x*(w*x + b - y) + 2*lam*w", "2*(w*x + b - y)"]],
    ),
    # ------------------------------------------------------------------ tanh layer
    dict(
        id="tanh-layer-jacobian",
        topic="Jacobian of a tanh layer with respect to its inputs",
        script="""h(x1, x2) = (tanh(w11 x1 + w12 x2 + b1), tanh(w21 x1 + w22 x2 + b2))
jacobian h
""",
        target="h",
        variables=["x1", "x2"],
        sympy=("tanh(w11*x1 + w12*x2 + b1)", "tanh(w21*x1 + w22*x2 + b2)"),
        where={"h1": "tanh(w11*x1 + w12*x2 + b1)", "h2": "tanh(w21*x1 + w22*x2 + b2)"},
        textbook=[["(1 - h1**2)*w11", "(1 - h1**2)*w12"], ["(1 - h2**2)*w21", "(1 - h2**2)*w22"]],
    ),
    dict(
        id="tanh-neuron-mse",
        topic="tanh neuron trained by half squared error, wrt its weights",
        script="""u(w1, w2, b) = tanh(w1 x1 + w2 x2 + b)
loss(a) = (a - y)^2/2
gradient loss∘u
""",
        target="loss∘u",
        variables=["w1", "w2", "b"],
        sympy="(tanh(w1*x1 + w2*x2 + b) - y)**2/2",
        where={"a": "tanh(w1*x1 + w2*x2 + b)"},
        textbook=[["(a - y)*(1 - a**2)*x1", "(a - y)*(1 - a**2)*x2", "(a - y)*(1 - a**2)"]],
    ),
    dict(
        id="tanh-user-derivative",
        topic="tanh defined by exponentials: derivative 4/(e^t + e^-t)^2",
        script="""th(t) = (e^t - e^-t)/(e^t + e^-t)
gradient th
""",
        target="th",
        variables=["t"],
        sympy="(exp(t) - exp(-t))/(exp(t) + exp(-t))",
        textbook=[["4/(exp(t) + exp(-t))**2"]],
    ),
    # ------------------------------------------------------------------ 2-2-1 MLP
    dict(
        id="mlp-tanh-wrt-inputs",
        topic="2-2-1 MLP, tanh hidden layer, linear output, gradient wrt the inputs",
        script="""hidden(x1, x2) = (tanh(w11 x1 + w12 x2 + b1), tanh(w21 x1 + w22 x2 + b2))
out(h1, h2) = v1 h1 + v2 h2 + c
gradient out∘hidden
""",
        target="out∘hidden",
        variables=["x1", "x2"],
        sympy="v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c",
        where={"h1": "tanh(w11*x1 + w12*x2 + b1)", "h2": "tanh(w21*x1 + w22*x2 + b2)"},
        textbook=[["v1*(1 - h1**2)*w11 + v2*(1 - h2**2)*w21", "v1*(1 - h1**2)*w12 + v2*(1 - h2**2)*w22"]],
    ),
    dict(
        id="mlp-sigmoid-bce-output-layer",
        topic="2-2-1 MLP, sigmoid units, BCE, wrt the output layer's weights",
        script=f"""hidden(x1, x2) = (sigmoid(w11 x1 + w12 x2 + b1), sigmoid(w21 x1 + w22 x2 + b2))
out(h1, h2) = sigmoid(v1 h1 + v2 h2 + c)
{BCE}
F = L∘out∘hidden
gradient F wrt v1, v2, c
""",
        target="F",
        variables=["v1", "v2", "c"],
        sympy="-y*log(sigmoid(v1*sigmoid(w11*x1 + w12*x2 + b1) + v2*sigmoid(w21*x1 + w22*x2 + b2) + c))"
              " - (1 - y)*log(1 - sigmoid(v1*sigmoid(w11*x1 + w12*x2 + b1) + v2*sigmoid(w21*x1 + w22*x2 + b2) + c))",
        where={
            "h1": "sigmoid(w11*x1 + w12*x2 + b1)", "h2": "sigmoid(w21*x1 + w22*x2 + b2)",
            "o": "sigmoid(v1*h1 + v2*h2 + c)",
        },
        textbook=[["(o - y)*h1", "(o - y)*h2", "o - y"]],
    ),
    dict(
        id="mlp-sigmoid-bce-first-layer",
        topic="2-2-1 MLP, sigmoid units, BCE, backpropagation to a first-layer unit",
        script=f"""hidden(x1, x2) = (sigmoid(w11 x1 + w12 x2 + b1), sigmoid(w21 x1 + w22 x2 + b2))
out(h1, h2) = sigmoid(v1 h1 + v2 h2 + c)
{BCE}
F = L∘out∘hidden
gradient F wrt w11, w12, b1
""",
        target="F",
        variables=["w11", "w12", "b1"],
        sympy="-y*log(sigmoid(v1*sigmoid(w11*x1 + w12*x2 + b1) + v2*sigmoid(w21*x1 + w22*x2 + b2) + c))"
              " - (1 - y)*log(1 - sigmoid(v1*sigmoid(w11*x1 + w12*x2 + b1) + v2*sigmoid(w21*x1 + w22*x2 + b2) + c))",
        where={
            "h1": "sigmoid(w11*x1 + w12*x2 + b1)", "h2": "sigmoid(w21*x1 + w22*x2 + b2)",
            "o": "sigmoid(v1*h1 + v2*h2 + c)",
        },
        textbook=[["(o - y)*v1*h1*(1 - h1)*x1", "(o - y)*v1*h1*(1 - h1)*x2", "(o - y)*v1*h1*(1 - h1)"]],
    ),
    dict(
        id="mlp-tanh-mse-weights",
        topic="2-2-1 MLP, tanh hidden layer, half squared error, wrt 6 weights",
        script="""hidden(x1, x2) = (tanh(w11 x1 + w12 x2 + b1), tanh(w21 x1 + w22 x2 + b2))
out(h1, h2) = v1 h1 + v2 h2 + c
loss(o) = (o - y)^2/2
F = loss∘out∘hidden
gradient F wrt w11, w12, w21, w22, v1, v2
""",
        target="F",
        variables=["w11", "w12", "w21", "w22", "v1", "v2"],
        sympy="(v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c - y)**2/2",
        where={
            "h1": "tanh(w11*x1 + w12*x2 + b1)", "h2": "tanh(w21*x1 + w22*x2 + b2)",
            "d": "v1*h1 + v2*h2 + c - y",
        },
        textbook=[["d*v1*(1 - h1**2)*x1", "d*v1*(1 - h1**2)*x2", "d*v2*(1 - h2**2)*x1", "d*v2*(1 - h2**2)*x2",
                   "d*h1", "d*h2"]],
    ),
    dict(
        id="mlp-sigmoid-wrt-inputs",
        topic="2-2-1 MLP, sigmoid units, gradient of the output wrt the inputs",
        script="""hidden(x1, x2) = (sigmoid(w11 x1 + w12 x2 + b1), sigmoid(w21 x1 + w22 x2 + b2))
out(h1, h2) = sigmoid(v1 h1 + v2 h2 + c)
gradient out∘hidden
""",
        target="out∘hidden",
        variables=["x1", "x2"],
        sympy="sigmoid(v1*sigmoid(w11*x1 + w12*x2 + b1) + v2*sigmoid(w21*x1 + w22*x2 + b2) + c)",
        where={
            "h1": "sigmoid(w11*x1 + w12*x2 + b1)", "h2": "sigmoid(w21*x1 + w22*x2 + b2)",
            "o": "sigmoid(v1*h1 + v2*h2 + c)",
        },
        textbook=[["o*(1 - o)*(v1*h1*(1 - h1)*w11 + v2*h2*(1 - h2)*w21)",
                   "o*(1 - o)*(v1*h1*(1 - h1)*w12 + v2*h2*(1 - h2)*w22)"]],
    ),
    # ------------------------------------------------------------------ polar and spherical
    dict(
        id="polar-jacobian",
        topic="Jacobian of the polar coordinates map",
        script="""P(r, theta) = (r cos(theta), r sin(theta))
jacobian P
""",
        target="P",
        variables=["r", "theta"],
        sympy=("r*cos(theta)", "r*sin(theta)"),
        textbook=[["cos(theta)", "-r*sin(theta)"], ["sin(theta)", "r*cos(theta)"]],
    ),
    dict(
        id="polar-chain-quadratic",
        topic="z = x^2 - y^2 + x y in polar coordinates, by the chain rule",
        script="""f(x, y) = x^2 - y^2 + x y
g(r, theta) = (r cos(theta), r sin(theta))
F = f∘g
gradient F
""",
        target="F",
        variables=["r", "theta"],
        sympy="(r*cos(theta))**2 - (r*sin(theta))**2 + r**2*cos(theta)*sin(theta)",
        textbook=[["2*r*(cos(2*theta) + sin(2*theta)/2)", "r**2*(cos(2*theta) - 2*sin(2*theta))"]],
    ),
    dict(
        id="polar-chain-gaussian-bump",
        topic="z = x e^-(x^2 + y^2) in polar coordinates",
        script="""f(x, y) = x exp(-(x^2 + y^2))
g(r, theta) = (r cos(theta), r sin(theta))
F = f∘g
gradient F
""",
        target="F",
        variables=["r", "theta"],
        sympy="r*cos(theta)*exp(-(r**2*cos(theta)**2 + r**2*sin(theta)**2))",
        textbook=[["(1 - 2*r**2)*cos(theta)*exp(-r**2)", "-r*sin(theta)*exp(-r**2)"]],
    ),
    dict(
        id="spherical-jacobian",
        topic="Jacobian of the spherical coordinates map",
        script="""S(rho, phi, theta) = (rho sin(phi) cos(theta), rho sin(phi) sin(theta), rho cos(phi))
jacobian S
""",
        target="S",
        variables=["rho", "phi", "theta"],
        sympy=("rho*sin(phi)*cos(theta)", "rho*sin(phi)*sin(theta)", "rho*cos(phi)"),
        textbook=[
            ["sin(phi)*cos(theta)", "rho*cos(phi)*cos(theta)", "-rho*sin(phi)*sin(theta)"],
            ["sin(phi)*sin(theta)", "rho*cos(phi)*sin(theta)", "rho*sin(phi)*cos(theta)"],
            ["cos(phi)", "-rho*sin(phi)", "0"],
        ],
    ),
    dict(
        id="spherical-chain-ratio",
        topic="f = z/(x^2 + y^2 + z^2) in spherical coordinates (= cos(phi)/rho)",
        script="""f(x, y, z) = z/(x^2 + y^2 + z^2)
S(rho, phi, theta) = (rho sin(phi) cos(theta), rho sin(phi) sin(theta), rho cos(phi))
F = f∘S
gradient F
""",
        target="F",
        variables=["rho", "phi", "theta"],
        sympy="rho*cos(phi)/((rho*sin(phi)*cos(theta))**2 + (rho*sin(phi)*sin(theta))**2 + (rho*cos(phi))**2)",
        positive=["rho"],
        textbook=[["-cos(phi)/rho**2", "-sin(phi)/rho", "0"]],
    ),
    dict(
        id="spherical-chain-axis-distance",
        topic="f = x^2 + y^2 (squared distance to the z-axis) in spherical coordinates",
        script="""f(x, y, z) = x^2 + y^2
S(rho, phi, theta) = (rho sin(phi) cos(theta), rho sin(phi) sin(theta), rho cos(phi))
F = f∘S
gradient F
""",
        target="F",
        variables=["rho", "phi", "theta"],
        sympy="(rho*sin(phi)*cos(theta))**2 + (rho*sin(phi)*sin(theta))**2",
        textbook=[["2*rho*sin(phi)**2", "2*rho**2*sin(phi)*cos(phi)", "0"]],
    ),
    dict(
        id="conformal-log-chain",
        topic="z = log(x^2 + y^2) with x = s^2 - t^2, y = 2 s t",
        script="""f(x, y) = log(x^2 + y^2)
g(s, t) = (s^2 - t^2, 2 s t)
F = f∘g
gradient F
""",
        target="F",
        variables=["s", "t"],
        sympy="log((s**2 - t**2)**2 + (2*s*t)**2)",
        textbook=[["4*s/(s**2 + t**2)", "4*t/(s**2 + t**2)"]],
    ),
    # ------------------------------------------------------------------ textbook chain rule
    dict(
        id="chain-st-exp",
        topic="z = e^(x y) + y^2 with x = s + t^2, y = s t (chain rule, two intermediate variables)",
        script="""f(x, y) = exp(x y) + y^2
g(s, t) = (s + t^2, s t)
F = f∘g
gradient F
""",
        target="F",
        variables=["s", "t"],
        sympy="exp((s + t**2)*s*t) + (s*t)**2",
        where={"x": "s + t**2", "y": "s*t"},
        textbook=[["exp(x*y)*(y + x*t) + 2*y*t", "exp(x*y)*(2*t*y + x*s) + 2*y*s"]],
    ),
    dict(
        id="chain-helix",
        topic="derivative of f(x, y, z) = x y + z^2 along the helix (cos t, sin t, t)",
        script="""f(x, y, z) = x y + z^2
c(t) = (cos(t), sin(t), t)
jacobian f∘c
""",
        target="f∘c",
        variables=["t"],
        sympy="cos(t)*sin(t) + t**2",
        textbook=[["cos(2*t) + 2*t"]],
    ),
    dict(
        id="chain-vector-2x2",
        topic="Jacobian of a composition R^2 -> R^3 -> R^2 (product of Jacobians)",
        script="""g(x1, x2) = (x1 x2, x1 + x2, x1 - x2)
f(u, v, w) = (u + v w, u v)
jacobian f∘g
""",
        target="f∘g",
        variables=["x1", "x2"],
        sympy=("x1*x2 + (x1 + x2)*(x1 - x2)", "x1*x2*(x1 + x2)"),
        textbook=[["2*x1 + x2", "x1 - 2*x2"], ["x2*(2*x1 + x2)", "x1*(x1 + 2*x2)"]],
    ),
    dict(
        id="chain-sin-of-quadratic",
        topic="outer function of one variable: sin(x^2 + 3 y)",
        script="""f(u) = sin(u)
g(x, y) = x^2 + 3y
gradient f∘g
""",
        target="f∘g",
        variables=["x", "y"],
        sympy="sin(x**2 + 3*y)",
        textbook=[["2*x*cos(x**2 + 3*y)", "3*cos(x**2 + 3*y)"]],
    ),
    dict(
        id="chain-cylinder-volume-rate",
        topic="volume pi r^2 h of a cylinder whose radius and height depend on time",
        script="""V(r, h) = pi r^2 h
g(t) = (1 + t^2, 3 - t)
jacobian V∘g
""",
        target="V∘g",
        variables=["t"],
        sympy="pi*(1 + t**2)**2*(3 - t)",
        textbook=[["pi*(1 + t**2)*(4*t*(3 - t) - (1 + t**2))"]],
    ),
    # ------------------------------------------------------------------ rational functions
    dict(
        id="rational-diff-over-sum",
        topic="gradient of (x - y)/(x + y)",
        script="""f(x, y) = (x - y)/(x + y)
gradient f
""",
        target="f",
        variables=["x", "y"],
        sympy="(x - y)/(x + y)",
        positive=["x", "y"],
        textbook=[["2*y/(x + y)**2", "-2*x/(x + y)**2"]],
    ),
    dict(
        id="rational-xy-over-r2",
        topic="gradient of x y/(x^2 + y^2)",
        script="""f(x, y) = x y/(x^2 + y^2)
gradient f
""",
        target="f",
        variables=["x", "y"],
        sympy="x*y/(x**2 + y**2)",
        positive=["x"],
        textbook=[["y*(y**2 - x**2)/(x**2 + y**2)**2", "x*(x**2 - y**2)/(x**2 + y**2)**2"]],
    ),
    dict(
        id="rational-chain-ratio",
        topic="1/(1 + u^2) composed with u = x/y",
        script="""f(u) = 1/(1 + u^2)
g(x, y) = x/y
gradient f∘g
""",
        target="f∘g",
        variables=["x", "y"],
        sympy="1/(1 + (x/y)**2)",
        positive=["y"],
        textbook=[["-2*x*y**2/(x**2 + y**2)**2", "2*x**2*y/(x**2 + y**2)**2"]],
    ),
    dict(
        id="rational-shares-jacobian",
        topic="Jacobian of (x/(x + y), y/(x + y))",
        script="""F(x, y) = (x/(x + y), y/(x + y))
jacobian F
""",
        target="F",
        variables=["x", "y"],
        sympy=("x/(x + y)", "y/(x + y)"),
        positive=["x", "y"],
        textbook=[["y/(x + y)**2", "-x/(x + y)**2"], ["-y/(x + y)**2", "x/(x + y)**2"]],
    ),
    # ------------------------------------------------------------------ Euclidean norm
    dict(
        id="norm-2d",
        topic="gradient of the Euclidean norm in the plane",
        script="""n(x, y) = sqrt(x^2 + y^2)
gradient n
""",
        target="n",
        variables=["x", "y"],
        sympy="sqrt(x**2 + y**2)",
        positive=["x"],
        textbook=[["x/sqrt(x**2 + y**2)", "y/sqrt(x**2 + y**2)"]],
    ),
    dict(
        id="norm-3d",
        topic="gradient of the Euclidean norm in space: x/|x|",
        script="""n(x, y, z) = sqrt(x^2 + y^2 + z^2)
gradient n
""",
        target="n",
        variables=["x", "y", "z"],
        sympy="sqrt(x**2 + y**2 + z**2)",
        positive=["x"],
        where={"r": "sqrt(x**2 + y**2 + z**2)"},
        textbook=[["x/r", "y/r", "z/r"]],
    ),
    dict(
        id="norm-distance-chain",
        topic="distance to the point (a, b) as norm∘shift",
        script="""d(u, v) = sqrt(u^2 + v^2)
shift(x, y) = (x - a, y - b)
gradient d∘shift
""",
        target="d∘shift",
        variables=["x", "y"],
        sympy="sqrt((x - a)**2 + (y - b)**2)",
        positive=["x"],
        domain={"a": (-1.5, -0.2)},
        where={"D": "sqrt((x - a)**2 + (y - b)**2)"},
        textbook=[["(x - a)/D", "(y - b)/D"]],
    ),
    dict(
        id="norm-hessian-2d",
        topic="Hessian of the Euclidean norm in the plane: (I - u u^T)/r",
        script="""n(x, y) = sqrt(x^2 + y^2)
hessian n
""",
        target="n",
        variables=["x", "y"],
        sympy="sqrt(x**2 + y**2)",
        positive=["x"],
        where={"r": "sqrt(x**2 + y**2)"},
        textbook=[["y**2/r**3", "-x*y/r**3"], ["-x*y/r**3", "x**2/r**3"]],
    ),
    dict(
        id="inverse-norm-3d",
        topic="gradient of the potential 1/|x| in space",
        script="""phi(x, y, z) = 1/sqrt(x^2 + y^2 + z^2)
gradient phi
""",
        target="phi",
        variables=["x", "y", "z"],
        sympy="1/sqrt(x**2 + y**2 + z**2)",
        positive=["x"],
        where={"r": "sqrt(x**2 + y**2 + z**2)"},
        textbook=[["-x/r**3", "-y/r**3", "-z/r**3"]],
    ),
    dict(
        id="norm-of-linear-map",
        topic="norm of a linear map: |A x| with A = [[1, 2], [3, -1]]",
        script="""n(u, v) = sqrt(u^2 + v^2)
A(x, y) = (x + 2y, 3x - y)
gradient n∘A
""",
        target="n∘A",
        variables=["x", "y"],
        sympy="sqrt((x + 2*y)**2 + (3*x - y)**2)",
        positive=["x"],
        where={"u": "x + 2*y", "v": "3*x - y"},
        textbook=[["(u + 3*v)/sqrt(u**2 + v**2)", "(2*u - v)/sqrt(u**2 + v**2)"]],
    ),
    # ------------------------------------------------------------------ Gaussians
    dict(
        id="gauss-1d-x",
        topic="derivative of the normal density in x",
        script="""p(x) = exp(-(x - mu)^2/(2 s^2))/(s sqrt(2 pi))
gradient p
""",
        target="p",
        variables=["x"],
        sympy="exp(-(x - mu)**2/(2*s**2))/(s*sqrt(2*pi))",
        positive=["s"],
        where={"p": "exp(-(x - mu)**2/(2*s**2))/(s*sqrt(2*pi))"},
        textbook=[["-(x - mu)/s**2*p"]],
    ),
    dict(
        id="gauss-1d-params",
        topic="gradient of the normal density with respect to its mean and standard deviation",
        script="""p(mu, s) = exp(-(x - mu)^2/(2 s^2))/(s sqrt(2 pi))
gradient p
""",
        target="p",
        variables=["mu", "s"],
        sympy="exp(-(x - mu)**2/(2*s**2))/(s*sqrt(2*pi))",
        positive=["s"],
        where={"p": "exp(-(x - mu)**2/(2*s**2))/(s*sqrt(2*pi))"},
        textbook=[["(x - mu)/s**2*p", "((x - mu)**2/s**3 - 1/s)*p"]],
    ),
    dict(
        id="gauss-loglik-params",
        topic="score of the normal log-likelihood (mean, standard deviation)",
        script="""l(mu, s) = log(exp(-(x - mu)^2/(2 s^2))/(s sqrt(2 pi)))
gradient l
""",
        target="l",
        variables=["mu", "s"],
        sympy="log(exp(-(x - mu)**2/(2*s**2))/(s*sqrt(2*pi)))",
        positive=["s"],
        textbook=[["(x - mu)/s**2", "(x - mu)**2/s**3 - 1/s"]],
    ),
    dict(
        id="gauss-loglik-hessian",
        topic="Hessian of the normal log-density in (mean, standard deviation)",
        script="""l(mu, s) = -(x - mu)^2/(2 s^2) - log(s) - log(2 pi)/2
hessian l
""",
        target="l",
        variables=["mu", "s"],
        sympy="-(x - mu)**2/(2*s**2) - log(s) - log(2*pi)/2",
        positive=["s"],
        textbook=[["-1/s**2", "-2*(x - mu)/s**3"], ["-2*(x - mu)/s**3", "1/s**2 - 3*(x - mu)**2/s**4"]],
    ),
    dict(
        id="gauss-2d-axis-aligned",
        topic="gradient of a 2-D normal density with independent coordinates",
        script="""p(x, y) = exp(-(x - m1)^2/(2 s1^2) - (y - m2)^2/(2 s2^2))/(2 pi s1 s2)
gradient p
""",
        target="p",
        variables=["x", "y"],
        sympy="exp(-(x - m1)**2/(2*s1**2) - (y - m2)**2/(2*s2**2))/(2*pi*s1*s2)",
        positive=["s1", "s2"],
        where={"p": "exp(-(x - m1)**2/(2*s1**2) - (y - m2)**2/(2*s2**2))/(2*pi*s1*s2)"},
        textbook=[["-(x - m1)/s1**2*p", "-(y - m2)/s2**2*p"]],
    ),
    dict(
        id="gauss-2d-correlated",
        topic="gradient of the standard bivariate normal density with correlation rho",
        script="""p(x, y) = exp(-(x^2 - 2 rho x y + y^2)/(2(1 - rho^2)))/(2 pi sqrt(1 - rho^2))
gradient p
""",
        target="p",
        variables=["x", "y"],
        sympy="exp(-(x**2 - 2*rho*x*y + y**2)/(2*(1 - rho**2)))/(2*pi*sqrt(1 - rho**2))",
        domain={"rho": (-0.9, 0.9)},
        where={"p": "exp(-(x**2 - 2*rho*x*y + y**2)/(2*(1 - rho**2)))/(2*pi*sqrt(1 - rho**2))"},
        textbook=[["-(x - rho*y)/(1 - rho**2)*p", "-(y - rho*x)/(1 - rho**2)*p"]],
    ),
    dict(
        id="gauss-2d-logdensity-hessian",
        topic="Hessian of a 2-D normal log-density with precision [[2, -1], [-1, 1]]",
        script="""l(x, y) = -(2(x - m1)^2 - 2(x - m1)(y - m2) + (y - m2)^2)/2 - log(2 pi)
hessian l
""",
        target="l",
        variables=["x", "y"],
        sympy="-(2*(x - m1)**2 - 2*(x - m1)*(y - m2) + (y - m2)**2)/2 - log(2*pi)",
        textbook=[["-2", "1"], ["1", "-1"]],
    ),
    # ------------------------------------------------------------------ softplus
    dict(
        id="softplus-neuron",
        topic="softplus unit of an affine function: its derivative is the sigmoid",
        script="""f(w, b) = softplus(w x + b)
gradient f
""",
        target="f",
        variables=["w", "b"],
        sympy="softplus(w*x + b)",
        textbook=[["x*sigmoid(w*x + b)", "sigmoid(w*x + b)"]],
    ),
    dict(
        id="softplus-user",
        topic="softplus written as log(1 + e^t)",
        script="""f(t) = log(1 + e^t)
gradient f
""",
        target="f",
        variables=["t"],
        sympy="log(1 + exp(t))",
        textbook=[["sigmoid(t)"]],
    ),
    dict(
        id="softplus-margin-loss",
        topic="logistic loss in margin form softplus(-y w.x), labels +-1",
        script="""L(w1, w2) = softplus(-y (w1 x1 + w2 x2))
gradient L
""",
        target="L",
        variables=["w1", "w2"],
        sympy="softplus(-y*(w1*x1 + w2*x2))",
        where={"m": "y*(w1*x1 + w2*x2)"},
        textbook=[["-y*x1*sigmoid(-m)", "-y*x2*sigmoid(-m)"]],
    ),
    dict(
        id="softplus-hessian",
        topic="Hessian of softplus(w x + b) in (w, b)",
        script="""f(w, b) = softplus(w x + b)
hessian f
""",
        target="f",
        variables=["w", "b"],
        sympy="softplus(w*x + b)",
        where={"s": "sigmoid(w*x + b)"},
        textbook=[["x**2*s*(1 - s)", "x*s*(1 - s)"], ["x*s*(1 - s)", "s*(1 - s)"]],
    ),
    # ------------------------------------------------------------------ quadratic forms
    dict(
        id="quadform-2x2",
        topic="gradient of x^T A x with A = [[2, 1], [1, 3]]",
        script="""q(x1, x2) = x1 (2x1 + x2) + x2 (x1 + 3x2)
gradient q
""",
        target="q",
        variables=["x1", "x2"],
        sympy="x1*(2*x1 + x2) + x2*(x1 + 3*x2)",
        textbook=[["4*x1 + 2*x2", "2*x1 + 6*x2"]],
    ),
    dict(
        id="quadform-3x3-nonsymmetric",
        topic="gradient of x^T A x with a non-symmetric 3x3 A: (A + A^T) x",
        script="""q(x1, x2, x3) = x1 (x1 + 2x2) + x2 (3x2 - x3) + x3 (4x1 + 2x3)
gradient q
""",
        target="q",
        variables=["x1", "x2", "x3"],
        sympy="x1*(x1 + 2*x2) + x2*(3*x2 - x3) + x3*(4*x1 + 2*x3)",
        textbook=[["2*x1 + 2*x2 + 4*x3", "2*x1 + 6*x2 - x3", "4*x1 - x2 + 4*x3"]],
    ),
    dict(
        id="quadform-3x3-hessian",
        topic="Hessian of x^T A x: A + A^T",
        script="""q(x1, x2, x3) = x1 (x1 + 2x2) + x2 (3x2 - x3) + x3 (4x1 + 2x3)
hessian q
""",
        target="q",
        variables=["x1", "x2", "x3"],
        sympy="x1*(x1 + 2*x2) + x2*(3*x2 - x3) + x3*(4*x1 + 2*x3)",
        textbook=[["2", "2", "4"], ["2", "6", "-1"], ["4", "-1", "4"]],
    ),
    dict(
        id="quadform-2x2-param-hessian",
        topic="Hessian of x^T A x with A = [[a, 1], [1, 2]]",
        script="""q(x1, x2) = a x1^2 + 2 x1 x2 + 2 x2^2
hessian q
""",
        target="q",
        variables=["x1", "x2"],
        sympy="a*x1**2 + 2*x1*x2 + 2*x2**2",
        textbook=[["2*a", "2"], ["2", "4"]],
    ),
    dict(
        id="quadratic-least-squares",
        topic="gradient of x^T A x/2 - b^T x with A = [[3, 1], [1, 2]]: A x - b",
        script="""f(x1, x2) = (3x1^2 + 2x1 x2 + 2x2^2)/2 - b1 x1 - b2 x2
gradient f
""",
        target="f",
        variables=["x1", "x2"],
        sympy="(3*x1**2 + 2*x1*x2 + 2*x2**2)/2 - b1*x1 - b2*x2",
        textbook=[["3*x1 + x2 - b1", "x1 + 2*x2 - b2"]],
    ),
    dict(
        id="quadform-after-linear-map",
        topic="u^T A u with A = [[2, 1], [1, 3]] after u = (x1 + x2, x1 - x2)",
        script="""q(u1, u2) = 2u1^2 + 2u1 u2 + 3u2^2
M(x1, x2) = (x1 + x2, x1 - x2)
gradient q∘M
""",
        target="q∘M",
        variables=["x1", "x2"],
        sympy="2*(x1 + x2)**2 + 2*(x1 + x2)*(x1 - x2) + 3*(x1 - x2)**2",
        textbook=[["14*x1 - 2*x2", "-2*x1 + 6*x2"]],
    ),
]

# ---------------------------------------------------------------------------------------------
# Parsing

FUNCTIONS = {
    "exp": sp.exp, "log": sp.log, "sqrt": sp.sqrt, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "tanh": sp.tanh, "sinh": sp.sinh, "cosh": sp.cosh, "atan": sp.atan, "asin": sp.asin,
    "acos": sp.acos, "Abs": sp.Abs, "sign": sp.sign, "Heaviside": sp.Heaviside, "Max": sp.Max,
    "Min": sp.Min, "pi": sp.pi, "E": sp.E, "Rational": sp.Rational, "Integer": sp.Integer,
    "Float": sp.Float,
    "sigmoid": lambda u: 1 / (1 + sp.exp(-u)),
    "softplus": lambda u: sp.log(1 + sp.exp(u)),
}
IDENT = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")


def parse(text, extra=None):
    """A SymPy expression; every identifier that is not a function (or in `extra`) is a Symbol."""
    local = dict(FUNCTIONS)
    if extra:
        local.update(extra)
    for name in IDENT.findall(text):
        if name not in local:
            local[name] = sp.Symbol(name)
    return parse_expr(text, local_dict=local)


def where_dict(ex):
    out = {}
    for name, text in ex.get("where", {}).items():
        out[name] = parse(text, out)
    return out


def oracle_function(ex):
    s = ex["sympy"]
    if callable(s):
        s = s()
    if isinstance(s, (tuple, list)):
        return [parse(t) if isinstance(t, str) else sp.sympify(t) for t in s]
    return parse(s) if isinstance(s, str) else sp.sympify(s)


def command_of(script):
    commands = re.findall(r"^\s*(gradient|jacobian|hessian)\b", script, flags=re.M)
    if len(commands) != 1:
        raise ValueError(f"expected exactly one command, found {commands}")
    return commands[0]


def oracle_derivative(ex):
    f = oracle_function(ex)
    xs = [sp.Symbol(v) for v in ex["variables"]]
    command = command_of(ex["script"])
    if command == "hessian":
        return sp.hessian(f, xs)
    if command == "gradient":
        return sp.Matrix([f]).jacobian(xs)
    return sp.Matrix(f if isinstance(f, list) else [f]).jacobian(xs)


def matrix_of(rows, extra=None):
    return sp.Matrix([[parse(e, extra) for e in row] for row in rows])


# ---------------------------------------------------------------------------------------------
# Running with a time limit (fork: the child inherits everything)

def _child(conn, fn, args):
    try:
        for item in fn(*args):
            conn.send(("item", item))
        conn.send(("done", None))
    except Exception as error:  # noqa: BLE001
        conn.send(("error", repr(error)))
    finally:
        conn.close()


def stream_with_timeout(fn, args, timeout):
    """Runs the generator fn(*args) in a child; returns (items received, finished?, error)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, fn, args), daemon=True)
    process.start()
    child.close()
    items, finished, error = [], False, None
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not parent.poll(remaining):
            break
        try:
            kind, item = parent.recv()
        except EOFError:
            error = "child died"
            break
        if kind == "item":
            items.append(item)
        elif kind == "done":
            finished = True
            break
        else:
            error = item
            break
    if process.is_alive():
        process.kill()
    process.join()
    parent.close()
    return items, finished, error


def _simplify_differences(pairs):
    for a, b in pairs:
        yield sp.simplify(a - b) == 0


def _simplify_entries(entries):
    for e in entries:
        yield sp.simplify(e)


# ---------------------------------------------------------------------------------------------
# Points

def free_symbols(ex, derivative):
    f = oracle_function(ex)
    symbols = set()
    for part in (f if isinstance(f, list) else [f]):
        symbols |= part.free_symbols
    symbols |= derivative.free_symbols
    symbols |= {sp.Symbol(v) for v in ex["variables"]}
    return sorted(symbols, key=lambda s: s.name)


def draw_point(ex, symbols, rng):
    domain = ex.get("domain", {})
    positive = set(ex.get("positive", []))
    point = {}
    for s in symbols:
        low, high = domain.get(s.name, (0.2, 1.5) if s.name in positive else (-1.5, 1.5))
        point[s.name] = round(rng.uniform(low, high), 3)
    return point


def high_precision(expr, point, digits=30):
    subs = {sp.Symbol(k): sp.Float(str(v), digits) for k, v in point.items()}
    value = sp.N(expr.subs(subs), digits)
    if value.is_real is not True or not value.is_finite:
        raise ValueError(f"not a finite real number: {value}")
    return value


def close(a, b, relative=1e-9, absolute=1e-12):
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))


def good_point(ex, derivative, point):
    """The point is in the domain of the function and of its derivative."""
    try:
        f = oracle_function(ex)
        for part in (f if isinstance(f, list) else [f]):
            high_precision(part, point)
        return [[high_precision(derivative[i, j], point) for j in range(derivative.cols)]
                for i in range(derivative.rows)]
    except (ValueError, TypeError, ZeroDivisionError):
        return None


# ---------------------------------------------------------------------------------------------
# One exercise

def run_nabla(script):
    with tempfile.NamedTemporaryFile("w", suffix=".nabla", delete=False, encoding="utf-8") as handle:
        handle.write(script)
        path = handle.name
    try:
        start = time.perf_counter()
        done = subprocess.run([NABLA, "solve", path, "--format", "json"], capture_output=True, text=True,
                              timeout=120)
        seconds = time.perf_counter() - start
    finally:
        os.unlink(path)
    return done, seconds


def count(matrix):
    return int(sum(sp.count_ops(e) for e in matrix))


SIGMA, SOFTPLUS = sp.Function("sigma"), sp.Function("softplus")


def _exp_beside_one(add):
    """The exponential of `1 + exp(u)`, or None."""
    if not add.is_Add or len(add.args) != 2 or sp.S.One not in add.args:
        return None
    others = [a for a in add.args if a != sp.S.One]
    return others[0] if others and others[0].func == sp.exp else None


def fold(expr):
    """`expr` with 1/(1 + exp(-u)) written sigma(u) and log(1 + exp(u)) written softplus(u), as a
    course (and Nabla's text output) writes them; applied alike to all three forms."""
    expr = expr.replace(lambda e: e.is_Pow and e.exp == -1 and _exp_beside_one(e.base) is not None,
                        lambda e: SIGMA(-_exp_beside_one(e.base).args[0]))
    return expr.replace(lambda e: e.func == sp.log and _exp_beside_one(e.args[0]) is not None,
                        lambda e: SOFTPLUS(_exp_beside_one(e.args[0]).args[0]))


def count_folded(matrix):
    return int(sum(sp.count_ops(fold(e)) for e in matrix))


def run_exercise(ex, want_fixture):
    report = {"id": ex["id"], "problems": [], "warnings": []}
    done, seconds = run_nabla(ex["script"])
    report["seconds"] = seconds
    report["stderr"] = done.stderr.strip()
    if done.returncode != 0:
        report["problems"].append(f"nabla rejected the input (exit {done.returncode}): {done.stderr.strip()}")
        return report
    if done.stderr.strip():
        report["warnings"].append(done.stderr.strip())
    result = json.loads(done.stdout)["results"][0]
    report["nabla_json"] = result["jacobian"]
    if result["target"] != ex["target"]:
        report["problems"].append(f"target: nabla says {result['target']!r}, expected {ex['target']!r}")
    if result["variables"] != ex["variables"]:
        report["problems"].append(f"variables: nabla says {result['variables']}, expected {ex['variables']}")
        return report
    command = command_of(ex["script"])
    if result.get("command") != command:
        report["problems"].append(f"command: nabla says {result.get('command')!r}, expected {command!r}")

    nabla = matrix_of(result["jacobian"])
    derivative = oracle_derivative(ex)
    where = where_dict(ex)
    textbook = matrix_of(ex["textbook"], where)
    if nabla.shape != derivative.shape:
        report["problems"].append(f"shape: nabla {nabla.shape}, SymPy {derivative.shape}")
        return report
    if textbook.shape != derivative.shape:
        report["problems"].append(f"textbook shape {textbook.shape}, SymPy {derivative.shape}")
        return report

    # Points: 5 for the numeric checks, 3 for the fixture; seeded by the id.
    rng = random.Random(zlib.crc32(ex["id"].encode()))
    symbols = free_symbols(ex, derivative)
    check_points = []
    for _ in range(200):
        if len(check_points) == 5:
            break
        point = draw_point(ex, symbols, rng)
        values = good_point(ex, derivative, point)
        if values is not None:
            check_points.append((point, values))
    if len(check_points) < 5:
        report["problems"].append("could not draw 5 points in the domain")
        return report

    def numeric_mismatch(candidate):
        for point, values in check_points:
            for i in range(derivative.rows):
                for j in range(derivative.cols):
                    try:
                        got = high_precision(candidate[i, j], point)
                    except (ValueError, TypeError, ZeroDivisionError) as error:
                        return (i, j, point, f"undefined ({error})", values[i][j])
                    if not close(float(got), float(values[i][j])) and abs(got - values[i][j]) > 1e-20:
                        return (i, j, point, got, values[i][j])
        return None

    # Nabla against SymPy: symbolic within 10 s, then numeric for what is not proved.
    pairs = [(nabla[k], derivative[k]) for k in range(len(nabla))]
    proved, _, _ = stream_with_timeout(_simplify_differences, (pairs,), 10)
    report["proved_symbolically"] = sum(1 for p in proved if p)
    report["entries"] = len(pairs)
    if not all(proved) or len(proved) < len(pairs):
        bad = numeric_mismatch(nabla)
        if bad:
            i, j, point, got, want = bad
            report["problems"].append(
                f"WRONG: Nabla's entry ({i + 1},{j + 1}) = {nabla[i, j]} is {got} at {point}, SymPy says {want}")
    bad = numeric_mismatch(textbook)
    if bad:
        i, j, point, got, want = bad
        report["problems"].append(
            f"textbook entry ({i + 1},{j + 1}) = {textbook[i, j]} is {got} at {point}, SymPy says {want}")

    # Sizes.
    report["nabla_ops"] = count(nabla)
    report["textbook_ops"] = count(textbook)
    report["nabla_folded"] = count_folded(nabla)
    report["textbook_folded"] = count_folded(textbook)
    simplified, finished, error = stream_with_timeout(_simplify_entries, (list(derivative),), 20)
    if finished:
        report["sympy_ops"] = count(sp.Matrix(derivative.rows, derivative.cols, simplified))
        report["sympy_folded"] = count_folded(sp.Matrix(derivative.rows, derivative.cols, simplified))
        report["sympy_simplified"] = [[str(simplified[i * derivative.cols + j]) for j in range(derivative.cols)]
                                      for i in range(derivative.rows)]
    else:
        report["sympy_ops"] = "timeout" if error is None else f"error: {error}"
    report["textbook_str"] = [[str(textbook[i, j]) for j in range(textbook.cols)] for i in range(textbook.rows)]

    if want_fixture:
        fixture_points, fixture_values = [], []
        numeric = sp.lambdify(symbols, list(nabla), modules="math")
        for _ in range(500):
            if len(fixture_points) == 3:
                break
            point = draw_point(ex, symbols, rng)
            values = good_point(ex, derivative, point)
            if values is None:
                continue
            try:
                doubles = numeric(*[point[s.name] for s in symbols])
            except (ValueError, ZeroDivisionError, OverflowError):
                continue
            flat = [float(v) for row in values for v in row]
            if all(close(float(g), w) for g, w in zip(doubles, flat)):
                fixture_points.append(point)
                fixture_values.append([[float(v) for v in row] for row in values])
        if len(fixture_points) < 3:
            report["problems"].append("could not draw 3 well-conditioned fixture points")
        report["fixture"] = {
            "id": ex["id"], "script": ex["script"], "target": ex["target"], "variables": ex["variables"],
            "points": fixture_points, "values": fixture_values,
        }
    return report


# ---------------------------------------------------------------------------------------------
# Table

def ratio(a, b):
    return max(a, 1) / max(b, 1)


def geometric_mean(values):
    values = list(values)
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else float("nan")


def table(reports):
    lines = [
        "| id | Nabla ops | SymPy simplify ops | textbook ops | Nabla/SymPy | Nabla/textbook | Nabla/SymPy, σ one call | Nabla/textbook, σ one call |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    sympy_ratios, textbook_ratios, timeouts = [], [], 0
    folded_sympy, folded_textbook = [], []
    for r in reports:
        if "nabla_ops" not in r:
            lines.append(f"| {r['id']} | rejected | | | | |")
            continue
        s = r["sympy_ops"]
        tr = ratio(r["nabla_ops"], r["textbook_ops"])
        textbook_ratios.append(tr)
        ftr = ratio(r["nabla_folded"], r["textbook_folded"])
        folded_textbook.append(ftr)
        if isinstance(s, int):
            sr = ratio(r["nabla_ops"], s)
            sympy_ratios.append(sr)
            srs = f"{sr:.2f}"
            fsr = ratio(r["nabla_folded"], r["sympy_folded"])
            folded_sympy.append(fsr)
            fsrs = f"{fsr:.2f}"
        else:
            timeouts += 1
            srs = fsrs = "—"
        lines.append(f"| {r['id']} | {r['nabla_ops']} | {s} | {r['textbook_ops']} | {srs} | {tr:.2f} | {fsrs} | {ftr:.2f} |")
    over = sum(1 for v in sympy_ratios if v > 1.5)
    within = sum(1 for v in textbook_ratios if v <= 1.25)
    total = sum(r["seconds"] for r in reports)
    summary = (f"**Summary** ({len(reports)} exercises): geometric mean Nabla/SymPy "
               f"{geometric_mean(sympy_ratios):.3f} (over the {len(sympy_ratios)} without a SymPy timeout), Nabla/textbook {geometric_mean(textbook_ratios):.3f}; "
               f"{over} over 1.5× SymPy; {within}/{len(textbook_ratios)} "
               f"({100 * within / max(len(textbook_ratios), 1):.0f}%) within 1.25× textbook; "
               f"SymPy timeouts {timeouts}; total Nabla time {total:.2f} s.\n\n"
               f"**With σ and softplus counted as one call** (as Nabla and a course write them): geometric mean "
               f"Nabla/SymPy {geometric_mean(folded_sympy):.3f}, Nabla/textbook {geometric_mean(folded_textbook):.3f}; "
               f"{sum(1 for v in folded_sympy if v > 1.5)} over 1.5× SymPy; "
               f"{sum(1 for v in folded_textbook if v <= 1.25)}/{len(folded_textbook)} "
               f"({100 * sum(1 for v in folded_textbook if v <= 1.25) / max(len(folded_textbook), 1):.0f}%) within 1.25× textbook")
    notes = (
        "Notes: ops are SymPy `count_ops` summed over the entries. Nabla's entries are its "
        "`--format json` output as `sympify` reads them (which spells sigmoid as 1/(1 + exp(-u)) and "
        "softplus as log(1 + exp(u))); SymPy's are `simplify` of its own derivative (20 s cap per "
        "exercise); the textbook form's shorthands (σ, softplus, z = w·x + b, p_i, …) are expanded into "
        "the same alphabet before counting, so all three are counted as they are over exp/log/tanh/… "
        "(tanh is one call in all three; σ is 4 ops plus its argument in all three). The last two "
        "columns count again with 1/(1 + exp(-u)) folded into σ(u) and log(1 + exp(u)) into softplus(u) "
        "in all three forms alike. Ratios use "
        "max(ops, 1) on both sides. Nabla time is the wall-clock time of the `nabla solve` process.")
    return "\n".join(lines + ["", summary, "", notes]), summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixture", metavar="PATH", help="write the JSONL fixture for the Swift test")
    parser.add_argument("--table", action="store_true", help="print the Markdown table")
    parser.add_argument("--only", help="comma-separated ids")
    parser.add_argument("--show", action="store_true", help="print each exercise's three forms")
    args = parser.parse_args()

    ids = [e["id"] for e in EXERCISES]
    if len(set(ids)) != len(ids):
        sys.exit("duplicate ids")
    chosen = EXERCISES
    if args.only:
        wanted = set(args.only.split(","))
        chosen = [e for e in EXERCISES if e["id"] in wanted]

    reports, failed = [], False
    for ex in chosen:
        r = run_exercise(ex, bool(args.fixture))
        reports.append(r)
        status = "ok" if not r["problems"] else "FAIL"
        print(f"{status:4} {ex['id']}: nabla {r.get('nabla_ops')} ops, SymPy {r.get('sympy_ops')}, "
              f"textbook {r.get('textbook_ops')}, proved {r.get('proved_symbolically')}/{r.get('entries')}",
              file=sys.stderr)
        for w in r["warnings"]:
            print(f"     nabla warning: {w}", file=sys.stderr)
        for p in r["problems"]:
            failed = True
            print(f"!!!! {ex['id']}: {p}", file=sys.stderr)
        if args.show and "nabla_json" in r:
            print(f"---- {ex['id']}\n  nabla:    {r['nabla_json']}\n  sympy:    {r.get('sympy_simplified')}"
                  f"\n  textbook: {r.get('textbook_str')}", file=sys.stderr)

    if args.fixture:
        with open(args.fixture, "w", encoding="utf-8") as handle:
            for r in reports:
                if "fixture" in r and len(r["fixture"]["points"]) == 3:
                    handle.write(json.dumps(r["fixture"], ensure_ascii=True) + "\n")
    if args.table:
        text, _ = table(reports)
        print(text)
    if failed:
        print("\n!!!! SOME EXERCISES FAILED: see the lines marked !!!! above", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
