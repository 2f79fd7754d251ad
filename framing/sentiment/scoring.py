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
    return forms, [list(map(str.lower, fs)) for fs in forms]


def _tokens(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    return doc.cached("textblob_tokens", _forms)  # type: ignore[return-value]


def _starts(doc: Doc) -> list[list[int]]:
    """Start offset of every token of every sentence (-1 where the tokenizer rewrote it)."""
    forms, _ = _tokens(doc)
    return [_located(doc, j, len(fs) - 1) for j, fs in enumerate(forms)]


def _unlocated(doc: Doc) -> dict[int, list[int]]:
    return {}  # sentence -> offsets located so far (only sentences asked for)


def _located(doc: Doc, j: int, k: int) -> list[int]:
    """Start offsets of the tokens of sentence ``j``, located at least up to token ``k``.

    The rows need the offsets of scored words only, so each sentence is located lazily, as
    far as asked. :func:`~framing.sentiment.pattern.locate` goes left to right, resuming
    after the last token it found, so locating a sentence in pieces gives the same offsets
    as locating it whole.
    """
    located: dict[int, list[int]] = doc.cached("sentiment:located", _unlocated)  # type: ignore[assignment]
    found = located.get(j)
    if found is None:
        found = located[j] = []
    if k < len(found):
        return found
    forms = _tokens(doc)[0][j]
    at = doc.sentences[j].start
    for i in range(len(found) - 1, -1, -1):
        if found[i] >= 0:
            at = found[i] + len(forms[i])
            break
    found += locate(doc.text, forms[len(found) : k + 1], at)
    return found


def _vader(doc: Doc) -> list[dict[str, float]]:
    return [sentence_vader(doc.norm[s.start : s.end]) for s in doc.sentences]


class _Decided(NamedTuple):
    lower: list[list[str]]  # per sentence, the tokens the scoring loop reads
    values: list[list[Values | None]]  # per sentence, per token: scored values or None
    decisions: list[dict[int, Decision]]  # per sentence: token index -> decision (lexicon words)
    # per sentence: the same tokens and values (sign of zeros included) as in stock mode
    stock_like: list[bool]


# Decisions that depend only on the token (most of them), per mode and override table, reused
# across sentences and articles in this process, each with whether its values are the stock
# values. Bounded by the lexicon's forms as written.
_DECISIONS: dict[
    tuple[Mode, tuple[Override, ...]], dict[tuple[str, bool], tuple[Decision, bool]]
] = {}


def _decide_doc(doc: Doc, mode: Mode, rules: tuple[Override, ...]) -> _Decided:
    forms, lowers = _tokens(doc)
    if mode == "stock":  # every lexicon word counts with its all-senses average
        return _Decided(
            lowers,
            [list(map(STOCK.get, lower)) for lower in lowers],
            [{} for _ in lowers],
            [True] * len(lowers),
        )
    index = index_overrides(rules)
    reuse = _DECISIONS.setdefault((mode, rules), {})
    news_lowers, all_values, all_decisions, all_stock_like = [], [], [], []
    for fs, original in zip(forms, lowers, strict=True):
        lower = contraction_negations(original)
        stock_like = lower is original or lower == original
        decisions = {}
        values: list[Values | None] = [None] * len(fs)
        for k in [k for k, w in enumerate(lower) if w in STOCK]:  # lexicon words only
            w = lower[k]
            key = (fs[k], k == 0)
            known = reuse.get(key)
            if known is None:
                decision = decide(k, fs, lower, mode=mode, overrides=index)
                known = (decision, _same_values(decision.values, STOCK[w]))
                if context_free(k, fs, lower, index):
                    reuse[key] = known
            decisions[k] = known[0]
            values[k] = known[0].values
            stock_like = stock_like and known[1]
        news_lowers.append(lower)
        all_decisions.append(decisions)
        all_values.append(values)
        all_stock_like.append(stock_like)
    return _Decided(news_lowers, all_values, all_decisions, all_stock_like)


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

    ``like``: a news-aware mode's decisions and chunks for the same ``Doc`` (with ``mode``
    stock); a sentence whose tokens and values are the same in both modes (``stock_like``:
    about half of news sentences, no word left out or overridden) takes the chunks already
    computed (the scoring loop is a pure function of them), so the stock and news-aware scores
    share one pass where they agree.

    The article's chunks are the sentences' chunks unless a negation or intensifier is still
    pending at a sentence end, or a "!" precedes a sentence's first chunk (it would boost the
    previous sentence's last word). Only then is the article scored again as one token stream,
    from the last sentence with a chunk before the first such boundary (the scoring state is
    fresh there, and no earlier chunk can change) to the end.
    """
    lowers: list[list[str]]
    all_values: list[list[Values | None]]
    if like is None:
        decided = _decided(doc, mode, rules)
        lowers, all_values = decided.lower, decided.values
    else:
        # Stock values, from the news-aware ones where they are the same (``stock_like``).
        lowers = _tokens(doc)[1]
        all_values = [
            like[0].values[j] if like[0].stock_like[j] else list(map(STOCK.get, lower))
            for j, lower in enumerate(lowers)
        ]
    sentences, pendings = [], []
    carry = 0  # first sentence boundary the scoring state crosses (0: none)
    offsets = [0]
    for j, (lower, values) in enumerate(zip(lowers, all_values, strict=True)):
        if like is not None and like[0].stock_like[j]:
            chunks, pending = like[1].sentences[j], like[1].pending[j]
        else:
            chunks, pending = assess_state(lower, values)
        sentences.append(chunks)
        pendings.append(pending)
        offsets.append(offsets[-1] + len(lower))
        if not carry and j > 0:
            if pendings[j - 1]:
                carry = j
            elif "!" in lower:
                first = chunks[0].tokens[0] if chunks else len(lower)
                if "!" in lower[:first]:
                    carry = j
    if not carry:
        article = [(offsets[j], x) for j, chunks in enumerate(sentences) for x in chunks]
    else:
        start = carry - 1
        while start > 0 and not sentences[start]:
            start -= 1
        article = [(offsets[j], x) for j in range(start) for x in sentences[j]]
        rest = assess(
            [w for lower in lowers[start:] for w in lower],
            [v for vs in all_values[start:] for v in vs],
        )
        article += [(offsets[start], x) for x in rest]
    return _Chunks(sentences, article, pendings)


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
    row: dict[str, Any],
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
    """The score columns of one unit (sentence or article), added to ``row``.

    ``heads`` are the offsets of the assessed words (None when the article has no quotes). An
    assessment belongs to the voice its lexicon word is in; the own/quoted scores are NaN where
    the unit has no text in that voice, 0.0 where it has text but no scored word (TextBlob's
    convention).
    """
    polarity, subjectivity = score(chosen)
    polarity_stock, subjectivity_stock = (
        (polarity, subjectivity) if stock is chosen else score(stock)
    )
    own: Sequence[Assessment]
    in_quotes: list[Assessment] = []
    if heads is None:
        own = chosen
    else:
        own = []
        for x, h in zip(chosen, heads, strict=True):
            (in_quotes if quoted.inside(h) else own).append(x)
    row["polarity"] = polarity
    row["subjectivity"] = subjectivity
    row["polarity_stock"] = polarity_stock
    row["subjectivity_stock"] = subjectivity_stock
    row.update(vader)
    if chars - quoted_chars > 0:
        row["polarity_own"], row["subjectivity_own"] = (
            (polarity, subjectivity) if own is chosen else score(own)
        )
    else:
        row["polarity_own"] = row["subjectivity_own"] = math.nan
    if quoted_chars > 0:
        row["polarity_quoted"], row["subjectivity_quoted"] = score(in_quotes)
    else:
        row["polarity_quoted"] = row["subjectivity_quoted"] = math.nan
    row["quoted"] = quoted_chars / chars if chars else 0.0
    row["n_scored"] = len(chosen)
    row["n_dropped"] = n_dropped
    return row


def _no_vader() -> dict[str, float]:
    return dict.fromkeys(VADER_COLUMNS, math.nan)


def sentence_rows(
    doc: Doc, *, mode: Mode = "news", overrides: Overrides = True, vader: bool = True
) -> list[dict[str, Any]]:
    """One row per sentence of one article (see :func:`framing.sentiment` for the columns)."""
    mode, rules = _resolve(mode, overrides)
    chosen = _chunks(doc, mode, rules).sentences
    stock = _stock_chunks(doc, mode, rules).sentences
    decided = _decided(doc, mode, rules)
    decisions, values = decided.decisions, decided.values
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    quoted = _quoted(doc)
    rows = []
    for j, sent in enumerate(doc.sentences):
        heads: list[int] | None = None
        if quoted.starts:
            xs = chosen[j]
            starts = _located(doc, j, max(x.head for x in xs)) if xs else []
            heads = [starts[x.head] for x in xs]
        row = {
            "article_id": doc.article_id,
            "outlet": doc.outlet,
            "sentence": sent.index,
            "start": sent.start,
            "end": sent.end,
            "sentence_text": doc.text[sent.start : sent.end],
        }
        rows.append(
            _score_fields(
                row,
                chosen[j],
                stock[j],
                heads,
                quoted,
                chars=sent.end - sent.start,
                quoted_chars=quoted.chars(sent.start, sent.end),
                vader=vaders[j] if vader else _no_vader(),
                n_dropped=_n_dropped(decisions[j], values[j]),
            )
        )
    return rows


def _n_dropped(decisions: dict[int, Decision], values: list[Values | None]) -> int:
    """Lexicon words of a sentence the mode leaves out: ``sum(d.values is None for d in
    decisions.values())``, counted from ``values`` (the decisions' values by token, None
    elsewhere) instead."""
    if not decisions:
        return 0  # stock mode: nothing left out
    return len(decisions) - len(values) + values.count(None)


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
    decided = _decided(doc, mode, rules)
    quoted = _quoted(doc)
    heads = None
    if quoted.starts:
        # token index in the article -> (sentence, token index in it)
        first = [0]
        for lower in _tokens(doc)[1]:
            first.append(first[-1] + len(lower))
        by_sentence = _chunks(doc, mode, rules).sentences
        heads = []
        for base, x in chosen:
            at = base + x.head
            j = bisect.bisect_right(first, at) - 1
            k = at - first[j]
            # locate as far as the sentence's last scored word at once (rows need them all)
            upto = max(k, by_sentence[j][-1].head) if by_sentence[j] else k
            heads.append(_located(doc, j, upto)[k])
    vaders: list[dict[str, float]] = doc.cached("vader", _vader) if vader else []  # type: ignore[assignment]
    row = _score_fields(
        {"article_id": doc.article_id, "outlet": doc.outlet},
        [x for _, x in chosen],
        [x for _, x in stock],
        heads,
        quoted,
        chars=sum(s.end - s.start for s in doc.sentences),
        quoted_chars=sum(quoted.chars(s.start, s.end) for s in doc.sentences),
        vader=article_vader(vaders) if vader else _no_vader(),
        n_dropped=sum(map(_n_dropped, decided.decisions, decided.values)),
    )
    row["n_sentences"] = len(doc.sentences)
    return [row]


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
