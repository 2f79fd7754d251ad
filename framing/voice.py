"""Own voice vs quoted voices: which stretches of an article are other people's words.

Word choice and markers can be reported for the outlet's own narration separately from the words
it quotes. The quotation spans come from :func:`framing.quotes.doc_quotes` (computed once per
``Doc`` and cached), so every analysis draws the line in the same place.

* A **quoted voice** is the content of an attributed direct or partial quotation: someone
  else's words, inside quotation marks.
* Everything else is the outlet's **own voice**, including indirect speech (the outlet's
  paraphrase, in its own words) and scare quotes (a short phrase the outlet chose to put in
  quotation marks without attributing it: the outlet's own distancing).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from framing.text import Doc

__all__ = ["in_spans", "own_word_count", "quoted_spans", "scare_quote_spans"]


def quoted_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of other people's words in ``doc``: direct quotes and attributed quotation marks.

    The content of each ``direct`` statement from :func:`framing.quotes.doc_quotes`, plus every
    pair of quotation marks that lies in an attributed statement (the quoted words of a
    ``partial`` quote, say), from :func:`framing.quotes.quotation_spans`. The paraphrase around
    a partial quote and indirect speech stay in the outlet's own voice.

    Args:
        doc: The parsed article.

    Returns:
        Sorted spans into ``doc.text``, overlapping ones merged; a word whose start falls
        inside one is in a quoted voice.
    """
    from framing.quotes import doc_quotes, quotation_spans

    spans = [(q.start, q.end) for q in doc_quotes(doc) if q.kind == "direct"]
    spans.extend((m.start, m.end) for m in quotation_spans(doc) if m.attributed)
    return _merged(spans)


def in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether offset ``pos`` falls inside one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def own_word_count(doc: Doc) -> int:
    """Number of word tokens in the outlet's own voice (outside quoted content)."""
    spans = quoted_spans(doc)
    tokens = doc.tokens
    if not spans:
        return len(tokens)
    starts = [tok.start for tok in tokens]  # sorted: tokens are in text order
    inside = sum(bisect_left(starts, end) - bisect_left(starts, start) for start, end in spans)
    return len(tokens) - inside


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def scare_quote_spans(doc: Doc, *, max_words: int = 4) -> list[tuple[int, int]]:
    """Short quoted phrases that are not attributed statements: scare quotes.

    A pair of quotation marks that :func:`framing.quotes.quotation_spans` finds no speaker for
    (``attributed=False``), holding at most ``max_words`` words and no sentence-ending
    punctuation: the outlet chose to put these words in quotation marks without saying who
    said them ("Mission Accomplished" banner, a quoted nickname).

    Args:
        doc: The parsed article.
        max_words: Longest phrase (in words) still read as a scare quote.

    Returns:
        Sorted ``(start, end)`` spans of the quoted words (without the marks).
    """
    from framing.quotes import quotation_spans

    out = []
    for mark in quotation_spans(doc):
        if mark.attributed:
            continue
        start, end = mark.start + 1, mark.end - 1
        inner = doc.norm[start:end].strip()
        if not inner or doc.norm[mark.end - 1] != '"':
            continue  # a quotation left open at the end of a paragraph
        if len(inner.split()) > max_words or inner.endswith((".", "!", "?", ",")):
            continue
        out.append((start, end))
    return out
