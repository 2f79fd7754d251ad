"""Marker rates per outlet, own voice and quoted voices apart, and their additive counts."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from framing.markers.lexicon import CATEGORIES
from framing.text import docs_from
from framing.voice import own_word_count

__all__ = ["QUOTED_RATES", "MarkerCounts", "marker_counts", "marker_rates", "merge_marker_counts"]

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
        table: A :func:`framing.markers.markers` table of these articles, or its
            :func:`marker_counts`.
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
