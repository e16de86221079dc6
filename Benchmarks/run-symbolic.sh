#!/usr/bin/env bash
# Side-by-side symbolic-Jacobian benchmark: Nabla against SymEngine and SymPy.
#
#   Benchmarks/run-symbolic.sh            # from the repository root (or anywhere)
#
# Environment overrides:
#   SIZES="10 30 100 300"   problem sizes n
#   SEED=2026               seed of the matrix A
#   REPEAT=3                runs per Nabla measurement and per SymEngine case (best kept)
#   TIMEOUT=60              seconds allowed per SymEngine case
#   SYMPY_TIMEOUT=120       seconds allowed per SymPy case (n=100 alone takes ~45 s)
#   SYMPY_MAX_N=100         largest n given to SymPy (it is far too slow beyond)
#   RESULTS_DIR=path        keep the raw measurements and the table there
#
# Steps: build the release `nabla`, write each problem with make_problem.py,
# time `nabla solve FILE --format stats` and `--format json` as whole process
# runs, run the Python peers on the same problems, print a Markdown table on
# standard output (progress goes to standard error).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

SIZES="${SIZES:-10 30 100 300}"
SEED="${SEED:-2026}"
REPEAT="${REPEAT:-3}"
TIMEOUT="${TIMEOUT:-60}"
SYMPY_TIMEOUT="${SYMPY_TIMEOUT:-120}"
SYMPY_MAX_N="${SYMPY_MAX_N:-100}"
RESULTS_DIR="${RESULTS_DIR:-}"

peers_dir="Benchmarks/peers"
venv_python="Benchmarks/.venv/bin/python"

note() { printf '%s\n' "run-symbolic: $*" >&2; }
die() { note "$*"; exit 1; }

for n in $SIZES; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "SIZES must hold positive integers, got '$n'"
done
[[ -n "${SIZES// /}" ]] || die "SIZES is empty"
for value in "$SEED" "$REPEAT" "$SYMPY_MAX_N"; do
    [[ "$value" =~ ^[0-9]+$ ]] || die "SEED, REPEAT and SYMPY_MAX_N must be integers"
done
for value in "$TIMEOUT" "$SYMPY_TIMEOUT"; do
    [[ "$value" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "TIMEOUT and SYMPY_TIMEOUT must be numbers of seconds"
done

# --- Python: the venv holds the peers; the helpers only need the standard library.
if [[ ! -x "$venv_python" ]]; then
    note "no Benchmarks/.venv yet: creating it (Benchmarks/peers/setup-venv.sh)"
    if ! bash "$peers_dir/setup-venv.sh" >&2; then
        note "warning: could not set up the venv; peers not installed will be skipped"
    fi
fi
if [[ -x "$venv_python" ]]; then
    py="$venv_python"
else
    py="$(command -v python3)" || die "python3 not found"
fi

# --- Nabla, release build.
command -v swift >/dev/null || die "swift not found on PATH"
note "building nabla (release)"
swift build -c release --product nabla >&2
nabla="$(swift build -c release --show-bin-path)/nabla"
[[ -x "$nabla" ]] || die "no nabla binary at $nabla"

work="$(mktemp -d "${TMPDIR:-/tmp}/nabla-symbolic.XXXXXX")"
trap 'rm -rf "$work"' EXIT
: > "$work/nabla.jsonl"
: > "$work/peers.jsonl"

# --- Nabla timings.
for n in $SIZES; do
    problem="$work/jacobian-$n.nabla"
    "$py" "$peers_dir/make_problem.py" "$n" --seed "$SEED" > "$problem"
    # One untimed run first: checks that it works, warms the caches, keeps the stats.
    note "n=$n: nabla solve --format stats (check run)"
    "$nabla" solve "$problem" --format stats > "$work/stats-$n.txt" \
        || die "nabla solve $problem --format stats failed"
    for mode in stats json; do
        note "n=$n: timing nabla solve --format $mode (best of $REPEAT)"
        timing="$("$py" "$peers_dir/time_command.py" --repeat "$REPEAT" --label "$mode n=$n" \
            -- "$nabla" solve "$problem" --format "$mode")" \
            || die "timing nabla solve --format $mode failed for n=$n"
        printf '{"n": %d, "mode": "%s", "timing": %s}\n' "$n" "$mode" "$timing" >> "$work/nabla.jsonl"
    done
done

# --- Peers, on the same problems (same generator, same seed).
symengine_sizes="$(tr -s ' ' '\n' <<< "$SIZES" | sed '/^$/d' | paste -sd, -)"
sympy_sizes="$(tr -s ' ' '\n' <<< "$SIZES" | sed '/^$/d' \
    | awk -v max="$SYMPY_MAX_N" '$1 <= max' | paste -sd, -)"

note "symengine: n=$symengine_sizes (best of $REPEAT, with str)"
if ! "$py" "$peers_dir/symbolic_peers.py" --peers symengine --n "$symengine_sizes" \
        --seed "$SEED" --print --repeat "$REPEAT" --timeout "$TIMEOUT" \
        | tee -a "$work/peers.jsonl" >&2; then
    note "warning: symengine measurements are missing"
fi
if [[ -n "$sympy_sizes" ]]; then
    note "sympy: n=$sympy_sizes (one run, without str)"
    if ! "$py" "$peers_dir/symbolic_peers.py" --peers sympy --n "$sympy_sizes" \
            --seed "$SEED" --timeout "$SYMPY_TIMEOUT" \
            | tee -a "$work/peers.jsonl" >&2; then
        note "warning: sympy measurements are missing"
    fi
fi

# --- Table.
"$py" "$peers_dir/report.py" --sizes "$SIZES" --seed "$SEED" --repeat "$REPEAT" \
    --timeout "$TIMEOUT" --sympy-timeout "$SYMPY_TIMEOUT" \
    --nabla "$work/nabla.jsonl" --peers "$work/peers.jsonl" --stats-dir "$work" \
    > "$work/table.md"
cat "$work/table.md"

if [[ -n "$RESULTS_DIR" ]]; then
    mkdir -p "$RESULTS_DIR"
    cp "$work"/nabla.jsonl "$work"/peers.jsonl "$work"/table.md "$work"/stats-*.txt "$RESULTS_DIR"/
    note "raw results kept in $RESULTS_DIR"
fi
