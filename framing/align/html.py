"""The quote-variant table as a self-contained HTML fragment (notebook and report)."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["QuoteVariantsHTML", "quote_variants_html"]

_CSS = """
.framing-quote-variants table{border-collapse:collapse;margin:0 0 1.2em 0;width:100%}
.framing-quote-variants caption{text-align:left;font-weight:600;padding:.3em 0}
.framing-quote-variants th,.framing-quote-variants td{border-top:1px solid #ccc;
padding:.3em .5em;vertical-align:top;text-align:left}
.framing-quote-variants td.num{text-align:right;font-variant-numeric:tabular-nums}
.framing-quote-variants tr.reference td{background:#f3f3f3}
.framing-quote-variants del{background:#fbd5d5;color:#7a1c1c}
.framing-quote-variants ins{background:#d2f0d8;color:#14532d;text-decoration:none;
border-bottom:2px solid #14532d}
.framing-quote-variants .trim{color:#666}
.framing-quote-variants .legend{font-size:.9em;color:#444}
"""


class QuoteVariantsHTML(str):
    """An HTML fragment (a ``str``) that Jupyter displays as HTML."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


def _esc(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _marked(quote: str, start: int, ops: Sequence[Sequence[object]]) -> str:
    """``quote`` escaped, with each difference marked: ``<del>`` reference, ``<ins>`` version."""
    out, pos = [], 0
    for op in sorted(ops, key=lambda o: (int(o[3]), int(o[4]))):  # type: ignore[call-overload]
        kind, ref_words, var_words = str(op[0]), str(op[1]), str(op[2])
        lo = min(max(int(op[3]) - start, pos), len(quote))  # type: ignore[call-overload]
        hi = min(max(int(op[4]) - start, lo), len(quote))  # type: ignore[call-overload]
        out.append(_esc(quote[pos:lo]))
        if kind == "trim":
            mark = f'<span class="trim" title="cut: {_esc(ref_words)}">[…]</span>'
            out.append(f" {mark}" if lo >= len(quote.rstrip()) else f"{mark} ")
        if kind in ("replace", "delete"):
            out.append(f"<del>{_esc(ref_words)}</del>")
        if kind in ("replace", "insert"):
            out.append(f"<ins>{_esc(quote[lo:hi] or var_words)}</ins>")
        else:
            out.append(_esc(quote[lo:hi]))
        pos = hi
    out.append(_esc(quote[pos:]))
    return "".join(out)


def _number(value: object) -> str:
    return f"{float(value):.2f}" if isinstance(value, (int, float)) else ""


def quote_variants_html(
    aligned: pd.DataFrame,
    *,
    groups: Iterable[int] | None = None,
) -> QuoteVariantsHTML:
    """Render :func:`align_quotes` output as one table per group, differences marked.

    Words a version changes or adds are shown as ``<ins>``, the reference's words it replaces
    or silently leaves out as ``<del>``, and cuts at its ends or ellipses as ``[…]`` (hover
    for the words cut). The reference row is shaded. Every piece of text from the data is
    escaped with :func:`html.escape`; the fragment has no scripts and loads nothing (its CSS
    is inline, scoped to ``.framing-quote-variants``).

    Args:
        aligned: The output of :func:`align_quotes`.
        groups: Only these group numbers (default: all).

    Returns:
        The HTML fragment, a ``str`` that displays itself as HTML in Jupyter.
    """
    wanted = None if groups is None else set(groups)
    parts = [f'<div class="framing-quote-variants"><style>{_CSS}</style>']
    parts.append(
        '<p class="legend">Each table is one utterance as the outlets quote it, compared word '
        "by word with the most complete version (shaded): <del>reference words</del> replaced "
        "or left out without an ellipsis, <ins>words this outlet has instead</ins>, [&hellip;] "
        "cut at the ends or at an ellipsis.</p>"
    )
    for number, rows in aligned.groupby("group", sort=True):
        if wanted is not None and number not in wanted:
            continue
        first = rows.iloc[0]
        speakers = sorted({s for s in rows["speaker"] if isinstance(s, str) and s})
        parts.append(
            f"<table><caption>Group {_esc(number)}: {_esc(int(first['n_outlets']))} outlets, "
            f"{_esc(int(first['n_versions']))} versions"
            + (f" (speaker: <bdi>{_esc(', '.join(speakers))}</bdi>)" if speakers else "")
            + "</caption><thead><tr><th>outlet</th><th>kind</th><th>wording</th>"
            "<th>similarity</th><th>coverage</th><th>differences</th></tr></thead><tbody>"
        )
        for row in rows.itertuples(index=False):
            ops: list[Sequence[object]] = (
                list(row.ops) if isinstance(row.ops, (list, tuple)) else []
            )
            wording = _marked(str(row.quote), int(str(row.start)), ops)
            shade = ' class="reference"' if row.reference else ""
            parts.append(
                f"<tr{shade}>"
                f"<td><bdi>{_esc(row.outlet)}</bdi></td><td>{_esc(row.kind)}</td>"
                f"<td>{wording}</td>"
                f'<td class="num">{_number(row.similarity)}</td>'
                f'<td class="num">{_number(row.coverage)}</td>'
                f"<td>{'reference' if row.reference else _esc(row.differences)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append("</div>")
    return QuoteVariantsHTML("".join(parts))
