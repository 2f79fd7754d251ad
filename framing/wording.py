"""Word choice at a glance: one row per outlet for :func:`framing.compare`.

The analyses live in :mod:`framing.terms` (distinctive terms), :mod:`framing.labels` (actor
labels) and :mod:`framing.markers` (loaded, distancing, hedging words); this module only joins
their outlet-level numbers.
"""

from __future__ import annotations

import pandas as pd

from framing.markers import marker_rates, markers
from framing.terms import top_terms, word_choice

__all__ = ["wording_summary"]


def wording_summary(
    articles: pd.DataFrame,
    *,
    marker_table: pd.DataFrame | None = None,
    term_table: pd.DataFrame | None = None,
    n_terms: int = 5,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Own-voice marker rates and top distinctive terms, one row per outlet.

    Args:
        articles: The articles table.
        marker_table: A :func:`framing.markers` table of these articles (computed if omitted).
        term_table: A :func:`framing.word_choice` table (computed if omitted).
        n_terms: How many distinctive terms to list per outlet.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per outlet: ``outlet``, ``words_own``, ``loaded_per_1k``,
        ``distancing_per_1k``, ``hedge_per_1k``, ``intensifier_per_1k`` (markers per 1,000
        words of the outlet's own voice, quotes excluded), ``top_terms`` (e.g.
        ``"shia, us troops, hardline"``).

    Reading the numbers:
        See :func:`framing.markers.marker_rates` and :func:`framing.word_choice`: on a few
        articles per outlet a rate moves a lot with one word, and distinctive terms show the
        angle each article took more than a stable habit of the outlet.
    """
    if marker_table is None:
        marker_table = markers(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    if term_table is None:
        term_table = word_choice(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rates = marker_rates(
        marker_table, articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col
    )
    terms = top_terms(term_table, n=n_terms)
    out = rates.merge(terms, on="outlet", how="left")
    out["top_terms"] = out["top_terms"].fillna("").astype(object)
    return out
