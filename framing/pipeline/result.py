"""The result of :func:`framing.analyze`; writing tables to disk at once or chunk by chunk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal

import pandas as pd

__all__ = ["Analysis", "Format", "TableWriter"]

Format = Literal["csv", "parquet", "jsonl"]

_SUFFIX = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl"}


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

    def save(
        self, out_dir: str | Path, *, format: Format = "csv", safe: bool = True
    ) -> dict[str, Path]:
        """Write every table to ``out_dir/<name>.csv`` (or ``.parquet``, ``.jsonl``).

        Each file is written to a temporary name and renamed when complete (see
        :mod:`framing.export`): an interrupted save never leaves a half-written table.

        Args:
            out_dir: Folder to write into (created if missing).
            format: ``"csv"`` (UTF-8, no index), ``"parquet"`` (needs pyarrow) or ``"jsonl"``
                (JSON Lines: one object a row; NaN as ``null``).
            safe: For CSV: text cells starting with ``=``, ``+``, ``-``, ``@``, tab or CR get a
                leading apostrophe so a spreadsheet shows them instead of running them
                (:func:`framing.export.safe_csv_cells`; numbers are untouched). ``False``
                writes the text exactly.

        Returns:
            The path written for each table name.
        """
        with TableWriter(out_dir, format=format, safe=safe) as writer:
            for name, table in self.tables.items():
                writer.append(name, table)
        return writer.paths

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(t)}" for name, t in self.tables.items())
        return f"Analysis({sizes})"


class TableWriter:
    """Append DataFrames to one file per table, so results can be written chunk by chunk.

    CSV files get their header once and rows appended; JSON Lines files one object a row;
    Parquet files are written through one ``pyarrow.parquet.ParquetWriter`` per table (one row
    group per append). Every file is written under a temporary name beside its target and
    renamed into place by :meth:`close`; leaving the ``with`` block with an exception removes
    them instead, so an interrupted run never leaves a half-written table that looks complete
    (the previous file, if any, stays). A table whose appends were all empty is written at
    close with its header only (CSV) or its schema (Parquet), or as an empty file (JSON Lines).

    Args:
        out_dir: Folder to write into (created if missing).
        format: ``"csv"``, ``"parquet"`` or ``"jsonl"``.
        safe: For CSV: neutralise text cells a spreadsheet would run as formulas (see
            :func:`framing.export.safe_csv_cells`).
    """

    def __init__(self, out_dir: str | Path, *, format: Format = "csv", safe: bool = True) -> None:
        if format not in _SUFFIX:
            raise ValueError(f"unknown format {format!r}; choose 'csv', 'parquet' or 'jsonl'")
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.format = format
        self.safe = safe
        self.paths: dict[str, Path] = {}
        self._partial: dict[str, Path] = {}
        self._parquet: dict[str, Any] = {}
        self._empty: dict[str, pd.DataFrame] = {}

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def append(self, name: str, table: pd.DataFrame) -> None:
        """Append ``table``'s rows to the file for ``name``."""
        from framing.export import partial_path

        if name not in self.paths:
            self.paths[name] = self.out_dir / f"{name}.{_SUFFIX[self.format]}"
            if not len(table):
                self._empty[name] = table  # written at close if no rows come
                return
        elif not len(table):
            return
        self._empty.pop(name, None)
        first = name not in self._partial
        if first:
            self._partial[name] = partial_path(self.paths[name])
        if self.format == "parquet":
            self._write_parquet(name, table)
        else:
            self._write_text(name, table, first=first)

    def _write_text(self, name: str, table: pd.DataFrame, *, first: bool) -> None:
        from framing.export import safe_csv_cells, write_jsonl

        mode = "w" if first else "a"
        with self._partial[name].open(mode, encoding="utf-8", errors="replace", newline="") as f:
            if self.format == "jsonl":
                write_jsonl(table, f)
            else:
                out = safe_csv_cells(table) if self.safe else table
                out.to_csv(f, header=first, index=False)

    def _write_parquet(self, name: str, table: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = self._parquet.get(name)
        if writer is None:
            arrow = pa.Table.from_pandas(table, preserve_index=False)
            schema = pa.schema(
                [f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in arrow.schema]
            ).remove_metadata()
            writer = pq.ParquetWriter(self._partial[name], schema)
            self._parquet[name] = writer
        arrow = pa.Table.from_pandas(table, schema=writer.schema, preserve_index=False)
        writer.write_table(arrow)

    def close(self) -> None:
        """Finish every file and rename it into place (empty tables get a header-only file)."""
        from framing.export import commit, partial_path

        try:
            for name, table in self._empty.items():
                self._partial[name] = partial_path(self.paths[name])
                if self.format == "parquet":
                    table.to_parquet(self._partial[name], index=False)
                else:
                    self._write_text(name, table, first=True)
                    if self.format == "jsonl":
                        self._partial[name].touch()
            self._empty.clear()
            for writer in self._parquet.values():
                writer.close()
            self._parquet.clear()
            for name, partial in self._partial.items():
                commit(partial, self.paths[name])
            self._partial.clear()
        finally:
            self.abort()

    def abort(self) -> None:
        """Drop every file not yet renamed into place (the targets stay as they were)."""
        for writer in self._parquet.values():
            with contextlib.suppress(Exception):  # failing already; the file is dropped
                writer.close()
        self._parquet.clear()
        for partial in self._partial.values():
            partial.unlink(missing_ok=True)
        self._partial.clear()
        self._empty.clear()

    def __iter__(self) -> Iterator[tuple[str, Path]]:
        return iter(self.paths.items())
