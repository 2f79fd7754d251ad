"""The Dask engine: per-article work as ``dask.bag`` partitions.

Dask is an optional extra (``pip install news-framing[dask]``), imported only when
``engine="dask"`` is asked for. Each partition is one work chunk run through
:func:`~framing.pipeline.engines.analyze_chunk` on a worker. What comes back to the caller is
the chunk's rows (they are the result) and its partial sums (term counts and outlet summaries
over the chunk's articles), which the caller adds up as the partitions finish, exactly as with
the process pool: no text is gathered in one place to aggregate.

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
    analyze_chunk,
    default_chunksize,
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
        parts = bag.map_partitions(_analyze_partition, options).to_delayed(optimize_graph=False)
        if client is not None:
            yield from _compute_on(client, parts, progress)
        else:
            yield from _compute_local(parts, jobs, progress)


def _compute_on(client: Any, parts: list[Any], progress: Progress | None) -> Iterator[ChunkResult]:
    """Partitions on a ``distributed`` cluster, handed on in input order as they finish."""
    from distributed import as_completed

    futures = client.compute(parts, optimize_graph=False)
    index = {f.key: i for i, f in enumerate(futures)}
    done: dict[int, list[ChunkResult]] = {}
    following = 0
    for future in as_completed(futures):
        done[index[future.key]] = future.result()
        future.release()
        while following in done:
            for chunk in done.pop(following):
                if progress:
                    progress.update(chunk)
                yield chunk
            following += 1


def _compute_local(parts: list[Any], jobs: int, progress: Progress | None) -> list[ChunkResult]:
    """Partitions on Dask's local scheduler (processes unless ``dask.config`` says otherwise)."""

    import dask
    from dask.callbacks import Callback

    names = {t.key[0] if isinstance(t.key, tuple) else t.key for t in parts}

    def _posttask(key: Any, result: Any, dsk: Any, state: Any, worker_id: Any) -> None:
        name = key[0] if isinstance(key, tuple) else key
        if progress and name in names:
            for chunk in result:
                progress.update(chunk)

    # A scheduler set in dask.config wins.
    kwargs: dict[str, Any] = {"scheduler": dask.config.get("scheduler", None) or "processes"}
    if jobs > 1:
        kwargs["num_workers"] = jobs
    with Callback(posttask=_posttask):
        computed = dask.compute(*parts, **kwargs)
    return [c for part in computed for c in part]
