"""framing.compare: one row per outlet, each module's per-outlet summary joined on ``outlet``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from framing.compare import compare, comparison
from framing.corpus import load_corpus
from framing.markers import marker_rates, markers
from framing.pipeline import analyze
from framing.quotes import quote_summary, quotes
from framing.sentiment import sentiment, sentiment_summary
from framing.terms import top_terms, word_choice

OUTLETS = ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]


@pytest.fixture(scope="module")
def story(story_dir: Path) -> pd.DataFrame:
    return load_corpus(story_dir)


@pytest.fixture(scope="module")
def result(story: pd.DataFrame):
    return analyze(story, progress=False)


def test_compare_one_row_per_outlet_in_order_of_appearance(story, result):
    table = compare(story, progress=False)
    assert list(table["outlet"]) == OUTLETS
    assert_frame_equal(table, result.comparison)


def test_compare_base_columns_sum_the_articles_table(result):
    table = result.comparison
    assert list(table.columns[:4]) == ["outlet", "articles", "words", "sentences"]
    assert list(table["articles"]) == [1, 1, 1, 1, 1]
    assert list(table["words"]) == list(result.articles["n_words"])
    assert list(table["sentences"]) == list(result.articles["n_sentences"])


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        (
            pd.DataFrame(
                {
                    "article_id": ["a", "b", "c"],
                    "outlet": ["Rudaw", "Xinhua", "Rudaw"],
                    "n_words": [100, 50, 20],
                    "n_sentences": [5, 2, 1],
                }
            ),
            [("Rudaw", 2, 120, 6), ("Xinhua", 1, 50, 2)],
        )
    ],
)
def test_compare_comparison_base_only(articles, expected):
    table = comparison(articles)
    assert list(table.columns) == ["outlet", "articles", "words", "sentences"]
    assert list(table.itertuples(index=False, name=None)) == expected


def test_compare_joins_every_module_summary(story, result):
    """Each module's own per-outlet function, joined on outlet: the same numbers, no drift."""
    table = result.comparison.set_index("outlet")
    sent = sentiment_summary(sentiment(story, level="sentence")).set_index("outlet")
    for col in ("polarity", "polarity_ci_low", "polarity_ci_high", "subjectivity"):
        assert table[col].to_dict() == sent[col].to_dict(), col
    quoted = quote_summary(quotes(story), story)  # indexed by outlet
    for col in ("statements_per_1000_words", "share_direct", "share_anonymous", "top_voice"):
        assert table[col].to_dict() == quoted[col].to_dict(), col
    rates = marker_rates(markers(story), story).set_index("outlet")
    for col in ("loaded_per_1k", "distancing_per_1k", "hedge_per_1k"):
        assert table[col].to_dict() == rates[col].to_dict(), col
    terms = top_terms(word_choice(story)).set_index("outlet")
    assert table["top_terms"].to_dict() == terms["top_terms"].to_dict()


def test_compare_columns_follow_the_tables_given(result):
    only_terms = comparison(result.articles, terms=result.terms)
    assert list(only_terms.columns) == ["outlet", "articles", "words", "sentences", "top_terms"]
    with_sentiment = comparison(result.articles, sentences=result.sentences)
    assert {"polarity", "polarity_ci_low", "too_little_text"} <= set(with_sentiment.columns)
    assert "n_sentences" not in with_sentiment.columns  # no duplicate of ``sentences``


def test_compare_passes_options_to_analyze(story):
    table = compare(story, analyses=["terms"], top=3, progress=False)
    assert list(table.columns) == ["outlet", "articles", "words", "sentences", "top_terms"]
    assert all(len(t.split(", ")) <= 3 for t in table["top_terms"])


def _sentences(per_outlet: dict[str, int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A sentence table with ``n`` articles of three sentences per outlet, and its articles."""
    rows = []
    for outlet, n in per_outlet.items():
        for a in range(n):
            for k, polarity in enumerate((0.0, 0.1 * (a % 5), -0.05 * (a % 3))):
                rows.append((outlet, f"{outlet}{a}", k, polarity, 0.1 * k, 0.0))
    columns = ["outlet", "article_id", "sentence", "polarity", "subjectivity", "vader_compound"]
    table = pd.DataFrame(rows, columns=columns)
    articles = table.drop_duplicates("article_id")[["article_id", "outlet"]]
    return table, articles.assign(n_words=10, n_sentences=3)


@pytest.mark.parametrize(
    ("ci_unit", "expected_units"),
    [("auto", {"Big": "article", "Small": "sentence"}), ("sentence", None), ("article", None)],
)
def test_compare_ci_unit_resamples_articles_for_outlets_with_many(ci_unit, expected_units):
    sentences, articles = _sentences({"Small": 4, "Big": 30})
    table = comparison(articles, sentences=sentences, ci_unit=ci_unit).set_index("outlet")
    for outlet in ("Small", "Big"):
        unit = expected_units[outlet] if expected_units else ci_unit
        alone = sentiment_summary(sentences[sentences["outlet"] == outlet], unit=unit)
        assert table.loc[outlet, "polarity_ci_low"] == alone["polarity_ci_low"].iloc[0]
        assert table.loc[outlet, "polarity_ci_high"] == alone["polarity_ci_high"].iloc[0]
    big = sentences[sentences["outlet"] == "Big"]
    by_unit = {
        u: sentiment_summary(big, unit=u)["polarity_ci_low"].iloc[0]
        for u in ("sentence", "article")
    }
    assert by_unit["sentence"] != by_unit["article"]  # the unit makes a difference here


OWN_VS_QUOTED = [
    ("polarity_own", "polarity_quoted"),
    ("subjectivity_own", "subjectivity_quoted"),
    ("vader_compound_own", "vader_compound_quoted"),
    ("loaded_per_1k", "loaded_per_1k_quoted"),
    ("distancing_per_1k", "distancing_per_1k_quoted"),
    ("words_own", "words_quoted"),
]


@pytest.mark.parametrize(("own", "quoted"), OWN_VS_QUOTED)
def test_compare_own_voice_next_to_quoted_voices(result, own, quoted):
    """Issue 9, part 5: each own-voice measure has its quoted-voice counterpart."""
    table = result.comparison
    assert own in table.columns and quoted in table.columns
    assert table[own].notna().all()


def test_compare_quoted_columns_count_the_quoted_words(story, result):
    table = result.comparison.set_index("outlet")
    articles = result.articles.set_index("outlet")
    words_quoted = articles["n_words"] - articles["n_words_own"]
    assert table["words_quoted"].to_dict() == words_quoted.to_dict()
    assert (table["words_own"] + table["words_quoted"]).to_dict() == table["words"].to_dict()
    rates = marker_rates(markers(story), story).set_index("outlet")
    for col in ("loaded_per_1k_quoted", "distancing_per_1k_quoted"):
        assert table[col].to_dict() == pytest.approx(rates[col].to_dict(), nan_ok=True)
    # Under 200 quoted words a quoted rate is NaN: too few words to be a rate.
    few = table["words_quoted"] < 200
    assert table.loc[few, "loaded_per_1k_quoted"].isna().all()
    assert table.loc[~few, "loaded_per_1k_quoted"].notna().all()
    assert table["sentences_quoted"].gt(0).all()
