"""Finding the passages two articles share, word for word or nearly (:func:`reuse`).

Method (the shingling and seed-and-extend approach of text-reuse detection):

1. Each article becomes a list of word keys (lower case, without hyphens, dots, commas and
   apostrophes, so "U.S." matches "US" and "hard-line" matches "hardline"; see
   :func:`framing.similarity.fold`).
2. Every run of ``shingle`` consecutive keys (a *shingle*) goes into one inverted index per
   event. Only articles that share a shingle are ever compared, so the work grows with the
   amount of shared text, not with the square of the number of articles.
3. The shared shingles of two articles are *seeds*. Seeds on the same alignment diagonal that
   touch become exact runs; runs in order in both articles join into one passage when the gap
   between them is at most ``max_gap`` words on each side (a changed word, an inserted "the")
   or, up to ``3 * max_gap`` words, when at least half the words in the two gaps are the same
   (a reworded clause: "who demand all US troops to leave" / "demanding that all US troops
   leave"). A passage must have at least ``min_words`` words in both articles.
4. A passage is a ``shared_quote`` when at least half its words lie inside quotations in both
   articles (the quotation spans of :func:`framing.voice.quoted_spans`, or a quotes table you
   pass); otherwise it is ``copy``: the same narration in both, which a reporter does not
   write twice by chance.

References:
    Broder, A. Z. (1997). On the resemblance and containment of documents. *Compression and
    Complexity of Sequences*, 21-29. https://doi.org/10.1109/SEQUEN.1997.666900

    Clough, P., Gaizauskas, R., Piao, S. S. L. & Wilks, Y. (2002). METER: MEasuring TExt
    Reuse. *Proceedings of ACL 2002*, 152-159. https://doi.org/10.3115/1073083.1073110

    Smith, D. A., Cordell, R. & Dillon, E. M. (2013). Infectious texts: Modeling text reuse in
    nineteenth-century newspapers. *IEEE International Conference on Big Data*, 86-94.
    https://doi.org/10.1109/BigData.2013.6691675
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from framing.similarity import fold, group_positions
from framing.text import Doc, docs_from
from framing.voice import in_spans

__all__ = ["REUSE_COLUMNS", "merge_spans", "reuse"]

REUSE_COLUMNS = [
    "article_id_a",
    "outlet_a",
    "start_a",
    "end_a",
    "article_id_b",
    "outlet_b",
    "start_b",
    "end_b",
    "n_words",
    "similarity",
    "quoted",
    "kind",
    "passage",
]

_DTYPES: dict[str, Any] = {
    "article_id_a": object,
    "outlet_a": object,
    "start_a": "int64",
    "end_a": "int64",
    "article_id_b": object,
    "outlet_b": object,
    "start_b": "int64",
    "end_b": "int64",
    "n_words": "int64",
    "similarity": "float64",
    "quoted": "float64",
    "kind": object,
    "passage": object,
}

_MULT = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit multiplier (golden ratio) for the rolling hash


class _Passage(NamedTuple):
    """A passage in token positions: ``a[sa:ea]`` matches ``b[sb:eb]``; ``matched`` exact words."""

    sa: int
    ea: int
    sb: int
    eb: int
    matched: int


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort ``(start, end)`` spans and merge those that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _shingles(keys: np.ndarray, k: int) -> np.ndarray:
    """A 64-bit hash of each run of ``k`` keys (polynomial, wrapping): ``len(keys) - k + 1``."""
    n = len(keys) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for t in range(k):
            h = h * _MULT + keys[t : t + n].astype(np.uint64) + np.uint64(1)
    return h


def _seeds(
    hashes: Sequence[np.ndarray], outlets: Sequence[str], *, same_outlet: bool
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Shared shingles through an inverted index: ``(doc a, doc b) -> [(pos in a, pos in b)]``."""
    sizes = [len(h) for h in hashes]
    if sum(sizes) == 0:
        return {}
    allh = np.concatenate(hashes)
    doc = np.repeat(np.arange(len(hashes)), sizes)
    pos = np.concatenate([np.arange(s) for s in sizes])
    order = np.argsort(allh, kind="stable")
    allh, doc, pos = allh[order], doc[order], pos[order]
    _, first, counts = np.unique(allh, return_index=True, return_counts=True)
    seeds: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for f, c in zip(first[counts > 1].tolist(), counts[counts > 1].tolist(), strict=True):
        docs = doc[f : f + c].tolist()
        if docs[0] == docs[-1]:
            continue  # a shingle repeated within one article only
        positions = pos[f : f + c].tolist()
        for x in range(c):
            for y in range(x + 1, c):
                da, db = docs[x], docs[y]
                if da == db or (not same_outlet and outlets[da] == outlets[db]):
                    continue
                if da < db:
                    seeds.setdefault((da, db), []).append((positions[x], positions[y]))
                else:
                    seeds.setdefault((db, da), []).append((positions[y], positions[x]))
    return seeds


def _dice(a: Sequence[int], b: Sequence[int]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


def _chain(
    seeds: list[tuple[int, int]],
    keys_a: Sequence[int],
    keys_b: Sequence[int],
    *,
    k: int,
    max_gap: int,
) -> list[_Passage]:
    """Join seeds into maximal passages (runs on one diagonal, then runs across small gaps)."""
    runs: list[list[int]] = []  # [sa, ea, sb, eb]
    for i, j in sorted(seeds, key=lambda s: (s[0] - s[1], s[0])):
        last = runs[-1] if runs else None
        if last is not None and last[0] - last[2] == i - j and i <= last[1]:
            last[1], last[3] = i + k, j + k
        else:
            runs.append([i, i + k, j, j + k])
    runs.sort()
    open_: list[list[int]] = []  # [sa, ea, sb, eb, matched]
    done: list[list[int]] = []
    wide = 3 * max_gap
    for sa, ea, sb, eb in runs:
        still: list[list[int]] = []
        for p in open_:
            (still if p[1] >= sa - wide else done).append(p)
        open_ = still
        best, best_gap = None, wide + 1
        for p in open_:
            gap_a, gap_b = sa - p[1], sb - p[3]
            if gap_a <= -k or gap_b <= -k or ea <= p[1] or eb <= p[3]:
                continue
            gap = max(gap_a, gap_b)
            if gap > wide or gap >= best_gap:
                continue
            if gap > max_gap and _dice(keys_a[p[1] : sa], keys_b[p[3] : sb]) < 0.5:
                continue
            best, best_gap = p, gap
        if best is None:
            open_.append([sa, ea, sb, eb, ea - sa])
        else:
            best[4] += ea - max(sa, best[1])
            best[1], best[3] = ea, eb
    return [_Passage(*p) for p in done + open_]


def _deduplicated(passages: list[_Passage], min_words: int) -> list[_Passage]:
    """Drop short passages and those mostly inside a longer one (repeated phrases pair twice)."""
    keep: list[_Passage] = []
    for p in sorted(passages, key=lambda p: (-p.matched, p.sa, p.sb)):
        if p.ea - p.sa < min_words or p.eb - p.sb < min_words:
            continue
        clash = False
        for q in keep:
            over_a = min(p.ea, q.ea) - max(p.sa, q.sa)
            over_b = min(p.eb, q.eb) - max(p.sb, q.sb)
            if 2 * over_a > p.ea - p.sa or 2 * over_b > p.eb - p.sb:
                clash = True
                break
        if not clash:
            keep.append(p)
    return sorted(keep, key=lambda p: (p.sa, p.sb))


def _quote_spans(doc: Doc, quotes: pd.DataFrame | None) -> list[tuple[int, int]]:
    if quotes is None:
        from framing.voice import quoted_spans

        return quoted_spans(doc)
    rows = quotes[(quotes["article_id"] == doc.article_id) & (quotes["kind"] == "direct")]
    return merge_spans(zip(rows["start"].astype(int), rows["end"].astype(int), strict=True))


def _quoted_share(doc: Doc, spans: list[tuple[int, int]], lo: int, hi: int) -> float:
    tokens = doc.tokens[lo:hi]
    if not tokens:
        return 0.0
    return sum(in_spans(t.start, spans) for t in tokens) / len(tokens)


def _empty(grouped: bool) -> pd.DataFrame:
    cols = (["event"] if grouped else []) + REUSE_COLUMNS
    dtypes = {"event": object, **_DTYPES}
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in cols})


def reuse(
    articles: pd.DataFrame,
    *,
    by: str | None = "event",
    min_words: int = 8,
    shingle: int = 5,
    max_gap: int = 3,
    same_outlet: bool = False,
    quotes: pd.DataFrame | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Passages that two articles of the same event share, word for word or nearly.

    Args:
        articles: The articles table.
        by: Compare articles only within groups of this column. The default ``"event"`` is
            used when the table has that column (otherwise all articles form one group);
            ``None`` compares every article with every other.
        min_words: Shortest passage reported, in words (in both articles). Eight words of
            identical narration are very rarely chance; lower it to catch shared phrases.
        shingle: Words per shingle (the exact match that seeds a passage).
        max_gap: Words that may differ between two exact stretches of one passage (a changed
            word, "the" added); up to ``3 * max_gap`` if half the words in the gaps match.
        same_outlet: Also compare two articles of the same outlet (default: cross-outlet only).
        quotes: A :func:`framing.quotes` table whose ``direct`` spans mark quotations (default:
            :func:`framing.voice.quoted_spans` of each article).
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per shared passage: ``event`` (only when grouping by a column; the group's
        value), ``article_id_a, outlet_a, start_a, end_a`` (the passage in article a, the one
        earlier in the table), ``article_id_b, outlet_b, start_b, end_b``, ``n_words`` (words of
        the passage in a), ``similarity`` (words matched exactly / words of the longer side),
        ``quoted`` (share of the passage's words inside quotations, the lower of the two
        articles), ``kind`` (``"shared_quote"`` when ``quoted >= 0.5``, else ``"copy"``),
        ``passage`` (the text in a). ``text[start:end]`` is the passage in each article.

    Reading the numbers:
        ``similarity`` 1.0 is a verbatim copy; 0.8-0.95 is typical of copy an editor touched
        ("hardline Shia" -> "hard-line Shiite"). See the module docstring for ``kind``.

    Example:
        >>> passages = reuse(articles)  # doctest: +SKIP
    """
    if min_words < shingle:
        raise ValueError(f"min_words ({min_words}) must be at least shingle ({shingle})")
    all_docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    groups = group_positions(articles, by)
    grouped = by is not None and by in articles.columns
    rows: list[dict[str, object]] = []
    vocab: dict[str, int] = {}
    for value, positions in groups:
        docs = [all_docs[p] for p in positions]
        keys = [[vocab.setdefault(fold(t.norm), len(vocab)) for t in d.tokens] for d in docs]
        hashes = [_shingles(np.asarray(k, dtype=np.int64), shingle) for k in keys]
        seeds = _seeds(hashes, [d.outlet for d in docs], same_outlet=same_outlet)
        spans_cache: dict[int, list[tuple[int, int]]] = {}
        for (a, b), pair_seeds in sorted(seeds.items()):
            found = _chain(pair_seeds, keys[a], keys[b], k=shingle, max_gap=max_gap)
            found = _deduplicated(found, min_words)
            if not found:
                continue
            da, db = docs[a], docs[b]
            qa = spans_cache.setdefault(a, _quote_spans(da, quotes))
            qb = spans_cache.setdefault(b, _quote_spans(db, quotes))
            for p in found:
                start_a, end_a = da.tokens[p.sa].start, da.tokens[p.ea - 1].end
                quoted = min(_quoted_share(da, qa, p.sa, p.ea), _quoted_share(db, qb, p.sb, p.eb))
                row: dict[str, object] = {"event": value} if grouped else {}
                row.update(
                    article_id_a=da.article_id,
                    outlet_a=da.outlet,
                    start_a=start_a,
                    end_a=end_a,
                    article_id_b=db.article_id,
                    outlet_b=db.outlet,
                    start_b=db.tokens[p.sb].start,
                    end_b=db.tokens[p.eb - 1].end,
                    n_words=p.ea - p.sa,
                    similarity=p.matched / max(p.ea - p.sa, p.eb - p.sb),
                    quoted=quoted,
                    kind="shared_quote" if quoted >= 0.5 else "copy",
                    passage=da.text[start_a:end_a],
                )
                rows.append(row)
    if not rows:
        return _empty(grouped)
    out = pd.DataFrame(rows)
    return out.astype({c: t for c, t in _DTYPES.items() if t is not object})
