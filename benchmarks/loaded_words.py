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

``--variants`` also scores the changes that were tried and not adopted (each one added to the
shipped configuration; see benchmarks/README.md), and, as an analysis of the ceiling of any
context-free word list, a list *fitted to BABE itself* (5-fold cross-validation over sentences:
words marked biased in at least a share ``r`` of their occurrences in the training folds).

Usage:
    .venv/bin/python benchmarks/loaded_words.py [--data ../shared/data] [--variants]
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from framing.markers import MarkerLexicon, load_marker_lexicon, marker_rows, pattern_tag
from framing.text import Doc, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"

Spans = Callable[[str], list[tuple[int, int]]]


def _forms(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Epistemological-bias cue classes of Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013), written
# out here (past and present forms) from the papers they cite; tried as extra "loaded" words.
# Hooper (1975) strong assertives: the speaker asserts the complement with force.
ASSERTIVES = _forms(
    "claim claims claimed assert asserts asserted insist insists insisted maintain maintains "
    "maintained contend contends contended declare declares declared argue argues argued"
)
# Kiparsky & Kiparsky (1970) and Hooper (1975) factives: the complement is presupposed true.
FACTIVES = _forms(
    "realize realizes realized regret regrets regretted reveal reveals revealed expose "
    "exposes exposed ignore ignores ignored deplore deplores deplored resent resents resented "
    "lament laments lamented acknowledge acknowledges acknowledged grasp comprehend"
)
# Karttunen (1971) implicatives (positive and negative).
IMPLICATIVES = _forms(
    "manage manages managed bother bothered dare dared fail fails failed failing neglect "
    "neglected refuse refuses refused decline declined avoid avoided refrain refrained force "
    "forced coerce coerced"
)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


Keep = Callable[[dict[str, Any], list[dict[str, Any]], Doc], bool]
REPORTING_CUES = frozenset({"say", "says", "said", "saying", "told", "tells", "according"})


def _own_voice(row: dict[str, Any], rows: list[dict[str, Any]], doc: Doc) -> bool:
    return not row["in_quote"]


def _no_reporting_cue(row: dict[str, Any], rows: list[dict[str, Any]], doc: Doc) -> bool:
    return not any(t.norm in REPORTING_CUES for t in doc.tokens)


def _corroborated(row: dict[str, Any], rows: list[dict[str, Any]], doc: Doc) -> bool:
    return row["source"] == "own" or any(
        r is not row and r["category"] in ("loaded", "intensifier") for r in rows
    )


def marker_spans(
    lexicon: MarkerLexicon,
    *,
    categories: tuple[str, ...] = ("loaded",),
    boosted_adjectives: bool = False,
    keep: Keep | None = None,
) -> Spans:
    """Offsets of the markers of ``categories`` in a text (the detector being scored).

    With ``boosted_adjectives`` an intensifier directly before an adjective also counts, with
    the adjective ("extremely important"); ``keep(row, rows, doc)`` drops the rows it rejects.
    """

    def spans(text: str) -> list[tuple[int, int]]:
        doc = Doc(text)
        rows = marker_rows(doc, lexicon=lexicon)
        out = [
            (r["start"], r["end"])
            for r in rows
            if r["category"] in categories and (keep is None or keep(r, rows, doc))
        ]
        if boosted_adjectives:
            starts = {t.start: k for k, t in enumerate(doc.tokens)}
            for r in rows:
                k = starts.get(r["start"], -1)
                if r["category"] == "intensifier" and 0 <= k < len(doc.tokens) - 1:
                    nxt = doc.tokens[k + 1]
                    if pattern_tag(text[nxt.start : nxt.end]).startswith("JJ"):
                        out.append((r["start"], nxt.end))
        return out

    return spans


def _loaded_words(text: str, spans: Spans) -> set[str]:
    return {t.norm for a, b in spans(text) for t in tokenize(text, a, b)}


def _loaded_positions(text: str, spans: Spans) -> set[int]:
    found = spans(text)
    return {t.start for t in tokenize(text) if any(a <= t.start < b for a, b in found)}


def _babe_table(data: Path) -> pd.DataFrame:
    table = pd.read_csv(data / "babe_sg1" / "final_labels_SG1.csv", sep=";", encoding="utf-8-sig")
    return table[table["label_bias"].isin(["Biased", "Non-biased"])]


def babe(data: Path, detect: Spans) -> dict[str, float]:
    """Word- and sentence-level scores on BABE SG1."""
    table = _babe_table(data)
    tp = fp = fn = 0
    s_tp = s_fp = s_fn = s_tn = 0
    for text, label, gold_words in zip(
        table["text"], table["label_bias"], table["biased_words"], strict=True
    ):
        gold = {t.norm for w in ast.literal_eval(gold_words) for t in tokenize(str(w))}
        pred = _loaded_words(str(text), detect)
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


def basil(data: Path, detect: Spans) -> dict[str, float]:
    """Word- and sentence-level scores on BASIL lexical-bias spans."""
    tp = fp = fn = 0
    s_tp = s_fp = s_fn = 0
    n = 0
    for sentence, spans in _basil_sentences(data):
        n += 1
        gold = {t.start for t in tokenize(sentence) if any(a <= t.start < b for a, b in spans)}
        pred = _loaded_positions(sentence, detect)
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


def fitted_list_ceiling(data: Path, *, rate: float, folds: int = 5) -> dict[str, float]:
    """BABE scores of a word list fitted to BABE's own annotations, on held-out sentences.

    Analysis only (nothing is shipped from it): for each fold, the words marked biased in at
    least ``rate`` of their occurrences in the other folds are the list; a held-out sentence is
    flagged when it contains one. This bounds what any context-free word list can do here.
    """
    table = _babe_table(data)
    sents = [{t.norm for t in tokenize(str(s))} for s in table["text"]]
    gold = [
        {t.norm for w in ast.literal_eval(g) for t in tokenize(str(w))} & s
        for g, s in zip(table["biased_words"], sents, strict=True)
    ]
    labels = [lab == "Biased" for lab in table["label_bias"]]
    order = list(range(len(sents)))
    random.Random(0).shuffle(order)
    tp = fp = fn = s_tp = s_fp = s_fn = 0
    for k in range(folds):
        test = set(order[k::folds])
        marked = Counter(w for i in order if i not in test for w in gold[i])
        seen = Counter(w for i in order if i not in test for w in sents[i])
        words = {w for w, c in marked.items() if c / seen[w] >= rate}
        for i in test:
            pred = sents[i] & words
            tp += len(pred & gold[i])
            fp += len(pred - gold[i])
            fn += len(gold[i] - pred)
            s_tp += bool(pred) and labels[i]
            s_fp += bool(pred) and not labels[i]
            s_fn += labels[i] and not pred
    p, r, f = _prf(tp, fp, fn)
    sp, sr, sf = _prf(s_tp, s_fp, s_fn)
    return {
        "sentences": len(sents),
        "word_p": p,
        "word_r": r,
        "word_f1": f,
        "sent_p": sp,
        "sent_r": sr,
        "sent_f1": sf,
    }


def _without_pos(lexicon: MarkerLexicon) -> MarkerLexicon:
    entries = {k: tuple((*e[:4], "") for e in v) for k, v in lexicon.entries.items()}
    return MarkerLexicon(entries, scare_quotes=lexicon.scare_quotes)


def _with_words(words: Iterable[str], source: str, folder: Path) -> MarkerLexicon:
    path = folder / f"{source}.tsv"
    lines = [f"# {source}", "category\tterm\tsource"]
    lines += [f"loaded\t{w}\t{source}" for w in words]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_marker_lexicon(
        ["markers.tsv", "loaded_general.tsv", str(path)], categories=["loaded"], scare_quotes=False
    )


def variants(folder: Path) -> dict[str, Spans]:
    """The shipped detector and the changes tried on top of it (see the module docstring)."""
    loaded = load_marker_lexicon(categories=["loaded"], scare_quotes=False)
    full = load_marker_lexicon(scare_quotes=False)
    return {
        "shipped": marker_spans(loaded),
        "without part-of-speech check": marker_spans(_without_pos(loaded)),
        "+ intensifiers": marker_spans(full, categories=("loaded", "intensifier")),
        "+ intensifier before an adjective": marker_spans(full, boosted_adjectives=True),
        "+ hedges": marker_spans(full, categories=("loaded", "hedge")),
        "+ Hooper assertives": marker_spans(_with_words(ASSERTIVES, "assertive", folder)),
        "+ Kiparsky/Hooper factives": marker_spans(_with_words(FACTIVES, "factive", folder)),
        "+ Karttunen implicatives": marker_spans(_with_words(IMPLICATIVES, "implicative", folder)),
        "own voice only (not in quotes)": marker_spans(loaded, keep=_own_voice),
        "none in sentences with a reporting cue": marker_spans(loaded, keep=_no_reporting_cue),
        "general-list word needs a second marker": marker_spans(full, keep=_corroborated),
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
    parser.add_argument(
        "--variants", action="store_true", help="also score the changes tried and not adopted"
    )
    args = parser.parse_args(argv)
    lexicon = load_marker_lexicon(categories=["loaded"], scare_quotes=False)
    print(f"loaded lexicon: {len(lexicon)} terms")
    results = {}
    started = time.perf_counter()
    spans = marker_spans(lexicon)
    results["BABE SG1"] = babe(args.data, spans)
    results["BASIL lex"] = basil(args.data, spans)
    frame = pd.DataFrame(results).T
    frame["sentences"] = frame["sentences"].astype(int)
    print(_markdown(frame))
    print(f"({time.perf_counter() - started:.1f} s)")
    if not args.variants:
        return
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, variant in variants(Path(tmp)).items():
            b, s = babe(args.data, variant), basil(args.data, variant)
            rows[name] = {
                "BABE word_f1": b["word_f1"],
                "BABE sent_p": b["sent_p"],
                "BABE sent_r": b["sent_r"],
                "BABE sent_f1": b["sent_f1"],
                "BASIL word_f1": s["word_f1"],
                "BASIL sent_f1": s["sent_f1"],
            }
    print()
    print(_markdown(pd.DataFrame(rows).T))
    ceiling = {
        f"BABE-fitted list, r >= {rate}": fitted_list_ceiling(args.data, rate=rate)
        for rate in (0.1, 0.2, 0.3, 0.5)
    }
    print()
    print("Context-free word list fitted to BABE (5-fold cross-validation, analysis only):")
    print(_markdown(pd.DataFrame(ceiling).T.astype({"sentences": int})))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
