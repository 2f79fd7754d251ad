"""Shallow parse of one sentence: Penn tags and phrase chunks on the article's own tokens.

TextBlob bundles Pattern's tagger and chunker, which run offline (no NLTK data). Its relation
finder and lemmatiser are not bundled (``parse(..., relations=True)`` and ``lemmata=True`` raise
``NameError`` in TextBlob 0.20), so roles are worked out in :mod:`framing.agency.forms` from
the chunks. The tagger looks each word up on its own (no contextual rules), so a few
news-specific corrections are applied before chunking (:func:`fix_tags`).

Words are the :class:`~framing.text.Doc`'s tokens plus each punctuation mark between them, and a
possessive "'s" split off its noun, so every :class:`Word` has exact offsets into the text.

References:
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13, 2063-2067.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from textblob._text import find_chunks
from textblob.en import parser as _pattern

from framing._resources import read_tsv
from framing.agency.words import agency_words
from framing.pos import pattern_tag
from framing.text import Doc

__all__ = ["AUXILIARIES", "BE", "Word", "fix_tags", "parse_sentence", "verb_or_noun"]

BE = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "get",
        "gets",
        "got",
        "gotten",
        "getting",
    ]
)
AUXILIARIES = BE | frozenset(
    [
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
    ]
)
_SUBJECT_PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they", "who", "that", "which"])
_OBJECT_START = ("DT", "PRP$", "PRP", "CD", "NNP", "NNPS", "PDT")
_NOUN_LEFT = ("DT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD")
_NOUN_SLOT = frozenset({"DT", "NNP", "NN", "PRP$"})
#: Adjectives that are also nouns naming actors, read as nouns before a verb.
_JJ_NOUNS = agency_words("jj_noun")
#: Irregular past forms tagged as past verbs when an event word is read as a verb.
_IRREGULAR_PAST = agency_words("irregular_past")


class Word(NamedTuple):
    """A word or punctuation mark of a sentence, with its tag and chunk.

    Attributes:
        start: Offset in the article text.
        end: End offset.
        text: The word as written (normalised quotes/dashes, original case).
        low: Lower case.
        tag: Penn tag (after :func:`fix_tags`).
        chunk: ``"NP"``, ``"VP"``, ``"PP"``, ``"ADJP"``, ``"ADVP"``, ... or ``""``.
        begins: Whether the word begins its chunk.
    """

    start: int
    end: int
    text: str
    low: str
    tag: str
    chunk: str
    begins: bool


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbreviation"].lower() for row in read_tsv("abbreviations.tsv"))


def _spans(doc: Doc, k: int) -> list[tuple[int, int]]:
    """Offsets of the words of sentence ``k``: tokens, punctuation marks, split-off "'s".

    A listed abbreviation keeps its dot ("Gen.", "Jan."), as the tagger expects.
    """
    sentence = doc.sentences[k]
    norm = doc.norm
    abbreviations = _abbreviations()
    spans: list[tuple[int, int]] = []
    pos = sentence.start
    for tok in doc.sentence_tokens[k]:
        if tok.start < pos:
            continue  # the dot of an abbreviation was taken already
        end = tok.end
        if norm[end : end + 1] == "." and f"{tok.norm}." in abbreviations:
            end += 1
        if tok.start == pos + 1 and norm[pos] == "-" and spans and spans[-1][1] == pos:
            # "23-year-old": the tokenizer splits a number from its hyphenated rest
            spans[-1] = (spans[-1][0], end)
            pos = end
            continue
        spans.extend((i, i + 1) for i in range(pos, tok.start) if not norm[i].isspace())
        if tok.norm.endswith("'s") and tok.end - tok.start > 2:
            spans.extend([(tok.start, tok.end - 2), (tok.end - 2, tok.end)])
        else:
            spans.append((tok.start, end))
        pos = end
    spans.extend((i, i + 1) for i in range(pos, sentence.end) if not norm[i].isspace())
    return spans


def _verb_tag(low: str) -> str:
    if low.endswith("ing"):
        return "VBG"
    if low.endswith("ed") or low in _IRREGULAR_PAST:
        return "VBD"
    if low.endswith("s") and not low.endswith("ss"):
        return "VBZ"
    return "VB"


def verb_or_noun(words: list[str], tags: list[str], i: int) -> str:
    """Whether a word that can be a verb or a noun ("attack", "strikes", "killing") is either.

    Pattern's tagger gives each word its most frequent tag, so "attack" is always a noun and
    "killing" always a verb. Read from the neighbours instead:

    * a noun after a determiner, possessive, adjective or number ("the killing", "US
      strikes" after "the"), or an "-ing" form before "of" ("killing of Soleimani");
    * a verb after "to", a modal or auxiliary, or a subject pronoun ("they attacked");
    * after a noun: a verb when an object starts next ("militias attack US bases"), else a
      noun ("rocket attacks on bases", "a drone strike in 2020");
    * after a preposition: an "-ing" verb when an object follows ("after killing two
      soldiers"), else a noun ("after attacks on").

    Returns:
        ``"verb"``, ``"noun"``, or ``""`` (keep the tagger's reading).
    """
    low = words[i].lower()
    prev_low = words[i - 1].lower() if i > 0 else ""
    prev = tags[i - 1] if i > 0 else ""
    nxt = tags[i + 1] if i + 1 < len(tags) else ""
    nxt_low = words[i + 1].lower() if i + 1 < len(words) else ""
    object_next = nxt.startswith(_OBJECT_START)
    if low.endswith("ing") and nxt_low == "of":
        return "noun"
    if prev_low == "to":
        # an infinitive takes the base form: "to attack", not "respond to attacks"
        inflected = low.endswith("ed") or (low.endswith("s") and not low.endswith("ss"))
        return "noun" if inflected else "verb"
    if prev == "MD" or prev_low in AUXILIARIES:
        return "verb"
    if prev_low in _SUBJECT_PRONOUNS or prev in ("WDT", "WP"):
        return "verb"
    if prev.startswith(_NOUN_LEFT):
        return "noun"
    if prev.startswith("NN"):
        return "verb" if object_next else "noun"
    if prev == "IN":
        return "verb" if low.endswith("ing") and object_next else "noun"
    if i == 0 or not prev[:1].isalpha():
        if low.endswith("ing") and object_next and i > 0:
            return "verb"  # ", shooting 50 people"
        return "noun" if low.endswith("s") and not object_next else ""
    return ""


def fix_tags(
    words: list[str],
    tags: list[str],
    verbs: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> list[str]:
    """Correct the context-free tags where news text trips them up.

    * An acronym in capitals is a proper noun ("US" is tagged as the pronoun "us").
    * A hyphenated word ending in "-ed" is an adjective ("Iran-backed", "US-led"); one ending
      in a capitalised part takes that part's tag ("pro-Iranian" adjective, "al-Muhandis"
      proper noun).
    * An event word is read from its neighbours (:func:`verb_or_noun`): a word in both
      ``verbs`` and ``nouns`` ("attack", "killing") takes either reading, a word only in
      ``verbs`` only the verb reading ("to end", tagged as the noun), a word only in ``nouns``
      only the noun reading.
    * A past participle between a determiner and a noun is an adjective ("the targeted
      killing").
    """
    tags = list(tags)
    for i, word in enumerate(words):
        tag = tags[i]
        if len(word) > 1 and word.isupper() and any(c.isalpha() for c in word):
            tags[i] = "NNP"
        elif "-" in word.strip("-"):
            last = word.rsplit("-", 1)[1]
            if word.lower().endswith("ed") or word[:1].isdigit():
                tags[i] = "JJ"  # "Iran-backed", "US-led", "23-year-old"
            elif last[:1].isupper():
                tags[i] = pattern_tag(last)
        elif (
            tag in ("VBN", "VBD", "VBG")
            and 0 < i < len(words) - 1
            and tags[i - 1] in ("DT", "PRP$", "JJ")
            and tags[i + 1].startswith("NN")
        ):
            tags[i] = "JJ"  # "the targeted killing", "a threatening statement"
    for i in range(1, len(words)):
        nxt = tags[i + 1] if i + 1 < len(words) else "."
        if tags[i] in ("VB", "VBP") and tags[i - 1] in ("DT", "PRP$"):
            tags[i] = "NN"  # "the suspect", "a strike" (the tagger gives a verb reading)
        elif (
            tags[i] == "JJ"
            and words[i].lower() in _JJ_NOUNS
            and tags[i - 1] in _NOUN_SLOT
            and not nxt.startswith(("NN", "JJ"))
        ):
            tags[i] = "NN"  # "the US military launched", "ordered the military to"
    for i, word in enumerate(words):
        low = word.lower()
        if low in verbs or low in nouns:
            reading = verb_or_noun(words, tags, i)
            if reading == "verb" and low in verbs:
                tags[i] = _verb_tag(low)
            elif reading == "noun" and low in nouns:
                tags[i] = "NNS" if low.endswith("s") and not low.endswith("ss") else "NN"
    return tags


def parse_sentence(
    doc: Doc, k: int, verbs: frozenset[str] = frozenset(), nouns: frozenset[str] = frozenset()
) -> list[Word]:
    """Tag and chunk sentence ``k`` of ``doc``.

    Args:
        doc: The parsed article.
        k: Sentence index.
        verbs: Lower-case event verb forms (see :func:`fix_tags`).
        nouns: Lower-case event nouns.

    Returns:
        The sentence's words in order, each with offsets, Penn tag and chunk.
    """
    spans = _spans(doc, k)
    if not spans:
        return []
    words = [doc.norm[s:e] for s, e in spans]
    tagged = _pattern.find_tags(words)
    tags = fix_tags(words, [t[1] for t in tagged], verbs, nouns)
    chunked = find_chunks([[w, t] for w, t in zip(words, tags, strict=True)], language="en")
    out = []
    for (start, end), token in zip(spans, chunked, strict=True):
        chunk = token[2] if len(token) > 2 else "O"
        out.append(
            Word(
                start=start,
                end=end,
                text=token[0],
                low=token[0].lower(),
                tag=token[1],
                chunk="" if chunk == "O" else chunk[2:],
                begins=chunk.startswith("B-"),
            )
        )
    return out
