"""Reading the package's data files (TSV lexicons and word lists) with ``importlib.resources``."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["read_tsv"]


@cache
def _read_package_tsv(name: str) -> tuple[dict[str, str], ...]:
    text = resources.files("framing.lexicons").joinpath(name).read_text(encoding="utf-8")
    return tuple(_parse(text))


def _parse(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_tsv(source: str | Path) -> list[dict[str, str]]:
    """Read a TSV word list: lines starting with ``#`` are provenance comments, then a header.

    Args:
        source: A file name inside ``framing/lexicons/`` (e.g. ``"abbreviations.tsv"``), or a
            path to a user's own file with the same columns.

    Returns:
        One dict per row, keyed by the header's column names, values stripped.
    """
    if isinstance(source, Path) or "/" in str(source) or "\\\\" in str(source):
        return _parse(Path(source).read_text(encoding="utf-8-sig"))
    return [dict(row) for row in _read_package_tsv(str(source))]
