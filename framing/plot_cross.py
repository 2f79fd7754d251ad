"""Plots for the cross-outlet views: the reuse heatmap and the coverage matrix.

Each takes a tidy table from :mod:`framing.reuse` or :mod:`framing.coverage` and an optional
``ax``, and returns the Axes; matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from framing.style import OutletStyle

__all__ = ["plot_coverage", "plot_reuse"]


def plot_reuse(
    table: pd.DataFrame,
    *,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Heatmap of a reuse matrix: the row outlet's share of words it shares with the column.

    Args:
        table: A :func:`framing.reuse.reuse_matrix` table (``outlet, other, share``).
        ax: Axes to draw on (default: a new figure).
        style: Outlet order (default: from the table).

    Returns:
        The Axes; each cell is labelled with its share in percent.
    """
    from framing.style import new_axes, outlet_style, projector_rc

    style = style or outlet_style(pd.concat([table["outlet"], table["other"]]))
    outlets = style.sort(pd.unique(pd.concat([table["outlet"], table["other"]])))
    n = len(outlets)
    grid = np.full((n, n), np.nan)
    index = {o: k for k, o in enumerate(outlets)}
    for o, p, share in zip(table["outlet"], table["other"], table["share"], strict=True):
        grid[index[o], index[p]] = share
    ax = new_axes(ax, width=1.3 * n + 3, height=1.0 * n + 2)
    with projector_rc():
        ax.imshow(grid, cmap="Oranges", vmin=0, vmax=max(0.05, float(np.nanmax(grid, initial=0))))
        for r in range(n):
            for c in range(n):
                if r != c and not np.isnan(grid[r, c]):
                    ax.text(c, r, f"{grid[r, c]:.0%}", ha="center", va="center", fontsize=10)
        ax.set_xticks(range(n), outlets, rotation=30, ha="right")
        ax.set_yticks(range(n), outlets)
        ax.set_xlabel("shared with")
        ax.set_ylabel("share of this outlet's words")
        ax.set_title("Text shared between outlets (copy and shared quotes)")
    return ax


def plot_coverage(
    table: pd.DataFrame,
    *,
    event: object = None,
    min_outlets: int = 1,
    top: int | None = 30,
    width: int = 70,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """The fact-by-outlet matrix: a dot where an outlet reports a fact, filled in its lede.

    Args:
        table: A :func:`framing.coverage.coverage` table.
        event: Show this event only (default: the first event of the table, if it has any).
        min_outlets: Leave out facts fewer outlets report (2 hides every exclusive detail).
        top: Show at most this many facts (those most outlets report first).
        width: Characters of the fact's label shown.
        ax: Axes to draw on (default: a new figure).
        style: Outlet order and colours (default: from the table).

    Returns:
        The Axes. Rows are facts (labelled by their central sentence), columns outlets; the
        dot's shade is the relative position of the outlet's first mention (dark = near the top).
    """
    from framing.style import new_axes, outlet_style, projector_rc

    if "event" in table.columns and len(table):
        chosen = table["event"].iloc[0] if event is None else event
        table = table[table["event"] == chosen]
    style = style or outlet_style(table["outlet"])
    outlets = style.sort(pd.unique(table["outlet"]))
    facts = table[table["n_outlets"] >= min_outlets]
    order = list(dict.fromkeys(facts["fact"]))[: top if top is not None else None]
    facts = facts[facts["fact"].isin(order)]
    labels = facts.drop_duplicates("fact").set_index("fact")["label"]
    ax = new_axes(ax, width=4 + 1.1 * len(outlets) + width / 12, height=1.5 + 0.32 * len(order))
    import matplotlib as mpl

    cmap = mpl.colormaps["viridis"]
    with projector_rc():
        col = {o: k for k, o in enumerate(outlets)}
        row = {f: k for k, f in enumerate(order)}
        first = facts.groupby(["fact", "outlet"]).agg(
            position=("position", "min"), lede=("lede", "any")
        )
        for fact, outlet, position, lede in zip(
            first.index.get_level_values("fact"),
            first.index.get_level_values("outlet"),
            first["position"],
            first["lede"],
            strict=True,
        ):
            color = cmap(0.85 * float(position))
            ax.scatter(
                col[outlet],
                row[fact],
                s=120,
                color=color if lede else "white",
                edgecolors=color,
                linewidths=2,
                zorder=3,
            )
        ax.set_xticks(range(len(outlets)), outlets, rotation=30, ha="right")
        ax.set_yticks(
            range(len(order)), [textwrap.shorten(str(labels[f]), width) for f in order], fontsize=9
        )
        ax.set_xlim(-0.5, len(outlets) - 0.5)
        ax.set_ylim(len(order) - 0.5, -0.5)
        ax.grid(True, color="0.9", zorder=0)
        ax.set_title("Who reports which fact (filled: in the lede; dark: near the top)")
        if not order:
            ax.text(0.5, 0.5, "no facts", ha="center", transform=ax.transAxes)
    return ax
