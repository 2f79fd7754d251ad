"""Sentiment per sentence and per article for one parsed article, with the words behind it.

:func:`sentiment_rows` and :func:`driver_rows` are pure functions of a
:class:`~framing.text.Doc` (what :func:`framing.analyze` runs in a process pool or on Dask);
:mod:`framing.sentiment.tables` applies them to an articles table. Everything for one article
(TextBlob tokens, part-of-speech decisions, VADER scores) is computed once and cached on the
``Doc`` under its own key, so asking for both levels and the drivers costs one pass, and nothing
is computed that a call does not need.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple

from framing.quotes import doc_quotes
from framing.sentiment.lexical import (
    Decision,
    Mode,
    Override,
    context_free,
    contraction_negations,
    decide,
    index_overrides,
    load_overrides,
)
from framing.sentiment.pattern import (
    STOCK,
    Assessment,
    Values,
    assess,
    locate,
    score,
    textblob_tokens,
)
from framing.sentiment.vader import VADER_COLUMNS, article_vader, sentence_vader
from framing.text import Doc

__all__ = [
    "ARTICLE_COLUMNS",
    "DRIVER_COLUMNS",
    "SENTENCE_COLUMNS",
    "Level",
    "Overrides",
    "driver_rows",
    "sentence_rows",
    "sentiment_rows",
]

Level = Literal["article", "sentence"]
Overrides = bool | str | Path | Sequence[Override]

_SCORE_COLUMNS = {
    "polarity": "float64",
    "subjectivity": "float64",
    "polarity_stock": "float64",
    "subjectivity_stock": "float64",
    "vader_compound": "float64",
    "vader_pos": "float64",
    "vader_neu": "float64",
    "vader_neg": "float64",
    "polarity_own": "float64",
    "subjectivity_own": "float64",
    "polarity_quoted": "float64",
    "subjectivity_quoted": "float64",
    "quoted": "float64",
    "n_scored": "int64",
    "n_dropped": "int64",
}

#: Columns and dtypes of ``sentiment(articles)`` (one row per article).
ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "str",
    "outlet": "str",
    **_SCORE_COLUMNS,
    "n_sentences": "int64",
}

#: Columns and dtypes of ``sentiment(articles, level="sentence")`` (one row per sentence).
SENTENCE_COLUMNS: dict[str, str] = {
    "article_id": "str",
    "outlet": "str",
    "sentence": "int64",
    "start": "int64",
    "end": "int64",
    "sentence_text": "str",
    **_SCORE_COLUMNS,
}

#: Columns and dtypes of ``sentiment_drivers(articles)`` (one row per lexicon word).
DRIVER_COLUMNS: dict[str, str] = {
    "article_id": "str",
    "outlet": "str",
    "sentence": "int64",
    "term": "str",
    "start": "int64",
    "end": "int64",
    "words": "str",
    "pos": "str",
    "polarity": "float64",
    "subjectivity": "float64",
    "intensity": "float64",
    "negated": "bool",
    "modifier": "str",
    "kept": "bool",
    "reason": "str",
    "quoted": "bool",
}


# --- one pass over an article ------------------------------------------------------------------
# Each piece is cached on the Doc under its own key, so a second level, the drivers or another
# mode reuse what is already computed, and nothing is computed that a call does not need.


def _forms(doc: Doc) -> list[list[str]]:
    """TextBlob tokens per sentence (tokenising sentence by sentence gives the same tokens as
    tokenising the whole text: checked on 1,000 news articles)."""
    return [textblob_tokens(doc.text[s.start : s.end]) for s in doc.sentences]


def _tokens(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    forms: list[list[str]] = doc.cached("textblob_tokens", _forms)  # type: ignore[assignment]
    return forms, [[f.lower() for f in fs] for fs in forms]


def _starts(doc: Doc) -> list[list[int]]:
    forms, _ = _tokens(doc)
    return [locate(doc.text, fs, s.start) for fs, s in zip(forms, doc.sentences, strict=True)]


def _vader(doc: Doc) -> list[dict[str, float]]:
    return [sentence_vader(doc.norm[s.start : s.end]) for s in doc.sentences]


class _Decided(NamedTuple):
    lower: list[list[str]]  # per sentence, the tokens the scoring loop reads
    values: list[list[Values | None]]  # per sentence, per token: scored values or None
    decisions: list[dict[int, Decision]]  # per sentence: token index -> decision (lexicon words)


# Decisions that depend only on the token (most of them), per mode and override table, reused
# across sentences and articles in this process. Bounded by the lexicon's forms as written.
_DECISIONS: dict[tuple[Mode, tuple[Override, ...]], dict[tuple[str, bool], Decision]] = {}


def _decide_doc(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> _Decided:
    forms, lowers = _tokens(doc)
    if mode == "stock":  # every lexicon word counts with its all-senses average
        return _Decided(
            lowers, [[STOCK.get(w) for w in lower] for lower in lowers], [{} for _ in lowers]
        )
    index = index_overrides(rules)
    reuse = _DECISIONS.setdefault((mode, rules), {})
    lowers = [contraction_negations(lower) for lower in lowers]
    all_values, all_decisions = [], []
    for fs, lower in zip(forms, lowers, strict=True):
        decisions = {}
        for k, w in enumerate(lower):
            if w not in STOCK:
                continue
            key = (fs[k], k == 0)
            decision = reuse.get(key)
            if decision is None:
                decision = decide(k, fs, lower, mode=mode, overrides=index)
                if context_free(k, fs, lower, index):
                    reuse[key] = decision
            decisions[k] = decision
        all_decisions.append(decisions)
        all_values.append([decisions[k].values if k in decisions else None for k in range(len(fs))])
    return _Decided(lowers, all_values, all_decisions)


def _key(what: str, mode: Mode, rules: tuple[Override, ...]) -> str:
    return f"sentiment:{what}:{mode}:{hash(rules) if mode == 'news' else ''}"


def _decided(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> _Decided:
    return doc.cached(_key("decided", mode, rules), lambda d: _decide_doc(d, mode, rules))  # type: ignore[return-value]


def _sentence_assessments(
    doc: Doc, mode: Mode, rules: tuple[Override, ...]
) -> list[list[Assessment]]:
    def compute(d: Doc) -> list[list[Assessment]]:
        decided = _decided(d, mode, rules)
        return [assess(w, v) for w, v in zip(decided.lower, decided.values, strict=True)]

    return doc.cached(_key("sentences", mode, rules), compute)  # type: ignore[return-value]


def _article_assessments(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> list[Assessment]:
    """Assessments over the whole article (negation and intensifiers reach across sentence
    ends as in ``TextBlob(text)``); token indices into the flattened token list."""

    def compute(d: Doc) -> list[Assessment]:
        decided = _decided(d, mode, rules)
        return assess(
            [w for lower in decided.lower for w in lower],
            [v for vs in decided.values for v in vs],
        )

    return doc.cached(_key("article", mode, rules), compute)  # type: ignore[return-value]


def _resolve(mode: Mode, overrides: Overrides) -> tuple[Mode, tuple[Override, ...]]:
    if mode not in ("news", "pos", "stock"):
        raise ValueError(f"mode must be 'news', 'pos' or 'stock', not {mode!r}")
    if overrides is False and mode == "news":
        mode = "stock"
    return mode, load_overrides(overrides if mode == "news" else False)


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` spans of attributed content (:func:`framing.quotes.doc_quotes`).

    All statement kinds count as quoted voices: direct quotations, partial quotations and
    indirect (reported) speech are all attributed to someone other than the outlet.
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted((q.start, q.end) for q in doc_quotes(doc) if q.end > q.start):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- own voice and quoted voices ---------------------------------------------------------------


def _inside(pos: int, starts: list[int], ends: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return pos >= 0 and i >= 0 and pos < ends[i]


def _quoted_chars(start: int, end: int, spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in spans)


def _voice_split(
    assessments: Sequence[Assessment],
    head_start: Sequence[int],
    spans: list[tuple[int, int]],
    *,
    own_chars: int,
    quoted_chars: int,
) -> dict[str, float]:
    """Polarity and subjectivity of the outlet's own narration and of the quoted words.

    An assessment belongs to the voice its lexicon word is in. NaN where the unit has no text in
    that voice; 0.0 where it has text but no scored word (TextBlob's convention).
    """
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    own: list[Assessment] = []
    quoted: list[Assessment] = []
    for x, pos in zip(assessments, head_start, strict=True):
        (quoted if _inside(pos, starts, ends) else own).append(x)
    out = {}
    for name, group, chars in (("own", own, own_chars), ("quoted", quoted, quoted_chars)):
        p, s = score(group) if chars > 0 else (math.nan, math.nan)
        out[f"polarity_{name}"] = p
        out[f"subjectivity_{name}"] = s
    return out


# --- rows -------------------------------------------------------------------------------------


def _score_fields(
    mode_a: Sequence[Assessment],
    stock_a: Sequence[Assessment],
    head_start: Sequence[int],
    spans: list[tuple[int, int]],
    *,
    chars: int,
    quoted_chars: int,
    vader: dict[str, float],
    n_dropped: int,
) -> dict[str, Any]:
    polarity, subjectivity = score(mode_a)
    polarity_stock, subjectivity_stock = score(stock_a)
    return {
        "polarity": polarity,
        "subjectivity": subjectivity,
        "polarity_stock": polarity_stock,
        "subjectivity_stock": subjectivity_stock,
        **vader,
        **_voice_split(
            mode_a, head_start, spans, own_chars=chars - quoted_chars, quoted_chars=quoted_chars
        ),
        "quoted": quoted_chars / chars if chars else 0.0,
        "n_scored": len(mode_a),
        "n_dropped": n_dropped,
    }


def _head_starts(
    doc: Doc, assessments: Sequence[Assessment], starts: Sequence[int] | None
) -> list[int]:
    """Offsets of the assessed words (``starts`` per token; None when there are no quotes,
    where offsets are not needed)."""
    if starts is None:
        return [-1] * len(assessments)
    return [starts[x.head] for x in assessments]


def sentence_rows(
    doc: Doc, *, mode: Mode = "news", overrides: Overrides = True, vader: bool = True
) -> list[dict[str, Any]]:
    """One row per sentence of one article (see :func:`sentiment` for the columns)."""
    mode, rules = _resolve(mode, overrides)
    sent_mode = _sentence_assessments(doc, mode, rules)
    sent_stock = _sentence_assessments(doc, "stock", ())
    decisions = _decided(doc, mode, rules).decisions
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    spans = _quote_spans(doc)
    starts: list[list[int]] | None = doc.cached("textblob_starts", _starts) if spans else None  # type: ignore[assignment]
    rows = []
    for j, sent in enumerate(doc.sentences):
        chars = sent.end - sent.start
        fields = _score_fields(
            sent_mode[j],
            sent_stock[j],
            _head_starts(doc, sent_mode[j], starts[j] if starts is not None else None),
            spans,
            chars=chars,
            quoted_chars=_quoted_chars(sent.start, sent.end, spans),
            vader=vaders[j] if vader else dict.fromkeys(VADER_COLUMNS, math.nan),
            n_dropped=sum(d.values is None for d in decisions[j].values()),
        )
        rows.append(
            {
                "article_id": doc.article_id,
                "outlet": doc.outlet,
                "sentence": sent.index,
                "start": sent.start,
                "end": sent.end,
                "sentence_text": doc.text[sent.start : sent.end],
                **fields,
            }
        )
    return rows


def sentiment_rows(
    doc: Doc,
    *,
    level: Level = "article",
    mode: Mode = "news",
    overrides: Overrides = True,
    vader: bool = True,
) -> list[dict[str, Any]]:
    """Sentiment rows for one parsed article: one row (``level="article"``) or one per sentence.

    A pure function of ``doc`` (what :func:`framing.analyze` runs per article; intermediate
    results are cached on the ``Doc``, so both levels and the drivers cost one pass). The
    options are those of :func:`sentiment`.

    Returns:
        Rows with the columns of :func:`sentiment`.
    """
    if level == "sentence":
        return sentence_rows(doc, mode=mode, overrides=overrides, vader=vader)
    if level != "article":
        raise ValueError(f"level must be 'article' or 'sentence', not {level!r}")
    mode, rules = _resolve(mode, overrides)
    art_mode = _article_assessments(doc, mode, rules)
    art_stock = _article_assessments(doc, "stock", ())
    decisions = _decided(doc, mode, rules).decisions
    spans = _quote_spans(doc)
    flat_starts = None
    if spans:
        starts: list[list[int]] = doc.cached("textblob_starts", _starts)  # type: ignore[assignment]
        flat_starts = [x for xs in starts for x in xs]
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    fields = _score_fields(
        art_mode,
        art_stock,
        _head_starts(doc, art_mode, flat_starts),
        spans,
        chars=sum(s.end - s.start for s in doc.sentences),
        quoted_chars=sum(_quoted_chars(s.start, s.end, spans) for s in doc.sentences),
        vader=article_vader(vaders) if vader else dict.fromkeys(VADER_COLUMNS, math.nan),
        n_dropped=sum(d.values is None for ds in decisions for d in ds.values()),
    )
    return [
        {
            "article_id": doc.article_id,
            "outlet": doc.outlet,
            **fields,
            "n_sentences": len(doc.sentences),
        }
    ]


_STOCK_DECISION = Decision(None, "", "stock")
_LABEL_REASONS = {"mood": "emoticon", "irony": "irony mark (!)"}


def driver_rows(
    doc: Doc,
    *,
    level: Level = "sentence",
    mode: Mode = "news",
    overrides: Overrides = True,
) -> list[dict[str, Any]]:
    """The words behind one article's scores (see :func:`sentiment_drivers` for the columns)."""
    if level not in ("article", "sentence"):
        raise ValueError(f"level must be 'article' or 'sentence', not {level!r}")
    mode, rules = _resolve(mode, overrides)
    forms, _ = _tokens(doc)
    starts: list[list[int]] = doc.cached("textblob_starts", _starts)  # type: ignore[assignment]
    decisions = _decided(doc, mode, rules).decisions
    spans = _quote_spans(doc)
    q_starts = [s for s, _ in spans]
    q_ends = [e for _, e in spans]
    # Where each token of the flattened article lives: (sentence, index in sentence).
    where = [(j, k) for j, fs in enumerate(forms) for k in range(len(fs))]
    flat_forms = [f for fs in forms for f in fs]
    flat_starts = [x for xs in starts for x in xs]
    offsets = [0]
    for fs in forms:
        offsets.append(offsets[-1] + len(fs))
    if level == "sentence":
        sent_mode = _sentence_assessments(doc, mode, rules)
        sent_stock = _sentence_assessments(doc, "stock", ())
        units = [(sent_mode[j], sent_stock[j], offsets[j]) for j in range(len(forms))]
    else:
        units = [
            (_article_assessments(doc, mode, rules), _article_assessments(doc, "stock", ()), 0)
        ]
    rows = []
    for mode_a, stock_a, base in units:
        chunks = [(x, True) for x in mode_a]
        if mode != "stock":
            chunks += [(x, False) for x in stock_a]
        for x, kept in chunks:
            head = base + x.head
            j, k = where[head]
            decision = decisions[j].get(k) if mode != "stock" else _STOCK_DECISION
            if not kept and (decision is None or decision.values is not None):
                continue  # a stock chunk whose word this mode keeps: listed already
            start = flat_starts[head]
            form = flat_forms[head]
            rows.append(
                {
                    "article_id": doc.article_id,
                    "outlet": doc.outlet,
                    "sentence": j,
                    "term": doc.text[start : start + len(form)] if start >= 0 else form,
                    "start": start,
                    "end": start + len(form) if start >= 0 else -1,
                    "words": " ".join(flat_forms[base + t] for t in x.tokens),
                    "pos": decision.pos if decision is not None else "",
                    "polarity": x.polarity,
                    "subjectivity": x.subjectivity,
                    "intensity": x.intensity,
                    "negated": x.negated,
                    "modifier": flat_forms[base + x.modifier] if x.modifier >= 0 else "",
                    "kept": kept,
                    "reason": decision.reason
                    if decision is not None
                    else _LABEL_REASONS.get(x.label or "", ""),
                    "quoted": _inside(start, q_starts, q_ends),
                }
            )
    rows.sort(key=lambda r: (r["sentence"], r["start"], not r["kept"]))
    return rows
