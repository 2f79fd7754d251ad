"""Agency: who is presented as doing what to whom.

For every event mention (kill, assassinate, attack, strike, death, withdraw, end, ...) the
grammatical form that presents it (active, passive with or without "by", nominalisation,
intransitive) and its agent and patient, read offline from TextBlob's Pattern tags and chunks.
:func:`agency_rows` handles one parsed article; :func:`agency` an articles table;
:func:`agency_summary` (one row per outlet) and :func:`agency_roles` (per outlet and actor) are
the summaries; :func:`plot_agency` draws either.
"""

from framing.agency.forms import FORMS, Form, Mention, sentence_mentions
from framing.agency.lexicon import EventEntry, EventLexicon, load_events
from framing.agency.plot import plot_agency
from framing.agency.table import (
    AGENCY_COLUMNS,
    agency,
    agency_roles,
    agency_rows,
    agency_summary,
)

__all__ = [
    "AGENCY_COLUMNS",
    "FORMS",
    "EventEntry",
    "EventLexicon",
    "Form",
    "Mention",
    "agency",
    "agency_roles",
    "agency_rows",
    "agency_summary",
    "load_events",
    "plot_agency",
    "sentence_mentions",
]
