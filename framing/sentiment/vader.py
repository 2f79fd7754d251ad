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
from typing import Any

from vaderSentiment import vaderSentiment as _vs
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["VADER_COLUMNS", "Analyzer", "analyzer", "article_vader", "sentence_vader"]

VADER_COLUMNS = ("vader_compound", "vader_pos", "vader_neu", "vader_neg")


class Analyzer(SentimentIntensityAnalyzer):
    """VADER's ``SentimentIntensityAnalyzer`` with the same results, about a third faster.

    Three hot spots of vaderSentiment 3.3.2 are cheaper here, nothing else changes:
    ``polarity_scores`` skips its character-by-character emoji rewrite when the text holds no
    emoji (the rewrite would return the text unchanged), and the negation and idiom checks read
    the three or four neighbouring words they need instead of lower-casing the whole sentence
    for every sentiment word. ``tests/test_sentiment.py`` checks the scores are identical to
    the original's.
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not self.emojis.keys().isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()
        sentitext = _vs.SentiText(text)
        sentiments: list[Any] = []
        words = sentitext.words_and_emoticons
        for i, item in enumerate(words):
            valence = 0
            if item.lower() in _vs.BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
        # vaderSentiment's _negation_check, indexing words[k].lower() instead of a full
        # lower-cased copy (same indices, so the same words, negative indices included).
        def low(k: int) -> str:
            return str(words[k]).lower()

        if start_i == 0 and _vs.negated([low(i - 1)]):
            valence = valence * _vs.N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                valence = valence
            elif _vs.negated([low(i - (start_i + 1))]):
                valence = valence * _vs.N_SCALAR
        if start_i == 2:
            if (low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this")) or (
                low(i - 1) == "so" or low(i - 1) == "this"
            ):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                valence = valence
            elif _vs.negated([low(i - (start_i + 1))]):
                valence = valence * _vs.N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
        # vaderSentiment's _special_idioms_check with the same word lookups, done lazily.
        def low(k: int) -> str:
            return str(words[k]).lower()

        onezero = f"{low(i - 1)} {low(i)}"
        twoonezero = f"{low(i - 2)} {low(i - 1)} {low(i)}"
        twoone = f"{low(i - 2)} {low(i - 1)}"
        threetwoone = f"{low(i - 3)} {low(i - 2)} {low(i - 1)}"
        threetwo = f"{low(i - 3)} {low(i - 2)}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in _vs.SPECIAL_CASES:
                valence = _vs.SPECIAL_CASES[seq]
                break
        if len(words) - 1 > i:
            zeroone = f"{low(i)} {low(i + 1)}"
            if zeroone in _vs.SPECIAL_CASES:
                valence = _vs.SPECIAL_CASES[zeroone]
        if len(words) - 1 > i + 1:
            zeroonetwo = f"{low(i)} {low(i + 1)} {low(i + 2)}"
            if zeroonetwo in _vs.SPECIAL_CASES:
                valence = _vs.SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in _vs.BOOSTER_DICT:
                valence = valence + _vs.BOOSTER_DICT[n_gram]
        return valence


@cache
def analyzer() -> Analyzer:
    """The process's one VADER analyzer (reading its lexicon takes ~0.1 s, so it is built once)."""
    return Analyzer()


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
