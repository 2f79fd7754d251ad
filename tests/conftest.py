"""Shared fixtures. Add fixtures here (one shared conftest.py for the whole suite)."""

from __future__ import annotations

import os
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


# The AllSides export in ../shared/data/article_bias_prediction names its fields differently;
# this is the one place the suite spells out that mapping (it is never copied into the repo).
ALLSIDES_COLUMNS = {
    "text_col": "content_original",
    "id_col": "ID",
    "outlet_col": "source",
    "title_col": "title",
}


@pytest.fixture(scope="session")
def allsides(shared_data: Path):
    """Load the first ``n`` AllSides articles as an articles table, as a researcher would.

    The AllSides label (left / center / right) is added as the column ``label``.
    """
    from framing.corpus import load_corpus

    path = shared_data / "article_bias_prediction" / "articles.jsonl.gz"

    def first(n: int) -> pd.DataFrame:
        table = next(iter(load_corpus(path, chunksize=n, **ALLSIDES_COLUMNS)))
        return table.assign(label=table["bias_text"])

    first.path = path  # type: ignore[attr-defined]
    first.columns = ALLSIDES_COLUMNS  # type: ignore[attr-defined]
    return first


@pytest.fixture(scope="session")
def basil(shared_data: Path):
    """Load the BASIL articles of the first ``n`` events (three outlets each) as an articles table.

    Columns ``article_id, outlet, text, event``; the text is BASIL's body paragraphs, one a line.
    """
    import json

    def first(n: int) -> pd.DataFrame:
        rows = []
        for path in sorted((shared_data / "basil" / "articles").glob("*/*.json"))[: 3 * n]:
            art = json.loads(path.read_text(encoding="utf-8"))
            text = "\n".join(" ".join(p) for p in art["body-paragraphs"])
            rows.append((path.stem, str(art["source"]).lower(), text, art["triplet-uuid"]))
        return pd.DataFrame(rows, columns=["article_id", "outlet", "text", "event"])

    return first
