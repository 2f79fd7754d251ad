"""TextBlob's lexicon scoring (pattern's ``Sentiment``), reproduced exactly, with token positions.

TextBlob's ``PatternAnalyzer`` (the default behind ``TextBlob(text).sentiment``) comes from the
*pattern* library. It tokenises the text, looks every lower-cased token up in ``en-sentiment.xml``
(about 2,900 word forms, mostly adjectives, each with polarity -1..+1, subjectivity 0..1 and an
intensity), and averages the polarity and subjectivity of the words it finds. A lexicon word that
can be an adverb ("very", intensity 1.3) multiplies the next lexicon word; "no", "not", "never"
before a lexicon word (small words may come between) flip its polarity and halve it ("not good"
= -0.35); "!" boosts the word before it by 25%. :func:`assess` re-implements that loop step for
step, keeping token positions, so every score can name the words behind it, with character
offsets, and so that the news-aware mode can leave words out; averaging its output reproduces
``TextBlob(text).sentiment`` exactly (tested on thousands of texts).

The news-aware mode built on it is :mod:`framing.sentiment.lexical`.

References:
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13, 2063-2067 (the lexicon and
    the scoring loop; TextBlob's ``PatternAnalyzer`` and ``PatternTagger`` are its port).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from textblob._text import (
    ABBREVIATIONS,
    EMOTICONS,
    EOS,
    IRONY,
    MOOD,
    PUNCTUATION,
    RE_ABBR1,
    RE_ABBR2,
    RE_ABBR3,
    RE_EMOTICONS,
    RE_SARCASM,
    replacements,
)
from textblob.en import sentiment as _PATTERN_SENTIMENT

__all__ = [
    "CLASSES",
    "STOCK",
    "Assessment",
    "Values",
    "assess",
    "assess_state",
    "locate",
    "score",
    "tag_class",
    "textblob_tokens",
]

# --- the lexicon, loaded once per process ---------------------------------------------------------

Values = tuple[float, float, float]  # polarity, subjectivity, intensity


def _load_lexicon() -> tuple[dict[str, Values], dict[str, dict[str, Values]], frozenset[str]]:
    """Snapshot pattern's lazily loaded lexicon into plain dicts (fast lookups, same numbers).

    Returns ``(stock, by_class, modifiers)``: the all-senses average TextBlob uses for each form,
    the average per part-of-speech class (``JJ``, ``NN``, ``VB``, ``RB``, ``UH``; ``NP`` for
    proper nouns), and the forms that can intensify the next word (they have an ``RB`` entry).
    """
    len(_PATTERN_SENTIMENT)  # triggers pattern's lazy load (and its "-ly" adverb expansion)
    stock: dict[str, Values] = {}
    by_class: dict[str, dict[str, Values]] = {}
    modifiers = set()
    for form, senses in dict.items(_PATTERN_SENTIMENT):
        p, s, i = senses[None]
        stock[form] = (p, s, i)
        groups: dict[str, list[list[float]]] = {}
        for pos, psi in senses.items():
            if pos is not None:
                groups.setdefault(tag_class(pos), []).append(list(psi))
        by_class[form] = {
            cls: tuple(sum(col) / len(col) for col in zip(*rows, strict=True))
            for cls, rows in groups.items()
        }
        if any(pos in _PATTERN_SENTIMENT.modifiers for pos in senses):
            modifiers.add(form)
    return stock, by_class, frozenset(modifiers)


def tag_class(tag: str) -> str:
    """Penn tag -> class matched against lexicon entries (``NNP``/``NNPS`` -> ``NP``, else 2)."""
    return "NP" if tag.startswith("NNP") else tag[:2]


_STOCK, _CLASSES, _MODIFIERS = _load_lexicon()
STOCK: Mapping[str, Values] = _STOCK
"""Each lexicon form (lower case) with the values stock TextBlob scores it with: the average
over all its senses, whatever their part of speech."""
CLASSES: Mapping[str, Mapping[str, Values]] = _CLASSES
"""Each lexicon form with its values per part-of-speech class (``JJ``, ``NN``, ``VB``, ``RB``,
``UH``, ``NP``; empty for the few entries without a part of speech)."""
_LABELS: dict[str, str] = dict(_PATTERN_SENTIMENT.labeler)
_NEGATIONS = frozenset(_PATTERN_SENTIMENT.negations)
_TOKENIZE = _PATTERN_SENTIMENT.tokenizer
# find_tokens' constants (textblob._text), for textblob_tokens.
_PUNCT = tuple(PUNCTUATION.replace(".", ""))
_PUNCT_DOT = (*_PUNCT, ".")
_LEADING = frozenset(_PUNCT)
_TRAILING = frozenset(_PUNCT_DOT)
# The seven contraction rules in one pass: their matches never overlap, so inserting the space
# before each in one pass equals pattern's seven passes.
_CONTRACTION = re.compile("|".join(re.escape(a) for a in replacements))
# Any two neighbouring characters of an emoticon or of "(!)" with a space between them: where
# this is absent, pattern's emoticon and irony rules leave the tokens as they are. One branch
# per first character ("o [)._°]"), which the regular expression engine tries faster than one
# branch per pair.
_PAIRS: dict[str, set[str]] = {}
for _face in [*(f for faces in EMOTICONS.values() for f in faces), "(!)"]:
    for _a, _b in itertools.pairwise(_face):
        _PAIRS.setdefault(_a, set()).add(_b)
_JOINABLE = re.compile(
    "|".join(
        re.escape(a) + " [" + "".join(re.escape(b) for b in sorted(bs)) + "]"
        for a, bs in sorted(_PAIRS.items())
    )
)
_EMOTICON_POLARITY: dict[str, float] = {}
for (_kind, _p), _faces in EMOTICONS.items():
    for _face in _faces:
        _EMOTICON_POLARITY.setdefault(_face.lower(), _p)
# Tokens that can change the scoring loop's state or add a chunk while no negation or
# intensifier is pending, other than scored words: negations, "!", "(!)" and emoticons.
_STOPPERS = frozenset({*_NEGATIONS, "!", "(!)", *_EMOTICON_POLARITY})


# --- tokens ----------------------------------------------------------------------------------


def textblob_tokens(segment: str) -> list[str]:
    """Tokenise ``segment`` exactly as ``TextBlob(segment).sentiment`` does.

    Pattern's ``find_tokens``: contractions split ("do n't"), punctuation split off, quotation
    marks separate, emoticons kept whole. The same steps, done cheaper (one regular expression
    for the seven contraction rules, and a word without punctuation at either end taken as it
    is); where neighbouring tokens could be pieces of an emoticon or of "(!)", pattern's last
    step (sentences, then rejoining those pieces within each) runs on the tokens; where a
    paragraph break or pattern's end-of-sentence marker is inside the segment, pattern's own
    function is called instead. ``tests/test_sentiment.py`` and
    ``benchmarks/sentiment_identity.py`` check that both agree.
    """
    if "\n\n" in segment or "\n\r\n" in segment or EOS in segment:
        return " ".join(_TOKENIZE(segment)).split()  # pattern's paragraph-break rule applies
    string = _CONTRACTION.sub(r" \g<0>", segment) if "'" in segment else segment
    # pattern's six quotation-mark replacements, in its order (str.replace is the cheapest way)
    string = (
        string.replace("\u201c", " \u201c ")
        .replace("\u201d", " \u201d ")
        .replace("\u2018", " \u2018 ")
        .replace("\u2019", " \u2019 ")
        .replace("'", " ' ")
        .replace('"', ' " ')
    )
    tokens: list[str] = []
    append = tokens.append
    for t in string.split():
        if t[0] not in _LEADING and t[-1] not in _TRAILING:
            append(t)  # nothing to split off: most words
            continue
        pieces = _PIECES.get(t)
        if pieces is None:
            if len(_PIECES) >= _PIECES_MAX:
                _PIECES.clear()
            pieces = _PIECES[t] = _split_punctuation(t)
        tokens += pieces
    if _JOINABLE.search(" ".join(tokens)):
        # Two neighbouring tokens could be pieces of an emoticon (": )") or of "( ! )", which
        # pattern joins back per sentence: do that last step of pattern's as it does.
        return _join_sentences(tokens)
    return tokens


# The pieces of each token with punctuation at either end ("said." -> "said", "."), reused:
# a pure function of the token. Cleared when full, so it stays small.
_PIECES: dict[str, tuple[str, ...]] = {}
_PIECES_MAX = 50_000


def _split_punctuation(t: str) -> tuple[str, ...]:
    """pattern's ``find_tokens`` loop, unchanged, for one token with punctuation at an end."""
    tokens = []
    tail = []
    while t.startswith(_PUNCT) and t not in replacements:
        tokens.append(t[0])
        t = t[1:]
    while t.endswith(_PUNCT_DOT) and t not in replacements:
        if t.endswith(_PUNCT):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if (
                t in ABBREVIATIONS
                or RE_ABBR1.match(t) is not None
                or RE_ABBR2.match(t) is not None
                or RE_ABBR3.match(t) is not None
            ):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        tokens.append(t)
    tokens.extend(reversed(tail))
    return tuple(tokens)


def _join_sentences(tokens: list[str]) -> list[str]:
    """The end of pattern's ``find_tokens`` after its token loop, unchanged: split the tokens
    into sentences, join each with spaces, rejoin "( ! )" and emoticons within each sentence;
    then, as TextBlob's sentiment does, join the sentences and split on spaces."""
    sentences: list[list[str]] = [[]]
    i, j = 0, 0
    while j < len(tokens):
        if tokens[j] in ("...", ".", "!", "?", EOS):
            # Handle citations, trailing parenthesis, repeated punctuation (!?).
            while j < len(tokens) and tokens[j] in (
                "'",
                '"',
                "\u201d",
                "\u2019",
                "...",
                ".",
                "!",
                "?",
                ")",
                EOS,
            ):
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # Balanced quotes.
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    joined = (RE_SARCASM.sub("(!)", " ".join(s)) for s in sentences if len(s) > 0)
    return " ".join(
        RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in joined
    ).split()


def locate(text: str, forms: Sequence[str], start: int = 0) -> list[int]:
    """Start offset in ``text`` of each token of ``forms`` (tokenised from ``text[start:]``).

    Tokens are found left to right; a token the tokenizer rewrote (rare) gets -1.
    """
    out = []
    at = start
    find = text.find
    for form in forms:
        i = find(form, at)
        if i < 0 or (i > at + 1 and not text[at:i].isspace()):
            out.append(-1)
        else:
            out.append(i)
            at = i + len(form)
    return out


# --- the scoring loop --------------------------------------------------------------------------


class Assessment(NamedTuple):
    """One scored chunk, as TextBlob's ``assessments``: a lexicon word with its modifiers.

    ``tokens`` are indices into the sentence/article token list (negation, intensifier, the
    word, "!"); ``head`` is the lexicon word (or emoticon) itself; ``polarity`` and
    ``subjectivity`` are what enters the average; ``intensity`` is the factor an intensifier
    applied (1.0 if none); ``modifier`` is the intensifier's token index or -1.
    """

    tokens: tuple[int, ...]
    head: int
    polarity: float
    subjectivity: float
    intensity: float
    negated: bool
    modifier: int
    label: str | None


def assess(lower: Sequence[str], values: Sequence[Values | None]) -> list[Assessment]:
    """TextBlob's (pattern's) ``Sentiment.assessments`` loop, keeping token indices.

    See :func:`assess_state`, which also says whether a negation or an intensifier is still
    waiting for a word at the end.
    """
    return assess_state(lower, values)[0]


def assess_state(
    lower: Sequence[str], values: Sequence[Values | None]
) -> tuple[list[Assessment], bool]:
    """TextBlob's (pattern's) ``Sentiment.assessments`` loop, keeping token indices.

    The logic and the floating-point operations are pattern's, step for step, so averaging
    the result reproduces ``TextBlob(text).sentiment`` exactly when ``values`` are the stock
    values.

    Args:
        lower: Lower-cased tokens.
        values: For each token, ``(polarity, subjectivity, intensity)`` if it is scored, else
            ``None`` (an unknown word, or one the news-aware mode leaves out).

    Returns:
        One :class:`Assessment` per scored chunk, in text order; and True if a negation or an
        intensifier is pending at the end (it would reach into a following text).
    """
    if values.count(None) == len(values) and _STOPPERS.isdisjoint(lower):
        return [], False  # no scored word and no token the loop acts on: nothing happens
    a: list[dict] = []
    m: int | None = None  # preceding modifier (a scored word that can intensify)
    n: int | None = None  # preceding negation
    for k, w in enumerate(lower):
        v = values[k]
        if v is None and n is None and m is None and w not in _STOPPERS:
            continue  # nothing pending and a token none of the rules below acts on
        if v is not None:
            p, s, i = v
            if m is None:
                a.append(
                    {
                        "w": [k],
                        "p": p,
                        "s": s,
                        "i": i,
                        "n": 1,
                        "x": _LABELS.get(w),
                        "h": k,
                        "f": 1.0,
                        "m": -1,
                    }
                )
            else:
                last = a[-1]
                last["w"].append(k)
                last["f"] = last["i"]
                last["m"] = last["h"]
                last["p"] = max(-1.0, min(p * last["i"], +1.0))
                last["s"] = max(-1.0, min(s * last["i"], +1.0))
                last["i"] = i
                last["x"] = _LABELS.get(w)
                last["h"] = k
            if n is not None:
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = None
            n = None
            if w in _MODIFIERS:
                m = k
            if w in _NEGATIONS:
                n = k
        else:
            if w in _NEGATIONS:
                n = k
            elif n is not None and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and lower[m].endswith("ly"):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m is not None and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append(k)
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append(
                    {
                        "w": [k],
                        "p": 0.0,
                        "s": 1.0,
                        "i": 1.0,
                        "n": 1,
                        "x": IRONY,
                        "h": k,
                        "f": 1.0,
                        "m": -1,
                    }
                )
            if w.isalpha() is False and len(w) <= 5 and w not in PUNCTUATION:
                face = _EMOTICON_POLARITY.get(w)
                if face is not None:
                    a.append(
                        {
                            "w": [k],
                            "p": face,
                            "s": 1.0,
                            "i": 1.0,
                            "n": 1,
                            "x": MOOD,
                            "h": k,
                            "f": 1.0,
                            "m": -1,
                        }
                    )
    out = [
        Assessment(
            tuple(d["w"]),
            d["h"],
            d["p"] * -0.5 if d["n"] < 0 else d["p"],
            d["s"],
            d["f"],
            d["n"] < 0,
            d["m"],
            d["x"],
        )
        for d in a
    ]
    return out, m is not None or n is not None


def score(assessments: Sequence[Assessment]) -> tuple[float, float]:
    """Average polarity and subjectivity of assessments as TextBlob does (0.0 if there are none)."""
    sp: float = 0  # int 0 as in pattern (0 + x == x exactly)
    ss: float = 0
    n = 0
    for x in assessments:
        sp += x.polarity
        ss += x.subjectivity
        n += 1
    return sp / float(n or 1), ss / float(n or 1)
