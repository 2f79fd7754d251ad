"""Determinism: the same input gives byte-identical tables and report, however it is run.

``Analysis.save()`` CSVs (and the report HTML) are compared byte for byte between two serial
runs, the serial, ``engine="processes", jobs=2`` and ``engine="dask"`` engines, and runs in
fresh interpreters under different ``PYTHONHASHSEED`` values (set and dict iteration orders
differ there, so any order that leaks into a table shows up). The report's date comes from
``SOURCE_DATE_EPOCH`` when set (reproducible builds), so its bytes can be compared too.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from framing.pipeline import analyze
from framing.report import report

EPOCH = "1627257600"  # 2021-07-26, the day of the bundled story
SCRIPT = """
import sys
from pathlib import Path
import framing
from framing.report import report
story, out = Path(sys.argv[1]), Path(sys.argv[2])
articles = framing.load_corpus(story)
result = framing.analyze(articles, actors=story / "actors.tsv", progress=False)
result.save(out)
report(articles, out / "report.html", result=result)
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _run(
    articles: pd.DataFrame, out: Path, actors: Path | None = None, **engine: Any
) -> dict[str, bytes]:
    options: dict[str, Any] = {} if actors is None else {"actors": actors}
    result = analyze(articles, progress=False, **options, **engine)
    result.save(out)
    report(articles, out / "report.html", result=result)
    return _files(out)


def _differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """The files that differ (or exist in one run only), with the first differing line."""
    out = []
    for name in sorted(set(a) | set(b)):
        if a.get(name) == b.get(name):
            continue
        lines_a = (a.get(name) or b"").decode("utf-8", "replace").splitlines()
        lines_b = (b.get(name) or b"").decode("utf-8", "replace").splitlines()
        first = next(
            (i for i, (x, y) in enumerate(zip(lines_a, lines_b, strict=False)) if x != y),
            min(len(lines_a), len(lines_b)),
        )
        out.append(f"{name} line {first + 1}")
    return out


@pytest.fixture(scope="module")
def story_runs(
    story_dir: Path, story_articles: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, bytes]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        actors = story_dir / "actors.tsv"
        base = tmp_path_factory.mktemp("determinism")
        return {
            "serial": _run(story_articles, base / "serial", actors),
            "serial again": _run(story_articles, base / "again", actors),
            "processes": _run(
                story_articles, base / "processes", actors, engine="processes", jobs=2
            ),
        }


EXPECTED_FILES = {
    "articles.csv",
    "comparison.csv",
    "errors.csv",
    "labels.csv",
    "markers.csv",
    "quotes.csv",
    "report.html",
    "sentences.csv",
    "sentiment.csv",
    "terms.csv",
    "voices.csv",
}


def test_determinism_writes_every_table(story_runs: dict[str, dict[str, bytes]]) -> None:
    assert set(story_runs["serial"]) == EXPECTED_FILES
    assert b"2021-07-26" in story_runs["serial"]["report.html"]  # SOURCE_DATE_EPOCH's day


@pytest.mark.parametrize("other", ["serial again", "processes"])
def test_determinism_same_bytes_across_runs_and_engines(
    story_runs: dict[str, dict[str, bytes]], other: str
) -> None:
    assert _differences(story_runs["serial"], story_runs[other]) == []


def test_determinism_same_bytes_on_dask(
    story_runs: dict[str, dict[str, bytes]],
    story_dir: Path,
    story_articles: pd.DataFrame,
    dask_client: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    dask = _run(
        story_articles, tmp_path, story_dir / "actors.tsv", engine="dask", client=dask_client
    )
    assert _differences(story_runs["serial"], dask) == []


@pytest.mark.parametrize("seed", ["4242"])
def test_determinism_same_bytes_under_another_hash_seed(
    story_runs: dict[str, dict[str, bytes]], story_dir: Path, tmp_path: Path, seed: str
) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": EPOCH}
    subprocess.run(
        [sys.executable, "-c", SCRIPT, str(story_dir), str(tmp_path)],
        check=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        timeout=300,
    )
    assert _differences(story_runs["serial"], _files(tmp_path)) == []


def test_determinism_allsides_slice_serial_vs_processes(allsides: Any, tmp_path: Path) -> None:
    articles = allsides(40)
    serial = analyze(articles, progress=False)
    pooled = analyze(articles, progress=False, engine="processes", jobs=2)
    serial.save(tmp_path / "serial")
    pooled.save(tmp_path / "processes")
    assert _differences(_files(tmp_path / "serial"), _files(tmp_path / "processes")) == []
