"""Statement tables: one row per attributed statement, for one article or a whole corpus."""

from __future__ import annotations

import pandas as pd

from framing.quotes.extract import doc_quotes, extract_quotes
from framing.quotes.records import Quote
from framing.quotes.verbs import load_verbs
from framing.text import Doc, docs_from

__all__ = ["COLUMNS", "quote_rows", "quotes"]

#: Column order of :func:`quotes` (and keys of :func:`quote_rows`).
COLUMNS = (
    "article_id",
    "outlet",
    "quote_id",
    "kind",
    "quote",
    "start",
    "end",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_as_written",
    "speaker_type",
    "speaker_role",
    "verb",
    "verb_start",
    "verb_end",
    "verb_stance",
    "continues",
)
_INT_COLUMNS = ("start", "end", "speaker_start", "speaker_end", "verb_start", "verb_end")


def _quote_id(article_id: str, k: int) -> str:
    return f"{article_id}:{k}"


def _belief_quotes(doc: Doc) -> list[Quote]:
    return extract_quotes(doc, lexicon=load_verbs(beliefs=True))


def quote_rows(doc: Doc, *, beliefs: bool = False) -> list[dict[str, object]]:
    """One dict per attributed statement of ``doc`` (keys: :data:`COLUMNS`).

    With ``beliefs=True``, attributed beliefs and plans ("X believes ...", "X wants to ...")
    are rows too (``verb_stance`` "cognition").

    ``quote_id`` is ``"<article_id>:<n>"`` (n counts statements in text order from 0);
    ``continues`` is the ``quote_id`` of the statement a row continues (the second part of
    ``"...," he said. "..."``), "" otherwise. A continuation row repeats the speaker and cue of
    the row it continues, so counting rows counts quotation passages, and counting rows with
    ``continues == ""`` counts statements.
    """
    text = doc.text
    rows = []
    found: list[Quote] = (
        doc.cached("quotes+beliefs", _belief_quotes) if beliefs else doc_quotes(doc)  # type: ignore[assignment]
    )
    for k, q in enumerate(found):
        rows.append(
            {
                "article_id": doc.article_id,
                "outlet": doc.outlet,
                "quote_id": _quote_id(doc.article_id, k),
                "kind": q.kind,
                "quote": text[q.start : q.end],
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "speaker_as_written": q.speaker_as_written,
                "speaker_type": q.speaker_type,
                "speaker_role": q.speaker_role,
                "verb": q.verb,
                "verb_start": q.verb_start,
                "verb_end": q.verb_end,
                "verb_stance": q.verb_stance,
                "continues": _quote_id(doc.article_id, q.continues) if q.continues >= 0 else "",
            }
        )
    return rows


def quotes(
    articles: pd.DataFrame,
    *,
    beliefs: bool = False,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Every attributed statement in an articles table: who said what, with which cue.

    Args:
        articles: The articles table (``article_id``, ``outlet``, ``text``).
        beliefs: Also report attributed beliefs and plans ("analysts believe ...", "he wants
            to ..."), which are not statements anyone made; off by default.
        text_col: Column holding the article text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet name.

    Returns:
        One row per statement with columns ``article_id, outlet, quote_id, kind, quote, start,
        end, speaker, speaker_start, speaker_end, speaker_as_written, speaker_type,
        speaker_role, verb, verb_start, verb_end, verb_stance, continues``. Offsets index the
        article ``text`` (``text[start:end] == quote``); -1 where a span does not exist (no
        named source, no cue). ``kind`` is ``direct`` (the content is a quotation; offsets
        exclude the marks), ``indirect`` (reported speech: the reported clause, without
        "that") or ``partial`` (reported speech quoting some words). ``speaker`` is resolved
        ("he" -> "Mustafa al-Kadhimi"); ``speaker_as_written`` is the mention as the article
        writes it. ``speaker_type`` is one of person, anonymous, group, organisation,
        document, social media, unknown. ``verb_stance`` comes from
        ``framing/lexicons/reporting_verbs.tsv``.

    Reading the numbers:
        A row is a statement the rules could attribute. On the PolNeAR benchmark (see
        ``benchmarks/README.md``) about four in five attributions with a verb of saying are
        found, nine in ten rows match one, and the speaker mention is right for 96%.
        Beliefs and plans ("X wants", "X believes") only with ``beliefs=True``.

    Example:
        >>> import pandas as pd
        >>> t = '"There is no need for any foreign combat forces," al-Kadhimi told The AP.'
        >>> quotes(pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [t]}))[
        ...     ["kind", "speaker", "verb"]].values.tolist()
        [['direct', 'al-Kadhimi', 'told']]
    """
    rows = [
        row
        for doc in docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
        for row in quote_rows(doc, beliefs=beliefs)
    ]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in _INT_COLUMNS:
        frame[col] = frame[col].astype("int64")
    for col in COLUMNS:
        if col not in _INT_COLUMNS:
            frame[col] = frame[col].astype(object)
    return frame
