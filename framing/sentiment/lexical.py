"""The news-aware TextBlob mode: a part-of-speech check and an override table.

Stock TextBlob ignores part of speech: each token is scored with the average of all its lexicon
senses, so the noun "base" (a military base) scores as the adjective "base" (-0.8, "mean,
cowardly"), the verb "rose" as the colour adjective "rose" (+0.6). The news-aware mode checks
each lexicon word's part of speech with TextBlob's own offline tagger (the ``PatternTagger``:
``textblob.en.parser.find_tags``; no NLTK data) and scores it only where the tag matches one of
its lexicon entries. That tagger gives a known word its most frequent tag from pattern's 94,000-
word lexicon (TextBlob does not run pattern's contextual rules), an unknown capitalised word
``NNP``, others a tag from their suffix; so the check catches words whose usual part of speech is
not their sentiment sense and names written as proper nouns:

* a word tagged as a noun, verb, adverb or proper noun whose entries are all adjectives is left
  out ("a military base", "GDP rose", "Al-Assad Air Base", "the Pentagon confirmed");
* a participle (``VBN``/``VBG``) may stand for an adjective entry ("she was disappointed");
* a noun may stand for a verb entry of the same word and back ("love", "anger", "win": noun and
  verb share the evaluation, unlike the adjective/noun homographs above);
* an adjective entry tagged as a noun but coordinated with an adjective ("a base and cowardly
  attack") is read as the adjective the context-free tagger missed.

What part of speech cannot settle goes to a small override table (``framing/lexicons/
sentiment_overrides.tsv``): adjectives whose lexicon sense is an evaluation but whose news sense
describes quantity, time, rank or a field ("more", "first", "top" general, "significant"
reduction, "military"). Every override names its reason, and users can pass their own file. The
news-aware modes also read the "n't" of contractions as a negation, which pattern's tokenizer
loses ("It isn't good." is +0.7 in stock TextBlob).

Everything else (negation scope, intensifiers, "!", averaging) is TextBlob's logic unchanged, so a
text without affected words scores exactly as stock TextBlob.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

from framing._resources import read_tsv
from framing.pos import pattern_tag
from framing.sentiment.pattern import CLASSES, STOCK, Values, tag_class

__all__ = [
    "DEFAULT_OVERRIDES",
    "Decision",
    "Mode",
    "Override",
    "context_free",
    "contraction_negations",
    "decide",
    "index_overrides",
    "load_overrides",
    "pattern_tag",
]

Mode = Literal["news", "pos", "stock"]
"""``"news"``: part-of-speech check plus overrides (default); ``"pos"``: the part-of-speech check
only; ``"stock"``: exactly ``TextBlob(text).sentiment``."""

DEFAULT_OVERRIDES = "sentiment_overrides.tsv"


def contraction_negations(lower: list[str]) -> list[str]:
    """Read the "n't" of a contraction as the negation it is.

    Pattern's tokenizer first splits "isn't" into ``is n't`` and then splits every apostrophe
    off, leaving ``is n ' t``; with a curly apostrophe ("isn’t", as most web news prints it) it
    leaves ``isn ’ t``. Either way the negation list's "n't" never appears, so stock TextBlob
    scores "It isn't good." like "It is good." (+0.7). The news-aware modes read that ``t`` as
    ``n't`` (tokens stay where they are, so offsets do not move): "It isn't good." scores
    -0.35, as "It is not good." does.
    """
    if "t" not in lower:
        return lower  # nothing to change: the same list, not a copy
    out = list(lower)
    for k in range(2, len(out)):
        if out[k] == "t" and out[k - 1] in ("'", "\u2019") and out[k - 2].endswith("n"):
            out[k] = "n't"
    return out


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


def context_free(
    k: int, forms: Sequence[str], lower: Sequence[str], overrides: Mapping[str, Sequence[Override]]
) -> bool:
    """True if :func:`decide` for ``lower[k]`` depends only on the token and whether it starts
    the sentence (no coordination repair possible, no override with a context), so its result
    can be reused for every occurrence."""
    classes = CLASSES[lower[k]]
    if "JJ" in classes and "NN" not in classes and tag_class(pattern_tag(forms[k], k == 0)) == "NN":
        return False
    return all(rule.context == "*" for rule in overrides.get(lower[k], ()))


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
        ``stock``, ``pos match``, ``participle as adjective``, ``noun and verb of one word``,
        ``coordinated with an adjective``, ``no part of speech in lexicon``, ``pos mismatch:
        tagged X, lexicon Y`` or ``override: ...``.
    """
    form = lower[k]
    if mode == "stock":
        return Decision(STOCK[form], "", "stock")
    tag = pattern_tag(forms[k], k == 0)
    cls = tag_class(tag)
    classes = CLASSES[form]
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
            return Decision(classes.get(cls, STOCK[form]), tag, reason)
    if not classes:
        return Decision(STOCK[form], tag, "no part of speech in lexicon")
    if cls in classes:
        return Decision(
            classes[cls], tag, "coordinated with an adjective" if coordinated else "pos match"
        )
    if cls == "VB" and tag in ("VBN", "VBG") and "JJ" in classes:
        return Decision(classes["JJ"], tag, "participle as adjective")
    if cls in ("NN", "VB") and (other := "VB" if cls == "NN" else "NN") in classes:
        return Decision(classes[other], tag, "noun and verb of one word")
    return Decision(None, tag, f"pos mismatch: tagged {tag}, lexicon {'/'.join(sorted(classes))}")
