"""Most-frequent part of speech of an English word, from TextBlob's offline Brill lexicon.

A dictionary look-up, no tagging model: quick enough to check a handful of words around each
cue. The lexicon ships with TextBlob (``textblob/en/en-lexicon.txt``, from Brill's tagger
trained on the Brown corpus and Penn Treebank); nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["is_finite_verb", "tag", "wordset"]


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the white-space separated words in ``words`` (for word lists in code)."""
    return frozenset(words.split())


@cache
def _lexicon() -> dict[str, str]:
    # find the file without importing textblob (whose import pulls in NLTK: about a second)
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "en" / "en-lexicon.txt"
    text = path.read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith(";") or " " not in line:
            continue
        word, _, pos = line.partition(" ")
        out.setdefault(word, pos.split()[0] if pos else "")
    return out


@lru_cache(maxsize=131072)
def tag(word: str) -> str:
    """The Penn tag a word most often has ("said" -> "VBD"), "" when the word is unknown."""
    lex = _lexicon()
    return lex.get(word) or lex.get(word.lower(), "")


_FINITE = wordset(
    """is are was were am be has have had will would can could shall should may might must do
    does did 's 're 've 'll 'd won't can't isn't aren't wasn't weren't hasn't haven't hadn't
    doesn't don't didn't wouldn't couldn't shouldn't"""
)


def is_finite_verb(word: str) -> bool:
    """True for a word that is most often a finite verb or modal ("would", "faced", "has")."""
    low = word.lower()
    if low in _FINITE:
        return True
    return tag(low) in ("VBD", "VBZ", "VBP", "MD")
