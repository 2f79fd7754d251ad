"""Agency tables: one row per event mention, and the outlet- and actor-level views."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.agency.forms import Mention, sentence_mentions
from framing.agency.lexicon import EventLexicon, load_events
from framing.agency.parse import parse_sentence
from framing.labels import Actor, label_rows, load_actors
from framing.text import Doc, docs_from

__all__ = [
    "AGENCY_COLUMNS",
    "agency",
    "agency_roles",
    "agency_rows",
    "agency_summary",
]

AGENCY_COLUMNS = [
    "outlet",
    "article_id",
    "form",
    "agent",
    "event",
    "patient",
    "start",
    "end",
    "event_lemma",
    "violent",
    "agent_source",
    "instrument",
    "agent_actor",
    "patient_actor",
    "agent_start",
    "agent_end",
    "patient_start",
    "patient_end",
    "sentence",
]
_INT_COLUMNS = ("start", "end", "agent_start", "agent_end", "patient_start", "patient_end")
_DTYPES: dict[str, Any] = {c: "int64" for c in (*_INT_COLUMNS, "sentence")} | {"violent": bool}

ActorSource = str | Path | pd.DataFrame | Iterable[Actor]


def _offsets(words: Sequence[Any], span: tuple[int, int]) -> tuple[int, int]:
    if span[0] < 0:
        return -1, -1
    return words[span[0]].start, words[span[1]].end


def _actors_in(found: list[dict[str, Any]], start: int, end: int) -> str:
    """Actors whose mention head lies inside ``[start, end)``, in text order, "; "-joined."""
    if start < 0:
        return ""
    names = [r["actor"] for r in found if start <= r["end"] - len(r["head"]) and r["end"] <= end]
    return "; ".join(dict.fromkeys(names))


def agency_rows(
    doc: Doc,
    *,
    events: str | Path | pd.DataFrame | EventLexicon | None = None,
    actors: ActorSource | None = None,
) -> list[dict[str, Any]]:
    """Every event mention of one article: its form, agent, event and patient.

    Only sentences containing a word of the event lexicon are tagged (a token look-up first),
    so articles without events cost almost nothing.

    Args:
        doc: The parsed article.
        events: The event lexicon (default ``framing/lexicons/events.tsv``), a path to your
            own, a DataFrame with its columns, or a loaded :class:`EventLexicon`.
        actors: Optional actor file, DataFrame or list (as for :func:`framing.labels`): fills
            ``agent_actor`` and ``patient_actor``.

    Returns:
        One dict per mention with the keys of :data:`AGENCY_COLUMNS`, in text order.
    """
    lexicon = load_events(events)
    forms = lexicon.forms
    verbs, nouns = frozenset(lexicon.verbs), frozenset(lexicon.nouns)
    violent_words = frozenset(
        f for e in lexicon.entries if e.violent == "yes" for f in e.verb_forms | e.noun_forms
    )
    cast = load_actors(actors) if actors is not None else []
    found = label_rows(doc, cast) if cast else []
    rows: list[dict[str, Any]] = []
    text = doc.text
    for k, toks in enumerate(doc.sentence_tokens):
        norms = {t.norm[:-2] if t.norm.endswith("'s") else t.norm for t in toks}
        if forms.isdisjoint(norms):
            continue
        words = parse_sentence(doc, k, verbs, nouns)
        violent_sentence = not violent_words.isdisjoint(norms)
        for m in sentence_mentions(words, lexicon):
            rows.append(_row(doc, k, words, m, violent_sentence, found, text))
    return rows


def _row(
    doc: Doc,
    k: int,
    words: Sequence[Any],
    m: Mention,
    violent_sentence: bool,
    found: list[dict[str, Any]],
    text: str,
) -> dict[str, Any]:
    start, end = _offsets(words, (m.first, m.last))
    a_start, a_end = _offsets(words, m.agent)
    p_start, p_end = _offsets(words, m.patient)
    i_start, i_end = _offsets(words, m.instrument)
    head = words[m.head]
    violence = m.entry.violent
    return {
        "outlet": doc.outlet,
        "article_id": doc.article_id,
        "form": m.form,
        "agent": text[a_start:a_end] if a_start >= 0 else "",
        "event": text[head.start : head.end],
        "patient": text[p_start:p_end] if p_start >= 0 else "",
        "start": start,
        "end": end,
        "event_lemma": m.entry.event,
        "violent": violence == "yes" or (violence == "context" and violent_sentence),
        "agent_source": m.agent_source,
        "instrument": text[i_start:i_end] if i_start >= 0 else "",
        "agent_actor": _actors_in(found, a_start, a_end),
        "patient_actor": _actors_in(found, p_start, p_end),
        "agent_start": a_start,
        "agent_end": a_end,
        "patient_start": p_start,
        "patient_end": p_end,
        "sentence": k,
    }


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, object)) for c in AGENCY_COLUMNS})
    return pd.DataFrame.from_records(rows, columns=AGENCY_COLUMNS).astype(
        {c: _DTYPES.get(c, object) for c in AGENCY_COLUMNS}
    )


def agency(
    articles: pd.DataFrame,
    *,
    events: str | Path | pd.DataFrame | EventLexicon | None = None,
    actors: ActorSource | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Who is presented as doing what to whom: one row per event mention.

    Each mention of an event word (kill, assassinate, attack, strike, death, withdraw, end,
    ...; see ``framing/lexicons/events.tsv``) is read from TextBlob's offline Pattern tags and
    chunks as one of five forms: ``active`` (the agent is the subject: "the US assassinated
    ..."), ``passive_agent`` ("... were killed by militants"), ``passive_agentless`` ("the
    base was attacked"), ``nominalisation`` ("the deaths of ... in a US airstrike") or
    ``intransitive`` ("Soleimani died", "the mission will end"). See
    :mod:`framing.agency.forms` for the rules and their blind spots.

    Args:
        articles: The articles table.
        events: The event lexicon: ``None`` for the bundled one, a TSV path, a DataFrame, or
            an :class:`~framing.agency.lexicon.EventLexicon`.
        actors: Optional actor file (``data/iraq-2021-07-26/actors.tsv`` for the bundled
            story), DataFrame or list of :class:`~framing.labels.Actor`: resolves agents and
            patients to actors, as :func:`framing.labels` does.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per event mention: ``outlet, article_id``; ``form`` (above); ``agent``,
        ``event``, ``patient`` (phrases as written; "" when absent); ``start, end``: offsets
        of the mention in the text, for a verb the verb group from its first auxiliary
        ("were killed"), for a noun the head noun widened left to a possessive and right to
        its patient phrase ("deaths of ... al-Muhandis", "Soleimani's killing");
        ``event_lemma`` (the lexicon's ``event``); ``violent`` (bool: the lexicon says so, or
        says ``context`` and the sentence has a violent event word); ``agent_source``
        (``subject``, ``by``, ``possessive``, ``premodifier``, ``instrument`` or "");
        ``instrument`` (a folded phrase such as "a fatal drone strike"); ``agent_actor``,
        ``patient_actor`` (actors named inside the phrase, "; "-joined; "" without
        ``actors``); ``agent_start, agent_end, patient_start, patient_end`` (-1 when absent);
        ``sentence`` (index in the article).

    Reading the numbers:
        A row is a reading of grammar, not a fact about the world. ``active`` with an agent
        names who acted; ``passive_agentless``, ``intransitive`` and a ``nominalisation``
        with an empty agent tell the event without saying who did it (Fowler 1991; Trew
        1979). Compare outlets on the same event, and check wire copy: two outlets printing
        the same sentence share its form.

    Example:
        >>> agency(articles)[["outlet", "form", "agent", "event", "patient"]]  # doctest: +SKIP

    References:
        Fowler, R. (1991). Language in the News. Routledge.
        van Leeuwen, T. (1996). The representation of social actors.
    """
    lexicon = load_events(events)
    cast = load_actors(actors) if actors is not None else None
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    return _frame([row for doc in docs for row in agency_rows(doc, events=lexicon, actors=cast)])


def _agentless(table: pd.DataFrame) -> pd.Series:
    return table["form"].isin(["passive_agentless", "nominalisation", "intransitive"]) & (
        table["agent"] == ""
    )


def agency_summary(table: pd.DataFrame, *, violent_only: bool = True) -> pd.DataFrame:
    """How each outlet tells its (violent) events: shares of each grammatical form.

    Args:
        table: From :func:`agency`.
        violent_only: Count only mentions with ``violent`` true (the default), or all.

    Returns:
        One row per outlet (sorted by name): ``outlet``; ``mentions`` (event mentions
        counted); ``share_active``, ``share_passive`` (passives with or without agent),
        ``share_nominalisation``, ``share_intransitive``; ``share_agentless``: mentions that
        name no agent at all, i.e. agentless passives, plus nominalisations and intransitive
        verbs whose agent is empty (an active clause whose subject the parser did not find is
        *not* counted); ``share_agent_named`` (mentions with a non-empty agent). Shares are of
        ``mentions`` and NaN where it is 0.

    Reading the numbers:
        A high ``share_agentless`` means the outlet tends to report violence as something that
        happened rather than something someone did (van Leeuwen's suppression of the social
        actor). With a handful of mentions per outlet one sentence moves a share by 10-50
        points: read the rows behind it (``table[table.outlet == ...]``) before comparing, and
        count shared wire sentences once.

    References:
        Trew, T. (1979). Theory and ideology at work. In Language and Control. Routledge.
        van Leeuwen, T. (1996). The representation of social actors. In Texts and Practices.
    """
    columns = [
        "outlet",
        "mentions",
        "share_active",
        "share_passive",
        "share_nominalisation",
        "share_intransitive",
        "share_agentless",
        "share_agent_named",
    ]
    rows = table[table["violent"]] if violent_only and len(table) else table
    if rows.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype=object if c == "outlet" else "float64") for c in columns}
        ).astype({"mentions": "int64"})
    flags = pd.DataFrame(
        {
            "outlet": rows["outlet"],
            "share_active": rows["form"] == "active",
            "share_passive": rows["form"].isin(["passive_agent", "passive_agentless"]),
            "share_nominalisation": rows["form"] == "nominalisation",
            "share_intransitive": rows["form"] == "intransitive",
            "share_agentless": _agentless(rows),
            "share_agent_named": rows["agent"] != "",
        }
    )
    grouped = flags.groupby("outlet", sort=True)
    out = grouped.mean().astype("float64")
    out.insert(0, "mentions", grouped.size().astype("int64"))
    return out.reset_index()[columns]


def agency_roles(
    table: pd.DataFrame, *, by: str = "actor", violent_only: bool = False
) -> pd.DataFrame:
    """How often each actor is presented as the agent and as the patient, per outlet.

    Args:
        table: From :func:`agency` (with ``actors=`` for ``by="actor"``).
        by: ``"actor"``: the ``agent_actor`` / ``patient_actor`` columns (a phrase naming two
            actors counts for each); ``"phrase"``: the agent and patient phrases as written
            (lower-cased, a leading "the" dropped), for tables made without actors.
        violent_only: Count only violent event mentions.

    Returns:
        One row per (outlet, actor): ``outlet, actor, as_agent, as_patient, share_agent``
        (``as_agent / (as_agent + as_patient)``), sorted by outlet then by mentions.

    Reading the numbers:
        ``share_agent`` near 1: the outlet shows the actor doing things; near 0: things are
        done to it. Counts are mentions, so a repeated sentence counts twice.

    References:
        van Leeuwen, T. (1996). The representation of social actors (activation and
        passivation).
    """
    if by not in ("actor", "phrase"):
        raise ValueError(f"by must be 'actor' or 'phrase', not {by!r}")
    rows = table[table["violent"]] if violent_only and len(table) else table
    records: list[tuple[str, str, str]] = []
    for role in ("agent", "patient"):
        column = f"{role}_actor" if by == "actor" else role
        for outlet, value in zip(rows["outlet"], rows[column], strict=True):
            for name in _names(str(value), by):
                records.append((str(outlet), name, role))
    columns = ["outlet", "actor", "as_agent", "as_patient", "share_agent"]
    if not records:
        return pd.DataFrame(
            {
                "outlet": pd.Series(dtype=object),
                "actor": pd.Series(dtype=object),
                "as_agent": pd.Series(dtype="int64"),
                "as_patient": pd.Series(dtype="int64"),
                "share_agent": pd.Series(dtype="float64"),
            }
        )
    long = pd.DataFrame.from_records(records, columns=["outlet", "actor", "role"])
    wide = pd.crosstab([long["outlet"], long["actor"]], long["role"])
    for role in ("agent", "patient"):
        if role not in wide.columns:
            wide[role] = 0
    out = wide.rename(columns={"agent": "as_agent", "patient": "as_patient"}).reset_index()
    out.columns.name = None
    out = out.astype({"as_agent": "int64", "as_patient": "int64"})
    out["share_agent"] = out["as_agent"] / (out["as_agent"] + out["as_patient"])
    out["_n"] = out["as_agent"] + out["as_patient"]
    out = out.sort_values(["outlet", "_n", "actor"], ascending=[True, False, True])
    return out[columns].reset_index(drop=True)


def _names(value: str, by: str) -> list[str]:
    if not value:
        return []
    if by == "actor":
        return [v for v in value.split("; ") if v]
    phrase = " ".join(value.lower().split())
    return [phrase[4:] if phrase.startswith("the ") else phrase]
