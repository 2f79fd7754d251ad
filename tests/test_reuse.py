"""Text reuse: passages two articles share (wire copy, shared quotes), and their summaries."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.plot_cross import plot_reuse
from framing.reuse import (
    REUSE_COLUMNS,
    reuse,
    reuse_matrix,
    reuse_pairs,
    reuse_summary,
    reused_spans,
)
from framing.terms import term_counts, word_choice
from framing.text import Doc


@pytest.fixture(scope="module")
def passages(story_articles: pd.DataFrame) -> pd.DataFrame:
    return reuse(story_articles)


def _articles(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "outlet", "text"])


# Real sentences from the bundled story (Xinhua and China Daily, as published).
XINHUA = (
    "Analysts noted that the Iraqi leader faced mounting pressures at home from hardline Shia "
    "factions who demand all US troops to leave the country. This shift in the mission of US "
    "troops could be seen as a political gain for al-Kadhimi ahead of parliamentary elections "
    "in October."
)
CHINA_DAILY = (
    "Analysts noted that the Iraqi prime minister faced mounting pressures at home from "
    "hard-line Shiite factions demanding that all US troops leave the country. This shift in "
    "the mission of US troops could be seen as a political gain for Kadhimi ahead of "
    "parliamentary elections in October."
)


# Every passage Xinhua and China Daily share: (start_a, end_a, start_b, end_b, n_words, kind).
@pytest.mark.parametrize(
    ("start_a", "end_a", "start_b", "end_b", "n_words", "kind"),
    [
        (196, 363, 536, 688, 34, "shared_quote"),  # Biden: "... continue to train ..."
        (615, 916, 997, 1297, 54, "copy"),  # "ahead of the visit that there is no need ..."
        (1037, 1255, 1464, 1685, 39, "copy"),  # "US media said the move may not lead ..."
        (1386, 1662, 1687, 1972, 47, "copy"),  # "Analysts noted that ... in October"
        (1865, 2143, 3092, 3378, 45, "copy"),  # "Immediately after the deaths of ..."
    ],
)
def test_reuse_xinhua_china_daily_passages(
    passages: pd.DataFrame,
    start_a: int,
    end_a: int,
    start_b: int,
    end_b: int,
    n_words: int,
    kind: str,
) -> None:
    pair = passages[
        (passages["article_id_a"] == "xinhua") & (passages["article_id_b"] == "chinadaily")
    ]
    assert len(pair) == 5
    row = pair[pair["start_a"] == start_a].iloc[0]
    assert (row["end_a"], row["start_b"], row["end_b"]) == (end_a, start_b, end_b)
    assert (row["n_words"], row["kind"]) == (n_words, kind)


def test_reuse_offsets_index_both_texts(story_articles: pd.DataFrame, passages) -> None:
    text = dict(zip(story_articles["article_id"], story_articles["text"], strict=True))
    for _, row in passages.iterrows():
        assert text[row["article_id_a"]][row["start_a"] : row["end_a"]] == row["passage"]
    row = passages[passages["start_a"] == 1037].iloc[0]
    assert text["chinadaily"][row["start_b"] : row["end_b"]].startswith("US media said the move")


def test_reuse_columns_and_event(passages: pd.DataFrame) -> None:
    assert list(passages.columns) == ["event", *REUSE_COLUMNS]
    assert set(passages["event"]) == {"Biden announces end of US combat mission in Iraq"}


@pytest.mark.parametrize(
    ("a", "b", "kinds"),
    [
        ("xinhua", "chinadaily", ["shared_quote", "copy", "copy", "copy", "copy"]),
        ("xinhua", "rudaw", ["shared_quote"]),
        # Associated Press material: al-Kadhimi's "no need for any foreign combat forces".
        ("chinadaily", "usatoday", ["copy", "shared_quote", "copy"]),
        ("rudaw", "usatoday", ["shared_quote", "shared_quote"]),
    ],
)
def test_reuse_kinds_per_pair(passages: pd.DataFrame, a: str, b: str, kinds: list[str]) -> None:
    pair = passages[(passages["article_id_a"] == a) & (passages["article_id_b"] == b)]
    assert pair["kind"].tolist() == kinds


def test_reuse_tolerates_house_style_and_rewording() -> None:
    table = _articles(("x", "Xinhua", XINHUA), ("c", "China Daily", CHINA_DAILY))
    found = reuse(table)
    assert len(found) == 1  # one passage across "hardline Shia" / "hard-line Shiite"
    row = found.iloc[0]
    assert (row["start_a"], row["end_a"], row["n_words"]) == (0, len(XINHUA) - 1, 47)
    assert round(row["similarity"], 3) == 0.787
    assert row["kind"] == "copy"


@pytest.mark.parametrize(
    ("min_words", "n_passages"),
    [(8, 1), (50, 0)],
)
def test_reuse_min_words(min_words: int, n_passages: int) -> None:
    table = _articles(("x", "Xinhua", XINHUA), ("c", "China Daily", CHINA_DAILY))
    assert len(reuse(table, min_words=min_words)) == n_passages


def test_reuse_min_words_below_shingle_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least shingle"):
        reuse(_articles(("x", "Xinhua", XINHUA)), min_words=3)


@pytest.mark.parametrize(
    ("same_outlet", "n_passages"),
    [(False, 0), (True, 1)],
)
def test_reuse_same_outlet_pairs_opt_in(same_outlet: bool, n_passages: int) -> None:
    table = _articles(("x1", "Xinhua", XINHUA), ("x2", "Xinhua", CHINA_DAILY))
    assert len(reuse(table, same_outlet=same_outlet)) == n_passages


def test_reuse_compares_within_events_only() -> None:
    table = _articles(("x", "Xinhua", XINHUA), ("c", "China Daily", CHINA_DAILY))
    apart = table.assign(event=["one", "two"])
    assert reuse(apart).empty
    assert list(reuse(apart).columns) == ["event", *REUSE_COLUMNS]
    assert len(reuse(apart, by=None)) == 1  # by=None: one group, no event column
    assert list(reuse(apart, by=None).columns) == REUSE_COLUMNS


def test_reuse_pairs_xinhua_china_daily(story_articles: pd.DataFrame, passages) -> None:
    pairs = reuse_pairs(passages, story_articles)
    top = pairs.iloc[0]
    assert (top["article_id_a"], top["article_id_b"], top["kind"]) == (
        "xinhua",
        "chinadaily",
        "copy",
    )
    # Issue 9: at least five sentences shared word for word (or nearly).
    assert (top["sentences_a"], top["sentences_b"]) == (8, 7)
    assert (top["words_a"], top["words_b"], top["copy_words"]) == (219, 220, 185)
    assert (round(top["share_a"], 3), round(top["share_b"], 3)) == (0.474, 0.363)
    assert len(pairs) == 7


@pytest.mark.parametrize(
    ("outlet", "share_reused", "share_copy", "most"),
    [
        ("Xinhua", 0.476, 0.400, "China Daily"),
        ("WION", 0.012, 0.012, "USA Today"),
        ("Rudaw", 0.098, 0.0, "China Daily"),
        ("China Daily", 0.383, 0.323, "Xinhua"),
        ("USA Today", 0.094, 0.036, "China Daily"),
    ],
)
def test_reuse_summary_per_outlet(
    story_articles: pd.DataFrame,
    passages: pd.DataFrame,
    outlet: str,
    share_reused: float,
    share_copy: float,
    most: str,
) -> None:
    row = reuse_summary(passages, story_articles).set_index("outlet").loc[outlet]
    assert round(row["share_reused"], 3) == share_reused
    assert round(row["share_copy"], 3) == share_copy
    assert row["shares_most_with"] == most


def test_reuse_matrix_is_directed(story_articles: pd.DataFrame, passages) -> None:
    matrix = reuse_matrix(passages, story_articles).set_index(["outlet", "other"])
    assert len(matrix) == 20  # 5 x 4 ordered pairs, zeros included
    assert matrix.loc[("Xinhua", "China Daily"), "words"] == 219
    assert matrix.loc[("China Daily", "Xinhua"), "words"] == 220
    assert matrix.loc[("WION", "Xinhua"), "share"] == 0.0


def test_reused_spans_merge_both_sides(passages: pd.DataFrame) -> None:
    spans = reused_spans(passages)
    assert spans["xinhua"][:2] == [(196, 368), (615, 916)]  # two passages over the quote, merged
    assert set(spans) == {"xinhua", "wion", "rudaw", "chinadaily", "usatoday"}


def test_reuse_excluded_words_are_not_counted() -> None:
    doc = Doc(XINHUA)
    assert term_counts(doc)["mounting pressures"] == 1
    assert term_counts(doc, exclude=[(0, 60)])["mounting pressures"] == 0
    assert term_counts(doc, exclude=[(0, 60)])["hardline shia"] == 1  # after offset 60


@pytest.mark.parametrize(
    ("term", "without", "with_exclusion"),
    [
        ("mounting pressures", 1, 0),  # wire copy Xinhua also ran: credited to neither
        ("significant reduction", 1, 0),
        ("hard-line", 1, 0),  # inside the reworded stretch of the same passage
        ("unconditional withdrawal", 1, 1),  # China Daily's own narration stays
        ("associated press", 1, 1),
    ],
)
def test_reuse_word_choice_exclude_reused(
    story_articles: pd.DataFrame, term: str, without: int, with_exclusion: int
) -> None:
    def count(table: pd.DataFrame) -> int:
        rows = table[(table["outlet"] == "China Daily") & (table["term"] == term)]
        return int(rows["count"].sum())

    assert count(word_choice(story_articles, min_count=1)) == without
    assert count(word_choice(story_articles, min_count=1, exclude_reused=True)) == with_exclusion


def test_reuse_plot_heatmap(story_articles: pd.DataFrame, passages) -> None:
    _fig, ax = plt.subplots()
    out = plot_reuse(reuse_matrix(passages, story_articles), ax=ax)
    assert out is ax
    assert len(ax.get_xticklabels()) == 5
    assert "47%" in [t.get_text() for t in ax.texts]  # Xinhua's words shared with China Daily


def test_reuse_empty_table_keeps_columns() -> None:
    found = reuse(_articles(("x", "Xinhua", XINHUA), ("w", "WION", "Completely different.")))
    assert found.empty and list(found.columns) == REUSE_COLUMNS
    assert reuse_pairs(found, _articles(("x", "Xinhua", XINHUA))).empty


_WORDS = st.sampled_from(["US", "U.S.", "troops", "Iraq", "the", "end", "of", "year", ",", "."])


@settings(max_examples=100, deadline=None)
@given(st.lists(_WORDS, max_size=60), st.lists(_WORDS, max_size=60), st.integers(0, 3))
def test_reuse_never_crashes_offsets_valid(a: list[str], b: list[str], gap: int) -> None:
    text_a, text_b = " ".join(a), " ".join(b[: len(b) // 2] + a + b[len(b) // 2 :])
    found = reuse(_articles(("a", "A", text_a), ("b", "B", text_b)), max_gap=gap, min_words=5)
    for _, row in found.iterrows():
        assert 0 <= row["start_a"] < row["end_a"] <= len(text_a)
        assert 0 <= row["start_b"] < row["end_b"] <= len(text_b)
        assert text_a[row["start_a"] : row["end_a"]] == row["passage"]
        assert 0 < row["similarity"] <= 1


def test_reuse_basil_per_event(basil: Callable[[int], pd.DataFrame]) -> None:
    articles = basil(5)
    assert articles["event"].nunique() == 5
    found = reuse(articles)
    event_of = dict(zip(articles["article_id"], articles["event"], strict=True))
    assert len(found) > 0
    assert (found["article_id_a"].map(event_of) == found["event"]).all()
    assert (found["article_id_b"].map(event_of) == found["event"]).all()
    assert (found["outlet_a"] != found["outlet_b"]).all()
    assert "event" in reuse_pairs(found, articles).columns
