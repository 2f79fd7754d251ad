"""The annotated reading view: articles side by side with the evidence marked in the text.

``framing.show(articles)`` renders each article as written, with

- **quotes** highlighted in a colour per speaker (the same speaker has the same colour in every
  article; a legend under each article lists them), unknown speakers in grey;
- **loaded, distancing, hedge and intensifier words** underlined, one line style per category;
- **sentiment drivers**, the words behind a polarity score, coloured blue (positive) or
  vermillion (negative);

and a tooltip on every mark saying what it is and why it was marked (hover over it). Articles
sit side by side and stack on narrow screens. All article text and metadata are HTML-escaped.

Example:
    >>> view = framing.show(articles)  # doctest: +SKIP
    >>> view  # in Jupyter: the rendered view  # doctest: +SKIP
    >>> Path("view.html").write_text(view.page())  # a standalone page  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from framing.report.safe import bidi, csp_meta, css_color, link
from framing.report.safe import esc as _esc
from framing.style import OutletStyle, outlet_style, stylesheet

__all__ = ["Layer", "Mark", "ReadingView", "reading_view_css", "show"]

Layer = Literal["quotes", "markers", "drivers"]

# One underline style per marker category; colours from the Okabe-Ito palette.
_MARKER_STYLES: dict[str, tuple[str, str]] = {
    # category: (css class, legend text)
    "loaded": ("fr-loaded", "loaded word (evaluative or emotive)"),
    "distancing": ("fr-distancing", "distancing (so-called, alleged, scare quotes)"),
    "hedge": ("fr-hedge", "hedge (reportedly, may, appears to)"),
    "intensifier": ("fr-intensifier", "intensifier (very, sharply)"),
}
_MARKER_WHY = {
    "loaded": "an evaluative or emotive word: it judges as it describes",
    "distancing": "signals doubt about the term or claim it qualifies",
    "hedge": "softens certainty about the claim",
    "intensifier": "strengthens the claim it modifies",
}


@dataclass(frozen=True)
class Mark:
    """One highlighted span of an article.

    Attributes:
        start: Offset of the span in the article ``text``.
        end: End offset (exclusive).
        layer: ``"quote"`` (long spans, background colour) or ``"word"`` (short spans inside).
        css: CSS class(es) of the span.
        tip: Tooltip text: what the mark is and why (plain text; escaped when rendered).
        color: Optional colour for the span (from the palette, never from user data).
    """

    start: int
    end: int
    layer: str
    css: str
    tip: str
    color: str = ""


def _light(hex_color: str, alpha: float = 0.22) -> str:
    r, g, b = (int(hex_color.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _rows_for(table: pd.DataFrame | None, article_id: str) -> list[dict[str, object]]:
    if table is None or table.empty or "article_id" not in table.columns:
        return []
    rows = table[table["article_id"].astype(str) == article_id]
    return rows.to_dict("records")  # type: ignore[return-value]


def _int(value: object, default: int = -1) -> int:
    if value is None or _isna(value):
        return default
    return int(value)  # type: ignore[call-overload]


def _quote_marks(
    rows: Iterable[dict[str, object]], n: int, speaker_colors: dict[tuple[str, str], str]
) -> list[Mark]:
    marks = []
    for row in rows:
        start, end = _int(row.get("start")), _int(row.get("end"))
        if not 0 <= start < end <= n:
            continue
        speaker = str(row.get("speaker") or "") if not _isna(row.get("speaker")) else ""
        color = speaker_colors.get((str(row.get("article_id", "")), speaker), "#999999")
        kind = str(row.get("kind") or "quote")
        verb = row.get("verb")
        stance = row.get("verb_stance")
        stype = row.get("speaker_type")
        tip = f"{kind} quote · speaker: {speaker or 'unknown'}"
        if stype is not None and not _isna(stype) and str(stype):
            tip += f" ({stype})"
        if verb is not None and not _isna(verb) and str(verb):
            tip += f" · reporting verb: {verb}"
            if stance is not None and not _isna(stance) and str(stance):
                tip += f" ({stance})"
        marks.append(Mark(start, end, "quote", f"fr-quote fr-{_css_word(kind)}", tip, color))
    return marks


def _css_word(value: str) -> str:
    return "".join(ch for ch in value.lower() if ch.isalnum() or ch == "-") or "x"


def _marker_marks(rows: Iterable[dict[str, object]], n: int) -> list[Mark]:
    marks = []
    for row in rows:
        start, end = _int(row.get("start")), _int(row.get("end"))
        if not 0 <= start < end <= n:
            continue
        cat = str(row.get("category") or "marker")
        css = _MARKER_STYLES.get(cat, ("fr-marker", ""))[0]
        note = row.get("note")
        why = str(note) if note is not None and not _isna(note) and str(note) else ""
        why = why or _MARKER_WHY.get(cat, "flagged by the marker lexicon")
        tip = f"{cat}: “{row.get('term', '')}”, {why}"
        if row.get("in_quote") is True or row.get("quoted") is True:
            tip += " · inside a quotation (a source's words, not the outlet's)"
        marks.append(Mark(start, end, "word", f"fr-mark {css}", tip))
    return marks


def _driver_marks(rows: Iterable[dict[str, object]], n: int) -> list[Mark]:
    marks = []
    for row in rows:
        start, end = _int(row.get("start")), _int(row.get("end"))
        if not 0 <= start < end <= n:
            continue
        pol = row.get("polarity")
        polarity = 0.0 if pol is None or _isna(pol) else float(pol)  # type: ignore[arg-type]
        word = row.get("term", row.get("word", ""))
        kept = row.get("kept", True)
        if polarity == 0:
            continue  # neutral words only dilute the average: listed by sentiment_drivers
        if kept is False or (isinstance(kept, (int, float)) and not _isna(kept) and not kept):
            css = "fr-drv fr-dropped"
            tip = f"not counted: “{word}” would score {polarity:+.2f} in stock TextBlob"
        else:
            if polarity > 0:
                css, sign = "fr-drv fr-pos", "raises polarity"
            else:
                css, sign = "fr-drv fr-neg", "lowers polarity"
            tip = f"sentiment driver: “{word}” {sign} ({polarity:+.2f})"
        subj = row.get("subjectivity")
        if subj is not None and not _isna(subj):
            tip += f", subjectivity {float(subj):.2f}"  # type: ignore[arg-type]
        note = row.get("reason", row.get("note"))
        if note is not None and not _isna(note) and str(note):
            tip += f" · {note}"
        marks.append(Mark(start, end, "word", css, tip))
    return marks


def _render_text(text: str, marks: Sequence[Mark]) -> str:
    """Escape ``text`` and wrap the marked spans; quote spans contain word spans.

    Quote spans that overlap keep the earlier one; a word span that crosses a quote boundary is
    split at it; overlapping word spans keep the one that starts first (then the longer).
    """
    quotes = _non_overlapping([m for m in marks if m.layer == "quote"])
    words = _non_overlapping([m for m in marks if m.layer != "quote"])
    cuts = sorted({0, len(text), *(p for m in (*quotes, *words) for p in (m.start, m.end))})
    out: list[str] = []
    qi = wi = 0
    open_quote: Mark | None = None
    for a, b in itertools.pairwise(cuts):
        while qi < len(quotes) and quotes[qi].end <= a:
            qi += 1
        while wi < len(words) and words[wi].end <= a:
            wi += 1
        quote = quotes[qi] if qi < len(quotes) and quotes[qi].start <= a else None
        word = words[wi] if wi < len(words) and words[wi].start <= a else None
        if quote is not open_quote:
            if open_quote is not None:
                out.append("</span>")
            if quote is not None:
                style = f"background:{_light(quote.color)};border-bottom-color:{quote.color}"
                out.append(f'<span class="{quote.css}" style="{style}" title="{_esc(quote.tip)}">')
            open_quote = quote
        segment = _esc(text[a:b])
        if word is not None:
            segment = f'<span class="{word.css}" title="{_esc(word.tip)}">{segment}</span>'
        out.append(segment)
    if open_quote is not None:
        out.append("</span>")
    return "".join(out)


def _non_overlapping(marks: list[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def reading_view_css() -> str:
    """The reading view's CSS, scoped to ``.framing-view`` (safe to embed in any page)."""
    return stylesheet("reading_view.css")


class ReadingView:
    """The rendered reading view: displays itself in Jupyter; ``.html`` is the HTML fragment."""

    def __init__(self, html_fragment: str) -> None:
        self.html = html_fragment

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def page(self, *, title: str = "framing: reading view") -> str:
        """A complete standalone HTML page holding the view (CSS inline, no scripts).

        Its Content-Security-Policy forbids scripts and every request (see
        :mod:`framing.report.safe`).
        """
        return (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{csp_meta("text")}'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_esc(title)}</title></head><body>{self.html}</body></html>"
        )


#: Speaker colours: Okabe-Ito (without black) first, then Paul Tol's "muted" colours, so the
#: speakers of one article stay apart even when it quotes many people.
SPEAKER_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#882255",
    "#117733",
    "#332288",
    "#999933",
    "#AA4499",
    "#44AA99",
    "#F0E442",
)


def _speaker_palette(quotes: pd.DataFrame | None) -> dict[tuple[str, str], str]:
    """A colour per (article, speaker).

    Speakers quoted in several articles keep one colour everywhere (most widely quoted first);
    the others take colours not yet used in their article, so no two speakers of an article
    share a colour until the palette runs out.
    """
    if quotes is None or quotes.empty or "speaker" not in quotes.columns:
        return {}
    rows = quotes.assign(
        article_id=quotes["article_id"].astype(str),
        speaker=quotes["speaker"].fillna("").astype(str).str.strip(),
    )
    rows = rows[rows["speaker"] != ""]
    stats = rows.groupby("speaker").agg(
        articles=("article_id", "nunique"), statements=("article_id", "size")
    )
    shared = [
        (-int(n_art), -int(n_st), str(name))
        for name, n_art, n_st in zip(
            stats.index, stats["articles"], stats["statements"], strict=True
        )
        if n_art > 1
    ]
    order = [name for *_, name in sorted(shared, key=lambda t: (t[0], t[1], t[2].casefold()))]
    fixed = dict(zip(order, SPEAKER_COLORS, strict=False))
    out: dict[tuple[str, str], str] = {}
    for aid, group in rows.groupby("article_id", sort=False):
        counts = group["speaker"].value_counts()
        speakers = sorted(counts.index, key=lambda s: (-int(counts[s]), s.casefold()))
        used = {fixed[s] for s in speakers if s in fixed}
        free = [c for c in SPEAKER_COLORS if c not in used]
        k = 0
        for speaker in speakers:
            if speaker in fixed:
                out[(str(aid), speaker)] = fixed[speaker]
            else:
                out[(str(aid), speaker)] = free[k % len(free)] if free else SPEAKER_COLORS[0]
                k += 1
    return out


def _global_key(has: dict[str, bool]) -> str:
    items = []
    if has.get("quote"):
        items.append(
            '<span><span class="fr-quote" style="background:rgba(0,114,178,.22);'
            'border-bottom-color:#0072B2">quoted words</span> (colour = speaker, grey = unknown)'
            "</span>"
        )
    for cat, (css, label) in _MARKER_STYLES.items():
        if has.get(cat):
            items.append(f'<span><span class="fr-mark {css}">{_esc(cat)}</span>: {label}</span>')
    if has.get("drivers"):
        items.append(
            '<span>sentiment drivers: <span class="fr-drv fr-pos">positive</span> / '
            '<span class="fr-drv fr-neg">negative</span> / '
            '<span class="fr-drv fr-dropped">not counted</span> (news-aware mode)</span>'
        )
    items.append("<span>hover over a mark to see what it is and why</span>")
    return f'<div class="fr-key">{"".join(items)}</div>'


_COMPUTE = {
    "quotes": ("framing.quotes", "quotes"),
    "markers": ("framing.markers", "markers"),
    "drivers": ("framing.sentiment", "sentiment_drivers"),
}


def _layer(
    name: str,
    given: pd.DataFrame | None,
    wanted: set[str],
    articles: pd.DataFrame,
    cols: dict[str, str],
) -> pd.DataFrame | None:
    """The table for one layer: as given, computed by the package's analysis, or none."""
    if name not in wanted:
        return None
    if given is not None:
        return given
    import importlib

    module, function = _COMPUTE[name]
    return getattr(importlib.import_module(module), function)(articles, **cols)


def show(
    articles: pd.DataFrame,
    *,
    outlets: Sequence[str] | None = None,
    quotes: pd.DataFrame | None = None,
    markers: pd.DataFrame | None = None,
    drivers: pd.DataFrame | None = None,
    annotate: bool = True,
    layers: Sequence[Layer] = ("quotes", "markers", "drivers"),
    style: OutletStyle | None = None,
    max_height: str | None = "36rem",
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
    title_col: str = "title",
    url_col: str = "url",
) -> ReadingView:
    """Show articles side by side with quotes, loaded words and sentiment drivers marked.

    Args:
        articles: The articles table (2 to 6 articles read best side by side).
        outlets: Only these outlets, in this order (default: all, in the style's order).
        quotes: A ``framing.quotes`` table to highlight (computed when omitted).
        markers: A ``framing.markers`` table (computed when omitted).
        drivers: A sentiment-drivers table with ``article_id, start, end, polarity`` and the
            word (computed when omitted).
        annotate: ``False`` shows the plain text only (for students reading before they see the
            evidence); the tables are then not computed.
        layers: Which marks to show: any of ``"quotes"``, ``"markers"``, ``"drivers"``
            (default all). Tables of layers left out are not computed.
        style: Outlet order and colours (default: from the articles table).
        max_height: CSS height at which each article scrolls (``None``: full length).
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.
        title_col: Column holding the headline, if the table has one.
        url_col: Column holding the article's address, if the table has one: shown under the
            headline, as a link only if it is an ``http``/``https`` URL.

    Returns:
        A :class:`ReadingView`; Jupyter renders it, ``.html`` is the fragment and ``.page()`` a
        standalone page. Every piece of article text and metadata is HTML-escaped.
    """
    table = articles
    if outlets is not None:
        chosen = [str(o) for o in outlets]
        table = table[table[outlet_col].astype(str).isin(chosen)]
        style = style or outlet_style(chosen, order=chosen)
    style = style or outlet_style(articles, outlet_col=outlet_col)
    wanted: set[str] = set(layers) if annotate else set()
    unknown = wanted - {"quotes", "markers", "drivers"}
    if unknown:
        raise ValueError(f"unknown layer {sorted(unknown)[0]!r}; use quotes, markers, drivers")
    cols = {"text_col": text_col, "id_col": id_col, "outlet_col": outlet_col}
    quotes = _layer("quotes", quotes, wanted, table, cols)
    markers = _layer("markers", markers, wanted, table, cols)
    drivers = _layer("drivers", drivers, wanted, table, cols)
    speaker_colors = _speaker_palette(quotes)
    rank = {o: i for i, o in enumerate(style.order)}
    records = table.to_dict("records")
    records.sort(key=lambda r: rank.get(str(r[outlet_col]), len(rank)))
    has: dict[str, bool] = {}
    cards = []
    for rec in records:
        text = str(rec[text_col])
        aid = str(rec[id_col])
        outlet = str(rec[outlet_col])
        q_rows = _rows_for(quotes, aid)
        m_rows = _rows_for(markers, aid)
        d_rows = _rows_for(drivers, aid)
        marks = [
            *_quote_marks(q_rows, len(text), speaker_colors),
            *_marker_marks(m_rows, len(text)),
            *_driver_marks(d_rows, len(text)),
        ]
        has["quote"] = has.get("quote", False) or bool(q_rows)
        has["drivers"] = has.get("drivers", False) or bool(d_rows)
        for row in m_rows:
            has[str(row.get("category"))] = True
        cards.append(
            _card(
                rec, text, aid, outlet, marks, q_rows, speaker_colors, style, (title_col, url_col)
            )
        )
    if max_height is not None and not re.fullmatch(r"\d+(?:\.\d+)?(?:rem|em|px|vh)", max_height):
        raise ValueError(f"max_height must be a CSS length such as '36rem', not {max_height!r}")
    scroll = " fr-scroll" if max_height else ""
    height = f' style="--fr-max-height:{_esc(max_height)}"' if max_height else ""
    key = _global_key(has) if annotate else ""
    fragment = (
        f"<style>{reading_view_css()}</style>"
        f'<div class="framing-view{scroll}"{height}>{key}'
        f'<div class="fr-grid">{"".join(cards)}</div></div>'
    )
    return ReadingView(fragment)


def _card(
    rec: Mapping[Any, Any],
    text: str,
    aid: str,
    outlet: str,
    marks: list[Mark],
    q_rows: list[dict[str, object]],
    speaker_colors: dict[tuple[str, str], str],
    style: OutletStyle,
    columns: tuple[str, str],
) -> str:
    title_col, url_col = columns
    title = rec.get(title_col)
    title_html = (
        f'<div class="fr-title">{_esc(title)}</div>'
        if title is not None and not _isna(title) and str(title).strip()
        else ""
    )
    url = rec.get(url_col)
    if url is not None and not _isna(url) and str(url).strip():
        title_html += f'<div class="fr-url">{link(str(url).strip())}</div>'
    n_words = len(text.split())
    meta = f"{bidi(aid)} · {n_words:,} words"
    # A quotation continued after "he said." is one statement (its row names what it continues).
    heads = [r for r in q_rows if not str(r.get("continues") or "").strip()]
    if heads:
        meta += f" · {len(heads)} attributed statement{'s' if len(heads) != 1 else ''}"
    speakers: dict[str, int] = {}
    for row in heads:
        sp = row.get("speaker")
        name = "" if sp is None or _isna(sp) else str(sp)
        speakers[name] = speakers.get(name, 0) + 1
    legend = ""
    if speakers:
        items = []
        for name, count in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0].casefold())):
            color = speaker_colors.get((aid, name), "#999999")
            items.append(
                f'<li><span class="fr-swatch" style="background:{color}"></span>'
                f"{bidi(name or 'unknown speaker')} ({count})</li>"
            )
        legend = (
            f'<div class="fr-legend">Who is quoted:<ul class="fr-speakers">{"".join(items)}'
            "</ul></div>"
        )
    return (
        f'<article class="fr-article" style="--outlet:{css_color(style.color(outlet))}">'
        f'<header class="fr-head"><div class="fr-outlet">{_esc(outlet)}</div>{title_html}'
        f'<div class="fr-meta">{meta}</div></header>'
        f'<div class="fr-body">{_render_text(text, marks)}</div>{legend}</article>'
    )
