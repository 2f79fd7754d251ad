"""One pass over a corpus: :func:`analyze` (tables in memory), :func:`analyze_stream` (to disk)."""

from __future__ import annotations

import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pandas as pd

from framing.pipeline.aggregate import score_terms
from framing.pipeline.engines import (
    ChunkResult,
    Engine,
    Progress,
    ProgressOption,
    Record,
    TermCounts,
    analyze_chunk,
    error_frame,
    merge_terms,
    run_blocks,
)
from framing.pipeline.result import Analysis, Format, TableWriter
from framing.pipeline.steps import STEPS, Options, make_options
from framing.pipeline.summaries import Summaries

__all__ = ["StreamResult", "analyze", "analyze_stream"]

#: Input columns never copied into the ``articles`` table: the text itself and its raw form.
_TEXT_COLUMNS = ("raw_text",)


def analyze(
    articles: pd.DataFrame | Iterable[pd.DataFrame],
    *,
    jobs: int = 1,
    engine: Engine = "serial",
    client: Any = None,
    progress: ProgressOption = None,
    chunksize: int | None = None,
    analyses: Iterable[str] | None = None,
    on_error: Literal["raise", "skip"] = "raise",
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
    **options: Any,
) -> Analysis:
    """Run every analysis over a corpus in one pass: each article is parsed once.

    Sentences, tokens and quotes of an article are computed once and shared by sentiment,
    quotes, markers, labels and term counts. The per-article work runs in this process
    (``engine="serial"``), in ``jobs`` worker processes (``"processes"``) or as Dask tasks
    (``"dask"``, on ``client`` or Dask's default scheduler); all three give identical tables.

    Args:
        articles: The articles table, or an iterable of such tables (e.g.
            ``load_corpus(path, chunksize=10_000)``), read one at a time.
        jobs: Worker processes for ``"processes"`` (and Dask's local scheduler); ``-1`` or
            ``0`` for one per core.
        engine: ``"serial"``, ``"processes"`` or ``"dask"`` (``pip install news-framing[dask]``).
        client: A ``distributed.Client`` to run on with ``engine="dask"``.
        progress: Show a progress bar (articles done, rate, MB/s, ETA). Default: only in an
            interactive terminal or notebook. A function instead is called after each chunk
            with the number of articles and characters done so far (for logging).
        chunksize: Articles per unit of work (default: about four units per worker, at most
            100 articles).
        analyses: Which analyses to run (default all): ``"sentiment"``, ``"quotes"``,
            ``"markers"``, ``"labels"``, ``"terms"``.
        on_error: ``"raise"`` (default) stops at the first article an analysis fails on, with
            an :class:`~framing.pipeline.steps.AnalysisError` naming the article;
            ``"skip"`` goes on, leaves that analysis's rows out for that article, lists the
            failure in the ``errors`` table and warns once at the end.
        text_col: Column holding the article text.
        id_col: Column holding the unique article id.
        outlet_col: Column holding the outlet name.
        **options: Options of the individual analyses, passed on to the module that takes
            them, e.g. ``actors=`` (labels), ``min_count=``, ``top=``, ``ngrams=`` (terms),
            ``mode=``, ``vader=`` (sentiment), ``top_n=``, ``ci_unit=`` (comparison).

    Returns:
        An :class:`~framing.pipeline.result.Analysis`: one attribute per tidy table
        (``articles``, ``sentiment``, ``sentences``, ``quotes``, ``voices``, ``markers``,
        ``labels``, ``terms``, ``comparison``), also as ``.tables``; ``.save(out_dir)`` writes
        them all.

    Example:
        >>> result = analyze(load_corpus("data/iraq-2021-07-26"))  # doctest: +SKIP
        >>> result.comparison  # doctest: +SKIP
    """
    opts = make_options(
        analyses=None if analyses is None else list(analyses), on_error=on_error, **options
    )
    metas: list[pd.DataFrame] = []
    collector = _Collector(opts, slim=False)
    run = _RunSettings(engine, jobs, client, chunksize, progress)
    for chunk in _chunks(articles, _Columns(text_col, id_col, outlet_col), metas, opts, run):
        collector.add(chunk)
    table = _articles_table(metas, collector.articles())
    tables = collector.tables()
    _warn_errors(tables["errors"])
    derived = _finish(table, collector.summaries, collector.terms, opts)
    return Analysis(articles=table, **tables, **derived)


@dataclass
class StreamResult:
    """What :func:`analyze_stream` wrote.

    Attributes:
        files: Path of each table's file, by table name.
        comparison: The outlet comparison (also written to ``comparison.csv``/``.parquet``).
        n_articles: Articles analysed.
        n_chars: Characters of text analysed.
        seconds: Wall-clock time of the whole run.
        timings: Seconds per phase: ``analysis`` (reading, per-article work, writing rows),
            then each outlet-level table computed at the end (``voices``, ``terms``,
            ``comparison``).
    """

    files: dict[str, Path]
    comparison: pd.DataFrame
    n_articles: int = 0
    n_chars: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


def analyze_stream(
    articles: pd.DataFrame | Iterable[pd.DataFrame],
    out_dir: str | Path,
    *,
    format: Format = "csv",
    jobs: int = 1,
    engine: Engine = "serial",
    client: Any = None,
    progress: ProgressOption = None,
    chunksize: int | None = None,
    analyses: Iterable[str] | None = None,
    on_error: Literal["raise", "skip"] = "raise",
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
    **options: Any,
) -> StreamResult:
    """Like :func:`analyze`, but write each table to disk as the chunks finish.

    Memory stays bounded on corpora larger than memory: the input is read one table at a
    time (pass ``load_corpus(path, chunksize=N)``), per-row results are appended to one file
    per table and dropped, and only the outlet summaries' partial sums stay in memory (see
    :mod:`framing.pipeline.summaries`; each chunk computes its own where it is analysed): term
    counts per outlet, statement counts per outlet and speaker, marker counts per outlet, and
    per article its sentence count and score sums (with each sentence's three interval scores
    only for outlets whose interval resamples sentences). No sentence, quote or marker row is
    kept. The outlet-level tables (``voices``, ``terms``, ``comparison``) are made from those
    sums at the end, identical to what :func:`analyze` gives, and written last.

    Args:
        articles: The articles table or an iterable of tables.
        out_dir: Folder for the tables (created if missing): ``articles``, ``sentiment``,
            ``sentences``, ``quotes``, ``markers``, ``labels`` as the chunks finish, then
            ``voices``, ``terms``, ``comparison``.
        format: ``"csv"`` or ``"parquet"`` (needs pyarrow).
        jobs: See :func:`analyze`.
        engine: See :func:`analyze`.
        client: See :func:`analyze`.
        progress: See :func:`analyze`.
        chunksize: See :func:`analyze`.
        analyses: See :func:`analyze`.
        on_error: See :func:`analyze`; failures are written to ``errors.csv``/``.parquet``.
        text_col: See :func:`analyze`.
        id_col: See :func:`analyze`.
        outlet_col: See :func:`analyze`.
        **options: See :func:`analyze`.

    Returns:
        A :class:`StreamResult` with the paths written and the comparison table.
    """
    started = time.perf_counter()
    opts = make_options(
        analyses=None if analyses is None else list(analyses), on_error=on_error, **options
    )
    columns = _Columns(text_col, id_col, outlet_col)
    metas = _Metadata()
    collector = _Collector(opts, slim=True)
    run = _RunSettings(engine, jobs, client, chunksize, progress)
    done = 0
    with TableWriter(out_dir, format=format) as writer:
        for chunk in _chunks(articles, columns, metas, opts, run):
            collector.add(chunk)
            n = chunk.n_articles
            writer.append("articles", _join_counts(metas.take(n), chunk.articles))
            done += n
            for name, table in chunk.tables.items():
                writer.append(name, table)
        if not done:
            writer.append("articles", _articles_table(metas.frames, collector.articles()))
        timings = {"analysis": time.perf_counter() - started}
        summary_articles = collector.articles()
        tables = collector.tables()
        _warn_errors(tables["errors"])
        derived = _finish(
            summary_articles,
            collector.summaries,
            collector.terms,
            opts,
            timings,
            sink=writer.append,
        )
    return StreamResult(
        files=dict(writer.paths),
        comparison=derived["comparison"],
        n_articles=done,
        n_chars=int(summary_articles["n_chars"].sum()) if done else 0,
        seconds=time.perf_counter() - started,
        timings=timings,
    )


# --- input --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    text: str
    id: str
    outlet: str


class _RunSettings(NamedTuple):
    engine: Engine
    jobs: int
    client: Any
    chunksize: int | None
    progress: ProgressOption


def _chunks(
    articles: pd.DataFrame | Iterable[pd.DataFrame],
    columns: _Columns,
    metas: list[pd.DataFrame] | _Metadata,
    opts: Options,
    run: _RunSettings,
) -> Iterator[ChunkResult]:
    """Run the per-article work over ``articles`` with a progress bar; yield each chunk's result.

    ``metas`` collects each input table's metadata (a list, or :class:`_Metadata` when
    streaming) as the records are read.
    """
    total = len(articles) if isinstance(articles, pd.DataFrame) else None
    bar = Progress(run.progress, total)
    try:
        yield from run_blocks(
            _records(_frames(articles), columns, metas),
            opts,
            engine=run.engine,
            jobs=run.jobs,
            client=run.client,
            chunksize=run.chunksize,
            total=total,
            progress=bar,
        )
    finally:
        bar.close()


def _frames(articles: pd.DataFrame | Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    if isinstance(articles, pd.DataFrame):
        yield articles
        return
    for frame in articles:
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(
                f"expected an articles DataFrame or an iterable of them, got {type(frame).__name__}"
            )
        yield frame


def _records(
    frames: Iterable[pd.DataFrame], columns: _Columns, metas: list[pd.DataFrame] | _Metadata
) -> Iterator[list[Record]]:
    """Yield each table as ``(text, article_id, outlet)`` records; keep its metadata."""
    for frame in frames:
        missing = [c for c in (columns.text, columns.id, columns.outlet) if c not in frame.columns]
        if missing:
            raise KeyError(
                f"articles table has no column {missing[0]!r}; columns are {list(frame.columns)}"
            )
        texts = frame[columns.text].fillna("").astype(str)
        ids = frame[columns.id].astype(str)
        outlets = frame[columns.outlet].fillna("").astype(str)
        metas.append(_metadata(frame, columns, ids, outlets))
        yield list(zip(texts.tolist(), ids.tolist(), outlets.tolist(), strict=True))


def _metadata(
    frame: pd.DataFrame, columns: _Columns, ids: pd.Series, outlets: pd.Series
) -> pd.DataFrame:
    drop = [c for c in (columns.text, columns.id, columns.outlet, *_TEXT_COLUMNS) if c in frame]
    meta = frame.drop(columns=drop).reset_index(drop=True)
    meta = meta.rename(columns={c: f"{c}_input" for c in ("article_id", "outlet") if c in meta})
    meta.insert(0, "article_id", ids.to_numpy())
    meta.insert(1, "outlet", outlets.to_numpy())
    return meta


# --- collecting ---------------------------------------------------------------------------------


class _Collector:
    """Gathers chunk results in input order; ``slim`` keeps only what the summaries read."""

    def __init__(self, options: Options, *, slim: bool) -> None:
        self.options = options
        self.slim = slim
        self.parts: list[ChunkResult] = []
        self.terms: TermCounts = {}
        self.summaries = Summaries()
        self.per_outlet: Counter[str] = Counter()  # articles so far, per outlet
        # Tables kept: all of them, or (a streaming run, which writes each table and moves
        # on: the outlet summaries come from the partial sums) only the errors.
        self.keep = {t for name in options.steps for t in STEPS[name].tables} if not slim else set()
        self.keep.add("errors")

    def add(self, chunk: ChunkResult) -> None:
        merge_terms(self.terms, chunk.terms)
        seen = len(self.summaries.sentiment) if self.summaries.sentiment is not None else 0
        self.summaries.merge(chunk.summaries)
        outlets = chunk.articles["outlet"].tolist()
        before = {o: self.per_outlet[o] for o in set(outlets)}
        self.per_outlet.update(outlets)
        self._drop_sentence_scores(before, seen)
        tables = {name: table for name, table in chunk.tables.items() if name in self.keep}
        self.parts.append(ChunkResult(articles=chunk.articles, tables=tables))

    def _drop_sentence_scores(self, before: dict[str, int], seen: int) -> None:
        """With ``ci_unit="auto"``, forget the sentence scores of outlets that have reached
        the number of articles from which their interval resamples articles."""
        sums = self.summaries.sentiment
        if sums is None or self.options.comparison.get("ci_unit", "auto") != "auto":
            return
        from framing.compare import CLUSTER_MIN_ARTICLES

        big = {o for o, n in self.per_outlet.items() if n >= CLUSTER_MIN_ARTICLES}
        crossed = {o for o, n in before.items() if n < CLUSTER_MIN_ARTICLES and o in big}
        if crossed:
            sums.drop_sentences(crossed)
        sums.drop_sentences(big, start=seen)

    def articles(self) -> pd.DataFrame:
        if not self.parts:
            return analyze_chunk([], self.options).articles
        return _concat([p.articles for p in self.parts])

    def tables(self) -> dict[str, pd.DataFrame]:
        out = {}
        names = [t for name in self.options.steps for t in STEPS[name].tables] + ["errors"]
        for name in (n for n in names if n in self.keep):
            frames = [p.tables[name] for p in self.parts if name in p.tables]
            out[name] = _concat(frames) if frames else _empty_table(name, self.options)
        return out


def _empty_table(table: str, options: Options) -> pd.DataFrame:
    """The empty table ``table`` with its columns and dtypes (no articles at all)."""
    if table == "errors":
        return error_frame([])
    for name in options.steps:
        step = STEPS[name]
        if table in step.tables:
            return step.frame(table, [])
    return pd.DataFrame()


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame()
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0].reset_index(drop=True)
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True)


def _articles_table(metas: list[pd.DataFrame], computed: pd.DataFrame) -> pd.DataFrame:
    meta = _concat(metas) if metas else pd.DataFrame({"article_id": [], "outlet": []})
    return _join_counts(meta, computed)


class _Metadata:
    """The input's metadata rows, handed out in order as their chunks finish, then dropped."""

    def __init__(self) -> None:
        self.frames: list[pd.DataFrame] = []
        self.taken = 0  # rows of frames[0] already handed out

    def append(self, frame: pd.DataFrame) -> None:
        self.frames.append(frame)

    def take(self, n: int) -> pd.DataFrame:
        parts = []
        while n > 0:
            head = self.frames[0]
            part = head.iloc[self.taken : self.taken + n]
            parts.append(part)
            n -= len(part)
            self.taken += len(part)
            if self.taken == len(head):
                self.frames.pop(0)
                self.taken = 0
        return _concat(parts)


def _join_counts(meta: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    meta = meta.reset_index(drop=True)
    if (
        len(meta) != len(computed)
        or not (
            meta["article_id"].astype(str).to_numpy() == computed["article_id"].to_numpy()
        ).all()
    ):
        raise RuntimeError("internal error: analysed articles do not line up with the input")
    out = meta.copy()
    for col in computed.columns:
        if col not in ("article_id", "outlet"):
            out[col] = computed[col].to_numpy()
    return out


def _warn_errors(errors: pd.DataFrame) -> None:
    if len(errors):
        counts = errors.groupby("analysis").size()
        which = ", ".join(f"{name} {n}" for name, n in counts.items())
        first = errors.iloc[0]
        warnings.warn(
            f"analyses failed on {errors['article_id'].nunique()} articles ({which}); they are "
            f"listed in the errors table. First: article {first['article_id']!r}, "
            f"{first['analysis']}: {first['error']}",
            RuntimeWarning,
            stacklevel=3,
        )


# --- outlet-level tables ------------------------------------------------------------------------


def _finish(
    articles: pd.DataFrame,
    summaries: Summaries,
    terms: TermCounts,
    options: Options,
    timings: dict[str, float] | None = None,
    sink: Callable[[str, pd.DataFrame], None] | None = None,
) -> dict[str, pd.DataFrame]:
    """Tables computed once at the end: distinctive terms, voices, and the comparison.

    They come from the partial sums merged over every chunk (``summaries``, ``terms``), not
    from the rows. ``terms`` (the summed counts) is emptied as it is scored. With ``sink`` (a
    streaming run), each table is handed to it as soon as it is made and only what the
    comparison needs is kept, so the big outlet-level tables are never in memory together.
    """
    from framing.compare import comparison

    timings = {} if timings is None else timings
    derived: dict[str, pd.DataFrame] = {}
    top_n = options.comparison.get("top_n", 5)
    if options.terms is not None:
        start = time.perf_counter()
        table = score_terms(terms, consume=True, **options.scoring)
        timings["terms"] = time.perf_counter() - start
        if sink is not None:
            sink("terms", table)
            # The comparison lists each outlet's top terms: the first rows of each outlet.
            table = table.groupby(table.columns[0], sort=False).head(top_n)
        derived["terms"] = table
    for name in options.steps:
        step = STEPS[name]
        if step.derive is not None:
            start = time.perf_counter()
            made = step.derive(summaries, articles)
            for table_name, table in made.items():
                timings[table_name] = time.perf_counter() - start
                if sink is not None:
                    sink(table_name, table)
                else:
                    derived[table_name] = table
            del made
    start = time.perf_counter()
    from framing.quotes.voices import VoiceCounts
    from framing.sentiment.summary import SentimentSums

    steps = set(options.steps)
    derived["comparison"] = comparison(
        articles,
        sentences=_or_empty(summaries.sentiment, "sentiment" in steps, SentimentSums),
        quotes=_or_empty(summaries.voices, "quotes" in steps, VoiceCounts),
        markers=_or_empty(summaries.markers, "markers" in steps, dict),
        terms=derived.get("terms"),
        **options.comparison,
    )
    timings["comparison"] = time.perf_counter() - start
    if sink is not None:
        sink("comparison", derived["comparison"])
    return derived


def _or_empty(part: Any, selected: bool, empty: Callable[[], Any]) -> Any:
    """A summary's partial sums; empty ones if its analysis ran on no article; None if not run."""
    if not selected:
        return None
    return part if part is not None else empty()
