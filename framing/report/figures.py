"""Figures for the report: drawn without pyplot, inlined as SVG images."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

import pandas as pd

from framing.report.safe import esc as _esc
from framing.style import OutletStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["TOP_TERMS", "figure_html"]

#: Terms per outlet in the report's distinctive-terms figure and table.
TOP_TERMS = 6


def figure_html(
    draw: Callable[[Axes], object], *, alt: str, width: float = 10, height: float = 5
) -> str:
    """Draw a plot on a fresh figure and return it as an inline ``<img>`` (SVG data URI).

    The figure is made without pyplot (no global state) and closed afterwards. An SVG inside
    an ``<img>`` cannot run scripts or fetch anything, whatever text it holds.

    Args:
        draw: Called with the Axes to draw on (e.g. ``lambda ax: plot_outlets(t, ax=ax)``).
        alt: Text alternative describing the figure.
        width: Figure width in inches.
        height: Figure height in inches.
    """
    from matplotlib.figure import Figure

    from framing.style import projector_rc

    with projector_rc():
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
        draw(ax)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return f'<img class="figure" alt="{_esc(alt)}" src="data:image/svg+xml;base64,{data}">'


def _safe_figure(
    draw: Callable[[Axes], object], *, alt: str, height: float = 5, width: float = 8
) -> str:
    """A figure, or a short note if the table it needs is empty."""
    try:
        return figure_html(draw, alt=alt, height=height, width=width)
    except (KeyError, ValueError) as err:
        return f'<p class="empty">Figure not drawn: {_esc(err)}</p>'


def _draw_outlets(comparison: pd.DataFrame, metric: str, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plotting import plot_outlets

    return plot_outlets(comparison, metric, ax=ax, style=style)


def _draw_terms(terms: pd.DataFrame, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plotting import plot_distinctive_terms

    return plot_distinctive_terms(terms, top=TOP_TERMS, ax=ax, style=style)


def _draw_voices(voices: pd.DataFrame, by: str, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plotting import plot_voice_share

    return plot_voice_share(voices, by=by, ax=ax, style=style)


def _draw_stance(quotes: pd.DataFrame, style: OutletStyle, ax: Axes) -> Axes:
    from framing.plotting import plot_verb_stance

    return plot_verb_stance(quotes, ax=ax, style=style)
