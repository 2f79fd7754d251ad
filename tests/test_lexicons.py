"""Every lexicon shipped in framing/lexicons is documented, well formed and loadable."""

from __future__ import annotations

from importlib import resources

import pytest

from framing._resources import read_tsv

LEXICON_DIR = resources.files("framing.lexicons")
TSV_FILES = sorted(p.name for p in LEXICON_DIR.iterdir() if p.name.endswith(".tsv"))
README = LEXICON_DIR.joinpath("README.md").read_text(encoding="utf-8")


def test_lexicons_found() -> None:
    assert "abbreviations.tsv" in TSV_FILES


@pytest.mark.parametrize("name", TSV_FILES)
def test_lexicons_listed_in_readme(name: str) -> None:
    assert f"`{name}`" in README, f"{name} has no row in framing/lexicons/README.md"


@pytest.mark.parametrize("name", TSV_FILES)
def test_lexicons_have_provenance_header(name: str) -> None:
    text = LEXICON_DIR.joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name} must start with '#' lines giving source and licence"


@pytest.mark.parametrize("name", TSV_FILES)
def test_lexicons_rows_are_complete(name: str) -> None:
    rows = read_tsv(name)
    assert rows, f"{name} has no rows"
    width = len(rows[0])
    for number, row in enumerate(rows, start=1):
        assert len(row) == width and None not in row, f"{name} row {number} has extra fields"
        first = next(iter(row.values()))
        assert first, f"{name} row {number} has an empty first column"


@pytest.mark.parametrize("name", TSV_FILES)
def test_lexicons_first_column_unique_per_row(name: str) -> None:
    rows = read_tsv(name)
    keys = [tuple(row.values()) for row in rows]
    assert len(keys) == len(set(keys)), f"{name} has duplicate rows"
