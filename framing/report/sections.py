"""The report's sections: each builds one ``<section>`` of the page from an analysis result."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import pandas as pd

from framing.report.figures import (
    TOP_TERMS,
    _draw_outlets,
    _draw_stance,
    _draw_terms,
    _draw_voices,
    _safe_figure,
)
from framing.report.safe import esc as _esc
from framing.report.tables import html_table, overview_table
from framing.style import OutletStyle

__all__ = ["caution_note", "voices_table"]


def caution_note(articles: pd.DataFrame, *, outlet_col: str = "outlet") -> str:
    """A plain-language note on how far the numbers can be trusted, given the corpus size.

    Returns:
        One paragraph of text (not HTML).
    """
    n = len(articles)
    per_outlet = articles[outlet_col].value_counts()
    m = len(per_outlet)
    fewest = int(per_outlet.min()) if m else 0
    if fewest < 10:
        return (
            f"Read these numbers as a description of {n} articles, not of {m} outlets. "
            f"With as few as {fewest} article{'s' if fewest != 1 else ''} from an outlet, every "
            "difference below could come from the particular article, its writer, the wire copy "
            "it reprinted or the sources who happened to be available that day; it cannot show "
            "how an outlet covers a topic in general. Intervals are computed over sentences, so "
            "they describe the uncertainty within these texts only. Treat each number as a "
            "pointer to a passage worth reading (the reading view at the end shows them), and "
            "gather many articles per outlet, on several stories, before making claims."
        )
    return (
        f"{n} articles from {m} outlets (at least {fewest} per outlet). Intervals are bootstrap "
        "intervals over sentences; outlets whose intervals overlap widely cannot be told apart "
        "on that measure. Differences between outlets may still reflect which stories each "
        "covered, so compare like with like before making claims."
    )


def _section(anchor: str, title: str, body: str, howto: str = "") -> str:
    note = f'<p class="howto">{howto}</p>' if howto else ""
    return f'<section id="{anchor}"><h2>{_esc(title)}</h2>{note}{body}</section>'


def _ordered(table: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    if table is None or table.empty:
        return pd.DataFrame()
    if "outlet" not in table.columns and table.index.name == "outlet":
        table = table.reset_index()
    if "outlet" not in table.columns:
        return table
    rank = {o: i for i, o in enumerate(outlets)}
    return table.sort_values("outlet", key=lambda s: s.astype(str).map(rank)).reset_index(drop=True)


def _overview_section(comparison: pd.DataFrame) -> str:
    return _section(
        "overview",
        "Overview: the headline numbers, outlet by outlet",
        html_table(overview_table(comparison), max_rows=None),
        "Polarity runs from -1 (negative) to +1 (positive), subjectivity from 0 (factual) "
        "to 1 (opinion), with 95% bootstrap intervals in brackets; rates are per 1,000 "
        "words of the outlet's own narration (quotes left out).",
    )


def _tone_section(result: Any, outlets: Sequence[str], style: OutletStyle) -> str:
    tone = []
    for metric in ("polarity", "subjectivity", "vader_compound"):
        if metric in result.comparison.columns:
            tone.append(
                _safe_figure(
                    partial(_draw_outlets, result.comparison, metric, style),
                    alt=f"Mean {metric} per outlet with 95% intervals",
                    height=1.4 + 0.6 * len(outlets),
                )
            )
    return _section(
        "tone",
        "Tone: sentiment with 95% intervals",
        f'<div class="figures">{"".join(tone)}</div>',
        "Dots are means over each outlet's sentences, bars 95% bootstrap intervals. "
        "TextBlob's news-aware mode is the default (nouns such as 'base' in 'military "
        "base' no longer count as the adjective); VADER is a second, independent scorer. "
        "Where bars overlap, these texts cannot tell the outlets apart.",
    )


def _terms_section(result: Any, outlets: Sequence[str], style: OutletStyle) -> str:
    terms = result.terms
    if terms is None or terms.empty or not (terms["z"] > 0).any():
        body = '<p class="empty">No distinctive terms (too little text).</p>'
    else:
        top = terms[terms["z"] > 0].groupby("outlet", sort=False).head(TOP_TERMS)
        rows = len(top) + len(outlets)
        figure = (
            ""
            if len(outlets) > _MAX_FIGURE_OUTLETS
            else _safe_figure(
                partial(_draw_terms, terms, style),
                alt="The terms each outlet uses more than the others, by z-score",
                height=max(3.0, 0.3 * rows + 1.2),
                width=10,
            )
        )
        cols = [c for c in ("outlet", "term", "count", "count_rest", "log_odds", "z") if c in top]
        table = html_table(_ordered(top[cols], outlets), max_rows=None)
        body = f"{figure}<details><summary>The numbers behind the figure</summary>{table}</details>"
    return _section(
        "terms",
        "Distinctive terms: words each outlet uses more than the others",
        body,
        "Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). "
        "z above 1.96 marks a term an outlet over-uses beyond chance variation in word counts; "
        "on a few articles, it mostly reflects each article's angle and the wire copy it "
        "carries, so read it with the raw counts (outlet vs the rest, printed by each bar).",
    )


#: Beyond this many outlets the distinctive-terms figure gets too tall: the table alone is shown.
_MAX_FIGURE_OUTLETS = 12


def _labels_section(result: Any, outlets: Sequence[str]) -> str:
    labels = result.labels
    if labels is None:
        body = (
            '<p class="empty">No actor list was given, so labels were not compared. Pass '
            "<code>actors=</code> (an actor file: see <code>framing.labels</code>; "
            "<code>framing.label_variants</code> helps write one).</p>"
        )
    elif labels.empty:
        body = '<p class="empty">None of the listed actors is mentioned.</p>'
    else:
        from framing.labels import label_table

        matrix = label_table(labels, per_cell=3)
        matrix = matrix.reindex(columns=[o for o in outlets if o in matrix.columns], fill_value="")
        body = html_table(matrix.reset_index(), max_rows=None)
    return _section(
        "labels",
        "Labels: what each outlet calls the same actors",
        body,
        "Each cell lists the phrases an outlet uses for an actor, most frequent first, with "
        "counts. An empty cell means the outlet never mentions the actor, which can itself be "
        "a framing choice (bias by omission).",
    )


def voices_table(result: Any) -> pd.DataFrame | None:
    """Per outlet and speaker (``framing.voices``): from the result, or computed from quotes."""
    voices = getattr(result, "voices", None)
    if voices is not None and {"speaker", "affiliation", "statements"} <= set(voices.columns):
        return voices
    if result.quotes is None:
        return None
    from framing.quotes import voices as voices_of

    return voices_of(result.quotes, by="speaker")


def _voices_section(result: Any, outlets: Sequence[str], style: OutletStyle) -> str:
    quotes = result.quotes
    voices = voices_table(result)
    if quotes is None or quotes.empty or voices is None:
        body = '<p class="empty">No attributed statements found.</p>'
    else:
        height = 1.8 + 0.65 * len(outlets)
        figs = [
            _safe_figure(
                partial(_draw_voices, voices, by, style),
                alt=f"Share of attributed statements by {by.replace('_', ' ')}, per outlet",
                height=height,
            )
            for by in ("speaker_type", "affiliation")
        ]
        figs.append(
            _safe_figure(
                partial(_draw_stance, quotes, style),
                alt="Reporting-verb stance mix, per outlet",
                height=height,
            )
        )
        cols = ["outlet", "speaker", "speaker_type", "affiliation", "statements", "quoted_words"]
        top = voices[[c for c in cols if c in voices.columns]].groupby("outlet").head(5)
        body = f'<div class="figures">{"".join(figs)}</div>' + html_table(
            _ordered(top, outlets), max_rows=None
        )
    return _section(
        "voices",
        "Voices: who is quoted, and with which reporting verb",
        body,
        "Whom an outlet lets speak, and how it introduces them ('said' vs 'claimed', "
        "'stressed', 'admitted'), is attribution framing. Bars are shares of each outlet's "
        "attributed statements; the table lists each outlet's five most-quoted sources "
        "(affiliations come from the story's speaker table; unlisted speakers stay 'unknown').",
    )


def _method_section() -> str:
    items = [
        "<b>Polarity</b> (-1 to +1) and <b>subjectivity</b> (0 to 1) are TextBlob's lexicon "
        "scores; the default news-aware mode only counts a lexicon word where its part of "
        "speech matches the entry, plus a short documented override list. Scores near 0 are "
        "normal for news; sarcasm and negation scope are blind spots.",
        "<b>VADER compound</b> (-1 to +1) is scored per sentence and averaged.",
        "<b>Intervals</b> are seeded bootstrap 95% intervals over an outlet's sentences.",
        "<b>Distinctive terms</b>: weighted log-odds with an informative Dirichlet prior; z is "
        "the log-odds divided by its standard error.",
        "<b>Quotes</b> are found by rules over the text (quotation marks, reporting verbs, "
        "'according to'); speakers are resolved to the fullest name the article uses.",
        "<b>Markers</b> come from word lists shipped with the package (framing/lexicons), each "
        "with its source and licence.",
        "<b>Across outlets</b>: shared passages are runs of 8+ words two articles share "
        "(5-word shingles, small gaps tolerated); quotes are grouped when 60% of the shorter "
        "one's words appear in order in the longer; agency is read from TextBlob's offline "
        "Pattern tags and chunks; facts are sentences clustered by TF-IDF cosine (average "
        "linkage at 0.3). All compare articles within one event (docs/cross-outlet.md).",
    ]
    body = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    return _section("method", "Method and how to read the numbers", body)
