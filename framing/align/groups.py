"""Group the quotes of one utterance across outlets and show how each version differs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import pandas as pd

from framing.align.words import Op, Word, align, describe, link_score, trimmed, words_of

__all__ = ["COLUMNS", "SPEAKER_CONFLICT_THRESHOLD", "align_quotes"]

#: Column order of :func:`align_quotes`.
COLUMNS = (
    "group",
    "outlet",
    "article_id",
    "quote_id",
    "speaker",
    "kind",
    "quote",
    "start",
    "end",
    "reference",
    "similarity",
    "coverage",
    "differences",
    "trimmed",
    "trimmed_words",
    "ops",
    "n_versions",
    "n_outlets",
)
#: Link score two versions need when both name a speaker and the surnames differ.
SPEAKER_CONFLICT_THRESHOLD = 0.8
#: Word triples in more rows than this are too common to propose candidates ("one of the").
_MAX_POSTINGS = 500
_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}


@dataclass
class _Version:
    row: int
    article_id: str
    outlet: str
    speaker: str
    kind: str
    quote: str
    start: int
    end: int
    words: list[Word]
    norms: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        self.norms = tuple(w.norm for w in self.words)

    def contains(self, other: _Version) -> bool:
        return (
            self.article_id == other.article_id
            and self.start <= other.start
            and other.end <= self.end
            and (self.start, self.end) != (other.start, other.end)
        )

    def overlaps(self, other: _Version) -> bool:
        return (
            self.article_id == other.article_id
            and self.start < other.end
            and other.start < self.end
        )


def _surname(speaker: object) -> str:
    if not isinstance(speaker, str):
        return ""
    names = speaker.split()
    return names[-1].casefold() if names else ""


def _speakers_conflict(a: _Version, b: _Version) -> bool:
    sa, sb = _surname(a.speaker), _surname(b.speaker)
    return bool(sa and sb and sa != sb)


class _Linker:
    """Link scores between versions, computed once per pair of distinct word lists."""

    def __init__(self, versions: list[_Version], threshold: float, min_words: int) -> None:
        self.versions = versions
        self.threshold = threshold
        self.min_words = min_words
        self._scores: dict[tuple[tuple[str, ...], tuple[str, ...]], float] = {}

    def score(self, a: _Version, b: _Version) -> float:
        key = (a.norms, b.norms) if a.norms <= b.norms else (b.norms, a.norms)
        if key not in self._scores:
            self._scores[key] = 1.0 if a.norms == b.norms else link_score(*map(list, key))
        return self._scores[key]

    def linked(self, a: _Version, b: _Version) -> bool:
        if a.article_id == b.article_id:
            return False
        bar = self.threshold
        if _speakers_conflict(a, b):
            bar = max(bar, SPEAKER_CONFLICT_THRESHOLD)
        share = self.score(a, b)
        matched = round(share * min(len(a.norms), len(b.norms)))
        return share >= bar and matched >= self.min_words

    def edges(self) -> dict[int, set[int]]:
        """Links between versions sharing three consecutive words (the candidates), scored."""
        postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for k, v in enumerate(self.versions):
            for gram in set(zip(v.norms, v.norms[1:], v.norms[2:], strict=False)):
                postings[gram].append(k)
        candidates: set[tuple[int, int]] = set()
        for members in postings.values():
            if len(members) <= _MAX_POSTINGS:
                candidates.update(
                    (i, j)
                    for i, j in combinations(members, 2)
                    if self.versions[i].article_id != self.versions[j].article_id
                )
        graph: dict[int, set[int]] = defaultdict(set)
        for i, j in sorted(candidates):
            if self.linked(self.versions[i], self.versions[j]):
                graph[i].add(j)
                graph[j].add(i)
        return graph


def _components(nodes: Iterable[int], graph: dict[int, set[int]]) -> list[list[int]]:
    todo, out = set(nodes), []
    for start in sorted(todo):
        if start not in todo:
            continue
        stack, comp = [start], []
        todo.discard(start)
        while stack:
            node = stack.pop()
            comp.append(node)
            for nxt in graph.get(node, ()):
                if nxt in todo:
                    todo.discard(nxt)
                    stack.append(nxt)
        out.append(sorted(comp))
    return out


def _reference(comp: list[_Version]) -> _Version:
    """Most complete version: direct quotation first, then most words, fewest cuts, then ids.

    A row that contains another row of the same article (reported speech wrapped around a
    quotation it also reports) is only a candidate if every row is such a wrapper.
    """
    plain = [v for v in comp if not any(v.contains(o) for o in comp)] or comp
    return min(
        plain,
        key=lambda v: (
            _KIND_RANK.get(v.kind, 3),
            -len(v.words),
            sum(w.cut for w in v.words),
            v.article_id,
            v.start,
        ),
    )


def _dice(v: _Version, ref: _Version) -> float:
    found = align(ref.quote, ref.words, v.quote, v.words)
    return 2 * found.matched / (len(v.words) + len(ref.words)) if found else 0.0


def _resolve(comp: list[int], versions: list[_Version], linker: _Linker) -> list[list[int]]:
    """Split a component into groups whose every member links to the group's reference."""
    graph = {
        i: {j for j in comp if j != i and linker.linked(versions[i], versions[j])} for i in comp
    }
    groups, todo = [], comp
    while todo:
        next_todo: list[int] = []
        for part in _components(todo, graph):
            ref = _reference([versions[i] for i in part])
            members = [i for i in part if versions[i] is ref or linker.linked(versions[i], ref)]
            next_todo += [i for i in part if i not in members]
            # Overlapping rows of one article are the same words: keep the closest to the ref.
            kept: list[int] = []
            for i in sorted(
                members, key=lambda i: (versions[i] is not ref, -_dice(versions[i], ref), i)
            ):
                if not any(versions[i].overlaps(versions[k]) for k in kept):
                    kept.append(i)
            groups.append(kept)
        graph = {i: graph[i] & set(next_todo) for i in next_todo}
        todo = next_todo
    return groups


def _group_rows(group: list[_Version]) -> list[dict[str, object]]:
    ref = _reference(group)
    outlets = {v.outlet for v in group}
    rows = []
    for v in sorted(group, key=lambda v: (v is not ref, v.article_id, v.start)):
        found = align(ref.quote, ref.words, v.quote, v.words, offset=v.start)
        ops: list[Op] = found.ops if found else []
        matched = found.matched if found else 0
        trim_text, trim_words = trimmed(ops)
        rows.append(
            {
                "reference": v is ref,
                "similarity": round(matched / len(v.words), 3),
                "coverage": round(matched / len(ref.words), 3),
                "differences": describe(ops),
                "trimmed": trim_text,
                "trimmed_words": trim_words,
                "ops": [tuple(op) for op in ops],
                "n_versions": len(group),
                "n_outlets": len(outlets),
                "_v": v,
            }
        )
    return rows


def align_quotes(
    quotes: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    threshold: float = 0.6,
    min_words: int = 6,
    min_outlets: int = 2,
    event_col: str = "event",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Group the quotes of one utterance across outlets, with each version's word differences.

    Each quote is split into normalised words (casefolded, straight quotes, punctuation
    dropped; an ellipsis marks a cut). Two quotes from different articles are linked when the
    shorter one's words appear in the longer one, in order, for at least ``threshold`` of its
    words (counting only runs of two or more consecutive words, so a trimmed quote links to the
    middle of a longer one while shared function words do not). The speaker is supporting
    evidence: when both rows name a speaker and the surnames differ, the link needs
    :data:`SPEAKER_CONFLICT_THRESHOLD` (0.8) instead. Linked quotes form connected
    components; to stop chains of unrelated quotes, each group keeps only the versions that
    link directly to its reference, and the others are grouped again among themselves.
    Rows of one article whose spans overlap (a quotation and the reported speech wrapped
    around it) count once: the one closest to the reference. Quotes are never grouped across
    values of the ``event`` column.

    Args:
        quotes: The quotes table (:func:`framing.quotes`): ``article_id, outlet, kind, quote,
            start, end, speaker`` are used, ``quote_id`` is carried through when present.
        articles: The articles table, only to read the ``event`` column when ``quotes`` has
            none.
        threshold: Link score (share of the shorter version's words found in order in the
            longer) needed to link two versions; 0.6 by default.
        min_words: Quotes shorter than this many words are left out, and two versions link
            only if they share at least this many words in runs (shorter overlaps, like "is
            still on the table", are common phrases rather than one utterance). Default 6.
        min_outlets: Keep groups quoted by at least this many outlets (1 keeps every quote).
        event_col: Column naming the event of each article (in ``quotes`` or ``articles``).
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet name.

    Returns:
        One row per version, grouped: ``group`` (1, 2, ... ordered by number of outlets, then
        versions, then the reference's article and position), ``outlet, article_id, quote_id,
        speaker, kind, quote, start, end`` (from the quotes table), ``reference`` (True for the
        group's most complete version: a direct quotation before partial and indirect ones,
        then most words, fewest ellipses, article id, start), ``similarity``, ``coverage``,
        ``differences`` (readable, e.g. ``"arises → rises; + Islamic State"``), ``trimmed``
        (reference passages the version leaves out at its ends or at its ellipses, joined by
        " | "), ``trimmed_words``, ``ops`` (a list of ``(op, reference words, version words,
        start, end)``, op one of ``replace, insert, delete, trim``; offsets index the
        article text of the version), ``n_versions`` and ``n_outlets`` of the group. An
        outlet normally has one row per group; one that quotes the utterance in two separate
        passages or articles has one row for each.

    Reading the numbers:
        ``similarity`` is the share of this version's words that are the reference's words in
        the same order: 1.0 means every word it prints is in the reference (it may still be
        trimmed). ``coverage`` is the share of the reference's words this version carries:
        a trimmed quote has a low coverage and a high similarity. ``differences`` are the
        words changed (``→``), added (``+``) or silently left out (``−``: no ellipsis marks
        the cut); ``trimmed`` lists what was cut at the ends or at an ellipsis. Paraphrases
        (kind ``indirect``) join a group only when enough of their words match; a loose
        paraphrase stays out (on the bundled story WION's "as it gets up" version shares 0.56
        of its words with the reference, under the default 0.6). Matching is on words, not
        meaning: two outlets translating the same remark differently may not be grouped.
    """
    if event_col not in quotes.columns and articles is not None and event_col in articles:
        events = dict(zip(articles[id_col], articles[event_col], strict=False))
        event_of = [events.get(a) for a in quotes[id_col]]
    elif event_col in quotes.columns:
        event_of = list(quotes[event_col])
    else:
        event_of = [None] * len(quotes)
    quote_ids = list(quotes["quote_id"]) if "quote_id" in quotes.columns else [""] * len(quotes)

    def column(name: str, default: object) -> list[Any]:
        return list(quotes[name]) if name in quotes.columns else [default] * len(quotes)

    texts, kinds, speakers = column("quote", ""), column("kind", ""), column("speaker", "")
    starts, ends = column("start", 0), column("end", -1)
    ids, outlets = column(id_col, ""), column(outlet_col, "")
    buckets: dict[Hashable, list[_Version]] = defaultdict(list)
    for k in range(len(quotes)):
        text = texts[k] if isinstance(texts[k], str) else ""
        words = words_of(text)
        if len(words) < min_words:
            continue
        event = event_of[k]
        key = "" if event is None or (isinstance(event, float) and event != event) else event
        end = int(ends[k])
        buckets[key].append(
            _Version(
                row=k,
                article_id=str(ids[k]),
                outlet=str(outlets[k]),
                speaker=speakers[k] if isinstance(speakers[k], str) else "",
                kind=kinds[k] if isinstance(kinds[k], str) else "",
                quote=text,
                start=int(starts[k]),
                end=end if end >= 0 else len(text),
                words=words,
            )
        )

    groups: list[list[_Version]] = []
    for bucket in buckets.values():
        linker = _Linker(bucket, threshold, min_words)
        graph = linker.edges()
        for comp in _components(range(len(bucket)), graph):
            for members in _resolve(comp, bucket, linker):
                group = [bucket[i] for i in members]
                if len({v.outlet for v in group}) >= min_outlets:
                    groups.append(group)

    def order(group: list[_Version]) -> tuple[int, int, str, int]:
        ref = _reference(group)
        return (-len({v.outlet for v in group}), -len(group), ref.article_id, ref.start)

    rows = []
    for number, group in enumerate(sorted(groups, key=order), start=1):
        for row in _group_rows(group):
            v = row.pop("_v")
            assert isinstance(v, _Version)
            rows.append(
                {
                    "group": number,
                    "outlet": v.outlet,
                    "article_id": v.article_id,
                    "quote_id": quote_ids[v.row],
                    "speaker": v.speaker,
                    "kind": v.kind,
                    "quote": v.quote,
                    "start": v.start,
                    "end": v.end,
                    **row,
                }
            )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for col in ("group", "start", "end", "trimmed_words", "n_versions", "n_outlets"):
        frame[col] = frame[col].astype("int64")
    for col in ("outlet", "article_id", "quote_id", "speaker", "kind", "quote", "differences"):
        frame[col] = frame[col].astype(object)
    for col in ("trimmed", "ops"):
        frame[col] = frame[col].astype(object)
    frame["reference"] = frame["reference"].astype(bool)
    for col in ("similarity", "coverage"):
        frame[col] = frame[col].astype("float64")
    return frame
