"""Summaries of a :func:`~framing.reuse.reuse` table: per article pair, outlet and outlet pair.

:func:`reused_spans` turns the same table into the spans to leave out when crediting words to
an outlet (``word_choice(..., exclude_reused=True)``). See :mod:`framing.reuse` for reading the
numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pandas as pd

from framing.reuse.passages import merge_spans
from framing.text import Doc, docs_from
from framing.voice import in_spans

__all__ = ["reuse_matrix", "reuse_pairs", "reuse_summary", "reused_spans"]


def reused_spans(passages: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Every article's reused spans (both sides of each passage), sorted and merged.

    This is the rule behind ``word_choice(..., exclude_reused=True)``: a passage two outlets
    share is credited to neither, because the table cannot tell who wrote it first.

    Args:
        passages: A :func:`reuse` table (filter it first to keep only, say, ``copy`` rows).

    Returns:
        ``article_id -> [(start, end), ...]``, offsets into that article's text.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    for side in ("a", "b"):
        ids = passages[f"article_id_{side}"].astype(str)
        starts = passages[f"start_{side}"].astype(int)
        ends = passages[f"end_{side}"].astype(int)
        for aid, s, e in zip(ids, starts, ends, strict=True):
            spans.setdefault(aid, []).append((s, e))
    return {aid: merge_spans(found) for aid, found in spans.items()}


def _words_in(doc: Doc, spans: Sequence[tuple[int, int]]) -> int:
    return sum(1 for t in doc.tokens if in_spans(t.start, spans)) if spans else 0


def _sentences_in(doc: Doc, spans: Sequence[tuple[int, int]], *, share: float = 0.5) -> int:
    if not spans:
        return 0
    n = 0
    for toks in doc.sentence_tokens:
        if toks and sum(in_spans(t.start, spans) for t in toks) >= share * len(toks):
            n += 1
    return n


def _docs_by_id(articles: pd.DataFrame, text_col: str, id_col: str, outlet_col: str) -> dict:
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    return {d.article_id: d for d in docs}


def reuse_pairs(
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """One row per pair of articles that share at least one passage.

    Args:
        passages: A :func:`reuse` table.
        articles: The articles table it came from (for the articles' lengths).
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        ``event`` (if ``passages`` has it), ``article_id_a, outlet_a, article_id_b, outlet_b,
        n_passages``, ``words_a``/``words_b`` (words of each article inside shared passages),
        ``share_a``/``share_b`` (those words / the article's words), ``sentences_a``/
        ``sentences_b`` (sentences with at least half their words shared), ``copy_words``
        (words of a in ``copy`` passages), ``kind`` (``"copy"`` if any passage is copy,
        else ``"shared_quote"``); sorted by ``share_a + share_b``, largest first.

    Reading the numbers:
        A pair with ``kind == "copy"`` and ``share_a`` of 0.3 means 30% of article a's words
        also stand, nearly word for word, in article b: reprinted or common wire copy.
    """
    docs = _docs_by_id(articles, text_col, id_col, outlet_col)
    keys = ["article_id_a", "outlet_a", "article_id_b", "outlet_b"]
    if "event" in passages.columns:
        keys = ["event", *keys]
    rows = []
    for key, grp in passages.groupby(keys, sort=False, dropna=False):
        values = dict(zip(keys, key, strict=True))
        da, db = docs[str(values["article_id_a"])], docs[str(values["article_id_b"])]
        sa = merge_spans(zip(grp["start_a"], grp["end_a"], strict=True))
        sb = merge_spans(zip(grp["start_b"], grp["end_b"], strict=True))
        copy = grp[grp["kind"] == "copy"]
        words_a, words_b = _words_in(da, sa), _words_in(db, sb)
        rows.append(
            {
                **values,
                "n_passages": len(grp),
                "words_a": words_a,
                "words_b": words_b,
                "share_a": words_a / max(da.n_words, 1),
                "share_b": words_b / max(db.n_words, 1),
                "sentences_a": _sentences_in(da, sa),
                "sentences_b": _sentences_in(db, sb),
                "copy_words": _words_in(
                    da, merge_spans(zip(copy["start_a"], copy["end_a"], strict=True))
                ),
                "kind": "copy" if len(copy) else "shared_quote",
            }
        )
    cols = [
        *keys,
        "n_passages",
        "words_a",
        "words_b",
        "share_a",
        "share_b",
        "sentences_a",
        "sentences_b",
        "copy_words",
        "kind",
    ]
    if not rows:
        ints = {"n_passages", "words_a", "words_b", "sentences_a", "sentences_b", "copy_words"}
        return pd.DataFrame(
            {
                c: pd.Series(dtype="int64" if c in ints else "float64" if "share" in c else object)
                for c in cols
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    order = (out["share_a"] + out["share_b"]).sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)


def _outlet_spans(
    passages: pd.DataFrame,
) -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    """``(article_id, other outlet) -> [(start, end, kind)]`` over both sides of each passage."""
    out: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    for side, other in (("a", "b"), ("b", "a")):
        for aid, o, s, e, kind in zip(
            passages[f"article_id_{side}"].astype(str),
            passages[f"outlet_{other}"].astype(str),
            passages[f"start_{side}"].astype(int),
            passages[f"end_{side}"].astype(int),
            passages["kind"],
            strict=True,
        ):
            out.setdefault((aid, o), []).append((s, e, str(kind)))
    return out


def reuse_matrix(
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Outlet by outlet: the share of each outlet's words it shares with each other outlet.

    Args:
        passages: A :func:`reuse` table.
        articles: The articles table it came from.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per ordered pair of different outlets (all pairs, zeros included): ``outlet``,
        ``other``, ``words`` (words of ``outlet``'s articles inside passages shared with an
        article of ``other``), ``share`` (``words`` / all words ``outlet`` wrote). Input of
        :func:`plot_reuse`. The matrix is not symmetric: a short article fully reprinted in a
        long one has a high share, the long one a low share.
    """
    docs = _docs_by_id(articles, text_col, id_col, outlet_col)
    outlets = list(dict.fromkeys(d.outlet for d in docs.values()))
    total = Counter[str]()
    for d in docs.values():
        total[d.outlet] += d.n_words
    words = Counter[tuple[str, str]]()
    for (aid, other), spans in _outlet_spans(passages).items():
        doc = docs[aid]
        words[(doc.outlet, other)] += _words_in(doc, merge_spans((s, e) for s, e, _ in spans))
    rows = [
        {
            "outlet": o,
            "other": p,
            "words": words[(o, p)],
            "share": words[(o, p)] / max(total[o], 1),
        }
        for o in outlets
        for p in outlets
        if o != p
    ]
    return pd.DataFrame(rows, columns=["outlet", "other", "words", "share"]).astype(
        {"outlet": object, "other": object, "words": "int64", "share": "float64"}
    )


def reuse_summary(
    passages: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """One row per outlet: how much of what it published it shares with other outlets.

    Args:
        passages: A :func:`reuse` table.
        articles: The articles table it came from.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        ``outlet``, ``n_articles``, ``n_words``, ``reused_words`` (words inside any passage
        shared with another outlet), ``share_reused`` (``reused_words / n_words``),
        ``share_copy`` (words in ``copy`` passages / ``n_words``), ``share_quote`` (in
        ``shared_quote`` passages only), ``shares_most_with`` (the outlet it shares most
        words with, "" if none).

    Reading the numbers:
        ``share_copy`` is the part of an outlet's text whose word choice is not (only) its
        own: the same narration stands in another outlet's article.
    """
    docs = _docs_by_id(articles, text_col, id_col, outlet_col)
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for (aid, _), spans in _outlet_spans(passages).items():
        by_article.setdefault(aid, []).extend(spans)
    matrix = reuse_matrix(
        passages, articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col
    )
    rows: dict[str, dict[str, Any]] = {}
    for d in docs.values():
        row = rows.setdefault(
            d.outlet,
            {"outlet": d.outlet, "n_articles": 0, "n_words": 0, "reused": 0, "copy": 0, "quote": 0},
        )
        spans = by_article.get(d.article_id, [])
        all_spans = merge_spans((s, e) for s, e, _ in spans)
        copy_spans = merge_spans((s, e) for s, e, k in spans if k == "copy")
        row["n_articles"] += 1
        row["n_words"] += d.n_words
        row["reused"] += _words_in(d, all_spans)
        row["copy"] += _words_in(d, copy_spans)
    out = []
    for o, row in rows.items():
        n = max(row["n_words"], 1)
        mine = matrix[(matrix["outlet"] == o) & (matrix["words"] > 0)]
        most = str(mine["other"].iloc[int(mine["words"].to_numpy().argmax())]) if len(mine) else ""
        out.append(
            {
                "outlet": o,
                "n_articles": row["n_articles"],
                "n_words": row["n_words"],
                "reused_words": row["reused"],
                "share_reused": row["reused"] / n,
                "share_copy": row["copy"] / n,
                "share_quote": (row["reused"] - row["copy"]) / n,
                "shares_most_with": most,
            }
        )
    return pd.DataFrame(out).astype(
        {"n_articles": "int64", "n_words": "int64", "reused_words": "int64"}
    )
