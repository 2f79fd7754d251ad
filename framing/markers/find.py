"""Finding the markers in one article: :func:`marker_rows` and the word lookup behind it."""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import Any

from framing.markers.lexicon import Entry, MarkerLexicon, load_marker_lexicon
from framing.pos import pattern_tag, pos_matches, verbal_participle
from framing.text import Doc
from framing.voice import in_spans, quoted_spans, scare_quote_spans

__all__ = ["SCARE_QUOTE", "base_forms", "marker_rows"]

SCARE_QUOTE = "scare quote"


def _proper_noun_positions(doc: Doc) -> set[int]:
    """Token starts of capitalised words that do not begin a sentence (names, months, titles)."""
    firsts = {sent[0].start for sent in doc.sentence_tokens if sent}
    return {tok.start for tok in doc.tokens if _is_name(doc, tok.start, firsts)}


def _is_name(doc: Doc, start: int, firsts: set[int]) -> bool:
    """Whether the token at ``start`` is read as a name (see :func:`_proper_noun_positions`)."""
    if not doc.text[start].isupper() or start in firsts:
        return False
    before = doc.norm[max(0, start - 2) : start].strip()
    return not before.endswith(('"', ":", "(", "-"))


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


# Stands for a token not looked up yet in marker_rows's first pass: its entries are unknown, so
# the token is kept (``[0]`` is truthy) and _candidates looks it up.
_UNSEEN: tuple[tuple[Any, ...], bool] = ((None,), False)


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
        lexicon: From :func:`framing.markers.load_marker_lexicon` (default: the package lists).

    Returns:
        One dict per occurrence with the keys of :data:`framing.markers.MARKER_COLUMNS`, in
        text order.
    """
    lex = lexicon if lexicon is not None else load_marker_lexicon()
    tokens = doc.tokens
    norm = doc.norm
    # Most tokens start no term (about one in twenty does): pick the few that may, by one dict
    # look-up each; a token not looked up yet is kept too, and _candidates settles it below.
    memo = lex._memo.get
    hits = [i for i, tok in enumerate(tokens) if memo(tok.norm, _UNSEEN)[0]]
    quoted = quoted_spans(doc)
    sent_starts = [s.start for s in doc.sentences]
    firsts = {sent[0].start for sent in doc.sentence_tokens if sent}
    found: list[tuple[int, int, str, str, str]] = []
    taken: dict[str, int] = {}  # category -> end offset of its last match
    for i in hits:
        tok = tokens[i]
        candidates, adverb = _candidates(lex, tok.norm)
        if not candidates or _is_name(doc, tok.start, firsts):
            continue
        tag = ""
        for words, category, term, source, pos in candidates:
            n = len(words)
            if taken.get(category, -1) > tok.start:
                continue
            if n == 1:
                if pos:
                    if not tag:
                        tag = pattern_tag(doc.text[tok.start : tok.end], tok.start in firsts)
                    verbal = tag in ("VBN", "VBG", "JJ") and verbal_participle(doc, tokens, i)
                    if not pos_matches(pos, tag, adverb=adverb, verbal=verbal):
                        continue
                last = tok
            else:
                if i + n > len(tokens):
                    continue
                second = tokens[i + 1].norm
                if second != words[1] and _key(second) != words[1]:
                    continue  # the usual miss, tested first; the full test follows
                span = tokens[i : i + n]
                if any(_key(t.norm) != w and t.norm != w for t, w in zip(span, words, strict=True)):
                    continue
                if any(norm[a.end : b.start].strip() for a, b in pairwise(span)):
                    continue
                last = span[-1]
            end = last.end
            if last.norm.endswith("'s") and not words[-1].endswith("'s"):
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
