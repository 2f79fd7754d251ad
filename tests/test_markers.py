"""Markers: loaded, distancing, hedging and intensifying words, own voice vs quoted."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from framing._resources import read_tsv
from framing.markers import (
    CATEGORIES,
    MARKER_COLUMNS,
    base_forms,
    load_marker_lexicon,
    marker_counts,
    marker_rates,
    marker_rows,
    markers,
    merge_marker_counts,
)
from framing.text import Doc, docs_from
from framing.voice import own_word_count


def _found(text: str) -> list[tuple[str, str, str, bool]]:
    return [(r["category"], r["term"], r["text"], r["in_quote"]) for r in marker_rows(Doc(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But his government condemned US airstrikes against so-called Iran-aligned fighters "
            "along its border with Syria in late June, calling it a violation of Iraqi "
            "sovereignty.",
            [("distancing", "so-called", "so-called", False)],
        ),
        (
            "US media said the move may not lead to a significant reduction of US military "
            "presence in Iraq.",
            [("hedge", "may", "may", False)],
        ),
        # "May 1" is a month (a capitalised word inside a sentence is read as a name).
        (
            'The reference was reminiscent of the large "Mission Accomplished" banner on the '
            "USS Abraham Lincoln aircraft carrier above where Bush gave a speech declaring "
            "major combat operations over in Iraq on May 1, 2003.",
            [("distancing", "scare quote", "Mission Accomplished", False)],
        ),
        (
            "Analysts noted that the Iraqi prime minister faced mounting pressures at home from "
            "hard-line Shiite factions demanding that all US troops leave the country.",
            [("loaded", "hard-line", "hard-line", False)],
        ),
        (
            '"While the potential resurgence of a terrorist group such as ISIS may warrant '
            "further U.S. military action, permanent bases in Iraq are neither necessary nor "
            'helpful," he said in a statement.',
            [("hedge", "may", "may", True), ("loaded", "helpful", "helpful", True)],
        ),
        (
            "If the military situation in the region changes or there's a massive rebirth of "
            "terrorism in the coming months, U.S. troops could be rapidly deployed, he said.",
            [
                ("intensifier", "massive", "massive", False),
                ("hedge", "could", "could", False),
            ],
        ),
        (
            "Official owed that they will ensure that the seven years ago episode will never "
            "repeat when the ISIS group swept through Mosul.",
            [],
        ),
    ],
)
def test_markers_in_story_sentences(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The claim was absurdly smug.",
            [("loaded", "absurd", "absurdly", False), ("loaded", "smug", "smug", False)],
        ),
        ("The plan was reportedly shelved.", [("hedge", "reportedly", "reportedly", False)]),
        ("The militia appears to have withdrawn.", [("hedge", "appears to", "appears to", False)]),
        (
            "The self-styled caliph's fighters fled.",
            [("distancing", "self-styled", "self-styled", False)],
        ),
        (
            "It was an extremely brazen attack.",
            [
                ("intensifier", "extremely", "extremely", False),
                ("loaded", "brazen", "brazen", False),
            ],
        ),
        # An adjective from the Pattern list takes adverb endings only: "welcomed" is a verb.
        ("Biden welcomed al-Kadhimi.", []),
        # Part of speech: "striking" (Pattern adjective, pos JJ) is loaded as an adjective, not
        # as the verb of a clause with an object (a participial clause, a progressive).
        (
            "The US has responded twice - striking militia positions on the Iraq-Syria border "
            "on February 25 and again on June 28.",
            [],
        ),
        ("US jets were striking militia positions near Al-Qaim.", []),
        (
            "The plan bears a striking resemblance to the 2011 withdrawal.",
            [("loaded", "striking", "striking", False)],
        ),
        ("The results were striking.", [("loaded", "striking", "striking", False)]),
    ],
)
def test_markers_matching_rules(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("slammed", ["slamm", "slam", "slamme"]),
        ("brazenly", ["brazen"]),
        ("bullies", ["bully", "bulli", "bullie"]),
        ("dramatically", ["dramatic", "dramatical"]),
        ("may", []),
    ],
)
def test_markers_base_forms(word: str, expected: list[str]) -> None:
    assert base_forms(word) == expected


def test_markers_user_lexicon_pos_column(tmp_path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("category\tterm\tpos\nloaded\tstriking\tJJ\n", encoding="utf-8")
    lex = load_marker_lexicon(path, scare_quotes=False)
    verb = marker_rows(Doc("Jets were striking militia positions."), lexicon=lex)
    adjective = marker_rows(Doc("It was a striking failure."), lexicon=lex)
    assert (len(verb), [(r["start"], r["end"]) for r in adjective]) == (0, [(9, 17)])


def test_markers_story_so_called_is_china_daily_distancing(story_articles: pd.DataFrame) -> None:
    table = markers(story_articles)
    hits = table[table["term"] == "so-called"]
    assert hits[["outlet", "category", "in_quote"]].values.tolist() == [
        ["China Daily", "distancing", False]
    ]
    row = hits.iloc[0]
    text = story_articles.set_index("article_id").at[row["article_id"], "text"]
    assert text[row["start"] : row["end"]] == "so-called"


def test_markers_story_table_shape(story_articles: pd.DataFrame) -> None:
    table = markers(story_articles)
    assert list(table.columns) == MARKER_COLUMNS
    assert set(table["category"]) <= set(CATEGORIES)
    texts = story_articles.set_index("article_id")["text"]
    for row in table.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text


def test_markers_categories_filter(story_articles: pd.DataFrame) -> None:
    table = markers(story_articles, categories=["hedge"])
    assert set(table["category"]) == {"hedge"}


def test_markers_empty_table_keeps_columns() -> None:
    empty = pd.DataFrame({"article_id": [], "outlet": [], "text": []})
    table = markers(empty)
    assert list(table.columns) == MARKER_COLUMNS and table["start"].dtype == "int64"


def test_markers_rates_per_outlet(story_articles: pd.DataFrame) -> None:
    rates = marker_rates(markers(story_articles), story_articles)
    assert list(rates.columns) == [
        "outlet",
        "words_own",
        "words_quoted",
        "loaded_per_1k",
        "loaded_per_1k_quoted",
        "distancing_per_1k",
        "distancing_per_1k_quoted",
        "hedge_per_1k",
        "intensifier_per_1k",
    ]
    assert len(rates) == 5
    china = rates.set_index("outlet").loc["China Daily"]
    own = markers(story_articles).query("outlet == 'China Daily' and not in_quote")
    n_distancing = int((own["category"] == "distancing").sum())
    assert china["distancing_per_1k"] == pytest.approx(1000 * n_distancing / china["words_own"])


def test_markers_rates_quoted_voice_per_1k_quoted_words(story_articles: pd.DataFrame) -> None:
    table = markers(story_articles)
    rates = marker_rates(table, story_articles, min_quoted_words=1).set_index("outlet")
    docs = {d.outlet: d for d in docs_from(story_articles)}
    for outlet, row in rates.iterrows():
        doc = docs[str(outlet)]
        assert row["words_quoted"] == doc.n_words - own_word_count(doc)
        inside = table[(table["outlet"] == outlet) & table["in_quote"]]
        n_loaded = int((inside["category"] == "loaded").sum())
        expected = 1000 * n_loaded / row["words_quoted"] if row["words_quoted"] else math.nan
        assert row["loaded_per_1k_quoted"] == pytest.approx(expected, nan_ok=True)
    # Below the minimum of quoted words the quoted rates are NaN, the own-voice ones are not.
    strict = marker_rates(table, story_articles, min_quoted_words=10_000)
    assert strict["loaded_per_1k_quoted"].isna().all()
    assert strict["distancing_per_1k_quoted"].isna().all()
    assert strict["loaded_per_1k"].notna().all()


def test_markers_rates_from_partial_counts_equal_rates_from_rows(
    story_articles: pd.DataFrame,
) -> None:
    """Counts of two halves of the corpus, added up, give the rates of the whole table."""
    table = markers(story_articles)
    first, second = table.iloc[: len(table) // 2], table.iloc[len(table) // 2 :]
    counts = merge_marker_counts(marker_counts(first), marker_counts(second))
    assert_frame_equal(
        marker_rates(counts, story_articles), marker_rates(table, story_articles), check_exact=True
    )


def test_markers_user_lexicon(tmp_path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# mine\ncategory\tterm\nloaded\tcombat mission\n", encoding="utf-8")
    lex = load_marker_lexicon(path, scare_quotes=False)
    rows = marker_rows(Doc("The combat mission ends."), lexicon=lex)
    assert [(r["term"], r["start"], r["end"]) for r in rows] == [("combat mission", 4, 18)]


@pytest.mark.parametrize("name", ["markers.tsv", "loaded_general.tsv"])
def test_markers_lexicon_files_use_known_categories(name: str) -> None:
    rows = read_tsv(name)
    assert {r["category"] for r in rows} <= set(CATEGORIES)
    assert all(r["term"] == r["term"].lower() for r in rows)
    assert {r.get("pos", "") for r in rows} <= {"", "JJ", "RB", "NN", "VB"}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab may so-called \"'.\nM")), max_size=80))
def test_markers_never_crash_offsets_valid(text: str) -> None:
    for row in marker_rows(Doc(text)):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is not clear whether the militia, which the US says is believed to be backed "
            "by Iran, fired the rockets.",
            [("it is not clear", "It is not clear"), ("is believed to", "is believed to")],
        ),
        # a phrase is whole words with only white space between them: not "What, they called"
        (
            "It is not clear. What, they called it, was a raid by what it calls white "
            "supremacists' allies.",
            [
                ("it is not clear", "It is not clear"),
                ("what it calls", "what it calls"),
                ("white supremacists", "white supremacists"),
            ],
        ),
        (
            "The group is said to have ties to white nationalists; it was not, clear.",
            [("is said to", "is said to"), ("white nationalists", "white nationalists")],
        ),
    ],
)
def test_markers_phrases(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r["term"], r["text"]) for r in marker_rows(Doc(text))] == expected
