"""Quotation marks: pairing opening and closing marks into quotation spans.

Works on the normalised text (curly marks folded to straight ones) but looks at the raw text
to see which way a curly mark faces. Offsets index the article text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Mark", "find_marks", "mask_quotes"]

#: Character that :func:`mask_quotes` writes over quoted material (never occurs in news text).
MASK = "\u00a7"

# A double quotation mark: '"' or two apostrophes ("''", the style of some newspapers' text).
_DOUBLE = re.compile(r'"|(?<!\')\'\'(?!\')')
_LINE = re.compile(r"[^\n]+")
_OPEN_BEFORE = set(" \t([{-/\u2014\u2013:;,'\u2018\u201c>\u00a7")


class Mark(NamedTuple):
    """A quotation: ``start`` is the opening mark, ``end`` is just after the closing mark.

    ``closed`` is False when the paragraph ended before a closing mark (the newspaper
    convention for a quotation running on into the next paragraph); ``end`` is then the end of
    the paragraph.
    """

    start: int
    end: int
    closed: bool
    width: int = 1

    @property
    def inner_start(self) -> int:
        """Offset of the first character inside the marks."""
        return self.start + self.width

    @property
    def inner_end(self) -> int:
        """Offset just after the last character inside the marks."""
        return self.end - self.width if self.closed else self.end


def _opens(text: str, norm: str, i: int, line_start: int, width: int = 1) -> bool | None:
    """True if the double mark at ``i`` opens, False if it closes, None if unclear."""
    ch = text[i]
    if ch in "\u201c\u201e":
        return True
    if ch == "\u201d":
        # a closing mark used to open ("\u201dThis is why ...,\u201d said X"): at the start of
        # the line or after a space and before a word
        before = norm[i - 1] if i > line_start else " "
        nxt = norm[i + 1] if i + 1 < len(norm) else " "
        return before in " ([" and nxt.isalnum() and i == line_start
    before = norm[i - 1] if i > line_start else " "
    after = norm[i + width] if i + width < len(norm) else " "
    if before in _OPEN_BEFORE and not after.isspace():
        return True
    if after.isspace() or after in ".,;:!?)]-\u2026" or before.isalnum() or before in ".,!?\u2026":
        return False
    return None


def _line_marks(text: str, norm: str, start: int, end: int) -> list[Mark]:
    out: list[Mark] = []
    open_at = -1
    open_width = 1
    nested = 0  # curly quotation marks opened inside an open quotation
    for m in _DOUBLE.finditer(norm, start, end):
        i = m.start()
        width = m.end() - m.start()
        if open_at >= 0 and width != open_width:
            continue  # '' inside a "..." quotation (or the reverse): nested, leave it
        direction = _opens(text, norm, i, start, width)
        if direction is None:
            direction = open_at < 0
        if open_at >= 0 and text[i] == "\u201c" and norm[i - 1] in ",.!?" and not nested:
            direction = False  # '“Apparently not,“ he said': an opening mark typed to close
        if (
            open_at >= 0
            and text[i] == "\u201c"
            and text[open_at] == "\u201c"
            and i + 1 < end
            and norm[i + 1].isalnum()
        ):
            nested += 1  # “... “Equal Justice Under Law” ...”: a quotation inside
            continue
        if nested and not direction:
            nested -= 1
            continue
        if direction:
            # A second opening mark while one is open: a stray or mistyped mark. Keep the
            # first quotation running only if the new mark cannot close it.
            if open_at >= 0 and text[i] == '"' and norm[i - 1] not in " ([{-":
                out.append(Mark(open_at, i + width, True, width))
                open_at = -1
                continue
            open_at = i
            open_width = width
        elif open_at >= 0:
            out.append(Mark(open_at, i + width, True, width))
            open_at = -1
        # a closing mark with nothing open is ignored (stray mark, or the last paragraph of a
        # run-on quotation that repeats no opening mark)
    if open_at >= 0:
        stop = end
        while stop > open_at + 1 and norm[stop - 1].isspace():
            stop -= 1
        if stop - open_at > 2:
            out.append(Mark(open_at, stop, False, open_width))
    return out


def find_marks(text: str, norm: str) -> list[Mark]:
    """Pair the double quotation marks of ``text`` paragraph by paragraph.

    Curly marks say which way they face. A straight ``"`` opens after white space, an opening
    bracket, a dash or a colon and before a non-space; it closes after a letter or
    punctuation or before white space. Quotations never cross a line break; an opening mark
    left open at the end of a paragraph gives a quotation running to the paragraph's end
    (``closed=False``). Single marks are left alone: they are apostrophes far more often than
    quotation marks, and where they quote it is inside a double quotation (nested quotes).

    Args:
        text: The article text as loaded.
        norm: ``framing.text.normalize(text)``.

    Returns:
        Quotation spans in text order, not overlapping.
    """
    out: list[Mark] = []
    for line in _LINE.finditer(norm):
        start, end = line.span()
        if norm.find('"', start, end) >= 0 or norm.find("''", start, end) >= 0:
            out.extend(_line_marks(text, norm, start, end))
    return out


def mask_quotes(norm: str, marks: list[Mark]) -> str:
    """Return ``norm`` with every quotation (marks included) overwritten by :data:`MASK`.

    Rules that look for reporting verbs and speakers then never see words inside quotations,
    and a quotation shows up as one run of mask characters.
    """
    if not marks:
        return norm
    parts = []
    pos = 0
    for mk in marks:
        parts.append(norm[pos : mk.start])
        parts.append(MASK * (mk.end - mk.start))
        pos = mk.end
    parts.append(norm[pos:])
    return "".join(parts)
