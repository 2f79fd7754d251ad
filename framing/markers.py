"""Markers of slant: loaded, distancing, hedging and intensifying words, where each occurs.

Four categories, each a list of words and phrases in a TSV file (users can pass their own):

* ``loaded``: evaluative or emotive words a neutral report would avoid ("slammed", "regime",
  "brazen", "disgraceful"): ``framing/lexicons/markers.tsv`` (written for this package) plus
  ``loaded_general.tsv`` (strongly rated words from VADER and Pattern, see its header);
* ``distancing``: the writer declines to vouch for a name or claim ("so-called",
  "self-styled", "alleged(ly)"), and **scare quotes**: a short quoted phrase that is not an
  attributed statement (see :func:`framing.voice.scare_quote_spans`);
* ``hedge``: the writer marks a claim as uncertain ("reportedly", "appears to", "may");
* ``intensifier``: the writer turns up the force ("very", "extremely", "utterly").

Every occurrence is one row, flagged ``in_quote`` when it sits inside quoted content (someone
else's words) rather than the outlet's own voice.

A term may name the part of speech it is loaded as (column ``pos``): the general list's words
carry the part of speech their VADER or Pattern rating is for, and match only where TextBlob's
offline pattern tagger and two context rules read the token that way, so "a striking
resemblance" is loaded and "were striking militia positions" is not (see :mod:`framing.pos`).

Reading the numbers:
    A marker is a word on a list, found where it is written; it is not a judgement of the
    sentence. Lists miss words that are loaded only in context ("flood" of migrants) and flag
    words that are neutral in context ("may" in a quoted question); compare outlets on the same
    story, read the rows behind a rate, and prefer own-voice rates: a quoted "so-called" is the
    speaker's distancing, not the outlet's. On BABE expert-annotated sentences the ``loaded``
    list finds about three in ten of the words annotators marked as biased, at a precision of
    about a third; "the sentence has a loaded word" agrees with the experts' biased/neutral
    label only a little better than calling every sentence biased (F1 0.66 vs 0.65), so use
    markers to find words worth reading, not to label sentences (see benchmarks/README.md).

References:
    Recasens, M., Danescu-Niculescu-Mizil, C. & Jurafsky, D. (2013). Linguistic Models for
    Analyzing and Detecting Biased Language. ACL 2013.
    Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM 2014.
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13 (the tagger and the
    adjective ratings TextBlob ships).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing._resources import read_tsv
from framing.pos import POS_CLASSES, pattern_tag, pos_matches, verbal_participle
from framing.text import Doc, docs_from, tokenize
from framing.voice import in_spans, own_word_count, quoted_spans, scare_quote_spans

__all__ = [
    "CATEGORIES",
    "MARKER_COLUMNS",
    "MarkerCounts",
    "MarkerLexicon",
    "base_forms",
    "load_marker_lexicon",
    "marker_counts",
    "marker_rates",
    "marker_rows",
    "markers",
    "merge_marker_counts",
]

Category = Literal["loaded", "distancing", "hedge", "intensifier"]
CATEGORIES: tuple[str, ...] = ("loaded", "distancing", "hedge", "intensifier")
DEFAULT_LEXICONS = ("markers.tsv", "loaded_general.tsv")
SCARE_QUOTE = "scare quote"

MARKER_COLUMNS = [
    "article_id",
    "outlet",
    "category",
    "term",
    "start",
    "end",
    "text",
    "sentence",
    "in_quote",
    "source",
]
_DTYPES: dict[str, Any] = {
    "article_id": object,
    "outlet": object,
    "category": object,
    "term": object,
    "start": "int64",
    "end": "int64",
    "text": object,
    "sentence": "int64",
    "in_quote": bool,
    "source": object,
}


Entry = tuple[tuple[str, ...], str, str, str, str]
"""A lexicon entry: ``(words, category, term, source, pos)``."""


@dataclass(frozen=True)
class MarkerLexicon:
    """Marker terms indexed by their first word, longest phrase first.

    Build one with :func:`load_marker_lexicon`; it is plain data, so it pickles to workers.

    Attributes:
        entries: First word -> ``(words, category, term, source, pos)`` tuples, longest first;
            ``pos`` is ``""`` (any part of speech) or the class the word must be used as
            (``JJ``, ``RB``, ``NN``, ``VB``; see :func:`framing.pos.pos_matches`).
        scare_quotes: Whether to report scare quotes as ``distancing`` markers.
    """

    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    scare_quotes: bool = True
    # token -> _candidates() result: a token's candidates depend only on the token, and news
    # repeats its words, so each distinct token is looked up once per process
    _memo: dict[str, tuple[tuple[Entry, ...], bool]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())


def _words(term: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(term))


def _build(rows: Iterable[dict[str, str]], *, scare_quotes: bool) -> MarkerLexicon:
    index: dict[str, list[Entry]] = {}
    seen = set()
    for row in rows:
        category = row.get("category", "").strip().lower()
        term = row.get("term", "").strip().lower()
        words = _words(term)
        if not category or not words or (category, words) in seen:
            continue
        seen.add((category, words))
        pos = (row.get("pos", "") or "").strip().upper()
        if pos not in POS_CLASSES:
            pos = ""
        entry = (words, category, term, row.get("source", "") or "", pos)
        index.setdefault(words[0], []).append(entry)
    frozen = {
        first: tuple(sorted(items, key=lambda e: -len(e[0]))) for first, items in index.items()
    }
    return MarkerLexicon(frozen, scare_quotes=scare_quotes)


@cache
def _package_lexicon(names: tuple[str, ...], scare_quotes: bool) -> MarkerLexicon:
    rows: list[dict[str, str]] = []
    for name in names:
        rows.extend(read_tsv(name))
    return _build(rows, scare_quotes=scare_quotes)


def load_marker_lexicon(
    sources: str | Path | Sequence[str | Path] | None = None,
    *,
    categories: Iterable[str] | None = None,
    scare_quotes: bool = True,
) -> MarkerLexicon:
    """Read marker lists (TSV with columns ``category, term``, optionally ``source, note, pos``).

    ``pos`` (``JJ``, ``RB``, ``NN``, ``VB`` or empty) restricts a one-word term to tokens used
    as that part of speech (see :func:`framing.pos.pos_matches`); empty or missing: any.

    Args:
        sources: A file name in ``framing/lexicons/``, a path to your own file, or a list of
            them; default: ``markers.tsv`` and ``loaded_general.tsv``.
        categories: Keep only these categories (default: all in the files).
        scare_quotes: Also report scare quotes as ``distancing``.

    Returns:
        A :class:`MarkerLexicon` for :func:`marker_rows`.
    """
    if sources is None:
        names: tuple[str | Path, ...] = DEFAULT_LEXICONS
    elif isinstance(sources, (str, Path)):
        names = (sources,)
    else:
        names = tuple(sources)
    if categories is None and all(isinstance(n, str) and "/" not in n for n in names):
        return _package_lexicon(tuple(str(n) for n in names), scare_quotes)
    keep = None if categories is None else {c.lower() for c in categories}
    rows = [
        row
        for name in names
        for row in read_tsv(name)
        if keep is None or row.get("category", "").lower() in keep
    ]
    return _build(rows, scare_quotes=scare_quotes and (keep is None or "distancing" in keep))


def _proper_noun_positions(doc: Doc) -> set[int]:
    """Token starts of capitalised words that do not begin a sentence (names, months, titles)."""
    firsts = {sent[0].start for sent in doc.sentence_tokens if sent}
    out = set()
    text, norm = doc.text, doc.norm
    for tok in doc.tokens:
        if text[tok.start].isupper() and tok.start not in firsts:
            before = norm[max(0, tok.start - 2) : tok.start].strip()
            if not before.endswith(('"', ":", "(", "-")):
                out.add(tok.start)
    return out


def _key(norm: str) -> str:
    return norm[:-2] if norm.endswith("'s") and len(norm) > 2 else norm


# Inflectional endings tried, in order, when a word is not in the lexicon as written: the
# lexicon lists base forms ("slam", "brazen") and the text has "slammed", "brazenly".
# Adjective lists (source "pattern") take only the adverb endings.
_ENDINGS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ily", "y"),
    ("ically", "ic"),
    ("bly", "ble"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
)
_ADVERB_ENDINGS = frozenset({"ily", "ically", "bly", "ly"})
_ADJECTIVE_SOURCES = frozenset({"pattern"})


def base_forms(word: str, *, adverbs_only: bool = False) -> list[str]:
    """Candidate base forms of an inflected word: "slammed" -> ["slamm", "slamme", "slam"].

    Over-generation is harmless: a candidate that is not in the lexicon matches nothing.

    Example:
        >>> base_forms("brazenly")
        ['brazen']
    """
    out: list[str] = []
    for ending, repl in _ENDINGS:
        if adverbs_only and ending not in _ADVERB_ENDINGS:
            continue
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + repl
            out.append(stem)
            if not repl and len(stem) > 3 and stem[-1] == stem[-2] and ending in ("ed", "ing"):
                out.append(stem[:-1])  # doubled consonant: slammed -> slam
    return out


def _candidates(lex: MarkerLexicon, norm: str) -> tuple[tuple[Entry, ...], bool]:
    """Entries the token may start, and whether they were reached through an adverb ending."""
    found = lex._memo.get(norm)
    if found is None:
        found = lex._memo[norm] = _lookup(lex, norm)
    return found


def _lookup(lex: MarkerLexicon, norm: str) -> tuple[tuple[Entry, ...], bool]:
    exact = lex.entries.get(_key(norm)) or lex.entries.get(norm)
    if exact:
        return exact, False
    adverbs = set(base_forms(_key(norm), adverbs_only=True))
    for base in base_forms(_key(norm)):
        found = tuple(
            e
            for e in lex.entries.get(base, ())
            if len(e[0]) == 1 and (base in adverbs or e[3] not in _ADJECTIVE_SOURCES)
        )
        if found:
            return found, base in adverbs
    return (), False


def marker_rows(doc: Doc, *, lexicon: MarkerLexicon | None = None) -> list[dict[str, Any]]:
    """Find the markers in one article.

    A term matches whole tokens, case-insensitively, in sequence with nothing but white space
    between them (a possessive "'s" is ignored); a one-word term also matches its regular
    inflections ("slam": "slammed", "slams"; "brazen": "brazenly"; see :func:`base_forms`).
    A capitalised word that does not start a sentence is read as a name and not matched
    ("May 1", "Hope Hicks"). A one-word term with a ``pos`` matches only a token used as that
    part of speech (:func:`framing.pos.pos_matches`). Within one category the longest phrase
    wins; one word may carry two categories ("extreme": loaded and intensifier).

    Args:
        doc: The parsed article.
        lexicon: From :func:`load_marker_lexicon` (default: the package lists).

    Returns:
        One dict per occurrence with the keys of :data:`MARKER_COLUMNS`, in text order.
    """
    lex = lexicon if lexicon is not None else load_marker_lexicon()
    tokens = doc.tokens
    norm = doc.norm
    names = _proper_noun_positions(doc)
    quoted = quoted_spans(doc)
    sent_starts = [s.start for s in doc.sentences]
    firsts = {sent[0].start for sent in doc.sentence_tokens if sent}
    found: list[tuple[int, int, str, str, str]] = []
    taken: dict[str, int] = {}  # category -> end offset of its last match
    for i, tok in enumerate(tokens):
        candidates, adverb = _candidates(lex, tok.norm)
        if not candidates or tok.start in names:
            continue
        tag = ""
        for words, category, term, source, pos in candidates:
            n = len(words)
            if taken.get(category, -1) > tok.start or i + n > len(tokens):
                continue
            if pos and n == 1:
                if not tag:
                    tag = pattern_tag(doc.text[tok.start : tok.end], tok.start in firsts)
                verbal = tag in ("VBN", "VBG", "JJ") and verbal_participle(doc, tokens, i)
                if not pos_matches(pos, tag, adverb=adverb, verbal=verbal):
                    continue
            span = tokens[i : i + n]
            if n > 1 and any(
                _key(t.norm) != w and t.norm != w for t, w in zip(span, words, strict=True)
            ):
                continue
            if any(norm[a.end : b.start].strip() for a, b in pairwise(span)):
                continue
            end = span[-1].end
            if span[-1].norm.endswith("'s") and not words[-1].endswith("'s"):
                end -= 2
            found.append((tok.start, end, category, term, source))
            taken[category] = end
    if lex.scare_quotes:
        for start, end in scare_quote_spans(doc):
            found.append((start, end, "distancing", SCARE_QUOTE, "quotation marks"))
    found.sort()
    return [
        {
            "article_id": doc.article_id,
            "outlet": doc.outlet,
            "category": category,
            "term": term,
            "start": start,
            "end": end,
            "text": doc.text[start:end],
            "sentence": max(bisect_right(sent_starts, start) - 1, 0),
            "in_quote": term != SCARE_QUOTE and in_spans(start, quoted),
            "source": source,
        }
        for start, end, category, term, source in found
    ]


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=_DTYPES[c]) for c in MARKER_COLUMNS})
    return pd.DataFrame.from_records(rows, columns=MARKER_COLUMNS).astype(_DTYPES)


def markers(
    articles: pd.DataFrame,
    *,
    lexicon: str | Path | Sequence[str | Path] | MarkerLexicon | None = None,
    categories: Iterable[str] | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Every loaded, distancing, hedging and intensifying word in the articles.

    Args:
        articles: The articles table.
        lexicon: Marker lists: a :class:`MarkerLexicon`, a TSV name/path or several
            (default: ``markers.tsv`` + ``loaded_general.tsv`` in ``framing/lexicons/``).
        categories: Keep only these categories.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per occurrence: ``article_id, outlet, category, term`` (the lexicon entry, or
        ``"scare quote"``), ``start, end`` (offsets into the text), ``text`` (as written),
        ``sentence`` (index in the article), ``in_quote`` (inside someone's quoted words, not
        the outlet's own voice), ``source`` (which list the term came from).

    Example:
        >>> markers(articles).query("category == 'distancing'")  # doctest: +SKIP
    """
    if isinstance(lexicon, MarkerLexicon):
        lex = lexicon
        if categories is not None:
            keep = set(categories)
            lex = MarkerLexicon(
                {k: tuple(e for e in v if e[1] in keep) for k, v in lexicon.entries.items()},
                scare_quotes=lexicon.scare_quotes and "distancing" in keep,
            )
    else:
        lex = load_marker_lexicon(lexicon, categories=categories)
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rows = [row for doc in docs for row in marker_rows(doc, lexicon=lex)]
    return _frame(rows)


#: Marker counts per outlet: ``(category, in_quote)`` -> occurrences. Partial sums: the counts
#: of two chunks of articles add up (see :func:`marker_counts`).
MarkerCounts = dict[str, Counter[tuple[str, bool]]]

#: Categories also reported per 1,000 quoted words.
QUOTED_RATES = ("loaded", "distancing")


def marker_counts(table: pd.DataFrame) -> MarkerCounts:
    """Occurrences per outlet, category and voice: the partial sums behind :func:`marker_rates`.

    Counts of chunks of a corpus add up (``merge_marker_counts``), so a big corpus never needs
    all its marker rows in one place.
    """
    out: MarkerCounts = {}
    if table.empty:
        return out
    keys = zip(
        table["outlet"].astype(str).tolist(),
        table["category"].astype(str).tolist(),
        table["in_quote"].astype(bool).tolist(),
        strict=True,
    )
    for outlet, category, quoted in keys:
        counts = out.get(outlet)
        if counts is None:
            counts = out[outlet] = Counter()
        counts[(category, quoted)] += 1
    return out


def merge_marker_counts(total: MarkerCounts, part: MarkerCounts) -> MarkerCounts:
    """Add the counts ``part`` into ``total`` (in place) and return ``total``."""
    for outlet, counts in part.items():
        total.setdefault(outlet, Counter()).update(counts)
    return total


def marker_rates(
    table: pd.DataFrame | MarkerCounts,
    articles: pd.DataFrame,
    *,
    min_quoted_words: int = 200,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Markers per 1,000 words, own voice and quoted voices apart, one row per outlet.

    Args:
        table: A :func:`markers` table of these articles, or its :func:`marker_counts`.
        articles: The articles table (to count each outlet's words). If it has columns
            ``n_words_own`` and ``n_words`` (words per article, all and in the own voice, as in
            the ``articles`` table of :func:`framing.analyze`) those are used instead.
        min_quoted_words: Below this many quoted words an outlet's ``*_per_1k_quoted`` rates
            are NaN (too few words for a rate).
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per outlet: ``outlet``, ``words_own`` (words outside quoted content),
        ``words_quoted`` (words inside it), ``loaded_per_1k``, ``loaded_per_1k_quoted``,
        ``distancing_per_1k``, ``distancing_per_1k_quoted``, ``hedge_per_1k``,
        ``intensifier_per_1k``.

    Reading the numbers:
        ``*_per_1k``: per 1,000 words of the outlet's own narration (quotes excluded on both
        sides of the ratio). A 400-word article with two loaded words scores 5.0: one word
        more or less moves it by 2.5, so on a few articles read the rows, not just the rate.
        ``*_per_1k_quoted``: the same inside the words the outlet quotes (direct quotations
        and the quoted words of partial ones, as ``in_quote``); set against the own-voice
        rate it says whether the loaded or distancing language is the outlet's or its
        sources'. Scare quotes are the outlet's own distancing, so they count only in the
        own voice. Outlets quote far fewer words than they write: with fewer than
        ``min_quoted_words`` quoted words the quoted rates are NaN, and just above it a single
        word still moves them by up to 5 per 1,000.
    """
    if "n_words_own" in articles.columns and "n_words" in articles.columns:
        grouped = articles.groupby(outlet_col, sort=False)
        words = grouped["n_words_own"].sum()
        quoted_words = grouped["n_words"].sum() - words
    elif "n_words_own" in articles.columns:
        words = articles.groupby(outlet_col, sort=False)["n_words_own"].sum()
        quoted_words = pd.Series(0, index=words.index, dtype="int64")
    else:
        docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
        own_counts: dict[str, int] = {}
        all_counts: dict[str, int] = {}
        for doc in docs:
            own_counts[doc.outlet] = own_counts.get(doc.outlet, 0) + own_word_count(doc)
            all_counts[doc.outlet] = all_counts.get(doc.outlet, 0) + doc.n_words
        words = pd.Series(own_counts, dtype="int64")
        quoted_words = pd.Series(all_counts, dtype="int64") - words
    counts = table if isinstance(table, dict) else marker_counts(table)
    outlets = [str(o) for o in words.index]
    out = pd.DataFrame(
        {
            "outlet": words.index.astype(str),
            "words_own": words.to_numpy(),
            "words_quoted": quoted_words.to_numpy().astype("int64"),
        }
    )
    own_denom = words.to_numpy(dtype="float64").clip(min=1.0)
    quoted_denom = quoted_words.to_numpy(dtype="float64")
    enough = quoted_denom >= max(1, min_quoted_words)
    for category in CATEGORIES:
        for quoted in (False, True):
            if quoted and category not in QUOTED_RATES:
                continue
            n = [counts.get(o, Counter()).get((category, quoted), 0) for o in outlets]
            per = np.asarray(n, dtype="float64")
            if quoted:
                rate = np.where(enough, 1000.0 * per / quoted_denom.clip(min=1.0), np.nan)
                out[f"{category}_per_1k_quoted"] = rate
            else:
                out[f"{category}_per_1k"] = 1000.0 * per / own_denom
    return out[
        [
            "outlet",
            "words_own",
            "words_quoted",
            "loaded_per_1k",
            "loaded_per_1k_quoted",
            "distancing_per_1k",
            "distancing_per_1k_quoted",
            "hedge_per_1k",
            "intensifier_per_1k",
        ]
    ]
