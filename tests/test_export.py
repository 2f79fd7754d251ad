"""framing.export: atomic writes, spreadsheet-safe CSV, valid JSON Lines; the table writers."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import framing
from framing.export import (
    atomic_path,
    atomic_write,
    safe_cell,
    safe_csv_cells,
    to_csv,
    to_jsonl,
    write_text,
)
from framing.pipeline.result import TableWriter


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- atomic writes -------------------------------------------------------------------------------


def test_export_write_text_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "page.html"
    assert write_text(path, "<p>one</p>") == path
    write_text(path, "<p>two</p>\n")
    assert path.read_bytes() == b"<p>two</p>\n"
    assert leftovers(path.parent) == []


@pytest.mark.parametrize("writer", ["atomic_write", "atomic_path"])
def test_export_interrupted_write_keeps_the_old_file(tmp_path: Path, writer: str) -> None:
    path = tmp_path / "table.csv"
    path.write_text("old\n")
    with pytest.raises(RuntimeError, match="disk full"):
        if writer == "atomic_write":
            with atomic_write(path) as f:
                f.write("new, half")
                raise RuntimeError("disk full")
        else:
            with atomic_path(path) as tmp:
                tmp.write_text("new, half")
                raise RuntimeError("disk full")
    assert path.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_export_atomic_write_bytes(tmp_path: Path) -> None:
    with atomic_write(tmp_path / "a.bin", mode="wb") as f:
        f.write(b"\x00\x01")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"


# --- spreadsheet-safe CSV -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("- Advertisement -", "'- Advertisement -"),
        ("Biden said the US would stay.", "Biden said the US would stay."),
        ("a=b", "a=b"),
        ("", ""),
        (-0.25, -0.25),
        (None, None),
    ],
)
def test_export_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_export_safe_csv_cells_touches_text_only() -> None:
    table = pd.DataFrame(
        {
            "article_id": pd.Series(["=a1", "b2"], dtype="str"),
            "polarity": [-0.25, 0.5],
            "count": pd.array([-3, 4], dtype="Int64"),
            "mixed": pd.Series(["@x", 5], dtype=object),
            "flag": [True, False],
            "=name": ["ok", None],
        }
    )
    out = safe_csv_cells(table)
    assert list(out.columns) == ["article_id", "polarity", "count", "mixed", "flag", "'=name"]
    assert list(out["article_id"]) == ["'=a1", "b2"]
    assert list(out["polarity"]) == [-0.25, 0.5]
    assert out["polarity"].dtype == "float64" and out["count"].dtype == "Int64"
    assert list(out["count"]) == [-3, 4]
    assert list(out["mixed"]) == ["'@x", 5]
    assert list(table["article_id"]) == ["=a1", "b2"]  # the input is not modified


@pytest.mark.parametrize(
    "cells",
    [
        ["=SUM(A1)", None, "Iraq", float("nan"), "-0.25", "+1", "@you", "\tx", "\ry", "a=b"],
        ["@x", 5, None, "-3", 2.5, "plain"],  # text and numbers in one column
        [b"=bytes", None, "=text"],  # bytes are not text: untouched
        [None, None],
        [float("nan"), "=x"],
        ["'=already", "= spaced", "\u2212minus sign"],
    ],
)
def test_export_safe_csv_cells_object_column_matches_cell_by_cell(cells: list[object]) -> None:
    """The vectorised test gives the table ``safe_cell`` on each cell gives, dtypes included."""
    table = pd.DataFrame({"text": pd.Series(cells, dtype=object), "n": range(len(cells))})
    mapped = table["text"].map(safe_cell)
    expected = table.copy()
    expected.isetitem(0, mapped.to_numpy())
    out = safe_csv_cells(table)
    pd.testing.assert_frame_equal(out, expected)
    assert (out is table) == mapped.equals(table["text"])
    assert out.to_csv(index=False) == table.map(safe_cell).to_csv(index=False)


def test_export_safe_csv_cells_returns_the_table_when_nothing_to_do() -> None:
    table = pd.DataFrame({"term": ["troops", "base"], "z": [-1.5, 2.0]})
    assert safe_csv_cells(table) is table


def test_export_to_csv_safe_and_exact(tmp_path: Path) -> None:
    table = pd.DataFrame({"quote": ["=1+2 is the answer", "fine"], "z": [-1.5, 2.0]})
    to_csv(table, tmp_path / "safe.csv")
    assert (tmp_path / "safe.csv").read_text() == "quote,z\n'=1+2 is the answer,-1.5\nfine,2.0\n"
    to_csv(table, tmp_path / "exact.csv", safe=False)
    back = pd.read_csv(tmp_path / "exact.csv")
    assert list(back["quote"]) == ["=1+2 is the answer", "fine"]
    assert list(back["z"]) == [-1.5, 2.0]


# --- JSON Lines -----------------------------------------------------------------------------------


def test_export_to_jsonl_is_valid_json_for_any_input(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {
            "text": pd.Series(
                [
                    "Biden said \u201cno\u201d",
                    None,
                    "\u0627\u0644\u0639\u0631\u0627\u0642",
                    "\ud800x",
                ],
                dtype=object,
            ),
            "score": [np.nan, np.inf, -np.inf, -0.5],
            "when": pd.to_datetime(pd.Series(["2021-07-26", None, "2021-07-27", "2021-07-28"])),
        }
    )
    to_jsonl(table, tmp_path / "t.jsonl")
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [
        json.loads(line, parse_constant=lambda c: pytest.fail(f"not JSON: {c}")) for line in lines
    ]
    assert [r["text"] for r in rows] == [
        "Biden said \u201cno\u201d",
        None,
        "\u0627\u0644\u0639\u0631\u0627\u0642",
        "\ufffdx",
    ]
    assert [r["score"] for r in rows] == [None, None, None, -0.5]
    assert rows[0]["when"].startswith("2021-07-26T00:00:00")
    assert rows[1]["when"] is None


# --- the table writer -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_table_writer_interrupted_leaves_no_table(tmp_path: Path, fmt: str) -> None:
    (tmp_path / f"quotes.{fmt}").write_text("previous run\n")
    chunk = pd.DataFrame({"article_id": ["a", "b"], "quote": ["x", "y"], "start": [1, 2]})
    with (
        pytest.raises(KeyboardInterrupt),
        TableWriter(tmp_path, format=fmt) as writer,  # type: ignore[arg-type]
    ):
        writer.append("quotes", chunk)
        writer.append("markers", chunk)
        writer.append("quotes", chunk)
        raise KeyboardInterrupt
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"quotes.{fmt}"]
    assert (tmp_path / f"quotes.{fmt}").read_text() == "previous run\n"


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_table_writer_streams_and_renames_at_close(tmp_path: Path, fmt: str) -> None:
    chunk = pd.DataFrame({"article_id": ["a", "b"], "quote": ["=x", "y"], "z": [-1.0, 2.0]})
    with TableWriter(tmp_path, format=fmt) as writer:  # type: ignore[arg-type]
        writer.append("quotes", chunk)
        assert not (tmp_path / f"quotes.{fmt}").exists()  # nothing complete-looking yet
        assert len(leftovers(tmp_path)) == 1
        writer.append("quotes", chunk)
        writer.append("errors", chunk.iloc[:0])
    assert leftovers(tmp_path) == []
    path = tmp_path / f"quotes.{fmt}"
    if fmt == "csv":
        assert path.read_text() == "article_id,quote,z\na,'=x,-1.0\nb,y,2.0\na,'=x,-1.0\nb,y,2.0\n"
        assert (tmp_path / "errors.csv").read_text() == "article_id,quote,z\n"
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text().splitlines()]
        assert rows[0] == {"article_id": "a", "quote": "=x", "z": -1.0}  # JSON: no apostrophe
        assert len(rows) == 4
        assert (tmp_path / "errors.jsonl").read_text() == ""
    else:
        back = pd.read_parquet(path)
        assert list(back["quote"]) == ["=x", "y", "=x", "y"]
        assert list(pd.read_parquet(tmp_path / "errors.parquet").columns) == list(chunk.columns)


def test_export_analysis_save_is_spreadsheet_safe(tmp_path: Path) -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["=cmd|' /C calc'!A0", "Rudaw"],
            "text": [
                '"=1+2 is the answer," Biden said. The US will stay.',
                "Iraqi Prime Minister Mustafa al-Kadhimi said the talks were useful.",
            ],
        }
    )
    result = framing.analyze(articles, progress=False)
    paths = result.save(tmp_path / "safe")
    quotes = pd.read_csv(paths["quotes"])
    assert list(quotes["outlet"]) == ["'=cmd|' /C calc'!A0", "Rudaw"]
    assert quotes["quote"].iloc[0] == "'=1+2 is the answer"
    sentiment = pd.read_csv(paths["sentiment"])
    assert pd.api.types.is_float_dtype(sentiment["polarity"])
    exact = result.save(tmp_path / "exact", safe=False)
    assert pd.read_csv(exact["quotes"])["quote"].iloc[0] == "=1+2 is the answer"
    jsonl = result.save(tmp_path / "json", format="jsonl")
    for path in jsonl.values():
        for line in path.read_text().splitlines():
            row = json.loads(line)
            assert all(not (isinstance(v, float) and math.isnan(v)) for v in row.values())
