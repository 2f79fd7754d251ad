"""Agency plot: per outlet, the forms its violent events take; or per actor, agent vs patient."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from framing.agency.forms import FORMS
from framing.agency.table import agency_roles
from framing.style import OutletStyle, new_axes, outlet_style, projector_rc

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["FORM_COLORS", "plot_agency"]

#: One colour per form (colour-blind safe, Paul Tol's "bright"); agent-hiding forms are warm.
FORM_COLORS = {
    "active": "#4477AA",
    "passive_agent": "#66CCEE",
    "passive_agentless": "#EE6677",
    "nominalisation": "#CCBB44",
    "intransitive": "#AA3377",
}
_FORM_LABELS = {
    "active": "active",
    "passive_agent": "passive + by",
    "passive_agentless": "agentless passive",
    "nominalisation": "nominalisation",
    "intransitive": "intransitive",
}


def plot_agency(
    table: pd.DataFrame,
    *,
    kind: Literal["forms", "roles"] = "forms",
    violent_only: bool = True,
    top: int = 8,
    ax: Axes | None = None,
    style: OutletStyle | None = None,
) -> Axes:
    """Bars of agency: how each outlet tells violent events, or who acts and who is acted on.

    Args:
        table: From :func:`framing.agency.agency` (one row per event mention).
        kind: ``"forms"``: one stacked bar per outlet, the share of each form among its
            (violent) event mentions, the count printed after the bar; ``"roles"``: for the
            ``top`` actors, one pair of bars per (actor, outlet): times as agent (solid) and
            as patient (hatched). ``roles`` uses ``agent_actor``/``patient_actor`` when the
            table was made with ``actors=``, else the phrases as written.
        violent_only: Only mentions with ``violent`` true.
        top: Number of actors shown with ``kind="roles"`` (most mentioned first).
        ax: Axes to draw into; a new figure is made when omitted.
        style: Outlet order and colours (default: built from the table's outlets).

    Returns:
        The Axes.

    Reading the numbers:
        Warm colours (agentless passive, nominalisation, intransitive) are the forms that can
        leave the doer unsaid; a nominalisation may still carry an agent ("a US airstrike"):
        see ``agency_summary(...).share_agentless`` for mentions that name none. The count
        next to each bar says how few mentions a share may rest on.
    """
    if kind == "roles":
        return _plot_roles(table, violent_only=violent_only, top=top, ax=ax, style=style)
    if kind != "forms":
        raise ValueError(f"kind must be 'forms' or 'roles', not {kind!r}")
    rows = table[table["violent"]] if violent_only and len(table) else table
    style = style or outlet_style(table)
    counts = pd.crosstab(rows["outlet"], rows["form"]) if len(rows) else pd.DataFrame()
    outlets = [o for o in style.sort(counts.index) if o in counts.index]
    counts = counts.reindex(index=outlets, columns=list(FORMS), fill_value=0)
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0).fillna(0.0)
    with projector_rc():
        ax = new_axes(ax, width=10, height=1.6 + 0.65 * max(len(outlets), 1))
        left = np.zeros(len(outlets))
        for form in FORMS:
            widths = shares[form].to_numpy(dtype=float)
            bars = ax.barh(
                outlets,
                widths,
                left=left,
                color=FORM_COLORS[form],
                label=_FORM_LABELS[form],
                edgecolor="white",
                linewidth=1,
            )
            ax.bar_label(
                bars,
                labels=[f"{w:.0%}" if w >= 0.08 else "" for w in widths],
                label_type="center",
                fontsize=11,
            )
            left += widths
        for y, n in enumerate(totals):
            ax.text(1.01, y, f"n={n}", va="center", fontsize=11)
        ax.set_xlim(0, 1)
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
        what = "violent event mentions" if violent_only else "event mentions"
        ax.set_xlabel(f"share of the outlet's {what}")
        ax.set_title(f"How each outlet tells {what}: grammatical form")
        ax.legend(title="form", loc="upper left", bbox_to_anchor=(1.08, 1), frameon=False)
    return ax


def _plot_roles(
    table: pd.DataFrame,
    *,
    violent_only: bool,
    top: int,
    ax: Axes | None,
    style: OutletStyle | None,
) -> Axes:
    has_actors = (
        "agent_actor" in table
        and len(table)
        and ((table["agent_actor"] != "") | (table["patient_actor"] != "")).any()
    )
    roles = agency_roles(table, by="actor" if has_actors else "phrase", violent_only=violent_only)
    style = style or outlet_style(table)
    totals = (roles["as_agent"] + roles["as_patient"]).groupby(roles["actor"]).sum()
    actors = list(totals.sort_values(ascending=False, kind="stable").index[:top])
    outlets = [o for o in style.sort(roles["outlet"].unique()) if o in set(roles["outlet"])]
    lookup = roles.set_index(["actor", "outlet"])
    with projector_rc():
        ax = new_axes(ax, width=10, height=1.6 + 0.5 * max(len(actors) * len(outlets), 1) / 2)
        height = 0.8 / max(len(outlets), 1)
        for n, outlet in enumerate(outlets):
            ys = np.arange(len(actors)) + n * height
            agent = [_count(lookup, a, outlet, "as_agent") for a in actors]
            patient = [_count(lookup, a, outlet, "as_patient") for a in actors]
            color = style.color(outlet)
            ax.barh(ys, agent, height=height, color=color, label=f"{outlet}: agent")
            ax.barh(
                ys,
                [-p for p in patient],
                height=height,
                color="white",
                edgecolor=color,
                hatch="//",
                label=f"{outlet}: patient",
            )
        ax.set_yticks(np.arange(len(actors)) + 0.4 - height / 2, labels=actors)
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.8)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(v):.0f}")
        ax.set_xlabel("<- times as patient (hatched)  |  times as agent (solid) ->")
        ax.set_title("Who acts and who is acted on, per outlet")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
    return ax


def _count(lookup: pd.DataFrame, actor: str, outlet: str, column: str) -> int:
    key = (actor, outlet)
    return int(lookup.loc[key, column]) if key in lookup.index else 0  # type: ignore[arg-type]
