#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, address sanitizer) of the `.nabla` reader and the sheet
# checker, seeded with the examples and the test sheets. Not part of CI.
#
#   bash Scripts/fuzz.sh                  # SECONDS_PER_TARGET=600 TARGETS="fuzz-document fuzz-sheet"
# Crashes, hangs and out-of-memory inputs are written to Fuzz/findings/TARGET/; make each a
# regression test (Tests/NablaTests/Fixtures/fuzz/) once fixed.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
SECONDS_PER_TARGET="${SECONDS_PER_TARGET:-600}"
TARGETS="${TARGETS:-fuzz-document fuzz-sheet}"
swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
for target in $TARGETS; do
    corpus="corpus/$target"; findings="findings/$target"
    mkdir -p "$corpus" "$findings"
    if [ "$target" = fuzz-document ]; then cp ../Examples/*.nabla "$corpus"/ 2>/dev/null || true
    else cp ../Examples/*.md ../Examples/*.tex ../Tests/NablaTests/Fixtures/sheets/course/*.tex ../Tests/NablaTests/Fixtures/sheets/course/*.md "$corpus"/ 2>/dev/null || true; fi
    echo "== $target for $SECONDS_PER_TARGET s"
    ".build/release/$target" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 2>&1 | tail -25
done
