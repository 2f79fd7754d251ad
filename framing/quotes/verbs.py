"""Reporting verbs: the lexicon of cues and the stance each one signals.

The lexicon is ``framing/lexicons/reporting_verbs.tsv`` (columns ``form, lemma, stance, kind``;
its header documents the stance scheme and the sources). Users can pass their own file with the
same columns to :func:`load_verbs`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

from framing._resources import read_tsv

__all__ = ["STANCES", "VerbEntry", "VerbLexicon", "find_forms", "load_verbs", "verb_stance"]

#: The stance labels of the package lexicon; ``neutral`` is the only neutral one.
STANCES = (
    "neutral",
    "assertive",
    "endorsing",
    "distancing",
    "conceding",
    "denying",
    "emotive",
    "directive",
    "tentative",
    "questioning",
    "cognition",
)


class VerbEntry(NamedTuple):
    """One form of a reporting verb."""

    form: str
    lemma: str
    stance: str
    kind: str


class VerbLexicon(NamedTuple):
    """A loaded verb lexicon: entries by form, and a regex matching any form as a whole word.

    ``first`` maps the first word of each form to the forms starting with it (longest first),
    for a fast word-by-word scan (see :func:`find_forms`).
    """

    entries: dict[str, VerbEntry]
    pattern: re.Pattern[str]
    first: dict[str, tuple[tuple[str, ...], ...]]
    skip_kinds: frozenset[str] = frozenset({"cognition"})


_WORD = re.compile(r"[A-Za-z]+")


def find_forms(lexicon: VerbLexicon, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Every lexicon form in ``text[lo:hi]`` as ``(start, end, form)``, whole words only."""
    out = []
    skip_to = lo
    first = lexicon.first
    for m in _WORD.finditer(text, lo, hi):
        if m.start() < skip_to:
            continue
        cands = first.get(m.group().lower())
        if not cands:
            continue
        if m.start() > 0 and text[m.start() - 1] in "-'":
            continue
        end = m.end()
        if end < len(text) and (
            text[end] == "-" or (text[end] == "'" and text[end + 1 : end + 2].isalpha())
        ):
            continue
        for words in cands:
            pos = end
            ok = True
            for w in words[1:]:
                nxt = _WORD.match(text, pos + 1) if pos < hi and text[pos].isspace() else None
                while pos < hi and text[pos].isspace() and nxt is None:
                    pos += 1
                    nxt = _WORD.match(text, pos)
                if nxt is None or nxt.group().lower() != w or nxt.end() > hi:
                    ok = False
                    break
                pos = nxt.end()
            if ok:
                out.append((m.start(), pos, " ".join(words)))
                skip_to = pos
                break
    return out


def _compile(forms: list[str]) -> re.Pattern[str]:
    alts = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alts)
    return re.compile(rf"(?<![\w'-])(?:{body})(?![\w'-])", re.IGNORECASE)


@cache
def _package_lexicon() -> VerbLexicon:
    return _build(read_tsv("reporting_verbs.tsv"))


def _build(rows: list[dict[str, str]]) -> VerbLexicon:
    entries = {}
    for row in rows:
        form = " ".join(row["form"].lower().split())
        entries[form] = VerbEntry(form, row["lemma"], row["stance"], row.get("kind", "speech"))
    first: dict[str, list[tuple[str, ...]]] = {}
    for form in entries:
        words = tuple(form.split())
        first.setdefault(words[0], []).append(words)
    ordered = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in first.items()}
    return VerbLexicon(entries, _compile(list(entries)), ordered)


def load_verbs(source: str | Path | None = None, *, beliefs: bool = False) -> VerbLexicon:
    """Load a reporting-verb lexicon (the package's own when ``source`` is None).

    Args:
        source: Path to a TSV with columns ``form, lemma, stance, kind``, or None.
        beliefs: Also use ``cognition`` verbs ("believes", "expects", "wants") as cues, so
            attributed beliefs and plans count as statements (off by default: they are not
            things anyone said).

    Returns:
        The lexicon, with a compiled regex over all forms.
    """
    lex = _package_lexicon() if source is None else _build(read_tsv(Path(source)))
    return lex._replace(skip_kinds=frozenset()) if beliefs else lex


def verb_stance(cue: str, lexicon: VerbLexicon | None = None) -> str:
    """The stance of a cue as written ("said" -> "neutral", "claimed" -> "distancing").

    Multi-word cues ("has repeatedly said", "pointed out") take the stance of their first
    lexicon word; ":" (a colon introducing a quotation) is neutral; unknown cues give "".
    """
    lex = lexicon or _package_lexicon()
    text = " ".join(cue.lower().split())
    if text in lex.entries:
        return lex.entries[text].stance
    if text in (":", ""):
        return "neutral" if text == ":" else ""
    m = lex.pattern.search(text)
    return lex.entries[" ".join(m.group().lower().split())].stance if m else ""
