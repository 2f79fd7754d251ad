"""Command line: ``framing analyze SOURCE --out DIR`` (also ``python -m framing``).

A thin layer over the library: it loads the corpus with :func:`framing.load_corpus`, runs
:func:`framing.analyze` (or :func:`framing.pipeline.analyze_stream` with ``--chunksize``) and
writes the tables as CSV. Exit codes: 0 success, 1 the analysis failed, 2 a usage or input
error (bad option, missing file, missing column, malformed line); messages name the file and
line at fault.

Other commands plug in with :func:`add_command` (see :func:`build_parser`).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from framing.corpus import CorpusError, LoadReport, load_corpus, load_report

__all__ = ["EXIT_ANALYSIS", "EXIT_OK", "EXIT_USAGE", "add_source_arguments", "build_parser", "main"]

EXIT_OK = 0
EXIT_ANALYSIS = 1
EXIT_USAGE = 2

Engine = Literal["serial", "processes"]
Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A problem with the command line or the input; exits with :data:`EXIT_USAGE`."""


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the SOURCE argument and the loading options shared by every command."""
    parser.add_argument(
        "source",
        metavar="SOURCE",
        help="a folder of .txt/.md files (with metadata.csv or front matter), a .csv/.tsv, "
        "a .jsonl/.jsonl.gz file",
    )
    group = parser.add_argument_group("reading the corpus (see framing.load_corpus)")
    group.add_argument("--text-col", default="text", metavar="C", help="text column (text)")
    group.add_argument(
        "--id-col", default="article_id", metavar="C", help="unique id column (article_id)"
    )
    group.add_argument("--outlet-col", default="outlet", metavar="C", help="outlet column (outlet)")
    group.add_argument(
        "--title-col", default=None, metavar="C", help="headline column (title, if present)"
    )
    group.add_argument("--metadata", default=None, metavar="CSV", help="metadata file for a folder")
    group.add_argument(
        "--encoding", default=None, help="force this encoding (default: UTF-8, cp1252 fallback)"
    )
    group.add_argument("--no-clean", action="store_true", help="keep boilerplate lines in the text")
    group.add_argument(
        "--rules", default=None, metavar="TSV", help="your own boilerplate rules file"
    )
    group.add_argument(
        "--strict",
        action="store_true",
        help="stop at a malformed JSONL line or CSV record instead of skipping it (skipped "
        "lines are listed in load_skipped.csv)",
    )


def _load_options(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "text_col": args.text_col,
        "id_col": args.id_col,
        "outlet_col": args.outlet_col,
        "title_col": args.title_col,
        "metadata": args.metadata,
        "clean": not args.no_clean,
        "rules": args.rules,
        "encoding": args.encoding,
        "bad_lines": "error" if args.strict else "skip",
    }


def build_parser() -> argparse.ArgumentParser:
    """The ``framing`` argument parser with its subcommands."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Compare how news outlets frame the same story: tone, word choice and "
        "attribution.",
        epilog="Exit codes: 0 ok, 1 analysis error, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (help_text, configure, _) in _COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        configure(sub)
    return parser


def _version() -> str:
    import framing

    return str(getattr(framing, "__version__", "unknown"))


_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Handler]] = {}


def add_command(
    name: str,
    help_text: str,
    configure: Callable[[argparse.ArgumentParser], None],
    handler: Handler,
) -> None:
    """Register a subcommand: ``configure`` adds its arguments, ``handler`` runs it.

    The handler returns an exit code; it may raise :class:`CorpusError` (exit 2).
    """
    _COMMANDS[name] = (help_text, configure, handler)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    handler = _COMMANDS[args.command][2]
    try:
        return handler(args)
    except (CorpusError, UsageError, FileNotFoundError, IsADirectoryError) as err:
        _error(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


def _error(message: str) -> None:
    print(f"framing: error: {message}", file=sys.stderr)


def _note(message: str) -> None:
    print(f"framing: {message}", file=sys.stderr)


# --- analyze ------------------------------------------------------------------------------------


def _configure_analyze(parser: argparse.ArgumentParser) -> None:
    add_source_arguments(parser)
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="folder for the result tables (CSV)"
    )
    run = parser.add_argument_group("running")
    run.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (1: this process; 0 or -1: one per core)",
    )
    run.add_argument(
        "--chunksize",
        type=int,
        default=None,
        metavar="N",
        help="stream the corpus N articles at a time, writing tables as it goes (bounded memory)",
    )
    run.add_argument(
        "--engine",
        choices=["serial", "processes", "dask"],
        default=None,
        help="where the per-article work runs (default: serial for --jobs 1, else processes)",
    )
    run.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: a Dask scheduler to connect to (tcp://host:8786)",
    )
    run.add_argument(
        "--actors",
        default=None,
        metavar="TSV",
        help="actor file for the labels table (default: actors.tsv in or beside the corpus)",
    )
    run.add_argument(
        "--format",
        choices=["csv", "parquet", "jsonl"],
        default="csv",
        help="table file format (csv; CSV text cells that a spreadsheet would run as a formula "
        "get a leading apostrophe)",
    )
    run.add_argument(
        "--on-error",
        choices=["raise", "skip"],
        default="raise",
        help="an article an analysis fails on: stop (raise) or list it in errors.csv (skip)",
    )
    run.add_argument("--plot", default=None, metavar="PNG", help="also save the outlet plot here")
    run.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def _analyze(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a folder")
    if args.chunksize is not None and args.chunksize < 1:
        raise UsageError(f"--chunksize must be at least 1, not {args.chunksize}")
    engine: Engine = args.engine or ("serial" if args.jobs == 1 else "processes")
    if args.scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    reports: list[LoadReport] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if args.chunksize is None:
            articles = load_corpus(args.source, **_load_options(args))
            reports.append(load_report(articles))
            if articles.empty:
                _show_warnings(caught, quiet=args.quiet)
                raise UsageError(f"{args.source}: no articles to analyse")
            source: pd.DataFrame | Iterator[pd.DataFrame] = articles
        else:
            chunks = load_corpus(args.source, chunksize=args.chunksize, **_load_options(args))
            source = _collect_reports(chunks, reports)
        try:
            result = _run_analysis(source, out, args, engine)
        except (CorpusError, UsageError):
            raise
        except Exception as err:  # the analysis itself failed
            _show_warnings(caught, quiet=args.quiet)
            _error(f"analysis failed: {type(err).__name__}: {err}")
            return EXIT_ANALYSIS
    _show_warnings(caught, quiet=args.quiet)
    written = _write_load_report(reports, out)
    comparison, n_articles = result
    if args.plot:
        try:
            _save_plot(comparison, Path(args.plot))
        except Exception as err:
            _error(f"plot failed: {type(err).__name__}: {err}")
            return EXIT_ANALYSIS
    if not args.quiet:
        skipped = sum(len(r["skipped"]) for r in reports)
        removed = sum(len(r["removed"]) for r in reports)
        print(
            f"framing: analysed {n_articles} articles from {args.source} "
            f"({skipped} skipped, {removed} boilerplate removals; see {written})"
        )
        print(
            f"framing: wrote the tables to {out}/"
            + (f" and the plot to {args.plot}" if args.plot else "")
        )
    return EXIT_OK


def _collect_reports(
    chunks: Iterator[pd.DataFrame], reports: list[LoadReport]
) -> Iterator[pd.DataFrame]:
    for chunk in chunks:
        reports.append(load_report(chunk))
        if len(chunk):  # a chunk whose records were all skipped only carries its report
            yield chunk


def _run_analysis(
    source: pd.DataFrame | Iterator[pd.DataFrame],
    out: Path,
    args: argparse.Namespace,
    engine: Engine,
) -> tuple[pd.DataFrame, int]:
    """Run the analysis and write the tables; return (comparison, number of articles)."""
    import framing.pipeline as pipeline
    from framing.report.page import actors_beside

    options: dict[str, Any] = {
        "jobs": args.jobs,
        "engine": engine,
        "progress": False if args.quiet else None,
        "on_error": args.on_error,
    }
    actors = args.actors or actors_beside(args.source)
    if actors is not None:
        options["actors"] = actors
    if args.scheduler:
        from distributed import Client

        options["client"] = Client(args.scheduler)
    if isinstance(source, pd.DataFrame):
        result = pipeline.analyze(source, **options)
        result.save(out, format=args.format)
        comparison = result.comparison if result.comparison is not None else pd.DataFrame()
        return comparison, len(source)
    streamed = pipeline.analyze_stream(source, out, format=args.format, **options)
    return streamed.comparison, streamed.n_articles


def _write_load_report(reports: list[LoadReport], out: Path) -> Path:
    """Write what loading skipped, removed, decoded and noted as ``load_*.csv``.

    Returns the path of ``load_skipped.csv``. Written atomically and spreadsheet-safe (see
    :mod:`framing.export`).
    """
    out.mkdir(parents=True, exist_ok=True)
    from framing.export import to_csv

    for name in ("skipped", "removed", "decoded", "notes"):
        frames = [getattr(r, name) for r in reports]
        table = pd.concat(frames, ignore_index=True) if frames else getattr(LoadReport(), name)
        to_csv(table, out / f"load_{name}.csv")
    return out / "load_skipped.csv"


def _save_plot(comparison: pd.DataFrame, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    from framing.export import atomic_path
    from framing.plotting import plot_outlets

    ax = plot_outlets(comparison)
    figure = ax.get_figure()
    while figure is not None and not isinstance(figure, Figure):  # a SubFigure: go up
        figure = figure.get_figure()
    if figure is None:
        raise ValueError("the plot has no figure to save")
    with atomic_path(path) as tmp:
        figure.savefig(tmp, dpi=150, bbox_inches="tight", format=path.suffix[1:] or "png")


def _show_warnings(caught: list[warnings.WarningMessage], *, quiet: bool) -> None:
    seen = set()
    for w in caught:
        message = str(w.message)
        if message in seen or not issubclass(w.category, UserWarning):
            continue
        seen.add(message)
        _note(f"warning: {message}")


add_command(
    "analyze",
    "Analyse a corpus and write the result tables (CSV) and the loading audit to --out.",
    _configure_analyze,
    _analyze,
)

from framing import cli_report  # noqa: E402  (registers report, handout, notebooks)

cli_report.register()
