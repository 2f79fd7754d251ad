"""How long framing.sentiment takes next to plain ``TextBlob(text).sentiment``.

Reads the first ``--n`` articles of the AllSides corpus
(``article_bias_prediction/articles.jsonl.gz``) and times, on the same articles:

* ``TextBlob(text).sentiment`` for each article (the baseline);
* ``sentiment_rows(doc)`` (article level) and then ``sentiment_rows(doc, level="sentence")``
  on the same ``Doc`` (the second reuses the first's tokens and decisions), for stock mode,
  the news-aware mode without VADER, and the default (news-aware + VADER).

Sentence splitting and quote detection are done before the clock starts: in
:func:`framing.analyze` they are shared by every analysis, so they are not sentiment's cost.
Each configuration runs on fresh ``Doc`` objects. Times are CPU seconds of this process (stable
on a shared machine, unlike wall clock), the best of ``--repeat`` rounds, the configurations
taking turns within each round.

Usage:
    .venv/bin/python benchmarks/sentiment_speed.py [--data ../shared/data] [--n 2000]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import time
from pathlib import Path

from textblob import TextBlob

from framing.quotes import doc_quotes
from framing.sentiment import sentiment_rows
from framing.text import Doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _docs(texts: list[str]) -> list[Doc]:
    docs = [Doc(t, article_id=str(i)) for i, t in enumerate(texts)]
    for d in docs:
        d.sentences  # noqa: B018 (parse before the clock starts)
        doc_quotes(d)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--n", type=int, default=2000, help="number of articles")
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration")
    args = parser.parse_args()
    path = args.data / "article_bias_prediction" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["content_original"] for line in itertools.islice(f, args.n)]
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {n_chars / len(texts):.0f} characters on average")

    configs = {
        "stock, no VADER": {"mode": "stock", "vader": False},
        "news-aware, no VADER": {"vader": False},
        "news-aware + VADER (default)": {},
    }
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):  # round robin, so load changes hit every configuration alike
        t0 = time.process_time()
        for text in texts:
            TextBlob(text).sentiment  # noqa: B018
        elapsed = time.process_time() - t0
        if elapsed < sum(best.get("TextBlob", (math.inf, 0.0))):
            best["TextBlob"] = (elapsed, 0.0)
        for label, options in configs.items():
            docs = _docs(texts)
            t0 = time.process_time()
            for d in docs:
                sentiment_rows(d, **options)  # type: ignore[arg-type]
            t1 = time.process_time()
            for d in docs:
                sentiment_rows(d, level="sentence", **options)  # type: ignore[arg-type]
            t2 = time.process_time()
            if t2 - t0 < sum(best.get(label, (math.inf, 0.0))):
                best[label] = (t1 - t0, t2 - t1)
    baseline = best["TextBlob"][0]
    print("| configuration | article level (s) | + sentence level (s) | total / TextBlob |")
    print("|---|---|---|---|")
    print(f"| TextBlob(text).sentiment | {baseline:.2f} | | 1.00 |")
    for label in configs:
        article, sentence = best[label]
        ratio = (article + sentence) / baseline
        print(f"| {label} | {article:.2f} | {sentence:.2f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
