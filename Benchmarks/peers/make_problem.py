#!/usr/bin/env python3
"""Print the benchmark problem of size N as a .nabla document (or its matrix).

    make_problem.py N [--seed S] [--json-matrix]
"""

import argparse
import json
import sys

import problem


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="problem size (number of variables)")
    parser.add_argument("--seed", type=int, default=problem.DEFAULT_SEED,
                        help=f"seed for the matrix A (default {problem.DEFAULT_SEED})")
    parser.add_argument("--json-matrix", action="store_true",
                        help="print the matrix A as JSON (list of rows) instead")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")

    if args.json_matrix:
        text = json.dumps(problem.matrix(args.n, args.seed), separators=(",", ":")) + "\n"
    else:
        text = problem.nabla_document(args.n, args.seed)
    # Always UTF-8 (the document contains the composition sign), whatever the locale.
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
