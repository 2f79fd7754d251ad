"""Command-line commands that write pages: ``framing report``, ``handout`` and ``notebooks``.

Registered with :func:`framing.cli.add_command` by :func:`register` (``framing/cli.py`` calls it),
each a thin layer over a library function:

- ``framing report SOURCE -o report.html``: :func:`framing.report.report_from_source`;
- ``framing handout SOURCE -o handout.html [--answers]``:
  :func:`framing.classroom.handout_from_source`;
- ``framing notebooks [FOLDER] --out build/notebooks``: :func:`framing.notebooks.run_notebooks`.
"""

from __future__ import annotations

import argparse
import sys

from framing import cli

__all__ = ["register"]


def _configure_report(parser: argparse.ArgumentParser) -> None:
    cli.add_source_arguments(parser)
    parser.add_argument(
        "-o", "--out", default="report.html", metavar="HTML", help="page to write (report.html)"
    )
    parser.add_argument(
        "--actors",
        default=None,
        metavar="TSV",
        help="actor file for the labels section (default: actors.tsv in the corpus folder)",
    )
    parser.add_argument("--title", default=None, help="page title (default: from the event)")
    parser.add_argument(
        "--no-cross-outlet",
        action="store_true",
        help="leave out the 'Across outlets' section (shared copy, quote variants, agency, "
        "coverage)",
    )


def _report(args: argparse.Namespace) -> int:
    from framing.report import report_from_source

    path = report_from_source(
        args.source,
        args.out,
        actors=args.actors,
        title=args.title,
        cross_outlet=not args.no_cross_outlet,
        **cli._load_options(args),
    )
    print(f"framing: wrote {path}", file=sys.stderr)
    return cli.EXIT_OK


def _configure_handout(parser: argparse.ArgumentParser) -> None:
    cli.add_source_arguments(parser)
    parser.add_argument(
        "-o", "--out", default="handout.html", metavar="HTML", help="page to write (handout.html)"
    )
    parser.add_argument(
        "--answers", action="store_true", help="the teacher's copy, with the measured evidence"
    )
    parser.add_argument(
        "--actors",
        default=None,
        metavar="TSV",
        help="actor file (default: actors.tsv in the corpus folder)",
    )


def _handout(args: argparse.Namespace) -> int:
    from framing.classroom import handout_from_source

    path = handout_from_source(
        args.source, args.out, answers=args.answers, actors=args.actors, **cli._load_options(args)
    )
    print(f"framing: wrote {path}", file=sys.stderr)
    return cli.EXIT_OK


def _configure_notebooks(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", default="notebooks", help="folder of NN-*.ipynb (notebooks)"
    )
    parser.add_argument(
        "--out", default="build/notebooks", metavar="DIR", help="HTML folder (build/notebooks)"
    )
    parser.add_argument("--timeout", type=int, default=300, help="seconds per cell (300)")


def _notebooks(args: argparse.Namespace) -> int:
    from framing.notebooks import notebook_paths, run_notebooks

    if not notebook_paths(args.folder):
        raise FileNotFoundError(f"{args.folder}: no numbered notebooks (NN-name.ipynb) found")
    try:
        runs = run_notebooks(args.folder, out_dir=args.out, timeout=args.timeout)
    except ImportError as err:
        cli._error(f"{err}; install the extra: pip install 'news-framing[notebooks]'")
        return cli.EXIT_USAGE
    except Exception as err:  # a cell failed: nbclient's message names the cell
        cli._error(f"a notebook failed:\n{err}")
        return cli.EXIT_ANALYSIS
    for run in runs:
        print(
            f"framing: {run.notebook.name} ran in {run.seconds:.1f} s -> {run.html}",
            file=sys.stderr,
        )
    return cli.EXIT_OK


def register() -> None:
    """Add ``report``, ``handout`` and ``notebooks`` to the ``framing`` command line."""
    cli.add_command(
        "report",
        "write one self-contained HTML page comparing the outlets",
        _configure_report,
        _report,
    )
    cli.add_command(
        "handout",
        "write the printable classroom handout (HTML; --answers for the teacher's copy)",
        _configure_handout,
        _handout,
    )
    cli.add_command(
        "notebooks",
        "execute the numbered notebooks and write them as HTML",
        _configure_notebooks,
        _notebooks,
    )
