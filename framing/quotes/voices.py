"""Outlet-level views of the statement table: whose voices an outlet carries, and how.

:func:`voices` counts statements and quoted words per outlet and speaker (or speaker type,
affiliation, verb stance); :func:`quote_summary` gives the headline numbers per outlet for
``framing.compare()``. Both take the table from :func:`framing.quotes.quotes`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pandas as pd

from framing._resources import read_tsv
from framing.text import docs_from

__all__ = ["affiliation_of", "load_affiliations", "quote_summary", "voices"]

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
            if len(phrase) > best_len and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", low):
                best, best_len = row["affiliation"], len(phrase)
    return best or "unknown"


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


def _most_common(values: pd.Series) -> str:
    return str(values.mode().iloc[0])


def voices(
    quotes_table: pd.DataFrame,
    *,
    by: Literal["speaker", "speaker_type", "affiliation", "verb_stance", "kind"] = "speaker",
    affiliations: str | Path | list[dict[str, str]] | None = None,
) -> pd.DataFrame:
    """Who gets a voice in each outlet: statements and quoted words per speaker (or group).

    Args:
        quotes_table: The table from :func:`framing.quotes.quotes`.
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
    cols = ["outlet", by, "statements", "quoted_words", "direct", "indirect", "partial", "share"]
    if by == "speaker":
        cols += ["speaker_type", "affiliation"]
    if quotes_table.empty:
        return pd.DataFrame(columns=cols)
    table = affiliations if isinstance(affiliations, list) else load_affiliations(affiliations)
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
    if by == "speaker":
        agg["speaker_type"] = ("speaker_type", _most_common)
        agg["affiliation"] = ("affiliation", "first")
    out = st.groupby(["outlet", by], sort=False).agg(**agg).reset_index()
    totals = out.groupby("outlet")["statements"].transform("sum")
    out["share"] = (out["statements"] / totals).round(3)
    out = out.sort_values(["outlet", "statements", by], ascending=[True, False, True])
    return out[cols].reset_index(drop=True)


def quote_summary(
    quotes_table: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    *,
    n_words: pd.Series | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Headline attribution numbers per outlet, for ``framing.compare()``.

    Args:
        quotes_table: The table from :func:`framing.quotes.quotes`.
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
        counts: dict[str, int] = {}
        for doc in docs:
            counts[doc.outlet] = counts.get(doc.outlet, 0) + doc.n_words
        words = pd.Series(counts, dtype="int64")
        outlets = list(counts)
    st = _statements(quotes_table) if not quotes_table.empty else quotes_table
    for o in st["outlet"].unique() if not st.empty else []:
        if o not in outlets:
            outlets.append(str(o))
    rows = []
    for outlet in outlets:
        s = st[st["outlet"] == outlet] if not st.empty else st
        n = len(s)
        w = float(words.get(outlet, 0)) if words is not None else 0.0
        named = s[s["speaker"].astype(str) != ""] if n else s
        top = ""
        if len(named):
            order = named.groupby("speaker", sort=False).size()
            top = str(order.idxmax())
        rows.append(
            {
                "outlet": outlet,
                "statements": n,
                "statements_per_1000_words": round(1000 * n / w, 2) if w else float("nan"),
                "share_direct": round(float((s["kind"] == "direct").mean()), 3)
                if n
                else float("nan"),
                "share_anonymous": round(float(s["speaker_type"].isin(UNNAMED_TYPES).mean()), 3)
                if n
                else float("nan"),
                "share_non_neutral_verbs": round(
                    float(
                        (~s["verb_stance"].isin(["neutral", ""])).sum()
                        / max(1, (s["verb_stance"] != "").sum())
                    ),
                    3,
                )
                if n
                else float("nan"),
                "top_voice": top,
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
