"""The report page: the sections put together into one self-contained HTML file, and written."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pandas as pd

from framing.export import write_text
from framing.report.cross import CROSS_OUTLET_ANCHOR, cross_section
from framing.report.safe import bidi, csp_meta
from framing.report.safe import esc as _esc
from framing.report.sections import (
    _labels_section,
    _method_section,
    _ordered,
    _overview_section,
    _section,
    _terms_section,
    _tone_section,
    _voices_section,
    caution_note,
)
from framing.style import OutletStyle, outlet_style, stylesheet

__all__ = [
    "READING_VIEW_MAX",
    "actors_beside",
    "render_report",
    "report",
    "report_from_source",
    "sentiment_drivers_or_none",
]


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
    sections.append(_overview_section(comparison))
    sections.append(_tone_section(result, outlets, style))
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
