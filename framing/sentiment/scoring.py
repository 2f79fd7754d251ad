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
    assess_state,
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


def _forms(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    """TextBlob tokens per sentence, as written and lower-cased (tokenising sentence by sentence
    gives the same tokens as tokenising the whole text: checked on 1,000 news articles)."""
    forms = [textblob_tokens(doc.text[s.start : s.end]) for s in doc.sentences]
    return forms, [[f.lower() for f in fs] for fs in forms]


def _tokens(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    return doc.cached("textblob_tokens", _forms)  # type: ignore[return-value]


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


class _Chunks(NamedTuple):
    """Assessments per sentence, and for the whole article as ``(first token, assessment)``
    pairs: token indices of an article assessment are relative to that first token."""

    sentences: list[list[Assessment]]
    article: list[tuple[int, Assessment]]
    pending: list[bool]  # per sentence: a negation or intensifier still waiting at its end


def _same_values(a: Values | None, b: Values | None) -> bool:
    """True if ``a`` and ``b`` are the same numbers (0.0 and -0.0 differ)."""
    if a is b:
        return True
    if a is None or b is None or a != b:
        return False
    return all(math.copysign(1.0, x) == math.copysign(1.0, y) for x, y in zip(a, b, strict=True))


def _assess_doc(
    doc: Doc, mode: Mode, rules: tuple[Override, ...], like: tuple[_Decided, _Chunks] | None = None
) -> _Chunks:
    """Score each sentence afresh, and the article as one text (as ``TextBlob(text)`` does).

    ``like``: another mode's decisions and chunks for the same ``Doc``; a sentence whose tokens
    and values are the same in both modes (about half of news sentences: no word left out or
    overridden) takes the chunks already computed (the scoring loop is a pure function of
    them), so the stock and news-aware scores share one pass where they agree.

    The article's chunks are the sentences' chunks unless a negation or intensifier is still
    pending at a sentence end, or a "!" precedes a sentence's first chunk (it would boost the
    previous sentence's last word). Only then is the article scored again as one token stream,
    from the last sentence with a chunk before the first such boundary (the scoring state is
    fresh there, and no earlier chunk can change) to the end.
    """
    decided = _decided(doc, mode, rules)
    sentences, pendings = [], []
    carry = 0  # first sentence boundary the scoring state crosses (0: none)
    offsets = [0]
    for j, (lower, values) in enumerate(zip(decided.lower, decided.values, strict=True)):
        if like is not None and _same_sentence(like[0], j, lower, values):
            chunks, pending = like[1].sentences[j], like[1].pending[j]
        else:
            chunks, pending = assess_state(lower, values)
        sentences.append(chunks)
        pendings.append(pending)
        offsets.append(offsets[-1] + len(lower))
        if not carry and j > 0:
            first = chunks[0].tokens[0] if chunks else len(lower)
            if pendings[j - 1] or "!" in lower[:first]:
                carry = j
    if not carry:
        article = [(offsets[j], x) for j, chunks in enumerate(sentences) for x in chunks]
    else:
        start = carry - 1
        while start > 0 and not sentences[start]:
            start -= 1
        article = [(offsets[j], x) for j in range(start) for x in sentences[j]]
        rest = assess(
            [w for lower in decided.lower[start:] for w in lower],
            [v for vs in decided.values[start:] for v in vs],
        )
        article += [(offsets[start], x) for x in rest]
    return _Chunks(sentences, article, pendings)


def _same_sentence(other: _Decided, j: int, lower: list[str], values: list[Values | None]) -> bool:
    """True if sentence ``j`` has the same tokens and values in ``other`` (another mode)."""
    theirs = other.values[j]
    if other.lower[j] != lower or theirs != values:
        return False
    # Equal, but 0.0 == -0.0: check the signs where there are numbers (the lexicon words,
    # which are the tokens with a decision in the news-aware modes).
    return all(_same_values(theirs[k], values[k]) for k in other.decisions[j])


def _chunks(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> _Chunks:
    return doc.cached(_key("chunks", mode, rules), lambda d: _assess_doc(d, mode, rules))  # type: ignore[return-value]


def _stock_chunks(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> _Chunks:
    """Stock chunks, reusing the ``mode`` chunks of every sentence where the two agree."""
    if mode == "stock":
        return _chunks(doc, "stock", ())
    # (``like`` must be a news-aware mode: _same_sentence reads its decisions)
    like = (_decided(doc, mode, rules), _chunks(doc, mode, rules))
    return doc.cached(  # type: ignore[return-value]
        _key("chunks", "stock", ()), lambda d: _assess_doc(d, "stock", (), like)
    )


def _resolve(mode: Mode, overrides: Overrides) -> tuple[Mode, tuple[Override, ...]]:
    if mode not in ("news", "pos", "stock"):
        raise ValueError(f"mode must be 'news', 'pos' or 'stock', not {mode!r}")
    if overrides is False and mode == "news":
        mode = "stock"
    return mode, load_overrides(overrides if mode == "news" else False)


class _Quoted(NamedTuple):
    """Merged, sorted spans of attributed content, as parallel start and end lists."""

    starts: list[int]
    ends: list[int]

    def inside(self, pos: int) -> bool:
        """True if offset ``pos`` lies in quoted content (False for -1)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return pos >= 0 and i >= 0 and pos < self.ends[i]

    def chars(self, start: int, end: int) -> int:
        """Characters of ``text[start:end]`` inside quoted content."""
        total = 0
        i = bisect.bisect_right(self.ends, start)
        while i < len(self.starts) and self.starts[i] < end:
            total += min(end, self.ends[i]) - max(start, self.starts[i])
            i += 1
        return total


def _quoted(doc: Doc) -> _Quoted:
    """Attributed content from :func:`framing.quotes.doc_quotes`, merged.

    All statement kinds count as quoted voices: direct quotations, partial quotations and
    indirect (reported) speech are all attributed to someone other than the outlet.
    """
    merged: list[list[int]] = []
    for start, end in sorted((q.start, q.end) for q in doc_quotes(doc) if q.end > q.start):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(end, merged[-1][1])
        else:
            merged.append([start, end])
    return _Quoted([m[0] for m in merged], [m[1] for m in merged])


# --- rows -------------------------------------------------------------------------------------


def _score_fields(
    chosen: Sequence[Assessment],
    stock: Sequence[Assessment],
    heads: Sequence[int] | None,
    quoted: _Quoted,
    *,
    chars: int,
    quoted_chars: int,
    vader: dict[str, float],
    n_dropped: int,
) -> dict[str, Any]:
    """The score columns of one unit (sentence or article).

    ``heads`` are the offsets of the assessed words (None when the article has no quotes). An
    assessment belongs to the voice its lexicon word is in; the own/quoted scores are NaN where
    the unit has no text in that voice, 0.0 where it has text but no scored word (TextBlob's
    convention).
    """
    polarity, subjectivity = score(chosen)
    polarity_stock, subjectivity_stock = score(stock)
    if heads is None:
        own, in_quotes = list(chosen), []
    else:
        own = [x for x, h in zip(chosen, heads, strict=True) if not quoted.inside(h)]
        in_quotes = [x for x, h in zip(chosen, heads, strict=True) if quoted.inside(h)]
    fields: dict[str, Any] = {
        "polarity": polarity,
        "subjectivity": subjectivity,
        "polarity_stock": polarity_stock,
        "subjectivity_stock": subjectivity_stock,
        **vader,
    }
    for name, group, n in (("own", own, chars - quoted_chars), ("quoted", in_quotes, quoted_chars)):
        p, s = score(group) if n > 0 else (math.nan, math.nan)
        fields[f"polarity_{name}"] = p
        fields[f"subjectivity_{name}"] = s
    fields["quoted"] = quoted_chars / chars if chars else 0.0
    fields["n_scored"] = len(chosen)
    fields["n_dropped"] = n_dropped
    return fields


def _no_vader() -> dict[str, float]:
    return dict.fromkeys(VADER_COLUMNS, math.nan)


def sentence_rows(
    doc: Doc, *, mode: Mode = "news", overrides: Overrides = True, vader: bool = True
) -> list[dict[str, Any]]:
    """One row per sentence of one article (see :func:`framing.sentiment` for the columns)."""
    mode, rules = _resolve(mode, overrides)
    chosen = _chunks(doc, mode, rules).sentences
    stock = _stock_chunks(doc, mode, rules).sentences
    decisions = _decided(doc, mode, rules).decisions
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    quoted = _quoted(doc)
    starts: list[list[int]] | None = (
        doc.cached("textblob_starts", _starts) if quoted.starts else None  # type: ignore[assignment]
    )
    rows = []
    for j, sent in enumerate(doc.sentences):
        heads = [starts[j][x.head] for x in chosen[j]] if starts is not None else None
        fields = _score_fields(
            chosen[j],
            stock[j],
            heads,
            quoted,
            chars=sent.end - sent.start,
            quoted_chars=quoted.chars(sent.start, sent.end),
            vader=vaders[j] if vader else _no_vader(),
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
    options are those of :func:`framing.sentiment`.

    Returns:
        Rows with the columns of :func:`framing.sentiment`.
    """
    if level == "sentence":
        return sentence_rows(doc, mode=mode, overrides=overrides, vader=vader)
    if level != "article":
        raise ValueError(f"level must be 'article' or 'sentence', not {level!r}")
    mode, rules = _resolve(mode, overrides)
    chosen = _chunks(doc, mode, rules).article
    stock = _stock_chunks(doc, mode, rules).article
    decisions = _decided(doc, mode, rules).decisions
    quoted = _quoted(doc)
    heads = None
    if quoted.starts:
        starts: list[list[int]] = doc.cached("textblob_starts", _starts)  # type: ignore[assignment]
        flat = [x for xs in starts for x in xs]
        heads = [flat[base + x.head] for base, x in chosen]
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    fields = _score_fields(
        [x for _, x in chosen],
        [x for _, x in stock],
        heads,
        quoted,
        chars=sum(s.end - s.start for s in doc.sentences),
        quoted_chars=sum(quoted.chars(s.start, s.end) for s in doc.sentences),
        vader=article_vader(vaders) if vader else _no_vader(),
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
    """The words behind one article's scores (see :func:`framing.sentiment_drivers`)."""
    if level not in ("article", "sentence"):
        raise ValueError(f"level must be 'article' or 'sentence', not {level!r}")
    mode, rules = _resolve(mode, overrides)
    forms, _ = _tokens(doc)
    starts: list[list[int]] = doc.cached("textblob_starts", _starts)  # type: ignore[assignment]
    decisions = _decided(doc, mode, rules).decisions
    quoted = _quoted(doc)
    # Where each token of the flattened article lives: (sentence, index in sentence).
    where = [(j, k) for j, fs in enumerate(forms) for k in range(len(fs))]
    flat_forms = [f for fs in forms for f in fs]
    flat_starts = [x for xs in starts for x in xs]
    offsets = [0]
    for fs in forms:
        offsets.append(offsets[-1] + len(fs))
    chosen_chunks, stock_chunks = _chunks(doc, mode, rules), _stock_chunks(doc, mode, rules)
    chosen: list[tuple[int, Assessment]]
    stock: list[tuple[int, Assessment]]
    if level == "sentence":
        chosen = [(offsets[j], x) for j, xs in enumerate(chosen_chunks.sentences) for x in xs]
        stock = [(offsets[j], x) for j, xs in enumerate(stock_chunks.sentences) for x in xs]
    else:
        chosen, stock = chosen_chunks.article, stock_chunks.article
    candidates = [(base, x, True) for base, x in chosen]
    if mode != "stock":
        candidates += [(base, x, False) for base, x in stock]
    rows = []
    for base, x, kept in candidates:
        head = base + x.head
        j, k = where[head]
        decision = decisions[j].get(k) if mode != "stock" else _STOCK_DECISION
        if not kept and (decision is None or decision.values is not None):
            continue  # a stock chunk whose word this mode keeps: listed already
        if x.label in _LABEL_REASONS:
            reason, pos = _LABEL_REASONS[x.label], ""
        else:
            reason = decision.reason if decision is not None else ""
            pos = decision.pos if decision is not None else ""
        start, form = flat_starts[head], flat_forms[head]
        rows.append(
            {
                "article_id": doc.article_id,
                "outlet": doc.outlet,
                "sentence": j,
                "term": doc.text[start : start + len(form)] if start >= 0 else form,
                "start": start,
                "end": start + len(form) if start >= 0 else -1,
                "words": " ".join(flat_forms[base + t] for t in x.tokens),
                "pos": pos,
                "polarity": x.polarity,
                "subjectivity": x.subjectivity,
                "intensity": x.intensity,
                "negated": x.negated,
                "modifier": flat_forms[base + x.modifier] if x.modifier >= 0 else "",
                "kept": kept,
                "reason": reason,
                "quoted": quoted.inside(start),
            }
        )
    rows.sort(key=lambda r: (r["sentence"], r["start"], not r["kept"]))
    return rows
