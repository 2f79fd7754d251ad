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
