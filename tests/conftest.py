"""Shared fixtures. Add fixtures here (one shared conftest.py for the whole suite)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: the suite runs each property test's own small budget; the fuzz run
# (HYPOTHESIS_PROFILE=fuzz, or pytest --hypothesis-profile=fuzz) gives tests/test_properties.py
# 10,000 examples per property. See docs/robustness.md.
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])

REPO = Path(__file__).resolve().parents[1]
STORY_DIR = REPO / "data" / "iraq-2021-07-26"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close the figures a test drew (without importing matplotlib where no test did)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


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


# The evaluation corpora name their fields their own way; benchmarks/_corpora.py is the one
# place that knows how (it reads ../shared/data at run time and is never a copy of it).


@pytest.fixture(scope="session")
def allsides(shared_data: Path):
    """Load the first ``n`` AllSides articles as an articles table, as a researcher would.

    The AllSides label (left / center / right) is added as the column ``label``.
    """
    from _corpora import ALLSIDES_COLUMNS, allsides_path, load_allsides

    def first(n: int) -> pd.DataFrame:
        return load_allsides(shared_data, n)

    first.path = allsides_path(shared_data)  # type: ignore[attr-defined]
    first.columns = ALLSIDES_COLUMNS  # type: ignore[attr-defined]
    return first


@pytest.fixture(scope="session")
def basil(shared_data: Path):
    """Load the BASIL articles of the first ``n`` events (three outlets each) as a table."""
    from _corpora import load_basil

    def first(n: int) -> pd.DataFrame:
        return load_basil(shared_data, events=n)

    return first
