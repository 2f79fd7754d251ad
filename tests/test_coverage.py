"""Coverage and omission: facts as clusters of similar sentences across the articles on an event."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.coverage import (
    COVERAGE_COLUMNS,
    coverage,
    coverage_gaps,
    coverage_matrix,
    coverage_summary,
    sentence_similarity,
)
from framing.plot_cross import plot_coverage
from framing.similarity import fold, group_positions, light_stem


@pytest.fixture(scope="module")
def facts(story_articles: pd.DataFrame) -> pd.DataFrame:
    return coverage(story_articles)


def _fact_of(facts: pd.DataFrame, words: str) -> pd.DataFrame:
    fact = facts[facts["sentence_text"].str.contains(words, regex=False)]["fact"].iloc[0]
    return facts[facts["fact"] == fact]


@pytest.mark.parametrize(
    ("words", "outlets"),
    [
        # Issue 9: only Rudaw reports the vaccine doses and the Kurdish officials' worries.
        ("500,000 doses of coronavirus vaccines", ["Rudaw"]),
        ("Kurdish officials are worried", ["Rudaw"]),
        # Only USA Today quotes the Quincy Institute.
        ("The move was praised by the Quincy Institute", ["USA Today"]),
        # "2,500" ties four rewordings together; WION's "twenty-five hundred" stays apart.
        (
            "There are currently 2,500 US soldiers in Iraq.",
            ["Rudaw", "USA Today", "Xinhua", "China Daily"],
        ),
        ("around twenty-five hundred", ["WION"]),
        ("mounting pressures at home", ["Xinhua", "China Daily"]),
        ("no need for any foreign combat forces", ["Xinhua", "China Daily", "USA Today"]),
        ("the numbers will be driven by", ["Rudaw", "USA Today"]),
    ],
)
def test_coverage_fact_outlets(facts: pd.DataFrame, words: str, outlets: list[str]) -> None:
    fact = _fact_of(facts, words)
    assert sorted(set(fact["outlet"])) == sorted(outlets)
    assert (fact["n_outlets"] == len(outlets)).all()


def test_coverage_vaccine_doses_are_rudaw_only_in_gaps(facts: pd.DataFrame) -> None:
    gaps = coverage_gaps(facts)
    row = gaps[gaps["label"].str.contains("500,000 doses", regex=False)]
    assert row[["outlet", "status", "n_outlets", "lede"]].values.tolist() == [
        ["Rudaw", "only", 1, False]
    ]
    assert round(float(row["position"].iloc[0]), 3) == 0.866


def test_coverage_lede_fact_is_everyones_first_sentence(facts: pd.DataFrame) -> None:
    lede = facts[facts["fact"] == 0]
    assert lede["outlet"].tolist() == ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]
    assert lede["sentence"].tolist() == [0, 0, 0, 0, 0]
    assert lede["lede"].all() and lede["first"].all()
    assert (lede["position"] == 0.0).all()


@pytest.mark.parametrize(
    ("outlet", "position"),
    [("Xinhua", 0.326), ("Rudaw", 0.255), ("China Daily", 0.349), ("USA Today", 0.127)],
)
def test_coverage_position_of_first_mention(
    facts: pd.DataFrame, outlet: str, position: float
) -> None:
    fact = _fact_of(facts, "There are now around 2,500 US troops in Iraq.")
    row = fact[fact["outlet"] == outlet].iloc[0]
    assert round(row["position"], 3) == position
    assert not row["lede"]


def test_coverage_offsets_index_text(story_articles: pd.DataFrame, facts: pd.DataFrame) -> None:
    text = dict(zip(story_articles["article_id"], story_articles["text"], strict=True))
    for _, row in facts.iterrows():
        assert text[row["article_id"]][row["start"] : row["end"]] == row["sentence_text"]
    assert list(facts.columns) == ["event", *COVERAGE_COLUMNS]
    assert facts.groupby("fact")["label"].nunique().max() == 1


@pytest.mark.parametrize(
    ("outlet", "n_sentences", "sentences_only", "facts_omitted"),
    [
        ("Xinhua", 17, 6, 0),
        ("WION", 24, 19, 3),
        ("Rudaw", 20, 15, 2),
        ("China Daily", 23, 13, 1),
        ("USA Today", 25, 18, 1),
    ],
)
def test_coverage_summary_per_outlet(
    facts: pd.DataFrame, outlet: str, n_sentences: int, sentences_only: int, facts_omitted: int
) -> None:
    row = coverage_summary(facts).set_index("outlet").loc[outlet]
    assert (row["n_sentences"], row["sentences_only"], row["facts_omitted"]) == (
        n_sentences,
        sentences_only,
        facts_omitted,
    )
    assert row["share_sentences_only"] == sentences_only / n_sentences


@pytest.mark.parametrize(
    ("outlet", "omitted"),
    [
        # WION spells the troop number out ("twenty-five hundred"), so it does not match.
        (
            "WION",
            ["There are now around 2,500", "Kadhimi told The Associated", "Immediately after"],
        ),
        ("Rudaw", ["Kadhimi told The Associated", "During a briefing"]),
        ("Xinhua", []),
    ],
)
def test_coverage_gaps_omitted(facts: pd.DataFrame, outlet: str, omitted: list[str]) -> None:
    gaps = coverage_gaps(facts)
    labels = gaps[(gaps["outlet"] == outlet) & (gaps["status"] == "omitted")]["label"]
    assert [label[: len(start)] for label, start in zip(labels, omitted, strict=False)] == omitted
    assert len(labels) == len(omitted)


@pytest.mark.parametrize(("most", "n_omitted"), [(0.5, 7), (0.0, 312), (0.99, 1)])
def test_coverage_gaps_most_threshold(facts: pd.DataFrame, most: float, n_omitted: int) -> None:
    gaps = coverage_gaps(facts, most=most)
    assert int((gaps["status"] == "omitted").sum()) == n_omitted


def test_coverage_matrix(facts: pd.DataFrame) -> None:
    presence = coverage_matrix(facts)
    assert presence.shape == (84, 5)
    assert list(presence.columns) == ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]
    assert presence.sum().tolist() == [17, 24, 20, 23, 24]
    position = coverage_matrix(facts, value="position")
    assert position.iloc[0].tolist() == [0.0] * 5


@pytest.mark.parametrize(
    ("a", "b", "number_weight", "expected"),
    [
        # Real rewordings from the story: the shared number carries the match.
        (
            "There are now around 2,500 US troops in Iraq.",
            "There are currently 2,500 US soldiers in Iraq.",
            2.0,
            0.633,
        ),
        (
            "There are now around 2,500 US troops in Iraq.",
            "There are currently 2,500 US soldiers in Iraq.",
            1.0,
            0.411,
        ),
        (
            "Analysts noted that the Iraqi leader faced mounting pressures at home from hardline "
            "Shia factions.",
            "Analysts noted that the Iraqi prime minister faced mounting pressures at home from "
            "hard-line Shiite factions.",
            2.0,
            0.647,
        ),
        ("Kadhimi is seen as friendly to the US.", "Hussein was ousted from power.", 2.0, 0.0),
    ],
)
def test_coverage_sentence_similarity(
    a: str, b: str, number_weight: float, expected: float
) -> None:
    from framing.coverage import _sentence_terms
    from framing.terms import load_stopwords
    from framing.text import Doc

    bags = [_sentence_terms(Doc(t), load_stopwords(), 1)[0][1] for t in (a, b)]
    sims = sentence_similarity(bags, number_weight=number_weight)
    assert round(float(sims[0, 1]), 3) == expected
    assert sims[0, 0] == 1.0


@pytest.mark.parametrize(("threshold", "n_facts"), [(0.2, 69), (0.3, 84), (0.5, 94)])
def test_coverage_threshold_controls_merging(
    story_articles: pd.DataFrame, threshold: float, n_facts: int
) -> None:
    assert coverage(story_articles, threshold=threshold)["fact"].nunique() == n_facts


def test_coverage_by_none_and_empty(story_articles: pd.DataFrame) -> None:
    table = coverage(story_articles, by=None)
    assert list(table.columns) == list(COVERAGE_COLUMNS)
    empty = coverage(story_articles.iloc[:0])
    assert empty.empty and list(empty.columns) == ["event", *COVERAGE_COLUMNS]


def test_coverage_plot_matrix(facts: pd.DataFrame) -> None:
    _fig, ax = plt.subplots()
    out = plot_coverage(facts, min_outlets=2, ax=ax)
    assert out is ax
    assert len(ax.get_yticklabels()) == 13  # facts at least two outlets report
    assert {t.get_text() for t in ax.get_xticklabels()} == {
        "Xinhua",
        "WION",
        "Rudaw",
        "China Daily",
        "USA Today",
    }


@pytest.mark.parametrize(
    ("word", "folded", "stem"),
    [
        ("u.s.", "us", "us"),
        ("hard-line", "hardline", "hardline"),
        ("2,500", "2500", "2500"),
        ("militias", "militias", "militia"),
        ("countries", "countries", "country"),
        ("forces", "forces", "force"),
    ],
)
def test_coverage_similarity_keys(word: str, folded: str, stem: str) -> None:
    assert fold(word) == folded
    assert light_stem(fold(word)) == stem


def test_coverage_group_positions() -> None:
    table = pd.DataFrame({"event": ["a", "b", "a"], "x": [1, 2, 3]})
    assert group_positions(table, "event") == [("a", [0, 2]), ("b", [1])]
    assert group_positions(table.drop(columns="event"), "event") == [(None, [0, 1, 2])]
    with pytest.raises(KeyError, match="no column 'story'"):
        group_positions(table, "story")


_SENTENCES = st.sampled_from(
    [
        "There are now around 2,500 US troops in Iraq.",
        "There are currently 2,500 US soldiers in Iraq.",
        "Kadhimi is seen as friendly to the US.",
        "Iran has denied involvement.",
        "",
        "\n",
    ]
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(_SENTENCES, max_size=6), min_size=1, max_size=4))
def test_coverage_never_crashes_offsets_valid(texts: list[list[str]]) -> None:
    table = pd.DataFrame(
        {
            "article_id": [f"a{k}" for k in range(len(texts))],
            "outlet": [f"o{k % 3}" for k in range(len(texts))],
            "text": [" ".join(t) for t in texts],
        }
    )
    found = coverage(table, min_words=1)
    text = dict(zip(table["article_id"], table["text"], strict=True))
    for _, row in found.iterrows():
        assert text[row["article_id"]][row["start"] : row["end"]] == row["sentence_text"]
        assert 0.0 <= row["position"] < 1.0
    coverage_summary(found)
    coverage_gaps(found)


def test_coverage_basil_per_event(basil: Callable[[int], pd.DataFrame]) -> None:
    articles = basil(3)
    found = coverage(articles)
    assert found["event"].nunique() == 3
    # A fact never spans two events, and never more outlets than the event has.
    assert (found.groupby("fact")["event"].nunique() == 1).all()
    assert found["n_outlets"].max() <= 3
    summary = coverage_summary(found)
    assert sorted(summary["outlet"]) == ["Fox News", "HuffPost", "New York Times"]
    assert summary["n_articles"].tolist() == [3, 3, 3]
