"""Open-class word lists of the agency reading, from ``framing/lexicons/agency_words.tsv``.

Group nouns, light verbs, calendar words, irregular participles, adjectives read as actor
nouns and object-control verb stems: the file's header says what each list (``role``) is for.
Closed-class grammar words (auxiliaries, subordinators, pronouns, prepositions) stay in
:mod:`framing.agency.parse` and :mod:`framing.agency.forms`.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from framing._resources import read_tsv

__all__ = ["WordRole", "agency_words"]

WordRole = Literal[
    "group_noun",
    "light_verb",
    "calendar",
    "participle",
    "irregular_past",
    "jj_noun",
    "object_control",
]


@cache
def _lists() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in read_tsv("agency_words.tsv"):
        out.setdefault(row["role"], set()).add(row["word"].lower())
    return {role: frozenset(words) for role, words in out.items()}


def agency_words(role: WordRole) -> frozenset[str]:
    """The words of one list in ``agency_words.tsv`` (read once, then cached).

    Args:
        role: The list's name in the file's ``role`` column.

    Returns:
        The lower-case words (for ``object_control``: verb stems, matched as prefixes).

    Raises:
        KeyError: If the file has no row with that role.
    """
    lists = _lists()
    if role not in lists:
        raise KeyError(f"agency_words.tsv has no words with role {role!r}")
    return lists[role]
