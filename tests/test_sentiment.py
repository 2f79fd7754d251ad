"""framing.sentiment: stock TextBlob exactly, the news-aware mode, drivers, VADER, summaries."""

from __future__ import annotations

import itertools
import math
import pickle
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from textblob.en import parser as pattern_parser
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.pos import pattern_tag
from framing.sentiment import (
    driver_rows,
    load_overrides,
    sentiment,
    sentiment_drivers,
    sentiment_rows,
    sentiment_summary,
)
from framing.sentiment.lexical import contraction_negations
from framing.sentiment.pattern import textblob_tokens
from framing.sentiment.summary import SUMMARY_COLUMNS, SentimentSums
from framing.sentiment.tables import ARTICLE_COLUMNS, DRIVER_COLUMNS, SENTENCE_COLUMNS
from framing.sentiment.vader import analyzer
from framing.text import Doc, normalize, split_sentences

SEEDS = sorted(
    Path(__file__).resolve().parents[1].joinpath("data", "iraq-2021-07-26").glob("*.txt")
)


_ORIGINAL_VADER = SentimentIntensityAnalyzer()
# Words that exercise VADER's negation, idiom, booster, "but", caps and emoji rules.
_TRICKY_WORDS = [
    "not",
    "never",
    "no",
    "without",
    "doubt",
    "so",
    "this",
    "kind",
    "of",
    "good",
    "bad",
    "great",
    "NOT",
    "GREAT",
    "!",
    "?",
    "but",
    "least",
    "at",
    "very",
    "the",
    "shit",
    "yeah",
    "right",
    ":)",
    "😀",
    "isn't",
    "cut",
    "the",
    "mustard",
]


def _row(text: str, **options: object) -> dict[str, object]:
    return sentiment_rows(Doc(text), **options)[0]  # type: ignore[arg-type]


def _articles(texts: list[str], outlets: list[str] | None = None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "outlet": outlets or ["X"] * len(texts),
            "text": texts,
        }
    )


# --- issue 3: the table of misread sentences ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "stock", "news"),
    [
        ("The attack hit a military base.", -0.45, 0.0),
        ("Gross domestic product rose.", 0.2, 0.0),
        ("the deaths of top Iranian general Qassem Soleimani", 0.275, 0.0),
        ("a significant reduction", 0.375, 0.0),
    ],
)
def test_sentiment_issue_3_table(text: str, stock: float, news: float) -> None:
    row = _row(text)
    assert round(row["polarity_stock"], 4) == stock  # type: ignore[arg-type]
    assert TextBlob(text).sentiment.polarity == row["polarity_stock"]
    assert round(row["polarity"], 4) == news  # type: ignore[arg-type]
    assert abs(row["polarity"]) <= 0.05  # type: ignore[arg-type]


def test_sentiment_keeps_base_as_adjective() -> None:
    # "base" meaning mean/cowardly: coordinated with an adjective, so read as one.
    rows = driver_rows(Doc("a base and cowardly attack"))
    assert _row("a base and cowardly attack")["polarity"] == -0.8
    assert [(r["term"], r["kept"], r["reason"]) for r in rows] == [
        ("base", True, "coordinated with an adjective")
    ]


# --- the news-aware mode on real news sentences ---------------------------------------------

FIXED = [
    (
        "On Saturday, a drone attack hit a military base in Iraqi Kurdistan, which is under the "
        "custody of American troops.",
        -0.3,
        0.0,
        {"military", "base", "American"},
    ),
    (
        "Earlier this month, up to 14 rockets hit Al-Assad Air Base housing US-led coalition "
        "forces in Iraq\u2019s western province of Anbar, causing two minor injuries.",
        -0.2125,
        -0.025,
        {"Earlier", "Base"},
    ),
    (
        "WASHINGTON \u2013 The United States will end its combat mission in Iraq by the end of "
        "the year,\u00a0President Joe Biden\u00a0confirmed Monday in a meeting with Iraqi Prime "
        "Minister Mustafa al-Kadhimi.",
        0.4,
        0.0,
        {"confirmed"},
    ),
    (
        "Biden and Kadhimi met in the Oval Office for their first face-to-face talks as part of "
        "strategic dialogue between the two countries.",
        0.25,
        0.0,
        {"first"},
    ),
    (
        "But his government condemned US airstrikes against so-called Iran-aligned fighters "
        "along its border with Syria in late June, calling it a violation of Iraqi sovereignty.",
        -0.3,
        0.0,
        {"late"},
    ),
    (
        "The US has responded twice \u2013 striking militia positions on the Iraq-Syria border "
        "on February 25 and again on June 28.",
        0.5,
        0.0,
        {"striking"},
    ),
    (
        "\u201cAnd when you talk about these shifts, they aren\u2019t exactly binding.\u201d",
        0.25,
        -0.125,
        set(),
    ),
]


@pytest.mark.parametrize(("text", "stock", "news", "dropped"), FIXED)
def test_sentiment_news_fixes_real_sentences(
    text: str, stock: float, news: float, dropped: set[str]
) -> None:
    row = _row(text)
    assert round(row["polarity_stock"], 4) == stock  # type: ignore[arg-type]
    assert round(row["polarity"], 4) == news  # type: ignore[arg-type]
    rows = driver_rows(Doc(text))
    assert {r["term"] for r in rows if not r["kept"]} == dropped


LEFT_ALONE = [
    ("Austin further added that he thinks trying to make that distinction is very tough.", -0.2528),
    (
        "The agreement came at a politically delicate time for the Iraqi government and could "
        "be a boost for Baghdad.",
        -0.3,
    ),
    ("Kadhimi is seen as friendly to the US.", 0.375),
    ("a base and cowardly attack", -0.8),
    (
        "\u201cOur role in Iraq\u2026 it\u2019s just to be available to continue to train, to "
        "assist, to help and to deal with ISIS as it arrives.",
        0.4,
    ),
]


@pytest.mark.parametrize(("text", "polarity"), LEFT_ALONE)
def test_sentiment_news_leaves_real_sentiment_alone(text: str, polarity: float) -> None:
    row = _row(text)
    assert round(row["polarity"], 4) == polarity  # type: ignore[arg-type]
    assert row["polarity"] == row["polarity_stock"]
    assert all(r["kept"] for r in driver_rows(Doc(text)))


@pytest.mark.parametrize(
    ("text", "stock", "news"),
    [
        ("It isn't good.", 0.7, -0.35),  # straight apostrophe: pattern leaves "is n ' t"
        ("It isn\u2019t good.", 0.7, -0.35),  # curly apostrophe: "isn \u2019 t"
        ("It is not good.", -0.35, -0.35),
    ],
)
def test_sentiment_news_reads_contracted_negation(text: str, stock: float, news: float) -> None:
    row = _row(text)
    assert (round(row["polarity_stock"], 4), round(row["polarity"], 4)) == (stock, news)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lower", "expected"),
    [
        (["it", "is", "n", "'", "t", "good"], ["it", "is", "n", "'", "n't", "good"]),
        (["they", "aren", "\u2019", "t"], ["they", "aren", "\u2019", "n't"]),
        (["the", "president", "'", "s"], ["the", "president", "'", "s"]),
    ],
)
def test_sentiment_contraction_negations(lower: list[str], expected: list[str]) -> None:
    assert contraction_negations(lower) == expected


def test_sentiment_pos_mode_skips_overrides() -> None:
    # "top" is an adjective (the check keeps it); only the override drops it.
    text = "the deaths of top Iranian general Qassem Soleimani"
    assert _row(text, mode="pos")["polarity"] == 0.275
    assert _row(text, mode="news")["polarity"] == 0.0


# --- stock mode is TextBlob, exactly --------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_sentiment_stock_matches_textblob_on_seeds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    articles = _articles([text])
    for options in ({"overrides": False}, {"mode": "stock"}):
        table = sentiment(articles, vader=False, **options)  # type: ignore[arg-type]
        expected = TextBlob(text).sentiment
        assert (table.polarity[0], table.subjectivity[0]) == (
            expected.polarity,
            expected.subjectivity,
        )
    sentences = sentiment(articles, level="sentence", vader=False)
    for sentence_text, p, s in zip(
        sentences.sentence_text, sentences.polarity_stock, sentences.subjectivity_stock, strict=True
    ):
        expected = TextBlob(sentence_text).sentiment
        assert (p, s) == (expected.polarity, expected.subjectivity), sentence_text


def test_sentiment_stock_matches_textblob_on_shared_data(shared_data: Path, allsides) -> None:
    texts = []
    with open(shared_data / "vader_nyt_ratings" / "nytEditorialSnippets_GroundTruth.txt") as f:
        texts += [line.split("\t")[2] for line in itertools.islice(f, 300)]
    texts += list(allsides(60)["raw_text"])
    table = sentiment(_articles(texts), vader=False)
    for text, p, s in zip(texts, table.polarity_stock, table.subjectivity_stock, strict=True):
        expected = TextBlob(text).sentiment
        assert (p, s) == (expected.polarity, expected.subjectivity)


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_sentiment_pattern_tag_matches_textblob_tagger(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for sent in split_sentences(text):
        forms = textblob_tokens(text[sent.start : sent.end])
        expected = [tag for _, tag in pattern_parser.find_tags(forms)]
        assert [pattern_tag(f, k == 0) for k, f in enumerate(forms)] == expected


@pytest.mark.parametrize(
    ("text", "article", "sentences", "chunks"),
    [
        # a negation, an intensifier and a "!" reaching across a sentence end, as in TextBlob
        ("He said it was not. Good news came later.", -0.175, [0.0, 0.35], ["not Good", "later"]),
        ("It was a very. Good day.", 0.91, [0.2, 0.7], ["very Good"]),
        ("A fine plan. ! It works.", 0.5208, [0.5208, 0.0], ["fine !"]),
    ],
)
def test_sentiment_article_scores_carry_across_sentences(
    text: str, article: float, sentences: list[float], chunks: list[str]
) -> None:
    doc = Doc(text)
    row = sentiment_rows(doc, mode="stock")[0]
    assert row["polarity"] == TextBlob(text).sentiment.polarity
    assert round(row["polarity"], 4) == article  # type: ignore[arg-type]
    got = [round(r["polarity"], 4) for r in sentiment_rows(doc, level="sentence", mode="stock")]
    assert got == sentences
    assert [r["words"] for r in driver_rows(doc, level="article", mode="stock")] == chunks


# --- drivers ---------------------------------------------------------------------------------


def test_sentiment_drivers_rows_for_a_misread_sentence() -> None:
    table = sentiment_drivers(_articles(["The attack hit a military base."]))
    assert list(table.columns) == list(DRIVER_COLUMNS)
    got = table[["term", "start", "end", "pos", "polarity", "kept"]].to_dict("records")
    assert got == [
        {"term": "military", "start": 17, "end": 25, "pos": "JJ", "polarity": -0.1, "kept": False},
        {"term": "base", "start": 26, "end": 30, "pos": "NN", "polarity": -0.8, "kept": False},
    ]
    assert table.reason.tolist()[1] == "pos mismatch: tagged NN, lexicon JJ"
    assert table.reason.tolist()[0].startswith("override: field: the armed forces")


def test_sentiment_drivers_show_modifiers_and_negation() -> None:
    rows = driver_rows(Doc("It was not a very good idea!"), mode="stock")
    assert [
        (r["term"], r["words"], r["modifier"], r["negated"], round(r["intensity"], 4)) for r in rows
    ] == [("good", "not very good !", "very", True, 0.7692)]
    assert round(rows[0]["polarity"], 4) == -0.3365
    assert rows[0]["reason"] == "stock"


@pytest.mark.parametrize("level", ["sentence", "article"])
def test_sentiment_drivers_explain_every_score(story_articles: pd.DataFrame, level: str) -> None:
    drivers = sentiment_drivers(story_articles, level=level)  # type: ignore[arg-type]
    scores = sentiment(story_articles, level=level, vader=False)  # type: ignore[arg-type]
    kept = drivers[drivers.kept]
    keys = ["article_id", "sentence"] if level == "sentence" else ["article_id"]
    grouped = kept.groupby(keys).polarity
    means, counts = grouped.mean(), grouped.size()
    for _, row in scores.iterrows():
        key = tuple(row[k] for k in keys) if level == "sentence" else row["article_id"]
        assert row["polarity"] == pytest.approx(means.get(key, 0.0), abs=1e-12)
        assert row["n_scored"] == counts.get(key, 0)
    texts = dict(zip(story_articles.article_id, story_articles.text, strict=True))
    for _, r in drivers[drivers.start >= 0].iterrows():
        assert texts[r.article_id][r.start : r.end] == r.term


# --- VADER -----------------------------------------------------------------------------------


def test_sentiment_vader_is_sentence_mean() -> None:
    text = (
        "Kadhimi is seen as friendly to the US. The attack hit a military base.\n"
        "The agreement came at a politically delicate time."
    )
    doc = Doc(text)
    sentences = sentiment_rows(doc, level="sentence")
    expected = [analyzer().polarity_scores(normalize(s["sentence_text"])) for s in sentences]
    assert [s["vader_compound"] for s in sentences] == [e["compound"] for e in expected]
    article = sentiment_rows(doc)[0]
    assert article["vader_compound"] == pytest.approx(
        sum(e["compound"] for e in expected) / 3, abs=1e-12
    )
    assert round(article["vader_compound"], 4) == 0.1813


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_sentiment_vader_analyzer_equals_vader(path: Path) -> None:
    original = SentimentIntensityAnalyzer()
    doc = Doc(path.read_text(encoding="utf-8"))
    for sent in doc.sentences:
        for text in (doc.text[sent.start : sent.end], doc.norm[sent.start : sent.end]):
            assert analyzer().polarity_scores(text) == original.polarity_scores(text), text


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(_TRICKY_WORDS),
        max_size=12,
    )
)
def test_sentiment_vader_analyzer_equals_vader_on_tricky_text(words: list[str]) -> None:
    text = " ".join(words)
    assert analyzer().polarity_scores(text) == _ORIGINAL_VADER.polarity_scores(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no lexicon word: VADER's neutral result without scoring (empty text: all zeros)
        ("The Pentagon said on Monday that 2,500 troops remain.", (0.0, 1.0, 0.0, 0.0)),
        ("", (0.0, 0.0, 0.0, 0.0)),
        ("Not so very !!! ??", (0.0, 1.0, 0.0, 0.0)),
        # lexicon words with "but", a booster and a negation: scored step by step
        ("The talks were not very good, but the deal is fine.", (0.139, 0.692, 0.169, 0.0998)),
    ],
)
def test_sentiment_vader_analyzer_shortcuts(
    text: str, expected: tuple[float, float, float, float]
) -> None:
    scores = analyzer().polarity_scores(text)
    assert scores == _ORIGINAL_VADER.polarity_scores(text)
    assert (scores["neg"], scores["neu"], scores["pos"], scores["compound"]) == expected


def _pattern_tokens(text: str) -> list[str]:
    return " ".join(pattern_parser.find_tokens(text)).split()


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_sentiment_textblob_tokens_equal_pattern(path: Path) -> None:
    doc = Doc(path.read_text(encoding="utf-8"))
    for text in [doc.text[s.start : s.end] for s in doc.sentences] + [doc.text]:
        assert textblob_tokens(text) == _pattern_tokens(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It isn't good.", ["It", "is", "n", "'", "t", "good", "."]),
        (
            "Mr. Biden met U.S. troops (again).",
            ["Mr.", "Biden", "met", "U.S.", "troops", "(", "again", ")", "."],
        ),
        (
            "\u201cWe\u2019re done...\u201d",
            ["\u201c", "We", "\u2019", "re", "done", "...", "\u201d"],
        ),
        ("Great :-) really (!)", ["Great", ":-)", "really", "(!)"]),
        ("Headline\n\nBody text.", ["Headline", "Body", "text", "."]),
    ],
)
def test_sentiment_textblob_tokens_examples(text: str, expected: list[str]) -> None:
    assert textblob_tokens(text) == expected == _pattern_tokens(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # neighbours that could be emoticon pieces ("o . O", ": D"): pattern's last step runs
        # on our tokens (sentences, then "(!)" and emoticons rejoined within each)
        (
            "He flew to Chicago. O'Hare was busy.",
            ["He", "flew", "to", "Chicago", ".", "O", "'", "Hare", "was", "busy", "."],
        ),
        (
            "TARGET: Democrats ( ! ) in Mexico. :-( sad",
            ["TARGET", ":", "Democrats", "(!)", "in", "Mexico", ".", ":-(", "sad"],
        ),
    ],
)
def test_sentiment_textblob_tokens_rejoin_like_pattern(text: str, expected: list[str]) -> None:
    assert textblob_tokens(text) == expected == _pattern_tokens(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"ab Xx8oO.:;-()[]{}<>3D!?'\"\u2019\u201c\u201d\u2018\n\r\t,=*^/\\_\u00b0",
                *("n't", "'s", "Mr.", "U.S.", "...", "END-OF-SENTENCE", "e.g.", "good", " "),
            ]
        ),
        max_size=30,
    )
)
def test_sentiment_textblob_tokens_equal_pattern_on_tricky_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert textblob_tokens(text) == _pattern_tokens(text)


def test_sentiment_vader_off_gives_nan() -> None:
    row = _row("Kadhimi is seen as friendly to the US.", vader=False)
    assert math.isnan(row["vader_compound"])  # type: ignore[arg-type]


# --- own voice and quoted voices ---------------------------------------------------------------


def test_sentiment_own_and_quoted_voices() -> None:
    text = (
        "Kadhimi said he was happy to be in Washington \u201cto discuss the future of our nation "
        "and how to improve this relationship between our two countries.\u201d"
    )
    row = _row(text)
    assert (row["polarity_quoted"], row["polarity_own"]) == (0.8, 0.0)
    assert round(row["quoted"], 4) == 0.9116  # type: ignore[arg-type]


def test_sentiment_voice_split_uses_quote_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.sentiment import scoring

    class Span:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    text = "Kadhimi is seen as friendly to the US. He called it a tough decision."
    quoted = text.index("a tough decision")
    monkeypatch.setattr(scoring, "doc_quotes", lambda doc: [Span(quoted, len(text) - 1)])
    row = _row(text)
    assert row["polarity_own"] == 0.375
    assert round(row["polarity_quoted"], 4) == -0.3889  # type: ignore[arg-type]
    monkeypatch.setattr(scoring, "doc_quotes", lambda doc: [])
    row = sentiment_rows(Doc(text))[0]
    assert math.isnan(row["polarity_quoted"])  # type: ignore[arg-type]


# --- overrides -------------------------------------------------------------------------------


def test_sentiment_user_overrides_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my overrides\nterm\tpos\tcontext\taction\tpolarity\tsubjectivity\treason\n"
        "friendly\tJJ\t_ to\tscore\t0.1\t0.2\tdiplomatic usage\n",
        encoding="utf-8",
    )
    text = "Kadhimi is seen as friendly to the US."
    assert _row(text, overrides=path)["polarity"] == 0.1
    assert _row("a friendly match", overrides=path)["polarity"] == 0.375
    # the bundled table is replaced, not extended: "top" is an adjective again
    assert _row("top general", overrides=path)["polarity"] == 0.275


def test_sentiment_override_rejects_unknown_action(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(
        "term\tpos\tcontext\taction\tpolarity\tsubjectivity\treason\nbase\tNN\t*\tignore\t0\t0\tx\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="row 1: action must be drop, keep or score"):
        load_overrides(path)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [("A real estate deal fell through.", 0.0), ("It was a real problem.", 0.2)],
)
def test_sentiment_override_context(text: str, polarity: float) -> None:
    assert _row(text)["polarity"] == polarity


def test_sentiment_bundled_overrides_all_have_reasons() -> None:
    rules = load_overrides(True)
    assert len(rules) <= 40
    assert all(r.reason and r.action in ("drop", "keep", "score") for r in rules)


# --- tables ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def story_articles() -> pd.DataFrame:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return _articles(texts, ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"])


def test_sentiment_table_columns_and_dtypes(story_articles: pd.DataFrame) -> None:
    articles = sentiment(story_articles)
    assert list(articles.columns) == list(ARTICLE_COLUMNS)
    assert articles.dtypes.astype(str).tolist() == list(ARTICLE_COLUMNS.values())
    sentences = sentiment(story_articles, level="sentence")
    assert list(sentences.columns) == list(SENTENCE_COLUMNS)
    assert sentences.groupby("article_id").size().tolist() == articles.n_sentences.tolist()


def test_sentiment_empty_table_keeps_columns() -> None:
    for level, columns in (("article", ARTICLE_COLUMNS), ("sentence", SENTENCE_COLUMNS)):
        table = sentiment(_articles([]), level=level)  # type: ignore[arg-type]
        assert list(table.columns) == list(columns) and table.empty
    assert list(sentiment_drivers(_articles([])).columns) == list(DRIVER_COLUMNS)


def test_sentiment_column_names_are_options() -> None:
    table = pd.DataFrame({"ID": ["x"], "source": ["Rudaw"], "body": ["Kadhimi is friendly."]})
    out = sentiment(table, text_col="body", id_col="ID", outlet_col="source")
    assert (out.article_id[0], out.outlet[0], out.polarity[0]) == ("x", "Rudaw", 0.375)


def test_sentiment_rows_are_pure_across_pickling(story_articles: pd.DataFrame) -> None:
    doc = Doc(story_articles.text[4], article_id="usatoday", outlet="USA Today")
    first = sentiment_rows(doc, level="sentence")
    again = sentiment_rows(pickle.loads(pickle.dumps(doc)), level="sentence")
    assert pd.DataFrame(first).equals(pd.DataFrame(again))  # NaN == NaN here
    assert len(first) == 43


def test_sentiment_rejects_unknown_options() -> None:
    with pytest.raises(ValueError, match="mode must be"):
        sentiment(_articles(["x"]), mode="vader")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="level must be"):
        sentiment(_articles(["x"]), level="paragraph")  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_sentiment_never_crashes_offsets_valid(text: str) -> None:
    doc = Doc(text)
    rows = sentiment_rows(doc, level="sentence")
    for row in rows:
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert -1.0 <= row["polarity"] <= 1.0 and 0.0 <= row["subjectivity"] <= 1.0
    for r in driver_rows(doc):
        assert r["start"] == -1 or text[r["start"] : r["end"]] == r["term"]
    assert sentiment_rows(doc, mode="stock")[0]["polarity"] == TextBlob(text).sentiment.polarity


# --- per-outlet summary ------------------------------------------------------------------------


def test_sentiment_summary_is_seeded_and_flags_little_text(story_articles: pd.DataFrame) -> None:
    sentences = sentiment(story_articles, level="sentence")
    first = sentiment_summary(sentences, n_boot=500, seed=1)
    again = sentiment_summary(sentences.sample(frac=1.0, random_state=3), n_boot=500, seed=1)
    pd.testing.assert_frame_equal(first, again)
    assert list(first.columns) == list(SUMMARY_COLUMNS)
    assert first.outlet.tolist() == ["China Daily", "Rudaw", "USA Today", "WION", "Xinhua"]
    assert first.n_sentences.tolist() == [33, 21, 43, 33, 17]
    assert first.too_little_text.all()
    assert (first.polarity_ci_low <= first.polarity).all()
    assert (first.polarity <= first.polarity_ci_high).all()
    # one outlet's interval does not depend on the others
    alone = sentiment_summary(sentences[sentences.outlet == "Rudaw"], n_boot=500, seed=1)
    assert alone.polarity_ci_low[0] == first.polarity_ci_low[1]
    other_seed = sentiment_summary(sentences, n_boot=500, seed=2)
    assert not other_seed.polarity_ci_low.equals(first.polarity_ci_low)


def test_sentiment_summary_article_bootstrap() -> None:
    rows = []
    for article, values in (("a", [0.5, 0.5]), ("b", [0.0]), ("c", [-0.5, 0.5, 0.0])):
        for v in values:
            rows.append({"article_id": article, "outlet": "X", "polarity": v, "subjectivity": v})
    table = pd.DataFrame(rows)
    by_article = sentiment_summary(table, unit="article", min_sentences=5, n_boot=4000)
    assert by_article.polarity[0] == pytest.approx(1.0 / 6)
    assert by_article.n_articles[0] == 3 and not by_article.too_little_text[0]
    # the lowest possible resample is article b three times (0.0), the highest a three times
    assert 0.0 <= by_article.polarity_ci_low[0] < by_article.polarity_ci_high[0] <= 0.5
    single = sentiment_summary(table[table.article_id == "c"], unit="article")
    assert single.polarity_ci_low[0] == single.polarity_ci_high[0] == 0.0


def test_sentiment_summary_scores_an_articles_table() -> None:
    table = _articles(["Kadhimi is seen as friendly to the US. The attack hit a military base."])
    summary = sentiment_summary(table, n_boot=200)
    assert summary.n_sentences[0] == 2 and summary.polarity[0] == 0.1875


def test_sentiment_summary_empty_table_keeps_columns() -> None:
    empty = sentiment(_articles([]), level="sentence")
    summary = sentiment_summary(empty)
    assert list(summary.columns) == list(SUMMARY_COLUMNS) and summary.empty


@pytest.mark.parametrize("unit", ["sentence", "article"])
@pytest.mark.parametrize("cut", [1, 2, 4])
def test_sentiment_summary_partial_sums_equal_the_whole_table(
    story_articles: pd.DataFrame, unit: str, cut: int
) -> None:
    """Sums per chunk of articles, merged in any chunking, give the summary of all sentences."""
    sentences = sentiment(story_articles, level="sentence")
    ids = list(dict.fromkeys(sentences["article_id"]))
    merged = SentimentSums()
    for part in (ids[:cut], ids[cut:]):
        merged.merge(SentimentSums.from_table(sentences[sentences["article_id"].isin(part)]))
    pd.testing.assert_frame_equal(
        sentiment_summary(merged, unit=unit, n_boot=300),  # type: ignore[arg-type]
        sentiment_summary(sentences, unit=unit, n_boot=300),  # type: ignore[arg-type]
        check_exact=True,
    )


def test_sentiment_summary_dropped_sentence_scores_allow_only_article_unit(
    story_articles: pd.DataFrame,
) -> None:
    sentences = sentiment(story_articles, level="sentence")
    sums = SentimentSums.from_table(sentences)
    sums.drop_sentences({"Rudaw"})
    by_article = sums.summary(unit="article", n_boot=300)
    pd.testing.assert_frame_equal(
        by_article, sentiment_summary(sentences, unit="article", n_boot=300), check_exact=True
    )
    with pytest.raises(ValueError, match="Rudaw"):
        sums.summary(unit="sentence")
    mixed = sums.summary(unit={"Rudaw": "article"}, n_boot=300)  # the others by sentence
    assert mixed.set_index("outlet").loc["Rudaw", "polarity_ci_low"] == pytest.approx(
        by_article.set_index("outlet").loc["Rudaw", "polarity_ci_low"]
    )


def test_sentiment_summary_own_and_quoted_voice_columns(story_articles: pd.DataFrame) -> None:
    sentences = sentiment(story_articles, level="sentence")
    summary = sentiment_summary(sentences, n_boot=200).set_index("outlet")
    for outlet, group in sentences.groupby("outlet"):
        row = summary.loc[outlet]
        assert row["subjectivity_own"] == pytest.approx(group["subjectivity_own"].mean())
        assert row["subjectivity_quoted"] == pytest.approx(
            group["subjectivity_quoted"].mean(), nan_ok=True
        )
        mostly_quoted = group["quoted"] >= 0.5
        assert row["vader_compound_own"] == pytest.approx(
            group.loc[~mostly_quoted, "vader_compound"].mean(), nan_ok=True
        )
        assert row["vader_compound_quoted"] == pytest.approx(
            group.loc[mostly_quoted, "vader_compound"].mean(), nan_ok=True
        )
        assert row["sentences_quoted"] == int((group["quoted"] > 0).sum())
    assert summary.loc["USA Today", "sentences_quoted"] > 0
