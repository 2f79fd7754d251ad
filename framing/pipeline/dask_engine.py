"""The Dask engine: per-article work as ``dask.bag`` partitions, term counts reduced on workers.

Dask is an optional extra (``pip install news-framing[dask]``), imported only when
``engine="dask"`` is asked for. Each partition is one work chunk run through
:func:`~framing.pipeline.engines.analyze_chunk`; its row tables come back to the caller (they
are the result), while its term counts are summed in a tree reduction on the workers
(``Bag.reduction``), so only one total per block crosses to the client.

It runs on a ``distributed.Client`` passed as ``client=`` (any cluster: local, HPC job queue,
Kubernetes, cloud), else on the active client if there is one, else on Dask's default local
scheduler for bags (processes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from framing.pipeline.engines import (
    ChunkResult,
    Progress,
    Record,
    TermCounts,
    analyze_chunk,
    default_chunksize,
    merge_terms,
)
from framing.pipeline.steps import Options

__all__ = ["import_dask", "run_dask_blocks"]


def import_dask() -> Any:
    """Import ``dask.bag``, or explain how to install the optional extra."""
    try:
        import dask.bag
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError(
            "engine='dask' needs Dask: pip install 'news-framing[dask]' "
            "(or: pip install 'dask[bag]' distributed)"
        ) from err
    return dask.bag


def _analyze_partition(records: Iterable[Record], options: Options) -> list[ChunkResult]:
    return [analyze_chunk(list(records), options)]


def _tables_only(chunk: ChunkResult) -> ChunkResult:
    return ChunkResult(articles=chunk.articles, tables=chunk.tables, summaries=chunk.summaries)


def _partition_terms(chunks: Iterable[ChunkResult]) -> TermCounts:
    total: TermCounts = {}
    for chunk in chunks:
        merge_terms(total, chunk.terms)
    return total


def _sum_terms(parts: Iterable[TermCounts]) -> TermCounts:
    total: TermCounts = {}
    for part in parts:
        merge_terms(total, part)
    return total


def _active_client() -> Any:
    try:
        from distributed import default_client
    except ImportError:  # pragma: no cover
        return None
    try:
        return default_client()
    except ValueError:
        return None


def _n_workers(client: Any, jobs: int) -> int:
    if client is None:
        return max(1, jobs)
    return max(1, sum(client.nthreads().values()))


def run_dask_blocks(
    blocks: Iterable[Sequence[Record]],
    options: Options,
    jobs: int,
    client: Any,
    chunksize: int | None,
    total: int | None,
    progress: Progress | None,
) -> Iterator[ChunkResult]:
    """Run each block as a bag of partitions; see :func:`framing.pipeline.engines.run_blocks`."""
    db = import_dask()
    client = client if client is not None else _active_client()
    size = chunksize or default_chunksize(total, _n_workers(client, jobs))
    for block in blocks:
        if not len(block):
            continue
        bag = db.from_sequence(list(block), partition_size=size)
        parts = bag.map_partitions(_analyze_partition, options)
        if client is not None:
            # Analyse once and keep the partitions on the workers; both the tables and the
            # term reduction are then built from the same results.
            parts = client.persist(parts)
        tables = parts.map(_tables_only).to_delayed(optimize_graph=False)
        terms = parts.reduction(_partition_terms, _sum_terms, split_every=8)
        chunks, block_terms = _compute(tables, terms, client, jobs, progress)
        if chunks:
            chunks[-1].terms = block_terms
        yield from chunks


def _compute(
    tables: list[Any], terms: Any, client: Any, jobs: int, progress: Progress | None
) -> tuple[list[ChunkResult], TermCounts]:
    if client is not None:
        from distributed import as_completed

        futures = client.compute([*tables, terms])
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[Any] = [None] * len(futures)
        for future in as_completed(futures):
            value = future.result()
            results[index[future.key]] = value
            if progress and index[future.key] < len(tables):
                for chunk in value:
                    progress.update(chunk)
        return [c for part in results[:-1] for c in part], results[-1]

    import dask
    from dask.callbacks import Callback

    names = {t.key[0] if isinstance(t.key, tuple) else t.key for t in tables}

    def _posttask(key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        name = key[0] if isinstance(key, tuple) else key
        if progress and name in names:
            for chunk in result:
                progress.update(chunk)

    # Bags run on processes by default; a scheduler set in dask.config wins.
    kwargs: dict[str, Any] = {"scheduler": dask.config.get("scheduler", None) or "processes"}
    if jobs > 1:
        kwargs["num_workers"] = jobs
    with Callback(posttask=_posttask):
        computed = dask.compute(*tables, terms, **kwargs)
    return [c for part in computed[:-1] for c in part], computed[-1]
