"""Plots that compare outlets: each takes a tidy table and an optional ``ax``, returns the Axes.

The word-choice plots (distinctive terms, the actor-by-outlet label table, marker rates) live in
:mod:`framing.plot_wording` and are re-exported here, so every plot is one import away.

Every plot puts outlets in one order with one colour each (see :mod:`framing.style`; pass the
same ``style=outlet_style(articles)`` to all of them), uses font sizes readable on a projector,
and titles that say what is compared. Nothing here changes matplotlib's global settings.

Example:
    >>> import framing
    >>> from framing.plotting import plot_outlets
    >>> ax = plot_outlets(framing.compare(articles), metric="polarity")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from framing.plot_wording import plot_distinctive_terms, plot_label_table, plot_marker_rates
from framing.quotes.verbs import STANCES
from framing.style import OutletStyle, category_colors, new_axes, outlet_style, projector_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "plot_distinctive_terms",
    "plot_label_table",
    "plot_marker_rates",
    "plot_outlets",
    "plot_verb_stance",
    "plot_voice_share",
    "statements",
]

_METRIC_LABELS = {
    "polarity": "polarity (-1 negative ... +1 positive)",
    "subjectivity": "subjectivity (0 factual ... 1 opinion)",
    "vader_compound": "VADER compound (-1 ... +1)",
}


_METRIC_NAMES = {"vader_compound": "VADER compound", "polarity_stock": "stock TextBlob polarity"}


def _by_outlet(table: pd.DataFrame, outlet_col: str = "outlet") -> pd.DataFrame:
    """``table`` with ``outlet`` as a column (it may arrive as the index)."""
    if outlet_col in table.columns:
        return table
    if table.index.name == outlet_col:
        return table.reset_index()
    raise KeyError(
        f"table has no column or index {outlet_col!r}; columns are {list(table.columns)}"
    )


def _metric_column(table: pd.DataFrame, metric: str) -> str:
    for name in (metric, f"mean_{metric}", f"{metric}_mean"):
        if name in table.columns:
            return name
    raise KeyError(f"no column {metric!r} in the comparison; columns are {list(table.columns)}")


def plot_outlets(
    comparison: pd.DataFrame,
    metric: str = "polarity",
    *,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Dot-and-interval plot of one headline metric per outlet.

    Args:
        comparison: One row per outlet (``outlet`` as column or index), e.g.
            ``framing.compare(articles)``. Interval bars come from ``{metric}_ci_low`` and
            ``{metric}_ci_high`` when present.
        metric: Column to plot, e.g. ``"polarity"``, ``"subjectivity"``, ``"vader_compound"``.
        ax: Axes to draw into; a new figure is made when omitted.
        style: Outlet order and colours (default: built from the table's outlets).

    Returns:
        The Axes. Outlets run top to bottom in the style's order; a dashed line marks zero
        when the scale includes it.

    Reading the numbers:
        The dot is the outlet's mean; the bar its 95% bootstrap interval over sentences; a
        hollow dot marks an outlet flagged ``too_little_text`` by the comparison. Bars
        that overlap widely mean the data cannot tell the outlets apart; with one article per
        outlet, even separated bars describe those articles, not the outlets in general.
    """
    table = _by_outlet(comparison)
    col = _metric_column(table, metric)
    style = style or outlet_style(table)
    table = table.assign(outlet=table["outlet"].astype(str)).set_index("outlet")
    outlets = [o for o in style.sort(table.index) if o in table.index]
    lo_col, hi_col = f"{metric}_ci_low", f"{metric}_ci_high"
    has_ci = lo_col in table.columns and hi_col in table.columns
    flagged = 0
    with projector_rc():
        ax = new_axes(ax, width=8, height=1.2 + 0.6 * max(len(outlets), 1))
        for y, outlet in enumerate(outlets):
            row = table.loc[outlet]
            if isinstance(row, pd.DataFrame):  # the same outlet twice: keep the first row
                row = row.iloc[0]
            value = float(row[col])
            color = style.color(outlet)
            if has_ci and not (pd.isna(row[lo_col]) or pd.isna(row[hi_col])):
                ax.hlines(y, float(row[lo_col]), float(row[hi_col]), color=color, linewidth=3)
            thin = bool(row.get("too_little_text", False)) if hasattr(row, "get") else False
            ax.plot(
                value,
                y,
                marker=style.marker(outlet),
                markersize=11,
                color=color,
                markerfacecolor="white" if thin else color,
                markeredgewidth=2.5,
                zorder=3,
            )
            flagged += thin
        ax.set_yticks(range(len(outlets)), outlets)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        xmin, xmax = ax.get_xlim()
        if xmin < 0 < xmax:
            ax.axvline(0, color="#666666", linestyle="--", linewidth=1, zorder=1)
        ax.set_xlabel(_METRIC_LABELS.get(metric, metric))
        interval = " with 95% intervals" if has_ci else ""
        name = _METRIC_NAMES.get(metric, metric.replace("_", " "))
        ax.set_title(f"Mean {name} by outlet{interval}")
        ax.grid(axis="x", alpha=0.3)
        if flagged:
            ax.annotate(
                "hollow dot: too little text for a stable estimate",
                xy=(1, 0),
                xycoords="axes fraction",
                xytext=(0, -38),
                textcoords="offset points",
                ha="right",
                va="top",
                fontsize=10,
                color="#555555",
            )
    return ax


def _share_table(
    table: pd.DataFrame,
    by: str,
    *,
    weight: str | None,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Outlet x category table of shares (rows sum to 1), from rows or from a weight column."""
    table = _by_outlet(table)
    if by not in table.columns:
        raise KeyError(f"no column {by!r} in the table; columns are {list(table.columns)}")
    values = table[by].astype("string").fillna("unknown").replace("", "unknown")
    frame = pd.DataFrame({"outlet": table["outlet"].astype(str), by: values})
    frame["w"] = 1.0 if weight is None else pd.to_numeric(table[weight]).to_numpy(dtype=float)
    counts = frame.pivot_table(index="outlet", columns=by, values="w", aggfunc="sum", fill_value=0)
    if categories is not None:
        counts = counts.reindex(columns=list(categories), fill_value=0)
    else:
        order = counts.sum().sort_values(ascending=False).index.tolist()
        tail = [c for c in order if str(c).lower() in {"unknown", "other"}]
        counts = counts[[c for c in order if c not in tail] + tail]
    totals = counts.sum(axis=1).replace(0, np.nan)
    return counts.div(totals, axis=0).fillna(0.0)


def _ink_on(hex_color: str) -> str:
    """Black or white, whichever reads better on ``hex_color`` (WCAG relative luminance)."""
    rgb = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "black" if lum > 0.179 else "white"


def _stacked_bars(
    shares: pd.DataFrame,
    *,
    ax: Axes | None,
    style: OutletStyle,
    title: str,
    xlabel: str,
    legend_title: str,
    colors: dict[str, str] | None = None,
) -> Axes:
    outlets = [o for o in style.sort(shares.index) if o in shares.index]
    shares = shares.loc[outlets]
    colors = colors or category_colors(shares.columns)
    with projector_rc():
        ax = new_axes(ax, width=10, height=1.6 + 0.65 * max(len(outlets), 1))
        left = np.zeros(len(outlets))
        for cat in shares.columns:
            widths = shares[cat].to_numpy(dtype=float)
            bars = ax.barh(
                outlets,
                widths,
                left=left,
                color=colors.get(cat, "#BBBBBB"),
                label=str(cat),
                edgecolor="white",
                linewidth=1,
            )
            labels = [f"{w:.0%}" if w >= 0.08 else "" for w in widths]
            ink = _ink_on(colors.get(cat, "#BBBBBB"))
            ax.bar_label(bars, labels=labels, label_type="center", fontsize=11, color=ink)
            left += widths
        ax.set_xlim(0, 1)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(title=legend_title, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return ax


def statements(table: pd.DataFrame) -> pd.DataFrame:
    """Quote rows without continuation rows (a quotation continued after "he said." is one
    statement; ``framing.quotes`` links the continuation through ``continues``)."""
    if "continues" not in table.columns:
        return table
    cont = table["continues"].fillna("").astype(str)
    return table[cont == ""]


def plot_voice_share(
    table: pd.DataFrame,
    *,
    by: str = "speaker_type",
    weight: Literal["statements", "words"] = "statements",
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Stacked bars: how each outlet's attributed statements split across kinds of source.

    Args:
        table: Either ``framing.voices(quotes)`` (one row per outlet and speaker, with
            ``statements``, ``quoted_words``, ``speaker_type`` and ``affiliation``), or
            ``framing.quotes(articles)`` (one row per statement; continuation rows are
            folded into the statement they continue).
        by: Column whose values make the stacks: ``"speaker_type"``, ``"affiliation"``,
            ``"speaker"``, ...
        weight: ``"statements"`` or ``"words"`` (words inside quotation marks: the
            ``quoted_words`` column of a voices table; for a quotes table, the words of
            direct and partial quotes).
        ax: Axes to draw into; a new figure is made when omitted.
        style: Outlet order and colours (default: built from the table's outlets).

    Returns:
        The Axes: one bar per outlet, summing to 100%, stacks largest-overall first, with
        ``unknown`` last and grey.

    Reading the numbers:
        Shares, not counts: an outlet with two statements and one with twenty both fill the
        bar. The percentages printed on the bars hide segments under 8%.
    """
    table = _by_outlet(table)
    if "statements" in table.columns:  # a voices table: one row per outlet and speaker
        wcol = "quoted_words" if weight == "words" else "statements"
    else:
        table = statements(table)
        wcol = None
        if weight == "words":
            kinds = table["kind"] if "kind" in table else pd.Series("direct", index=table.index)
            words = [
                len(str(q).split()) if k in ("direct", "partial") else 0
                for q, k in zip(table["quote"].fillna(""), kinds, strict=True)
            ]
            table = table.assign(words=words)
            wcol = "words"
    shares = _share_table(table, by, weight=wcol)
    what = "quoted words" if weight == "words" else "attributed statements"
    label = by.replace("_", " ")
    return _stacked_bars(
        shares,
        ax=ax,
        style=style or outlet_style(table),
        title=f"Share of {what} by {label}, per outlet",
        xlabel=f"share of the outlet's {what}",
        legend_title=label,
    )


#: Reporting-verb stances (``framing/lexicons/reporting_verbs.tsv``) in display order: neutral
#: first, then the stances that characterise what is reported.
STANCE_ORDER = (*STANCES, "other", "unknown")


def plot_verb_stance(
    quotes: pd.DataFrame,
    *,
    stance_col: str = "verb_stance",
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Stacked bars: the mix of reporting-verb stances each outlet uses to introduce sources.

    Args:
        quotes: One row per attributed statement with ``outlet`` and ``verb_stance``, e.g.
            ``framing.quotes(articles)``.
        stance_col: Column holding the stance of the reporting verb.
        ax: Axes to draw into; a new figure is made when omitted.
        style: Outlet order and colours (default: built from the table's outlets).

    Returns:
        The Axes: one bar per outlet summing to 100%; ``neutral`` (said, told) first.

    Reading the numbers:
        "said" is the newsroom default; a large non-neutral share ("claimed", "admitted",
        "slammed") means the outlet characterises statements as it reports them.
    """
    table = statements(_by_outlet(quotes))
    present = table[stance_col].astype("string").fillna("unknown").replace("", "unknown")
    known = [s for s in STANCE_ORDER if s in set(present)]
    extra = sorted(set(present) - set(STANCE_ORDER))
    cats = [c for c in known if c not in {"other", "unknown"}] + extra
    cats += [c for c in ("other", "unknown") if c in known]
    shares = _share_table(table, stance_col, weight=None, categories=cats)
    colors = category_colors(cats)
    if "neutral" in colors:
        colors.update(category_colors([c for c in cats if c != "neutral"]))
        colors["neutral"] = "#DDDDDD"
    if "unknown" in colors:
        colors["unknown"] = "#777777"
    return _stacked_bars(
        shares,
        ax=ax,
        style=style or outlet_style(table),
        title="Reporting-verb stance mix, per outlet",
        xlabel="share of the outlet's attributed statements",
        legend_title="verb stance",
        colors=colors,
    )
