"""The report page: its sections, put together into one self-contained HTML file."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from framing.export import write_text
from framing.report.cross import CROSS_OUTLET_ANCHOR, cross_section
from framing.report.figures import (
    TOP_TERMS,
    _draw_outlets,
    _draw_stance,
    _draw_terms,
    _draw_voices,
    _safe_figure,
)
from framing.report.safe import bidi, csp_meta
from framing.report.safe import esc as _esc
from framing.report.tables import html_table, overview_table
from framing.style import OutletStyle, outlet_style, stylesheet

__all__ = [
    "READING_VIEW_MAX",
    "actors_beside",
    "caution_note",
    "render_report",
    "report",
    "report_from_source",
    "sentiment_drivers_or_none",
    "voices_table",
]


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


def render_report(
    articles: pd.DataFrame,
    result: Any,
    *,
    title: str | None = None,
    style: OutletStyle | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
    actors: str | Path | pd.DataFrame | None = None,
    cross_outlet: bool = True,
) -> str:
    """Build the report's HTML from an articles table and its :func:`framing.analyze` result.

    Args:
        articles: The articles table (with text, for the reading view).
        result: What :func:`framing.analyze` returned for ``articles``.
        title: Page title (default: from the ``event`` column, else a generic one).
        style: Outlet order and colours (default: from ``articles``).
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.
        actors: Actor file or table naming the agents in the "Across outlets" section
            (without it, agents are the phrases as written).
        cross_outlet: Include the "Across outlets" section (shared passages, quotes told
            differently, agency, coverage).

    Returns:
        A complete HTML document as a string.
    """
    from framing.show import show

    style = style or outlet_style(articles, outlet_col=outlet_col)
    outlets = style.sort(articles[outlet_col].astype(str))
    n_articles = len(articles)
    if title is None:
        events: list[Any] = (
            list(articles["event"].dropna().unique()) if "event" in articles.columns else []
        )
        title = (
            f"How {len(outlets)} outlets framed: {events[0]}"
            if len(events) == 1
            else f"How {len(outlets)} outlets framed the story"
        )
    comparison = _ordered(result.comparison, outlets)
    sections = []
    sections.append(
        _section(
            "overview",
            "Overview: the headline numbers, outlet by outlet",
            html_table(overview_table(comparison), max_rows=None),
            "Polarity runs from -1 (negative) to +1 (positive), subjectivity from 0 (factual) "
            "to 1 (opinion), with 95% bootstrap intervals in brackets; rates are per 1,000 "
            "words of the outlet's own narration (quotes left out).",
        )
    )
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
    sections.append(
        _section(
            "tone",
            "Tone: sentiment with 95% intervals",
            f'<div class="figures">{"".join(tone)}</div>',
            "Dots are means over each outlet's sentences, bars 95% bootstrap intervals. "
            "TextBlob's news-aware mode is the default (nouns such as 'base' in 'military "
            "base' no longer count as the adjective); VADER is a second, independent scorer. "
            "Where bars overlap, these texts cannot tell the outlets apart.",
        )
    )
    sections.append(_terms_section(result, outlets, style))
    sections.append(_labels_section(result, outlets))
    sections.append(_voices_section(result, outlets, style))
    if cross_outlet:
        sections.append(
            cross_section(
                articles,
                result,
                outlets,
                style,
                actors=actors,
                text_col=text_col,
                id_col=id_col,
                outlet_col=outlet_col,
            )
        )
    shown = _reading_sample(articles, outlets, outlet_col=outlet_col)
    view = show(
        shown,
        quotes=result.quotes,
        markers=result.markers,
        drivers=sentiment_drivers_or_none(
            shown, text_col=text_col, id_col=id_col, outlet_col=outlet_col
        ),
        style=style,
        max_height="40rem",
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
    )
    sample_note = (
        ""
        if len(shown) == len(articles)
        else f" It shows {len(shown)} of the {len(articles):,} articles: the first of each of "
        f"the first {len(shown)} outlets; use framing.show() in a notebook to read others."
    )
    sections.append(
        _section(
            "reading-view",
            "Reading view: the evidence in the text",
            view.html,
            "Each article as loaded (site boilerplate removed). Hover over a mark to see what "
            "it is and why it was marked." + sample_note,
        )
    )
    toc = "".join(
        f'<a href="#{a}">{_esc(t)}</a>'
        for a, t in [
            ("overview", "Overview"),
            ("tone", "Tone"),
            ("terms", "Distinctive terms"),
            ("labels", "Labels"),
            ("voices", "Voices"),
            *([(CROSS_OUTLET_ANCHOR, "Across outlets")] if cross_outlet else []),
            ("reading-view", "Reading view"),
            ("method", "Method"),
        ]
    )
    caution = _esc(caution_note(articles, outlet_col=outlet_col))
    outlets_list = ", ".join(bidi(o) for o in outlets)
    return (
        # No network, no scripts, whatever the content: the browser enforces it.
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{csp_meta("figures")}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{stylesheet('report.css')}</style></head><body><main>"
        f'<header class="page"><h1>{_esc(title)}</h1>'
        f"<p>{n_articles} article{'s' if n_articles != 1 else ''} · outlets: {outlets_list}</p>"
        f'</header><p class="caution" id="caution"><strong>How far these numbers go.</strong> '
        f"{caution}</p>"
        f'<nav class="toc">{toc}</nav>{"".join(sections)}{_method_section()}'
        f"<footer>Made with framing {_esc(_version())} on {build_date().isoformat()}. "
        "Self-contained page: no scripts, no external requests.</footer>"
        "</main></body></html>"
    )


#: Most articles the report's reading view shows side by side.
READING_VIEW_MAX = 6


def _reading_sample(
    articles: pd.DataFrame, outlets: Sequence[str], *, outlet_col: str
) -> pd.DataFrame:
    """All articles if few; else the first article of each outlet, at most READING_VIEW_MAX."""
    if len(articles) <= READING_VIEW_MAX:
        return articles
    firsts = articles.drop_duplicates(subset=outlet_col, keep="first")
    rank = {o: i for i, o in enumerate(outlets)}
    firsts = firsts.sort_values(outlet_col, key=lambda s: s.astype(str).map(rank), kind="stable")
    return firsts.head(READING_VIEW_MAX)


def _ordered(table: pd.DataFrame, outlets: Sequence[str]) -> pd.DataFrame:
    if table is None or table.empty:
        return pd.DataFrame()
    if "outlet" not in table.columns and table.index.name == "outlet":
        table = table.reset_index()
    if "outlet" not in table.columns:
        return table
    rank = {o: i for i, o in enumerate(outlets)}
    return table.sort_values("outlet", key=lambda s: s.astype(str).map(rank)).reset_index(drop=True)


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


def build_date() -> date:
    """Today's date, or the one ``SOURCE_DATE_EPOCH`` names (reproducible builds: same bytes)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def _version() -> str:
    try:
        return version("news-framing")
    except PackageNotFoundError:
        return "(development)"


def sentiment_drivers_or_none(
    articles: pd.DataFrame, *, text_col: str, id_col: str, outlet_col: str
) -> pd.DataFrame | None:
    import importlib

    module = importlib.import_module("framing.sentiment")
    fn = getattr(module, "sentiment_drivers", None)
    if fn is None:
        return None
    return fn(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)


def report(
    articles: pd.DataFrame,
    path: str | Path,
    *,
    title: str | None = None,
    result: Any = None,
    actors: str | Path | pd.DataFrame | None = None,
    order: Sequence[str] | None = None,
    cross_outlet: bool = True,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> Path:
    """Write one self-contained HTML page comparing the outlets.

    Args:
        articles: The articles table.
        path: Where to write the page (folders are created).
        title: Page title (default: from the ``event`` column).
        result: A :func:`framing.analyze` result for ``articles`` to reuse (computed when
            omitted).
        actors: Actor file for the labels section (see :func:`framing.labels`); without it
            (and without ``result``) the labels section says none was given. It also names
            the agents of events in the "Across outlets" section.
        order: Outlet display order (default: alphabetical).
        cross_outlet: Include the "Across outlets" section (``False`` leaves it out, e.g. on
            a large corpus where sentence clustering would take long).
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        The path written. The page has no scripts and makes no requests: CSS is inline and
        figures are inline SVG images.
    """
    if result is None:
        from framing.pipeline.run import analyze

        options: dict[str, Any] = {} if actors is None else {"actors": actors}
        result = analyze(
            articles,
            progress=False,
            text_col=text_col,
            id_col=id_col,
            outlet_col=outlet_col,
            **options,
        )
    style = outlet_style(articles, order=order, outlet_col=outlet_col)
    page = render_report(
        articles,
        result,
        title=title,
        style=style,
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
        actors=actors,
        cross_outlet=cross_outlet,
    )
    return write_text(path, page)


def actors_beside(source: str | Path) -> Path | None:
    """The actor file shipped with a corpus folder (``actors.tsv`` inside it), if any."""
    path = Path(source)
    candidate = path / "actors.tsv" if path.is_dir() else path.with_name("actors.tsv")
    return candidate if candidate.is_file() else None


def report_from_source(
    source: str | Path,
    out: str | Path,
    *,
    actors: str | Path | None = None,
    title: str | None = None,
    cross_outlet: bool = True,
    **load_options: Any,
) -> Path:
    """Load a corpus and write its report: what ``framing report SOURCE -o OUT`` runs.

    Args:
        source: Anything :func:`framing.load_corpus` reads (folder, CSV, JSONL(.gz)).
        out: Path of the HTML file to write.
        actors: Actor file for the labels section (default: ``actors.tsv`` beside or inside
            ``source``, if there is one).
        title: Page title.
        cross_outlet: Include the "Across outlets" section.
        **load_options: Passed to :func:`framing.load_corpus` (``text_col=``, ...). Column
            names are passed on to the analyses too.

    Returns:
        The path written.
    """
    from framing.corpus import load_corpus

    if actors is not None and not Path(actors).is_file():
        raise FileNotFoundError(f"{actors}: actor file not found")
    articles = load_corpus(source, **load_options)
    return report(
        articles,
        out,
        title=title,
        actors=actors or actors_beside(source),
        cross_outlet=cross_outlet,
    )
