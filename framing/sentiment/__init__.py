"""Sentiment: TextBlob polarity and subjectivity (news-aware by default), stock TextBlob and VADER.

* :func:`sentiment` scores each article or sentence; :func:`sentiment_rows` is its per-article
  pure function (what :func:`framing.analyze` runs).
* :func:`sentiment_drivers` lists the words behind every score, kept or dropped, and why.
* :func:`sentiment_summary` gives one row per outlet with bootstrap 95% intervals.

Reading the numbers:
    ``polarity`` (TextBlob) runs from -1 (negative) to +1 (positive): the average of the
    lexicon words found, so one mild word in an otherwise neutral sentence sets the sentence's
    score. ``subjectivity`` runs from 0 (factual) to 1 (opinion): how evaluative those words
    are, not whether claims are true. ``vader_compound`` runs from -1 to +1 and saturates with
    many sentiment words. Conventional cut-offs: TextBlob polarity >= +0.1 positive, <= -0.1
    negative (pattern's own ``positive()`` threshold); VADER compound >= +0.05 / <= -0.05.

    On news most sentences score exactly 0 and article means sit near 0 (80% of 300 AllSides
    articles between -0.03 and +0.09), so differences between outlets of a few hundredths are
    noise unless the bootstrap intervals of :func:`sentiment_summary` separate them. Against
    5,190 NYT snippets rated by people (``benchmarks/sentiment_calibration.py``), VADER
    correlates r = 0.50 with the ratings, news-aware TextBlob r = 0.34, stock TextBlob
    r = 0.30: TextBlob is a coarse instrument, better at ranking many texts than at judging
    one.

    Blind spots of both scorers: sarcasm and irony; negation beyond the next word or two
    ("not a stable popular government" is +0.6); the topic's valence versus the writer's tone
    (a neutral report of an attack contains "attack", "killed"); quotations (use
    ``polarity_own`` for the outlet's own voice); domain words (the news-aware mode fixes the
    worst, and :func:`sentiment_drivers` shows every word behind a score). Five articles, one
    per outlet, illustrate a method; they cannot support claims about the outlets.

Modules: :mod:`~framing.sentiment.pattern` (TextBlob's scoring loop, exactly),
:mod:`~framing.sentiment.lexical` (the news-aware part-of-speech check and overrides),
:mod:`~framing.sentiment.vader`, :mod:`~framing.sentiment.scoring` (per-article rows),
:mod:`~framing.sentiment.tables` (tables), :mod:`~framing.sentiment.summary` (per outlet).
"""

from framing.sentiment.lexical import Override, load_overrides
from framing.sentiment.scoring import driver_rows, sentence_rows, sentiment_rows
from framing.sentiment.summary import SentimentSums, sentiment_summary
from framing.sentiment.tables import sentiment, sentiment_drivers

__all__ = [
    "Override",
    "SentimentSums",
    "driver_rows",
    "load_overrides",
    "sentence_rows",
    "sentiment",
    "sentiment_drivers",
    "sentiment_rows",
    "sentiment_summary",
]
