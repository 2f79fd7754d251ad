"""Distinctive terms: which words and two-word phrases each outlet uses more than the others.

The work splits in three steps so it scales from five articles to fifty thousand and runs the
same serially, in a process pool or on Dask:

1. :func:`term_counts` counts the unigrams and bigrams of one article (a pure function of a
   :class:`~framing.text.Doc`, returning a ``Counter``);
2. the per-article counters are summed per outlet (``sum``/``Counter.update``, or any partial
   sums a cluster combines; see :func:`sum_counts`);
3. :func:`log_odds_from_counts` scores the summed counts, vectorised with numpy.

:func:`word_choice` does all three for an articles table.

Reading the numbers:
    ``log_odds`` is the weighted log-odds ratio of a term in one outlet against the rest, with
    an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008). Positive means the outlet uses
    the term more than the others do, relative to everything each side writes. ``z`` divides it
    by its estimated standard deviation: roughly, ``|z| > 1.96`` would be a 5% surprise if the
    outlet used words at the same rates as the rest. The prior (by default, the whole corpus's
    counts) pulls rare terms towards zero, so a word used twice by one outlet does not top the
    list just because nobody else used it. Still, on a few articles ``z`` mostly measures *which
    story angle each article took*: one outlet's five articles cannot stand for its vocabulary,
    words within an article are not independent draws, and wire copy reprinted by two outlets
    counts twice. Read the raw ``count`` and ``count_rest`` next to every ``z``.

References:
    Monroe, B. L., Colaresi, M. P. & Quinn, K. M. (2008). Fightin' Words: Lexical Feature
    Selection and Evaluation for Identifying the Content of Political Conflict. *Political
    Analysis* 16(4), 372-403. https://doi.org/10.1093/pan/mpn018
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing._resources import read_tsv
from framing.text import Doc, Token, docs_from
from framing.voice import in_spans, quoted_spans

__all__ = [
    "TERM_COLUMNS",
    "load_stopwords",
    "log_odds_from_counts",
    "sum_counts",
    "term_counts",
    "top_terms",
    "word_choice",
]

Voice = Literal["all", "own", "quoted"]

TERM_COLUMNS = ["outlet", "term", "ngram", "count", "count_rest", "log_odds", "z"]


@cache
def _package_stopwords() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in read_tsv("stopwords.tsv"))


def load_stopwords(source: str | Path | Iterable[str] | None = None) -> frozenset[str]:
    """The stopword set: the package list (``stopwords.tsv``), a user's TSV, or any words.

    Args:
        source: ``None`` for the package list; a path to a TSV with a ``word`` column; or an
            iterable of words (pass ``()`` to keep every word).

    Returns:
        Lower-case words.
    """
    if source is None:
        return _package_stopwords()
    if isinstance(source, (str, Path)):
        return frozenset(row["word"].lower() for row in read_tsv(source))
    return frozenset(w.lower() for w in source)


def _term_form(text: str, tok: Token) -> str:
    """The counted form of a token: lower case, without a possessive "'s"."""
    norm = tok.norm
    if norm.endswith("'s") and len(norm) > 2:
        norm = norm[:-2]
    return norm


def _is_caps(text: str, tok: Token | None) -> bool:
    return tok is not None and len(tok.norm) > 1 and text[tok.start : tok.end].isupper()


def _counted(
    text: str, tok: Token, stop: frozenset[str], *, before: Token | None, after: Token | None
) -> bool:
    """A token counts unless it is a stopword, has no letter, or is one letter long.

    A two-letter word in capitals ("US") is an acronym, never a stopword, unless a neighbour is
    in capitals too (a shouted headline: "TRUMP TO MEET"); longer capitalised stopwords ("MORE",
    "JUST WATCHED") are stopwords.
    """
    norm = tok.norm
    if len(norm) < 2 or not any(ch.isalpha() for ch in norm):
        return False
    if norm not in stop:
        return True
    return (
        len(norm) == 2
        and _is_caps(text, tok)
        and not _is_caps(text, before)
        and not _is_caps(text, after)
    )


def _gap(norm: str, a: Token, b: Token) -> bool:
    """Whether punctuation (not just white space) separates tokens ``a`` and ``b``."""
    return bool(norm[a.end : b.start].strip())


_UNSEEN = object()
_CONTEXT = object()  # the token's fate depends on its neighbours (see _counted)
# stopword set -> token norm -> counted form, None, or _CONTEXT: a token's counted form depends
# only on the token (bar two-letter stopwords), and news repeats its words.
_FORMS: dict[frozenset[str], dict[str, Any]] = {}


def _forms_memo(stop: frozenset[str]) -> dict[str, Any]:
    memo = _FORMS.get(stop)
    if memo is None or len(memo) > 1_000_000:
        if len(_FORMS) > 8:
            _FORMS.clear()
        memo = _FORMS[stop] = {}
    return memo


def _form_of(norm: str, stop: frozenset[str]) -> Any:
    """What :func:`_counted` and :func:`_term_form` make of a token, where that does not depend
    on its neighbours."""
    if len(norm) < 2 or not any(ch.isalpha() for ch in norm):
        return None
    if norm not in stop:
        return norm[:-2] if norm.endswith("'s") and len(norm) > 2 else norm
    return _CONTEXT if len(norm) == 2 else None


def term_counts(
    doc: Doc,
    *,
    ngrams: Sequence[int] = (1, 2),
    stopwords: frozenset[str] | None = None,
    voice: Voice = "all",
    exclude: Sequence[tuple[int, int]] = (),
) -> Counter[str]:
    """Count the terms (unigrams, bigrams, ...) of one article.

    Terms are lower-cased tokens (possessive "'s" dropped). An n-gram never crosses a
    sentence end or punctuation, and contains no stopword, number or one-letter token (so
    "iran-backed shia" and "combat mission" count, "of the" does not).

    Args:
        doc: The parsed article.
        ngrams: Which n-gram lengths to count, e.g. ``(1, 2)``.
        stopwords: Words to leave out (default: the package list, see :func:`load_stopwords`).
        voice: ``"all"`` counts every word; ``"own"`` skips words inside quoted statements (the
            outlet's own narration); ``"quoted"`` counts only words inside them.
        exclude: Sorted, non-overlapping ``(start, end)`` spans whose words are not counted
            (e.g. passages reused from another outlet, :func:`framing.reuse.reused_spans`).

    Returns:
        A ``Counter`` of term -> count. Counters add, so per-outlet totals are their sum.

    Example:
        >>> from framing.text import Doc
        >>> sorted(term_counts(Doc("Iran-backed Shia militias fired rockets.")).items())[:3]
        [('fired', 1), ('fired rockets', 1), ('iran-backed', 1)]
    """
    stop = _package_stopwords() if stopwords is None else stopwords
    spans = quoted_spans(doc) if voice != "all" else []
    text, norm = doc.text, doc.norm
    forms = _forms_memo(stop)
    skip = voice != "all" or bool(exclude)
    terms: list[str] = []  # every term, in the order the counts first meet it
    for sentence in doc.sentence_tokens:
        unigrams: list[str] = []
        bigrams: list[str] = []
        run: list[str | None] = []  # counted forms; None breaks n-grams (for n > 2)
        prev: str | None = None  # the form before this token, if an n-gram may go on from it
        prev_end = sentence[0].start if sentence else 0  # the first token: an empty gap
        for k, (start, end, word) in enumerate(sentence):
            # punctuation (not just white space) before the token breaks n-grams; the usual
            # single space is settled without slicing
            if (start != prev_end + 1 or norm[prev_end] != " ") and norm[prev_end:start].strip():
                run.append(None)
                prev = None
            prev_end = end
            if skip and (
                (voice != "all" and in_spans(start, spans) != (voice == "quoted"))
                or (exclude and in_spans(start, exclude))  # reused: not this outlet's wording
            ):
                run.append(None)
                prev = None
                continue
            try:
                form = forms[word]
            except KeyError:
                form = forms[word] = _form_of(word, stop)
            if form is _CONTEXT:
                # a two-letter stopword counts only as an acronym, in capitals between words
                # that are not (see _counted); most are in lower case and need no neighbours
                form = None
                if text[start:end].isupper():
                    tok = sentence[k]
                    before = sentence[k - 1] if k and not _gap(norm, sentence[k - 1], tok) else None
                    after = sentence[k + 1] if k + 1 < len(sentence) else None
                    if after is not None and _gap(norm, tok, after):
                        after = None
                    if _counted(text, tok, stop, before=before, after=after):
                        form = _term_form(text, tok)
            if form is not None:
                unigrams.append(form)
                if prev is not None:
                    bigrams.append(f"{prev} {form}")
            run.append(form)
            prev = form
        for n in ngrams:
            if n == 1:
                terms += unigrams
            elif n == 2:
                terms += bigrams
            else:
                terms += [
                    " ".join(window)  # type: ignore[arg-type]
                    for window in (run[i : i + n] for i in range(len(run) - n + 1))
                    if None not in window
                ]
    # One Counter over all the terms: the same counts, in the same insertion order, as
    # updating a Counter per sentence and n-gram length.
    counts = Counter(terms)
    return counts


def sum_counts(pairs: Iterable[tuple[str, Counter[str]]]) -> dict[str, Counter[str]]:
    """Sum per-article counters into one counter per group.

    Args:
        pairs: ``(group, counter)`` pairs, e.g. ``(doc.outlet, term_counts(doc))``; partial sums
            from workers can be passed again, since counters add.

    Returns:
        Group -> summed ``Counter``, groups in first-seen order.
    """
    out: dict[str, Counter[str]] = {}
    for group, counts in pairs:
        out.setdefault(group, Counter()).update(counts)
    return out


def _long_counts(counts_by_group: Mapping[str, Mapping[str, int]]) -> pd.DataFrame:
    groups: list[str] = []
    terms: list[str] = []
    values: list[int] = []
    for group, counts in counts_by_group.items():
        groups.extend([group] * len(counts))
        terms.extend(counts.keys())
        values.extend(counts.values())
    return pd.DataFrame(
        {
            "group": pd.Series(groups, dtype=object),
            "term": pd.Series(terms, dtype=object),
            "count": pd.Series(values, dtype="int64"),
        }
    )


def _empty_table(group_col: str) -> pd.DataFrame:
    columns = [group_col, *TERM_COLUMNS[1:]]
    dtypes: dict[str, Any] = {
        group_col: object,
        "term": object,
        "ngram": "int64",
        "count": "int64",
        "count_rest": "int64",
        "log_odds": "float64",
        "z": "float64",
    }
    return pd.DataFrame({c: pd.Series(dtype=dtypes[c]) for c in columns})


def log_odds_from_counts(
    counts_by_group: Mapping[str, Mapping[str, int]],
    *,
    prior: Mapping[str, float] | pd.Series | None = None,
    pair: tuple[str, str] | None = None,
    min_count: int = 2,
    top: int | None = None,
    group_col: str = "outlet",
) -> pd.DataFrame:
    """Score summed term counts: weighted log-odds with an informative Dirichlet prior.

    For group *i* against the rest *j* (all other groups, or the other group of ``pair``) and
    term *w* with counts ``y``, group totals ``n`` and prior pseudo-counts ``a`` (``a0`` their
    sum)::

        log_odds = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
                 - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
        z        = log_odds / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

    Args:
        counts_by_group: Group -> term counts, e.g. from :func:`sum_counts`.
        prior: Background counts per term, e.g. from a reference corpus (any scale: they are
            rescaled so the prior weighs as much as the compared counts). Default: the summed
            counts of all groups, i.e. the corpus itself. Terms missing from a user's
            background get a pseudo-count of 0.01.
        pair: Compare just these two groups (each against the other) instead of each group
            against all the rest; the prior still comes from every group.
        min_count: Leave out terms used fewer times than this in all compared groups together.
        top: Keep only the ``top`` terms with the highest ``z`` per group.
        group_col: Name of the group column in the result.

    Returns:
        One row per (group, term) the group used: ``<group_col>`` (default ``outlet``),
        ``term``, ``ngram`` (words in the term), ``count`` (uses in this group),
        ``count_rest`` (uses in the rest), ``log_odds``, ``z``; sorted by group, then ``z``
        descending. Terms a group never used have no row.

    Reading the numbers:
        ``z > 0``: the group uses the term more than the rest; ``|z| > 1.96`` is the usual
        "unlikely by chance" line, under the (optimistic) assumption that words are
        independent draws. With few articles per group, treat ``z`` as a ranking, not a test.

    References:
        Monroe, Colaresi & Quinn (2008), eq. 16-22 (see the module docstring).
    """
    long = _long_counts(counts_by_group)
    if long.empty:
        return _empty_table(group_col)
    if long["group"].nunique() < 2:
        warnings.warn(
            f"word choice compares groups, and there is only one ({long['group'].iloc[0]!r}): "
            "no term can be distinctive, so the terms table is empty; add articles from "
            "another outlet",
            UserWarning,
            stacklevel=2,
        )
        return _empty_table(group_col)
    # The prior comes from every group, before restricting to a pair.
    corpus = long.groupby("term", sort=False)["count"].sum()
    if prior is None:
        alpha = corpus.astype("float64")
    else:
        # A background of any size is rescaled to the corpus's size: the prior then weighs as
        # much as the data, as the default does, and only its shape (which words are common)
        # comes from the background.
        background = pd.Series(prior, dtype="float64")
        share = background.reindex(corpus.index).fillna(0.0) / float(background.sum())
        alpha = (share * float(corpus.sum())).clip(lower=0.01)
    if pair is not None:
        missing = [g for g in pair if g not in counts_by_group]
        if missing:
            raise KeyError(f"no group {missing[0]!r}; groups are {list(counts_by_group)}")
        long = long[long["group"].isin(pair)]
    totals = long.groupby("group", sort=False)["count"].sum()
    term_total = long.groupby("term", sort=False)["count"].sum()
    keep = term_total.index[term_total >= min_count]
    long = long[long["term"].isin(keep)]
    if long.empty:
        return _empty_table(group_col)
    grand_total = float(totals.sum())
    a0 = float(alpha.sum())
    # Vectorised over all (group, term) rows.
    y_i = long["count"].to_numpy(dtype="float64")
    y_all = term_total.reindex(long["term"]).to_numpy(dtype="float64")
    y_j = y_all - y_i
    n_i = totals.reindex(long["group"]).to_numpy(dtype="float64")
    n_j = grand_total - n_i
    a_w = alpha.reindex(long["term"]).to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - np.log(
            (y_j + a_w) / (n_j + a0 - y_j - a_w)
        )
        z = delta / np.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
    terms = long["term"].to_numpy()
    out = pd.DataFrame(
        {
            group_col: long["group"].to_numpy(),
            "term": terms,
            "ngram": pd.Series(terms).str.count(" ").to_numpy(dtype="int64") + 1,
            "count": long["count"].to_numpy(dtype="int64"),
            "count_rest": y_j.astype("int64"),
            "log_odds": delta,
            "z": z,
        }
    )
    order = {g: k for k, g in enumerate(counts_by_group)}
    out["_g"] = out[group_col].map(order)
    out = out.sort_values(["_g", "z", "term"], ascending=[True, False, True], kind="stable")
    out = out.drop(columns="_g")
    if top is not None:
        out = out.groupby(group_col, sort=False).head(top)
    return out.reset_index(drop=True)


def word_choice(
    articles: pd.DataFrame,
    *,
    by: str = "outlet",
    pair: tuple[str, str] | None = None,
    ngrams: Sequence[int] = (1, 2),
    min_count: int = 2,
    top: int | None = None,
    prior: Mapping[str, float] | pd.Series | None = None,
    stopwords: str | Path | Iterable[str] | None = None,
    voice: Voice = "all",
    exclude_reused: bool = False,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Distinctive terms of each outlet against the rest (or of one outlet against another).

    Args:
        articles: The articles table.
        by: Group articles by this column; ``"outlet"`` means ``outlet_col``. Any column works
            (e.g. a left/centre/right label); the result's group column takes its name.
        pair: Two group names to compare with each other only.
        ngrams: N-gram lengths to count (default unigrams and bigrams).
        min_count: Leave out terms used fewer times than this across the compared groups.
        top: Keep only the ``top`` terms per group (highest ``z``).
        prior: Background counts (term -> count) from a reference corpus; default: this corpus.
        stopwords: Words to leave out: ``None`` for ``framing/lexicons/stopwords.tsv``, a path
            to your own TSV (column ``word``), or an iterable of words.
        voice: ``"all"``, ``"own"`` (leave out quoted statements) or ``"quoted"`` (only them).
        exclude_reused: Leave out every passage an article shares with another outlet's
            article of the same event (:func:`framing.reuse.reuse`, default options): reprinted
            wire copy and shared quotes are credited to none of the outlets carrying them.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per (outlet, term): ``outlet`` (or the ``by`` column's name), ``term``,
        ``ngram``, ``count``, ``count_rest``, ``log_odds``, ``z``; see
        :func:`log_odds_from_counts`.

    Reading the numbers:
        See the module docstring: ``z`` ranks terms by how surely an outlet over-uses them; on
        a handful of articles it reflects each article's angle and any shared wire copy, so
        read it with the raw counts and never as a statement about an outlet in general.

    Example:
        >>> table = word_choice(articles, top=5)  # doctest: +SKIP
    """
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    if by in ("outlet", outlet_col):
        groups = [d.outlet for d in docs]
        group_col = "outlet"
    else:
        if by not in articles.columns:
            raise KeyError(f"articles table has no column {by!r}; columns are {list(articles)}")
        groups = [str(g) for g in articles[by]]
        group_col = by
    stop = load_stopwords(stopwords)
    skip: dict[str, list[tuple[int, int]]] = {}
    if exclude_reused:
        from framing.reuse import reuse, reused_spans

        found = reuse(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
        skip = reused_spans(found)
    pairs = (
        (
            g,
            term_counts(
                d, ngrams=ngrams, stopwords=stop, voice=voice, exclude=skip.get(d.article_id, ())
            ),
        )
        for g, d in zip(groups, docs, strict=True)
    )
    return log_odds_from_counts(
        sum_counts(pairs),
        prior=prior,
        pair=pair,
        min_count=min_count,
        top=top,
        group_col=group_col,
    )


def top_terms(table: pd.DataFrame, *, n: int = 5, group_col: str = "outlet") -> pd.DataFrame:
    """One row per outlet with its ``n`` most distinctive terms, for :func:`framing.compare`.

    Args:
        table: A :func:`word_choice` table.
        n: How many terms to list.
        group_col: The group column of ``table``.

    Returns:
        Columns ``outlet`` and ``top_terms`` (e.g. ``"militias, airstrike, shia"``): the ``n``
        terms with the highest positive ``z``, in order.
    """
    positive = table[table["z"] > 0]
    joined = positive.groupby(group_col, sort=False)["term"].agg(lambda s: ", ".join(s[:n]))
    outlets = pd.Index(pd.unique(table[group_col]), name=group_col)
    return (
        joined.reindex(outlets, fill_value="")
        .rename("top_terms")
        .reset_index()
        .astype({"top_terms": object})
    )
