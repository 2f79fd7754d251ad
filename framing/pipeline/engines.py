"""Where the per-article work runs: in this process, in a process pool, or on Dask.

All three engines run the same function, :func:`analyze_chunk`, over the same kind of work unit
(a chunk of articles), and hand the chunks back **in input order**, so every engine yields the
same rows in the same order. Aggregates (term counts per outlet) travel as partial sums: each
chunk counts its own articles where it is analysed, and the sums are added up as the chunks come
back, so no engine ever needs all the text in one place to aggregate.
"""

from __future__ import annotations

import contextlib
import gc
import math
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

from framing.pipeline.steps import ARTICLE_COLUMNS, ERROR_COLUMNS, STEPS, Options, analyze_doc
from framing.pipeline.summaries import Summaries, summarise_chunk
from framing.text import Doc

__all__ = [
    "ChunkResult",
    "Engine",
    "Progress",
    "ProgressOption",
    "Record",
    "analyze_chunk",
    "default_chunksize",
    "merge_terms",
    "run_blocks",
]

Engine = Literal["serial", "processes", "dask"]

#: One article as shipped to a worker: ``(text, article_id, outlet)``.
Record = tuple[str, str, str]

TermCounts = dict[str, Counter[str]]


@dataclass
class ChunkResult:
    """The results of one chunk of articles, in input order.

    Attributes:
        articles: One row per article: ``article_id, outlet`` and the counts of
            :data:`~framing.pipeline.steps.ARTICLE_COLUMNS`.
        tables: Per-row tables by name, built by each analysis's frame function.
        terms: Term counts per outlet, a partial sum over this chunk.
        summaries: The chunk's partial sums for the outlet summaries (see
            :mod:`framing.pipeline.summaries`).
    """

    articles: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    terms: TermCounts = field(default_factory=dict)
    summaries: Summaries = field(default_factory=Summaries)

    @property
    def n_articles(self) -> int:
        """Articles in the chunk."""
        return len(self.articles)

    @property
    def n_chars(self) -> int:
        """Characters of text in the chunk."""
        return int(self.articles["n_chars"].sum()) if len(self.articles) else 0


def merge_terms(total: TermCounts, part: TermCounts) -> TermCounts:
    """Add the partial sums ``part`` into ``total`` (in place) and return ``total``."""
    for outlet, counts in part.items():
        mine = total.get(outlet)
        if mine is None:
            total[outlet] = Counter(counts)
        else:
            mine.update(counts)
    return total


def analyze_chunk(records: Sequence[Record], options: Options) -> ChunkResult:
    """Parse and analyse a chunk of articles (the unit of work of every engine).

    Args:
        records: ``(text, article_id, outlet)`` per article.
        options: Which analyses to run, with their options.

    Returns:
        The chunk's tables (rows in input order), its term counts per outlet and the partial
        sums of its outlet summaries.
    """
    table_rows: dict[str, list[dict[str, Any]]] = {
        t: [] for name in options.steps for t in STEPS[name].tables
    }
    table_rows["errors"] = []
    meta: dict[str, list[Any]] = {
        "article_id": [],
        "outlet": [],
        **{c: [] for c in ARTICLE_COLUMNS},
    }
    terms: TermCounts = {}
    with _gc_frozen():
        for text, article_id, outlet in records:
            result = analyze_doc(Doc(text, article_id=article_id, outlet=outlet), options)
            meta["article_id"].append(result.article_id)
            meta["outlet"].append(result.outlet)
            meta["n_chars"].append(result.n_chars)
            meta["n_words"].append(result.n_words)
            meta["n_words_own"].append(result.n_words_own)
            meta["n_sentences"].append(result.n_sentences)
            for table, rows in result.rows.items():
                table_rows[table].extend(rows)
            if result.terms:
                counts = terms.get(outlet)
                if counts is None:
                    terms[outlet] = result.terms
                else:
                    counts.update(result.terms)
    tables = {}
    for name in options.steps:
        step = STEPS[name]
        for table in step.tables:
            tables[table] = step.frame(table, table_rows[table])
    tables["errors"] = error_frame(table_rows["errors"])
    articles = pd.DataFrame(meta).astype({c: "int64" for c in ARTICLE_COLUMNS})
    # Sentence scores are kept only if some outlet's interval may resample sentences.
    per_sentence = options.comparison.get("ci_unit", "auto") != "article"
    summaries = summarise_chunk(tables, sentence_scores=per_sentence)
    return ChunkResult(articles=articles, tables=tables, terms=terms, summaries=summaries)


def error_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The ``errors`` table: ``article_id, outlet, analysis, error`` (all strings)."""
    frame = pd.DataFrame.from_records(rows, columns=list(ERROR_COLUMNS))
    return frame.astype(dict.fromkeys(ERROR_COLUMNS, object))


def default_chunksize(n_articles: int | None, workers: int) -> int:
    """Articles per work unit: about four units per worker, between 1 and 100 articles.

    Big enough that pickling and scheduling cost little next to the analysis (a few ms per
    article), small enough that the workers finish together and the progress bar moves.
    """
    if not n_articles:
        return 100
    return max(1, min(100, math.ceil(n_articles / (4 * max(1, workers)))))


#: What ``progress=`` accepts: on, off, automatic (None), or a function called after each chunk
#: with the number of articles and of characters done so far.
ProgressOption = bool | None | Callable[[int, int], None]


class Progress:
    """A tqdm bar counting articles (rate, MB/s and ETA), a callback, or nothing.

    Args:
        enabled: ``True`` or ``False``; ``None`` means on only in an interactive session
            (stderr is a terminal, or a Jupyter kernel); a function is called after each
            chunk as ``enabled(articles_done, chars_done)`` instead of drawing a bar.
        total: Number of articles if known (for the ETA).
    """

    def __init__(self, enabled: ProgressOption, total: int | None) -> None:
        self.bar: Any = None
        self.callback = enabled if callable(enabled) else None
        if enabled is None:
            enabled = _interactive()
        if enabled is True:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=total, unit="article", desc="analyze", smoothing=0.1)
        self.articles = 0
        self.chars = 0

    def update(self, chunk: ChunkResult) -> None:
        """Count a finished chunk."""
        self.articles += chunk.n_articles
        self.chars += chunk.n_chars
        if self.callback is not None:
            self.callback(self.articles, self.chars)
        if self.bar is not None:
            elapsed = self.bar.format_dict.get("elapsed") or 0
            if elapsed:
                self.bar.set_postfix_str(f"{self.chars / elapsed / 1e6:.2f} MB/s", refresh=False)
            self.bar.update(chunk.n_articles)

    def close(self) -> None:
        """Close the bar."""
        if self.bar is not None:
            self.bar.close()


def _interactive() -> bool:
    if "ipykernel" in sys.modules:
        try:
            from IPython import get_ipython

            shell = get_ipython()
            if shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell":
                return True
        except ImportError:  # pragma: no cover
            pass
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _split(records: Sequence[Record], size: int) -> list[Sequence[Record]]:
    return [records[i : i + size] for i in range(0, len(records), size)]


def run_blocks(
    blocks: Iterable[Sequence[Record]],
    options: Options,
    *,
    engine: Engine = "serial",
    jobs: int = 1,
    client: Any = None,
    chunksize: int | None = None,
    total: int | None = None,
    progress: Progress | None = None,
) -> Iterator[ChunkResult]:
    """Analyse blocks of articles on an engine; yield chunk results in input order.

    A block is what arrives at once (the whole table, or one chunk read from a large file); it
    is cut into work chunks of ``chunksize`` articles. The process pool keeps a bounded number
    of chunks in flight across blocks, so a stream of blocks never piles up in memory.

    Args:
        blocks: Sequences of ``(text, article_id, outlet)`` records.
        options: Which analyses to run.
        engine: ``"serial"``, ``"processes"`` or ``"dask"``.
        jobs: Worker processes (``"processes"``; with ``"dask"`` and no client, the local
            scheduler's workers).
        client: A ``distributed.Client`` for ``engine="dask"`` (default: the active client if
            any, else Dask's default scheduler).
        chunksize: Articles per work chunk (default: :func:`default_chunksize`).
        total: Number of articles if known (sizes the default chunks).
        progress: Bar to update after each chunk.

    Yields:
        One :class:`ChunkResult` per work chunk, in input order, with its partial sums.
    """
    if engine == "serial":
        size = chunksize or default_chunksize(total, 1)
        warm_up(options)
        for block in blocks:
            for part in _split(block, size):
                chunk = analyze_chunk(part, options)
                if progress:
                    progress.update(chunk)
                yield chunk
    elif engine == "processes":
        with _gc_frozen():  # this process reads, merges and writes meanwhile
            yield from _run_processes(blocks, options, jobs, chunksize, total, progress)
    elif engine == "dask":
        from framing.pipeline.dask_engine import run_dask_blocks

        yield from run_dask_blocks(blocks, options, jobs, client, chunksize, total, progress)
    else:
        raise ValueError(f"unknown engine {engine!r}; choose 'serial', 'processes' or 'dask'")


def _run_processes(
    blocks: Iterable[Sequence[Record]],
    options: Options,
    jobs: int,
    chunksize: int | None,
    total: int | None,
    progress: Progress | None,
) -> Iterator[ChunkResult]:
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    size = chunksize or default_chunksize(total, jobs)
    pending: deque[Future[ChunkResult]] = deque()
    limit = 2 * jobs + 1  # keep every worker busy, but hold at most this many chunks
    # Loaded here, the lexicons reach forked workers with the process; the options travel
    # once per worker, not with every chunk, so the workers' per-word caches stay warm.
    warm_up(options)
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(options,)
    ) as pool:
        for block in blocks:
            for part in _split(block, size):
                pending.append(pool.submit(_analyze_in_worker, list(part)))
                while len(pending) >= limit:
                    chunk = pending.popleft().result()
                    if progress:
                        progress.update(chunk)
                    yield chunk
        while pending:
            chunk = pending.popleft().result()
            if progress:
                progress.update(chunk)
            yield chunk


#: A sentence that sends every analysis through its lexicons (see :func:`warm_up`).
_WARM_UP_TEXT = (
    'Officials said on Monday that U.S. troops would "not" leave, a claim critics called '
    "a disaster. They allegedly agreed."
)


def warm_up(options: Options) -> None:
    """Run every selected analysis once on a short text, so that the lexicons and tables each
    one loads on first use are loaded before the corpus is (and before workers are forked)."""
    analyze_doc(Doc(_WARM_UP_TEXT), replace(options, on_error="skip"))


@contextlib.contextmanager
def _gc_frozen() -> Iterator[None]:
    """Keep the objects alive at the start (modules, lexicons) out of the garbage collector's
    full passes for a while; they are handed back at the end (both steps cost next to nothing).

    The analysis allocates many short-lived objects, which triggers full collections; each one
    otherwise walks every loaded module and lexicon again (about 8% of the CPU of a serial run,
    measured on 1,000 AllSides articles). Results do not depend on it. Nothing is done if
    objects are frozen already (by the caller, or by another thread's chunk), so that freeze is
    left alone.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_worker_options: Options | None = None


def _start_worker(options: Options) -> None:
    """Set up a pool worker: keep the run's options for every chunk it is sent."""
    global _worker_options
    _worker_options = options


def _analyze_in_worker(records: list[Record]) -> ChunkResult:
    assert _worker_options is not None, "worker started without _start_worker"
    return analyze_chunk(records, _worker_options)
