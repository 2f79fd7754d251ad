"""Reading records from folders, CSV, JSONL and DataFrames, with encodings and line numbers."""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import json
import math
import re
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from framing.cleaning import BoilerplateRule
from framing.corpus.report import CorpusError, LoadReport

__all__ = [
    "MISSING",
    "Options",
    "Record",
    "check_columns",
    "fix_text",
    "fix_value",
    "is_na",
    "open_source",
    "text_notes",
]

_TEXT_SUFFIXES = (".txt", ".md")
#: Files in a corpus folder that are neither articles nor reported as skipped: tables and
#: configuration beside the articles (metadata.csv, actors.tsv, ...).
_COMPANION_SUFFIXES = (".csv", ".tsv", ".json", ".yaml", ".yml")
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
            raise CorpusError(
                f"{where}{at}: not valid {encoding}: {err.reason} at byte {err.start}; "
                "leave encoding= out to let the loader detect it"
            ) from err
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report["decoded"].append([where, line, "cp1252"])
        return data.decode("cp1252", errors="replace")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(head: bytes) -> str | None:
    """UTF-16/UTF-32 from a byte-order mark, or UTF-16 without one (every other byte NUL)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    pairs = len(head) // 2
    if pairs >= 8:
        even = head[0 : 2 * pairs : 2].count(0)
        odd = head[1 : 2 * pairs : 2].count(0)
        if odd > 0.4 * pairs and even < 0.05 * pairs:
            return "utf-16-le"
        if even > 0.4 * pairs and odd < 0.05 * pairs:
            return "utf-16-be"
    return None


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, audio)"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .epub, ...)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
    (b"\x1f\x8b", "gzip-compressed data"),
)
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x7F}


def binary_kind(head: bytes) -> str | None:
    """Name the kind of binary file ``head`` starts, or None for text.

    Known signatures (PDF, images, archives, Office files), or more than 10 % control bytes
    (a few NUL bytes in a text file keep it text: they are removed when loading).
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head and sum(b in _CONTROL_BYTES for b in head) > 0.1 * len(head):
        return "binary data (mostly control bytes)"
    return None


def _decode_file(data: bytes, *, encoding: str | None, where: str, report: LoadReport) -> str:
    """A whole file's text: UTF-16/32 when it says so, else as :func:`_decode`."""
    if encoding is None:
        wide = wide_encoding(data[:4096])
        if wide is not None:
            report["decoded"].append([where, None, wide])
            return data.decode(wide, errors="replace")
    return _decode(data, encoding=encoding, where=where, line=None, report=report)


def _lines(
    path: Path,
    *,
    encoding: str | None,
    where: str,
    bad_lines: str,
    report: LoadReport,
) -> Generator[tuple[int, str], None, None]:
    """Yield ``(line number, line)`` of a text file (``.gz`` too), decoded line by line.

    UTF-16/32 files and files whose lines end in a lone CR (classic Mac) are read whole; other
    files stream. A compressed file that ends early stops the lines with a
    :class:`CorpusError` (``bad_lines="error"``) or a skipped entry (``"skip"``).
    """
    n = 0
    try:
        with _open_binary(path) as handle:
            head = handle.read(65536)
            wide = None if encoding is not None else wide_encoding(head[:4096])
            lone_cr = b"\r" in head and b"\n" not in head
            if wide is None and not lone_cr:
                handle.seek(0)
                for n, raw in enumerate(handle, start=1):
                    yield n, _decode(raw, encoding=encoding, where=where, line=n, report=report)
                return
            data = head + handle.read()
        if wide is not None:
            report["decoded"].append([where, None, wide])
            text = data.decode(wide, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
            for n, line in enumerate(text.splitlines(keepends=False), start=1):
                yield n, line + "\n"
            return
        for n, raw in enumerate(data.split(b"\r"), start=1):
            yield n, _decode(raw, encoding=encoding, where=where, line=n, report=report) + "\n"
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        message = (
            f"the file ends early after line {n} ({err}): it is probably truncated (an "
            "interrupted download or copy)"
        )
        if bad_lines == "error":
            raise CorpusError(
                f"{where}: {message}; fetch it again, or leave out bad_lines='error' (CLI: "
                f"--strict) to keep the {n} line(s) read"
            ) from err
        report["skipped"].append([where, n + 1, None, f"{message}; any later records are lost"])


# --- text ---------------------------------------------------------------------------------------

#: Line ends other than ``\n``: CR LF, lone CR, vertical tab, form feed, NEL, U+2028/U+2029.
_LINE_ENDS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")
#: Removed, and noted: C0/C1 control characters (not tab or newline) and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
#: Removed without a note: invisible characters that only break words apart (zero-width space,
#: word joiner, soft hyphen, a byte-order mark inside the text). Zero-width (non-)joiners and
#: direction marks stay: Arabic-script, Kurdish and Persian text and emoji need them.
_INVISIBLE = re.compile("[\u200b\u2060\u00ad\ufeff]")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: Bidirectional embedding, override and isolate controls: kept (right-to-left writers use
#: them), but counted in a note, because they reorder how the following text is displayed.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|script|style|div|p|span|a\s+href|br|meta|iframe)\b",
    re.IGNORECASE,
)

#: Any character one of the patterns above (or a line end other than LF) deals with.
_ODD = re.compile(
    "[\r\x0b\x0c\x85\u2028\u2029\x00-\x08\x0e-\x1f\x7f-\x9f"
    "\u200b\u2060\u00ad\ufeff\ud800-\udfff\u202a-\u202e\u2066-\u2069]"
)

#: An article longer than this many characters gets a note (several articles in one file?).
LONG_ARTICLE_CHARS = 1_000_000


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def fix_text(text: str, changes: Counter[str] | None = None) -> str:
    """Line ends to ``\\n``, control and word-breaking invisible characters out, NFC.

    Lone surrogates (from a bad ``\\ud800`` escape in JSON) become U+FFFD. The control
    characters and surrogates changed are counted into ``changes`` (name -> count) if given.
    """
    if _ODD.search(text) is None:  # the common case: nothing to change but NFC
        return unicodedata.normalize("NFC", text)
    if changes is not None:
        for m in _CONTROLS.finditer(text):
            changes[_char_name(m.group())] += 1
        surrogates = len(_SURROGATES.findall(text))
        if surrogates:
            changes["lone surrogate (now U+FFFD)"] += surrogates
    text = _LINE_ENDS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def fix_value(value: Any) -> Any:
    """A metadata value made storable: lone surrogates in a string become U+FFFD."""
    if isinstance(value, str) and _SURROGATES.search(value):
        return _SURROGATES.sub("\ufffd", value)
    return value


def text_notes(text: str, changes: Counter[str]) -> list[str]:
    """Notes on a loaded text: characters removed, bidi controls, HTML, size, no sentence ends."""
    notes = []
    if changes:
        listed = ", ".join(f"{n} x {name}" for name, n in sorted(changes.items()))
        notes.append(
            "removed control characters (" + listed + "); offsets index the text without them"
        )
    odd = _ODD.search(text) is not None
    bidi = Counter(_char_name(m.group()) for m in _BIDI_CONTROLS.finditer(text)) if odd else None
    if bidi:
        listed = ", ".join(f"{n} x {name}" for name, n in sorted(bidi.items()))
        notes.append(
            f"bidirectional control characters kept ({listed}); they change how the text "
            "around them is displayed"
        )
    tags = len(_HTML.findall(text, 0, 200_000)) if "<" in text else 0
    if tags >= 3:
        notes.append(
            f"looks like HTML ({tags} tags in the first 200,000 characters): markup and "
            "scripts are analysed as words; save the page's text instead (e.g. "
            "BeautifulSoup(html, 'html.parser').get_text('\\n'))"
        )
    if len(text) > LONG_ARTICLE_CHARS:
        notes.append(
            f"very long article ({len(text):,} characters): is it several articles in one "
            "file? It is analysed as one (time grows linearly with length)"
        )
    from framing.text import MAX_SENTENCE_CHARS

    if len(text) > MAX_SENTENCE_CHARS and max(map(len, text.split("\n"))) > MAX_SENTENCE_CHARS:
        longest = max(map(len, re.split("[.!?\u2026\n]", text)))
        if longest > MAX_SENTENCE_CHARS:
            notes.append(
                f"{longest:,} characters without a sentence end (. ! ? or a line break): "
                f"sentences are cut every {MAX_SENTENCE_CHARS:,} characters or so"
            )
    return notes


def _jsonl_records(
    path: Path, options: Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[Record], list[str], str]:
    label = str(path)
    head = _read_head(path, label)
    wide = None if encoding is not None else wide_encoding(head[:4096])
    start = head.decode(wide, errors="replace") if wide else head.decode("latin-1")
    if start.lstrip(" \r\n\t\ufeff\xef\xbb\xbf").startswith("["):  # a list of objects
        data = _read_all(path, label)
        text = _decode_file(data, encoding=encoding, where=label, report=report)
        try:
            items = json.loads(text, strict=False)
        except json.JSONDecodeError as err:
            raise CorpusError(
                f"{label}, line {err.lineno}: malformed JSON: {err.msg} (column {err.colno}); "
                "fix the file, or save one object a line (JSON Lines) to skip bad records "
                "with bad_lines='skip'"
            ) from err
        if not isinstance(items, list):
            raise CorpusError(f"{label}: expected a list of JSON objects")
        lines: Iterable[tuple[int, Any]] = enumerate(items, start=1)
        records = _object_records(label, lines, options, bad_lines, report, numbered="item")
    else:
        records = _object_records(
            label,
            _parse_json_lines(path, label, encoding, bad_lines, report),
            options,
            bad_lines,
            report,
        )
    first_record = next(records, None)
    if first_record is None:
        return iter(()), [], label
    columns = [*first_record.fields]
    if first_record.text is not MISSING:
        columns.append(options.text_col)
    return _chain(first_record, records), columns, f"{label} (line {first_record.line})"


def _read_head(path: Path, label: str) -> bytes:
    try:
        with _open_binary(path) as handle:
            return handle.read(4096)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise CorpusError(f"{label}: cannot read it ({err}); is it a complete .gz file?") from err


def _read_all(path: Path, label: str) -> bytes:
    try:
        with _open_binary(path) as handle:
            return handle.read()
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        raise CorpusError(
            f"{label}: the file ends early ({err}): it is probably truncated (an interrupted "
            "download or copy); fetch it again"
        ) from err


def _chain(first: Record, rest: Iterator[Record]) -> Iterator[Record]:
    yield first
    yield from rest


def _parse_json_lines(
    path: Path, label: str, encoding: str | None, bad_lines: str, report: LoadReport
) -> Iterator[tuple[int, Any]]:
    for n, line in _lines(path, encoding=encoding, where=label, bad_lines=bad_lines, report=report):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line, strict=False)  # strict=False: raw tabs etc. in strings
        except json.JSONDecodeError as err:
            message = f"malformed JSON: {err.msg} (column {err.colno})"
            if bad_lines == "error":
                raise CorpusError(
                    f"{label}, line {n}: {message}; fix the line, or leave out bad_lines='error' "
                    "(CLI: --strict) to skip it and keep the rest"
                ) from err
            report["skipped"].append([label, n, None, message])


def _object_records(
    label: str,
    items: Iterable[tuple[int, Any]],
    options: Options,
    bad_lines: str,
    report: LoadReport,
    *,
    numbered: str = "line",
) -> Iterator[Record]:
    for n, item in items:
        if not isinstance(item, dict):
            message = f"expected a JSON object, found {type(item).__name__}"
            if bad_lines == "error":
                raise CorpusError(
                    f"{label}, {numbered} {n}: {message}; leave out bad_lines='error' (CLI: "
                    "--strict) to skip it and keep the rest"
                )
            report["skipped"].append([label, n, None, message])
            continue
        yield Record(label, n, item, item.pop(options.text_col, MISSING))


def _csv_records(
    path: Path, options: Options, encoding: str | None, bad_lines: str, report: LoadReport
) -> tuple[Iterator[Record], list[str], str]:
    label = str(path)
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    numbered = _lines(path, encoding=encoding, where=label, bad_lines=bad_lines, report=report)
    first_line = next(numbered, None)
    if first_line is None:
        return iter(()), [], label
    sniffed = _sniff_delimiter(first_line[1], delimiter)
    if sniffed != delimiter:
        report["notes"].append(
            [label, 1, None, f"the header has no {delimiter!r}: read with delimiter {sniffed!r}"]
        )
        delimiter = sniffed
    lines = _chain_lines(first_line[1], numbered)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        numbered.close()
        return iter(()), [], label
    except csv.Error as err:
        numbered.close()
        raise CorpusError(f"{label}, line {reader.line_num}: {err}") from err
    header = [h.strip().lstrip("\ufeff") for h in header]

    def records() -> Iterator[Record]:
        with contextlib.closing(numbered):
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


def _sniff_delimiter(header: str, default: str) -> str:
    """``default``, unless the header line has none of it but another common delimiter."""
    if default in header:
        return default
    counts = {d: header.count(d) for d in (";", "\t", "|", ",") if d != default}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


def _chain_lines(first: str, rest: Iterator[tuple[int, str]]) -> Iterator[str]:
    yield first
    for _, line in rest:
        yield line


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
    entries = sorted(p for p in folder.iterdir() if p.is_file())
    files = [p for p in entries if p.suffix.lower() in _TEXT_SUFFIXES]
    meta_label = "metadata"
    if metadata is None and (folder / "metadata.csv").is_file():
        metadata = folder / "metadata.csv"
    others = [
        p
        for p in entries
        if p.suffix.lower() not in (*_TEXT_SUFFIXES, *_COMPANION_SUFFIXES)
        and not p.name.startswith(".")
        and not (isinstance(metadata, (str, Path)) and p.resolve() == Path(metadata).resolve())
    ]
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
    root = folder.resolve()

    def inside(path: Path, where: str) -> Path:
        """``path`` if it lies in the corpus folder; else refuse the whole corpus."""
        target = path.resolve()
        if not target.is_relative_to(root):
            how = "is a symbolic link to" if path.is_symlink() else "resolves to"
            raise CorpusError(
                f"{where}: {path.name if path.parent == folder else str(path)!r} {how} "
                f"{target}, outside the corpus folder {root}; only files inside the folder "
                "are read (copy the file into it)"
            )
        return path

    def read(path: Path, line: int | None, article_id: str | None) -> tuple[dict, str] | None:
        """Front matter and text of one file, or None (skipped, with the reason listed)."""

        def skip(reason: str) -> None:
            report["skipped"].append([str(path), line, article_id, reason])

        data = path.read_bytes()
        if not data.strip():
            skip("empty file" if not data else "empty file (white space only)")
            return None
        if encoding is None and wide_encoding(data[:4096]) is None:
            kind = binary_kind(data[:4096])
            if kind is not None:
                skip(f"not text: {kind}; convert it to a .txt file to include it")
                return None
        text = _decode_file(data, encoding=encoding, where=str(path), report=report)
        return _front_matter(_LINE_ENDS.sub("\n", text).lstrip("\ufeff"))

    def unused(paths: list[Path], used: set[Path]) -> None:
        for path in paths:
            if path in used:
                continue
            if path.stem.lower() == "readme":
                reason = "README file (documentation, not an article)"
            elif path.suffix.lower() in _TEXT_SUFFIXES:
                reason = f"not listed in {Path(meta_label).name}"
            else:
                reason = (
                    f"not a .txt or .md file ({path.suffix or 'no suffix'}); convert it to "
                    "text to include it"
                )
            report["skipped"].append([str(path), None, None, reason])

    def records_from_metadata() -> Iterator[Record]:
        by_name = {p.name: p for p in files}
        by_stem = {p.stem: p for p in files}
        used: set[Path] = set()
        for line, fields in rows:
            article_id = _str_or_none(fields.get(options.id_col or ""))
            where = f"{meta_label}, line {line}"
            if fields.get("file"):
                name = str(fields["file"])
                path = inside(by_name.get(name) or (folder / name), where)
            else:
                path = by_stem.get(str(fields.get(options.id_col or "", "")), folder / "?")
            if not path.is_file():
                report["skipped"].append(
                    [meta_label, line, article_id, f"file {path.name!r} not found in {folder}"]
                )
                continue
            inside(path, where)
            used.add(path)
            got = read(path, line, article_id)
            if got is None:
                continue
            front, text = got
            merged: dict[str, Any] = {
                k: front.get(k) if v in (None, "") else v for k, v in fields.items()
            }
            merged.update((k, v) for k, v in front.items() if k not in merged)
            merged.setdefault(options.id_col or "", path.stem)
            yield Record(str(path), line, merged, text)
        unused([*files, *others], used)

    def records_from_files() -> Iterator[Record]:
        for path in files:
            inside(path, str(folder))
            got = read(path, None, None)
            if got is None:
                continue
            front, text = got
            if path.stem.lower() == "readme" and options.outlet_col not in front:
                report["skipped"].append(
                    [str(path), None, None, "README file (documentation, not an article)"]
                )
                continue
            if options.id_col:
                front.setdefault(options.id_col, path.stem)
            front.setdefault("file", path.name)
            yield Record(str(path), None, front, text)
        unused(others, set())

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
