"""The markers table: :func:`markers` over an articles table, its columns and dtypes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.markers.find import marker_rows
from framing.markers.lexicon import MarkerLexicon, load_marker_lexicon
from framing.text import docs_from

__all__ = ["MARKER_COLUMNS", "markers"]

MARKER_COLUMNS = [
    "article_id",
    "outlet",
    "category",
    "term",
    "start",
    "end",
    "text",
    "sentence",
    "in_quote",
    "source",
]
_DTYPES: dict[str, Any] = {
    "article_id": object,
    "outlet": object,
    "category": object,
    "term": object,
    "start": "int64",
    "end": "int64",
    "text": object,
    "sentence": "int64",
    "in_quote": bool,
    "source": object,
}


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=_DTYPES[c]) for c in MARKER_COLUMNS})
    return pd.DataFrame.from_records(rows, columns=MARKER_COLUMNS).astype(_DTYPES)


def markers(
    articles: pd.DataFrame,
    *,
    lexicon: str | Path | Sequence[str | Path] | MarkerLexicon | None = None,
    categories: Iterable[str] | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Every loaded, distancing, hedging and intensifying word in the articles.

    Args:
        articles: The articles table.
        lexicon: Marker lists: a :class:`MarkerLexicon`, a TSV name/path or several
            (default: ``markers.tsv`` + ``loaded_general.tsv`` in ``framing/lexicons/``).
        categories: Keep only these categories.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per occurrence: ``article_id, outlet, category, term`` (the lexicon entry, or
        ``"scare quote"``), ``start, end`` (offsets into the text), ``text`` (as written),
        ``sentence`` (index in the article), ``in_quote`` (inside someone's quoted words, not
        the outlet's own voice), ``source`` (which list the term came from).

    Example:
        >>> markers(articles).query("category == 'distancing'")  # doctest: +SKIP
    """
    if isinstance(lexicon, MarkerLexicon):
        lex = lexicon
        if categories is not None:
            keep = set(categories)
            lex = MarkerLexicon(
                {k: tuple(e for e in v if e[1] in keep) for k, v in lexicon.entries.items()},
                scare_quotes=lexicon.scare_quotes and "distancing" in keep,
            )
    else:
        lex = load_marker_lexicon(lexicon, categories=categories)
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rows = [row for doc in docs for row in marker_rows(doc, lexicon=lex)]
    return _frame(rows)
