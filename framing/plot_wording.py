"""Plots for word choice: distinctive terms, actor labels and marker rates.

Each takes a tidy table from :mod:`framing.terms`, :mod:`framing.labels` or
:mod:`framing.markers` and an optional ``ax``, and returns the Axes. Outlets keep the colours and
order of :func:`framing.style.outlet_style` (pass the same ``style`` to every plot).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.labels import label_table
from framing.style import OutletStyle, new_axes, outlet_style, projector_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_distinctive_terms", "plot_label_table", "plot_marker_rates"]


def plot_distinctive_terms(
    table: pd.DataFrame,
    *,
    outlet: str | None = None,
    top: int = 10,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Bar chart of the most distinctive terms (highest ``z``) per outlet.

    Args:
        table: A :func:`framing.word_choice` table.
        outlet: Show only this outlet (default: every outlet, one block each).
        top: Terms per outlet.
        ax: Axes to draw on (default: a new figure).
        style: Outlet order and colours (default: from the table).

    Returns:
        The Axes. Each bar is labelled with the term's count in the outlet and in the rest.
    """
    group_col = "outlet" if "outlet" in table.columns else table.columns[0]
    style = style or outlet_style(table[group_col])
    data = table[table["z"] > 0]
    if outlet is not None:
        data = data[data[group_col] == outlet]
    outlets = style.sort(data[group_col].unique())
    blocks = [data[data[group_col] == o].nlargest(top, "z") for o in outlets]
    n_rows = sum(len(b) for b in blocks) + max(len(blocks) - 1, 0)
    ax = new_axes(ax, width=9, height=max(2.5, 0.32 * n_rows + 1.2))
    with projector_rc():
        y = 0
        ticks, names = [], []
        for o, block in zip(outlets, blocks, strict=True):
            for _, row in block.iterrows():
                ax.barh(y, row["z"], color=style.color(o))
                ax.text(
                    row["z"],
                    y,
                    f"  {int(row['count'])} vs {int(row['count_rest'])}",
                    va="center",
                    fontsize=10,
                )
                ticks.append(y)
                names.append(f"{o}: {row['term']}" if outlet is None else str(row["term"]))
                y += 1
            y += 1
        ax.set_yticks(ticks, names)
        ax.invert_yaxis()
        ax.set_xlabel("z (weighted log-odds / its std. error; counts: outlet vs rest)")
        who = outlet if outlet is not None else "each outlet"
        ax.set_title(f"Words {who} uses more than the other outlets")
        if not ticks:
            ax.text(0.5, 0.5, "no distinctive terms", ha="center", transform=ax.transAxes)
    return ax


def plot_label_table(
    table: pd.DataFrame,
    *,
    actors: Sequence[str] | None = None,
    per_cell: int = 2,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Actor by outlet grid: the labels each outlet uses, shaded by number of mentions.

    Args:
        table: A :func:`framing.labels` table.
        actors: Actors to show, in this order (default: all, in first-seen order).
        per_cell: Distinct labels written per cell (most frequent first).
        ax: Axes to draw on (default: a new figure).
        style: Outlet order (default: from the table).

    Returns:
        The Axes.
    """
    style = style or outlet_style(table["outlet"])
    if actors is not None:
        table = table[table["actor"].isin(actors)]
    cells = label_table(table, per_cell=per_cell)
    rows = list(actors) if actors is not None else list(cells.index)
    rows = [a for a in rows if a in cells.index]
    cols = style.sort(cells.columns)
    cells = cells.reindex(index=rows, columns=cols, fill_value="")
    counts = (
        table.groupby(["actor", "outlet"])
        .size()
        .unstack(fill_value=0)
        .reindex(index=rows, columns=cols, fill_value=0)
    )
    ax = new_axes(ax, width=max(6.0, 2.6 * len(cols) + 2), height=max(2.5, 1.0 * len(rows) + 1))
    with projector_rc():
        values = counts.to_numpy(dtype=float)
        ax.imshow(values, cmap="Blues", aspect="auto", vmin=0, vmax=max(values.max(), 1) * 1.6)
        for i in range(len(rows)):
            for j in range(len(cols)):
                text = "\n".join(textwrap.wrap(str(cells.iat[i, j]), width=24)) or "-"
                ax.text(j, i, text, ha="center", va="center", fontsize=9)
        ax.set_xticks(range(len(cols)), cols)
        ax.set_yticks(range(len(rows)), rows)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_title("How each outlet labels the same actors (shade: number of mentions)")
    return ax


def plot_marker_rates(
    rates: pd.DataFrame,
    *,
    categories: Sequence[str] = ("loaded", "distancing", "hedge"),
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Grouped bars: own-voice markers per 1,000 words, per outlet and category.

    Args:
        rates: A :func:`framing.markers.marker_rates` table.
        categories: Which categories to show.
        ax: Axes to draw on (default: a new figure).
        style: Outlet order and colours (default: from the table).

    Returns:
        The Axes.
    """
    style = style or outlet_style(rates["outlet"])
    outlets = style.sort(rates["outlet"])
    data = rates.set_index("outlet").reindex(outlets)
    ax = new_axes(ax, width=9, height=max(3.0, 0.5 * len(outlets) * len(categories) / 2 + 1.5))
    with projector_rc():
        height = 0.8 / max(len(outlets), 1)
        base = np.arange(len(categories), dtype=float)
        for k, o in enumerate(outlets):
            values = [float(data.loc[o, f"{c}_per_1k"]) for c in categories]  # type: ignore[arg-type]
            ax.barh(base + k * height, values, height=height, color=style.color(o), label=o)
        ax.set_yticks(base + height * (len(outlets) - 1) / 2, list(categories))
        ax.invert_yaxis()
        ax.set_xlabel("markers per 1,000 words of the outlet's own voice")
        ax.set_title("Loaded, distancing and hedging words in each outlet's own voice")
        ax.legend(loc="lower right", frameon=False)
    return ax
