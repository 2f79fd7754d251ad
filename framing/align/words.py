"""Word-level alignment of two versions of one utterance (the core of :mod:`framing.align`).

A version is tokenised into :class:`Word` records: the normalised form used for matching
(casefolded, straight quotes, punctuation dropped, "U.S." -> "us") and the character span as
written, so every difference can be shown in the outlet's own spelling. An ellipsis ("..." or
"…") is not a word; it marks the next word as ``cut`` (the writer left something out there).

:func:`align` lines a version up against a reference (another quote, or a transcript) with
:class:`difflib.SequenceMatcher` on the word lists and classifies what it finds:
``replace``, ``insert`` and ``delete`` are differences; reference words missing at the ends
of the version, or where the version has an ellipsis, are ``trim`` (an announced cut).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

from framing.text import normalize

__all__ = ["Alignment", "Op", "Word", "align", "link_score", "words_of"]

# An acronym with dots ("U.S.", "U.N.") is one word; then words with inner apostrophes
# ("we're", "Iraq's"); hyphens, commas and brackets separate words.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:'\w+)*")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")

#: Blocks of consecutive matching words shorter than this are coincidences when linking.
MIN_RUN = 2
#: Extra reference words allowed between two matching runs without an ellipsis in the version.
MAX_GAP = 12
#: Reference words an ellipsis may stand for (a quotation can skip a paragraph, not a speech).
MAX_CUT_GAP = 150


class Word(NamedTuple):
    """One word of a version: ``norm`` for matching, ``start:end`` as written, ``cut`` if an
    ellipsis comes right before it."""

    norm: str
    start: int
    end: int
    cut: bool


class Op(NamedTuple):
    """One difference between a version and its reference.

    ``op`` is ``replace``, ``insert``, ``delete`` (reference words left out without an
    ellipsis) or ``trim`` (reference words left out at the ends or at an ellipsis).
    ``reference`` and ``version`` are the words as written (either may be ""); ``start:end``
    are the offsets of the version's words (an empty span where words are missing), shifted by
    the ``offset`` given to :func:`align` (the quote's ``start`` in its article text).
    """

    op: str
    reference: str
    version: str
    start: int
    end: int


class Alignment(NamedTuple):
    """The result of :func:`align`: matched word count, ops, and the reference span used."""

    matched: int
    ops: list[Op]
    ref_lo: int
    ref_hi: int


def words_of(text: str) -> list[Word]:
    """Split ``text`` into :class:`Word` records (offsets index ``text``)."""
    norm = normalize(text)
    cuts = [m.end() for m in _ELLIPSIS.finditer(norm)]
    words: list[Word] = []
    k = 0
    for m in _WORD.finditer(norm):
        cut = False
        while k < len(cuts) and cuts[k] <= m.start():
            cut = True
            k += 1
        token = m.group().casefold()
        if token.endswith(".") and "." in token[:-1]:
            token = token.replace(".", "")
        words.append(Word(token, m.start(), m.end(), cut))
    return words


def link_score(a: list[str], b: list[str]) -> float:
    """Share of the shorter word list found in the longer, in order, in runs of >= 2 words.

    Isolated single-word matches ("the", "in") are ignored: they are what two unrelated
    sentences share.
    """
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    matched = sum(block.size for block in blocks if block.size >= MIN_RUN)
    return matched / min(len(a), len(b))


def _has_cut(var: list[Word], lo: int, hi: int) -> bool:
    return any(w.cut for w in var[lo : hi + 1])


def _region(ref: list[str], var: list[Word]) -> tuple[int, int] | None:
    """The reference words the version covers: around its longest run, extended run by run."""
    if not var or not ref:
        return None
    norms = [w.norm for w in var]
    blocks = [
        b
        for b in SequenceMatcher(None, ref, norms, autojunk=False).get_matching_blocks()
        if b.size >= min(MIN_RUN, len(var))
    ]
    if not blocks:
        return None
    seed = max(range(len(blocks)), key=lambda k: (blocks[k].size, -k))
    first = last = seed

    def joins(p: int, n: int) -> bool:
        left, right = blocks[p], blocks[n]
        ref_gap = right.a - (left.a + left.size)
        var_gap = right.b - (left.b + left.size)
        if ref_gap - var_gap <= MAX_GAP:
            return True
        return ref_gap <= MAX_CUT_GAP and _has_cut(var, left.b + left.size, right.b)

    while first > 0 and joins(first - 1, first):
        first -= 1
    while last < len(blocks) - 1 and joins(last, last + 1):
        last += 1
    head, tail = blocks[first], blocks[last]
    # Unmatched words at the version's edges stand in for as many reference words.
    lo = max(0, head.a - head.b)
    hi = min(len(ref), tail.a + tail.size + (len(var) - tail.b - tail.size))
    return lo, hi


def _text(source: str, words: list[Word], lo: int, hi: int) -> str:
    return source[words[lo].start : words[hi - 1].end] if hi > lo else ""


def align(
    ref_text: str,
    ref: list[Word],
    var_text: str,
    var: list[Word],
    *,
    offset: int = 0,
    edges: bool = True,
) -> Alignment | None:
    """Align version ``var`` (words of ``var_text``) against reference ``ref``.

    Returns None when they share no run of two words. Otherwise the number of version words
    matched in order, the :class:`Op` list in version order, and the span of reference words
    the version covers (``ref_lo:ref_hi``, word indices). Offsets in the ops are offsets in
    ``var_text`` plus ``offset``. With ``edges=False`` the reference words outside that span
    are not reported as trims (a transcript is longer than any quote of it).
    """
    ref_norms = [w.norm for w in ref]
    region = _region(ref_norms, var)
    if region is None:
        return None
    lo, hi = region

    def at(j: int) -> int:  # where missing words would go in the version
        return offset + (var[j].start if j < len(var) else var[-1].end)

    ops: list[Op] = []
    if edges and lo > 0:
        ops.append(Op("trim", _text(ref_text, ref, 0, lo), "", at(0), at(0)))
    matched = 0
    matcher = SequenceMatcher(None, ref_norms[lo:hi], [w.norm for w in var], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        i1, i2 = i1 + lo, i2 + lo
        if tag == "equal":
            matched += i2 - i1
            continue
        ref_words = _text(ref_text, ref, i1, i2)
        var_words = _text(var_text, var, j1, j2)
        if tag == "delete":
            cut = j1 == 0 or j1 == len(var) or var[j1].cut
            ops.append(Op("trim" if cut else "delete", ref_words, "", at(j1), at(j1)))
        else:
            ops.append(Op(tag, ref_words, var_words, at(j1), offset + var[j2 - 1].end))
    if edges and hi < len(ref):
        end = at(len(var))
        ops.append(Op("trim", _text(ref_text, ref, hi, len(ref)), "", end, end))
    return Alignment(matched, ops, lo, hi)


def describe(ops: list[Op]) -> str:
    """The differences (not the trims) as one line, e.g. ``"arises → rises; + Islamic State"``."""
    parts = []
    for op in ops:
        if op.op == "replace":
            parts.append(f"{op.reference} → {op.version}")
        elif op.op == "insert":
            parts.append(f"+ {op.version}")
        elif op.op == "delete":
            parts.append(f"− {op.reference}")
    return "; ".join(parts)


def trimmed(ops: list[Op]) -> tuple[str, int]:
    """The reference passages a version leaves out at its ends or ellipses, and their word count."""
    passages = [op.reference for op in ops if op.op == "trim"]
    return " | ".join(passages), sum(len(words_of(p)) for p in passages)
