"""Marker lists: reading the TSV files into a :class:`MarkerLexicon` indexed for lookup."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

from framing._resources import read_tsv
from framing.pos import POS_CLASSES
from framing.text import tokenize

__all__ = [
    "CATEGORIES",
    "DEFAULT_LEXICONS",
    "Category",
    "Entry",
    "MarkerLexicon",
    "load_marker_lexicon",
]

Category = Literal["loaded", "distancing", "hedge", "intensifier"]
CATEGORIES: tuple[str, ...] = ("loaded", "distancing", "hedge", "intensifier")
DEFAULT_LEXICONS = ("markers.tsv", "loaded_general.tsv")


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
        A :class:`MarkerLexicon` for :func:`framing.markers.marker_rows`.
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
