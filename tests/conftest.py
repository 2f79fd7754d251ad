"""Shared fixtures. Add fixtures here (one shared conftest.py for the whole suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STORY_DIR = REPO / "data" / "iraq-2021-07-26"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def story_dir() -> Path:
    """The bundled example corpus folder (five seed articles plus metadata)."""
    return STORY_DIR


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``: real corpora for evaluation; tests using it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"{SHARED_DATA} not found: evaluation corpora are not on this machine")
    return SHARED_DATA


@pytest.fixture(scope="session")
def dask_client():
    """A ``distributed`` LocalCluster (2 worker processes, 1 thread each), shared by the session."""
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            memory_limit="1GiB",
            dashboard_address=":0",  # a free port: no clash with a running dashboard
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="session")
def story_articles():
    """The bundled story as an articles table (``framing.load_corpus(story_dir)``)."""
    from framing.corpus import load_corpus

    return load_corpus(STORY_DIR)
