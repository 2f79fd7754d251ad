"""Distinctive terms at scale: word_choice() on a 5,000-article slice of Article-Bias-Prediction.

Times the three steps separately (per-article counting, summing per group, scoring) and prints
the top distinctive terms per AllSides label (left / center / right) and for the five sources
with the most articles in the slice.

Usage:
    .venv/bin/python benchmarks/word_choice_scale.py [--data ../shared/data] [--n 5000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from framing.corpus import load_corpus
from framing.terms import load_stopwords, log_odds_from_counts, sum_counts, term_counts, top_terms
from framing.text import docs_from

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def load_slice(data: Path, n: int) -> pd.DataFrame:
    """The first ``n`` articles of the AllSides export, as an articles table."""
    chunks = load_corpus(
        data / "article_bias_prediction" / "articles.jsonl.gz",
        text_col="content_original",
        id_col="ID",
        outlet_col="source",
        title_col="title",
        chunksize=n,
    )
    return next(iter(chunks))  # type: ignore[call-overload]


def main(argv: list[str] | None = None) -> None:
    """Print timings and top terms."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--n", type=int, default=5000, help="articles in the slice")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    articles = load_slice(args.data, args.n)
    t1 = time.perf_counter()
    docs = docs_from(articles)
    stop = load_stopwords()
    counts = [term_counts(d, stopwords=stop) for d in docs]
    t2 = time.perf_counter()
    by_outlet = sum_counts(zip(articles["outlet"], counts, strict=True))
    by_bias = sum_counts(zip(articles["bias_text"], counts, strict=True))
    t3 = time.perf_counter()
    outlet_table = log_odds_from_counts(by_outlet, min_count=10)
    t4 = time.perf_counter()
    bias_table = log_odds_from_counts(by_bias, min_count=10, group_col="bias_text")
    t5 = time.perf_counter()

    n_words = sum(d.n_words for d in docs)
    print(
        f"{len(articles)} articles, {n_words:,} words, {articles['outlet'].nunique()} outlets, "
        f"{len(outlet_table):,} (outlet, term) rows"
    )
    print("| step | seconds |\n|---|---|")
    print(f"| load_corpus (read, clean) | {t1 - t0:.1f} |")
    print(f"| term_counts, per article | {t2 - t1:.1f} |")
    print(f"| sum_counts, per outlet and per label | {t3 - t2:.1f} |")
    print(f"| log_odds_from_counts, by outlet | {t4 - t3:.1f} |")
    print(f"| log_odds_from_counts, by label | {t5 - t4:.1f} |")

    print("\nTop distinctive terms per AllSides label (z, min_count=10):\n")
    print("| label | top terms |\n|---|---|")
    for row in top_terms(bias_table, n=8, group_col="bias_text").itertuples():
        print(f"| {row.bias_text} | {row.top_terms} |")

    biggest = articles["outlet"].value_counts().head(5)
    print("\nTop distinctive terms of the five largest sources, each against all others:\n")
    print("| outlet | articles | top terms |\n|---|---|---|")
    summary = top_terms(outlet_table, n=8).set_index("outlet")
    for outlet, n in biggest.items():
        print(f"| {outlet} | {n} | {summary.at[outlet, 'top_terms']} |")


if __name__ == "__main__":
    main()
