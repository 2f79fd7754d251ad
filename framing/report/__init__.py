"""One self-contained HTML page comparing how the outlets framed the story.

``framing.report(articles, "report.html")`` (or ``framing report SOURCE -o report.html``) runs
every analysis once and writes a single file: CSS inline, figures inline as SVG images (data
URIs), no scripts and no external requests, so it opens from ``file://``, by e-mail or on a
laptop with no network, and prints cleanly. Sections: overview table, tone with intervals,
distinctive terms, actor labels, voices and reporting verbs, the cross-outlet views (shared
wire copy, one quote told differently, agency, coverage and omission:
:mod:`framing.report.cross`) and the annotated reading view, with a plain note on what so few
articles can and cannot show. All article text and metadata are HTML-escaped.
"""

from framing.report.figures import figure_html
from framing.report.page import (
    READING_VIEW_MAX,
    actors_beside,
    render_report,
    report,
    report_from_source,
    sentiment_drivers_or_none,
)
from framing.report.sections import caution_note, voices_table
from framing.report.tables import OVERVIEW_LABELS, html_table, overview_table

__all__ = [
    "OVERVIEW_LABELS",
    "READING_VIEW_MAX",
    "actors_beside",
    "caution_note",
    "figure_html",
    "html_table",
    "overview_table",
    "render_report",
    "report",
    "report_from_source",
    "sentiment_drivers_or_none",
    "voices_table",
]
