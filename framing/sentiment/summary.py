"""Per-outlet sentiment with bootstrap intervals: the numbers :func:`framing.compare` shows.

The summary is computed from :class:`SentimentSums`: per article, the sum and the count of
each score over its sentences. These are *partial sums*: a chunk of articles gives its own,
chunks are concatenated (:meth:`SentimentSums.merge`), and the summary of the merged sums is
exactly the summary of the whole sentence table, so a corpus of any size is summarised without
keeping its sentence rows (see :func:`framing.analyze_stream`). Only the sentence-level
bootstrap needs more: the scores of each sentence, kept (3 numbers a sentence) for the outlets
that resample sentences.

References:
    Efron, B. & Tibshirani, R. (1993). An Introduction to the Bootstrap. Chapman & Hall
    (percentile intervals, ch. 13; resampling clusters, ch. 8).
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["SUMMARY_COLUMNS", "SentimentSums", "sentiment_summary"]

Unit = Literal["sentence", "article"]

_CI_COLUMNS = ("polarity", "subjectivity", "vader_compound")
_MEAN_COLUMNS = (
    "polarity_stock",
    "subjectivity_stock",
    "polarity_own",
    "polarity_quoted",
    "subjectivity_own",
    "subjectivity_quoted",
    "vader_compound_own",
    "vader_compound_quoted",
)
#: Every column summed per article: the interval columns first, then the plain means.
_SUM_COLUMNS = (*_CI_COLUMNS, *_MEAN_COLUMNS)
#: A sentence counts for the quoted voices in ``vader_compound_quoted`` when at least this share
#: of its characters is quoted content (column ``quoted`` of the sentence table).
QUOTED_MAJORITY = 0.5

#: Columns of :func:`sentiment_summary`, in order.
SUMMARY_COLUMNS = (
    "outlet",
    "n_articles",
    "n_sentences",
    *(name for col in _CI_COLUMNS for name in (col, f"{col}_ci_low", f"{col}_ci_high")),
    *_MEAN_COLUMNS,
    "sentences_quoted",
    "too_little_text",
)

# Cap on the size of one block of resampled indices (n_boot x n), to keep memory flat.
_BLOCK = 2_000_000


def _rng(seed: int, outlet: str) -> np.random.Generator:
    """One generator per outlet, from the seed and the outlet's name: an outlet's interval does
    not change when other outlets are added, removed or reordered."""
    return np.random.default_rng([seed, zlib.crc32(outlet.encode("utf-8"))])


def _boot_means(
    sums: np.ndarray, counts: np.ndarray, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Bootstrap means: resample the ``m`` units (rows of ``sums``) with replacement.

    ``sums`` is ``(m, k)``: per unit (sentence or article) the sum of each column over its
    sentences; ``counts`` is ``(m,)``: the unit's number of sentences. Returns ``(n_boot, k)``
    ratio means (sum of resampled sums / sum of resampled counts).

    The sums are taken one column at a time over a ``(m, resamples)`` block, unit after unit:
    the same additions in the same order as ``sums[idx].sum(axis=1)`` on the ``(resamples, m,
    k)`` array (so the same intervals to the last bit), without gathering that array.
    """
    m, k = len(counts), sums.shape[1]
    out = np.empty((n_boot, k))
    block = max(1, _BLOCK // max(m, 1))
    cols = [np.ascontiguousarray(sums[:, j]) for j in range(k)]
    for lo in range(0, n_boot, block):
        hi = min(n_boot, lo + block)
        idx = rng.integers(0, m, size=(hi - lo, m))
        if k == 1:  # numpy sums one column pairwise: keep that computation as it is
            out[lo:hi] = sums[idx].sum(axis=1) / counts[idx].sum(axis=1)[:, None]
            continue
        units = np.ascontiguousarray(idx.T)  # row i: the unit drawn i-th in each resample
        total = np.take(counts, units).sum(axis=0)  # whole numbers: exact in any order
        for j, col in enumerate(cols):
            out[lo:hi, j] = np.take(col, units).sum(axis=0) / total
    return out


@dataclass
class SentimentSums:
    """Mergeable partial sums behind :func:`sentiment_summary`: one record per article.

    Build one from a sentence table with :meth:`from_table` (per chunk of articles), add
    chunks with :meth:`merge`, and summarise with :meth:`summary`. Sums are taken over each
    article's sentences in sentence order, and the summary adds articles in a canonical order
    (outlet, article id), so the result does not depend on how the articles were chunked.

    Attributes:
        outlets: Outlet of each article.
        article_ids: Id of each article.
        n: Sentences of each article.
        sums: ``(articles, columns)``: sum of each column of ``_SUM_COLUMNS`` over the
            article's sentences, NaNs skipped.
        counts: ``(articles, columns)``: non-NaN values summed.
        quoted: Sentences of each article with quoted content.
        values: Per article, its sentences' ``polarity, subjectivity, vader_compound``
            (``(n, 3)``), for the sentence-level bootstrap; ``None`` once dropped.
    """

    outlets: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    n: list[int] = field(default_factory=list)
    sums: list[np.ndarray] = field(default_factory=list)
    counts: list[np.ndarray] = field(default_factory=list)
    quoted: list[int] = field(default_factory=list)
    values: list[np.ndarray | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.n)

    @classmethod
    def from_table(cls, table: pd.DataFrame, *, outlet_col: str = "outlet") -> SentimentSums:
        """The sums of a sentence table (``framing.sentiment(..., level="sentence")``).

        Missing score columns count as all NaN; without ``article_id`` all of an outlet's
        sentences form one record (enough for the sentence-level bootstrap).
        """
        out = cls()
        if table.empty:
            return out
        order = [c for c in (outlet_col, "article_id", "sentence") if c in table.columns]
        table = table.sort_values(order, kind="stable")
        cols = {}
        for col in _SUM_COLUMNS:
            if col in table.columns:
                cols[col] = table[col].to_numpy(dtype="float64", na_value=np.nan)
        if "vader_compound" in cols and "quoted" in table.columns:
            share = table["quoted"].to_numpy(dtype="float64", na_value=np.nan)
            vader = cols["vader_compound"]
            cols["vader_compound_own"] = np.where(share < QUOTED_MAJORITY, vader, np.nan)
            cols["vader_compound_quoted"] = np.where(share >= QUOTED_MAJORITY, vader, np.nan)
        n_rows = len(table)
        values = np.full((n_rows, len(_SUM_COLUMNS)), np.nan)
        for j, col in enumerate(_SUM_COLUMNS):
            if col in cols:
                values[:, j] = cols[col]
        has = ~np.isnan(values)
        filled = np.where(has, values, 0.0)
        if "quoted" in table.columns:
            with_quotes = table["quoted"].to_numpy(dtype="float64", na_value=0.0) > 0
        else:
            with_quotes = np.zeros(n_rows, dtype=bool)
        outlets = table[outlet_col].astype(str).to_numpy()
        ids = (
            table["article_id"].astype(str).to_numpy()
            if "article_id" in table.columns
            else np.full(n_rows, "", dtype=object)
        )
        # Runs of one (outlet, article): the table is sorted by both.
        new = np.ones(n_rows, dtype=bool)
        new[1:] = (outlets[1:] != outlets[:-1]) | (ids[1:] != ids[:-1])
        starts = np.flatnonzero(new)
        run = np.cumsum(new) - 1
        sums = np.zeros((len(starts), len(_SUM_COLUMNS)))
        np.add.at(sums, run, filled)  # row by row, in sentence order
        counts = np.zeros((len(starts), len(_SUM_COLUMNS)), dtype="int64")
        np.add.at(counts, run, has)
        sizes = np.bincount(run)
        quoted = np.bincount(run, weights=with_quotes).astype("int64")
        ci = values[:, : len(_CI_COLUMNS)]
        out.outlets = [str(outlets[i]) for i in starts]
        out.article_ids = [str(ids[i]) for i in starts]
        out.n = sizes.tolist()
        out.sums = list(sums)
        out.counts = list(counts)
        out.quoted = quoted.tolist()
        out.values = [part.copy() for part in np.split(ci, starts[1:])]
        return out

    def merge(self, other: SentimentSums) -> SentimentSums:
        """Add ``other``'s articles to these (in place); returns ``self``."""
        self.outlets.extend(other.outlets)
        self.article_ids.extend(other.article_ids)
        self.n.extend(other.n)
        self.sums.extend(other.sums)
        self.counts.extend(other.counts)
        self.quoted.extend(other.quoted)
        self.values.extend(other.values)
        return self

    def drop_sentences(self, outlets: Collection[str] | None = None, *, start: int = 0) -> None:
        """Forget the per-sentence scores of ``outlets`` (all if None) in the records from
        ``start`` on: after this only the article-level bootstrap can run for them. Keeps
        memory flat on a big corpus."""
        for i in range(start, len(self.outlets)):
            if outlets is None or self.outlets[i] in outlets:
                self.values[i] = None

    def summary(
        self,
        *,
        n_boot: int = 2000,
        seed: int = 0,
        min_sentences: int = 50,
        unit: Unit | Mapping[str, Unit] = "sentence",
    ) -> pd.DataFrame:
        """The table of :func:`sentiment_summary`; ``unit`` may be given per outlet."""
        order = sorted(range(len(self)), key=lambda i: (self.outlets[i], self.article_ids[i]))
        by_outlet: dict[str, list[int]] = {}
        for i in order:
            by_outlet.setdefault(self.outlets[i], []).append(i)
        rows = [
            self._outlet_row(
                name,
                idx,
                n_boot=n_boot,
                seed=seed,
                min_sentences=min_sentences,
                unit=unit if isinstance(unit, str) else unit.get(name, "sentence"),
            )
            for name, idx in by_outlet.items()
        ]
        frame = pd.DataFrame.from_records(rows, columns=list(SUMMARY_COLUMNS))
        return frame.astype(
            {
                "outlet": "str",
                "n_articles": "int64",
                "n_sentences": "int64",
                "sentences_quoted": "int64",
                "too_little_text": "bool",
            }
            | {c: "float64" for c in SUMMARY_COLUMNS[3:-2]}
        )

    def _outlet_row(
        self,
        name: str,
        idx: list[int],
        *,
        n_boot: int,
        seed: int,
        min_sentences: int,
        unit: Unit,
    ) -> dict[str, object]:
        n_per = np.array([self.n[i] for i in idx], dtype="int64")
        sums = np.array([self.sums[i] for i in idx], dtype="float64")
        counts = np.array([self.counts[i] for i in idx], dtype="int64")
        n = int(n_per.sum())
        total = _sequential_sum(sums)
        nonnan = counts.sum(axis=0)
        row: dict[str, object] = {
            "outlet": name,
            "n_articles": len({self.article_ids[i] for i in idx if self.article_ids[i]}),
            "n_sentences": n,
        }
        usable = [j for j in range(len(_CI_COLUMNS)) if nonnan[j] == n]
        if usable and n > 0:
            if unit == "article":
                units = sums[:, usable]
                weights = n_per.astype(float)
            else:
                kept = [self.values[i] for i in idx]
                if any(v is None for v in kept):
                    raise ValueError(
                        f"the sentence scores of {name!r} were dropped; use unit='article'"
                    )
                units = np.concatenate(kept)[:, usable]  # type: ignore[arg-type]
                weights = np.ones(n)
            boot = _boot_means(units, weights, n_boot, _rng(seed, name))
            low, high = np.percentile(boot, [2.5, 97.5], axis=0)
        for j, col in enumerate(_SUM_COLUMNS):
            mean = float(total[j] / nonnan[j]) if nonnan[j] else np.nan
            row[col] = mean
            if j < len(_CI_COLUMNS):
                k = usable.index(j) if j in usable and n > 0 else -1
                row[f"{col}_ci_low"] = float(low[k]) if k >= 0 else np.nan
                row[f"{col}_ci_high"] = float(high[k]) if k >= 0 else np.nan
        row["sentences_quoted"] = sum(self.quoted[i] for i in idx)
        row["too_little_text"] = n < min_sentences
        return row


def _sequential_sum(rows: np.ndarray) -> np.ndarray:
    """Column sums added row by row, in order (exactly what ``np.add.at`` gives)."""
    total = np.zeros(rows.shape[1])
    for r in rows:
        total += r
    return total


def sentiment_summary(
    table: pd.DataFrame | SentimentSums,
    *,
    n_boot: int = 2000,
    seed: int = 0,
    min_sentences: int = 50,
    unit: Unit = "sentence",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Mean sentiment per outlet over its sentences, with bootstrap 95% intervals.

    Args:
        table: The sentence table, ``framing.sentiment(articles, level="sentence")``, or its
            :class:`SentimentSums` (partial sums merged over chunks of a big corpus). (An
            articles table with a ``text`` column is scored first with the defaults.)
        n_boot: Bootstrap resamples (2,000 gives interval ends stable to about 0.005).
        seed: Random seed; the same seed gives the same intervals, whatever the row order.
            Each outlet draws from its own generator seeded by ``seed`` and its name, so adding
            or removing outlets changes no other outlet's interval.
        min_sentences: Outlets with fewer sentences get ``too_little_text=True``.
        unit: What is resampled. ``"sentence"`` (default): the outlet's sentences, as if each
            were an independent draw. ``"article"``: whole articles with all their sentences
            (a cluster bootstrap), which is the honest choice when an outlet has many
            articles, because sentences of one article share topic and tone; with one article
            per outlet it cannot say anything (zero-width intervals).
        outlet_col: Column holding the outlet name.

    Returns:
        One row per outlet (sorted by name) with ``outlet, n_articles, n_sentences``; for
        ``polarity``, ``subjectivity`` and ``vader_compound`` the mean and ``*_ci_low``,
        ``*_ci_high`` (2.5th and 97.5th percentiles of the bootstrap means; NaN where the
        column is missing or all NaN); the NaN-skipping means of ``polarity_stock,
        subjectivity_stock``, of the own-voice and quoted-voice scores ``polarity_own,
        polarity_quoted, subjectivity_own, subjectivity_quoted, vader_compound_own,
        vader_compound_quoted``; ``sentences_quoted`` (sentences with quoted content) and
        ``too_little_text``.

    Reading the numbers:
        Means are over sentences, so a long article weighs more than a short one. On news
        (300 AllSides articles, news-aware mode) 58% of sentences score exactly 0, sentence
        polarity has a standard deviation of about 0.21, and 80% of article means lie between
        -0.03 and +0.09 (polarity) and 0.17 and 0.35 (subjectivity). Two outlets differ
        credibly only where their intervals do not overlap, and even then only for this set
        of articles: the interval describes the sampling of sentences, not of the outlet's
        coverage, and sentences of one article are not independent (use ``unit="article"``
        when outlets have many articles). ``too_little_text`` marks outlets with fewer than
        ``min_sentences`` sentences: at that spread, 50 sentences give a 95% interval of
        about +-0.06, already as wide as most differences between outlets. Five articles,
        one per outlet, are an illustration for a class, not evidence about the outlets.

        Own voice vs quoted voices: ``polarity_own``/``subjectivity_own`` average, over the
        sentences with narration, the TextBlob words outside attributed statements (direct,
        partial and indirect speech all count as quoted here), ``*_quoted`` the words inside
        them. VADER scores whole sentences, so ``vader_compound_own`` averages the sentences
        that are mostly narration and ``vader_compound_quoted`` those at least half quoted.
        The quoted means rest on ``sentences_quoted`` sentences: below about 50 (the same
        bar as ``too_little_text``) they move by 0.05 or more with a single sentence, so
        read them as "what the quoted voices sounded like here", not as an outlet trait.
    """
    if isinstance(table, SentimentSums):
        sums = table
    else:
        if "polarity" not in table.columns and "text" in table.columns:
            from framing.sentiment.tables import sentiment

            table = sentiment(table, level="sentence")
        sums = SentimentSums.from_table(table, outlet_col=outlet_col)
    return sums.summary(n_boot=n_boot, seed=seed, min_sentences=min_sentences, unit=unit)
