"""Softmax regression with scikit-learn and JAX on the same data and objective as `nabla train`.

Writes the train/test CSV files of a data set bundled with scikit-learn (a stratified split
with a fixed seed), fits scikit-learn's LogisticRegression(solver="lbfgs") at C = 1/(λ·n) (2/(λ·n) for two classes) and,
when asked, a JAX jit L-BFGS loop (optax) or gradient loop, and prints one JSON line per peer
with the objective mean loss + λ/2·‖W‖² (the bias not penalised) at its optimum, the test
accuracy and the seconds spent fitting.

    python training_peers.py export iris DIR      # DIR/iris-train.csv, DIR/iris-test.csv
    python training_peers.py sklearn iris DIR λ TOL
    python training_peers.py jax iris DIR λ TOL
"""
import json
import sys
import time

import numpy as np


def load(name):
    from sklearn import datasets
    if name == "iris":
        d = datasets.load_iris()
        columns = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
        labels = [d.target_names[t] for t in d.target]
    elif name == "digits":
        d = datasets.load_digits()
        columns = [f"pixel_{i // 8}_{i % 8}" for i in range(64)]
        labels = [str(t) for t in d.target]
    elif name == "breast_cancer":
        d = datasets.load_breast_cancer()
        columns = [c.replace(" ", "_") for c in d.feature_names]
        labels = [d.target_names[t] for t in d.target]
    elif name == "wine":
        d = datasets.load_wine()
        columns = [c.replace("/", "_").replace(" ", "_") for c in d.feature_names]
        labels = [f"class_{t}" for t in d.target]
    else:
        raise SystemExit(f"unknown data set {name}")
    return d.data, np.array(labels), columns


def export(name, directory):
    from sklearn.model_selection import train_test_split
    X, y, columns = load(name)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    for part, A, b in (("train", Xtr, ytr), ("test", Xte, yte)):
        with open(f"{directory}/{name}-{part}.csv", "w") as f:
            f.write(",".join(columns + ["label"]) + "\n")
            for row, label in zip(A, b):
                f.write(",".join(f"{v:.17g}" for v in row) + f",{label}\n")


def read(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = [line.strip().split(",") for line in f if line.strip()]
    X = np.array([[float(v) for v in r[:-1]] for r in rows])
    y = np.array([r[-1] for r in rows])
    return X, y


def objective(W, b, X, Y, lam):
    Z = X @ W.T + b
    Z = Z - Z.max(axis=1, keepdims=True)
    logp = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
    return float(-(Y * logp).sum(axis=1).mean() + lam / 2 * (W * W).sum())


def sklearn_fit(name, directory, lam, tol):
    from sklearn.linear_model import LogisticRegression
    Xtr, ytr = read(f"{directory}/{name}-train.csv")
    Xte, yte = read(f"{directory}/{name}-test.csv")
    classes = sorted(set(ytr), key=lambda c: (0, float(c)) if c.replace(".", "").isdigit() else (1, c))
    Y = np.array([[1.0 if c == k else 0.0 for k in classes] for c in ytr])
    n = len(ytr)
    # Two classes: scikit-learn fits one vector w of the binomial model, and the softmax optimum
    # is W = (−w/2, w/2), whose penalty λ/2·‖W‖² = λ/4·‖w‖² is scikit-learn's at C = 2/(λ·n).
    two = len(classes) == 2
    model = LogisticRegression(C=(2 if two else 1) / (lam * n), solver="lbfgs", tol=tol, max_iter=100000)
    start = time.perf_counter()
    model.fit(Xtr, ytr)
    seconds = time.perf_counter() - start
    order = [list(model.classes_).index(k) for k in classes]
    coef, intercept = model.coef_, model.intercept_
    if two:
        coef, intercept = np.array([-coef[0] / 2, coef[0] / 2]), np.array([-intercept[0] / 2, intercept[0] / 2])
    W, b = coef[order], intercept[order]
    accuracy = float((model.predict(Xte) == yte).mean())
    print(json.dumps({"peer": "scikit-learn", "train_loss": objective(W, b, Xtr, Y, lam), "test_accuracy": accuracy,
                      "seconds": seconds, "iterations": int(model.n_iter_[0])}))


def jax_fit(name, directory, lam, tol):
    import jax
    import jax.numpy as jnp
    from jax.scipy.optimize import minimize
    jax.config.update("jax_enable_x64", True)
    Xtr, ytr = read(f"{directory}/{name}-train.csv")
    Xte, yte = read(f"{directory}/{name}-test.csv")
    classes = sorted(set(ytr), key=lambda c: (0, float(c)) if c.replace(".", "").isdigit() else (1, c))
    Y = jnp.array([[1.0 if c == k else 0.0 for k in classes] for c in ytr])
    X = jnp.array(Xtr)
    k, d = len(classes), X.shape[1]

    def objective_of(theta):
        W, b = theta[: k * d].reshape(k, d), theta[k * d:]
        Z = X @ W.T + b
        return -(Y * jax.nn.log_softmax(Z)).sum(axis=1).mean() + lam / 2 * (W * W).sum()

    @jax.jit
    def fit(theta0):
        return minimize(objective_of, theta0, method="l-bfgs-experimental-do-not-rely-on-this",
                        options={"maxiter": 100000, "gtol": tol, "norm": jnp.inf})

    theta0 = jnp.zeros(k * d + k)
    fit(theta0).x.block_until_ready()            # compile
    start = time.perf_counter()
    result = fit(theta0)
    result.x.block_until_ready()
    seconds = time.perf_counter() - start
    W, b = np.array(result.x[: k * d]).reshape(k, d), np.array(result.x[k * d:])
    predicted = np.array(classes)[np.argmax(Xte @ W.T + b, axis=1)]
    print(json.dumps({"peer": "JAX", "train_loss": objective(W, b, Xtr, np.array(Y), lam), "test_accuracy": float((predicted == yte).mean()),
                      "seconds": seconds, "iterations": int(result.nit)}))


def main():
    command = sys.argv[1]
    if command == "export":
        export(sys.argv[2], sys.argv[3])
    elif command == "sklearn":
        sklearn_fit(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
    elif command == "jax":
        jax_fit(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]))
    else:
        raise SystemExit(__doc__)


main()
