"""framing.pipeline: one parse per article, identical tables on every engine, streaming to disk."""

from __future__ import annotations

import copy
import filecmp
import gc
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from framing.compare import comparison
from framing.corpus import load_corpus
from framing.labels import labels
from framing.markers import markers
from framing.pipeline import Analysis, AnalysisError, analysis_names, analyze, analyze_stream
from framing.pipeline.aggregate import score_terms
from framing.pipeline.engines import default_chunksize
from framing.quotes import quotes, voices
from framing.sentiment import sentiment
from framing.terms import log_odds_from_counts, sum_counts, term_counts, word_choice
from framing.text import docs_from, split_sentences, tokenize

PER_ROW = ("articles", "sentiment", "sentences", "quotes", "markers", "labels")


@pytest.fixture(scope="module")
def story(story_dir: Path) -> pd.DataFrame:
    return load_corpus(story_dir)


@pytest.fixture(scope="module")
def actors(story_dir: Path) -> Path:
    return story_dir / "actors.tsv"


@pytest.fixture(scope="module")
def story_serial(story: pd.DataFrame, actors: Path) -> Analysis:
    return analyze(story, actors=actors, progress=False)


@pytest.fixture(scope="module")
def abp_slice(allsides) -> pd.DataFrame:
    """The first 500 articles of article_bias_prediction, as a researcher would load them."""
    return allsides(500)


def assert_same_tables(a: Analysis, b: Analysis) -> None:
    for name, table in a.tables.items():
        assert_frame_equal(table, b.tables[name], obj=name)


# --- identical results on every engine ---------------------------------------------------------


@pytest.mark.parametrize("chunksize", [1, 2])
def test_pipeline_outlet_tables_from_partial_sums_equal_full_tables(story, chunksize):
    """Issue 7: the outlet summaries are partial sums per chunk, merged; the result is exactly
    what the full sentence, quote and marker tables give."""
    result = analyze(story, chunksize=chunksize, progress=False)
    full = comparison(
        result.articles,
        sentences=result.sentences,
        quotes=result.quotes,
        markers=result.markers,
        terms=result.terms,
    )
    assert_frame_equal(result.comparison, full, check_exact=True)
    assert_frame_equal(result.voices, voices(result.quotes), check_exact=True)


@pytest.mark.parametrize("ci_unit", ["auto", "sentence", "article"])
def test_pipeline_stream_keeps_no_rows_and_matches_full_tables(
    abp_slice, tmp_path, monkeypatch, ci_unit
):
    """A streaming run keeps partial sums, not rows; outlets past the article threshold drop
    their sentence scores (ci_unit="auto"), and the comparison still equals the full-table one.
    """
    monkeypatch.setattr(sys.modules["framing.compare"], "CLUSTER_MIN_ARTICLES", 3)
    abp = abp_slice.iloc[:40]
    full = analyze(abp, chunksize=10, progress=False, on_error="skip", ci_unit=ci_unit)
    expected = comparison(
        full.articles,
        sentences=full.sentences,
        quotes=full.quotes,
        markers=full.markers,
        terms=full.terms,
        ci_unit=ci_unit,
    )
    streamed = analyze_stream(
        [abp.iloc[:15], abp.iloc[15:]],
        tmp_path,
        chunksize=10,
        progress=False,
        on_error="skip",
        ci_unit=ci_unit,
    )
    assert_frame_equal(streamed.comparison, expected, check_exact=True)
    written = pd.read_csv(streamed.files["voices"])
    counts = ["statements", "quoted_words", "direct", "indirect", "partial", "share"]
    assert_frame_equal(written[counts], voices(full.quotes)[counts], check_dtype=False)


def test_pipeline_runs_every_analysis(story_serial):
    assert set(story_serial.tables) == {*PER_ROW, "voices", "terms", "comparison", "errors"}
    for name, table in story_serial.tables.items():
        assert len(table) == 0 if name == "errors" else len(table) > 0, name


@pytest.mark.parametrize("chunksize", [1, 2, None])
def test_pipeline_processes_identical_to_serial(story, story_serial, actors, chunksize):
    result = analyze(
        story, actors=actors, engine="processes", jobs=2, chunksize=chunksize, progress=False
    )
    assert_same_tables(story_serial, result)


@pytest.mark.parametrize("chunksize", [1, 3])
def test_pipeline_serial_chunksize_does_not_change_results(story, story_serial, actors, chunksize):
    result = analyze(story, actors=actors, chunksize=chunksize, progress=False)
    assert_same_tables(story_serial, result)


def test_pipeline_dask_cluster_identical_to_serial(story, story_serial, actors, dask_client):
    result = analyze(
        story, actors=actors, engine="dask", client=dask_client, chunksize=2, progress=False
    )
    assert_same_tables(story_serial, result)


def test_pipeline_engines_identical_on_500_articles(abp_slice, dask_client):
    serial = analyze(abp_slice, progress=False)
    processes = analyze(abp_slice, engine="processes", jobs=2, progress=False)
    dask = analyze(abp_slice, engine="dask", client=dask_client, chunksize=50, progress=False)
    assert len(serial.articles) == 500
    assert serial.comparison["articles"].sum() == 500
    assert_same_tables(serial, processes)
    assert_same_tables(serial, dask)


def test_pipeline_iterable_of_tables_identical_to_one_table(story, story_serial, actors):
    parts = [story.iloc[:2], story.iloc[2:3], story.iloc[3:]]
    assert_same_tables(story_serial, analyze(iter(parts), actors=actors, progress=False))


# --- the same numbers as the single-analysis functions ------------------------------------------


def test_pipeline_sentiment_matches_sentiment_function(story, story_serial):
    assert_frame_equal(story_serial.sentiment, sentiment(story))
    assert_frame_equal(story_serial.sentences, sentiment(story, level="sentence"))


def test_pipeline_markers_match_markers_function(story, story_serial):
    assert_frame_equal(story_serial.markers, markers(story))


def test_pipeline_quotes_and_voices_match_quote_functions(story, story_serial):
    assert_frame_equal(story_serial.quotes, quotes(story))
    assert_frame_equal(story_serial.voices, voices(quotes(story)))


def test_pipeline_labels_match_labels_function(story, story_serial, actors):
    assert_frame_equal(story_serial.labels, labels(story, actors=actors))


def test_pipeline_labels_skipped_without_actors_unless_asked(story):
    assert analyze(story, progress=False).labels is None
    with pytest.raises(TypeError, match="needs the option actors="):
        analyze(story, analyses=["labels"], progress=False)


def test_pipeline_terms_match_word_choice(story, story_serial):
    assert_frame_equal(story_serial.terms, word_choice(story))


@pytest.mark.parametrize(("options", "expected"), [({"min_count": 3, "top": 4}, dict(top=4))])
def test_pipeline_term_options_reach_word_choice(story, options, expected):
    result = analyze(story, analyses=["terms"], progress=False, **options)
    assert_frame_equal(result.terms, word_choice(story, **options))
    assert result.terms.groupby("outlet").size().max() == expected["top"]


# --- the articles table ---------------------------------------------------------------------------


def test_pipeline_articles_table_counts_and_metadata(story, story_serial):
    table = story_serial.articles
    assert list(table["article_id"]) == list(story["article_id"])
    assert list(table["outlet"]) == ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]
    assert "text" not in table.columns and "raw_text" not in table.columns
    assert {"title", "country", "provenance"} <= set(table.columns)
    words = [len(tokenize(t)) for t in story["text"]]
    sentences = [len(split_sentences(t)) for t in story["text"]]
    assert list(table["n_words"]) == words
    assert list(table["n_sentences"]) == sentences
    assert list(table["n_chars"]) == [len(t) for t in story["text"]]
    assert (table["n_words_own"] <= table["n_words"]).all()
    assert (table["n_words_own"] < table["n_words"]).sum() >= 3  # most articles quote someone


@pytest.mark.parametrize(
    ("columns", "renamed"),
    [({"text": "body", "article_id": "ID", "outlet": "source"}, ("body", "ID", "source"))],
)
def test_pipeline_column_keywords(story, story_serial, actors, columns, renamed):
    text_col, id_col, outlet_col = renamed
    result = analyze(
        story.rename(columns=columns),
        actors=actors,
        text_col=text_col,
        id_col=id_col,
        outlet_col=outlet_col,
        progress=False,
    )
    assert_same_tables(story_serial, result)


def test_pipeline_empty_input_gives_empty_tables_with_columns(story, story_serial, actors):
    result = analyze(story.iloc[:0], actors=actors, progress=False)
    for name in ("sentiment", "sentences", "markers", "quotes", "labels"):
        assert len(result.tables[name]) == 0
        assert list(result.tables[name].columns) == list(story_serial.tables[name].columns)
    assert len(result.comparison) == 0


@pytest.mark.parametrize("only", [("markers",), ("terms",), ("sentiment", "quotes")])
def test_pipeline_analyses_subset(story, story_serial, only):
    result = analyze(story, analyses=only, progress=False)
    for name in ("sentiment", "quotes", "markers", "terms"):
        if name in only:
            assert_frame_equal(result.tables[name], story_serial.tables[name])
        else:
            assert getattr(result, name) is None and name not in result.tables


# --- options and errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"engine": "threads"}, ValueError, "unknown engine 'threads'"),
        ({"analyses": ["tone"]}, ValueError, "unknown analysis 'tone'"),
        ({"colour": "red"}, TypeError, "unexpected option 'colour'"),
        ({"text_col": "body"}, KeyError, "no column 'body'"),
    ],
)
def test_pipeline_bad_arguments_raise_clear_errors(story, kwargs, error, message):
    with pytest.raises(error, match=message):
        analyze(story, progress=False, **kwargs)


def test_pipeline_analysis_names_cover_the_tables():
    assert analysis_names() == ("sentiment", "quotes", "markers", "labels", "terms")


def test_pipeline_dask_missing_says_how_to_install(story, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"news-framing\[dask\]"):
        analyze(story, engine="dask", progress=False)


@pytest.mark.parametrize(
    ("n", "workers", "expected"), [(None, 2, 100), (5, 2, 1), (500, 2, 63), (37_554, 2, 100)]
)
def test_pipeline_default_chunksize(n, workers, expected):
    assert default_chunksize(n, workers) == expected


# --- progress ------------------------------------------------------------------------------------


def test_pipeline_progress_bar_counts_articles(story, capsys):
    analyze(story, analyses=["terms"], progress=True)
    err = capsys.readouterr().err
    assert "5/5" in err and "article" in err


def test_pipeline_progress_off_when_not_interactive(story, capsys):
    analyze(story, analyses=["terms"])  # stderr is captured: not a terminal
    assert capsys.readouterr().err == ""


# --- results on disk -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_pipeline_stream_writes_the_same_files_as_save(story, story_serial, actors, tmp_path, fmt):
    saved = story_serial.save(tmp_path / "saved", format=fmt)
    chunks = (story.iloc[i : i + 2] for i in range(0, len(story), 2))
    streamed = analyze_stream(
        chunks,
        tmp_path / "streamed",
        actors=actors,
        format=fmt,
        engine="processes",
        jobs=2,
        progress=False,
    )
    assert set(saved) == set(streamed.files) == set(story_serial.tables)
    assert streamed.n_articles == 5
    assert_frame_equal(streamed.comparison, story_serial.comparison)
    for name, path in saved.items():
        if fmt == "csv":
            assert filecmp.cmp(path, streamed.files[name], shallow=False), name
        else:
            assert_frame_equal(pd.read_parquet(path), pd.read_parquet(streamed.files[name]))


def test_pipeline_save_round_trips_through_parquet(story_serial, tmp_path):
    paths = story_serial.save(tmp_path, format="parquet")
    for name in PER_ROW:
        if name in paths and len(story_serial.tables[name]):
            back = pd.read_parquet(paths[name])
            assert back.shape == story_serial.tables[name].shape, name


def test_pipeline_stream_on_dask_cluster_matches_analyze(
    story, story_serial, actors, dask_client, tmp_path
):
    chunks = (story.iloc[i : i + 3] for i in range(0, len(story), 3))
    streamed = analyze_stream(
        chunks, tmp_path, actors=actors, engine="dask", client=dask_client, progress=False
    )
    assert_frame_equal(streamed.comparison, story_serial.comparison)
    assert list(pd.read_csv(streamed.files["articles"])["article_id"]) == list(story["article_id"])
    assert set(streamed.timings) >= {"analysis", "voices", "terms", "comparison"}


def test_pipeline_progress_callback_gets_running_totals(story):
    seen: list[tuple[int, int]] = []
    analyze(story, analyses=["terms"], chunksize=2, progress=lambda n, c: seen.append((n, c)))
    assert [n for n, _ in seen] == [2, 4, 5]
    assert seen[-1][1] == int(story["text"].str.len().sum())


@pytest.fixture
def terms_fail_on_wion(monkeypatch):
    """Make term counting raise on the WION article (a stand-in for a bug in one analysis)."""
    import framing.terms

    real = framing.terms.term_counts

    def flaky(doc, **options):
        if doc.article_id == "wion":
            raise IndexError("string index out of range")
        return real(doc, **options)

    monkeypatch.setattr(framing.terms, "term_counts", flaky)


def test_pipeline_on_error_raise_names_the_article(story, terms_fail_on_wion):
    with pytest.raises(AnalysisError, match=r"terms failed on article 'wion' \(WION\): IndexError"):
        analyze(story, analyses=["terms"], progress=False)


def test_pipeline_on_error_skip_lists_the_failure_and_goes_on(story, terms_fail_on_wion):
    with pytest.warns(RuntimeWarning, match="analyses failed on 1 articles"):
        result = analyze(story, analyses=["terms"], on_error="skip", progress=False)
    assert result.errors.to_dict("records") == [
        {
            "article_id": "wion",
            "outlet": "WION",
            "analysis": "terms",
            "error": "IndexError: string index out of range",
        }
    ]
    assert "WION" not in set(result.terms["outlet"])
    assert len(result.articles) == 5


# --- garbage collector ------------------------------------------------------------------------


def test_pipeline_articles_run_with_loaded_objects_frozen(story, monkeypatch):
    import framing.terms

    real = framing.terms.term_counts
    frozen = []

    def spy(doc, **options):
        frozen.append(gc.get_freeze_count() > 0)
        return real(doc, **options)

    monkeypatch.setattr(framing.terms, "term_counts", spy)
    analyze(story, analyses=["terms"], progress=False)
    assert frozen == [False, True, True, True, True, True]  # the warm-up, then the 5 articles
    assert gc.get_freeze_count() == 0  # handed back


def test_pipeline_leaves_a_callers_gc_freeze_alone(story):
    gc.freeze()
    try:
        analyze(story, analyses=["terms"], progress=False)
        assert gc.get_freeze_count() > 0  # still frozen: analyze did not unfreeze it
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    "options",
    [{}, {"min_count": 3}, {"top": 5}, {"min_count": 4, "top": 2}, {"pair": ("Xinhua", "Rudaw")}],
)
def test_pipeline_score_terms_equals_log_odds_from_counts(story, options):
    """Dropping rare terms before scoring (to save memory) changes no number."""
    counts = sum_counts((d.outlet, term_counts(d)) for d in docs_from(story))
    expected = log_odds_from_counts(copy.deepcopy(counts), **options)
    assert_frame_equal(score_terms(counts, consume=True, **options), expected)
    assert counts == {}  # consumed


@pytest.mark.parametrize(
    ("counts", "options"),
    [
        # ties in z (same counts), terms ordered by code point: "Zoo" < "zoo" < "zoé" < "zoë"
        (
            {
                "A": {"zoo": 2, "Zoo": 2, "zoé": 2, "zoë": 2, "once": 1, "troops": 3},
                "B": {"zoo": 1, "troops": 3, "base": 2, "bases": 1},
                "C": {},
            },
            {},
        ),
        ({"A": {"zoo": 2, "base": 5}, "B": {"zoo": 3, "base": 1}, "C": {"rare": 1}}, {"top": 1}),
        ({"A": {"x": 1}, "B": {"y": 1}}, {}),  # every term rare: empty table
        ({"A": {"x": 2, "y": 1}, "B": {"y": 1, "x": 1}}, {"min_count": 3, "top": 0}),
    ],
)
def test_pipeline_score_terms_arrays_equal_log_odds_from_counts(counts, options):
    """Scoring over flat arrays keeps the reference's numbers, order, ties and dtypes."""
    made = {o: Counter(c) for o, c in counts.items()}
    expected = log_odds_from_counts(copy.deepcopy(made), **options)
    assert_frame_equal(score_terms(made, consume=True, **options), expected)
