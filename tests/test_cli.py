"""framing.cli: ``framing analyze``, exit codes, and messages naming the file and line at fault."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing.pipeline
from framing.cli import EXIT_ANALYSIS, EXIT_OK, EXIT_USAGE, build_parser, main

SENTENCE = "Kadhimi is seen as friendly to the US."
SENTENCE_2 = "Iran has denied involvement."


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def story_out(story_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "tables"
    assert main(["analyze", str(story_dir), "--out", str(out), "--quiet"]) == EXIT_OK
    return out


def test_cli_analyze_writes_tables(story_out: Path) -> None:
    written = {p.name for p in story_out.glob("*.csv")}
    assert {"articles.csv", "comparison.csv", "load_skipped.csv", "load_removed.csv"} <= written
    articles = pd.read_csv(story_out / "articles.csv")
    assert list(articles["outlet"]) == ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]


def test_cli_analyze_finds_the_actor_file_beside_the_corpus(story_out: Path) -> None:
    labels = pd.read_csv(story_out / "labels.csv")
    militias = labels[labels["actor"] == "Iran-aligned militias"]
    assert "so-called Iran-aligned fighters" in set(militias["label"])


def test_cli_analyze_parquet_format(story_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "o"
    argv = ["analyze", str(story_dir), "--out", str(out), "--format", "parquet", "--quiet"]
    assert main(argv) == EXIT_OK
    assert pd.read_parquet(out / "sentiment.parquet")["outlet"].tolist() == [
        "Xinhua",
        "WION",
        "Rudaw",
        "China Daily",
        "USA Today",
    ]


def test_cli_scheduler_needs_dask_engine(
    story_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["analyze", str(story_dir), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]
    assert main(argv) == EXIT_USAGE
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_cli_analyze_writes_load_audit(story_out: Path) -> None:
    removed = pd.read_csv(story_out / "load_removed.csv")
    assert len(removed) == 17
    assert removed["rule"].value_counts()["headline"] == 3
    assert pd.read_csv(story_out / "load_skipped.csv").empty


def test_cli_summary_line(
    story_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(story_dir), "--out", str(tmp_path / "o")]) == EXIT_OK
    out = capsys.readouterr().out
    assert (
        f"framing: analysed 5 articles from {story_dir} (0 skipped, 17 boilerplate removals" in out
    )


@pytest.mark.parametrize("argv", [["--help"], ["analyze", "--help"], ["--version"]])
def test_cli_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_OK
    assert "framing" in capsys.readouterr().out


def test_cli_every_command_and_option_documented() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():  # type: ignore[union-attr]
        assert sub.description, name
        for action in sub._actions:
            assert action.help, f"{name} {action.dest}"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["analyze"],
        ["analyze", "x.csv"],
        ["nonsense"],
        ["analyze", "x", "--out", "o", "--jobs", "two"],
    ],
)
def test_cli_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == EXIT_USAGE
    assert "usage: framing" in capsys.readouterr().err


def test_cli_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.jsonl"
    assert main(["analyze", str(missing), "--out", str(tmp_path / "o")]) == EXIT_USAGE
    assert capsys.readouterr().err == f"framing: error: {missing}: no such file or folder\n"


def test_cli_missing_column_names_file_and_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"id,source,body\n1,Rudaw,{SENTENCE}\n", encoding="utf-8")
    assert main(["analyze", str(path), "--out", str(tmp_path / "o")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(
        f"framing: error: {path} (header, line 1): no column 'text', 'article_id', 'outlet'; "
        "the columns are: id, source, body."
    )


def test_cli_malformed_jsonl_line_is_skipped_and_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"article_id": "a", "outlet": "Rudaw", "text": SENTENCE})
    path.write_text(f"{good}\n{good[:-5]}\n", encoding="utf-8")
    out = tmp_path / "o"
    assert main(["analyze", str(path), "--out", str(out)]) == 0
    assert f"{path}, line 2: malformed JSON" in capsys.readouterr().err
    skipped = pd.read_csv(out / "load_skipped.csv")
    assert skipped["line"].tolist() == [2]
    argv = ["analyze", str(path), "--out", str(tmp_path / "strict"), "--strict"]
    assert main(argv) == EXIT_USAGE
    assert capsys.readouterr().err.startswith(f"framing: error: {path}, line 2: malformed JSON")


def test_cli_column_mapping_and_skip_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        [
            {"ID": "1", "source": "Rudaw", "body": SENTENCE},
            {"ID": "1", "source": "WION", "body": SENTENCE_2},
            {"ID": "2", "source": "WION", "body": SENTENCE_2},
        ],
    )
    out = tmp_path / "o"
    argv = ["analyze", str(path), "--out", str(out), "--text-col", "body"]
    argv += ["--id-col", "ID", "--outlet-col", "source", "--quiet"]
    assert main(argv) == EXIT_OK
    assert "framing: warning: load_corpus skipped 1 record(s)" in capsys.readouterr().err
    skipped = pd.read_csv(out / "load_skipped.csv")
    assert skipped[["line", "article_id"]].values.tolist() == [[2, 1]]


def test_cli_streams_with_chunksize(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"article_id": str(i), "outlet": "AB"[i % 2], "text": SENTENCE} for i in range(5)
    ]
    path = _jsonl(tmp_path / "a.jsonl", rows)
    out = tmp_path / "o"
    assert main(["analyze", str(path), "--out", str(out), "--chunksize", "2", "--quiet"]) == EXIT_OK
    assert len(pd.read_csv(out / "articles.csv")) == 5


def test_cli_analysis_error_exits_1(
    story_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("model exploded")

    monkeypatch.setattr(framing.pipeline, "analyze", broken)
    assert main(["analyze", str(story_dir), "--out", str(tmp_path / "o")]) == EXIT_ANALYSIS
    assert (
        "framing: error: analysis failed: RuntimeError: model exploded" in capsys.readouterr().err
    )


def test_cli_out_is_a_file(story_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert main(["analyze", str(story_dir), "--out", str(target)]) == EXIT_USAGE


def test_cli_python_dash_m(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", str(tmp_path / "none.csv"), "--out", "o"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == EXIT_USAGE
    assert "no such file or folder" in done.stderr


def test_cli_load_notes_and_spreadsheet_safe_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "article_id": "1",
                "outlet": "Rudaw",
                "text": f'"=1+2 is the answer," Biden said. {SENTENCE}',
            },
            {"article_id": "2", "outlet": "-WION", "text": f"{SENTENCE_2}\u0000"},
        ],
    )
    out = tmp_path / "o"
    assert main(["analyze", str(path), "--out", str(out), "--quiet"]) == EXIT_OK
    assert "framing: warning: load_corpus loaded 1 record(s) with a note" in capsys.readouterr().err
    notes = pd.read_csv(out / "load_notes.csv")
    assert notes[["line", "article_id"]].values.tolist() == [[2, 2]]
    assert notes["note"].iloc[0].startswith("removed control characters (1 x U+0000)")
    quotes = pd.read_csv(out / "quotes.csv")
    assert quotes["quote"].iloc[0] == "'=1+2 is the answer"
    assert list(pd.read_csv(out / "articles.csv")["outlet"]) == ["Rudaw", "'-WION"]
    assert not list(out.glob(".*.part"))


def test_cli_jsonl_format_and_plot(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"article_id": str(i), "outlet": "AB"[i % 2], "text": SENTENCE} for i in range(4)
    ]
    path = _jsonl(tmp_path / "a.jsonl", rows)
    out, plot = tmp_path / "o", tmp_path / "fig" / "outlets.png"
    argv = ["analyze", str(path), "--out", str(out), "--format", "jsonl", "--plot", str(plot)]
    assert main([*argv, "--quiet"]) == EXIT_OK
    lines = (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article_id"] for line in lines] == ["0", "1", "2", "3"]
    assert plot.read_bytes()[:4] == b"\x89PNG"
    assert not list(plot.parent.glob(".*.part"))
