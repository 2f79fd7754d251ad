"""Cross-outlet coverage and text reuse on BASIL: 100 events, each covered by Fox, NYT, HuffPost.

For every event, :func:`framing.coverage` clusters the sentences of its three articles into facts
and :func:`framing.reuse` finds passages two of them share. Prints, per outlet, the share of its
sentences with no counterpart in the other two articles on the same event, the facts the other
two report and it omits, and how much of its text it shares with the others; then the reuse
found (pairs, passages by kind) and the CPU time of each step.

BASIL: Fan et al. (2019), "In Plain Sight: Media Bias Through the Lens of Factual Reporting",
EMNLP. The corpus is read from ``--data`` (never copied into the repository).

Usage:
    .venv/bin/python benchmarks/basil_coverage.py [--data ../shared/data] [--threshold 0.3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd
from _corpora import load_basil

from framing.coverage import coverage, coverage_summary
from framing.reuse import reuse, reuse_pairs, reuse_summary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def markdown(table: pd.DataFrame) -> str:
    """A GitHub table (floats to 3 decimals) without the optional ``tabulate`` dependency."""

    def cell(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(map(str, table.columns)) + " |"]
    lines.append("|" + "---|" * len(table.columns))
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in table.itertuples(False)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the per-outlet coverage table and the reuse found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--threshold", type=float, default=0.3, help="coverage threshold")
    args = parser.parse_args(argv)
    if not (args.data / "basil" / "articles").is_dir():
        print(f"BASIL not found under {args.data}; nothing to do")
        return 0
    articles = load_basil(args.data)
    n_events = articles["event"].nunique()
    print(
        f"{len(articles)} articles, {n_events} events, outlets: {sorted(articles.outlet.unique())}"
    )

    t0 = time.process_time()
    facts = coverage(articles, threshold=args.threshold)
    t1 = time.process_time()
    passages = reuse(articles)
    t2 = time.process_time()

    summary = coverage_summary(facts)
    reused = reuse_summary(passages, articles).set_index("outlet")
    summary = summary.join(reused[["share_reused", "share_copy"]], on="outlet")
    print(f"\n## Coverage per outlet (threshold {args.threshold}, by event)\n")
    cols = [
        "outlet",
        "n_articles",
        "n_sentences",
        "n_facts",
        "sentences_only",
        "share_sentences_only",
        "facts_omitted",
        "lede_shared",
        "share_reused",
        "share_copy",
    ]
    print(markdown(summary[cols]))

    per_event = facts.groupby("event")["n_outlets"].agg(lambda s: (s == 3).sum())
    three = facts[facts["n_outlets"] == 3].drop_duplicates(["event", "fact"])
    print(
        f"\nfacts reported by all three outlets: {len(three)} "
        f"({(per_event > 0).sum()} of {n_events} events have at least one)"
    )

    pairs = reuse_pairs(passages, articles)
    print("\n## Reuse found (min_words=8)\n")
    kinds = passages["kind"].value_counts().to_dict() if len(passages) else {}
    print(f"passages: {len(passages)} ({kinds}); article pairs with a passage: {len(pairs)}")
    if len(pairs):
        names = [
            " / ".join(sorted(p)) for p in zip(pairs["outlet_a"], pairs["outlet_b"], strict=True)
        ]
        pairs = pairs.assign(outlets=names, share=pairs[["share_a", "share_b"]].max(axis=1))
        by_outlets = pairs.groupby("outlets").agg(
            pairs=("kind", "size"),
            copy_pairs=("kind", lambda s: (s == "copy").sum()),
            median_share=("share", "median"),
            max_share=("share", "max"),
        )
        print(markdown(by_outlets.reset_index()))
        longest = passages.sort_values("n_words", ascending=False).head(5)
        print("\nlongest passages (words, kind, similarity; text not shown):")
        for _, row in longest.iterrows():
            print(
                f"  {row['n_words']:4d} {row['kind']:13s} {row['similarity']:.2f}  "
                f"{row['outlet_a']} / {row['outlet_b']}"
            )
    print("\n## Sensitivity: share_sentences_only by threshold\n")
    rows = []
    for threshold in (0.2, 0.3, 0.4, 0.5):
        shares = coverage_summary(coverage(articles, threshold=threshold)).set_index("outlet")
        rows.append({"threshold": threshold, **shares["share_sentences_only"].to_dict()})
    print(markdown(pd.DataFrame(rows)))
    print(f"\nCPU time: coverage {t1 - t0:.1f} s, reuse {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
