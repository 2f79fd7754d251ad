"""The outlet comparison: one row per outlet, one column per headline metric.

:func:`compare` runs every analysis (see :func:`framing.analyze`) and returns its
``comparison`` table. :func:`comparison` builds that table from the tidy tables an analysis
produced, joining each module's per-outlet summary on ``outlet``, so the numbers can always be
traced back to the rows behind them.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

__all__ = ["compare", "comparison"]

#: Base columns, always present.
BASE_COLUMNS = ["outlet", "articles", "words", "sentences"]

#: With ``ci_unit="auto"``, outlets with at least this many articles resample whole articles.
CLUSTER_MIN_ARTICLES = 30

CIUnit = Literal["auto", "sentence", "article"]


def compare(articles: pd.DataFrame, **options: Any) -> pd.DataFrame:
    """Compare the outlets of an articles table on every headline metric.

    Args:
        articles: The articles table (see :func:`framing.load_corpus`).
        **options: Passed to :func:`framing.analyze` (``jobs``, ``engine``, ``text_col``,
            options of the analyses, ...).

    Returns:
        One row per outlet, in order of first appearance; columns as in :func:`comparison`.

    Example:
        >>> compare(load_corpus("data/iraq-2021-07-26"))  # doctest: +SKIP
    """
    from framing.pipeline import analyze

    table = analyze(articles, **options).comparison
    assert table is not None  # always computed
    return table


def comparison(
    articles: pd.DataFrame,
    *,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    markers: pd.DataFrame | None = None,
    terms: pd.DataFrame | None = None,
    top_n: int = 5,
    ci_unit: CIUnit = "auto",
) -> pd.DataFrame:
    """Join the per-outlet summaries of each analysis into one table.

    Each argument but ``articles`` is optional: leave one out (or pass ``None``) and its
    columns are left out too.

    Args:
        articles: One row per article with ``outlet``, ``n_words`` and ``n_sentences`` (the
            ``articles`` table of :func:`framing.analyze`).
        sentences: Sentence-level sentiment (``framing.sentiment(..., level="sentence")``).
        quotes: Attributed statements (:func:`framing.quotes`).
        markers: Marker occurrences (:func:`framing.markers`).
        terms: Distinctive terms (:func:`framing.word_choice`).
        top_n: How many distinctive terms to list per outlet.
        ci_unit: What the sentiment intervals resample (see
            :func:`framing.sentiment_summary`): ``"sentence"``, ``"article"``, or ``"auto"``
            (default): sentences for an outlet with fewer than 30 articles, whole articles
            (a cluster bootstrap) from 30 articles on. Sentences of one article share topic
            and tone, so with many articles the article is the honest unit; it also keeps
            the bootstrap fast on large corpora (its cost grows with the units resampled).

    Returns:
        One row per outlet, in order of first appearance in ``articles``:
        ``outlet, articles, words, sentences``, then each summary's columns (see
        :func:`framing.sentiment_summary`, :func:`framing.quote_summary`,
        :func:`framing.marker_rates`, :func:`framing.terms.top_terms`).
    """
    table = _base(articles)
    parts: list[pd.DataFrame] = []
    if sentences is not None:
        summary = _sentiment(sentences, articles, ci_unit)
        parts.append(summary.drop(columns=["n_articles", "n_sentences"]))
    if quotes is not None:
        from framing.quotes import quote_summary

        words = table.set_index("outlet")["words"]
        parts.append(quote_summary(quotes, n_words=words).drop(columns=["statements"]))
    if markers is not None:
        from framing.markers import marker_rates

        parts.append(marker_rates(markers, articles))
    if terms is not None:
        from framing.terms import top_terms

        parts.append(top_terms(terms, n=top_n))
    for part in parts:
        part = part.reset_index() if "outlet" not in part.columns else part
        table = table.merge(part, on="outlet", how="left", validate="one_to_one")
    return table


def _sentiment(sentences: pd.DataFrame, articles: pd.DataFrame, unit: CIUnit) -> pd.DataFrame:
    from framing.sentiment import sentiment_summary

    if unit != "auto":
        return sentiment_summary(sentences, unit=unit)
    per_outlet = articles.groupby("outlet", sort=False).size()
    many = set(per_outlet.index[per_outlet >= CLUSTER_MIN_ARTICLES])
    is_many = sentences["outlet"].isin(many)
    if not is_many.any():
        return sentiment_summary(sentences)
    if is_many.all():
        return sentiment_summary(sentences, unit="article")
    # Each outlet's interval depends only on its own rows and seed, so the halves can be
    # computed apart and put back in the summary's order (by outlet name).
    parts = [
        sentiment_summary(sentences[~is_many]),
        sentiment_summary(sentences[is_many], unit="article"),
    ]
    return pd.concat(parts, ignore_index=True).sort_values("outlet", ignore_index=True)


def _base(articles: pd.DataFrame) -> pd.DataFrame:
    grouped = articles.groupby("outlet", sort=False)
    return (
        pd.DataFrame(
            {
                "articles": grouped.size().astype("int64"),
                "words": grouped["n_words"].sum().astype("int64"),
                "sentences": grouped["n_sentences"].sum().astype("int64"),
            }
        )
        .rename_axis("outlet")
        .reset_index()
    )
