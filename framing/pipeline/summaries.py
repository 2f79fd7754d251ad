"""Outlet summaries as mergeable partial sums, computed per chunk of articles.

The outlet-level tables (``voices``, the sentiment, attribution and marker columns of the
comparison) used to be built at the end of a run from every sentence, quote and marker row. Here
each chunk of articles summarises its own rows where it is analysed (in the worker), into
counts and sums that add up: :class:`Summaries` holds them, :meth:`Summaries.merge` adds a
chunk's, and the outlet tables made from the total are exactly those the full tables give
(``sentiment_summary(sentences)``, ``voices(quotes)``, ``quote_summary(quotes)``,
``marker_rates(markers)`` are computed through the same partial sums). A streaming run
therefore keeps only these (a few numbers per article, per outlet and per speaker), never the
rows, and the end of the run has little left to do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from framing.markers import MarkerCounts
    from framing.quotes.voices import VoiceCounts
    from framing.sentiment.summary import SentimentSums

__all__ = ["Summaries", "summarise_chunk"]


@dataclass
class Summaries:
    """Partial sums of one chunk (or, merged, of every chunk so far).

    Attributes:
        sentiment: Per-article sentiment sums (from the ``sentences`` table), or None when
            sentiment is not run.
        voices: Statement counts per outlet and speaker (from ``quotes``), or None.
        markers: Marker counts per outlet, category and voice (from ``markers``), or None.
    """

    sentiment: SentimentSums | None = None
    voices: VoiceCounts | None = None
    markers: MarkerCounts | None = None

    def merge(self, other: Summaries) -> Summaries:
        """Add ``other`` (a later chunk) into these sums, in place; returns ``self``."""
        from framing.markers import merge_marker_counts

        if other.sentiment is not None:
            if self.sentiment is None:
                self.sentiment = other.sentiment
            else:
                self.sentiment.merge(other.sentiment)
        if other.voices is not None:
            if self.voices is None:
                self.voices = other.voices
            else:
                self.voices.merge(other.voices)
        if other.markers is not None:
            if self.markers is None:
                self.markers = {k: Counter(v) for k, v in other.markers.items()}
            else:
                merge_marker_counts(self.markers, other.markers)
        return self


def summarise_chunk(
    tables: Mapping[str, pd.DataFrame], *, sentence_scores: bool = True
) -> Summaries:
    """The partial sums of one chunk's tables.

    Args:
        tables: The chunk's tables by name (``sentences``, ``quotes``, ``markers``; those
            missing are left out).
        sentence_scores: Keep each sentence's scores for the sentence-level bootstrap (not
            needed when every outlet's interval resamples articles).
    """
    out = Summaries()
    if "sentences" in tables:
        from framing.sentiment.summary import SentimentSums

        out.sentiment = SentimentSums.from_table(tables["sentences"])
        if not sentence_scores:
            out.sentiment.drop_sentences()
    if "quotes" in tables:
        from framing.quotes.voices import VoiceCounts

        out.voices = VoiceCounts.from_table(tables["quotes"])
    if "markers" in tables:
        from framing.markers import marker_counts

        out.markers = marker_counts(tables["markers"])
    return out
