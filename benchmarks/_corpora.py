"""Readers for the evaluation corpora in ``../shared/data``, shared by the benchmarks and tests.

The corpora are other people's work and stay outside the repository; this module only knows
how their exports name their fields, and reads them from wherever ``data`` points at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

__all__ = ["ALLSIDES_COLUMNS", "BASIL_OUTLETS", "allsides_path", "load_allsides", "load_basil"]

#: ``load_corpus`` keywords for the AllSides export (``article_bias_prediction``).
ALLSIDES_COLUMNS = {
    "text_col": "content_original",
    "id_col": "ID",
    "outlet_col": "source",
    "title_col": "title",
}

#: BASIL's source codes and the outlets they stand for.
BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def allsides_path(data: Path) -> Path:
    """The AllSides JSONL.gz export under ``data`` (the ``../shared/data`` folder)."""
    return data / "article_bias_prediction" / "articles.jsonl.gz"


def load_allsides(data: Path, n: int) -> pd.DataFrame:
    """The first ``n`` AllSides articles as an articles table, plus its label as ``label``."""
    from framing.corpus import load_corpus

    table = next(iter(load_corpus(allsides_path(data), chunksize=n, **ALLSIDES_COLUMNS)))
    return table.assign(label=table["bias_text"])


def load_basil(data: Path, *, events: int | None = None) -> pd.DataFrame:
    """BASIL as an articles table: one row per article, ``event`` = the triplet id.

    Args:
        data: The ``../shared/data`` folder.
        events: Only the first this many events (three articles each, in file order).

    Returns:
        ``article_id, outlet, text, title, event, published``; the text is the body, one
        paragraph per line (sentences joined by a space).
    """
    paths = sorted((data / "basil" / "articles").glob("*/*.json"))
    rows = []
    for path in paths if events is None else paths[: 3 * events]:
        art = json.loads(path.read_text(encoding="utf-8"))
        source = str(art["source"]).lower()
        rows.append(
            {
                "article_id": path.stem,
                "outlet": BASIL_OUTLETS.get(source, source),
                "text": "\n".join(" ".join(p) for p in art["body-paragraphs"]),
                "title": art["title"],
                "event": art["triplet-uuid"],
                "published": art["date"],
            }
        )
    return pd.DataFrame(rows)
