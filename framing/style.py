"""One outlet order and one colour per outlet, shared by the plots, the report and the reading view.

Plots take an optional ``style``: build it once from the articles table with
:func:`outlet_style` and pass it to each plot, so an outlet keeps its colour and place in every
figure of a notebook even when one table lacks an outlet (an outlet that quotes nobody, say).
Without it, each plot builds a style from the outlets in its own table, in the same default order
(alphabetical, case-insensitive), so figures still agree whenever the tables share their outlets.

The palette is Okabe & Ito's eight colours, chosen to stay distinguishable with the common forms
of colour-vision deficiency. Nothing here touches matplotlib's global ``rcParams``: plot functions
use :func:`projector_rc` as a context manager around their own drawing only.

References:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "OKABE_ITO",
    "OutletStyle",
    "category_colors",
    "new_axes",
    "outlet_style",
    "projector_rc",
    "stylesheet",
]

#: Okabe-Ito colours, most distinct first (black is kept last: it reads as "text", not "outlet").
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)

# Beyond eight outlets, colours repeat; these marker shapes keep repeated colours apart.
_MARKERS = ("o", "s", "D", "^", "v", "P", "X", "h")

# Font sizes that stay readable on a classroom projector (about 1.5x matplotlib's defaults).
_PROJECTOR_RC: dict[str, Any] = {
    "font.size": 13,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 11,
    "legend.title_fontsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.fonttype": "none",
    # Ids in SVG output from a fixed salt instead of a random one: same figure, same bytes
    # (the report is byte-identical across runs; see tests/test_determinism.py).
    "svg.hashsalt": "framing",
}


@dataclass(frozen=True)
class OutletStyle:
    """Display order, colours and markers for a set of outlets.

    Attributes:
        order: Outlets in display order (top to bottom in horizontal plots, left to right in
            tables).
        colors: Outlet -> hex colour.
        markers: Outlet -> matplotlib marker (differs where colours repeat past eight outlets).
    """

    order: tuple[str, ...]
    colors: Mapping[str, str] = field(default_factory=dict)
    markers: Mapping[str, str] = field(default_factory=dict)

    def color(self, outlet: str) -> str:
        """Colour of ``outlet``; grey for an outlet this style does not know."""
        return self.colors.get(outlet, "#808080")

    def marker(self, outlet: str) -> str:
        """Marker of ``outlet``; a circle for an outlet this style does not know."""
        return self.markers.get(outlet, "o")

    def sort(self, outlets: Iterable[str]) -> list[str]:
        """``outlets`` in this style's order; unknown outlets follow, alphabetically."""
        wanted = list(dict.fromkeys(str(o) for o in outlets))
        rank = {o: i for i, o in enumerate(self.order)}
        known = sorted((o for o in wanted if o in rank), key=rank.__getitem__)
        return known + sorted((o for o in wanted if o not in rank), key=str.casefold)


def outlet_style(
    outlets: pd.DataFrame | pd.Series | Iterable[str],
    *,
    order: Sequence[str] | None = None,
    outlet_col: str = "outlet",
) -> OutletStyle:
    """Build the one outlet order and palette used across a notebook or report.

    Args:
        outlets: An articles table (or any table with an ``outlet`` column or index), a Series,
            or the outlet names themselves.
        order: Your own display order; outlets not in it follow alphabetically.
        outlet_col: Column holding the outlet name when ``outlets`` is a table.

    Returns:
        An :class:`OutletStyle`; colours follow the order through the Okabe-Ito palette.

    Example:
        >>> s = outlet_style(["Xinhua", "Rudaw", "China Daily"])
        >>> s.order
        ('China Daily', 'Rudaw', 'Xinhua')
        >>> s.color("China Daily")
        '#0072B2'
    """
    names = _outlet_names(outlets, outlet_col=outlet_col)
    given = [str(o) for o in order] if order is not None else []
    rest = sorted((o for o in dict.fromkeys(names) if o not in set(given)), key=str.casefold)
    full = tuple(dict.fromkeys([*given, *rest]))
    colors = {o: OKABE_ITO[i % len(OKABE_ITO)] for i, o in enumerate(full)}
    markers = {o: _MARKERS[(i // len(OKABE_ITO)) % len(_MARKERS)] for i, o in enumerate(full)}
    return OutletStyle(order=full, colors=colors, markers=markers)


def _outlet_names(
    outlets: pd.DataFrame | pd.Series | Iterable[str], *, outlet_col: str = "outlet"
) -> list[str]:
    if isinstance(outlets, pd.DataFrame):
        if outlet_col in outlets.columns:
            values: Iterable[Any] = outlets[outlet_col]
        elif outlets.index.name == outlet_col:
            values = outlets.index
        else:
            raise KeyError(
                f"table has no column or index {outlet_col!r}; columns are {list(outlets.columns)}"
            )
    else:
        values = outlets
    return [str(v) for v in values if not pd.isna(v)]


def category_colors(categories: Iterable[str]) -> dict[str, str]:
    """Colours for the stacks of a stacked bar (speaker types, verb stances, ...).

    Categories take Okabe-Ito colours in the order given; ``unknown`` and ``other`` are grey so
    they recede.
    """
    out: dict[str, str] = {}
    i = 0
    for cat in dict.fromkeys(categories):
        if str(cat).lower() in {"unknown", "other", "none", ""}:
            out[cat] = "#BBBBBB"
        else:
            out[cat] = OKABE_ITO[i % len(OKABE_ITO)]
            i += 1
    return out


def new_axes(ax: Axes | None, *, width: float, height: float) -> Axes:
    """Return ``ax``, or the Axes of a new pyplot figure of the given size (in inches).

    Every plot function takes an optional ``ax``; this is the one place that makes a figure
    when none is given, importing pyplot only then (``import framing`` stays light).
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=(width, height), layout="constrained")
    return new


@contextmanager
def projector_rc() -> Iterator[None]:
    """Temporarily set font sizes readable at projector size (restored on exit)."""
    import matplotlib as mpl

    # Only the keys set here are restored: matplotlib's rc_context restores every key, which
    # undoes what importing pyplot inside the block did (IPython's inline backend switches
    # interactive mode on there, and later figures would no longer be shown).
    params = cast("MutableMapping[str, Any]", mpl.rcParams)
    saved = {key: params[key] for key in _PROJECTOR_RC}
    try:
        params.update(_PROJECTOR_RC)
        yield
    finally:
        params.update(saved)


def stylesheet(name: str) -> str:
    """The CSS file ``framing/templates/<name>`` (reading view, report, handout)."""
    from importlib import resources

    return resources.files("framing").joinpath("templates", name).read_text(encoding="utf-8")
