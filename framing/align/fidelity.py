"""How faithfully each quoted version reproduces a primary-source transcript."""

from __future__ import annotations

import pandas as pd

from framing.align.groups import COLUMNS
from framing.align.words import align, describe, trimmed, words_of

__all__ = ["FIDELITY_COLUMNS", "quote_fidelity"]

#: The key columns of an aligned (or quotes) table that :func:`quote_fidelity` keeps.
_CARRIED = COLUMNS[: COLUMNS.index("end") + 1]
_ADDED = (
    "transcript_start",
    "transcript_end",
    "transcript_text",
    "fidelity",
    "matched_words",
    "differences",
    "trimmed",
    "trimmed_words",
    "omitted_words",
    "ops",
)
#: Columns :func:`quote_fidelity` adds after the carried key columns.
FIDELITY_COLUMNS = _ADDED


def quote_fidelity(
    table: pd.DataFrame,
    transcript: str,
    *,
    min_matched: int = 3,
) -> pd.DataFrame:
    """Compare every quoted version with a transcript of what was actually said.

    Each quote is lined up word by word (normalised words, as in :func:`align_quotes`) with
    the passage of ``transcript`` it matches best: the longest run of words both share,
    extended run by run while the gaps stay small (or are bridged by an ellipsis in the quote).

    Args:
        table: The quotes table, or the output of :func:`align_quotes` (any table with a
            ``quote`` column; ``start`` is used to place the ops' offsets).
        transcript: Plain text of the primary source, as the user has it (a speech, a press
            conference transcript). Nothing is downloaded.
        min_matched: A quote matching fewer words than this is reported as not found.

    Returns:
        One row per row of ``table``, in its order: the key columns it has among ``group,
        outlet, article_id, quote_id, speaker, kind, quote, start, end``, then
        ``transcript_start, transcript_end`` (character offsets of the matched passage in
        ``transcript``; -1 when not found), ``transcript_text`` (that passage),
        ``fidelity``, ``matched_words``, ``differences`` (e.g. ``"arises → rises; + Islamic
        State"``), ``trimmed`` (transcript words the quote leaves out at an ellipsis, joined
        by " | "), ``trimmed_words``, ``omitted_words`` (transcript words inside the passage
        left out with no ellipsis to say so), ``ops`` (``(op, transcript words, quote words, start,
        end)``, offsets into the article text as in :func:`align_quotes`).

    Reading the numbers:
        ``fidelity`` is the share of the quote's words that match the transcript's words in
        the same order (``matched_words`` / words of the quote), from 0 to 1; NaN when the
        quote is not found. 1.0 means every word between the quotation marks was said, in
        that order; it does not mean the quote is complete: words cut at an ellipsis are in
        ``trimmed`` (announced), and words left out with no ellipsis are ``−`` entries of
        ``differences`` and counted in ``omitted_words`` (unannounced omissions, which do
        not lower ``fidelity``: read the two together). Case, punctuation and
        curly/straight quotes are ignored; "U.S." and "US" are the same word. Paraphrases
        (kind ``indirect``) are expected to score low: they do not claim to be the speaker's
        words.
    """
    ref = words_of(transcript)
    starts = list(table["start"]) if "start" in table.columns else [0] * len(table)
    rows = []
    for k, text in enumerate(table["quote"]):
        quote = text if isinstance(text, str) else ""
        words = words_of(quote)
        found = (
            align(transcript, ref, quote, words, offset=int(starts[k]), edges=False)
            if words
            else None
        )
        if found is None or found.matched < min(min_matched, len(words)):
            rows.append(
                {
                    "transcript_start": -1,
                    "transcript_end": -1,
                    "transcript_text": "",
                    "fidelity": float("nan"),
                    "matched_words": 0,
                    "differences": "",
                    "trimmed": "",
                    "trimmed_words": 0,
                    "omitted_words": 0,
                    "ops": [],
                }
            )
            continue
        t_start, t_end = ref[found.ref_lo].start, ref[found.ref_hi - 1].end
        trim_text, trim_words = trimmed(found.ops)
        rows.append(
            {
                "transcript_start": t_start,
                "transcript_end": t_end,
                "transcript_text": transcript[t_start:t_end],
                "fidelity": round(found.matched / len(words), 3),
                "matched_words": found.matched,
                "differences": describe(found.ops),
                "trimmed": trim_text,
                "trimmed_words": trim_words,
                "omitted_words": sum(
                    len(words_of(op.reference)) for op in found.ops if op.op == "delete"
                ),
                "ops": [tuple(op) for op in found.ops],
            }
        )
    carried = [c for c in _CARRIED if c in table.columns]
    added = pd.DataFrame(rows, columns=list(_ADDED), index=table.index)
    frame = pd.concat([table[carried], added], axis=1).reset_index(drop=True)
    for col in (
        "transcript_start",
        "transcript_end",
        "matched_words",
        "trimmed_words",
        "omitted_words",
    ):
        frame[col] = frame[col].astype("int64")
    frame["fidelity"] = frame["fidelity"].astype("float64")
    for col in ("transcript_text", "differences", "trimmed", "ops"):
        frame[col] = frame[col].astype(object)
    return frame
