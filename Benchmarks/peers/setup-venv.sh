#!/usr/bin/env bash
# Create Benchmarks/.venv and install the symbolic peers (SymPy, SymEngine) into it.
# Usage: Benchmarks/peers/setup-venv.sh   (from any directory)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$(cd "$here/.." && pwd)/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating virtual environment in $venv" >&2
    "$python" -m venv "$venv"
fi

"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"

"$venv/bin/python" - <<'PY'
import sympy, symengine
print(f"sympy {sympy.__version__}, symengine {symengine.__version__}")
PY
