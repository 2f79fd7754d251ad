"""The report's "Across outlets" section: shared copy, one quote told differently, agency, coverage.

Each view comes from the package's cross-outlet functions (:mod:`framing.reuse`,
:mod:`framing.align`, :mod:`framing.agency`, :mod:`framing.coverage`, drawn with
:mod:`framing.plot_cross` and :func:`framing.agency.plot_agency`); this module only lays them
out. Every piece of text from the data is escaped (:mod:`framing.report.safe`, or
:func:`framing.align.quote_variants_html`, which escapes its own) and every figure goes through
:func:`framing.report.figures.figure_html`; rows are put in a fixed order (the outlets' display
order, then the functions' own order) so the page is byte-identical across runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.report.figures import _safe_figure
from framing.report.safe import bidi
from framing.report.safe import esc as _esc
from framing.report.tables import html_table
from framing.style import OutletStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "COVERAGE_FACTS_SHOWN",
    "COVERAGE_MAX_GROUP",
    "CROSS_OUTLET_ANCHOR",
    "QUOTE_GROUPS_SHOWN",
    "cross_section",
]

#: The section's id (the table of contents links to it).
CROSS_OUTLET_ANCHOR = "across-outlets"
#: Most quote groups shown (those most outlets quote first).
QUOTE_GROUPS_SHOWN = 3
#: Most facts listed per outlet under "only it reports" and "it leaves out".
COVERAGE_FACTS_SHOWN = 20
#: Beyond this many outlets the heatmap and the fact grid get unreadable: tables only.
_MAX_GRID_OUTLETS = 12
#: Most articles compared together (one event, or the whole table without an ``event`` column)
#: for which the report clusters sentences into facts: the clustering grows with the square of
#: the sentences (about 13 CPU seconds for 200 articles in one group), so larger groups get a
#: note instead of a wait.
COVERAGE_MAX_GROUP = 100


def cross_section(
    articles: pd.DataFrame,
    result: Any,
    outlets: Sequence[str],
    style: OutletStyle,
    *,
    actors: str | Path | pd.DataFrame | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> str:
    """The "Across outlets" section of the report, as HTML.

    Args:
        articles: The articles table.
        result: The :func:`framing.analyze` result (its quotes are aligned across outlets).
        outlets: The outlets in display order.
        style: Outlet order and colours for the figures.
        actors: Actor file or table, to name the agents of events (else phrases as written).
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One ``<section>``; with a single outlet, a note saying there is nothing to compare.
    """
    columns = {"text_col": text_col, "id_col": id_col, "outlet_col": outlet_col}
    n = len(articles)
    if len(outlets) < 2:
        who = f" from one outlet, {bidi(outlets[0])}" if outlets else ""
        body = (
            f'<p class="empty">The {n} article{"s" if n != 1 else ""} here come{"s" * (n == 1)}'
            f"{who}: there is nothing to set side by side. This section compares outlets on "
            "the same story (shared wire copy, one quote in several wordings, who is shown "
            "doing what to whom, which facts each reports); add articles from at least one "
            "other outlet.</p>"
        )
        return _cross(body)
    grid = len(outlets) <= _MAX_GRID_OUTLETS
    parts = [
        _reuse_view(articles, outlets, style, grid=grid, **columns),
        _quotes_view(articles, result, id_col=id_col),
        _agency_view(articles, outlets, style, actors=actors, **columns),
        _coverage_view(articles, outlets, style, grid=grid, **columns),
    ]
    events = articles["event"].dropna().astype(str).nunique() if "event" in articles.columns else 0
    scope = (
        f"Articles are compared only with articles on the same event ({events} events here). "
        if events > 1
        else ""
    )
    howto = (
        "Four views set the outlets side by side: the passages they share, the quotes they "
        "word differently, who they show doing what to whom, and the facts each reports or "
        f"leaves out. {scope}Like every number in this report, they describe these {n:,} "
        "articles: a passage, a quote or a fact one article has and another lacks is a pointer "
        "to read both texts, not evidence of how an outlet works in general."
    )
    return _cross("".join(parts), howto)


def _cross(body: str, howto: str = "") -> str:
    note = f'<p class="howto">{_esc(howto)}</p>' if howto else ""
    title = "Across outlets: what they share, and what each tells differently"
    return f'<section id="{CROSS_OUTLET_ANCHOR}"><h2>{_esc(title)}</h2>{note}{body}</section>'


def _view(title: str, howto: str, body: str) -> str:
    return f'<h3>{_esc(title)}</h3><p class="howto">{_esc(howto)}</p>{body}'


def _rank(outlets: Sequence[str]) -> dict[str, int]:
    return {o: i for i, o in enumerate(outlets)}


def _by_outlet(table: pd.DataFrame, outlets: Sequence[str], col: str = "outlet") -> pd.DataFrame:
    """``table`` in the outlets' display order (stable: ties keep the function's order)."""
    rank = _rank(outlets)
    key = table[col].astype(str).map(lambda o: rank.get(o, len(rank)))
    return table.iloc[key.argsort(kind="stable")].reset_index(drop=True)


# --- shared passages ------------------------------------------------------------------------


def _draw_reuse(matrix: pd.DataFrame, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plot_cross import plot_reuse

    return plot_reuse(matrix, ax=ax, style=style)


def _reuse_view(
    articles: pd.DataFrame,
    outlets: Sequence[str],
    style: OutletStyle,
    *,
    grid: bool,
    text_col: str,
    id_col: str,
    outlet_col: str,
) -> str:
    from framing.reuse import reuse, reuse_matrix, reuse_pairs

    columns = {"text_col": text_col, "id_col": id_col, "outlet_col": outlet_col}
    passages = reuse(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    if passages.empty:
        body = '<p class="empty">No two outlets share a passage of 8 words or more.</p>'
    else:
        figure = ""
        if grid:
            matrix = reuse_matrix(passages, articles, **columns)
            figure = _safe_figure(
                partial(_draw_reuse, matrix, style),
                alt="Share of each outlet's words that it shares with each other outlet",
                width=1.1 * len(outlets) + 4,
                height=0.8 * len(outlets) + 2.2,
            )
        pairs = reuse_pairs(passages, articles, **columns)
        several = articles[outlet_col].astype(str).duplicated().any()
        cols = [
            *(["article_id_a"] if several else []),
            "outlet_a",
            *(["article_id_b"] if several else []),
            "outlet_b",
            "n_passages",
            "share_a",
            "share_b",
            "kind",
        ]
        body = figure + html_table(pairs[cols], max_rows=12)
    return _view(
        "Shared passages (wire copy)",
        "Passages of 8 words or more that two articles share word for word or nearly (a "
        "changed word or house style tolerated). Each cell of the grid is the share of the row "
        "outlet's words that also stand in the column outlet's articles; the table gives each "
        "pair of articles (share_a: of the first article's words, share_b: of the second's). "
        "'copy' is shared narration: one outlet reprinted the other, or both reprinted a wire "
        "service that may not be in this corpus, so a label inside shared copy is the wire's "
        "choice, not the outlet's. 'shared_quote' means both quoted the same words, which is "
        "not copying. The method cannot tell who copied whom.",
        body,
    )


# --- the same quote, told differently ---------------------------------------------------------


def _quotes_view(articles: pd.DataFrame, result: Any, *, id_col: str) -> str:
    from framing.align import align_quotes, quote_variants_html

    quotes = getattr(result, "quotes", None)
    howto = (
        "Quotes of one utterance, grouped across outlets (six or more words in common, in "
        "order) and compared word by word with the group's most complete version. A changed "
        "word may be a mishearing, a translation or an edit; the page cannot say which. "
        "Paraphrases too loose to match are left out."
    )
    title = "The same quote, told differently"
    if quotes is None or quotes.empty:
        return _view(title, howto, '<p class="empty">No attributed statements found.</p>')
    # The quotes table names its columns article_id/outlet; read the event from the articles.
    events = None
    if "event" in articles.columns:
        events = pd.DataFrame(
            {"article_id": articles[id_col].astype(str), "event": articles["event"]}
        )
    quoted = quotes.assign(article_id=quotes["article_id"].astype(str))
    aligned = align_quotes(quoted, articles=events)
    groups = sorted(int(g) for g in pd.unique(aligned["group"]))
    if not groups:
        body = '<p class="empty">No quote appears, in similar words, in two outlets.</p>'
        return _view(title, howto, body)
    shown = groups[:QUOTE_GROUPS_SHOWN]
    count = (
        "The one group quoted by two or more outlets is shown."
        if len(groups) == 1
        else f"All {len(groups)} groups quoted by two or more outlets are shown."
        if len(shown) == len(groups)
        else f"The {len(shown)} groups most outlets quote are shown, of {len(groups)} quoted by "
        "two or more outlets (framing.align.align_quotes lists them all)."
    )
    body = f'<p class="howto">{_esc(count)}</p>{quote_variants_html(aligned, groups=shown)}'
    return _view(title, howto, body)


# --- agency -----------------------------------------------------------------------------------


def _draw_agency(table: pd.DataFrame, style: OutletStyle, ax: Axes) -> Axes:
    from framing.agency import plot_agency

    return plot_agency(table, ax=ax, style=style)


def _agency_view(
    articles: pd.DataFrame,
    outlets: Sequence[str],
    style: OutletStyle,
    *,
    actors: str | Path | pd.DataFrame | None,
    text_col: str,
    id_col: str,
    outlet_col: str,
) -> str:
    from framing.agency import agency, agency_summary

    table = agency(articles, actors=actors, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    violent = table[table["violent"]]
    if violent.empty:
        body = '<p class="empty">No violent event (killing, strike, attack, ...) is mentioned.</p>'
    else:
        present = [o for o in outlets if o in set(violent["outlet"].astype(str))]
        figure = _safe_figure(
            partial(_draw_agency, table, style),
            alt="Grammatical forms of each outlet's violent event mentions, as shares",
            width=9,
            height=1.6 + 0.6 * len(present),
        )
        summary = _by_outlet(agency_summary(table), outlets)
        cols = ["outlet", "form", "agent", "event", "patient", "instrument"]
        if actors is not None:
            cols += ["agent_actor", "patient_actor"]
        mentions = html_table(_by_outlet(violent[cols], outlets), max_rows=40)
        body = (
            f"{figure}{html_table(summary, max_rows=None)}<details><summary>The "
            f"{len(violent):,} violent event mention{'s' if len(violent) != 1 else ''}"
            f"</summary>{mentions}</details>"
        )
    named = (
        "Agents are resolved to the actor list."
        if actors is not None
        else "Agents are phrases as written (no actor list was given)."
    )
    return _view(
        "Who does what to whom",
        "Each mention of a violent event and the grammatical form that tells it: active (the "
        "doer is the subject: 'the US assassinated ...'), passive with or without 'by', "
        "nominalisation (the event as a noun: 'the deaths of ... in a US airstrike') or "
        "intransitive ('Soleimani died'). share_agentless counts the mentions that name no "
        f"doer at all. {named} With a handful of mentions per outlet one sentence moves a share "
        "by 20 points or more: read the mentions, and count a sentence two outlets share as "
        "wire copy once. The form is read from tags and chunks, not a full parse.",
        body,
    )


# --- coverage and omission --------------------------------------------------------------------


def _draw_coverage(facts: pd.DataFrame, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plot_cross import plot_coverage

    return plot_coverage(facts, min_outlets=2, ax=ax, style=style)


def _coverage_view(
    articles: pd.DataFrame,
    outlets: Sequence[str],
    style: OutletStyle,
    *,
    grid: bool,
    text_col: str,
    id_col: str,
    outlet_col: str,
) -> str:
    from framing.coverage import coverage, coverage_gaps, coverage_summary

    title = "Coverage and omission"
    howto = (
        "Sentences that report the same fact (they share content words; numbers count double) "
        "are grouped across outlets. The grid shows the facts two or more outlets report: a "
        "filled dot where the fact is in the outlet's lede (its first two sentences), darker "
        "nearer the top. A fact only one outlet reports may be an exclusive, a detail the "
        "others cut for length, or a paraphrase too loose to match; 'omitted' counts facts "
        "more than half of the other outlets report. Read the sentences before calling "
        "either a choice."
    )
    grouped = "event" in articles.columns
    largest = int(articles["event"].value_counts(dropna=False).max()) if grouped else len(articles)
    if largest > COVERAGE_MAX_GROUP:
        where = "on one event" if grouped else "together (there is no event column)"
        body = (
            f'<p class="empty">Not computed here: {largest:,} articles are compared {where}, '
            f"and grouping their sentences into facts takes long beyond {COVERAGE_MAX_GROUP}. "
            "Give the articles an event column (one value per story), or run "
            "framing.coverage.coverage on one story.</p>"
        )
        return _view(title, howto, body)
    facts = coverage(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    if facts.empty:
        return _view(title, howto, '<p class="empty">No sentence long enough to compare.</p>')
    figure = ""
    shared = int((facts["n_outlets"] >= 2).sum())
    if grid and shared:
        n_facts = min(int(facts.loc[facts["n_outlets"] >= 2, "fact"].nunique()), 30)
        first = ""
        if "event" in facts.columns and facts["event"].nunique() > 1:
            event = bidi(facts["event"].iloc[0])
            first = f'<p class="howto">The grid shows the first event, {event}.</p>'
        figure = first + _safe_figure(
            partial(_draw_coverage, facts, style),
            alt="Facts reported by two or more outlets, and where each outlet reports them",
            width=min(7.5 + 0.9 * len(outlets), 13),
            height=1.6 + 0.3 * n_facts,
        )
    summary = _by_outlet(coverage_summary(facts), outlets)
    cols = [
        "outlet",
        "n_articles",
        "n_sentences",
        "n_facts",
        "facts_only",
        "share_sentences_only",
        "facts_omitted",
    ]
    lists = _gap_lists(coverage_gaps(facts), outlets)
    body = f"{figure}{html_table(summary[cols], max_rows=None)}{lists}"
    return _view(title, howto, body)


def _gap_lists(gaps: pd.DataFrame, outlets: Sequence[str]) -> str:
    """Per outlet, the facts only it reports and those it leaves out, in article order."""
    if gaps.empty:
        return ""
    gaps = gaps.sort_values(["position", "fact"], kind="stable")
    parts = ['<p class="howto">Per outlet, the facts (their most central sentence):</p>']
    for outlet in outlets:
        own = gaps[gaps["outlet"].astype(str) == outlet]
        if own.empty:
            continue
        only = own[own["status"] == "only"]
        omitted = own[own["status"] == "omitted"]
        blocks = []
        for heading, rows in (("Only it reports", only), ("Most others report, it omits", omitted)):
            if rows.empty:
                continue
            items = "".join(
                f"<li>{_esc(label)}</li>" for label in rows["label"].head(COVERAGE_FACTS_SHOWN)
            )
            more = (
                f"<li>… and {len(rows) - COVERAGE_FACTS_SHOWN:,} more "
                "(framing.coverage.coverage_gaps lists them all)</li>"
                if len(rows) > COVERAGE_FACTS_SHOWN
                else ""
            )
            blocks.append(f"<p>{_esc(heading)}:</p><ul>{items}{more}</ul>")
        parts.append(
            f"<details><summary>{bidi(outlet)}: {len(only):,} fact"
            f"{'s' if len(only) != 1 else ''} only it reports, {len(omitted):,} it omits"
            f"</summary>{''.join(blocks)}</details>"
        )
    return "".join(parts)
