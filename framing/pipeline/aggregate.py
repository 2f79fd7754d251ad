"""Scoring summed term counts without holding every rare term in memory.

A corpus of tens of thousands of articles has millions of (outlet, term) pairs, and most terms
occur once. :func:`framing.terms.log_odds_from_counts` leaves out terms used fewer than
``min_count`` times, but only after building its table of every pair. :func:`score_terms` drops
those terms first and gives exactly the same table: the rare terms of each outlet are folded into
one placeholder term carrying their total count, so each outlet's total, the corpus total and
the prior's total (all of which enter every score) are unchanged; the placeholder's own row is
removed from the result.

With the default prior and every group scored against the rest (the pipeline's case), the
counts go into flat numpy arrays instead (one term and one count per (outlet, term) pair, each
outlet's ``Counter`` freed as soon as it is copied), the corpus total of each term comes from
``pd.factorize`` and ``np.bincount`` rather than a Python ``Counter`` of every term, and the
log-odds are computed over the kept pairs only, with the very same arithmetic as
:func:`framing.terms.log_odds_from_counts` on integer-valued totals: the same numbers, bit for
bit, in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, MutableMapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["score_terms"]

#: Stands for the rare terms of an outlet (no token can contain a NUL character).
RARE = "\x00rare"


def score_terms(
    counts: MutableMapping[str, Counter[str]],
    *,
    min_count: int = 2,
    top: int | None = None,
    prior: Mapping[str, float] | pd.Series | None = None,
    consume: bool = False,
    **options: Any,
) -> pd.DataFrame:
    """``log_odds_from_counts(counts, ...)``, the same table, with less memory on big corpora.

    Args:
        counts: Outlet -> summed term counts (partial sums already added up).
        min_count: As in :func:`framing.terms.log_odds_from_counts`.
        top: As in :func:`framing.terms.log_odds_from_counts`.
        prior: As in :func:`framing.terms.log_odds_from_counts`; with a background prior the
            rare terms' share of it matters, so nothing is dropped early.
        consume: Empty ``counts`` while pruning, outlet by outlet, so the full counts and the
            pruned ones are never all in memory at once.
        **options: Further options of :func:`framing.terms.log_odds_from_counts`.

    Returns:
        The table of :func:`framing.terms.log_odds_from_counts`.
    """
    from framing.terms import log_odds_from_counts

    if prior is not None or min_count <= 1:
        return log_odds_from_counts(counts, min_count=min_count, top=top, prior=prior, **options)
    if options.get("pair") is None and sum(1 for part in counts.values() if part) >= 2:
        return _score_arrays(
            counts,
            min_count=min_count,
            top=top,
            consume=consume,
            group_col=options.get("group_col", "outlet"),
        )
    total: Counter[str] = Counter()
    for part in counts.values():
        total.update(part)
    pruned: dict[str, Counter[str]] = {}
    for outlet in list(counts):
        part = counts.pop(outlet) if consume else counts[outlet]
        kept: Counter[str] = Counter()
        mass = 0
        for term, n in part.items():
            if total[term] < min_count:  # rare in the corpus (no separate set: less memory)
                mass += n
            else:
                kept[term] = n
        if mass:
            kept[RARE] = mass
        pruned[outlet] = kept
        del part
    del total
    table = log_odds_from_counts(
        pruned, min_count=min_count, top=None if top is None else top + 1, **options
    )
    table = table[table["term"] != RARE]
    if top is not None:
        table = table.groupby(table.columns[0], sort=False).head(top)
    return table.reset_index(drop=True)


def _score_arrays(
    counts: MutableMapping[str, Counter[str]],
    *,
    min_count: int,
    top: int | None,
    consume: bool,
    group_col: str,
) -> pd.DataFrame:
    """:func:`score_terms` for the default prior, each group against the rest (no ``pair``),
    at least two groups with terms."""
    from framing.terms import _empty_table

    outlets = list(counts)
    sizes = np.array([len(counts[o]) for o in outlets], dtype=np.int64)
    n_pairs = int(sizes.sum())
    keys = np.empty(n_pairs, dtype=object)
    values = np.empty(n_pairs, dtype=np.int64)
    pos = 0
    for outlet in outlets:
        part = counts.pop(outlet) if consume else counts[outlet]
        size = len(part)
        if size:
            keys[pos : pos + size] = list(part)
            values[pos : pos + size] = np.fromiter(part.values(), dtype=np.int64, count=size)
        pos += size
        del part  # with consume, the outlet's Counter is freed here
    group = np.repeat(np.arange(len(outlets), dtype=np.int32), sizes)
    codes, uniques = pd.factorize(keys)
    # Integer-valued float64 totals: exact (below 2**53), as pandas' sums are in the original.
    term_total = np.bincount(codes, weights=values, minlength=len(uniques))
    totals = np.bincount(group, weights=values, minlength=len(outlets))
    grand_total = float(values.sum())  # every count: kept terms and rare ones alike
    frequent = term_total >= min_count  # per distinct term
    keep = np.flatnonzero(frequent[codes])
    if not len(keep):
        return _empty_table(group_col)
    kept_codes = codes[keep]
    del codes
    y_all = term_total[kept_codes]
    del term_total
    # What depends on the term alone (its rank in code-point order, its n-gram size) is
    # computed once per distinct kept term, not once per (outlet, term) pair.
    distinct = uniques[frequent]
    del uniques
    small = np.int32 if len(frequent) < 2**31 else np.int64
    index = (np.cumsum(frequent, dtype=small) - 1)[kept_codes]  # each pair's term in `distinct`
    del frequent, kept_codes
    term_rank = _rank(distinct)[index]
    ngram = (pd.Series(distinct, dtype=str).str.count(" ").to_numpy(dtype="int64") + 1)[index]
    del distinct, index
    counts_kept = values[keep]
    group_kept = group[keep]
    terms = keys[keep]
    del values, group, keys, keep  # (each step frees what it no longer needs: on a big
    # corpus these arrays, one entry per (outlet, term) pair, are what peak memory is made of)
    a0 = grand_total  # the default prior is the corpus itself: its total is every count
    y_i = counts_kept.astype("float64")
    y_j = y_all - y_i
    n_i = totals[group_kept]
    n_j = grand_total - n_i
    a_w = y_all
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - np.log(
            (y_j + a_w) / (n_j + a0 - y_j - a_w)
        )
        z = delta / np.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
    del y_i, n_i, n_j, a_w, y_all
    # The order of log_odds_from_counts: outlet (first seen first), z descending, then term;
    # (outlet, term) pairs are unique, so the order is fully determined. Terms are ranked by
    # code point (as Python and Arrow's UTF-8 compare them) to sort numbers, not strings.
    order = np.lexsort((term_rank, -z, group_kept))
    del term_rank
    columns: dict[str, np.ndarray] = {
        "outlets": np.array(outlets, dtype=object),
        "groups": group_kept,
        "terms": terms,
        "ngram": ngram,
        "counts": counts_kept,
        "rest": y_j,
        "log_odds": delta,
        "z": z,
    }
    if top is not None:
        sorted_groups = group_kept[order]
        first = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
        lengths = np.diff(np.r_[first, len(order)])
        within = np.arange(len(order)) - np.repeat(first, lengths)
        kept_order = order[within < top]
        if not len(kept_order):  # top=0: no row, but the columns' dtypes of a full table
            return _frame(order[:1], group_col, columns).iloc[:0].reset_index(drop=True)
        order = kept_order
    return _frame(order, group_col, columns)


def _frame(order: np.ndarray, group_col: str, columns: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """The terms table: the rows ``order`` of the scored arrays ``columns``."""
    return pd.DataFrame(
        {
            group_col: columns["outlets"][columns["groups"][order]],
            "term": columns["terms"][order],
            "ngram": columns["ngram"][order],
            "count": columns["counts"][order],
            "count_rest": columns["rest"][order].astype("int64"),
            "log_odds": columns["log_odds"][order],
            "z": columns["z"][order],
        }
    )


def _rank(terms: np.ndarray) -> np.ndarray:
    """Dense rank of each term in code-point order (Arrow's sort, in C, where installed)."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow is optional
        return pd.factorize(terms, sort=True)[0]
    try:
        strings = pa.array(terms, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):  # e.g. a lone surrogate: compare in Python
        return pd.factorize(terms, sort=True)[0]
    ranks = pc.rank(strings, sort_keys="ascending", tiebreaker="dense")
    return np.asarray(ranks.to_numpy(zero_copy_only=False))
