"""Reporting verbs: the lexicon of cues and the stance each one signals.

The lexicon is ``framing/lexicons/reporting_verbs.tsv`` (columns ``form, lemma, stance, kind``;
its header documents the stance scheme and the sources). Users can pass their own file with the
same columns to :func:`load_verbs`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from framing._resources import read_tsv

__all__ = ["STANCES", "VerbEntry", "VerbLexicon", "find_forms", "load_verbs", "verb_stance"]

#: The stance labels of the package lexicon; ``neutral`` is the only neutral one.
STANCES = (
    "neutral",
    "assertive",
    "endorsing",
    "distancing",
    "conceding",
    "denying",
    "emotive",
    "directive",
    "tentative",
    "questioning",
    "cognition",
)


class VerbEntry(NamedTuple):
    """One form of a reporting verb."""

    form: str
    lemma: str
    stance: str
    kind: str


class VerbLexicon(NamedTuple):
    """A loaded verb lexicon: entries by form, and a regex matching any form as a whole word.

    ``first`` maps the first word of each form to the forms starting with it (longest first),
    for a fast word-by-word scan (see :func:`find_forms`).
    """

    entries: dict[str, VerbEntry]
    pattern: re.Pattern[str]
    first: dict[str, tuple[tuple[str, ...], ...]]
    skip_kinds: frozenset[str] = frozenset({"cognition"})


_WORD = re.compile(r"[A-Za-z]+")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

# Candidate first words per text: (text, first-word table, starts, ends, words). A few texts
# at a time (an article's masked and normalised text): find_forms is called sentence by
# sentence on the same string, and the words are scanned once per string, not per call. A
# string is scanned whole on its second call (a single look at a window scans the window).
_CANDIDATES: list[tuple[str, dict[str, object], list[int], list[int], list[str]]] = []
_SEEN: list[str] = []


def _candidates(
    first: dict[str, object], text: str
) -> tuple[list[int], list[int], list[str]] | None:
    """Every whole ``[A-Za-z]+`` run of ``text`` whose lower case begins a form (None on the
    first call for ``text``)."""
    for entry in _CANDIDATES:
        if entry[0] is text and entry[1] is first:
            return entry[2], entry[3], entry[4]
    if not any(seen is text for seen in _SEEN):
        _SEEN.insert(0, text)
        del _SEEN[4:]
        return None
    starts, ends, words = _scan(first, text)
    _CANDIDATES.insert(0, (text, first, starts, ends, words))
    del _CANDIDATES[4:]
    return starts, ends, words


# ASCII letters to lower case, every other byte to a space: after ``encode("ascii",
# "replace")`` (one "?" per other character) the runs of ``[A-Za-z]`` of a text are the runs
# of ``[a-z]`` of the bytes, lower-cased, at the same offsets.
_LOWER_LETTERS = bytes(c | 0x20 if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))
# first-word table -> (the same, its ASCII words as bytes -> str), for the last few tables
_FIRST_BYTES: list[tuple[object, dict[bytes, str]]] = []


def _first_bytes(first: dict[str, object]) -> dict[bytes, str]:
    for table, by_bytes in _FIRST_BYTES:
        if table is first:
            return by_bytes
    by_bytes = {w.encode(): w for w in first if w.isascii()}
    _FIRST_BYTES.insert(0, (first, by_bytes))
    del _FIRST_BYTES[4:]
    return by_bytes


def _scan(first: dict[str, object], text: str) -> tuple[list[int], list[int], list[str]]:
    """Every whole ``[A-Za-z]+`` run of ``text`` whose lower case is a key of ``first``.

    The same as ``w = m.group().lower(); if w in first`` over ``_WORD.finditer(text)``, done
    in C where it can be: the text becomes lower-case letters and spaces (``_LOWER_LETTERS``),
    ``bytes.split`` lists its letter runs, a set look-up picks the keys, and ``bytes.find``
    locates each: the first whole-run occurrence of the k-th hit after the previous one is
    that hit (a whole run equal to it in between would be a hit too). Keys that are not ASCII
    letters can never equal such a run.
    """
    by_bytes = _first_bytes(first)
    low = text.encode("ascii", "replace").translate(_LOWER_LETTERS)
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    found = low.split()  # (only letters and spaces are left: the runs)
    find = low.find
    n = len(low)
    pos = 0
    for w in compress(found, map(by_bytes.__contains__, found)):
        k = len(w)
        p = find(w, pos)
        while (p > 0 and low[p - 1] != 32) or (p + k < n and low[p + k] != 32):
            p = find(w, p + 1)  # inside a longer run: look further
        starts.append(p)
        pos = p + k
        ends.append(pos)
        words.append(by_bytes[w])
    return starts, ends, words


def _window_words(
    first: dict[str, object], text: str, lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """The ``[A-Za-z]+`` words of ``text[lo:hi]`` (as ``_WORD.finditer(text, lo, hi)`` finds
    them) whose lower case begins a form, in text order.

    Whole runs inside the window come from the per-text candidate list; a run the window
    cuts at ``lo`` or ``hi`` is matched again within the window (its clipped word may differ).
    """
    out: list[tuple[int, int, str]] = []
    if lo >= hi:
        return out
    found = _candidates(first, text)
    if found is None:
        for m in _WORD.finditer(text, lo, hi):
            w = m.group().lower()
            if w in first:
                out.append((m.start(), m.end(), w))
        return out
    starts, ends, words = found
    n = len(text)
    head_end = -1
    if 0 < lo < n and text[lo - 1] in _LETTERS and text[lo] in _LETTERS:
        head = _WORD.match(text, lo, hi)
        if head is not None:
            head_end = head.end()
            w = head.group().lower()
            if w in first:
                out.append((lo, head_end, w))
    tail: tuple[int, int, str] | None = None
    if hi < n and text[hi - 1] in _LETTERS and text[hi] in _LETTERS:
        a = hi - 1
        while a > lo and text[a - 1] in _LETTERS:
            a -= 1
        if a != lo or head_end < 0:  # not the run already clipped at lo
            w = text[a:hi].lower()
            if w in first:
                tail = (a, hi, w)
    i = bisect_left(starts, lo)
    k = len(starts)
    while i < k:
        s = starts[i]
        if s >= hi:
            break
        e = ends[i]
        if e <= hi and s >= head_end:
            out.append((s, e, words[i]))
        i += 1
    if tail is not None:
        out.append(tail)
    return out


def find_forms(lexicon: VerbLexicon, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Every lexicon form in ``text[lo:hi]`` as ``(start, end, form)``, whole words only."""
    out = []
    skip_to = lo
    first = lexicon.first
    for start, end, word in _window_words(first, text, lo, hi):  # type: ignore[arg-type]
        if start < skip_to:
            continue
        cands = first[word]
        if start > 0 and text[start - 1] in "-'":
            continue
        if end < len(text) and (
            text[end] == "-" or (text[end] == "'" and text[end + 1 : end + 2].isalpha())
        ):
            continue
        for words in cands:
            pos = end
            ok = True
            for w in words[1:]:
                nxt = _WORD.match(text, pos + 1) if pos < hi and text[pos].isspace() else None
                while pos < hi and text[pos].isspace() and nxt is None:
                    pos += 1
                    nxt = _WORD.match(text, pos)
                if nxt is None or nxt.group().lower() != w or nxt.end() > hi:
                    ok = False
                    break
                pos = nxt.end()
            if ok:
                out.append((start, pos, " ".join(words)))
                skip_to = pos
                break
    return out


def _compile(forms: list[str]) -> re.Pattern[str]:
    alts = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])", re.IGNORECASE)


@cache
def _package_lexicon() -> VerbLexicon:
    return _build(read_tsv("reporting_verbs.tsv"))


def _build(rows: list[dict[str, str]]) -> VerbLexicon:
    entries = {}
    for row in rows:
        form = " ".join(row["form"].lower().split())
        entries[form] = VerbEntry(form, row["lemma"], row["stance"], row.get("kind", "speech"))
    first: dict[str, list[tuple[str, ...]]] = {}
    for form in entries:
        words = tuple(form.split())
        first.setdefault(words[0], []).append(words)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in first.items()}
    return VerbLexicon(entries, _compile(list(entries)), ordered)


def load_verbs(source: str | Path | None = None, *, beliefs: bool = False) -> VerbLexicon:
    """Load a reporting-verb lexicon (the package's own when ``source`` is None).

    Args:
        source: Path to a TSV with columns ``form, lemma, stance, kind``, or None.
        beliefs: Also use ``cognition`` verbs ("believes", "expects", "wants") as cues, so
            attributed beliefs and plans count as statements (off by default: they are not
            things anyone said).

    Returns:
        The lexicon, with a compiled regex over all forms.
    """
    lex = _package_lexicon() if source is None else _build(read_tsv(Path(source)))
    return lex._replace(skip_kinds=frozenset()) if beliefs else lex


def verb_stance(cue: str, lexicon: VerbLexicon | None = None) -> str:
    """The stance of a cue as written ("said" -> "neutral", "claimed" -> "distancing").

    Multi-word cues ("has repeatedly said", "pointed out") take the stance of their first
    lexicon word; ":" (a colon introducing a quotation) is neutral; unknown cues give "".
    """
    lex = lexicon or _package_lexicon()
    text = " ".join(cue.lower().split())
    if text in lex.entries:
        return lex.entries[text].stance
    if text in (":", ""):
        return "neutral" if text == ":" else ""
    m = lex.pattern.search(text)
    return lex.entries[" ".join(m.group().lower().split())].stance if m else ""
