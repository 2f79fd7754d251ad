"""Check that a change leaves every table of ``framing.analyze`` exactly as it was.

Speed work must not change results. Save the tables of serial ``analyze`` on the first ``--n``
AllSides articles at the commit before the change, then check them after it::

    git stash   # or check out the earlier commit
    python benchmarks/same_tables.py save build/bench/tables-before.pkl
    git stash pop
    python benchmarks/same_tables.py check build/bench/tables-before.pkl

``check`` compares every table cell by cell (``pandas.testing.assert_frame_equal`` with
``check_exact=True``: values, dtypes, column and row order), prints ``IDENTICAL`` or each
difference, and exits with 1 if any table differs. Both runs print the CPU seconds of
``analyze``. The pickle holds derived tables of a corpus that is not ours: keep it under
``build/`` (ignored by git), never in the repository.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import warnings
from pathlib import Path

from _corpora import load_allsides

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def tables(data: Path, n: int) -> dict[str, object]:
    """Every table of serial ``framing.analyze`` on the first ``n`` AllSides articles."""
    import framing

    articles = load_allsides(data, n)
    start = time.process_time()
    result = framing.analyze(articles, progress=False, on_error="skip")
    print(f"analyze: {time.process_time() - start:.2f} CPU s on {len(articles):,} articles")
    return {name: table for name, table in result.tables.items() if table is not None}


def differences(before: dict[str, object], after: dict[str, object]) -> list[str]:
    """One message per table that is missing on one side or differs."""
    from pandas.testing import assert_frame_equal

    out = []
    for name in sorted(set(before) | set(after)):
        if name not in before or name not in after:
            out.append(f"{name}: only {'after' if name in after else 'before'}")
            continue
        try:
            assert_frame_equal(before[name], after[name], check_exact=True)  # type: ignore[arg-type]
        except AssertionError as err:
            out.append(f"{name}: {str(err)[:600]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("file", type=Path, help="pickle of the tables (keep it under build/)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the ../shared/data folder")
    parser.add_argument("--n", type=int, default=1000, help="AllSides articles")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    now = tables(args.data, args.n)
    if args.action == "save":
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_bytes(pickle.dumps(now))
        print("saved:", ", ".join(f"{name} {len(t):,} rows" for name, t in now.items()))  # type: ignore[arg-type]
        return 0
    found = differences(pickle.loads(args.file.read_bytes()), now)
    for line in found:
        print(line)
    print("IDENTICAL" if not found else f"{len(found)} table(s) differ")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
