#!/usr/bin/env bash
# Side-by-side numeric benchmark: Nabla's tape and generated C against CasADi, JAX and
# hand-written C, on the problems of Benchmarks/peers/numeric_problem.py.
#
#   Benchmarks/run-numeric.sh                 # from anywhere; prints a Markdown table
#
# Environment overrides:
#   SIZES="3 10 30 100"    problem sizes n
#   POINTS=10000           points in the batch
#   BUDGET=0.3             seconds of timing per measurement (best of 5 rounds)
#   PEERS="casadi jax"     Python peers to run (installed into Benchmarks/.venv when missing)
#   CODEGEN_MAX_N=30       largest n whose generated C is compiled (n = 100 takes cc a while)
#   NATIVE=1               also time a build of Nabla for this machine's processor
#                          (-Xswiftc -target-cpu -Xswiftc native, in .build-native)
#   RESULTS_DIR=path       keep the raw JSON lines there
#
# Run it on a quiet machine: every figure is compared with the others of the same run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

SIZES="${SIZES:-3 10 30 100}"
POINTS="${POINTS:-10000}"
BUDGET="${BUDGET:-0.3}"
PEERS="${PEERS:-casadi jax}"
CODEGEN_MAX_N="${CODEGEN_MAX_N:-30}"
NATIVE="${NATIVE:-0}"
results="${RESULTS_DIR:-$(mktemp -d)}"
mkdir -p "$results"

note() { printf '%s\n' "run-numeric: $*" >&2; }
die() { note "$*"; exit 1; }

for n in $SIZES; do [[ "$n" =~ ^[0-9]+$ && "$n" -ge 2 ]] || die "SIZES must hold integers of at least 2, got '$n'"; done
[[ "$POINTS" =~ ^[1-9][0-9]*$ ]] || die "POINTS must be a positive integer"
[[ "$BUDGET" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "BUDGET must be a number of seconds"
sizes_csv="$(echo $SIZES | tr ' ' ',')"

note "building nabla and nabla-bench (release)"
swift build -c release --product nabla >&2
swift build -c release --product nabla-bench >&2
bin="$(swift build -c release --show-bin-path)"

note "Nabla tape"
"$bin/nabla-bench" --json --sizes "$sizes_csv" --points "$POINTS" --budget "$BUDGET" > "$results/nabla.jsonl"
if [[ "$NATIVE" == 1 ]]; then
    note "Nabla built for this processor"
    swift build -c release --product nabla-bench --scratch-path .build-native -Xswiftc -target-cpu -Xswiftc native >&2
    .build-native/release/nabla-bench --json --sizes "$sizes_csv" --points "$POINTS" --budget "$BUDGET" \
        | sed 's/"peer": "nabla"/"peer": "nabla-native"/' >> "$results/nabla.jsonl"
fi

note "hand-written C and generated C"
cc_flags=(-O3 -march=native)
work="$(mktemp -d)"
cc "${cc_flags[@]}" Benchmarks/peers/numeric_c.c -lm -o "$work/floor"
: > "$results/c.jsonl"
for n in $SIZES; do
    for problem in jacobian value gradient; do
        "$work/floor" "$problem" "$n" "$POINTS" "$BUDGET" >> "$results/c.jsonl"
    done
    if (( n <= CODEGEN_MAX_N )); then
        for kind in jacobian loss; do
            "$bin/nabla-bench" --write-problem "$kind:$n" > "$work/$kind-$n.nabla"
            "$bin/nabla" codegen "$work/$kind-$n.nabla" --lang c > "$work/$kind-$n.c"
            function="$(grep -o 'void nabla_[A-Za-z0-9_]*' "$work/$kind-$n.c" | head -1 | cut -d' ' -f2)"
            cc "${cc_flags[@]}" -DGENERATED="\"$work/$kind-$n.c\"" -DNABLA_FUNCTION="$function" \
                Benchmarks/peers/numeric_c.c -lm -o "$work/generated-$kind-$n"
            if [[ "$kind" == jacobian ]]; then
                "$work/generated-$kind-$n" jacobian "$n" "$POINTS" "$BUDGET" >> "$results/c.jsonl"
            else
                # The generated function gives value and gradient in one call.
                "$work/generated-$kind-$n" gradient "$n" "$POINTS" "$BUDGET" >> "$results/c.jsonl"
            fi
        done
    fi
done

venv_python="Benchmarks/.venv/bin/python"
if [[ -n "${PEERS// /}" ]]; then
    if ! "$venv_python" -c "import casadi, jax" 2>/dev/null; then
        note "installing the numeric peers into Benchmarks/.venv"
        [[ -x "$venv_python" ]] || python3 -m venv Benchmarks/.venv
        "$venv_python" -m pip install --quiet -r Benchmarks/peers/requirements-numeric.txt >&2 || note "warning: could not install the peers"
    fi
fi
: > "$results/peers.jsonl"
for peer in $PEERS; do
    note "$peer"
    (cd Benchmarks/peers && "../../$venv_python" numeric_peers.py --peer "$peer" --sizes "$sizes_csv" --points "$POINTS" --budget "$BUDGET") \
        >> "$results/peers.jsonl" || note "warning: $peer failed; its columns will be empty"
done

python3 Benchmarks/peers/numeric_report.py "$results"/nabla.jsonl "$results"/c.jsonl "$results"/peers.jsonl
note "raw measurements in $results"
rm -rf "$work"
