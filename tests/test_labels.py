"""Actor labels: mentions widened over their premodifiers, actor files, variant discovery."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.labels import (
    LABEL_COLUMNS,
    Actor,
    label_rows,
    label_table,
    label_variants,
    labels,
    load_actors,
)
from framing.text import Doc

MILITIA = Actor(
    "militias",
    "head",
    "militias?|fighters|factions|militants|forces",
    require=r"Iran|Shi'?a|Shiite|[Mm]ilitia|[Hh]ard-?line",
)


@pytest.fixture(scope="module")
def story_labels(story_articles: pd.DataFrame, story_dir) -> pd.DataFrame:
    return labels(story_articles, actors=story_dir / "actors.tsv")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iraqi military bases housing US troops across the country and the US embassy in "
            "the Green Zone in central Baghdad have been frequently targeted by rocket and drone "
            "attacks from Iran-backed Shia militias.",
            [("Iran-backed Shia militias", "militias", "Iran-backed Shia")],
        ),
        (
            "Iranian-backed militias are blamed for frequent rocket and drone attacks on US "
            "interests in the country.",
            [("Iranian-backed militias", "militias", "Iranian-backed")],
        ),
        (
            "But his government condemned US airstrikes against so-called Iran-aligned fighters "
            "along its border with Syria in late June, calling it a violation of Iraqi "
            "sovereignty.",
            [("so-called Iran-aligned fighters", "fighters", "so-called Iran-aligned")],
        ),
        (
            "Anthony Cordesman, a Middle East expert at the Center for Strategic and "
            "International Studies, said the drawdown of U.S. combat troops would ease the "
            "political pressure on al-Kadhimi from pro-Iranian militia forces and Iraq's "
            "internal tensions.",
            [("pro-Iranian militia forces", "forces", "pro-Iranian militia")],
        ),
        (
            "The White House meeting occurred because of the continuous attacks against United "
            "States military positions in Iraq that the U.S. blames Iran-linked militias.",
            [("Iran-linked militias", "militias", "Iran-linked")],
        ),
        # "militia" before another noun is a modifier, not a head: no mention here.
        (
            "The US has responded twice - striking militia positions on the Iraq-Syria border.",
            [],
        ),
        # "Iraqi forces" is not a militia (the label lacks what `require` asks for).
        (
            "US troops returned to the country in 2014 to support the Iraqi forces in the "
            "fight against the Islamic State militants.",
            [],
        ),
    ],
)
def test_labels_militia_premodifiers(text: str, expected: list[tuple[str, str, str]]) -> None:
    rows = label_rows(Doc(text), [MILITIA])
    assert [(r["label"], r["head"], r["modifiers"]) for r in rows] == expected
    for r in rows:
        assert text[r["start"] : r["end"]] == r["label"]


@pytest.mark.parametrize(
    ("outlet", "label"),
    [
        ("Xinhua", "Iran-backed Shia militias"),
        ("Rudaw", "Iranian-backed militias"),
        ("China Daily", "so-called Iran-aligned fighters"),
        ("USA Today", "pro-Iranian militia forces"),
        ("WION", "Iran-linked militias"),
    ],
)
def test_labels_story_militia_label_per_outlet(
    story_labels: pd.DataFrame, outlet: str, label: str
) -> None:
    rows = story_labels[
        (story_labels["actor"] == "Iran-aligned militias") & (story_labels["outlet"] == outlet)
    ]
    assert label in set(rows["label"])


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("Xinhua", ["deaths", "US airstrike"]),
        ("China Daily", ["deaths", "US airstrike"]),
        ("Rudaw", ["the US assassinated"]),
        (
            "USA Today",
            ["the Trump administration\u00a0targeted", "fatal drone strike"],
        ),  # NBSP as written
        ("WION", []),
    ],
)
def test_labels_story_agency_of_soleimani_killing(
    story_labels: pd.DataFrame, outlet: str, expected: list[str]
) -> None:
    rows = story_labels[
        (story_labels["actor"] == "killing of Soleimani") & (story_labels["outlet"] == outlet)
    ]
    assert rows["label"].tolist() == expected


@pytest.mark.parametrize(
    ("outlet", "actor", "label"),
    [
        ("Xinhua", "Qassem Soleimani", "top Iranian general Qassem Soleimani"),
        ("Rudaw", "Qassem Soleimani", "Iranian Gen. Qasem Soleimani"),
        ("Rudaw", "Abu Mahdi al-Muhandis", "Iraqi deputy militia commander Abu Mahdi al-Muhandis"),
        ("Xinhua", "Abu Mahdi al-Muhandis", "Iraqi militia leader Abu Mahdi al-Muhandis"),
        ("WION", "Mustafa al-Kadhimi", "Iraqi Prime Minister Mustafa al-Kadhimi"),
        ("WION", "Mustafa al-Kadhimi", "top Iraqi leader"),
        ("Xinhua", "Joe Biden", "US President Joe Biden"),
        ("Rudaw", "ISIS", "ISIS"),
        ("China Daily", "US forces", "US troops"),
        ("USA Today", "US forces", "U.S.-led coalition troops"),
        ("China Daily", "end of the combat mission", "future US drawdown"),
        ("Xinhua", "end of the combat mission", "shift in the mission of US troops"),
        ("Rudaw", "end of the combat mission", "change of mission"),
        ("USA Today", "end of the combat mission", "redeployment of combat forces"),
        ("Rudaw", "end of the combat mission", "withdrawal of American combat troops"),
        ("WION", "end of the combat mission", "shift in mission"),
    ],
)
def test_labels_story_actor_labels(
    story_labels: pd.DataFrame, outlet: str, actor: str, label: str
) -> None:
    rows = story_labels[(story_labels["actor"] == actor) & (story_labels["outlet"] == outlet)]
    assert label in set(rows["label"])


def test_labels_story_offsets_and_columns(
    story_labels: pd.DataFrame, story_articles: pd.DataFrame
) -> None:
    assert list(story_labels.columns) == LABEL_COLUMNS
    texts = story_articles.set_index("article_id")["text"]
    for row in story_labels.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.label


def test_labels_no_participle_after_a_noun(story_labels: pd.DataFrame) -> None:
    # "bases housing US troops": "housing" is a verb here, not part of the label.
    assert not story_labels["label"].str.contains("housing").any()
    assert not story_labels["label"].str.startswith(("many ", "shift US", "attack ")).any()


def test_labels_variants_for_a_head_noun(story_articles: pd.DataFrame) -> None:
    table = label_variants(story_articles, head="militias")
    assert table[["outlet", "modifiers", "count"]].values.tolist() == [
        ["Xinhua", "iran-backed shia", 1],
        ["WION", "iran-linked", 1],
        ["Rudaw", "iranian-backed", 1],
    ]


def test_labels_variants_empty() -> None:
    empty = label_variants(
        pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["."]}), head="x"
    )
    assert list(empty.columns) == ["outlet", "head", "modifiers", "label", "count"] and empty.empty


def test_labels_table_actor_by_outlet(story_labels: pd.DataFrame) -> None:
    grid = label_table(story_labels[story_labels["actor"] == "Iran-aligned militias"], per_cell=1)
    assert grid.loc["Iran-aligned militias", "Rudaw"] == "Iranian-backed militias"
    assert grid.loc["Iran-aligned militias", "Xinhua"].endswith("; +2 more")


def test_labels_smart_case() -> None:
    us = Actor("US forces", "head", "troops", require=r"\bUS\b")
    assert [r["label"] for r in label_rows(Doc("Let us troops in. US troops left."), [us])] == [
        "US troops"
    ]


def test_labels_actor_file_errors(tmp_path) -> None:
    bad = tmp_path / "actors.tsv"
    bad.write_text("actor\tmatch\tpattern\nX\tword\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 1: match must be"):
        load_actors(bad)
    bad.write_text("actor\tmatch\tpattern\nX\talias\t(x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 1 \(X\): bad pattern"):
        load_actors(bad)


def test_labels_actors_from_dataframe() -> None:
    frame = pd.DataFrame({"actor": ["ISIS"], "match": ["alias"], "pattern": ["ISIS"]})
    rows = label_rows(Doc("A resurging ISIS."), load_actors(frame))
    assert [(r["label"], r["modifiers"]) for r in rows] == [("resurging ISIS", "resurging")]


def test_labels_empty_articles_keep_columns(story_dir) -> None:
    empty = pd.DataFrame({"article_id": [], "outlet": [], "text": []})
    table = labels(empty, actors=story_dir / "actors.tsv")
    assert list(table.columns) == LABEL_COLUMNS and table["start"].dtype == "int64"


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Iran-backed militias ,.\n'")), max_size=80))
def test_labels_never_crash_offsets_valid(text: str) -> None:
    for row in label_rows(Doc(text), [MILITIA]):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["label"]
