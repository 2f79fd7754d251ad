"""The result of :func:`framing.analyze`; writing tables to disk at once or chunk by chunk."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import pandas as pd

__all__ = ["Analysis", "Format", "TableWriter"]

Format = Literal["csv", "parquet"]


@dataclass
class Analysis:
    """All tables of one pass over a corpus; each attribute is a tidy DataFrame.

    Per-row tables keep the input order of the articles (then each module's own order within an
    article), whatever engine produced them. A table whose analysis was not run (see
    ``analyze(..., analyses=...)``) is ``None`` and left out of :attr:`tables`.

    Attributes:
        articles: One row per article: ``article_id, outlet``, the other metadata columns of the
            input (not the text), and ``n_chars, n_words, n_sentences``.
        sentiment: One row per article (see :func:`framing.sentiment`).
        sentences: One row per sentence (``framing.sentiment(..., level="sentence")``).
        quotes: One row per attributed statement (see :func:`framing.quotes`).
        voices: Per outlet and speaker: statements and quoted words (see :func:`framing.voices`).
        markers: One row per loaded / distancing / hedge / intensifier occurrence.
        labels: One row per actor mention (see :func:`framing.labels`).
        terms: Distinctive terms per outlet: ``outlet, term, count, log_odds, z``.
        comparison: One row per outlet, one column per headline metric (see
            :func:`framing.compare`).
        errors: Analyses that failed on an article with ``on_error="skip"``:
            ``article_id, outlet, analysis, error``; empty when none did.
    """

    articles: pd.DataFrame
    sentiment: pd.DataFrame | None = None
    sentences: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    voices: pd.DataFrame | None = None
    markers: pd.DataFrame | None = None
    labels: pd.DataFrame | None = None
    terms: pd.DataFrame | None = None
    comparison: pd.DataFrame | None = None
    errors: pd.DataFrame | None = None

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table that was computed, by name, in a fixed order."""
        out = {}
        for f in fields(self):
            table = getattr(self, f.name)
            if table is not None:
                out[f.name] = table
        return out

    def save(self, out_dir: str | Path, *, format: Format = "csv") -> dict[str, Path]:
        """Write every table to ``out_dir/<name>.csv`` (or ``.parquet``).

        Args:
            out_dir: Folder to write into (created if missing).
            format: ``"csv"`` (UTF-8, no index) or ``"parquet"`` (needs pyarrow).

        Returns:
            The path written for each table name.
        """
        with TableWriter(out_dir, format=format) as writer:
            for name, table in self.tables.items():
                writer.append(name, table)
        return writer.paths

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(t)}" for name, t in self.tables.items())
        return f"Analysis({sizes})"


class TableWriter:
    """Append DataFrames to one file per table, so results can be written chunk by chunk.

    CSV files get their header once and rows appended; Parquet files are written through one
    ``pyarrow.parquet.ParquetWriter`` per table (one row group per append). Files of a table
    are (re)created on its first append, and every table named in ``expect`` is written even
    if no rows ever arrive (an empty file with the header only, for CSV).

    Args:
        out_dir: Folder to write into (created if missing).
        format: ``"csv"`` or ``"parquet"``.
    """

    def __init__(self, out_dir: str | Path, *, format: Format = "csv") -> None:
        if format not in ("csv", "parquet"):
            raise ValueError(f"unknown format {format!r}; choose 'csv' or 'parquet'")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.format = format
        self.paths: dict[str, Path] = {}
        self._started: set[str] = set()
        self._parquet: dict[str, Any] = {}
        self._empty: dict[str, pd.DataFrame] = {}

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, name: str, table: pd.DataFrame) -> None:
        """Append ``table``'s rows to the file for ``name``."""
        if name not in self.paths:
            self.paths[name] = self.out_dir / f"{name}.{self.format}"
            if not len(table):
                self._empty[name] = table  # written at close if no rows come
                return
        elif not len(table):
            return
        self._empty.pop(name, None)
        if self.format == "csv":
            first = name not in self._started
            self._started.add(name)
            table.to_csv(self.paths[name], mode="w" if first else "a", header=first, index=False)
            return
        self._write_parquet(name, table)

    def _write_parquet(self, name: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = self._parquet.get(name)
        if writer is None:
            arrow = pa.Table.from_pandas(table, preserve_index=False)
            schema = pa.schema(
                [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in arrow.schema]
            ).remove_metadata()
            writer = pq.ParquetWriter(self.paths[name], schema)
            self._parquet[name] = writer
        arrow = pa.Table.from_pandas(table, schema=writer.schema, preserve_index=False)
        writer.write_table(arrow)

    def close(self) -> None:
        """Finish every file (empty tables get a header-only file)."""
        for name, table in self._empty.items():
            if self.format == "csv":
                table.to_csv(self.paths[name], index=False)
            else:
                table.to_parquet(self.paths[name], index=False)
        self._empty.clear()
        for writer in self._parquet.values():
            writer.close()
        self._parquet.clear()

    def __iter__(self) -> Iterator[tuple[str, Path]]:
        return iter(self.paths.items())
