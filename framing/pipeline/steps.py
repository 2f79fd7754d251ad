"""The per-article analyses that :func:`framing.analyze` runs on each parsed article.

Each analysis module exposes a pure per-article function over a :class:`~framing.text.Doc`
(``sentiment_rows(doc)``, ``quote_rows(doc)``, ...). A :class:`Step` says which one to call,
which tables its rows go to, how those rows become a DataFrame with stable columns and dtypes,
and which of :func:`framing.analyze`'s keyword options it takes. :func:`analyze_doc` builds the
``Doc`` once and runs every selected step on it, so sentences, tokens and quotes are computed
once per article however many analyses use them.

Everything here is a module-level function over plain data, so it pickles into a process pool
or onto a Dask worker unchanged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from framing.text import Doc

if TYPE_CHECKING:
    from framing.pipeline.summaries import Summaries
from framing.voice import own_word_count

__all__ = [
    "ARTICLE_COLUMNS",
    "ERROR_COLUMNS",
    "STEPS",
    "AnalysisError",
    "ArticleResult",
    "Options",
    "Step",
    "analyze_doc",
    "make_options",
]

Rows = list[dict[str, Any]]

#: Columns the pipeline adds to each article's metadata row.
ARTICLE_COLUMNS = ("n_chars", "n_words", "n_words_own", "n_sentences")


@dataclass(frozen=True)
class Step:
    """One analysis as the pipeline runs it.

    Attributes:
        name: Name users select it by (``analyses=("sentiment", "quotes")``).
        tables: Names of the per-row tables it fills, in the order ``run`` returns them.
        run: ``run(doc, options) -> {table: rows}``; the module's per-article function(s).
        frame: ``frame(table, rows) -> DataFrame`` with the module's columns and dtypes.
        options: Keyword options of :func:`framing.analyze` this step accepts.
        derive: ``derive(summaries, articles) -> {name: table}``: outlet-level tables
            computed once at the end from the merged partial sums of every chunk (e.g.
            ``voices`` from the statement counts; see :mod:`framing.pipeline.summaries`).
        prepare: ``prepare(options) -> options``, run once before any article: loads the
            lexicons the options name, so workers get data, not paths.
        required: Options without which the step cannot run (``actors`` for labels): by
            default the step is skipped when they are missing; asked for by name, it raises.
    """

    name: str
    tables: tuple[str, ...]
    run: Callable[[Doc, Mapping[str, Any]], dict[str, Rows]]
    frame: Callable[[str, Rows], pd.DataFrame]
    options: tuple[str, ...] = ()
    derive: Callable[[Summaries, pd.DataFrame], dict[str, pd.DataFrame]] | None = None
    prepare: Callable[[Mapping[str, Any]], dict[str, Any]] | None = None
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class Options:
    """What to run and how, shipped with every chunk of work (small and picklable).

    Attributes:
        steps: Names of the selected steps, in registry order.
        step_options: Keyword options per step name.
        terms: Options of :func:`framing.terms.term_counts` (``ngrams``, ``stopwords`` as a
            set, ``voice``), or ``None`` not to count terms.
        scoring: Options of :func:`framing.terms.log_odds_from_counts` (``min_count``, ``top``,
            ``prior``), applied once to the summed counts.
        comparison: Options of :func:`framing.compare.comparison` (``top_n``, ``ci_unit``).
        on_error: ``"raise"`` stops at the first article an analysis fails on;
            ``"skip"`` records the failure in the ``errors`` table and goes on.
    """

    steps: tuple[str, ...]
    step_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    terms: Mapping[str, Any] | None = None
    scoring: Mapping[str, Any] = field(default_factory=dict)
    comparison: Mapping[str, Any] = field(default_factory=dict)
    on_error: Literal["raise", "skip"] = "raise"


@dataclass
class ArticleResult:
    """Everything the pipeline computes for one article: plain rows and counts, no DataFrames.

    Attributes:
        article_id: The article's id.
        outlet: The article's outlet.
        n_chars: Characters of text.
        n_words: Word tokens (see :func:`framing.text.tokenize`).
        n_words_own: Word tokens outside quoted statements: the outlet's own voice (see
            :func:`framing.voice.own_word_count`).
        n_sentences: Sentences (see :func:`framing.text.split_sentences`).
        rows: Per-row results by table name (``"sentiment"``, ``"quotes"``, ...).
        terms: Term counts of the article (see :func:`framing.terms.term_counts`); empty when
            the distinctive-terms analysis is not selected.
    """

    article_id: str
    outlet: str
    n_chars: int
    n_words: int
    n_words_own: int
    n_sentences: int
    rows: dict[str, Rows]
    terms: Counter[str]


# --- the registry ---------------------------------------------------------------------------------
# One entry per analysis module. ``run`` calls the module's per-article functions; ``prepare``
# turns user options into ready data once, in the calling process (a lexicon path becomes the
# loaded lexicon), so workers never read files per article.


def _sentiment_prepare(options: Mapping[str, Any]) -> dict[str, Any]:
    from framing.sentiment.lexical import load_overrides

    out = dict(options)
    overrides = out.get("overrides", True)
    if overrides is not False and out.get("mode", "news") == "news":
        out["overrides"] = load_overrides(overrides)
    return out


def _sentiment_run(doc: Doc, options: Mapping[str, Any]) -> dict[str, Rows]:
    from framing.sentiment.scoring import sentence_rows, sentiment_rows

    return {
        "sentiment": sentiment_rows(doc, **options),
        "sentences": sentence_rows(doc, **options),
    }


def _sentiment_frame(table: str, rows: Rows) -> pd.DataFrame:
    from framing.sentiment.scoring import ARTICLE_COLUMNS as COLS
    from framing.sentiment.scoring import SENTENCE_COLUMNS

    columns = COLS if table == "sentiment" else SENTENCE_COLUMNS
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(columns)


def _markers_prepare(options: Mapping[str, Any]) -> dict[str, Any]:
    from framing.markers import MarkerLexicon, load_marker_lexicon

    lexicon = options.get("lexicon")
    categories = options.get("categories")
    if not isinstance(lexicon, MarkerLexicon) or categories is not None:
        if isinstance(lexicon, MarkerLexicon):
            raise TypeError("pass categories= with a lexicon path, not with a MarkerLexicon")
        lexicon = load_marker_lexicon(lexicon, categories=categories)
    return {"lexicon": lexicon}


def _markers_run(doc: Doc, options: Mapping[str, Any]) -> dict[str, Rows]:
    from framing.markers import marker_rows

    return {"markers": marker_rows(doc, **options)}


def _markers_frame(table: str, rows: Rows) -> pd.DataFrame:
    from framing.markers import _frame

    return _frame(rows)


def _quotes_run(doc: Doc, options: Mapping[str, Any]) -> dict[str, Rows]:
    from framing.quotes import quote_rows

    return {"quotes": quote_rows(doc)}


def _quotes_frame(table: str, rows: Rows) -> pd.DataFrame:
    from framing.quotes.table import _INT_COLUMNS, COLUMNS

    dtypes = {c: "int64" if c in _INT_COLUMNS else object for c in COLUMNS}
    return pd.DataFrame.from_records(rows, columns=list(COLUMNS)).astype(dtypes)


def _quotes_derive(summaries: Summaries, articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    from framing.quotes import VoiceCounts, voices

    return {"voices": voices(summaries.voices or VoiceCounts())}


def _labels_prepare(options: Mapping[str, Any]) -> dict[str, Any]:
    from framing.labels import load_actors

    return {"actors": tuple(load_actors(options["actors"]))}


def _labels_run(doc: Doc, options: Mapping[str, Any]) -> dict[str, Rows]:
    from framing.labels import label_rows

    return {"labels": label_rows(doc, options["actors"])}


def _labels_frame(table: str, rows: Rows) -> pd.DataFrame:
    from framing.labels import _frame

    return _frame(rows)


def _registry() -> dict[str, Step]:
    return {
        "sentiment": Step(
            name="sentiment",
            tables=("sentiment", "sentences"),
            run=_sentiment_run,
            frame=_sentiment_frame,
            options=("mode", "overrides", "vader"),
            prepare=_sentiment_prepare,
        ),
        "quotes": Step(
            name="quotes",
            tables=("quotes",),
            run=_quotes_run,
            frame=_quotes_frame,
            derive=_quotes_derive,
        ),
        "markers": Step(
            name="markers",
            tables=("markers",),
            run=_markers_run,
            frame=_markers_frame,
            options=("lexicon", "categories"),
            prepare=_markers_prepare,
        ),
        "labels": Step(
            name="labels",
            tables=("labels",),
            run=_labels_run,
            frame=_labels_frame,
            options=("actors",),
            prepare=_labels_prepare,
            required=("actors",),
        ),
    }


STEPS: dict[str, Step] = _registry()


#: Options of the distinctive-terms analysis: counted per article, or applied to the sums.
TERM_OPTIONS = ("ngrams", "stopwords", "voice")
SCORING_OPTIONS = ("min_count", "top", "prior")
COMPARISON_OPTIONS = ("top_n", "ci_unit")


def analysis_names() -> tuple[str, ...]:
    """Every analysis :func:`framing.analyze` can run, in the order it runs them."""
    return (*STEPS, "terms")


def make_options(
    *,
    analyses: Sequence[str] | None = None,
    on_error: Literal["raise", "skip"] = "raise",
    **options: Any,
) -> Options:
    """Check and route :func:`framing.analyze`'s keyword options to the analyses that take them.

    Args:
        analyses: Analyses to run (default: all, see :func:`analysis_names`).
        on_error: What to do when an analysis raises on an article (see :class:`Options`).
        **options: Options of individual analyses (e.g. ``actors=`` for labels, ``min_count=``
            for distinctive terms).

    Returns:
        The :class:`Options` to pass to :func:`analyze_doc`.

    Raises:
        ValueError: For an unknown analysis name.
        TypeError: For an option no selected analysis takes.
    """
    from framing.terms import load_stopwords

    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    every = analysis_names()
    options = {k: v for k, v in options.items() if v is not None}
    names = every if analyses is None else tuple(analyses)
    unknown = [n for n in names if n not in every]
    if unknown:
        raise ValueError(f"unknown analysis {unknown[0]!r}; choose from {list(every)}")
    steps = tuple(n for n in STEPS if n in names)
    for name in steps:
        missing = [o for o in STEPS[name].required if o not in options]
        if missing and analyses is not None:
            raise TypeError(f"the {name} analysis needs the option {missing[0]}=")
    steps = tuple(n for n in steps if all(o in options for o in STEPS[n].required))
    with_terms = "terms" in names
    routed: dict[str, dict[str, Any]] = {n: {} for n in steps}
    terms: dict[str, Any] = {}
    scoring: dict[str, Any] = {}
    comparison: dict[str, Any] = {}
    for key, value in options.items():
        owners = [n for n in steps if key in STEPS[n].options]
        for owner in owners:
            routed[owner][key] = value
        if key in COMPARISON_OPTIONS:
            comparison[key] = value
        elif with_terms and key in TERM_OPTIONS:
            terms[key] = value
        elif with_terms and key in SCORING_OPTIONS:
            scoring[key] = value
        elif not owners:
            known = {o for n in steps for o in STEPS[n].options} | set(COMPARISON_OPTIONS)
            if with_terms:
                known |= {*TERM_OPTIONS, *SCORING_OPTIONS}
            raise TypeError(
                f"unexpected option {key!r}; the selected analyses take {sorted(known)}"
            )
    if with_terms:
        terms["stopwords"] = load_stopwords(terms.get("stopwords"))
    for name in steps:
        prepare = STEPS[name].prepare
        if prepare is not None:
            routed[name] = prepare(routed[name])
    return Options(
        steps=steps,
        step_options=routed,
        terms=terms if with_terms else None,
        scoring=scoring,
        comparison=comparison,
        on_error=on_error,
    )


class AnalysisError(RuntimeError):
    """An analysis failed on one article; the message names the article and the analysis."""


#: Columns of the ``errors`` table (one row per analysis that failed on an article).
ERROR_COLUMNS = ("article_id", "outlet", "analysis", "error")


def analyze_doc(doc: Doc, options: Options) -> ArticleResult:
    """Run every selected analysis on one parsed article.

    Args:
        doc: The article, parsed once; every step reuses its sentences, tokens and quotes.
        options: From :func:`make_options`.

    Returns:
        The article's rows per table and its term counts. With ``options.on_error == "skip"``
        an analysis that raises gives no rows for this article and a row in
        ``rows["errors"]`` instead.

    Raises:
        AnalysisError: With ``on_error="raise"`` (the default), naming the article and the
            analysis that failed; the original exception is its ``__cause__``.
    """
    rows: dict[str, Rows] = {}
    errors: Rows = []

    def attempt(name: str, run: Callable[[], Any], fallback: Any) -> Any:
        try:
            return run()
        except Exception as err:
            if options.on_error == "raise":
                raise AnalysisError(
                    f"{name} failed on article {doc.article_id!r} ({doc.outlet}): "
                    f"{type(err).__name__}: {err}"
                ) from err
            errors.append(
                {
                    "article_id": doc.article_id,
                    "outlet": doc.outlet,
                    "analysis": name,
                    "error": f"{type(err).__name__}: {err}",
                }
            )
            return fallback

    for name in options.steps:
        step = STEPS[name]
        opts = options.step_options.get(name, {})
        empty: dict[str, Rows] = {t: [] for t in step.tables}
        rows.update(attempt(name, partial(step.run, doc, opts), empty))
    terms: Counter[str] = Counter()
    if options.terms is not None:
        from framing.terms import term_counts

        terms = attempt("terms", partial(term_counts, doc, **options.terms), Counter())
    n_words = doc.n_words
    own = attempt("own voice", lambda: own_word_count(doc), n_words)
    rows["errors"] = errors
    return ArticleResult(
        article_id=doc.article_id,
        outlet=doc.outlet,
        n_chars=len(doc.text),
        n_words=n_words,
        n_words_own=own,
        n_sentences=len(doc.sentences),
        rows=rows,
        terms=terms,
    )
