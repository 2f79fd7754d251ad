"""The event lexicon: which words name events, as verbs and as nouns, and how their roles work.

The bundled file is ``framing/lexicons/events.tsv`` (its header explains every column); pass a
path or a DataFrame with the same columns to use your own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

import pandas as pd

from framing._resources import read_tsv

__all__ = ["EventEntry", "EventLexicon", "load_events"]

Valency = Literal["transitive", "optional", "ergative", "unaccusative"]
Violence = Literal["yes", "no", "context"]
_VALENCIES = ("transitive", "optional", "ergative", "unaccusative")
_VIOLENCE = ("yes", "no", "context")


@dataclass(frozen=True)
class EventEntry:
    """One row of the event lexicon (see ``framing/lexicons/events.tsv``).

    Attributes:
        event: Name rows are grouped under (the verb's base form, "kill").
        verb_forms: Verb forms as written, lower case.
        noun_forms: Event nouns (nominalisations), lower case.
        valency: How the verb's subject and object relate to agent and patient.
        possessive: Role of a possessive before the noun ("agent" or "patient").
        patient_preps: Prepositions introducing the noun's patient.
        violent: ``"yes"``, ``"no"`` or ``"context"``.
    """

    event: str
    verb_forms: frozenset[str]
    noun_forms: frozenset[str]
    valency: Valency = "transitive"
    possessive: Literal["agent", "patient"] = "agent"
    patient_preps: tuple[str, ...] = ("of",)
    violent: Violence = "yes"


@dataclass(frozen=True)
class EventLexicon:
    """Event entries indexed by word form (a word may be a verb form and a noun form)."""

    entries: tuple[EventEntry, ...]

    @cached_property
    def verbs(self) -> dict[str, EventEntry]:
        """Verb form -> entry."""
        return _index(self.entries, "verb")

    @cached_property
    def nouns(self) -> dict[str, EventEntry]:
        """Noun form -> entry."""
        return _index(self.entries, "noun")

    @cached_property
    def forms(self) -> frozenset[str]:
        """Every form, verb or noun (the cheap pre-filter for sentences worth parsing)."""
        return frozenset(self.verbs) | frozenset(self.nouns)


def _index(entries: tuple[EventEntry, ...], kind: str) -> dict[str, EventEntry]:
    out: dict[str, EventEntry] = {}
    for entry in entries:
        for form in entry.verb_forms if kind == "verb" else entry.noun_forms:
            out.setdefault(form, entry)
    return out


def _choice(value: str, allowed: tuple[str, ...], default: str, what: str, n: int) -> str:
    value = value.strip().lower() or default
    if value not in allowed:
        raise ValueError(f"event row {n}: {what} must be one of {allowed}, not {value!r}")
    return value


def _entries(rows: Iterable[dict[str, str]]) -> tuple[EventEntry, ...]:
    out = []
    for n, row in enumerate(rows, start=1):
        event = (row.get("event") or "").strip().lower()
        if not event:
            raise ValueError(f"event row {n}: the column 'event' is empty")
        verbs = (row.get("verb_forms") or "").lower().split()
        nouns = (row.get("noun_forms") or "").lower().split()
        out.append(
            EventEntry(
                event=event,
                verb_forms=frozenset(verbs),
                noun_forms=frozenset(nouns),
                valency=_choice(row.get("valency") or "", _VALENCIES, "transitive", "valency", n),  # type: ignore[arg-type]
                possessive=_choice(  # type: ignore[arg-type]
                    row.get("possessive") or "", ("agent", "patient"), "agent", "possessive", n
                ),
                patient_preps=tuple((row.get("patient_preps") or "of").lower().split()),
                violent=_choice(row.get("violent") or "", _VIOLENCE, "yes", "violent", n),  # type: ignore[arg-type]
            )
        )
    return tuple(out)


@cache
def _bundled() -> EventLexicon:
    return EventLexicon(_entries(read_tsv("events.tsv")))


def load_events(
    source: str | Path | pd.DataFrame | EventLexicon | None = None,
) -> EventLexicon:
    """Read an event lexicon.

    Args:
        source: ``None`` for the bundled ``events.tsv``; a path to a TSV with the same columns
            (``#`` provenance lines allowed); a DataFrame with those columns; or a lexicon.

    Returns:
        The lexicon.

    Raises:
        ValueError: If a row has no ``event`` or an unknown ``valency``, ``possessive`` or
            ``violent`` value, naming the row.
    """
    if source is None:
        return _bundled()
    if isinstance(source, EventLexicon):
        return source
    if isinstance(source, pd.DataFrame):
        rows = [
            {str(k): "" if pd.isna(v) else str(v) for k, v in rec.items()}
            for rec in source.to_dict("records")
        ]
        return EventLexicon(_entries(rows))
    return EventLexicon(_entries(read_tsv(Path(source))))
