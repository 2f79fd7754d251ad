"""Distinctive terms: per-article counting, summing, weighted log-odds scoring."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.terms import (
    TERM_COLUMNS,
    load_stopwords,
    log_odds_from_counts,
    sum_counts,
    term_counts,
    top_terms,
    word_choice,
)
from framing.text import Doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian-backed militias are blamed for frequent rocket and drone attacks on US "
            "interests in the country.",
            {
                "iranian-backed": 1,
                "militias": 1,
                "blamed": 1,
                "frequent": 1,
                "rocket": 1,
                "drone": 1,
                "attacks": 1,
                "us": 1,
                "interests": 1,
                "country": 1,
                "iranian-backed militias": 1,
                "frequent rocket": 1,
                "drone attacks": 1,
                "us interests": 1,
            },
        ),
        (
            "The US troops withdrew from Iraq in 2011, eight years after the US-led invasion.",
            {
                "us": 1,
                "troops": 1,
                "withdrew": 1,
                "iraq": 1,
                "eight": 1,
                "years": 1,
                "us-led": 1,
                "invasion": 1,
                "us troops": 1,
                "troops withdrew": 1,
                "eight years": 1,
                "us-led invasion": 1,
            },
        ),
        # The possessive "'s" is dropped.
        (
            "Biden's notecard was visible.",
            {"biden": 1, "notecard": 1, "visible": 1, "biden notecard": 1},
        ),
    ],
)
def test_terms_counts_unigrams_and_bigrams(text: str, expected: dict[str, int]) -> None:
    assert dict(term_counts(Doc(text))) == expected


@pytest.mark.parametrize(
    ("text", "voice", "expected"),
    [
        (
            '"Our counter-terrorism cooperation will continue even as we shift to this new '
            'phase," he said.',
            "own",
            {"said": 1},
        ),
        (
            '"Our counter-terrorism cooperation will continue even as we shift to this new '
            'phase," he said.',
            "quoted",
            {
                "counter-terrorism": 1,
                "cooperation": 1,
                "continue": 1,
                "shift": 1,
                "new": 1,
                "phase": 1,
                "counter-terrorism cooperation": 1,
                "new phase": 1,
            },
        ),
    ],
)
def test_terms_counts_by_voice(text: str, voice: str, expected: dict[str, int]) -> None:
    assert dict(term_counts(Doc(text), voice=voice)) == expected  # type: ignore[arg-type]


def test_terms_acronym_us_is_not_the_stopword_us() -> None:
    counts = term_counts(Doc("Let us count US troops."), ngrams=(1,))
    assert counts == Counter({"let": 1, "count": 1, "us": 1, "troops": 1})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TRUMP TO MEET ALLIES IN PARIS.", {"trump": 1, "meet": 1, "allies": 1, "paris": 1}),
        ("JUST WATCHED Biden speaks.", {"watched": 1, "biden": 1, "speaks": 1}),
        ("READ MORE: US troops", {"read": 1, "us": 1, "troops": 1}),
    ],
)
def test_terms_capitalised_stopwords(text: str, expected: dict[str, int]) -> None:
    assert dict(term_counts(Doc(text), ngrams=(1,))) == expected


def test_terms_unigrams_only() -> None:
    assert term_counts(Doc("Iran-backed Shia militias"), ngrams=(1,)) == Counter(
        {"iran-backed": 1, "shia": 1, "militias": 1}
    )


def test_terms_stopword_file_is_lower_case_and_has_function_words() -> None:
    stop = load_stopwords()
    assert {"the", "of", "and", "we're"} <= stop
    assert all(w == w.lower() for w in stop)
    assert "said" not in stop


def test_terms_sum_counts_combines_partial_sums() -> None:
    a, b, c = Counter({"x": 1}), Counter({"x": 2, "y": 1}), Counter({"y": 4})
    whole = sum_counts([("A", a), ("A", b), ("B", c)])
    partial = sum_counts([("A", a)])
    merged = sum_counts([*partial.items(), ("A", b), ("B", c)])
    assert whole == merged == {"A": Counter({"x": 3, "y": 1}), "B": Counter({"y": 4})}


def test_terms_log_odds_matches_hand_computation() -> None:
    # alpha = corpus counts: x 4, y 4 (a0 = 8). A: x 3 of 4; rest: x 1 of 4.
    table = log_odds_from_counts({"A": {"x": 3, "y": 1}, "B": {"x": 1, "y": 3}}, min_count=1)
    row = table[(table["outlet"] == "A") & (table["term"] == "x")].iloc[0]
    delta = math.log(7 / 5) - math.log(5 / 7)
    assert row["log_odds"] == pytest.approx(delta)
    assert round(row["z"], 4) == round(delta / math.sqrt(1 / 7 + 1 / 5), 4) == 1.1493
    assert (row["count"], row["count_rest"], row["ngram"]) == (3, 1, 1)
    assert list(table.columns) == TERM_COLUMNS


def test_terms_log_odds_is_antisymmetric_for_two_groups() -> None:
    table = log_odds_from_counts({"A": {"x": 5, "y": 1}, "B": {"x": 2, "y": 6}}, min_count=1)
    z = table.set_index(["outlet", "term"])["z"]
    assert z[("A", "x")] == pytest.approx(-z[("B", "x")])


def test_terms_pair_compares_two_groups_only() -> None:
    counts = {"A": {"x": 5, "y": 1}, "B": {"x": 2, "y": 6}, "C": {"x": 100}}
    table = log_odds_from_counts(counts, pair=("A", "B"), min_count=1)
    assert set(table["outlet"]) == {"A", "B"}
    assert table.set_index(["outlet", "term"]).loc[("A", "x"), "count_rest"] == 2
    with pytest.raises(KeyError, match="'D'"):
        log_odds_from_counts(counts, pair=("A", "D"))


def test_terms_min_count_and_top() -> None:
    counts = {"A": {"x": 5, "y": 1, "z": 2}, "B": {"x": 2, "y": 6}}
    table = log_odds_from_counts(counts, min_count=3)
    assert set(table["term"]) == {"x", "y"}
    assert log_odds_from_counts(counts, min_count=1, top=1).groupby("outlet").size().max() == 1


def test_terms_background_prior_is_rescaled() -> None:
    counts = {"A": {"x": 3, "y": 1}, "B": {"x": 1, "y": 3}}
    small = log_odds_from_counts(counts, prior={"x": 1, "y": 1}, min_count=1)
    large = log_odds_from_counts(counts, prior={"x": 1000, "y": 1000}, min_count=1)
    assert small["z"].tolist() == pytest.approx(large["z"].tolist())


def test_terms_empty_input_keeps_columns_and_dtypes() -> None:
    table = log_odds_from_counts({})
    assert list(table.columns) == TERM_COLUMNS and table.empty
    assert table["z"].dtype == "float64" and table["count"].dtype == "int64"


@pytest.mark.parametrize(
    ("outlet", "term", "count", "count_rest"),
    [
        ("Xinhua", "shia", 3, 0),
        ("Rudaw", "iranian-backed militias", 1, 0),
        ("China Daily", "so-called iran-aligned", 1, 0),
        ("USA Today", "u.s.", 10, 8),
    ],
)
def test_terms_word_choice_on_story(
    story_articles: pd.DataFrame, outlet: str, term: str, count: int, count_rest: int
) -> None:
    table = word_choice(story_articles, min_count=1)
    row = table[(table["outlet"] == outlet) & (table["term"] == term)].iloc[0]
    assert (row["count"], row["count_rest"]) == (count, count_rest)
    assert row["z"] > 0


def test_terms_word_choice_by_other_column(story_articles: pd.DataFrame) -> None:
    table = word_choice(story_articles, by="country", top=3)
    assert "country" in table.columns and "China" in set(table["country"])


def test_terms_top_terms_one_row_per_outlet(story_articles: pd.DataFrame) -> None:
    summary = top_terms(word_choice(story_articles), n=3)
    assert list(summary.columns) == ["outlet", "top_terms"]
    assert len(summary) == 5
    assert summary["top_terms"].str.count(", ").max() == 2


def test_terms_word_choice_on_a_real_export(allsides) -> None:
    raw = allsides(300)
    articles = pd.DataFrame(
        {"article_id": raw["article_id"], "outlet": raw["label"], "text": raw["raw_text"]}
    )
    table = word_choice(articles, min_count=5, top=20)
    assert set(table["outlet"]) == set(articles["outlet"])
    assert table["z"].notna().all() and (table["count"] >= 1).all()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Z-'\".,\n")), max_size=60))
def test_terms_counts_never_crash(text: str) -> None:
    counts = term_counts(Doc(text), voice="own")
    assert all(v > 0 for v in counts.values())


@pytest.mark.parametrize(
    ("text", "ngrams", "expected"),
    [
        # order: per sentence, each n-gram length in turn (trigrams stop at the comma)
        (
            "Iran-backed Shia militias fired rockets at US troops, officials said.",
            (3, 1),
            [
                ("iran-backed shia militias", 1),
                ("shia militias fired", 1),
                ("militias fired rockets", 1),
                ("iran-backed", 1),
                ("shia", 1),
                ("militias", 1),
                ("fired", 1),
                ("rockets", 1),
                ("us", 1),
                ("troops", 1),
                ("officials", 1),
                ("said", 1),
            ],
        ),
        (
            "Biden met Iraqi Prime Minister al-Kadhimi. The US combat mission ends.",
            (1, 2),
            [
                ("biden", 1),
                ("met", 1),
                ("iraqi", 1),
                ("prime", 1),
                ("minister", 1),
                ("al-kadhimi", 1),
                ("biden met", 1),
                ("met iraqi", 1),
                ("iraqi prime", 1),
                ("prime minister", 1),
                ("minister al-kadhimi", 1),
                ("us", 1),
                ("combat", 1),
                ("mission", 1),
                ("ends", 1),
                ("us combat", 1),
                ("combat mission", 1),
                ("mission ends", 1),
            ],
        ),
        # a two-letter word in capitals counts unless a neighbour it is not cut off from by
        # punctuation is in capitals too ("ON US" is a shouted headline; ", IRAQ" is cut off)
        (
            "ATTACKS ON US, IRAQ BASES: US troops were IN Iraq",
            (1,),
            [("attacks", 1), ("iraq", 2), ("bases", 1), ("us", 1), ("troops", 1), ("in", 1)],
        ),
    ],
)
def test_terms_counts_in_text_order(
    text: str, ngrams: tuple[int, ...], expected: list[tuple[str, int]]
) -> None:
    assert list(term_counts(Doc(text), ngrams=ngrams).items()) == expected
