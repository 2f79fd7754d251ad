"""The outlet comparison: one row per outlet, one column per headline metric.

:func:`compare` runs every analysis (see :func:`framing.analyze`) and returns its
``comparison`` table. :func:`comparison` builds that table from the tidy tables an analysis
produced, joining each module's per-outlet summary on ``outlet``, so the numbers can always be
traced back to the rows behind them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

if TYPE_CHECKING:
    from framing.markers import MarkerCounts
    from framing.quotes.voices import VoiceCounts
    from framing.sentiment.summary import SentimentSums

__all__ = ["compare", "comparison"]

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
    sentences: pd.DataFrame | SentimentSums | None = None,
    quotes: pd.DataFrame | VoiceCounts | None = None,
    markers: pd.DataFrame | MarkerCounts | None = None,
    terms: pd.DataFrame | None = None,
    top_n: int = 5,
    ci_unit: CIUnit = "auto",
) -> pd.DataFrame:
    """Join the per-outlet summaries of each analysis into one table.

    Each argument but ``articles`` is optional: leave one out (or pass ``None``) and its
    columns are left out too. Instead of a table, each summary also takes its partial sums
    (what :func:`framing.analyze_stream` keeps instead of the rows): the result is the same.

    Args:
        articles: One row per article with ``outlet``, ``n_words`` and ``n_sentences`` (the
            ``articles`` table of :func:`framing.analyze`; with ``n_words_own`` for the
            markers' own-voice and quoted-voice word counts).
        sentences: Sentence-level sentiment (``framing.sentiment(..., level="sentence")``)
            or its :class:`framing.sentiment.SentimentSums`.
        quotes: Attributed statements (:func:`framing.quotes`) or their
            :class:`framing.quotes.VoiceCounts`.
        markers: Marker occurrences (:func:`framing.markers`) or their
            :func:`framing.markers.marker_counts`.
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

    Reading the numbers (own voice vs quoted voices):
        Columns ending in ``_own`` measure the outlet's narration, those ending in
        ``_quoted`` the words it quotes, so a reader can tell an outlet that writes in loaded
        language from one that quotes people who do. Sentiment: ``polarity_own,
        polarity_quoted``, ``subjectivity_own, subjectivity_quoted`` (TextBlob words outside /
        inside attributed statements, including reported speech), ``vader_compound_own,
        vader_compound_quoted`` (whole sentences, by the voice holding most of the sentence),
        resting on ``sentences_quoted`` sentences with quoted content. Markers:
        ``loaded_per_1k`` and ``distancing_per_1k`` per 1,000 ``words_own``, next to
        ``loaded_per_1k_quoted`` and ``distancing_per_1k_quoted`` per 1,000 ``words_quoted``
        (words inside quotation marks of attributed statements); the quoted rates are NaN
        under 200 quoted words, and still move by several points per word just above that.
        The quoted columns describe the sources an outlet chose to quote, not the outlet's
        own wording: a high ``loaded_per_1k_quoted`` with a low ``loaded_per_1k`` means the
        outlet lets others use the charged words.
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


def _sentiment(
    sentences: pd.DataFrame | SentimentSums, articles: pd.DataFrame, unit: CIUnit
) -> pd.DataFrame:
    from framing.sentiment.summary import SentimentSums

    sums = (
        sentences if isinstance(sentences, SentimentSums) else SentimentSums.from_table(sentences)
    )
    if unit != "auto":
        return sums.summary(unit=unit)
    # Each outlet's interval depends only on its own sentences and seed, so the unit can be
    # chosen outlet by outlet.
    per_outlet = articles.groupby("outlet", sort=False).size()
    units: dict[str, Literal["sentence", "article"]] = {
        str(outlet): "article" if n >= CLUSTER_MIN_ARTICLES else "sentence"
        for outlet, n in per_outlet.items()
    }
    return sums.summary(unit=units)


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
