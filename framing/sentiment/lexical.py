"""TextBlob's lexicon scoring, reproduced exactly (``stock``) and made news-aware (``news``).

TextBlob's ``PatternAnalyzer`` (the default behind ``TextBlob(text).sentiment``) comes from the
*pattern* library. It tokenises the text, looks every lower-cased token up in ``en-sentiment.xml``
(about 2,900 word forms, mostly adjectives, each with polarity -1..+1, subjectivity 0..1 and an
intensity), and averages the polarity and subjectivity of the words it finds. An adverb that is in
the lexicon ("very", intensity 1.3) multiplies the next lexicon word; "no", "not", "n't", "never"
before a lexicon word flip its polarity and halve it ("not good" = -0.35); "!" boosts the word
before it by 25%. This module re-implements that loop token by token so that every score can name
the words behind it, with character offsets, and so that the news-aware mode can leave words out.

Stock TextBlob ignores part of speech: each token is scored with the average of all its lexicon
senses, so the noun "base" (a military base) scores as the adjective "base" (-0.8, "mean,
cowardly"), the verb "rose" as the colour adjective "rose" (+0.6). The news-aware mode tags each
sentence that holds a lexicon word with TextBlob's own offline Brill tagger
(``textblob.en.parser.find_tags``, the tagger behind ``PatternTagger``; no NLTK data) and scores
a lexicon word only where its part of speech in context matches one of its lexicon entries:

* a word tagged as a noun, verb or proper noun whose entries are all adjectives is dropped
  (``"a military base"``, ``"GDP rose"``, ``"Al-Assad Air Base"``);
* a participle (``VBN``/``VBG``) may stand for an adjective entry (``"a troubled region"``);
* an adjective entry tagged as a noun but coordinated with an adjective (``"a base and cowardly
  attack"``) is read as the adjective the tagger missed;
* a small override table (:data:`DEFAULT_OVERRIDES`, ``framing/lexicons/sentiment_overrides.tsv``)
  handles what part of speech cannot: words whose lexicon *sense* is evaluative but whose news
  sense is descriptive ("top" general, "significant" reduction). Every override names its reason,
  and users can pass their own file.

Everything else (negation, intensifiers, "!", averaging) is TextBlob's logic unchanged, so a text
without affected words scores exactly as stock TextBlob.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from textblob._text import CD as _CD
from textblob._text import EMOTICONS, IRONY, MOOD, PUNCTUATION, _suffix_rules
from textblob.en import lexicon as _PATTERN_LEXICON
from textblob.en import sentiment as _PATTERN_SENTIMENT

from framing._resources import read_tsv

__all__ = [
    "DEFAULT_OVERRIDES",
    "STOCK",
    "Assessment",
    "Decision",
    "Mode",
    "Override",
    "assess",
    "decide",
    "index_overrides",
    "load_overrides",
    "locate",
    "pattern_tag",
    "score",
    "textblob_tokens",
]

Mode = Literal["news", "pos", "stock"]
"""``"news"``: part-of-speech check plus overrides (default); ``"pos"``: the part-of-speech check
only; ``"stock"``: exactly ``TextBlob(text).sentiment``."""

DEFAULT_OVERRIDES = "sentiment_overrides.tsv"

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
                groups.setdefault(_tag_class(pos), []).append(list(psi))
        by_class[form] = {
            cls: tuple(sum(col) / len(col) for col in zip(*rows, strict=True))
            for cls, rows in groups.items()
        }
        if any(pos in _PATTERN_SENTIMENT.modifiers for pos in senses):
            modifiers.add(form)
    return stock, by_class, frozenset(modifiers)


def _tag_class(tag: str) -> str:
    """Penn tag -> class matched against lexicon entries (``NNP``/``NNPS`` -> ``NP``, else 2)."""
    return "NP" if tag.startswith("NNP") else tag[:2]


_STOCK, _CLASSES, _MODIFIERS = _load_lexicon()
STOCK: Mapping[str, Values] = _STOCK
"""Each lexicon form (lower case) with the values stock TextBlob scores it with: the average
over all its senses, whatever their part of speech."""
_LABELS: dict[str, str] = dict(_PATTERN_SENTIMENT.labeler)
_NEGATIONS = frozenset(_PATTERN_SENTIMENT.negations)
_TOKENIZE = _PATTERN_SENTIMENT.tokenizer
len(_PATTERN_LEXICON)  # pattern's tagger lexicon is lazy too
_TAG_LEXICON: dict[str, str] = dict(dict.items(_PATTERN_LEXICON))
_EMOTICON_POLARITY: dict[str, float] = {}
for (_kind, _p), _faces in EMOTICONS.items():
    for _face in _faces:
        _EMOTICON_POLARITY.setdefault(_face.lower(), _p)


# --- tokens and tags ---------------------------------------------------------------------------


def textblob_tokens(segment: str) -> list[str]:
    """Tokenise ``segment`` exactly as ``TextBlob(segment).sentiment`` does.

    Pattern's ``find_tokens``: contractions split ("do n't"), punctuation split off, quotation
    marks separate, emoticons kept whole.
    """
    return " ".join(_TOKENIZE(segment)).split()


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


def pattern_tag(form: str, first: bool = False) -> str:
    """The Penn tag TextBlob's offline ``PatternTagger`` gives a token, exactly.

    TextBlob's pattern tagger (``textblob.en.parser.find_tags``) looks each token up in pattern's
    lexicon (``en-lexicon.txt``, 94,000 forms with their most frequent tag; the first token of a
    sentence is also looked up in lower case); an unknown token is ``NNP`` if capitalised, ``CD``
    if numeric, else tagged by its suffix ("-ly" ``RB``, "-ed" ``VBN``, ...). TextBlob does not
    apply pattern's contextual (Brill) rules, so a token's tag depends only on the token and
    whether it starts the sentence; this function computes it for one token, which lets the
    news-aware mode tag just the words it needs. ``tests/test_sentiment.py`` checks it against
    ``find_tags`` on real sentences.
    """
    return _pattern_tag(form, first)


@cache
def _pattern_tag(form: str, first: bool) -> str:
    tag = _TAG_LEXICON.get(form) or (_TAG_LEXICON.get(form.lower()) if first else None)
    if tag is not None:
        return tag
    if form.istitle():
        return "NNP"
    if _CD.match(form) is not None:
        return "CD"
    return _suffix_rules([form, "NN"])[1]


# --- overrides ---------------------------------------------------------------------------------


class Override(NamedTuple):
    """One row of an override table.

    ``context`` is ``*`` (anywhere) or a space-separated pattern in which ``_`` stands for the
    term, lower-case words must match the neighbouring tokens and upper-case words (``NNP``)
    their part-of-speech tags, e.g. ``_ domestic product``.
    """

    term: str
    pos: str
    context: str
    action: Literal["drop", "keep", "score"]
    polarity: float
    subjectivity: float
    reason: str


@cache
def _package_overrides(name: str) -> tuple[Override, ...]:
    return tuple(_parse_overrides(read_tsv(name), name))


def _parse_overrides(rows: list[dict[str, str]], source: str) -> list[Override]:
    out = []
    for number, row in enumerate(rows, start=1):
        action = row.get("action", "")
        if action not in ("drop", "keep", "score"):
            raise ValueError(
                f"{source} row {number}: action must be drop, keep or score, not {action!r}"
            )
        context = row.get("context") or "*"
        if context != "*" and "_" not in context.split():
            raise ValueError(f"{source} row {number}: context {context!r} has no '_' for the term")
        out.append(
            Override(
                term=row["term"].lower(),
                pos=row.get("pos") or "*",
                context=context,
                action=action,  # type: ignore[arg-type]
                polarity=float(row.get("polarity") or 0.0),
                subjectivity=float(row.get("subjectivity") or 0.0),
                reason=row.get("reason", ""),
            )
        )
    return out


def load_overrides(source: bool | str | Path | Sequence[Override] = True) -> tuple[Override, ...]:
    """Load an override table.

    Args:
        source: ``True`` for the bundled ``sentiment_overrides.tsv``; ``False`` for none; a path
            to your own TSV with the columns ``term, pos, context, action, polarity,
            subjectivity, reason``; or a sequence of :class:`Override`.

    Returns:
        The overrides, in file order (the first matching row wins).
    """
    if source is True:
        return _package_overrides(DEFAULT_OVERRIDES)
    if source is False:
        return ()
    if isinstance(source, (str, Path)):
        if str(source) == DEFAULT_OVERRIDES:
            return _package_overrides(DEFAULT_OVERRIDES)
        return tuple(_parse_overrides(read_tsv(Path(source)), str(source)))
    return tuple(source)


@cache
def index_overrides(overrides: tuple[Override, ...]) -> dict[str, tuple[Override, ...]]:
    """Override rules grouped by term, in file order (what :func:`decide` takes)."""
    index: dict[str, list[Override]] = {}
    for rule in overrides:
        index.setdefault(rule.term, []).append(rule)
    return {term: tuple(rules) for term, rules in index.items()}


def _context_matches(rule: Override, k: int, forms: Sequence[str], lower: Sequence[str]) -> bool:
    if rule.context == "*":
        return True
    parts = rule.context.split()
    anchor = parts.index("_")
    for offset, part in enumerate(parts):
        j = k - anchor + offset
        if part == "_":
            continue
        if not 0 <= j < len(lower):
            return False
        if _TAG_PATTERN.fullmatch(part):
            if not pattern_tag(forms[j], j == 0).startswith(part):
                return False
        elif lower[j] != part:
            return False
    return True


_TAG_PATTERN = re.compile(r"[A-Z$]+")


# --- deciding what counts ----------------------------------------------------------------------


class Decision(NamedTuple):
    """Whether a lexicon word counts in context, with what values, and why."""

    values: Values | None  # None: the word is left out (treated as an unknown word)
    pos: str  # its tag in context ("" in stock mode)
    reason: str


def decide(
    k: int,
    forms: Sequence[str],
    lower: Sequence[str],
    *,
    mode: Mode,
    overrides: Mapping[str, Sequence[Override]] | None = None,
) -> Decision:
    """Decide how the lexicon word ``lower[k]`` is scored in its sentence.

    Args:
        k: Index of the token in the sentence.
        forms: The sentence's tokens as written (the tagger is case-sensitive).
        lower: The same tokens in lower case.
        mode: ``"stock"``, ``"pos"`` or ``"news"``.
        overrides: Override rules by term, from :func:`index_overrides` (used in ``"news"``
            mode).

    Returns:
        The values to score with (``None`` to leave the word out), the tag, and the reason:
        ``stock``, ``pos match``, ``participle as adjective``, ``coordinated with an
        adjective``, ``no part of speech in lexicon``, ``pos mismatch: tagged X, lexicon Y``
        or ``override: ...``.
    """
    form = lower[k]
    if mode == "stock":
        return Decision(_STOCK[form], "", "stock")
    tag = pattern_tag(forms[k], k == 0)
    cls = _tag_class(tag)
    classes = _CLASSES[form]
    # An adjective sense read as a noun but coordinated with an adjective ("a base and
    # cowardly attack"): the tagger has no context rules, so repair the one pattern that
    # reliably shows an adjective.
    coordinated = (
        cls == "NN"
        and "JJ" in classes
        and "NN" not in classes
        and k + 2 < len(forms)
        and pattern_tag(forms[k + 1]) == "CC"
        and pattern_tag(forms[k + 2]).startswith("JJ")
    )
    if coordinated:
        cls = "JJ"
    if mode == "news" and overrides:
        for rule in overrides.get(form, ()):
            if rule.pos not in ("*", cls) or not _context_matches(rule, k, forms, lower):
                continue
            reason = f"override: {rule.reason}"
            if rule.action == "drop":
                return Decision(None, tag, reason)
            if rule.action == "score":
                return Decision((rule.polarity, rule.subjectivity, 1.0), tag, reason)
            return Decision(classes.get(cls, _STOCK[form]), tag, reason)
    if not classes:
        return Decision(_STOCK[form], tag, "no part of speech in lexicon")
    if cls in classes:
        return Decision(
            classes[cls], tag, "coordinated with an adjective" if coordinated else "pos match"
        )
    if cls == "VB" and tag in ("VBN", "VBG") and "JJ" in classes:
        return Decision(classes["JJ"], tag, "participle as adjective")
    return Decision(None, tag, f"pos mismatch: tagged {tag}, lexicon {'/'.join(sorted(classes))}")


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

    The logic and the floating-point operations are pattern's, step for step, so averaging
    the result reproduces ``TextBlob(text).sentiment`` exactly when ``values`` are the stock
    values.

    Args:
        lower: Lower-cased tokens.
        values: For each token, ``(polarity, subjectivity, intensity)`` if it is scored, else
            ``None`` (an unknown word, or one the news-aware mode leaves out).

    Returns:
        One :class:`Assessment` per scored chunk, in text order.
    """
    a: list[dict] = []
    m: int | None = None  # preceding modifier (a scored word that can intensify)
    n: int | None = None  # preceding negation
    for k, w in enumerate(lower):
        v = values[k]
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
    return [
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
