"""How fast load_corpus reads a large real export, and what its cleaning rules remove there.

Reads ``article_bias_prediction/articles.jsonl.gz`` (37,554 articles, 491 outlets) with a column
mapping, prints seconds and rows, then audits the boilerplate rules on that corpus: how many
removals each rule made in how many articles, the most frequent removed lines per rule, and a
random sample of removals to read by eye (did a rule take a real article sentence?).

    .venv/bin/python benchmarks/load_corpus.py [--data ../shared/data] [--show 10] [--chunksize N]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd

from framing.corpus import load_corpus, load_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", default=Path(__file__).resolve().parents[1].parent / "shared" / "data", type=Path
    )
    parser.add_argument("--show", type=int, default=10, help="removed lines to print per rule")
    parser.add_argument("--chunksize", type=int, default=None, help="also time a streamed read")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path = args.data / "article_bias_prediction" / "articles.jsonl.gz"
    if not path.exists():
        print(f"{path} not found", file=sys.stderr)
        return 2

    started = time.perf_counter()
    articles = load_corpus(
        path, text_col="content_original", id_col="ID", outlet_col="source", title_col="title"
    )
    seconds = time.perf_counter() - started
    report = load_report(articles)
    print(
        f"load_corpus({path.name}, text_col='content_original', id_col='ID', "
        "outlet_col='source', title_col='title')"
    )
    print(
        f"  {seconds:.1f} s, {len(articles):,} rows, {articles['outlet'].nunique():,} outlets, "
        f"{len(report.skipped)} skipped"
    )

    if args.chunksize:
        started = time.perf_counter()
        chunks = load_corpus(
            path,
            text_col="content_original",
            id_col="ID",
            outlet_col="source",
            title_col="title",
            chunksize=args.chunksize,
        )
        rows = sum(len(chunk) for chunk in chunks)
        print(
            f"  streamed with chunksize={args.chunksize}: "
            f"{time.perf_counter() - started:.1f} s, {rows:,} rows"
        )

    removed = report.removed
    removed["chars"] = removed["end"] - removed["start"]
    lines = (
        removed["removed"]
        .str.strip()
        .str.split("\n")
        .map(lambda ls: len([x for x in ls if x.strip()]))
    )
    removed["lines"] = lines
    raw_chars = int(articles["raw_text"].str.len().sum())
    print(
        f"\nCleaning audit: {len(removed):,} removals in {removed['article_id'].nunique():,} "
        f"of {len(articles):,} articles; {removed['chars'].sum():,} of {raw_chars:,} characters "
        f"({removed['chars'].sum() / raw_chars:.2%})"
    )
    table = (
        removed.groupby("rule")
        .agg(
            removals=("article_id", "size"),
            articles=("article_id", "nunique"),
            lines=("lines", "sum"),
            chars=("chars", "sum"),
        )
        .sort_values("removals", ascending=False)
    )
    print("\n| rule | removals | articles | non-blank lines | characters |\n|---|---|---|---|---|")
    for rule, row in table.iterrows():
        print(f"| {rule} | {row.removals:,} | {row.articles:,} | {row.lines:,} | {row.chars:,} |")

    rng = random.Random(args.seed)
    pd.set_option("display.width", 200)
    for rule, group in removed.groupby("rule"):
        if rule == "blank_lines":
            continue
        texts = [t.strip().replace("\n", " / ")[:140] for t in group["removed"]]
        print(f"\n## {rule}: most frequent")
        for text, n in pd.Series(texts).value_counts().head(args.show).items():
            print(f"  {n:5d}  {text}")
        print(f"## {rule}: random sample")
        for text in rng.sample(texts, min(args.show, len(texts))):
            print(f"         {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
