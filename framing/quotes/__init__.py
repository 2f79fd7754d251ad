"""Attribution: who is quoted, how, and with which reporting verb.

:func:`doc_quotes` finds the statements of one parsed article (cached on the ``Doc`` for other
analyses); :func:`quote_rows` turns them into table rows; :func:`quotes` runs over an articles
table. :func:`voices` and :func:`quote_summary` give the outlet-level views.
"""

from framing.quotes.extract import (
    QuotationSpan,
    Quote,
    doc_quotes,
    extract_quotes,
    in_quotation,
    quotation_spans,
)
from framing.quotes.table import quote_rows, quotes
from framing.quotes.voices import (
    VoiceCounts,
    affiliation_of,
    load_affiliations,
    quote_summary,
    voices,
)

__all__ = [
    "QuotationSpan",
    "Quote",
    "VoiceCounts",
    "affiliation_of",
    "doc_quotes",
    "extract_quotes",
    "in_quotation",
    "load_affiliations",
    "quotation_spans",
    "quote_rows",
    "quote_summary",
    "quotes",
    "voices",
]
