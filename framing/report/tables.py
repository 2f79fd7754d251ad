"""HTML tables for the report: escaped, numbers formatted, the comparison made readable."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from framing.report.safe import esc as _esc

__all__ = ["OVERVIEW_LABELS", "html_table", "overview_table"]


def html_table(table: pd.DataFrame, *, digits: int = 2, max_rows: int | None = 60) -> str:
    """An escaped HTML table; numbers right-aligned and rounded."""
    if table is None or table.empty:
        return '<p class="empty">Nothing found.</p>'
    shown = table if max_rows is None else table.head(max_rows)
    head = "".join(
        f'<th class="{"num" if pd.api.types.is_numeric_dtype(shown[c]) else ""}">{_esc(c)}</th>'
        for c in shown.columns
    )
    rows = []
    for rec in shown.itertuples(index=False):
        cells = []
        for col, value in zip(shown.columns, rec, strict=True):
            numeric = pd.api.types.is_numeric_dtype(shown[col]) and not isinstance(value, bool)
            cells.append(f'<td class="{"num" if numeric else ""}">{_esc(_fmt(value, digits))}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    more = ""
    if max_rows is not None and len(table) > max_rows:
        more = f'<p class="howto">First {max_rows} of {len(table):,} rows.</p>'
    return (
        f'<div class="table-wrap"><table class="data"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{more}"
    )


def _fmt(value: Any, digits: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) >= 100:
            return f"{value:,.0f}"
        text = f"{value:.{digits}f}"
        return text.removeprefix("-") if float(text) == 0 else text  # no "-0.00"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


#: Readable names for the comparison's columns, in display order.
OVERVIEW_LABELS = {
    "articles": "articles",
    "words": "words",
    "sentences": "sentences",
    "polarity": "polarity (news-aware TextBlob)",
    "subjectivity": "subjectivity (news-aware TextBlob)",
    "vader_compound": "VADER compound",
    "polarity_stock": "polarity (stock TextBlob)",
    "subjectivity_stock": "subjectivity (stock TextBlob)",
    "polarity_own": "polarity of the outlet's own narration",
    "polarity_quoted": "polarity inside quotations",
    "subjectivity_own": "subjectivity of the outlet's own narration",
    "subjectivity_quoted": "subjectivity inside quotations",
    "vader_compound_own": "VADER compound of the outlet's own sentences",
    "vader_compound_quoted": "VADER compound of quoted sentences",
    "sentences_quoted": "sentences mostly quoted",
    "too_little_text": "too little text for a stable estimate",
    "statements_per_1000_words": "attributed statements per 1,000 words",
    "share_direct": "share of statements quoted directly",
    "share_anonymous": "share from anonymous or unnamed sources",
    "share_non_neutral_verbs": "share with a non-neutral reporting verb",
    "top_voice": "most-quoted voice",
    "words_own": "words in the outlet's own voice",
    "words_quoted": "words inside quotations",
    "loaded_per_1k": "loaded words per 1,000",
    "distancing_per_1k": "distancing words per 1,000",
    "loaded_per_1k_quoted": "loaded words per 1,000 quoted (from 200 quoted words)",
    "distancing_per_1k_quoted": "distancing words per 1,000 quoted (from 200 quoted words)",
    "hedge_per_1k": "hedges per 1,000",
    "intensifier_per_1k": "intensifiers per 1,000",
    "top_terms": "most distinctive terms",
}


def overview_table(comparison: pd.DataFrame, *, max_outlets: int = 8) -> pd.DataFrame:
    """The comparison for reading: one row per measure, one column per outlet, values as text.

    Intervals are folded into their measure ("0.04 [-0.01, 0.09]"), shares shown as
    percentages. With more than ``max_outlets`` outlets the table keeps one row per outlet.

    Args:
        comparison: ``framing.compare()`` output (one row per outlet).
        max_outlets: Most outlets to show as columns.

    Returns:
        Columns ``measure`` then one per outlet (or the comparison, formatted, if wider).
    """
    if comparison.empty:
        return comparison
    table = comparison.set_index("outlet") if "outlet" in comparison.columns else comparison
    cols = [c for c in table.columns if not c.endswith(("_ci_low", "_ci_high"))]
    ordered = [c for c in OVERVIEW_LABELS if c in cols] + [
        c for c in cols if c not in OVERVIEW_LABELS
    ]
    cells = {
        OVERVIEW_LABELS.get(c, c.replace("_", " ")): [
            _cell(table, outlet, c) for outlet in table.index
        ]
        for c in ordered
    }
    wide = pd.DataFrame(cells, index=[str(o) for o in table.index])
    if len(wide) > max_outlets:
        return wide.rename_axis("outlet").reset_index()
    long = wide.T
    long.index.name = "measure"
    return long.reset_index()


def _cell(table: pd.DataFrame, outlet: Any, col: str) -> str:
    value = table.at[outlet, col]
    if isinstance(value, (bool, np.bool_)):
        return "yes" if bool(value) else "no"
    if col.startswith("share_") and isinstance(value, float) and value == value:
        return f"{value:.0%}"
    text = _fmt(value, 1 if "_per_1k" in col or "per_1000" in col else 2)
    lo, hi = f"{col}_ci_low", f"{col}_ci_high"
    if lo in table.columns and hi in table.columns and text:
        text += f" [{_fmt(table.at[outlet, lo], 2)}, {_fmt(table.at[outlet, hi], 2)}]"
    return text
