"""Helpers shared by the cross-article views (:mod:`framing.reuse`, :mod:`framing.coverage`).

* :func:`fold` makes spelling variants of one word the same key ("U.S." / "US",
  "hard-line" / "hardline", "2,500" / "2500"), so reprinted copy matches whatever house style
  the reprinting outlet applied.
* :func:`light_stem` is Harman's (1991) "S" stemmer: it folds plurals ("militias" /
  "militia") and nothing else, so sentence similarity survives "troops" vs "troop" without the
  surprises of a full stemmer.
* :func:`group_positions` splits an articles table into the groups (events) whose articles are
  compared with each other.

References:
    Harman, D. (1991). How effective is suffixing? *Journal of the American Society for
    Information Science* 42(1), 7-15.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["fold", "group_positions", "light_stem"]

_FOLD_RE = re.compile(r"[-.,']")


def fold(norm: str) -> str:
    """A token's matching key: its normalised form without hyphens, dots, commas, apostrophes.

    Example:
        >>> [fold(w) for w in ["u.s.", "hard-line", "2,500", "al-kadhimi", "we're"]]
        ['us', 'hardline', '2500', 'alkadhimi', 'were']
    """
    return _FOLD_RE.sub("", norm) or norm


def light_stem(word: str) -> str:
    """Harman's "S" stemmer: plural endings only (``ies`` -> ``y``, ``es`` -> ``e``, ``s`` -> "").

    Example:
        >>> [light_stem(w) for w in ["militias", "forces", "countries", "us", "glass", "iraq"]]
        ['militia', 'force', 'country', 'us', 'glass', 'iraq']
    """
    if len(word) > 3 and word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if len(word) > 2 and word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def group_positions(
    articles: pd.DataFrame, by: str | None, *, default: str = "event"
) -> list[tuple[object, list[int]]]:
    """Row positions of ``articles`` per group, groups in first-seen order.

    Args:
        articles: The articles table.
        by: Group column. ``None`` puts every article in one group. The ``default`` name
            (``"event"``) is used only when the table has that column; any other name must
            exist.
        default: The column name that may be absent.

    Returns:
        ``(group value, [row positions])`` pairs; the value is ``None`` when not grouping.

    Raises:
        KeyError: If ``by`` names a missing column other than ``default``.
    """
    if by is None or (by == default and by not in articles.columns):
        return [(None, list(range(len(articles))))]
    if by not in articles.columns:
        raise KeyError(f"articles table has no column {by!r}; columns are {list(articles.columns)}")
    out: dict[object, list[int]] = {}
    for pos, value in enumerate(articles[by].tolist()):
        key = None if pd.isna(value) else value
        out.setdefault(key, []).append(pos)
    return list(out.items())
