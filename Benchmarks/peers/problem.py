"""Shared definition of the symbolic-Jacobian benchmark problem.

h = f o g with
    g(x) = A x,  A a dense n-by-n matrix of integers in [-3, 3]
    f_i(y) = exp(y_i + y_{i+1}),  indices 1-based and cyclic (f_n uses y_n, y_1)

Every script in this folder takes the matrix and the component strings from
here, so Nabla and the Python peers always see exactly the same problem.
"""

import random

DEFAULT_SEED = 2026
LOW, HIGH = -3, 3


def matrix(n, seed=DEFAULT_SEED):
    """The n-by-n matrix A as a list of rows, drawn row by row with randint."""
    if n < 1:
        raise ValueError("n must be at least 1")
    rng = random.Random(seed)
    return [[rng.randint(LOW, HIGH) for _ in range(n)] for _ in range(n)]


def x_names(n):
    return [f"x{j}" for j in range(1, n + 1)]


def y_names(n):
    return [f"y{j}" for j in range(1, n + 1)]


def linear_form(row, names):
    """Render sum_j row[j] * names[j] as text, e.g. '3*x1 - 2*x2 + x3 - x5'.

    Zero coefficients are left out, a coefficient of +-1 is written as a bare
    (possibly negated) variable, and an all-zero row becomes '0'.
    """
    text = ""
    for coeff, name in zip(row, names):
        if coeff == 0:
            continue
        size = abs(coeff)
        term = name if size == 1 else f"{size}*{name}"
        if not text:
            text = term if coeff > 0 else f"-{term}"
        else:
            text += f" + {term}" if coeff > 0 else f" - {term}"
    return text or "0"


def g_components(a):
    """Component strings of g(x) = A x."""
    names = x_names(len(a))
    return [linear_form(row, names) for row in a]


def f_components(n):
    """Component strings of f_i(y) = exp(y_i + y_{i+1 mod n})."""
    ys = y_names(n)
    return [f"exp({ys[i]} + {ys[(i + 1) % n]})" for i in range(n)]


def nabla_document(n, seed=DEFAULT_SEED):
    """The whole problem as a .nabla document (ends with a newline)."""
    a = matrix(n, seed)
    lines = [
        f"# benchmark problem: h = f\u2218g, g(x) = A x "
        f"(A dense {n}x{n} in [{LOW},{HIGH}], seed {seed}), "
        f"f_i(y) = exp(y_i + y_{{i+1 mod {n}}})",
        f"g({', '.join(x_names(n))}) = ({', '.join(g_components(a))})",
        f"f({', '.join(y_names(n))}) = ({', '.join(f_components(n))})",
        "jacobian f\u2218g",
    ]
    return "\n".join(lines) + "\n"
