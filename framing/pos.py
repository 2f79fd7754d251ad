"""Part of speech for word lists: is this word used here as the adjective the list means?

Loaded-word lists rate a word in one part of speech ("striking" as an adjective: remarkable) that
news often uses in another ("jets were striking militia positions"). This module answers, for one
token, which part of speech TextBlob's offline pattern tagger gives it (:func:`pattern_tag`),
whether a participle is the verb of its clause (:func:`verbal_participle`), and whether a
lexicon entry's part of speech applies (:func:`pos_matches`). No NLTK data is needed.

References:
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13 (the tagger lexicon
    TextBlob ships as ``textblob/en/en-lexicon.txt``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from textblob._text import CD as _CD
from textblob._text import _suffix_rules
from textblob.en import lexicon as _PATTERN_LEXICON

from framing.text import Doc, Token

__all__ = ["POS_CLASSES", "pattern_tag", "pos_matches", "verbal_participle"]

POS_CLASSES = frozenset({"", "JJ", "RB", "NN", "VB"})
len(_PATTERN_LEXICON)  # pattern's tagger lexicon loads lazily
_TAG_LEXICON: dict[str, str] = dict(dict.items(_PATTERN_LEXICON))
_AUXILIARIES = frozenset(
    {"am", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having"}
)
_OBJECT_TAGS = ("DT", "PRP", "CD", "NN", "NNS", "NNP", "NNPS", "PDT")


@cache
def pattern_tag(form: str, first: bool = False) -> str:
    """The Penn tag TextBlob's offline ``PatternTagger`` gives one token.

    TextBlob's pattern tagger looks a token up in pattern's lexicon (``en-lexicon.txt``: each
    form's most frequent tag; the first word of a sentence also in lower case), tags an unknown
    capitalised token ``NNP``, a number ``CD``, and other unknown tokens by suffix; TextBlob
    does not run pattern's contextual rules, so the tag of a token does not depend on its
    neighbours and can be computed for just the candidate words (no NLTK data needed).
    """
    tag = _TAG_LEXICON.get(form) or (_TAG_LEXICON.get(form.lower()) if first else None)
    if tag is not None:
        return tag
    if form.istitle():
        return "NNP"
    if _CD.match(form) is not None:
        return "CD"
    return str(_suffix_rules([form, "NN"])[1])


def verbal_participle(doc: Doc, tokens: Sequence[Token], i: int) -> bool:
    """Whether the "-ing"/"-ed" word at ``i`` is a verb form taking an object.

    A participle followed by its object (a determiner, pronoun, number or noun) is the verb of
    its clause, not an adjective, when it comes

    * after a form of "be" or "have" (one adverb may come between): the progressive or
      perfect ("were striking militia positions", "have devastated the region");
    * ("-ing" forms) right after a dash, comma, semicolon or colon: a participial clause
      ("The US has responded twice - striking militia positions on the Iraq-Syria border").

    Otherwise it is read as the adjective it may be ("a striking resemblance", "the results
    were striking").
    """
    word = tokens[i].norm
    if not word.endswith(("ing", "ed")) or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    if not pattern_tag(doc.text[nxt.start : nxt.end]).startswith(_OBJECT_TAGS):
        return False
    if i == 0:
        return False
    gap = doc.norm[tokens[i - 1].end : tokens[i].start]
    if word.endswith("ing") and gap.strip() in ("-", ",", ";", ":"):
        return True
    k = i - 1
    if gap.isspace() and pattern_tag(doc.text[tokens[k].start : tokens[k].end]).startswith("RB"):
        k -= 1
    prev = tokens[k].norm
    return k >= 0 and (prev in _AUXILIARIES or prev.endswith(("'re", "'ve")))


def pos_matches(pos: str, tag: str, *, adverb: bool = False, verbal: bool = False) -> bool:
    """Whether a token tagged ``tag`` is used as the part of speech ``pos`` a term requires.

    * ``JJ`` (an evaluative adjective): an adjective; a participle used as one ("a
      disgusting display"), not one that is the verb of its clause with an object
      (``verbal``); an adverb when the adjective was reached through "-ly" ("brazenly").
    * ``RB``: an adverb (or the adjective the tagger sometimes gives for one).
    * ``NN``, ``VB``: a noun or a verb: noun and verb of one word share their evaluation
      ("a sham", "to sham"), unlike the adjective/noun homographs the check is for.
    * ``""``: any.

    Args:
        pos: The entry's ``pos``.
        tag: The token's Penn tag (:func:`pattern_tag`).
        adverb: The term was matched through an adverb ending.
        verbal: The token is a participle taking an object (see :func:`verbal_participle`).

    Returns:
        True when the entry applies.
    """
    if not pos:
        return True
    cls = tag[:2]
    if pos == "JJ":
        if verbal:
            return False
        return cls == "JJ" or tag in ("VBN", "VBG") or (adverb and cls == "RB")
    if pos == "RB":
        return cls in ("RB", "JJ")
    return cls in ("NN", "VB") and not tag.startswith("NNP")
