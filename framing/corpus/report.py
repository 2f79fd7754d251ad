"""What loading skipped, removed and decoded: :class:`LoadReport`, errors and warnings."""

from __future__ import annotations

import warnings
from collections import Counter
from typing import Any

import pandas as pd

__all__ = ["CorpusError", "CorpusWarning", "LoadReport", "load_report"]

SKIPPED_COLUMNS = ("source", "line", "article_id", "reason")
REMOVED_COLUMNS = ("article_id", "rule", "start", "end", "removed", "reason")
DECODED_COLUMNS = ("source", "line", "encoding")
NOTES_COLUMNS = ("source", "line", "article_id", "note")


class CorpusError(ValueError):
    """The corpus cannot be read: a missing column, a malformed line, an unreadable file.

    The message names the file (and line, where there is one) at fault.
    """


class CorpusWarning(UserWarning):
    """Records were skipped, text was decoded with a fallback encoding, or loaded with a note."""


class LoadReport(dict[str, list[list[Any]]]):
    """What :func:`load_corpus` skipped, removed, decoded with a fallback encoding and noted.

    A plain dict of row lists underneath (so a table carrying it in ``attrs`` can still be
    written to Parquet, concatenated and copied cheaply); read it through the properties.
    """

    def __init__(self) -> None:
        super().__init__(skipped=[], removed=[], decoded=[], notes=[])

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
        """Files or lines that were not UTF-8: ``source, line, encoding``.

        ``encoding`` is ``cp1252`` (the fallback for text that is not valid UTF-8; it also
        reads Latin-1 correctly) or ``utf-16``/``utf-32`` (from the byte-order mark, or
        ``utf-16-le``/``utf-16-be`` detected from the NUL bytes of a file without one).
        """
        return _frame(self["decoded"], DECODED_COLUMNS, ints=("line",))

    @property
    def notes(self) -> pd.DataFrame:
        """Articles loaded with a warning: ``source, line, article_id, note``.

        Control characters removed (NUL, ...), bidirectional controls kept, text that looks
        like HTML, a very long article, long text without a sentence end, a CSV delimiter
        other than the expected one. The article is in the table; the note says what to check.
        """
        return _frame(self.get("notes", []), NOTES_COLUMNS, ints=("line",))


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
        restored.update({k: list(v) for k, v in report.items()})
        return restored
    return report


def warn_about(report: LoadReport) -> None:
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
        lines = Counter(row[0] for row in decoded if row[1] is not None)
        files = dict.fromkeys(row[0] for row in decoded)
        listed = ", ".join(f"{src} ({lines[src]} line(s))" if lines[src] else src for src in files)
        warnings.warn(
            f"not UTF-8, decoded as {_encodings(decoded)}: {listed}. Check the text; pass "
            "encoding= to force one. Full list: articles.attrs['load_report'].decoded",
            CorpusWarning,
            stacklevel=4,
        )
    notes = report.get("notes", [])
    if notes:
        first = notes[0]
        where = f"{first[0]}" + (f", line {first[1]}" if first[1] is not None else "")
        warnings.warn(
            f"load_corpus loaded {len(notes)} record(s) with a note; first: {where}: "
            f"{first[3]}. Full list: articles.attrs['load_report'].notes",
            CorpusWarning,
            stacklevel=4,
        )


def _encodings(decoded: list[list[Any]]) -> str:
    return " / ".join(dict.fromkeys(str(row[2]) for row in decoded))


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]
