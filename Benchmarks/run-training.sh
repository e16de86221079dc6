#!/usr/bin/env bash
# Softmax regression by full-batch L-BFGS: nabla train against scikit-learn's
# LogisticRegression(solver="lbfgs") at C = 1/(λ·n) (2/(λ·n) for two classes, where it fits
# the binomial model) and a JAX jit L-BFGS loop, on the same split of data sets bundled with
# scikit-learn, to the same gradient tolerance.
#
#   Benchmarks/run-training.sh            # prints a Markdown table
#
# Environment overrides:
#   DATASETS="iris digits breast_cancer"   data sets (iris, digits, wine, breast_cancer)
#   LAMBDA=0.01              the penalty λ of λ/2·‖W‖²
#   TOLERANCES="1e-4 1e-8"   gradient tolerances (scikit-learn's tol, nabla's --tolerance, JAX's gtol)
#   ROUNDS=3                 runs of each peer, alternated; the median is reported
#
# Every figure is compared with the others of the same run (these machines are noisy).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DATASETS="${DATASETS:-iris digits breast_cancer}"
LAMBDA="${LAMBDA:-0.01}"
TOLERANCES="${TOLERANCES:-1e-4 1e-8}"
ROUNDS="${ROUNDS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
note() { printf '%s\n' "run-training: $*" >&2; }

venv_python="$root/Benchmarks/.venv/bin/python"
if ! "$venv_python" -c "import sklearn, jax" 2>/dev/null; then
    note "installing the training peers into Benchmarks/.venv"
    [[ -x "$venv_python" ]] || python3 -m venv "$root/Benchmarks/.venv"
    "$venv_python" -m pip install --quiet -r Benchmarks/peers/requirements-training.txt
fi
note "building nabla (release)"
swift build -c release --product nabla >&2
nabla="$root/.build/release/nabla"
peers="$root/Benchmarks/peers/training_peers.py"

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
field() { "$venv_python" -c "import json, sys; print(json.loads(sys.stdin.read().strip().splitlines()[-1])[sys.argv[1]])" "$1"; }

echo "| data | tolerance | peer | epochs | objective | relative to scikit-learn | test accuracy | seconds (median of $ROUNDS) | ratio to scikit-learn |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
for data in $DATASETS; do
    "$venv_python" "$peers" export "$data" "$work"
    features=$(head -1 "$work/$data-train.csv" | tr ',' '\n' | wc -l); features=$((features - 1))
    classes=$(tail -n +2 "$work/$data-train.csv" | awk -F, '{ print $NF }' | sort -u | wc -l)
    printf 'model(x[%d]) = softmax(W[%d,%d]·x + b[%d])\nloss(p[%d]) = -y·log(p)\ntrain loss∘model wrt W, b\n' \
        "$features" "$classes" "$features" "$classes" "$classes" > "$work/$data.nabla"
    for tol in $TOLERANCES; do
        : > "$work/sk" ; : > "$work/jx"; : > "$work/nb"; : > "$work/nbt"
        for _ in $(seq "$ROUNDS"); do
            "$venv_python" "$peers" sklearn "$data" "$work" "$LAMBDA" "$tol" > "$work/sk.json"
            field seconds < "$work/sk.json" >> "$work/sk"
            "$venv_python" "$peers" jax "$data" "$work" "$LAMBDA" "$tol" 2>/dev/null > "$work/jx.json"
            field seconds < "$work/jx.json" >> "$work/jx"
            "$nabla" train "$work/$data.nabla" --data "$work/$data-train.csv" --test "$work/$data-test.csv" --label label \
                --l2 "$LAMBDA" --tolerance "$tol" --epochs 100000 --format json > "$work/nb.json"
            field seconds < "$work/nb.json" >> "$work/nb"
            field training_seconds < "$work/nb.json" >> "$work/nbt"
        done
        sk_loss=$(field train_loss < "$work/sk.json"); sk_time=$(median < "$work/sk")
        row() {  # peer epochs loss accuracy seconds
            rel=$("$venv_python" -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{(a - b) / b:+.1e}')" "$3" "$sk_loss")
            ratio=$("$venv_python" -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$5" "$sk_time")
            acc=$("$venv_python" -c "import sys; print(f'{100 * float(sys.argv[1]):.1f}%')" "$4")
            echo "| $data | $tol | $1 | $2 | $("$venv_python" -c "import sys; print(f'{float(sys.argv[1]):.10f}')" "$3") | $rel | $acc | $("$venv_python" -c "import sys; print(f'{float(sys.argv[1]):.4f}')" "$5") | $ratio |"
        }
        row "scikit-learn" "$(field iterations < "$work/sk.json")" "$sk_loss" "$(field test_accuracy < "$work/sk.json")" "$sk_time"
        row "nabla, whole run" "$(field epochs < "$work/nb.json")" "$(field train_loss < "$work/nb.json")" "$(field test_accuracy < "$work/nb.json")" "$(median < "$work/nb")"
        row "nabla, training alone" "$(field epochs < "$work/nb.json")" "$(field train_loss < "$work/nb.json")" "$(field test_accuracy < "$work/nb.json")" "$(median < "$work/nbt")"
        row "JAX (jit L-BFGS)" "$(field iterations < "$work/jx.json")" "$(field train_loss < "$work/jx.json")" "$(field test_accuracy < "$work/jx.json")" "$(median < "$work/jx")"
    done
done

# The network of Examples/digits-mlp.nabla (one hidden layer of 32 tanh units), trained the same way.
mlp=$("$nabla" train Examples/digits-mlp.nabla --data Examples/digits.csv --label digit --split 0.25 --seed 1 --epochs 200 --l2 0.001 --format json | tail -1)
echo
echo "Examples/digits-mlp.nabla, --split 0.25 --seed 1 --epochs 200 --l2 0.001: test accuracy $(echo "$mlp" | field test_accuracy), objective $(echo "$mlp" | field train_loss), $(echo "$mlp" | field seconds) s"
