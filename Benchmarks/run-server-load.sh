#!/usr/bin/env bash
# Load on loopback for nabla-server: wrk (Debian's `wrk`) for DURATION at CONNECTIONS on the
# solve and check routes with the bundled examples, then the same while a request that exceeds
# the time budget arrives every second. Prints a Markdown table: requests per second, p50/p99
# latency, errors (non-2xx answers and socket errors).
#
#   bash Benchmarks/run-server-load.sh                 # DURATION=30s CONNECTIONS=8 PORT=8097
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-8}"
PORT="${PORT:-8097}"
TIMEOUT="${TIMEOUT:-1}"   # the server's budget per computation, in seconds
work="$(mktemp -d)"
trap 'kill "${server:-}" "${slowloop:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
swift build -c release --product nabla-server >&2
.build/release/nabla-server --port "$PORT" --timeout "$TIMEOUT" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

# One wrk script per route: POST the file's text as the body. wrk itself counts the answers that
# are not 2xx ("Non-2xx or 3xx responses") and the socket errors.
script() {   # FILE → a Lua script
    printf 'wrk.method = "POST"\nwrk.body = io.open("%s"):read("*a")\nwrk.headers["Content-Type"] = "text/plain"\n' "$PWD/$1"
}
script Examples/chain-rule.nabla >"$work/solve.lua"
script Examples/worked-solution.md >"$work/check.lua"

# A composition that no budget of a few seconds finishes.
python3 -c "
n = 2000
print('\n'.join(f'f{k}(x, y) = (x y + sin(y), x - y^2)' for k in range(1, n + 1)))
print('jacobian ' + '∘'.join(f'f{k}' for k in range(1, n + 1)))" >"$work/slow.nabla"

run() {   # LABEL ROUTE LUA
    local out
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$3" "http://127.0.0.1:$PORT$2" 2>&1)"
    local rps p50 p99 bad errors
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    bad="$(awk '/Non-2xx or 3xx responses/ {print $5}' <<<"$out")"
    errors="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")"
    echo "| $1 | $2 | $rps | $p50 | $p99 | $((${bad:-0} + ${errors:-0})) |"
}

echo "| load | route | requests/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---:|"
run "alone" /api/solve "$work/solve.lua"
run "alone" /api/check "$work/check.lua"
# The same with a budget-exceeding computation arriving every second (each answered 422).
( while true; do curl -s -o /dev/null -w "%{http_code}\n" -X POST --data-binary @"$work/slow.nabla" "http://127.0.0.1:$PORT/api/solve" >>"$work/slow.codes" & sleep 1; done ) &
slowloop=$!
run "with a slow request every second" /api/solve "$work/solve.lua"
run "with a slow request every second" /api/check "$work/check.lua"
kill "$slowloop" 2>/dev/null || true
sleep "$TIMEOUT"; sleep 1
echo
echo "Slow requests sent: $(wc -l <"$work/slow.codes"), answered: $(sort "$work/slow.codes" | uniq -c | tr '\n' ' ')"
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && echo "/healthz answers after the run."
