"""The records the extraction returns: a statement and a quotation-mark span."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["QuotationSpan", "Quote"]


class Quote(NamedTuple):
    """One attributed statement. Offsets index the article text; -1 where a span is absent.

    Attributes:
        kind: ``direct`` (the content is a quotation), ``indirect`` (reported speech) or
            ``partial`` (reported speech that quotes some words).
        start: Start of the content (inside the quotation marks for ``direct``).
        end: End of the content.
        speaker: Resolved speaker ("Mustafa al-Kadhimi" for "he"); "" when unknown.
        speaker_start: Start of the mention as written (the pronoun for "he said").
        speaker_end: End of the mention as written.
        speaker_as_written: ``text[speaker_start:speaker_end]``.
        speaker_type: One of :data:`framing.quotes.speakers.SPEAKER_TYPES`.
        speaker_role: Title or role written with the speaker ("White House Press Secretary").
        verb: The cue as written ("said", "according to", ":"), "" when none.
        verb_start: Start of the cue.
        verb_end: End of the cue.
        verb_stance: Stance of the cue from the verb lexicon ("neutral", "assertive", ...).
        continues: Index (in :func:`doc_quotes`) of the statement this row continues, or -1.
    """

    kind: str
    start: int
    end: int
    speaker: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_as_written: str = ""
    speaker_type: str = "unknown"
    speaker_role: str = ""
    verb: str = ""
    verb_start: int = -1
    verb_end: int = -1
    verb_stance: str = ""
    continues: int = -1


class QuotationSpan(NamedTuple):
    """A pair of quotation marks: ``start:end`` includes the marks.

    ``attributed`` is True when the quotation lies inside an attributed statement's content;
    False for scare quotes, titles and other quoted words nobody is reported to have said.
    """

    start: int
    end: int
    attributed: bool
