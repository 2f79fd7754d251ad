"""Check that framing.sentiment's fast paths give exactly the libraries' results on real news.

``framing.sentiment`` replaces three hot spots with cheaper code that must not change a number:

* ``pattern.textblob_tokens`` re-implements pattern's ``find_tokens`` (TextBlob's tokenizer):
  compared with ``" ".join(find_tokens(text)).split()`` on every sentence and every whole text;
* ``vader.Analyzer`` re-implements ``SentimentIntensityAnalyzer.polarity_scores``: compared
  (every key, value and the sign of zeros) with vaderSentiment's own analyzer on every sentence,
  raw and normalised;
* the article-level TextBlob chunks (reused from the sentences, re-scored only from the first
  sentence boundary the scoring state crosses) and the stock chunks (reused from the news-aware
  ones where both modes agree): compared with one scoring pass over the whole article, and with
  stock chunks computed afresh, in the ``news``, ``pos`` and ``stock`` modes.

Run it after upgrading textblob or vaderSentiment; every count of mismatches must be 0.

Usage:
    .venv/bin/python benchmarks/sentiment_identity.py [--data ../shared/data] [--n 2000]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
from pathlib import Path

from textblob.en import parser as pattern_parser
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.sentiment import scoring
from framing.sentiment.pattern import Assessment, assess, textblob_tokens
from framing.sentiment.vader import analyzer
from framing.text import Doc

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _same_scores(a: dict[str, float], b: dict[str, float]) -> bool:
    return list(a) == list(b) and all(
        a[k] == b[k] and math.copysign(1.0, a[k]) == math.copysign(1.0, b[k]) for k in a
    )


def _absolute(chunks: list[tuple[int, Assessment]]) -> list[Assessment]:
    return [
        x._replace(
            tokens=tuple(base + t for t in x.tokens),
            head=base + x.head,
            modifier=base + x.modifier if x.modifier >= 0 else -1,
        )
        for base, x in chunks
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--n", type=int, default=2000, help="number of AllSides articles")
    args = parser.parse_args()
    path = args.data / "article_bias_prediction" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        texts = [json.loads(line)["content_original"] for line in itertools.islice(f, args.n)]
    original_vader = SentimentIntensityAnalyzer()
    news_rules = scoring.load_overrides(True)
    n_segments = bad_tokens = n_vader = bad_vader = bad_chunks = 0
    for text in texts:
        doc = Doc(text)
        segments = [doc.text[s.start : s.end] for s in doc.sentences] + [doc.text]
        for segment in segments:
            n_segments += 1
            expected = " ".join(pattern_parser.find_tokens(segment)).split()
            bad_tokens += textblob_tokens(segment) != expected
        for s in doc.sentences:
            for segment in (doc.norm[s.start : s.end], doc.text[s.start : s.end]):
                n_vader += 1
                ours = analyzer().polarity_scores(segment)
                bad_vader += not _same_scores(ours, original_vader.polarity_scores(segment))
        for mode, rules in (("news", news_rules), ("pos", ()), ("stock", ())):
            decided = scoring._decided(doc, mode, rules)  # type: ignore[arg-type]
            chunks = scoring._chunks(doc, mode, rules)  # type: ignore[arg-type]
            whole = assess(
                [w for lower in decided.lower for w in lower],
                [v for vs in decided.values for v in vs],
            )
            bad_chunks += repr(_absolute(chunks.article)) != repr(whole)
        fresh = Doc(text)
        reused = scoring._stock_chunks(fresh, "news", news_rules)
        bad_chunks += repr(reused) != repr(scoring._assess_doc(fresh, "stock", ()))
    print(f"{len(texts)} AllSides articles")
    print(f"tokens: {n_segments} sentences and whole texts, {bad_tokens} differ from pattern's")
    print(
        f"VADER: {n_vader} sentences (raw and normalised), {bad_vader} differ from vaderSentiment"
    )
    print(
        f"TextBlob chunks: {3 * len(texts)} article passes (news, pos, stock) and "
        f"{len(texts)} reused stock passes, {bad_chunks} differ from a fresh single pass"
    )


if __name__ == "__main__":
    main()
