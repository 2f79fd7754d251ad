"""Loading a corpus into an *articles table*, with every skipped record reported.

:func:`load_corpus` reads a folder of ``.txt``/``.md`` files (with a ``metadata.csv`` or per-file
front matter), a CSV, a JSONL / JSONL.gz file or a DataFrame, maps the user's column names,
validates ids, outlets and texts, removes web boilerplate (:mod:`framing.cleaning`) and returns
one row per article.

Where the audit lives: ``articles.attrs["load_report"]`` holds a :class:`LoadReport` whose
``skipped``, ``removed`` and ``decoded`` properties are DataFrames. pandas keeps ``attrs`` through
most operations but drops them in some (``pd.concat`` of tables with different reports, for
instance): read the report right after loading, or keep it (``report = load_report(articles)``).
The removals can always be recomputed from the ``raw_text`` column with
:func:`framing.cleaning.clean_text`.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import sys
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Literal, NamedTuple, overload

import pandas as pd

from framing.cleaning import BoilerplateRule, clean_text, load_rules

__all__ = [
    "ARTICLE_COLUMNS",
    "CorpusError",
    "CorpusWarning",
    "LoadReport",
    "load_corpus",
    "load_report",
]

ARTICLE_COLUMNS = ("article_id", "outlet", "text", "raw_text", "title", "summary")
"""The columns every articles table starts with; the source's other columns follow."""

SKIPPED_COLUMNS = ("source", "line", "article_id", "reason")
REMOVED_COLUMNS = ("article_id", "rule", "start", "end", "removed", "reason")
DECODED_COLUMNS = ("source", "line", "encoding")

_TEXT_SUFFIXES = (".txt", ".md")
_MISSING = object()


class CorpusError(ValueError):
    """The corpus cannot be read: a missing column, a malformed line, an unreadable file.

    The message names the file (and line, where there is one) at fault.
    """


class CorpusWarning(UserWarning):
    """Records were skipped, or text was decoded with a fallback encoding."""


class LoadReport(dict[str, list[list[Any]]]):
    """What :func:`load_corpus` skipped, removed and decoded with a fallback encoding.

    A plain dict of row lists underneath (so a table carrying it in ``attrs`` can still be
    written to Parquet, concatenated and copied cheaply); read it through the properties.
    """

    def __init__(self) -> None:
        super().__init__(skipped=[], removed=[], decoded=[])

    def __deepcopy__(self, memo: dict[int, object]) -> LoadReport:
        return self  # read-only once loading is done; pandas deep-copies attrs on every operation

    @property
    def skipped(self) -> pd.DataFrame:
        """Skipped files and records: ``source, line, article_id, reason``.

        ``line`` is the line number in a JSONL file, the line a CSV record starts on, the row
        number (from 1) of a DataFrame, the metadata line of a folder's file, or empty.
        """
        return _frame(self["skipped"], SKIPPED_COLUMNS, ints=("line",))

    @property
    def removed(self) -> pd.DataFrame:
        """Boilerplate removed by cleaning: ``article_id, rule, start, end, removed, reason``.

        ``raw_text[start:end] == removed`` for the article's ``raw_text``.
        """
        return _frame(self["removed"], REMOVED_COLUMNS, ints=("start", "end"))

    @property
    def decoded(self) -> pd.DataFrame:
        """Files or lines that were not UTF-8 and were decoded as ``encoding`` (cp1252)."""
        return _frame(self["decoded"], DECODED_COLUMNS, ints=("line",))


def _frame(
    rows: list[list[Any]], columns: tuple[str, ...], *, ints: tuple[str, ...]
) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for col in ints:
        frame[col] = frame[col].astype("Int64")
    return frame


def load_report(articles: pd.DataFrame) -> LoadReport:
    """Return the :class:`LoadReport` attached to a table by :func:`load_corpus`.

    Raises:
        KeyError: If the table carries none (not made by ``load_corpus``, or pandas dropped
            ``attrs`` in an operation such as ``pd.concat`` of differently loaded tables).
    """
    report = articles.attrs.get("load_report")
    if not isinstance(report, dict):
        raise KeyError(
            "this table has no load report: it was not made by load_corpus, or an operation "
            "dropped its attrs; take the report right after loading"
        )
    if not isinstance(report, LoadReport):  # e.g. read back from Parquet metadata
        restored = LoadReport()
        restored.update(report)
        return restored
    return report


class _Record(NamedTuple):
    source: str
    line: int | None
    fields: dict[str, Any]
    text: Any  # the raw text value, or _MISSING


class _Options(NamedTuple):
    text_col: str
    id_col: str | None
    outlet_col: str
    title_col: str | None
    site_col: str
    clean: bool
    rules: tuple[BoilerplateRule, ...]


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
    bad_lines: Literal["error", "skip"] = "error",
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

    Encoding: UTF-8, with or without a byte-order mark. A file (or, in CSV/JSONL, a line) that is
    not valid UTF-8 is decoded as cp1252 and reported (warning and ``report.decoded``). Pass
    ``encoding=`` to force one encoding with no fallback. Text is NFC-normalised and line ends
    become ``\\n`` when read, before any offset is computed.

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
        bad_lines: ``"error"`` raises on a malformed JSONL line or CSV record (naming file and
            line); ``"skip"`` skips it and reports it.

    Returns:
        One row per article: ``article_id`` (str, unique), ``outlet``, ``text`` (cleaned),
        ``raw_text`` (as read), ``title`` (``""`` if unknown), ``summary`` (summary bullets
        moved out of the text, one a line; ``""`` if none), then the source's other columns.
        With ``chunksize``, an iterator of such tables.

    Raises:
        CorpusError: Unknown source type, missing column, malformed record, unreadable file.

    Example:
        >>> articles = load_corpus("data/iraq-2021-07-26")  # doctest: +SKIP
        >>> list(articles.outlet)  # doctest: +SKIP
        ['Xinhua', 'WION', 'Rudaw', 'China Daily', 'USA Today']
    """
    options = _Options(
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
        title_col=title_col,
        site_col="site",
        clean=clean,
        rules=load_rules(rules) if clean else (),
    )
    report = LoadReport()
    records, columns, label = _open_source(
        source, options, metadata=metadata, encoding=encoding, bad_lines=bad_lines, report=report
    )
    _check_columns(
        columns, options, label, folder=isinstance(source, (str, Path)) and Path(source).is_dir()
    )
    builder = _Builder(options)
    if chunksize is None:
        table = builder.build(records, report)
        return table
    if chunksize < 1:
        raise ValueError(f"chunksize must be a positive number of records, not {chunksize}")
    return builder.chunks(records, chunksize, report)


# --- sources ------------------------------------------------------------------------------------


def _open_source(
    source: str | Path | pd.DataFrame,
    options: _Options,
    *,
    metadata: str | Path | pd.DataFrame | None,
    encoding: str | None,
    bad_lines: str,
    report: LoadReport,
) -> tuple[Iterator[_Record], list[str], str]:
    """Return (records, column names known up front, a label naming the source)."""
    if isinstance(source, pd.DataFrame):
        return _dataframe_records(source, options), [str(c) for c in source.columns], "DataFrame"
    path = Path(source)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        return _folder_records(path, options, metadata, encoding, report)
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return _jsonl_records(path, options, encoding, bad_lines, report)
    if name.endswith((".csv", ".tsv")):
        return _csv_records(path, options, encoding, bad_lines, report)
    raise CorpusError(
        f"{path}: cannot tell the format; use a folder of .txt/.md files, a .csv/.tsv, "
        ".jsonl/.jsonl.gz file, or a DataFrame"
    )


def _dataframe_records(frame: pd.DataFrame, options: _Options) -> Iterator[_Record]:
    columns = [str(c) for c in frame.columns]
    for n, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        fields = {c: (None if _is_na(v) else v) for c, v in zip(columns, row, strict=True)}
        yield _Record("DataFrame", n, fields, fields.pop(options.text_col, _MISSING))


def _is_na(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _open_binary(path: Path) -> io.BufferedIOBase:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")
    return path.open("rb")


def _decode(
    data: bytes, *, encoding: str | None, where: str, line: int | None, report: LoadReport
) -> str:
    """Decode UTF-8 (BOM stripped); fall back to cp1252 and record it, unless forced."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            at = f", line {line}" if line else ""
            raise CorpusError(f"{where}{at}: not valid {encoding}: {err.reason}") from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report["decoded"].append([where, line, "cp1252"])
        return data.decode("cp1252", errors="replace")


def _fix_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _jsonl_records(
    path: Path, options: _Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[_Record], list[str], str]:
    label = str(path)
    handle = _open_binary(path)
    first = handle.read(1)
    while first in (b" ", b"\n", b"\r", b"\t", b"\xef", b"\xbb", b"\xbf"):
        first = handle.read(1)
    handle.close()
    if first == b"[":  # a .json file holding a list of objects
        text = _decode(
            _open_binary(path).read(), encoding=encoding, where=label, line=None, report=report
        )
        try:
            items = json.loads(text)
        except json.JSONDecodeError as err:
            raise CorpusError(f"{label}, line {err.lineno}: malformed JSON: {err.msg}") from err
        lines: Iterable[tuple[int, Any]] = enumerate(items, start=1)
        records = _object_records(label, lines, options, bad_lines, numbered="item")
    else:
        records = _object_records(
            label, _parse_json_lines(path, label, encoding, bad_lines, report), options, bad_lines
        )
    first_record = next(records, None)
    if first_record is None:
        return iter(()), [], label
    columns = [*first_record.fields]
    if first_record.text is not _MISSING:
        columns.append(options.text_col)
    return _chain(first_record, records), columns, f"{label} (line {first_record.line})"


def _chain(first: _Record, rest: Iterator[_Record]) -> Iterator[_Record]:
    yield first
    yield from rest


def _parse_json_lines(
    path: Path, label: str, encoding: str | None, bad_lines: str, report: LoadReport
) -> Iterator[tuple[int, Any]]:
    with _open_binary(path) as handle:
        for n, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            line = _decode(raw, encoding=encoding, where=label, line=n, report=report)
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as err:
                message = f"malformed JSON: {err.msg} (column {err.colno})"
                if bad_lines == "error":
                    raise CorpusError(f"{label}, line {n}: {message}") from err
                report["skipped"].append([label, n, None, message])


def _object_records(
    label: str,
    items: Iterable[tuple[int, Any]],
    options: _Options,
    bad_lines: str,
    *,
    numbered: str = "line",
) -> Iterator[_Record]:
    for n, item in items:
        if not isinstance(item, dict):
            message = f"expected a JSON object, found {type(item).__name__}"
            if bad_lines == "error":
                raise CorpusError(f"{label}, {numbered} {n}: {message}")
            continue
        yield _Record(label, n, item, item.pop(options.text_col, _MISSING))


def _csv_records(
    path: Path, options: _Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[_Record], list[str], str]:
    label = str(path)
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    handle = _open_binary(path)
    lines = (
        _decode(raw, encoding=encoding, where=label, line=n, report=report)
        for n, raw in enumerate(handle, start=1)
    )
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        handle.close()
        return iter(()), [], label
    except csv.Error as err:
        handle.close()
        raise CorpusError(f"{label}, line {reader.line_num}: {err}") from err
    header = [h.strip() for h in header]

    def records() -> Iterator[_Record]:
        with handle:
            start = reader.line_num + 1
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    if bad_lines == "error":
                        raise CorpusError(f"{label}, line {start}: malformed CSV: {err}") from err
                    report["skipped"].append([label, start, None, f"malformed CSV: {err}"])
                    start = reader.line_num + 1
                    continue
                if not row:
                    start = reader.line_num + 1
                    continue
                if len(row) != len(header):
                    message = f"expected {len(header)} fields, found {len(row)}"
                    if bad_lines == "error":
                        raise CorpusError(f"{label}, line {start}: malformed CSV: {message}")
                    report["skipped"].append([label, start, None, f"malformed CSV: {message}"])
                    start = reader.line_num + 1
                    continue
                fields: dict[str, Any] = dict(zip(header, row, strict=True))
                yield _Record(label, start, fields, fields.pop(options.text_col, _MISSING))
                start = reader.line_num + 1

    return records(), header, f"{label} (header, line 1)"


# --- folders ------------------------------------------------------------------------------------


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---`` front matter (simple ``key: value`` lines) from the text."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    fields = {}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(":")
        if not sep or not key.strip() or line.startswith((" ", "#")):
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        fields[key.strip()] = value
    rest = text[end + 4 :]
    return fields, rest[1:] if rest.startswith("\n") else rest


def _folder_records(
    folder: Path,
    options: _Options,
    metadata: str | Path | pd.DataFrame | None,
    encoding: str | None,
    report: LoadReport,
) -> tuple[Iterator[_Record], list[str], str]:
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in _TEXT_SUFFIXES
    )
    meta_label = "metadata"
    if metadata is None and (folder / "metadata.csv").is_file():
        metadata = folder / "metadata.csv"
    rows: list[tuple[int | None, dict[str, Any]]] = []
    columns: list[str] = []
    if isinstance(metadata, pd.DataFrame):
        columns = [str(c) for c in metadata.columns]
        rows = [
            (n, {c: (None if _is_na(v) else v) for c, v in zip(columns, row, strict=True)})
            for n, row in enumerate(metadata.itertuples(index=False, name=None), start=1)
        ]
    elif metadata is not None:
        meta_label = str(metadata)
        records, columns, _ = _csv_records(
            Path(metadata), options._replace(text_col="\x00"), encoding, "error", report
        )
        rows = [(r.line, r.fields) for r in records]

    def read(path: Path) -> tuple[dict[str, str], str]:
        text = _fix_text(
            _decode(path.read_bytes(), encoding=encoding, where=str(path), line=None, report=report)
        )
        return _front_matter(text)

    def records_from_metadata() -> Iterator[_Record]:
        by_name = {p.name: p for p in files}
        by_stem = {p.stem: p for p in files}
        used: set[Path] = set()
        for line, fields in rows:
            if fields.get("file"):
                path = by_name.get(str(fields["file"])) or (folder / str(fields["file"]))
            else:
                path = by_stem.get(str(fields.get(options.id_col or "", "")), folder / "?")
            if not path.is_file():
                report["skipped"].append(
                    [
                        meta_label,
                        line,
                        _str_or_none(fields.get(options.id_col or "")),
                        f"file {path.name!r} not found in {folder}",
                    ]
                )
                continue
            used.add(path)
            front, text = read(path)
            merged: dict[str, Any] = {
                k: front.get(k) if v in (None, "") else v for k, v in fields.items()
            }
            merged.update((k, v) for k, v in front.items() if k not in merged)
            merged.setdefault(options.id_col or "", path.stem)
            yield _Record(str(path), line, merged, text)
        for path in files:
            if path not in used:
                reason = (
                    "README file (documentation, not an article)"
                    if path.stem.lower() == "readme"
                    else f"not listed in {Path(meta_label).name}"
                )
                report["skipped"].append([str(path), None, None, reason])

    def records_from_files() -> Iterator[_Record]:
        for path in files:
            front, text = read(path)
            if path.stem.lower() == "readme" and options.outlet_col not in front:
                report["skipped"].append(
                    [str(path), None, None, "README file (documentation, not an article)"]
                )
                continue
            if options.id_col:
                front.setdefault(options.id_col, path.stem)
            front.setdefault("file", path.name)
            yield _Record(str(path), None, front, text)

    if metadata is not None:
        return records_from_metadata(), [*columns, options.text_col], meta_label
    return records_from_files(), [], str(folder)


def _str_or_none(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _check_columns(columns: list[str], options: _Options, label: str, *, folder: bool) -> None:
    """Raise :class:`CorpusError` if a named column is not among the source's columns."""
    if not columns:  # empty source or folder with front matter only: checked per record
        return
    wanted = [] if folder else [options.text_col]
    if options.id_col is not None and not (folder and "file" in columns):
        wanted.append(options.id_col)
    wanted.append(options.outlet_col)
    if options.title_col is not None:
        wanted.append(options.title_col)
    missing = [name for name in wanted if name not in columns]
    if missing:
        shown = ", ".join(c for c in columns if c != "\x00")
        names = ", ".join(repr(m) for m in missing)
        raise CorpusError(
            f"{label}: no column {names}; the columns are: {shown}. Map yours with "
            "text_col=, id_col=, outlet_col=, title_col= (CLI: --text-col, --id-col, "
            "--outlet-col, --title-col)"
        )


# --- building the table -------------------------------------------------------------------------


class _Builder:
    """Validates and cleans records; keeps the ids seen so far (across chunks)."""

    def __init__(self, options: _Options) -> None:
        self.options = options
        self.seen: dict[str, str] = {}
        self.count = 0  # records read, for id_col=None numbering
        self.rows_out = 0

    def chunks(
        self, records: Iterator[_Record], size: int, sink: LoadReport
    ) -> Iterator[pd.DataFrame]:
        """Tables of at most ``size`` records; problems met while reading go to their chunk."""
        first = True
        while True:
            batch = list(islice(records, size))
            report = LoadReport()
            for key in ("skipped", "decoded"):
                report[key].extend(sink[key])
                sink[key].clear()
            if not batch and not first and not report["skipped"] and not report["decoded"]:
                return
            first = False
            yield self.build(iter(batch), report)
            if not batch:
                return

    def build(self, records: Iterator[_Record], report: LoadReport) -> pd.DataFrame:
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
        _warn(report)
        return table

    def _row(self, record: _Record, report: LoadReport) -> dict[str, Any] | None:
        o = self.options
        self.count += 1
        fields = record.fields

        def skip(reason: str, article_id: str | None = None) -> None:
            report["skipped"].append([record.source, record.line, article_id, reason])

        if o.id_col is None:
            article_id = str(self.count)
        else:
            value = fields.pop(o.id_col, _MISSING)
            if value is _MISSING:
                skip(f"no {o.id_col!r} field")
                return None
            article_id = "" if value is None else str(value).strip()
            if not article_id:
                skip(f"empty {o.id_col!r}")
                return None
        if article_id in self.seen:
            skip(f"duplicate article_id (first seen at {self.seen[article_id]})", article_id)
            return None
        outlet = fields.pop(o.outlet_col, _MISSING)
        if outlet is _MISSING:
            skip(f"no {o.outlet_col!r} field", article_id)
            return None
        outlet = "" if outlet is None else str(outlet).strip()
        if not outlet:
            skip(f"empty {o.outlet_col!r}", article_id)
            return None
        raw = record.text
        if raw is _MISSING:
            skip(f"no {o.text_col!r} field", article_id)
            return None
        if not isinstance(raw, str):
            if raw is not None:
                skip(f"{o.text_col!r} is not text ({type(raw).__name__})", article_id)
                return None
            raw = ""
        raw = _fix_text(raw)
        if not raw.strip():
            skip("empty text", article_id)
            return None
        title_key = o.title_col if o.title_col is not None else "title"
        title = fields.pop(title_key, None)
        title = "" if title is None or _is_na(title) else str(title).strip()
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


def _warn(report: LoadReport) -> None:
    skipped = report["skipped"]
    if skipped:
        reasons = Counter(_reason_kind(row[3]) for row in skipped)
        summary = "; ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        first = skipped[0]
        where = f"{first[0]}" + (f", line {first[1]}" if first[1] is not None else "")
        warnings.warn(
            f"load_corpus skipped {len(skipped)} record(s) ({summary}); first: {where}: "
            f"{first[3]}. Full list: articles.attrs['load_report'].skipped",
            CorpusWarning,
            stacklevel=4,
        )
    decoded = report["decoded"]
    if decoded:
        sources = Counter(row[0] for row in decoded)
        listed = ", ".join(
            f"{src} ({n} line(s))" if n > 1 or decoded[0][1] else src for src, n in sources.items()
        )
        warnings.warn(
            f"not valid UTF-8, decoded as cp1252: {listed}. Check the text; pass encoding= to "
            "force one. Full list: articles.attrs['load_report'].decoded",
            CorpusWarning,
            stacklevel=4,
        )


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]
