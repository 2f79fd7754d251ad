"""Inert HTML: escaping, safe links and the Content-Security-Policy of every page we write.

Everything that comes from the data (article text, titles, outlet names, article ids,
speakers, terms, labels, actor and column names) goes through :func:`esc` before it reaches a
page, so it is shown as text and never read as markup. Metadata that sits inline with other
text goes through :func:`bidi`, which also isolates its writing direction (a U+202E
right-to-left override in an outlet name cannot flip the words after it). A URL from the data
becomes a link only if it is plain ``http``/``https`` (:func:`safe_url`); anything else
(``javascript:``, ``data:``, ``file:``) is shown as text.

Every standalone page the package writes (report, reading view, handout) carries a strict
Content-Security-Policy ``<meta>`` (:func:`csp_meta`): nothing may load from anywhere
(``default-src 'none'``), no script may run (there is no ``script-src``: the pages have none),
styles may only be inline, images only ``data:`` URIs (the report's figures), and neither a
``<base>`` nor a form can point elsewhere. If an escaping bug ever let markup through, the
browser would still refuse to run or fetch it.
"""

from __future__ import annotations

import html
import math
import re
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd

__all__ = ["CSP", "bidi", "csp_meta", "css_color", "esc", "link", "safe_url"]

#: The policies, by what a page needs. No ``script-src``: scripts fall back to ``'none'``.
CSP: dict[str, str] = {
    "text": ("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"),
    "figures": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'"
    ),
}

Needs = Literal["text", "figures"]


def csp_meta(needs: Needs = "text") -> str:
    """The ``<meta http-equiv="Content-Security-Policy">`` tag (first thing in ``<head>``)."""
    return f'<meta http-equiv="Content-Security-Policy" content="{CSP[needs]}">'  # no " in it'


def esc(value: object) -> str:
    """``value`` as HTML text: ``& < > " '`` escaped (safe in text and quoted attributes).

    ``None`` and NaN become the empty string.
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return html.escape(str(value), quote=True)


def bidi(value: object) -> str:
    """Escaped ``value`` in a ``<bdi>``: its writing direction cannot leak into what follows."""
    return f"<bdi>{esc(value)}</bdi>"


_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def safe_url(value: object) -> str | None:
    """``value`` if it is an absolute ``http``/``https`` URL with a host, else ``None``.

    White space or control characters anywhere (which browsers silently drop, so
    ``"java\\tscript:"`` would run) make it unsafe too.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or _CONTROL_OR_SPACE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link(value: object, text: object = None) -> str:
    """A link to ``value`` if it is a safe URL (see :func:`safe_url`), else the escaped text.

    The link opens without sending the page's address (``rel="noopener noreferrer"``).
    """
    label = value if text is None else text
    url = safe_url(value)
    if url is None:
        return bidi(label)
    return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{bidi(label)}</a>'


_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


def css_color(value: object, default: str = "#808080") -> str:
    """``value`` if it is a ``#rrggbb`` colour, else ``default`` (never user text in CSS)."""
    return value if isinstance(value, str) and _HEX_COLOR.fullmatch(value) else default
