#!/usr/bin/env bash
# The gradient of an n-fold composition F = f∘f∘…∘f with f(x) = sin(x) + x, for several n:
# the time of the work (derivative + simplification, from `--format stats`) and the growth
# exponent between consecutive sizes.
#
#   Benchmarks/run-composition.sh            # SIZES="400 1600 6400" by default
#   NABLA=path/to/nabla Benchmarks/run-composition.sh   # another build (e.g. an older commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-400 1600 6400}"
REPEAT="${REPEAT:-3}"
if [[ -z "${NABLA:-}" ]]; then
    swift build -c release --product nabla >&2
    NABLA=".build/release/nabla"
fi
limit=()
if "$NABLA" solve --help | grep -q -- --timeout; then limit=(--timeout 3600); fi   # older builds have no --timeout
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "| n | derivative + simplification (s), best of $REPEAT | exponent from the previous n |"
echo "|---:|---:|---:|"
previous_n="" previous_t=""
for n in $SIZES; do
    python3 -c "import sys; n=int(sys.argv[1]); print('f(x) = sin(x) + x'); print('F = ' + '∘'.join(['f']*n)); print('gradient F')" "$n" > "$work/c.nabla"
    best=""
    for _ in $(seq "$REPEAT"); do
        t=$("$NABLA" solve "$work/c.nabla" --format stats "${limit[@]}" | python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print(d['derivative_seconds'] + d['simplification_seconds'])")
        best=$(python3 -c "import sys; a=sys.argv[1]; b=float(sys.argv[2]); print(b if a == '' else min(float(a), b))" "$best" "$t")
    done
    exponent=""
    if [[ -n "$previous_n" ]]; then
        exponent=$(python3 -c "import math,sys; n0,t0,n1,t1=map(float,sys.argv[1:]); print('%.2f' % (math.log(t1/t0)/math.log(n1/n0)))" "$previous_n" "$previous_t" "$n" "$best")
    fi
    printf '| %s | %.4f | %s |\n' "$n" "$best" "$exponent"
    previous_n=$n previous_t=$best
done
