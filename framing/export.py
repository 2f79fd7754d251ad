"""Writing results to disk: atomically, and safe to open in a spreadsheet.

**Atomic.** Every file the package writes goes through :func:`atomic_write` (or
:func:`atomic_path`, or :func:`partial_path` and :func:`commit` for files written piece by
piece): the content goes to a temporary file in the same folder, which is renamed over the
target only once it is complete. A run killed halfway leaves the previous file (or none), never a
truncated table that looks complete.

**Spreadsheet-safe CSV.** Article text is written by strangers. A CSV cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel, LibreOffice and Google
Sheets as a formula (``=HYPERLINK(...)``, ``=cmd|...``): "CSV injection". :func:`to_csv` (and
every CSV the package writes) prefixes such *text* cells with an apostrophe, as the OWASP
guidance recommends, so the spreadsheet shows them as text. Numbers are never touched: a
negative number in a numeric column stays a number (``-0.25``); only text cells change, so a
text cell ``"-0.25"`` in a text column becomes ``'-0.25``. Pass ``safe=False`` for files only
programs read (``pd.read_csv`` then gets the text back exactly).

**Valid JSON.** :func:`to_jsonl` writes JSON Lines that any parser accepts: NaN and infinity
become ``null``, dates ISO 8601, text UTF-8.

References:
    OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FORMULA_PREFIXES",
    "atomic_path",
    "atomic_write",
    "commit",
    "partial_path",
    "safe_cell",
    "safe_csv_cells",
    "to_csv",
    "to_jsonl",
    "write_jsonl",
    "write_text",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is a formula to a spreadsheet (OWASP's list)."""


def partial_path(path: str | Path) -> Path:
    """A fresh temporary path beside ``path`` (``.<name>.<pid>.<random>.part``).

    Write the file there, then :func:`commit` it. The folder is created if missing. Not
    ``mkstemp``, whose files are private to their owner: the result gets the same permissions
    as any file the user creates.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.part")


def commit(partial: str | Path, path: str | Path) -> Path:
    """Rename the finished ``partial`` file over ``path`` (atomic on one file system)."""
    os.replace(partial, path)
    return Path(path)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it over ``path`` if the block succeeds.

    For writers that want a path rather than a file object (``DataFrame.to_parquet``,
    ``Figure.savefig``). On an exception the temporary file is removed and ``path`` is left
    as it was.

    Args:
        path: The file to write.

    Yields:
        The temporary path to write to.
    """
    tmp = partial_path(path)
    try:
        yield tmp
        commit(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def atomic_write(
    path: str | Path,
    *,
    mode: Literal["w", "wb"] = "w",
    encoding: str | None = "utf-8",
    errors: str = "strict",
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing; rename it over ``path`` on success.

    Args:
        path: The file to write.
        mode: ``"w"`` for text, ``"wb"`` for bytes.
        encoding: Text encoding (ignored for ``"wb"``).
        errors: What to do with text the encoding cannot hold (``"replace"`` writes ``?``
            for a lone surrogate, say); ignored for ``"wb"``.

    Yields:
        The open file. Text mode writes ``\\n`` line ends on every platform.
    """
    with atomic_path(path) as tmp:
        if mode == "wb":
            with tmp.open("wb") as f:
                yield f
        else:
            with tmp.open("w", encoding=encoding, errors=errors, newline="") as f:
                yield f


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically and return the path."""
    with atomic_write(path, encoding=encoding) as f:
        f.write(text)
    return Path(path)


# --- spreadsheet-safe CSV -------------------------------------------------------------------------


def safe_cell(value: Any) -> Any:
    """``value`` with an apostrophe in front if it is text a spreadsheet would run as a formula.

    Example:
        >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-12"), safe_cell(-12)
        ('\\'=HYPERLINK("http://x")', "'-12", -12)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_csv_cells(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` whose text cells cannot run as spreadsheet formulas.

    Text cells (in text or mixed columns) starting with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return get a leading apostrophe; so do such column names. Numeric, boolean and
    date columns are returned unchanged, so negative numbers stay numbers.

    Args:
        table: Any DataFrame.

    Returns:
        The neutralised copy (``table`` itself if nothing needed changing).
    """
    import pandas as pd

    changed: dict[Any, pd.Series] = {}
    for position in range(table.shape[1]):
        series = table.iloc[:, position]
        if pd.api.types.is_string_dtype(series.dtype) and series.dtype != object:
            mask = series.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
            if mask.any():
                changed[position] = series.where(~mask, "'" + series.astype("str"))
        elif series.dtype == object:
            mapped = _safe_object_column(series)
            if mapped is not None:
                changed[position] = mapped
    names = [safe_cell(c) for c in table.columns]
    renamed = names != list(table.columns)
    if not changed and not renamed:
        return table
    out = table.copy()
    for position, series in changed.items():
        out.isetitem(position, series.to_numpy())
    if renamed:
        out.columns = names
    return out


def _safe_object_column(series: pd.Series) -> pd.Series | None:
    """``series.map(safe_cell)`` if that changes any cell, else None; vectorised.

    The string test runs in pandas' ``.str`` methods; only the cells that need an apostrophe
    are touched in Python. Columns ``.str`` cannot handle (no text at all, bytes) take the
    cell-by-cell path.
    """
    import pandas as pd

    mask = _formula_mask(series)
    if mask is None:  # not all text (numbers, bytes, ...): cell by cell
        mapped = series.map(safe_cell)
        return None if mapped.equals(series) else mapped
    if not mask.any():
        return None
    values = series.to_numpy(dtype=object, copy=True)
    values[mask] = ["'" + value for value in values[mask]]
    return pd.Series(values, index=series.index, name=series.name)


def _formula_mask(series: pd.Series) -> Any:
    """Which cells of an object column of text (and missing values) start with a formula
    prefix, as a boolean array; None if the column holds anything else.

    Tested in one pass in C (pyarrow's regular expressions) when pyarrow is installed, else
    with pandas' ``.str`` methods.
    """
    import numpy as np

    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow is optional
        pa = None
    if pa is not None:
        try:
            arrow = pa.array(series.to_numpy(dtype=object), from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError, UnicodeError):
            return None
        if pa.types.is_null(arrow.type):  # only missing values
            return np.zeros(len(series), dtype=bool)
        if not (pa.types.is_string(arrow.type) or pa.types.is_large_string(arrow.type)):
            return None  # e.g. bytes
        found = pc.match_substring_regex(arrow, _FORMULA_PATTERN).fill_null(False)
        return found.to_numpy(zero_copy_only=False)
    try:
        starts = series.str.startswith(FORMULA_PREFIXES)
    except (AttributeError, TypeError):
        return None
    if starts.dtype == object and not all(  # mixed text and numbers: not all text
        isinstance(v, str) or v is None or v != v for v in series.to_numpy(dtype=object)
    ):
        return None
    return np.asarray(starts.to_numpy(dtype=object) == True, dtype=bool)  # noqa: E712


#: :data:`FORMULA_PREFIXES` as one anchored regular expression.
_FORMULA_PATTERN = "^[=+\\-@\t\r]"


def to_csv(
    table: pd.DataFrame,
    path: str | Path,
    *,
    safe: bool = True,
    index: bool = False,
    **options: Any,
) -> Path:
    """Write ``table`` as UTF-8 CSV, atomically, with formulas neutralised (see module doc).

    Args:
        table: The table to write.
        path: The CSV file.
        safe: Neutralise text cells a spreadsheet would run as formulas (default). ``False``
            writes the text exactly, for files only programs read.
        index: Write the index as a column.
        **options: Passed to :meth:`pandas.DataFrame.to_csv`.

    Returns:
        ``path``.
    """
    with atomic_write(path, errors="replace") as f:
        (safe_csv_cells(table) if safe else table).to_csv(f, index=index, **options)
    return Path(path)


def to_jsonl(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` as JSON Lines (one object per row), atomically; valid JSON for any input.

    NaN, infinity and missing values become ``null``, dates ISO 8601 strings; text is UTF-8
    (a lone surrogate, which UTF-8 cannot hold, becomes U+FFFD).

    Returns:
        ``path``.
    """
    with atomic_write(path, errors="replace") as f:
        write_jsonl(table, f)
    return Path(path)


def write_jsonl(table: pd.DataFrame, handle: IO[str]) -> None:
    """Append ``table``'s rows as JSON Lines to an open text file (see :func:`to_jsonl`)."""
    if not len(table):
        return
    options: dict[str, Any] = {"orient": "records", "lines": True, "force_ascii": False}
    try:
        text = table.to_json(date_format="iso", **options)
    except UnicodeEncodeError:  # a lone surrogate in an object column: replace it, retry
        text = _without_surrogates(table).to_json(date_format="iso", **options)
    handle.write(text)  # pandas ends the lines with a newline


def _without_surrogates(table: pd.DataFrame) -> pd.DataFrame:
    import re

    surrogate = re.compile("[\ud800-\udfff]")

    def fix(value: Any) -> Any:
        return surrogate.sub("\ufffd", value) if isinstance(value, str) else value

    out = table.copy()
    for position in range(out.shape[1]):
        if out.iloc[:, position].dtype == object:
            out.isetitem(position, out.iloc[:, position].map(fix).to_numpy())
    return out
