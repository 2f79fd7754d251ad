"""How fast framing.agency reads event mentions, in articles per CPU second.

Reads the first ``--n`` articles of the AllSides corpus
(``article_bias_prediction/articles.jsonl.gz``) with :func:`framing.load_corpus` and times
:func:`framing.agency.agency_rows` on each article. Sentence splitting and tokenising are done
before the clock starts (in :func:`framing.analyze` they are shared by every analysis), so the
figure is agency's own cost: the token pre-filter, Pattern tagging and chunking of the sentences
that contain an event word, and the role rules. Times are CPU seconds of this process (stable
on a shared machine, unlike wall clock), the best of ``--repeat`` rounds on fresh ``Doc``s.

Usage:
    .venv/bin/python benchmarks/agency_speed.py [--data ../shared/data] [--n 200]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from framing.agency import agency_rows
from framing.corpus import load_corpus
from framing.text import Doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _docs(texts: list[str]) -> list[Doc]:
    docs = [Doc(t, article_id=str(i)) for i, t in enumerate(texts)]
    for d in docs:
        d.sentence_tokens  # noqa: B018 (parse before the clock starts)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--n", type=int, default=200, help="number of articles")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (best is reported)")
    args = parser.parse_args()
    path = args.data / "article_bias_prediction" / "articles.jsonl.gz"
    table = next(
        iter(
            load_corpus(
                path,
                text_col="content_original",
                id_col="ID",
                outlet_col="source",
                chunksize=args.n,
            )
        )
    )
    texts = [str(t) for t in table["text"]]
    n_chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {n_chars / len(texts):.0f} characters on average")
    best = float("inf")
    rows: list[dict[str, object]] = []
    for _ in range(args.repeat):
        docs = _docs(texts)
        agency_rows(docs[0])  # load the lexicon and Pattern's tagger outside the clock
        start = time.process_time()
        rows = [row for doc in docs for row in agency_rows(doc)]
        best = min(best, time.process_time() - start)
    sentences = sum(len(d.sentences) for d in _docs(texts))
    print(f"{len(rows)} event mentions in {sentences} sentences")
    print(f"CPU seconds (best of {args.repeat}): {best:.2f}")
    print(f"articles per CPU second: {len(texts) / best:.0f}")
    forms = Counter(str(r["form"]) for r in rows)
    print("forms:", ", ".join(f"{k} {v}" for k, v in forms.most_common()))
    violent = [r for r in rows if r["violent"]]
    print(f"violent mentions: {len(violent)}")


if __name__ == "__main__":
    main()
