"""Calibrate the sentiment scorers against human ratings of news prose.

Data: ``vader_nyt_ratings/nytEditorialSnippets_GroundTruth.txt`` (Hutto & Gilbert 2014): 5,190
New York Times editorial snippets, each with the mean rating of about 20 people on a -4..+4 scale.
Each snippet is scored as one article by ``framing.sentiment`` (sentences split by the package).

Scorers: stock TextBlob (``mode="stock"``, which must equal ``TextBlob(text).sentiment``; the
script counts mismatches), TextBlob with the part-of-speech check only (``mode="pos"``), the
news-aware default (``mode="news"``: part of speech plus overrides), and VADER compound as the
package reports it (mean over sentences) and over the whole snippet at once.

Metrics: Pearson r and Spearman rho with the mean human rating; 3-class macro-F1 (negative /
neutral / positive). Neutral bands were fixed before looking at this data, from each tool's own
conventions, never tuned here:

* humans: |rating| < 0.5, i.e. a mean rating that rounds to 0 on the raters' integer scale;
* TextBlob: |polarity| < 0.1, the threshold of pattern's own ``positive()`` (TextBlob's source);
* VADER: |compound| < 0.05, the cut-off the VADER README recommends.

The r difference of each TextBlob mode from stock gets a paired bootstrap 95% interval
(2,000 resamples of snippets, seed 0).

Usage:
    .venv/bin/python benchmarks/sentiment_calibration.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd
from textblob import TextBlob

from framing.sentiment import sentiment
from framing.sentiment.vader import analyzer

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
FILE = "vader_nyt_ratings/nytEditorialSnippets_GroundTruth.txt"

HUMAN_BAND = 0.5
TEXTBLOB_BAND = 0.1
VADER_BAND = 0.05


def load(data: Path) -> pd.DataFrame:
    """The snippets as an articles table with a ``rating`` column."""
    rows = []
    with open(data / FILE, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                rows.append({"article_id": parts[0], "rating": float(parts[1]), "text": parts[2]})
    frame = pd.DataFrame(rows)
    frame["outlet"] = "NYT"
    return frame


def _ranks(x: np.ndarray) -> np.ndarray:
    return pd.Series(x).rank(method="average").to_numpy()


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def _classes(x: np.ndarray, band: float) -> np.ndarray:
    return np.where(x >= band, 1, np.where(x <= -band, -1, 0))


def macro_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    """Unweighted mean of the F1 of the three classes."""
    f1s = []
    for c in (-1, 0, 1):
        tp = int(np.sum((pred == c) & (truth == c)))
        fp = int(np.sum((pred == c) & (truth != c)))
        fn = int(np.sum((pred != c) & (truth == c)))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def _boot_delta_r(
    human: np.ndarray, a: np.ndarray, b: np.ndarray, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Paired bootstrap 95% interval of r(a, human) - r(b, human)."""
    rng = np.random.default_rng(seed)
    n = len(human)
    deltas = np.empty(n_boot)
    for i in range(n_boot):
        idx = rng.integers(0, n, n)
        deltas[i] = _pearson(a[idx], human[idx]) - _pearson(b[idx], human[idx])
    low, high = np.percentile(deltas, [2.5, 97.5])
    return float(low), float(high)


def run(data: Path) -> pd.DataFrame:
    snippets = load(data)
    human = snippets["rating"].to_numpy()
    t0 = time.perf_counter()
    scores: dict[str, np.ndarray] = {}
    for mode in ("stock", "pos", "news"):
        table = sentiment(snippets, mode=mode, vader=mode == "news")
        scores[f"TextBlob {mode}"] = table["polarity"].to_numpy()
        if mode == "stock":
            stock_subjectivity = table["subjectivity"].to_numpy()
        if mode == "news":
            scores["VADER (mean of sentences, package)"] = table["vader_compound"].to_numpy()
            zero_news = float(np.mean(table["n_scored"].to_numpy() == 0))
    vader = analyzer()
    scores["VADER (whole snippet)"] = np.array(
        [vader.polarity_scores(t)["compound"] for t in snippets["text"]]
    )
    elapsed = time.perf_counter() - t0

    reference = [TextBlob(t).sentiment for t in snippets["text"]]
    mismatches = int(
        np.sum(np.array([r.polarity for r in reference]) != scores["TextBlob stock"])
        + np.sum(np.array([r.subjectivity for r in reference]) != stock_subjectivity)
    )

    truth = _classes(human, HUMAN_BAND)
    rows = []
    for name, x in scores.items():
        band = VADER_BAND if name.startswith("VADER") else TEXTBLOB_BAND
        row = {
            "scorer": name,
            "pearson_r": _pearson(x, human),
            "spearman_rho": _pearson(_ranks(x), _ranks(human)),
            "macro_f1": macro_f1(truth, _classes(x, band)),
            "neutral_band": f"+-{band}",
            "share_exactly_0": float(np.mean(x == 0)),
        }
        if name.startswith("TextBlob") and name != "TextBlob stock":
            low, high = _boot_delta_r(human, x, scores["TextBlob stock"])
            row["delta_r_vs_stock_95ci"] = f"[{low:+.3f}, {high:+.3f}]"
        else:
            row["delta_r_vs_stock_95ci"] = ""
        rows.append(row)
    result = pd.DataFrame(rows)
    counts = {int(c): int(n) for c, n in zip(*np.unique(truth, return_counts=True), strict=True)}
    print(f"{len(snippets)} snippets; human classes -1/0/+1 (band +-{HUMAN_BAND}): {counts}")
    print(f"stock mode vs TextBlob(text).sentiment: {mismatches} mismatches")
    print(f"news mode: {zero_news:.1%} of snippets have no scored word")
    print(f"scoring time {elapsed:.1f} s")
    return result


def markdown(frame: pd.DataFrame) -> str:
    """A Markdown table (floats to 3 decimals), for benchmarks/README.md."""
    cells = [[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row] for row in frame.values]
    lines = ["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    args = parser.parse_args()
    result = run(args.data)
    print(markdown(result))


if __name__ == "__main__":
    main()
