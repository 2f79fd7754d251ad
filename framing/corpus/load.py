"""``load_corpus``: records in, a validated and cleaned articles table out."""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Literal, overload

import pandas as pd

from framing.cleaning import clean_text, load_rules
from framing.corpus.report import CorpusWarning, LoadReport, warn_about
from framing.corpus.sources import (
    MISSING,
    Options,
    Record,
    check_columns,
    fix_text,
    fix_value,
    is_na,
    open_source,
    text_notes,
)

__all__ = ["ARTICLE_COLUMNS", "load_corpus"]

ARTICLE_COLUMNS = ("article_id", "outlet", "text", "raw_text", "title", "summary")
"""The columns every articles table starts with; the source's other columns follow."""


@overload
def load_corpus(
    source: str | Path | pd.DataFrame,
    *,
    text_col: str = ...,
    id_col: str | None = ...,
    outlet_col: str = ...,
    title_col: str | None = ...,
    metadata: str | Path | pd.DataFrame | None = ...,
    clean: bool = ...,
    rules: str | Path | None = ...,
    encoding: str | None = ...,
    chunksize: None = ...,
    bad_lines: Literal["error", "skip"] = ...,
) -> pd.DataFrame: ...


@overload
def load_corpus(
    source: str | Path | pd.DataFrame,
    *,
    text_col: str = ...,
    id_col: str | None = ...,
    outlet_col: str = ...,
    title_col: str | None = ...,
    metadata: str | Path | pd.DataFrame | None = ...,
    clean: bool = ...,
    rules: str | Path | None = ...,
    encoding: str | None = ...,
    chunksize: int,
    bad_lines: Literal["error", "skip"] = ...,
) -> Iterator[pd.DataFrame]: ...


def load_corpus(
    source: str | Path | pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str | None = "article_id",
    outlet_col: str = "outlet",
    title_col: str | None = None,
    metadata: str | Path | pd.DataFrame | None = None,
    clean: bool = True,
    rules: str | Path | None = None,
    encoding: str | None = None,
    chunksize: int | None = None,
    bad_lines: Literal["error", "skip"] = "skip",
) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """Build an articles table from files or a DataFrame.

    Sources:
        * a **folder** of ``.txt``/``.md`` files, one article each, described by a metadata
          CSV (``metadata.csv`` in the folder by default; a ``file`` column names each file,
          otherwise files are matched by ``article_id`` = file name without suffix), or by
          front matter at the top of each file (``---`` lines around ``key: value`` lines);
        * a **CSV** (``.csv``, ``.tsv``, optionally ``.gz``);
        * a **JSONL** file, one JSON object a line (``.jsonl``, ``.ndjson``, ``.jsonl.gz``; a
          ``.json`` file holding a list of objects works too);
        * a **DataFrame**.

    Column mapping: name the source's columns with ``text_col``, ``id_col``, ``outlet_col`` and
    ``title_col``; they become ``text``, ``article_id``, ``outlet`` and ``title``, e.g. for the
    AllSides export ``load_corpus(path, text_col="content_original", id_col="ID",
    outlet_col="source", title_col="title")``. Every other column is carried through unchanged
    (renamed ``original_<name>`` if it clashes with an output column).

    Validation: ids must be unique (later duplicates are skipped), texts and outlets non-empty;
    each skipped record is listed with its reason in ``articles.attrs["load_report"].skipped``
    and summarised in a :class:`CorpusWarning`. A column missing from the source raises
    :class:`CorpusError` naming it and the columns that exist.

    Encoding: UTF-8, with or without a byte-order mark; UTF-16/UTF-32 from their byte-order
    mark (or UTF-16 from its NUL bytes). A file (or, in CSV/JSONL, a line) that is not valid
    UTF-8 is decoded as cp1252 (which reads Latin-1 too) and reported (warning and
    ``report.decoded``). Pass ``encoding=`` to force one encoding with no fallback. When read,
    before any offset is computed, text is NFC-normalised, every line end (CR LF, lone CR, form
    feed, U+2028 ...) becomes ``\\n``, control characters (NUL ...) and invisible word breakers
    (zero-width space, soft hyphen) are removed, and a lone surrogate becomes U+FFFD; removed
    control characters are listed in ``report.notes``, as are bidirectional controls (kept),
    HTML markup, very long articles and long text with no sentence end.

    Untrusted input: in a folder, binary files (PDF, images) are skipped and reported, and a
    metadata ``file`` (or a symbolic link) pointing outside the folder raises
    :class:`CorpusError`. Every case and its outcome: ``docs/robustness.md``.

    Args:
        source: Folder, file path, or DataFrame.
        text_col: Column (or JSON field) with the article text; not used for folders.
        id_col: Column with a unique article id; ``None`` numbers the records 1, 2, ... in
            source order. Folders default to the file name without suffix.
        outlet_col: Column with the outlet name.
        title_col: Column with the headline; by default a column named ``title`` is used if
            there is one.
        metadata: For a folder: the metadata CSV (path or DataFrame); default
            ``<folder>/metadata.csv`` if it exists.
        clean: Remove boilerplate (see :mod:`framing.cleaning`); ``False`` keeps
            ``text == raw_text``.
        rules: Your own boilerplate rules TSV (see :func:`framing.cleaning.load_rules`).
        encoding: Force this encoding for every file (no fallback).
        chunksize: For CSV and JSONL: return an iterator of tables of at most this many
            records each, so a large corpus streams through in bounded memory. Duplicate ids
            are still detected across chunks; each chunk carries its own report.
        bad_lines: ``"skip"`` (default) leaves out a malformed JSONL line or CSV record (and
            keeps what a truncated ``.gz`` held before the break), lists it in the load
            report's ``skipped`` table with its line number, and warns; ``"error"`` stops at
            the first one instead, naming file and line.

    Returns:
        One row per article: ``article_id`` (str, unique), ``outlet``, ``text`` (cleaned),
        ``raw_text`` (as read), ``title`` (``""`` if unknown), ``summary`` (summary bullets
        moved out of the text, one a line; ``""`` if none), then the source's other columns.
        With ``chunksize``, an iterator of such tables.

    Raises:
        CorpusError: Unknown source type, missing column, malformed record (``bad_lines=
            "error"``), truncated ``.gz``, unreadable file, a file outside the corpus folder.

    Example:
        >>> articles = load_corpus("data/iraq-2021-07-26")  # doctest: +SKIP
        >>> list(articles.outlet)  # doctest: +SKIP
        ['Xinhua', 'WION', 'Rudaw', 'China Daily', 'USA Today']
    """
    options = Options(
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
        title_col=title_col,
        site_col="site",
        clean=clean,
        rules=load_rules(rules) if clean else (),
    )
    report = LoadReport()
    records, columns, label = open_source(
        source, options, metadata=metadata, encoding=encoding, bad_lines=bad_lines, report=report
    )
    check_columns(
        columns, options, label, folder=isinstance(source, (str, Path)) and Path(source).is_dir()
    )
    builder = _Builder(options)
    if chunksize is None:
        table = builder.build(records, report)
        if table.empty and not report["skipped"]:
            where = "the DataFrame" if isinstance(source, pd.DataFrame) else str(source)
            warnings.warn(
                f"load_corpus found no articles in {where}: the table is empty",
                CorpusWarning,
                stacklevel=2,
            )
        return table
    if chunksize < 1:
        raise ValueError(f"chunksize must be a positive number of records, not {chunksize}")
    return builder.chunks(records, chunksize, report)


# --- building the table -------------------------------------------------------------------------


class _Builder:
    """Validates and cleans records; keeps the ids seen so far (across chunks)."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.seen: dict[str, str] = {}
        self.count = 0  # records read, for id_col=None numbering
        self.rows_out = 0

    def chunks(
        self, records: Iterator[Record], size: int, sink: LoadReport
    ) -> Iterator[pd.DataFrame]:
        """Tables of at most ``size`` records; problems met while reading go to their chunk."""
        first = True
        while True:
            batch = list(islice(records, size))
            report = LoadReport()
            for key in ("skipped", "decoded", "notes"):
                report[key].extend(sink[key])
                sink[key].clear()
            if not batch and not first and not any(report.values()):
                return
            first = False
            yield self.build(iter(batch), report)
            if not batch:
                return

    def build(self, records: Iterator[Record], report: LoadReport) -> pd.DataFrame:
        rows = [row for record in records if (row := self._row(record, report)) is not None]
        extra: list[str] = []
        for row in rows:
            for key in row:
                if key not in ARTICLE_COLUMNS and key not in extra:
                    extra.append(key)
        columns = [*ARTICLE_COLUMNS, *extra]
        table = pd.DataFrame(rows, columns=columns)
        for col in ARTICLE_COLUMNS:
            table[col] = table[col].astype("str") if len(table) else table[col].astype("object")
        table.index = pd.RangeIndex(self.rows_out, self.rows_out + len(table))
        self.rows_out += len(table)
        table.attrs["load_report"] = report
        warn_about(report)
        return table

    def _row(self, record: Record, report: LoadReport) -> dict[str, Any] | None:
        o = self.options
        self.count += 1
        fields = {key: fix_value(value) for key, value in record.fields.items()}

        def skip(reason: str, article_id: str | None = None) -> None:
            report["skipped"].append([record.source, record.line, article_id, reason])

        if o.id_col is None:
            article_id = str(self.count)
        else:
            value = fields.pop(o.id_col, MISSING)
            if value is MISSING:
                skip(f"no {o.id_col!r} field")
                return None
            article_id = "" if value is None else str(value).strip()
            if not article_id:
                skip(f"empty {o.id_col!r}")
                return None
        if article_id in self.seen:
            skip(f"duplicate article_id (first seen at {self.seen[article_id]})", article_id)
            return None
        outlet = fields.pop(o.outlet_col, MISSING)
        if outlet is MISSING:
            skip(f"no {o.outlet_col!r} field", article_id)
            return None
        outlet = "" if outlet is None else str(outlet).strip()
        if not outlet:
            skip(f"empty {o.outlet_col!r}", article_id)
            return None
        raw = record.text
        if raw is MISSING:
            skip(f"no {o.text_col!r} field", article_id)
            return None
        if not isinstance(raw, str):
            if raw is not None:
                skip(f"{o.text_col!r} is not text ({type(raw).__name__})", article_id)
                return None
            raw = ""
        changes: Counter[str] = Counter()
        raw = fix_text(raw, changes)
        if not raw.strip():
            reason = "empty text" + (" (after removing control characters)" if changes else "")
            skip(reason, article_id)
            return None
        title_key = o.title_col if o.title_col is not None else "title"
        title = fields.pop(title_key, None)
        title = "" if title is None or is_na(title) else str(title).strip()
        if o.clean:
            site = fields.get(o.site_col)
            sites = (outlet, str(site)) if isinstance(site, str) and site else (outlet,)
            cleaned = clean_text(raw, title=title, site_names=sites, rules=o.rules)
            if not cleaned.text.strip():
                skip(
                    "no text left after cleaning (every line matched a boilerplate rule)",
                    article_id,
                )
                return None
            text, summary = cleaned.text, cleaned.summary
            report["removed"].extend(
                [article_id, r.rule, r.start, r.end, r.text, r.reason] for r in cleaned.removed
            )
        else:
            text, summary = raw, ""
        self.seen[article_id] = f"{record.source}" + (
            f", line {record.line}" if record.line is not None else ""
        )
        report["notes"].extend(
            [record.source, record.line, article_id, note] for note in text_notes(raw, changes)
        )
        row: dict[str, Any] = {
            "article_id": article_id,
            "outlet": outlet,
            "text": text,
            "raw_text": raw,
            "title": title,
            "summary": summary,
        }
        for key, value in fields.items():
            name = f"original_{key}" if key in ARTICLE_COLUMNS else key
            row[name] = None if value == "" else value
        return row
