"""Run every benchmark script in this folder, one after the other (``make bench``).

Each ``benchmarks/*.py`` except this driver and files starting with ``_`` runs in its own Python
process with its default arguments (which read ``../shared/data``; a script whose data is
missing says so and exits 0). Output streams through as it comes. At the end a summary lists
each script's exit code and wall time; the driver exits non-zero if any script failed.

Usage::

    python benchmarks/run_all.py                 # all of them
    python benchmarks/run_all.py throughput      # only scripts whose name contains a word given
    python benchmarks/run_all.py --list          # what would run
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts(only: list[str]) -> list[Path]:
    """The benchmark scripts to run, in name order."""
    found = [
        p
        for p in sorted(HERE.glob("*.py"))
        if p.name != Path(__file__).name and not p.name.startswith("_")
    ]
    return [p for p in found if not only or any(word in p.stem for word in only)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark script in benchmarks/.")
    parser.add_argument("only", nargs="*", help="run only scripts whose name contains one of these")
    parser.add_argument("--list", action="store_true", help="list the scripts and exit")
    args = parser.parse_args(argv)
    todo = scripts(args.only)
    if args.list or not todo:
        print("\n".join(p.name for p in todo) or "no benchmark scripts found")
        return 0
    results = []
    for script in todo:
        print(f"\n{'=' * 100}\n== {script.name}\n{'=' * 100}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        results.append((script.name, code, time.perf_counter() - start))
    print(f"\n{'=' * 100}\n== summary\n")
    for name, code, seconds in results:
        status = "ok" if code == 0 else f"FAILED (exit {code})"
        print(f"{name:40s} {status:20s} {seconds:8.1f} s")
    return 0 if all(code == 0 for _, code, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
