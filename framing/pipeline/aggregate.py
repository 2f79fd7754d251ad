"""Scoring summed term counts without holding every rare term in memory.

A corpus of tens of thousands of articles has millions of (outlet, term) pairs, and most terms
occur once. :func:`framing.terms.log_odds_from_counts` leaves out terms used fewer than
``min_count`` times, but only after building its table of every pair. :func:`score_terms` drops
those terms first and gives exactly the same table: the rare terms of each outlet are folded into
one placeholder term carrying their total count, so each outlet's total, the corpus total and
the prior's total (all of which enter every score) are unchanged; the placeholder's own row is
removed from the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, MutableMapping
from typing import Any

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
