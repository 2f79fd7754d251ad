"""The numbered notebooks: stored clean, indexed, and executed top to bottom by the suite."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from framing.notebooks import execute_notebook, notebook_paths

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = notebook_paths(NOTEBOOKS)
EXPECTED = [
    "01-compare-outlets",
    "02-sentiment",
    "03-word-choice",
    "04-attribution",
    "05-classroom-exercise",
    "05b-answer-key",
    "06-your-own-corpus",
    "07-cross-outlet",
]


def test_notebooks_all_present() -> None:
    assert [p.stem for p in PATHS] == EXPECTED


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebooks_stored_without_outputs_or_machine_metadata(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"] == {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for cell in nb["cells"]:
        assert set(cell["metadata"]) <= {"tags"}
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebooks_open_with_question_then_parameters(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    first = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown"
    assert first.startswith(f"# {path.stem[:3].rstrip('-')} · ")
    assert "**Question" in first
    assert cells[1]["metadata"].get("tags") == ["parameters"]
    assert "CORPUS" in "".join(cells[1]["source"])


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebooks_are_thin(path: Path) -> None:
    """Analysis and plotting live in framing/: no function or class definitions in cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert not re.search(r"^\s*(def|class) ", code, re.M)
    assert "import matplotlib" not in code


def test_notebooks_index_lists_every_notebook() -> None:
    index = (NOTEBOOKS / "README.md").read_text(encoding="utf-8")
    for path in PATHS:
        assert f"]({path.name})" in index


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebooks_execute(path: Path) -> None:
    start = time.perf_counter()
    nb = execute_notebook(path, timeout=120)
    seconds = time.perf_counter() - start
    errors = [
        out
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "error"
    ]
    assert errors == []
    assert seconds < 60, f"{path.name} took {seconds:.0f} s (limit: one minute)"


def test_notebooks_kernel_is_this_python(tmp_path: Path) -> None:
    """The suite's notebooks run on the interpreter running the tests (the venv), in their own
    folder, with parameters injected after the parameters cell."""
    import sys

    import nbformat

    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell("WHO = 'default'")
    params.metadata["tags"] = ["parameters"]
    nb.cells = [
        params,
        nbformat.v4.new_code_cell("import os, sys\nprint(sys.executable, os.getcwd(), WHO)"),
    ]
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    done = execute_notebook(path, parameters={"WHO": "injected"})
    printed = done.cells[-1].outputs[0]["text"].split()
    assert printed == [sys.executable, str(tmp_path.resolve()), "injected"]


def test_notebooks_html_fetches_no_scripts() -> None:
    import nbformat

    from framing.notebooks import notebook_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 01 · A question?")]
    page = notebook_html(nb)
    assert re.findall(r"<script[^>]*\ssrc=", page) == []
    assert "A question?" in page
