"""Reading records from folders, CSV, JSONL and DataFrames, with encodings and line numbers."""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from framing.cleaning import BoilerplateRule
from framing.corpus.report import CorpusError, LoadReport

__all__ = ["MISSING", "Options", "Record", "check_columns", "fix_text", "is_na", "open_source"]

_TEXT_SUFFIXES = (".txt", ".md")
MISSING = object()


class Record(NamedTuple):
    source: str
    line: int | None
    fields: dict[str, Any]
    text: Any  # the raw text value, or MISSING


class Options(NamedTuple):
    text_col: str
    id_col: str | None
    outlet_col: str
    title_col: str | None
    site_col: str
    clean: bool
    rules: tuple[BoilerplateRule, ...]


# --- sources ------------------------------------------------------------------------------------


def open_source(
    source: str | Path | pd.DataFrame,
    options: Options,
    *,
    metadata: str | Path | pd.DataFrame | None,
    encoding: str | None,
    bad_lines: str,
    report: LoadReport,
) -> tuple[Iterator[Record], list[str], str]:
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


def _dataframe_records(frame: pd.DataFrame, options: Options) -> Iterator[Record]:
    columns = [str(c) for c in frame.columns]
    for n, row in enumerate(frame.itertuples(index=False, name=None), start=1):
        fields = {c: (None if is_na(v) else v) for c, v in zip(columns, row, strict=True)}
        yield Record("DataFrame", n, fields, fields.pop(options.text_col, MISSING))


def is_na(value: object) -> bool:
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


def fix_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _jsonl_records(
    path: Path, options: Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[Record], list[str], str]:
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
    if first_record.text is not MISSING:
        columns.append(options.text_col)
    return _chain(first_record, records), columns, f"{label} (line {first_record.line})"


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
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
    options: Options,
    bad_lines: str,
    *,
    numbered: str = "line",
) -> Iterator[Record]:
    for n, item in items:
        if not isinstance(item, dict):
            message = f"expected a JSON object, found {type(item).__name__}"
            if bad_lines == "error":
                raise CorpusError(f"{label}, {numbered} {n}: {message}")
            continue
        yield Record(label, n, item, item.pop(options.text_col, MISSING))


def _csv_records(
    path: Path, options: Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[Record], list[str], str]:
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

    def records() -> Iterator[Record]:
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
                yield Record(label, start, fields, fields.pop(options.text_col, MISSING))
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
    options: Options,
    metadata: str | Path | pd.DataFrame | None,
    encoding: str | None,
    report: LoadReport,
) -> tuple[Iterator[Record], list[str], str]:
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
            (n, {c: (None if is_na(v) else v) for c, v in zip(columns, row, strict=True)})
            for n, row in enumerate(metadata.itertuples(index=False, name=None), start=1)
        ]
    elif metadata is not None:
        meta_label = str(metadata)
        records, columns, _ = _csv_records(
            Path(metadata), options._replace(text_col="\x00"), encoding, "error", report
        )
        rows = [(r.line, r.fields) for r in records]

    def read(path: Path) -> tuple[dict[str, str], str]:
        text = fix_text(
            _decode(path.read_bytes(), encoding=encoding, where=str(path), line=None, report=report)
        )
        return _front_matter(text)

    def records_from_metadata() -> Iterator[Record]:
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
            yield Record(str(path), line, merged, text)
        for path in files:
            if path not in used:
                reason = (
                    "README file (documentation, not an article)"
                    if path.stem.lower() == "readme"
                    else f"not listed in {Path(meta_label).name}"
                )
                report["skipped"].append([str(path), None, None, reason])

    def records_from_files() -> Iterator[Record]:
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
            yield Record(str(path), None, front, text)

    if metadata is not None:
        return records_from_metadata(), [*columns, options.text_col], meta_label
    return records_from_files(), [], str(folder)


def _str_or_none(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def check_columns(columns: list[str], options: Options, label: str, *, folder: bool) -> None:
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
