#!/usr/bin/env python3
"""Time a whole command run (wall clock), best of several runs.

    time_command.py [--repeat 3] [--stdout FILE] [--label TEXT] -- COMMAND [ARGS...]

The command's standard output goes to /dev/null unless --stdout names a file
(that file then holds the output of the last run); its standard error is
passed through.  Each run is timed with time.perf_counter from just before the
process is started to just after it has been reaped, so process start-up and
writing the output are included.  Peak resident memory of each run comes from
the kernel's accounting of that one child (os.wait4).

Prints one JSON object:
  {"label": ..., "best": s, "runs": [s, ...], "max_rss_mib": m, "command": [...]}
and exits non-zero (without timing further runs) if the command fails.
"""

import argparse
import json
import os
import subprocess
import sys
import time


def run_once(command, stdout_path):
    out = open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")
    try:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
    finally:
        out.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux.
    return elapsed, child.returncode, usage.ru_maxrss / 1024.0


def main(argv=None):
    parser = argparse.ArgumentParser(description="Best-of-N wall time of a command.")
    parser.add_argument("--repeat", type=int, default=3, help="number of runs (default 3)")
    parser.add_argument("--stdout", metavar="FILE",
                        help="keep the last run's standard output in FILE")
    parser.add_argument("--label", default=None, help="free text copied into the result")
    parser.add_argument("command", nargs=argparse.REMAINDER,
                        help="the command, after --")
    args = parser.parse_args(argv)

    command = args.command
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        parser.error("no command given (put it after --)")

    runs = []
    peak = 0.0
    for _ in range(max(1, args.repeat)):
        try:
            elapsed, code, rss = run_once(command, args.stdout)
        except OSError as error:
            print(f"time_command: cannot run {command[0]}: {error}", file=sys.stderr)
            return 127
        if code != 0:
            print(f"time_command: {' '.join(command)} exited with status {code}",
                  file=sys.stderr)
            return code if 0 < code < 256 else 1
        runs.append(elapsed)
        peak = max(peak, rss)

    print(json.dumps({
        "label": args.label,
        "best": min(runs),
        "runs": runs,
        "max_rss_mib": round(peak, 1),
        "command": command,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
