"""Execute the numbered notebooks and export them as HTML (for ``make demo`` and the tests).

Needs the ``notebooks`` extra (``pip install news-framing[notebooks]``: nbclient, nbconvert,
ipykernel). Notebooks run with their own folder as working directory, on the ``python3``
kernel of the Python running this code, so they import the same ``framing``.

Example:
    >>> run_notebooks("notebooks", out_dir="build/notebooks")  # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from framing.export import write_text

__all__ = ["NotebookRun", "execute_notebook", "notebook_paths", "run_notebooks"]


@dataclass(frozen=True)
class NotebookRun:
    """One executed notebook: where it came from, where its HTML went, how long it took."""

    notebook: Path
    html: Path | None
    seconds: float


def notebook_paths(folder: str | Path) -> list[Path]:
    """The numbered notebooks in ``folder`` (``NN-title.ipynb``, ``NNb-title.ipynb``), sorted."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]*.ipynb") if p.is_file())


def execute_notebook(
    path: str | Path, *, timeout: int = 300, parameters: dict[str, Any] | None = None
) -> Any:
    """Run a notebook top to bottom and return the executed ``NotebookNode``.

    Args:
        path: The ``.ipynb`` file.
        timeout: Seconds allowed per cell.
        parameters: Values injected after the ``parameters``-tagged cell (papermill style):
            ``{"CORPUS": "my.csv"}`` adds a cell ``CORPUS = 'my.csv'`` right after it.

    Returns:
        The executed notebook (outputs filled in).

    Raises:
        nbclient.exceptions.CellExecutionError: If any cell raises, with the cell and traceback.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if parameters:
        _inject(nb, parameters)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent.resolve())}},
    )
    client.execute()
    return nb


def _inject(nb: Any, parameters: dict[str, Any]) -> None:
    import nbformat

    source = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = ["injected-parameters"]
    cell.pop("id", None)
    where = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])),
        0,
    )
    nb.cells.insert(where, cell)


def run_notebooks(
    folder: str | Path = "notebooks",
    *,
    out_dir: str | Path | None = "build/notebooks",
    timeout: int = 300,
) -> list[NotebookRun]:
    """Execute every numbered notebook in ``folder``; write each as HTML into ``out_dir``.

    Args:
        folder: Folder holding the notebooks.
        out_dir: Where to write ``<name>.html`` (``None``: execute only).
        timeout: Seconds allowed per cell.

    Returns:
        One :class:`NotebookRun` per notebook, in order. The first failing notebook raises.
    """
    runs = []
    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for path in notebook_paths(folder):
        start = time.perf_counter()
        nb = execute_notebook(path, timeout=timeout)
        html_path = None
        if out is not None:
            html_path = out / f"{path.stem}.html"
            write_text(html_path, notebook_html(nb))
        runs.append(NotebookRun(path, html_path, time.perf_counter() - start))
    return runs


def notebook_html(nb: Any) -> str:
    """An executed notebook as one HTML page (images embedded, no scripts fetched).

    nbconvert's template loads require.js and MathJax from a CDN; the notebooks use neither
    (no widgets, no formulas), so those tags are dropped and the page opens offline.
    """
    import re

    from nbconvert import HTMLExporter

    exporter = HTMLExporter(embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    for url in (exporter.require_js_url, exporter.mathjax_url):
        body = re.sub(rf'<script[^>]*src="{re.escape(url)}"[^>]*>\s*</script>', "", body)
    return str(body)
