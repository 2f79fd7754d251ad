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

import math
import string
from collections.abc import Sequence
from functools import cache
from typing import Any

from vaderSentiment import vaderSentiment as _vs
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

__all__ = ["VADER_COLUMNS", "Analyzer", "analyzer", "article_vader", "sentence_vader"]

VADER_COLUMNS = ("vader_compound", "vader_pos", "vader_neu", "vader_neg")

_PUNCTUATION = frozenset(string.punctuation)
_strip_punc = _vs.SentiText._strip_punc_if_word


class Analyzer(SentimentIntensityAnalyzer):
    """VADER's ``SentimentIntensityAnalyzer`` with the same results in about 40% of the time.

    The hot spots of vaderSentiment 3.3.2 are cheaper here, nothing else changes:
    ``polarity_scores`` skips its character-by-character emoji rewrite when the text holds no
    emoji (the rewrite would return the text unchanged; an ASCII text holds none, as no emoji
    is ASCII); it lower-cases each word once and scores only lexicon words, with VADER's steps
    over the lower-cased words (its ``sentiment_valence`` returns 0, the value it was given,
    for any other word); a sentence without any lexicon word gets VADER's neutral result
    (``neu`` 1, the rest 0: every valence is 0, so neither boosters, negations, "but" nor
    punctuation can change it) without further work; and the "but" rule runs only where
    there is a "but". ``tests/test_sentiment.py`` and ``benchmarks/sentiment_identity.py``
    check the scores are identical to the original's.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # True when no emoji is an ASCII character: then an ASCII text needs no emoji rewrite
        self._ascii_free = not any(e.isascii() for e in self.emojis)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not (self._ascii_free and text.isascii()) and not self.emojis.keys().isdisjoint(text):
            return super().polarity_scores(text)
        text = text.strip()
        # SentiText's words: leading and trailing punctuation stripped (unless that leaves two
        # characters or fewer); a word without punctuation at either end is kept as it is.
        words = [
            w if w[0] not in _PUNCTUATION and w[-1] not in _PUNCTUATION else _strip_punc(w)
            for w in text.split()
        ]
        lower = list(map(str.lower, words))
        lexicon = self.lexicon
        hits = [i for i, low in enumerate(lower) if low in lexicon]
        if not hits:
            # every valence is 0: VADER's neutral result (all zeros for a text without words)
            return {"neg": 0.0, "neu": 1.0 if words else 0.0, "pos": 0.0, "compound": 0.0}
        # allcap_differential: some but not all words in capitals
        n = len(words)
        cap_diff = 0 < n - sum(map(str.isupper, words)) < n
        # VADER appends 0 for every word it does not score (int 0, as it does)
        sentiments: list[Any] = [0] * n
        last = n - 1
        for i in hits:
            low = lower[i]
            if low in _vs.BOOSTER_DICT or (i < last and low == "kind" and lower[i + 1] == "of"):
                continue
            sentiments[i] = _valence(lexicon, words, lower, i, cap_diff)
        if "but" in lower:
            sentiments = self._but_check(words, sentiments)
        return self._score_valence(sentiments, hits, text)

    def _score_valence(self, sentiments: list[Any], hits: list[int], text: str) -> dict[str, float]:
        """VADER's ``score_valence`` step for step, for a text with at least one word. Its
        ``_sift_sentiment_scores`` reads only the lexicon words' positions ``hits``: every
        other valence is 0 (the "but" rule rewrites a value only where an equal one is, so a
        0 stays 0 and the others stay at lexicon words), and counts as neutral."""
        sum_s = float(sum(sentiments))
        # compute and add emphasis from punctuation in text
        punct_emph_amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = _vs.normalize(sum_s)
        # _sift_sentiment_scores
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = len(sentiments) - len(hits)
        for i in hits:
            sentiment_score = sentiments[i]
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
            if sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
            if sentiment_score == 0:
                neu_count += 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
        return {
            "neg": round(neg, 3),
            "neu": round(neu, 3),
            "pos": round(pos, 3),
            "compound": round(compound, 4),
        }


_NEGATE = frozenset(_vs.NEGATE)


def _negated(word: str) -> bool:
    """vaderSentiment's ``negated([word])`` for one word."""
    word = word.lower()
    return word in _NEGATE or "n't" in word


def _valence(
    lexicon: dict[str, float], words: list[str], lower: list[str], i: int, cap_diff: bool
) -> float:
    """vaderSentiment's ``sentiment_valence`` for the lexicon word ``words[i]`` (with its
    ``_negation_check``, ``_special_idioms_check`` and ``_least_check``), step for step, reading
    the lower-cased words once computed (``lower``) instead of lower-casing them again."""
    item_lowercase = lower[i]
    valence = lexicon[item_lowercase]
    if item_lowercase == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lowercase] * _vs.N_SCALAR
    if words[i].isupper() and cap_diff:
        if valence > 0:
            valence += _vs.C_INCR
        else:
            valence -= _vs.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            s = _vs.scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            # _negation_check
            if start_i == 0:
                if _negated(lower[i - 1]):
                    valence = valence * _vs.N_SCALAR
            elif start_i == 1:
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    pass
                elif _negated(lower[i - 2]):
                    valence = valence * _vs.N_SCALAR
            else:
                if (
                    lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")
                ) or (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 3] == "without" and (
                    lower[i - 2] == "doubt" or lower[i - 1] == "doubt"
                ):
                    pass
                elif _negated(lower[i - 3]):
                    valence = valence * _vs.N_SCALAR
                valence = _idioms(valence, lower, i)
    # _least_check
    if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        if lower[i - 2] != "at" and lower[i - 2] != "very":
            valence = valence * _vs.N_SCALAR
    elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
        valence = valence * _vs.N_SCALAR
    return valence


def _idioms(valence: float, lower: list[str], i: int) -> float:
    """vaderSentiment's ``_special_idioms_check`` over lower-cased words (``i`` >= 3)."""
    special = _vs.SPECIAL_CASES
    one, two, three = lower[i - 1], lower[i - 2], lower[i - 3]
    twoone = f"{two} {one}"
    threetwoone = f"{three} {twoone}"
    threetwo = f"{three} {two}"
    for seq in (f"{one} {lower[i]}", f"{twoone} {lower[i]}", twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
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
