"""VADER, the second scorer: sentence by sentence, averaged per article.

VADER (Hutto & Gilbert 2014) is a rule-based scorer with a human-rated lexicon of about 7,500
words, emoticons and slang, plus rules for negation, intensifiers ("very"), contrast ("but"),
capitals and punctuation. It is built for sentences: its ``compound`` score normalises the summed
word valences with ``x / sqrt(x**2 + 15)``, which saturates towards +-1 as a text grows, so
scoring a whole article at once says little more than "long". The VADER README recommends
scoring each sentence and averaging; that is what :func:`article_vader` does.

References:
    Hutto, C.J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["VADER_COLUMNS", "analyzer", "article_vader", "sentence_vader"]

VADER_COLUMNS = ("vader_compound", "vader_pos", "vader_neu", "vader_neg")


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The process's one VADER analyzer (reading its lexicon takes ~0.1 s, so it is built once)."""
    return SentimentIntensityAnalyzer()


def sentence_vader(text: str) -> dict[str, float]:
    """VADER scores of one sentence, as ``vader_compound, vader_pos, vader_neu, vader_neg``.

    Pass normalised text (straight quotes, see :func:`framing.text.normalize`): VADER's negation
    list spells "don't" with a straight apostrophe.
    """
    scores = analyzer().polarity_scores(text)
    return {
        "vader_compound": scores["compound"],
        "vader_pos": scores["pos"],
        "vader_neu": scores["neu"],
        "vader_neg": scores["neg"],
    }


def article_vader(sentences: Sequence[dict[str, float]]) -> dict[str, float]:
    """Article VADER scores: the unweighted mean of its sentences' scores (0.0 with no sentences).

    Unweighted, as the VADER README does for paragraphs: each sentence is one statement (a
    long sentence with many sentiment words already scores further from 0 inside VADER).
    Headlines and short bullets count as sentences too.
    """
    if not sentences:
        return dict.fromkeys(VADER_COLUMNS, 0.0)
    n = len(sentences)
    return {col: sum(s[col] for s in sentences) / n for col in VADER_COLUMNS}
