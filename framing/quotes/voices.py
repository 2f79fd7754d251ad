"""Outlet-level views of the statement table: whose voices an outlet carries, and how.

:func:`voices` counts statements and quoted words per outlet and speaker (or speaker type,
affiliation, verb stance); :func:`quote_summary` gives the headline numbers per outlet for
``framing.compare()``. Both take the table from :func:`framing.quotes.quotes`, or its
:class:`VoiceCounts`: counts per outlet and speaker that add up chunk by chunk, so a corpus of
any size is summarised without keeping its statement rows (see :func:`framing.analyze_stream`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from framing._resources import read_tsv
from framing.text import docs_from

__all__ = ["VoiceCounts", "affiliation_of", "load_affiliations", "quote_summary", "voices"]

#: Speaker types counted as unnamed sources in ``share_anonymous``.
UNNAMED_TYPES = ("anonymous", "group")


def load_affiliations(source: str | Path | None = None) -> list[dict[str, str]]:
    """Read an affiliation table (default: the bundled story's, ``affiliations_iraq_2021.tsv``).

    Args:
        source: Path to a TSV with columns ``speaker, match, affiliation`` (see the bundled
            file's header), or None.

    Returns:
        The rows as dicts.
    """
    return read_tsv(source if source is not None else "affiliations_iraq_2021.tsv")


def affiliation_of(speaker: str, table: list[dict[str, str]]) -> str:
    """The affiliation of a resolved speaker name, or "unknown" when no row matches."""
    low = " ".join(speaker.lower().split())
    if not low:
        return "unknown"
    for row in table:
        if row.get("match", "exact") == "exact" and row["speaker"].lower() == low:
            return row["affiliation"]
    best = ""
    best_len = 0
    for row in table:
        if row.get("match") == "contains":
            phrase = row["speaker"].lower()
            if (
                len(phrase) > best_len
                and phrase in low  # cheap test first: the pattern needs the phrase anyway
                and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low)
            ):
                best, best_len = row["affiliation"], len(phrase)
    return best or "unknown"


def _affiliation_finder(table: list[dict[str, str]]) -> Callable[[str], str]:
    """:func:`affiliation_of` for many speakers: the table is indexed once."""
    exact: dict[str, str] = {}
    contains: list[tuple[str, str]] = []
    for row in table:
        if row.get("match", "exact") == "exact":
            exact.setdefault(row["speaker"].lower(), row["affiliation"])
        elif row.get("match") == "contains":
            contains.append((row["speaker"].lower(), row["affiliation"]))

    def find(speaker: str) -> str:
        low = " ".join(speaker.lower().split())
        if not low:
            return "unknown"
        if low in exact:
            return exact[low]
        best, best_len = "", 0
        for phrase, affiliation in contains:
            if (
                len(phrase) > best_len
                and phrase in low
                and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low)
            ):
                best, best_len = affiliation, len(phrase)
        return best or "unknown"

    return find


def _statements(table: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: continuation rows folded into the row they continue."""
    t = table.copy()
    words = pd.Series([len(str(q).split()) for q in t["quote"]], index=t.index, dtype="int64")
    t["quoted_words"] = words.where(t["kind"].isin(["direct", "partial"]), 0)
    root = t["continues"].where(t["continues"].astype(str) != "", t["quote_id"])
    extra = t.groupby(root)["quoted_words"].sum()
    heads = t[t["continues"].astype(str) == ""].copy()
    heads["quoted_words"] = heads["quote_id"].map(extra).fillna(0).astype("int64")
    return heads


#: Per (outlet, speaker): statements, quoted words, direct, indirect, partial.
_SPEAKER_COUNTS = ("statements", "quoted_words", "direct", "indirect", "partial")
#: Per outlet: statements, direct, from unnamed sources, non-neutral cue, cue with a stance.
_OUTLET_COUNTS = ("statements", "direct", "anonymous", "non_neutral", "with_stance")


@dataclass
class VoiceCounts:
    """Mergeable partial counts behind :func:`voices` (``by="speaker"``) and
    :func:`quote_summary`.

    Build one per chunk of articles with :meth:`from_table`, add chunks in input order with
    :meth:`merge`; the outlet tables made from the sum are those of the whole statement table.

    Attributes:
        speakers: ``(outlet, speaker as in the table)`` -> counts of ``_SPEAKER_COUNTS``, in
            order of first statement.
        speaker_types: ``(outlet, speaker)`` -> how often each ``speaker_type`` was given.
        outlets: Outlet -> counts of ``_OUTLET_COUNTS``, in order of first statement.
    """

    speakers: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    speaker_types: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    outlets: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_table(cls, quotes_table: pd.DataFrame) -> VoiceCounts:
        """Count the statements of a :func:`framing.quotes.quotes` table."""
        out = cls()
        if quotes_table.empty:
            return out
        st = _statements(quotes_table)
        kinds = st["kind"].astype(str).tolist()
        types = st["speaker_type"].astype(str).tolist()
        stances = st["verb_stance"].astype(str).tolist()
        for outlet, speaker, kind, stype, stance, words in zip(
            st["outlet"].astype(str).tolist(),
            st["speaker"].astype(str).tolist(),
            kinds,
            types,
            stances,
            st["quoted_words"].tolist(),
            strict=True,
        ):
            key = (outlet, speaker)
            row = out.speakers.get(key)
            if row is None:
                row = out.speakers[key] = [0, 0, 0, 0, 0]
                out.speaker_types[key] = Counter()
            row[0] += 1
            row[1] += int(words)
            if kind in ("direct", "indirect", "partial"):
                row[2 + ("direct", "indirect", "partial").index(kind)] += 1
            out.speaker_types[key][stype] += 1
            totals = out.outlets.setdefault(outlet, [0, 0, 0, 0, 0])
            totals[0] += 1
            totals[1] += kind == "direct"
            totals[2] += stype in UNNAMED_TYPES
            totals[3] += stance not in ("neutral", "")
            totals[4] += stance != ""
        return out

    def merge(self, other: VoiceCounts) -> VoiceCounts:
        """Add ``other``'s counts to these (in place; ``other`` comes later in the input)."""
        for key, counts in other.speakers.items():
            mine = self.speakers.get(key)
            if mine is None:
                self.speakers[key] = list(counts)
                self.speaker_types[key] = Counter(other.speaker_types[key])
            else:
                for k, n in enumerate(counts):
                    mine[k] += n
                self.speaker_types[key].update(other.speaker_types[key])
        for outlet, counts in other.outlets.items():
            mine = self.outlets.get(outlet)
            if mine is None:
                self.outlets[outlet] = list(counts)
            else:
                for k, n in enumerate(counts):
                    mine[k] += n
        return self

    def voices(self, affiliations: list[dict[str, str]]) -> pd.DataFrame:
        """The table of :func:`voices` with ``by="speaker"``."""
        cols = ["outlet", "speaker", *_VOICE_COLUMNS, "speaker_type", "affiliation"]
        merged: dict[tuple[str, str], list[int]] = {}
        types: dict[tuple[str, str], Counter[str]] = {}
        affiliation: dict[tuple[str, str], str] = {}
        find = _affiliation_finder(affiliations)
        for (outlet, speaker), counts in self.speakers.items():
            key = (outlet, speaker or "(unknown)")
            if key in merged:  # "" and a speaker literally called "(unknown)"
                merged[key] = [a + b for a, b in zip(merged[key], counts, strict=True)]
                types[key].update(self.speaker_types[(outlet, speaker)])
                continue
            merged[key] = list(counts)
            types[key] = Counter(self.speaker_types[(outlet, speaker)])
            affiliation[key] = find(speaker)
        if not merged:
            return pd.DataFrame(columns=cols)
        out = pd.DataFrame(
            [[outlet, speaker, *counts] for (outlet, speaker), counts in merged.items()],
            columns=["outlet", "speaker", *_SPEAKER_COUNTS],
        ).astype({"outlet": "str", "speaker": "str"} | dict.fromkeys(_SPEAKER_COUNTS, "int64"))
        out["speaker_type"] = [_mode(types[key]) for key in merged]
        out["affiliation"] = [affiliation[key] for key in merged]
        totals = out.groupby("outlet")["statements"].transform("sum")
        out["share"] = (out["statements"] / totals).round(3)
        out = out.sort_values(["outlet", "statements", "speaker"], ascending=[True, False, True])
        return out[cols].reset_index(drop=True)


_VOICE_COLUMNS = ("statements", "quoted_words", "direct", "indirect", "partial", "share")


def _mode(counts: Counter[str]) -> str:
    """The most frequent value; ties go to the first in sort order (as ``Series.mode``)."""
    top = max(counts.values())
    return min(v for v, n in counts.items() if n == top)


def voices(
    quotes_table: pd.DataFrame | VoiceCounts,
    *,
    by: Literal["speaker", "speaker_type", "affiliation", "verb_stance", "kind"] = "speaker",
    affiliations: str | Path | list[dict[str, str]] | None = None,
) -> pd.DataFrame:
    """Who gets a voice in each outlet: statements and quoted words per speaker (or group).

    Args:
        quotes_table: The table from :func:`framing.quotes.quotes` (or, for
            ``by="speaker"``, its :class:`VoiceCounts`).
        by: What to count by: the resolved ``speaker`` (default), ``speaker_type``,
            ``affiliation`` (from the affiliation table), ``verb_stance`` or ``kind``.
        affiliations: Affiliation table: a path, loaded rows, or None for the bundled
            story's table. Speakers it does not list get "unknown".

    Returns:
        One row per (outlet, value of ``by``), sorted by outlet and statements (descending),
        with columns ``outlet, <by>, statements, quoted_words, direct, indirect, partial,
        share`` and, for ``by="speaker"``, ``speaker_type`` and ``affiliation``. Statements
        count each statement once (continuation rows fold into the row they continue);
        ``quoted_words`` counts words inside quotation marks (direct and partial rows);
        ``share`` is the speaker's share of the outlet's statements.

    Reading the numbers:
        ``share`` 0.40 for "Joe Biden" means four in ten attributed statements in that outlet
        are Biden's. With a handful of articles per outlet a single quote moves a share by
        ten points or more: read counts, not only shares. Unnamed speakers ("analysts") are
        counted by the words the article uses, so "analysts" and "experts" stay apart.
    """
    table = affiliations if isinstance(affiliations, list) else load_affiliations(affiliations)
    if by == "speaker":
        if not isinstance(quotes_table, VoiceCounts):
            quotes_table = VoiceCounts.from_table(quotes_table)
        return quotes_table.voices(table)
    if isinstance(quotes_table, VoiceCounts):
        raise TypeError(f"voices(by={by!r}) needs the statement table, not VoiceCounts")
    cols = ["outlet", by, "statements", "quoted_words", "direct", "indirect", "partial", "share"]
    if quotes_table.empty:
        return pd.DataFrame(columns=cols)
    st = _statements(quotes_table)
    st["speaker"] = st["speaker"].where(st["speaker"].astype(str) != "", "(unknown)")
    st["affiliation"] = [affiliation_of(s, table) for s in quotes_table.loc[st.index, "speaker"]]
    for k in ("direct", "indirect", "partial"):
        st[k] = (st["kind"] == k).astype("int64")
    agg: dict[str, tuple[str, object]] = {
        "statements": ("quote_id", "size"),
        "quoted_words": ("quoted_words", "sum"),
        "direct": ("direct", "sum"),
        "indirect": ("indirect", "sum"),
        "partial": ("partial", "sum"),
    }
    out = st.groupby(["outlet", by], sort=False).agg(**agg).reset_index()
    totals = out.groupby("outlet")["statements"].transform("sum")
    out["share"] = (out["statements"] / totals).round(3)
    out = out.sort_values(["outlet", "statements", by], ascending=[True, False, True])
    return out[cols].reset_index(drop=True)


def quote_summary(
    quotes_table: pd.DataFrame | VoiceCounts,
    articles: pd.DataFrame | None = None,
    *,
    n_words: pd.Series | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Headline attribution numbers per outlet, for ``framing.compare()``.

    Args:
        quotes_table: The table from :func:`framing.quotes.quotes`, or its
            :class:`VoiceCounts`.
        articles: The articles table the quotes came from; used for word counts (and so that
            outlets without any statement still get a row).
        n_words: Words per outlet (a Series indexed by outlet), instead of ``articles``.
        text_col: Column holding the article text (with ``articles``).
        id_col: Column holding the article id (with ``articles``).
        outlet_col: Column holding the outlet name (with ``articles``).

    Returns:
        One row per outlet (index ``outlet``) with columns ``statements,
        statements_per_1000_words, share_direct, share_anonymous, share_non_neutral_verbs,
        top_voice``.

    Reading the numbers:
        ``statements_per_1000_words``: attributed statements per 1,000 words of article text
        (continuations of a quotation count once); how much of the story is told through
        sources. ``share_direct``: statements given as a full quotation (vs reported or
        partly quoted speech). ``share_anonymous``: statements from unnamed sources, an
        unnamed individual ("a senior official") or group ("analysts", "US media").
        ``share_non_neutral_verbs``: statements whose cue is not neutral ("stressed",
        "claimed", "admitted" vs "said", "according to"); see the stance scheme in
        ``framing/lexicons/reporting_verbs.tsv``. ``top_voice``: the speaker with most
        statements ("" when none; ties go to the speaker quoted first).
    """
    words: pd.Series | None = n_words
    outlets: list[str] = []
    if articles is not None:
        docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
        per_outlet: dict[str, int] = {}
        for doc in docs:
            per_outlet[doc.outlet] = per_outlet.get(doc.outlet, 0) + doc.n_words
        words = pd.Series(per_outlet, dtype="int64")
        outlets = list(per_outlet)
    counts = (
        quotes_table
        if isinstance(quotes_table, VoiceCounts)
        else VoiceCounts.from_table(quotes_table)
    )
    for o in counts.outlets:
        if o not in outlets:
            outlets.append(o)
    top_voice: dict[str, tuple[int, str]] = {}  # outlet -> (statements, speaker), first wins
    for (outlet, speaker), row in counts.speakers.items():
        if speaker and row[0] > top_voice.get(outlet, (0, ""))[0]:
            top_voice[outlet] = (row[0], speaker)
    nan = float("nan")
    rows = []
    for outlet in outlets:
        n, direct, anonymous, non_neutral, with_stance = counts.outlets.get(outlet, [0] * 5)
        w = float(words.get(outlet, 0)) if words is not None else 0.0
        rows.append(
            {
                "outlet": outlet,
                "statements": n,
                "statements_per_1000_words": round(1000 * n / w, 2) if w else nan,
                "share_direct": round(direct / n, 3) if n else nan,
                "share_anonymous": round(anonymous / n, 3) if n else nan,
                "share_non_neutral_verbs": round(non_neutral / max(1, with_stance), 3)
                if n
                else nan,
                "top_voice": top_voice.get(outlet, (0, ""))[1],
            }
        )
    cols = [
        "statements",
        "statements_per_1000_words",
        "share_direct",
        "share_anonymous",
        "share_non_neutral_verbs",
        "top_voice",
    ]
    return pd.DataFrame(rows, columns=["outlet", *cols]).set_index("outlet")
