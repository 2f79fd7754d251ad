"""Sentiment: TextBlob polarity and subjectivity (news-aware by default), stock TextBlob and VADER.

* :func:`sentiment` scores each article or sentence; :func:`sentiment_rows` is its per-article
  pure function (what :func:`framing.analyze` runs).
* :func:`sentiment_drivers` lists the words behind every score, kept or dropped, and why.
* :func:`sentiment_summary` gives one row per outlet with bootstrap 95% intervals.

Modules: :mod:`~framing.sentiment.pattern` (TextBlob's scoring loop, exactly),
:mod:`~framing.sentiment.lexical` (the news-aware part-of-speech check and overrides),
:mod:`~framing.sentiment.vader`, :mod:`~framing.sentiment.scoring` (per-article rows),
:mod:`~framing.sentiment.tables` (tables), :mod:`~framing.sentiment.summary` (per outlet).
"""

from framing.sentiment.lexical import Override, load_overrides
from framing.sentiment.scoring import driver_rows, sentence_rows, sentiment_rows
from framing.sentiment.summary import sentiment_summary
from framing.sentiment.tables import sentiment, sentiment_drivers

__all__ = [
    "Override",
    "driver_rows",
    "load_overrides",
    "sentence_rows",
    "sentiment",
    "sentiment_drivers",
    "sentiment_rows",
    "sentiment_summary",
]
