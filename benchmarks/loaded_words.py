"""Score the ``loaded`` markers of framing.markers against human bias annotations.

* BABE SG1 (Spinde et al. 2021): 1,700 news sentences with expert labels. Word level: the words
  annotators marked as biased (``biased_words``) vs the words inside ``loaded`` markers, per
  sentence; sentence level: ``label_bias`` Biased vs Non-biased ("No agreement" left out), a
  sentence flagged biased when it has at least one ``loaded`` marker.
* BASIL (Fan et al. 2019): lexical-bias spans (``bias == "lex"``) in 300 articles. Word level:
  the word tokens inside a lexical span vs those inside a ``loaded`` marker, per sentence;
  sentence level: a sentence with a lexical span vs a sentence with a loaded marker.

Nothing here was used to build the lexicons (they come from general principles and the VADER
and Pattern lexicons; see framing/lexicons/README.md).

Usage:
    .venv/bin/python benchmarks/loaded_words.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import ast
import json
import time
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from framing.markers import load_marker_lexicon, marker_rows
from framing.text import Doc, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _loaded_words(text: str, lexicon: object) -> set[str]:
    doc = Doc(text)
    rows = marker_rows(doc, lexicon=lexicon)  # type: ignore[arg-type]
    words: set[str] = set()
    for row in rows:
        if row["category"] == "loaded":
            words.update(t.norm for t in tokenize(text, row["start"], row["end"]))
    return words


def _loaded_positions(text: str, lexicon: object) -> set[int]:
    rows = marker_rows(Doc(text), lexicon=lexicon)  # type: ignore[arg-type]
    spans = [(r["start"], r["end"]) for r in rows if r["category"] == "loaded"]
    return {t.start for t in tokenize(text) if any(a <= t.start < b for a, b in spans)}


def babe(data: Path, lexicon: object) -> dict[str, float]:
    """Word- and sentence-level scores on BABE SG1."""
    table = pd.read_csv(data / "babe_sg1" / "final_labels_SG1.csv", sep=";", encoding="utf-8-sig")
    table = table[table["label_bias"].isin(["Biased", "Non-biased"])]
    tp = fp = fn = 0
    s_tp = s_fp = s_fn = s_tn = 0
    for text, label, gold_words in zip(
        table["text"], table["label_bias"], table["biased_words"], strict=True
    ):
        gold = {t.norm for w in ast.literal_eval(gold_words) for t in tokenize(str(w))}
        pred = _loaded_words(str(text), lexicon)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        flagged, biased = bool(pred), label == "Biased"
        s_tp += flagged and biased
        s_fp += flagged and not biased
        s_fn += biased and not flagged
        s_tn += not flagged and not biased
    p, r, f = _prf(tp, fp, fn)
    sp, sr, sf = _prf(s_tp, s_fp, s_fn)
    return {
        "sentences": len(table),
        "word_p": p,
        "word_r": r,
        "word_f1": f,
        "sent_p": sp,
        "sent_r": sr,
        "sent_f1": sf,
        "sent_f1_all_biased": _prf(s_tp + s_fn, s_fp + s_tn, 0)[2],
    }


def _basil_sentences(data: Path) -> Iterable[tuple[str, list[tuple[int, int]]]]:
    """Each sentence (and title) of each BASIL article with its lexical-bias spans."""
    for article_path in sorted((data / "basil" / "articles").glob("*/*.json")):
        ann_path = (
            data
            / "basil"
            / "annotations"
            / article_path.parent.name
            / f"{article_path.stem}_ann.json"
        )
        article = json.loads(article_path.read_text(encoding="utf-8"))
        sentences = [article.get("title", "")] + [
            s for para in article.get("body-paragraphs", []) for s in para
        ]
        spans: dict[int, list[tuple[int, int]]] = {}
        if ann_path.exists():
            ann = json.loads(ann_path.read_text(encoding="utf-8"))
            for span in ann.get("phrase-level-annotations", []):
                if span.get("bias") != "lex":
                    continue
                start, end, txt = int(span["start"]), int(span["end"]), span["txt"]
                for k, sentence in enumerate(sentences):
                    if sentence[start:end] == txt:
                        spans.setdefault(k, []).append((start, end))
                        break
        for k, sentence in enumerate(sentences):
            if sentence.strip():
                yield sentence, spans.get(k, [])


def basil(data: Path, lexicon: object) -> dict[str, float]:
    """Word- and sentence-level scores on BASIL lexical-bias spans."""
    tp = fp = fn = 0
    s_tp = s_fp = s_fn = 0
    n = 0
    for sentence, spans in _basil_sentences(data):
        n += 1
        gold = {t.start for t in tokenize(sentence) if any(a <= t.start < b for a, b in spans)}
        pred = _loaded_positions(sentence, lexicon)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        s_tp += bool(pred) and bool(gold)
        s_fp += bool(pred) and not gold
        s_fn += bool(gold) and not pred
    p, r, f = _prf(tp, fp, fn)
    sp, sr, sf = _prf(s_tp, s_fp, s_fn)
    return {
        "sentences": n,
        "word_p": p,
        "word_r": r,
        "word_f1": f,
        "sent_p": sp,
        "sent_r": sr,
        "sent_f1": sf,
    }


def _markdown(frame: pd.DataFrame) -> str:
    cols = ["corpus", *frame.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for name, row in frame.iterrows():
        cells = [str(name)] + [
            str(int(v)) if c == "sentences" else f"{v:.3f}" for c, v in row.items()
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the table of scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    args = parser.parse_args(argv)
    lexicon = load_marker_lexicon(categories=["loaded"], scare_quotes=False)
    print(f"loaded lexicon: {len(lexicon)} terms")
    results = {}
    started = time.perf_counter()
    results["BABE SG1"] = babe(args.data, lexicon)
    results["BASIL lex"] = basil(args.data, lexicon)
    frame = pd.DataFrame(results).T
    frame["sentences"] = frame["sentences"].astype(int)
    print(_markdown(frame))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
