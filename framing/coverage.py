"""Coverage and omission: which facts of a story each outlet reports, where, and what it omits.

:func:`coverage` groups the sentences of the articles on one event into *facts*: clusters of
sentences from different articles that say the same thing in different words. From the one
table it returns, :func:`coverage_matrix` gives the fact-by-outlet grid, :func:`coverage_gaps`
the facts only one outlet reports and the facts most others report that an outlet omits, and
:func:`coverage_summary` one row per outlet.

Method:

1. Each sentence with at least ``min_words`` words becomes a bag of content terms: tokens
   folded as in :func:`framing.similarity.fold` ("U.S." = "US", "2,500" = "2500"), stopwords
   and one-letter tokens left out, plurals folded (Harman's S stemmer).
2. Terms are weighted by TF-IDF over the event's sentences (``(1 + log tf) * idf``, with
   ``idf = 1 + log((1 + n) / (1 + df))``); numbers ("500,000", "2,500", "27") weigh
   ``number_weight`` times more, because a shared figure is strong evidence of a shared fact.
3. Sentence similarity is the cosine of these vectors (robust to rewording as long as the
   content words overlap).
4. Sentences are clustered by average linkage (UPGMA): the two clusters with the highest
   *average* similarity between their members merge, until no pair averages ``threshold``.
   Average linkage, unlike connected components, does not chain: a sentence joins a fact only
   if it is similar to the fact's sentences on average, not to one of them. Similarities under
   ``threshold / 3`` count as zero (so the work stays sparse on large events).
5. Each fact is labelled by its most central sentence (highest summed similarity to the other
   sentences of the fact; the earliest on ties).

Reading the numbers:
    A fact "only" one outlet reports is a sentence with no counterpart above ``threshold`` in
    any other article of the event: an exclusive detail, a quote nobody else ran, an angle, or
    background. Reworded facts with few shared content words ("a fatal drone strike" / "a US
    airstrike") can fall under the threshold and look exclusive: read the sentences. An
    "omitted" fact is reported by more than half (``most``) of the *other* outlets covering the
    event. ``position`` is where a sentence starts, as a share of the article's characters
    (0 = the top); ``lede`` marks the first ``lede_sentences`` sentences.

References:
    Salton, G. & Buckley, C. (1988). Term-weighting approaches in automatic text retrieval.
    *Information Processing & Management* 24(5), 513-523.
    https://doi.org/10.1016/0306-4573(88)90021-0

    Sokal, R. R. & Michener, C. D. (1958). A statistical method for evaluating systematic
    relationships. *University of Kansas Science Bulletin* 38, 1409-1438 (average linkage).

    Hatzivassiloglou, V., Klavans, J. L., Holcombe, M. L., Barzilay, R., Kan, M.-Y. &
    McKeown, K. R. (2001). SimFinder: A flexible clustering tool for summarization. *NAACL
    Workshop on Automatic Summarization* (clustering similar sentences across news articles).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from framing.similarity import fold, group_positions, light_stem
from framing.text import Doc, docs_from

__all__ = [
    "COVERAGE_COLUMNS",
    "coverage",
    "coverage_gaps",
    "coverage_matrix",
    "coverage_summary",
    "sentence_similarity",
]

#: Columns and dtypes of :func:`coverage` (an ``event`` column comes first when grouping).
COVERAGE_COLUMNS: dict[str, Any] = {
    "fact": "int64",
    "label": object,
    "n_outlets": "int64",
    "outlet": object,
    "article_id": object,
    "sentence": "int64",
    "start": "int64",
    "end": "int64",
    "position": "float64",
    "lede": "bool",
    "first": "bool",
    "sentence_text": object,
}


def _sentence_terms(
    doc: Doc, stop: frozenset[str], min_words: int
) -> list[tuple[int, Counter[str]]]:
    """``(sentence index, term counts)`` for each sentence of ``doc`` with ``min_words`` words."""
    out = []
    for sentence, toks in zip(doc.sentences, doc.sentence_tokens, strict=True):
        if len(toks) < min_words:
            continue
        terms: Counter[str] = Counter()
        for tok in toks:
            word = tok.norm[:-2] if tok.norm.endswith("'s") else tok.norm
            if len(word) < 2 or word in stop:
                continue
            key = fold(word)
            if any(ch.isdigit() for ch in key):
                terms["#" + key] += 1  # a number (marked, so it can weigh more)
            elif key not in stop:
                terms[light_stem(key)] += 1
        out.append((sentence.index, terms))
    return out


def _tfidf(
    bags: list[Counter[str]], number_weight: float, articles: list[int] | None
) -> np.ndarray:
    """Unit-length TF-IDF rows (float32) over the terms that can link two articles."""
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    idf = {t: 1.0 + math.log((1 + n) / (1 + c)) for t, c in df.items()}
    shared = set(df)
    if articles is not None:
        where: dict[str, set[int]] = {}
        for bag, art in zip(bags, articles, strict=True):
            for t in bag:
                where.setdefault(t, set()).add(art)
        shared = {t for t, arts in where.items() if len(arts) > 1}
    column = {t: k for k, t in enumerate(sorted(shared))}
    x = np.zeros((n, len(column)), dtype=np.float32)
    for i, bag in enumerate(bags):
        total = 0.0
        for t, c in bag.items():
            w = (1.0 + math.log(c)) * idf[t] * (number_weight if t.startswith("#") else 1.0)
            total += w * w
            k = column.get(t)
            if k is not None:
                x[i, k] = w
        if total > 0:
            x[i] /= math.sqrt(total)  # the full length, so cosines are exact
    return x


def sentence_similarity(
    bags: list[Counter[str]], *, number_weight: float = 2.0, articles: list[int] | None = None
) -> np.ndarray:
    """Cosine similarity of TF-IDF sentence vectors (numbers weighted up), as a dense matrix.

    Args:
        bags: Term counts per sentence (numbers are keys starting with ``#``).
        number_weight: Extra weight of number terms.
        articles: The article of each sentence; if given, terms that occur in one article
            only are left out of the product (they cannot link two articles) but still count
            in each vector's length, so cross-article similarities are unchanged and the
            matrix product small.

    Returns:
        An ``n x n`` float array, 1.0 on the diagonal for non-empty sentences.
    """
    x = _tfidf(bags, number_weight, articles).astype(np.float64)
    sims = x @ x.T
    np.fill_diagonal(sims, [1.0 if bag else 0.0 for bag in bags])
    return sims


def _edges(x: np.ndarray, floor: float, *, block: int = 1024) -> tuple[np.ndarray, ...]:
    """``(i, j, similarity)`` for ``i < j`` and similarity >= ``floor``, by blocks of rows."""
    rows, cols, vals = [], [], []
    for lo in range(0, len(x), block):
        part = x[lo : lo + block] @ x.T
        ii, jj = np.nonzero(part >= floor)
        keep = jj > ii + lo
        ii, jj = ii[keep], jj[keep]
        rows.append(ii + lo)
        cols.append(jj)
        vals.append(part[ii, jj].astype(np.float64))
    if not rows:
        return np.empty(0, dtype=int), np.empty(0, dtype=int), np.empty(0)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)


def _average_linkage(n: int, edges: tuple[np.ndarray, ...], threshold: float) -> list[list[int]]:
    """UPGMA over a sparse similarity graph (missing pairs count as 0); stop below ``threshold``."""
    ii, jj, ss = (e.tolist() for e in edges)
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for i, j, s in zip(ii, jj, ss, strict=True):
        sums[i][j] = s
        sums[j][i] = s
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    heap = [(-s, i, j) for i, j, s in zip(ii, jj, ss, strict=True) if s >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side already merged into another cluster
        c = next_id
        next_id += 1
        members[c] = sorted(members.pop(a) + members.pop(b))
        merged: dict[int, float] = {}
        for old in (a, b):
            for x, s in sums.pop(old).items():
                if x in (a, b):
                    continue
                merged[x] = merged.get(x, 0.0) + s
                del sums[x][old]
        sums[c] = merged
        for x, s in merged.items():
            sums[x][c] = s
            avg = s / (len(members[c]) * len(members[x]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, c, x))
    return sorted(members.values())


def _empty(grouped: bool) -> pd.DataFrame:
    cols = {"event": object, **COVERAGE_COLUMNS} if grouped else COVERAGE_COLUMNS
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def coverage(
    articles: pd.DataFrame,
    *,
    by: str | None = "event",
    threshold: float = 0.3,
    number_weight: float = 2.0,
    min_words: int = 4,
    lede_sentences: int = 2,
    stopwords: str | Path | Iterable[str] | None = None,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """The facts of a story as clusters of similar sentences across the articles on it.

    Args:
        articles: The articles table.
        by: Cluster sentences only within groups of this column. The default ``"event"`` is
            used when the table has that column (otherwise all articles form one story);
            ``None`` treats the whole table as one story.
        threshold: Lowest average cosine similarity (0-1) at which two groups of sentences
            merge into one fact. Lower merges more loosely related sentences; higher keeps
            only close paraphrases together.
        number_weight: How much more a number ("500,000") weighs than a word.
        min_words: Sentences with fewer words (headings such as "Unproved claim") are left out.
        lede_sentences: How many of an article's first (kept) sentences form its lede.
        stopwords: Words that carry no fact (default: ``framing/lexicons/stopwords.tsv``; see
            :func:`framing.terms.load_stopwords`).
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per kept sentence (a mention of a fact): ``event`` (when grouping by a column),
        ``fact`` (id, unique over the table; within an event, facts most outlets report come
        first), ``label`` (the fact's most central sentence), ``n_outlets`` (outlets reporting
        the fact in this event), ``outlet``, ``article_id``, ``sentence`` (index in the
        article's :attr:`~framing.text.Doc.sentences`), ``start``, ``end`` (the sentence in
        ``text``), ``position`` (``start / len(text)``: 0 = top of the article), ``lede`` (one
        of the first ``lede_sentences`` kept sentences), ``first`` (the article's first mention
        of this fact), ``sentence_text``.

    Reading the numbers:
        See the module docstring. ``n_outlets == 1`` marks a fact only one outlet reports.

    Example:
        >>> facts = coverage(articles)  # doctest: +SKIP
    """
    from framing.terms import load_stopwords

    stop = load_stopwords(stopwords)
    all_docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    grouped = by is not None and by in articles.columns
    rows: list[dict[str, object]] = []
    next_fact = 0
    for value, positions in group_positions(articles, by):
        docs = [all_docs[p] for p in positions]
        units: list[tuple[int, int, int]] = []  # (doc, sentence index, rank in the doc)
        bags: list[Counter[str]] = []
        for d_idx, doc in enumerate(docs):
            for rank, (s_idx, bag) in enumerate(_sentence_terms(doc, stop, min_words)):
                units.append((d_idx, s_idx, rank))
                bags.append(bag)
        if not units:
            continue
        x = _tfidf(bags, number_weight, [u[0] for u in units])
        clusters = _average_linkage(len(units), _edges(x, threshold / 3), threshold)
        facts = []
        for members in clusters:
            outlets = {docs[units[m][0]].outlet for m in members}
            pos = [docs[units[m][0]].sentences[units[m][1]].start for m in members]
            rel = [
                p / max(len(docs[units[m][0]].text), 1) for p, m in zip(pos, members, strict=True)
            ]
            sub = (x[members] @ x[members].T).sum(axis=1)
            central = members[int(np.argmax(sub))]
            facts.append((-len(outlets), min(rel), members, central, len(outlets)))
        facts.sort(key=lambda f: (f[0], f[1], f[2][0]))
        for _, _, members, central, n_outlets in facts:
            c_doc, c_sent = docs[units[central][0]], units[central][1]
            label = " ".join(c_doc.sentence_text(c_doc.sentences[c_sent]).split())
            seen: set[int] = set()
            for m in members:  # members are in document order
                d_idx, s_idx, rank = units[m]
                doc = docs[d_idx]
                sent = doc.sentences[s_idx]
                row: dict[str, object] = {"event": value} if grouped else {}
                row.update(
                    fact=next_fact,
                    label=label,
                    n_outlets=n_outlets,
                    outlet=doc.outlet,
                    article_id=doc.article_id,
                    sentence=s_idx,
                    start=sent.start,
                    end=sent.end,
                    position=sent.start / max(len(doc.text), 1),
                    lede=rank < lede_sentences,
                    first=d_idx not in seen,
                    sentence_text=doc.sentence_text(sent),
                )
                seen.add(d_idx)
                rows.append(row)
            next_fact += 1
    if not rows:
        return _empty(grouped)
    return pd.DataFrame(rows).astype({c: t for c, t in COVERAGE_COLUMNS.items() if t is not object})


def _event_keys(table: pd.DataFrame) -> list[str]:
    return ["event"] if "event" in table.columns else []


def coverage_matrix(
    table: pd.DataFrame,
    *,
    value: Literal["presence", "position"] = "presence",
) -> pd.DataFrame:
    """The fact-by-outlet grid of a :func:`coverage` table.

    Args:
        table: A :func:`coverage` table (filter it to one event first for a readable grid).
        value: ``"presence"``: ``True`` where the outlet reports the fact; ``"position"``: the
            relative position (0-1) of the outlet's first mention, ``NaN`` where absent.

    Returns:
        One row per fact (index ``fact``, ``label``, plus ``event`` when present), one column
        per outlet in table order.
    """
    index = [*_event_keys(table), "fact", "label"]
    outlets = list(dict.fromkeys(table["outlet"]))
    first = table.groupby([*index, "outlet"], sort=False)["position"].min()
    grid = first.unstack("outlet").reindex(columns=outlets)
    grid.columns.name = None
    if value == "presence":
        return grid.notna()
    return grid


def _fact_table(table: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, fact, outlet) with the first position and lede flag."""
    keys = [*_event_keys(table), "fact", "label", "n_outlets", "outlet"]
    return table.groupby(keys, sort=False, dropna=False).agg(
        position=("position", "min"), lede=("lede", "any"), sentences=("sentence", "size")
    )


def coverage_gaps(table: pd.DataFrame, *, most: float = 0.5) -> pd.DataFrame:
    """Per outlet, the facts only it reports and the facts most others report but it omits.

    Args:
        table: A :func:`coverage` table.
        most: A fact counts as omitted by an outlet when more than this share of the *other*
            outlets covering the event report it (default: more than half).

    Returns:
        One row per (outlet, fact) gap: ``event`` (when present), ``outlet``, ``status``
        (``"only"`` or ``"omitted"``), ``fact``, ``label``, ``n_outlets``, ``position`` (for
        ``only``: where this outlet first reports it; for ``omitted``: the earliest first
        mention among the outlets that report it), ``lede`` (in this outlet's lede for
        ``only``; in any reporting outlet's lede for ``omitted``).
    """
    ev = _event_keys(table)
    cols = [*ev, "outlet", "status", "fact", "label", "n_outlets", "position", "lede"]
    facts = _fact_table(table).reset_index()
    rows: list[pd.DataFrame] = []
    only = facts[facts["n_outlets"] == 1].assign(status="only")
    rows.append(only[cols])
    groups = facts.groupby(ev, sort=False, dropna=False) if ev else [(None, facts)]
    for _, grp in groups:
        outlets = list(dict.fromkeys(grp["outlet"]))
        if len(outlets) < 2:
            continue
        per_fact = grp.groupby("fact", sort=False).agg(
            label=("label", "first"),
            n_outlets=("n_outlets", "first"),
            position=("position", "min"),
            lede=("lede", "any"),
            outlets=("outlet", lambda s: frozenset(s)),
        )
        need = most * (len(outlets) - 1)
        for outlet in outlets:
            miss = per_fact[[outlet not in s and len(s) > need for s in per_fact["outlets"]]]
            if miss.empty:
                continue
            part = miss.reset_index().assign(outlet=outlet, status="omitted")
            for key in ev:
                part[key] = grp[key].iloc[0]
            rows.append(part[cols])
    out = pd.concat(rows, ignore_index=True)
    order = {o: k for k, o in enumerate(dict.fromkeys(table["outlet"]))}
    out = out.assign(_o=out["outlet"].map(order), _s=(out["status"] == "omitted").astype(int))
    out = out.sort_values([*ev, "_o", "_s", "position"], kind="stable")
    return out.drop(columns=["_o", "_s"]).reset_index(drop=True)


def coverage_summary(table: pd.DataFrame, *, most: float = 0.5) -> pd.DataFrame:
    """One row per outlet: how much of what it reports nobody else does, and what it leaves out.

    Args:
        table: A :func:`coverage` table.
        most: See :func:`coverage_gaps`.

    Returns:
        ``outlet``, ``n_articles``, ``n_sentences`` (kept sentences), ``n_facts`` (facts it
        reports, summed over events), ``facts_only`` (reported by no other outlet),
        ``sentences_only`` and ``share_sentences_only`` (its sentences with no counterpart in
        any other outlet's article on the event, and their share of ``n_sentences``),
        ``facts_omitted`` (facts more than ``most`` of the other outlets report and it does
        not), ``lede_shared`` (share of its lede sentences whose fact another outlet reports
        too).

    Reading the numbers:
        ``share_sentences_only`` is the part of an outlet's reporting that is its own: its
        exclusive details, quotes and background, plus any paraphrase too loose to match (see
        the module docstring). ``facts_omitted`` counts what the rest of the pack reported.
    """
    gaps = coverage_gaps(table, most=most)
    keys = ["outlet"]
    outlets = list(dict.fromkeys(table["outlet"]))
    rows = []
    for outlet in outlets:
        mine = table[table["outlet"] == outlet]
        ev = _event_keys(table)
        facts = mine.drop_duplicates([*ev, "fact"])
        only = mine[mine["n_outlets"] == 1]
        lede = mine[mine["lede"]]
        rows.append(
            {
                "outlet": outlet,
                "n_articles": mine["article_id"].nunique(),
                "n_sentences": len(mine),
                "n_facts": len(facts),
                "facts_only": int((facts["n_outlets"] == 1).sum()),
                "sentences_only": len(only),
                "share_sentences_only": len(only) / max(len(mine), 1),
                "facts_omitted": int(
                    ((gaps["outlet"] == outlet) & (gaps["status"] == "omitted")).sum()
                ),
                "lede_shared": float((lede["n_outlets"] > 1).mean()) if len(lede) else np.nan,
            }
        )
    out = pd.DataFrame(rows, columns=[*keys, *list(rows[0])[1:]] if rows else keys)
    return out
