"""Actor labels: how each outlet names the same people, groups and events.

The same militias are "Iran-backed Shia militias" in one outlet and "so-called Iran-aligned
fighters" in another; one outlet's "deaths ... in a US airstrike" is another's "the US
assassinated". :func:`labels` finds every mention of the actors in an actor file and returns the
phrase as written, premodifiers included; :func:`label_variants` helps build such a file for a
new story by listing, per outlet, the premodifiers used with a head noun.

Actor files are TSV (see ``data/iraq-2021-07-26/actors.tsv``) with the columns:

* ``actor``: the name results are grouped under ("Iran-aligned militias");
* ``match``: ``alias`` (``pattern`` is a regular expression for the mention itself, e.g.
  ``(?:Qass?em )?Soleimani``) or ``head`` (``pattern`` must match a whole word that heads a
  noun phrase, e.g. ``militias?|fighters``; a word followed by another noun, as "militia" in
  "militia leader", is not a head);
* ``require`` (optional): a regular expression the whole label must contain (a head row for
  militias requires ``Iran|Shi`` so "Iraqi forces" is not a militia);
* ``context`` (optional): a regular expression the sentence must contain (a row for the
  strike that killed Soleimani requires ``Soleimani`` in the sentence);
* ``note`` (optional): free text.

Patterns are case-insensitive unless they contain a capital letter ("smart case"), so
``militias?`` matches "Militias" while ``US`` does not match the pronoun "us".

Each mention is widened leftward over its premodifiers by a general rule: adjectives, nouns used
as modifiers, proper nouns and acronyms, hyphenated compounds ("Iran-backed", "so-called",
"pro-Iranian", "US-led") and participles after a determiner ("a resurging ISIS"), as tagged by
TextBlob's offline Pattern tagger; the widening stops at determiners, possessives, verbs,
prepositions and punctuation.

Reading the numbers:
    A label is a phrase, not a score. Count labels per outlet to see which name an outlet
    prefers, and check wire copy: two outlets printing the same sentence share its label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from framing._resources import read_tsv
from framing.text import Doc, Token, docs_from

__all__ = [
    "LABEL_COLUMNS",
    "Actor",
    "label_rows",
    "label_table",
    "label_variants",
    "labels",
    "load_actors",
    "premodifier_start",
]

LABEL_COLUMNS = [
    "outlet",
    "article_id",
    "actor",
    "label",
    "start",
    "end",
    "head",
    "modifiers",
    "sentence",
]
_DTYPES: dict[str, Any] = {
    "outlet": object,
    "article_id": object,
    "actor": object,
    "label": object,
    "start": "int64",
    "end": "int64",
    "head": object,
    "modifiers": object,
    "sentence": "int64",
}

MAX_PREMODIFIERS = 6


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile with smart case: case-insensitive unless the pattern has a capital letter."""
    letters = re.sub(r"\\[A-Za-z]", "", pattern)
    flags = 0 if any(ch.isupper() for ch in letters) else re.IGNORECASE
    return re.compile(pattern, flags)


@dataclass(frozen=True)
class Actor:
    """One row of an actor file (see the module docstring).

    Attributes:
        actor: Name results are grouped under.
        match: ``"alias"`` or ``"head"``.
        pattern: Regular expression for the mention (alias) or the head word (head).
        require: Regular expression the label must contain, or "".
        context: Regular expression the sentence must contain, or "".
    """

    actor: str
    match: Literal["alias", "head"]
    pattern: str
    require: str = ""
    context: str = ""

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled ``pattern`` (alias rows: bounded by word edges)."""
        return _regex(self.pattern, self.match)

    def accepts(self, label: str, sentence: str) -> bool:
        """Whether a candidate label in ``sentence`` passes ``require`` and ``context``."""
        if self.require and not _compile(self.require).search(label):
            return False
        return not (self.context and not _compile(self.context).search(sentence))


@cache
def _regex(pattern: str, match: str) -> re.Pattern[str]:
    if match == "head":
        return _compile(rf"(?:{pattern})")
    return _compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")


def load_actors(source: str | Path | pd.DataFrame | Iterable[Actor]) -> list[Actor]:
    """Read an actor file (TSV), a DataFrame with the same columns, or a list of actors.

    Args:
        source: Path to the TSV (``#`` comment lines allowed), a DataFrame with columns
            ``actor, match, pattern`` (and optionally ``require, context``), or ``Actor``s.

    Returns:
        The actors, in file order.

    Raises:
        ValueError: If a row has an unknown ``match`` or a pattern that does not compile,
            naming the row.
    """
    if isinstance(source, pd.DataFrame):
        rows: list[dict[str, str]] = [
            {str(k): "" if pd.isna(v) else str(v) for k, v in rec.items()}
            for rec in source.to_dict("records")
        ]
    elif isinstance(source, (str, Path)):
        rows = read_tsv(Path(source))
    else:
        return list(source)
    actors = []
    for number, row in enumerate(rows, start=1):
        match = row.get("match", "alias") or "alias"
        if match not in ("alias", "head"):
            raise ValueError(f"actor row {number}: match must be 'alias' or 'head', not {match!r}")
        actor = Actor(
            actor=row["actor"],
            match=match,  # type: ignore[arg-type]
            pattern=row["pattern"],
            require=row.get("require", "") or "",
            context=row.get("context", "") or "",
        )
        try:
            for pattern in (actor.pattern, actor.require, actor.context):
                _compile(pattern)
        except re.error as err:
            raise ValueError(f"actor row {number} ({actor.actor}): bad pattern: {err}") from err
        actors.append(actor)
    return actors


# --- premodifiers ---------------------------------------------------------------------------

_STOP_WORDS = """a an the this that these those its their his her our my your some any all
    both each every no of by from to in on at for with against and or but as than after before about
    many several few more most other such much various numerous"""
_STOP = frozenset(_STOP_WORDS.split())
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNP", "NNPS", "VBN", "VBG"})
_ATTACH_TAGS = frozenset({"DT", "PRP$", "JJ", "JJR", "JJS", "CD"})
_TITLES = "gen lt col maj sgt capt cmdr adm gov sen rep mr mrs ms dr pres sec"
_TITLE_ABBREVIATIONS = frozenset(_TITLES.split())


def _sentence_tags(doc: Doc, k: int) -> list[str]:
    """Penn tags of the tokens of sentence ``k`` (TextBlob's offline Pattern tagger), cached."""
    memo: dict[int, list[str]] = doc.cached("label_tags", _new_memo)  # type: ignore[assignment]
    if k not in memo:
        from textblob.en.taggers import PatternTagger

        toks = doc.sentence_tokens[k]
        words = [doc.text[t.start : t.end].replace(" ", "_") for t in toks]
        tagged = PatternTagger().tag(" ".join(words), tokenize=False) if words else []
        tags = [tag for _, tag in tagged]
        memo[k] = tags if len(tags) == len(toks) else [""] * len(toks)
    return memo[k]


def _new_memo(doc: Doc) -> dict[int, list[str]]:
    return {}


def _joined(norm: str, left: Token, right: Token) -> bool:
    """Whether only white space (or a title's dot, as in "Gen. Qasem") separates two tokens."""
    gap = norm[left.end : right.start]
    if not gap.strip():
        return True
    return gap.strip() == "." and left.norm in _TITLE_ABBREVIATIONS


def _is_modifier(doc: Doc, toks: Sequence[Token], tags: Sequence[str], j: int) -> bool:
    tok = toks[j]
    written = doc.text[tok.start : tok.end]
    norm = tok.norm
    if norm in _STOP or norm.endswith("'s") or not any(ch.isalpha() for ch in norm):
        return False
    if "-" in norm and not norm.endswith("-"):
        return True  # Iran-backed, so-called, pro-Iranian, US-led, hard-line
    if written.isupper() and len(written) > 1:
        return True  # acronyms: US, KRG (the tagger reads "US" as a pronoun)
    tag = tags[j] if j < len(tags) else ""
    if tag in ("VBN", "VBG") or (norm.endswith("ing") and tag.startswith("NN")):
        # A participle modifies the noun only right after a determiner or adjective ("a
        # resurging ISIS"), not after another noun ("bases housing US troops").
        left = tags[j - 1] if j > 0 else ""
        return j > 0 and left in _ATTACH_TAGS and _joined(doc.norm, toks[j - 1], tok)
    if tag == "NN" and j > 0:
        # A common noun right after "to" or a verb is a verb the tagger misread ("to shift US
        # troops' mission", "helping defeat IS militants").
        left_tag = tags[j - 1] if j - 1 < len(tags) else ""
        if toks[j - 1].norm == "to" or left_tag.startswith(("VB", "MD")):
            return False
    return tag in _MODIFIER_TAGS


def premodifier_start(doc: Doc, k: int, i: int) -> int:
    """Index of the first premodifier of the noun phrase whose first word is token ``i``.

    Args:
        doc: The parsed article.
        k: Sentence index.
        i: Index (within the sentence's tokens) of the leftmost word of the mention.

    Returns:
        The index of the leftmost token still modifying the mention (``i`` if none).
    """
    toks = doc.sentence_tokens[k]
    tags = _sentence_tags(doc, k)
    j = i
    while j > 0 and i - j < MAX_PREMODIFIERS and _joined(doc.norm, toks[j - 1], toks[j]):
        if not _is_modifier(doc, toks, tags, j - 1):
            break
        j -= 1
    return j


def _is_head(doc: Doc, k: int, i: int) -> bool:
    """A word heads its noun phrase unless another noun follows it directly."""
    toks = doc.sentence_tokens[k]
    if i + 1 >= len(toks) or not _joined(doc.norm, toks[i], toks[i + 1]):
        return True
    if toks[i].norm.endswith("'s"):
        return True
    nxt = _sentence_tags(doc, k)[i + 1]
    return not nxt.startswith("NN")


# --- mentions -------------------------------------------------------------------------------


def _token_index(toks: Sequence[Token], offset: int, *, end: bool = False) -> int:
    """Index of the token containing ``offset`` (for ``end``, the token containing offset-1)."""
    for n, tok in enumerate(toks):
        if (tok.start <= offset - 1 < tok.end) if end else (tok.start <= offset < tok.end):
            return n
        if not end and tok.start > offset:
            return n
    return len(toks) - 1


def _mention(
    doc: Doc, k: int, first: int, last: int, head_start: int, head_end: int
) -> dict[str, Any]:
    toks = doc.sentence_tokens[k]
    j = premodifier_start(doc, k, first)
    start = toks[j].start
    end = head_end
    return {
        "start": start,
        "end": end,
        "head": doc.text[head_start:head_end],
        "modifiers": doc.text[start:head_start].strip(),
        "sentence": k,
    }


def _candidates(doc: Doc, actor: Actor) -> Iterable[dict[str, Any]]:
    for k, sentence in enumerate(doc.sentences):
        toks = doc.sentence_tokens[k]
        if not toks:
            continue
        sent_text = doc.norm[sentence.start : sentence.end]
        if actor.context and not _compile(actor.context).search(sent_text):
            continue
        if actor.match == "head":
            regex = actor.regex
            for i, tok in enumerate(toks):
                word = tok.norm[:-2] if tok.norm.endswith("'s") else tok.norm
                written = doc.text[tok.start : tok.start + len(word)]
                if not regex.fullmatch(written) or not _is_head(doc, k, i):
                    continue
                yield _mention(doc, k, i, i, tok.start, tok.start + len(word))
        else:
            for m in actor.regex.finditer(doc.norm, sentence.start, sentence.end):
                first = _token_index(toks, m.start())
                last = _token_index(toks, m.end(), end=True)
                if first > last:
                    continue
                start = min(m.start(), toks[first].start)
                end = m.end()
                if doc.norm[start:end].endswith("'s"):
                    end -= 2
                yield _mention(doc, k, first, last, start, end)


def label_rows(doc: Doc, actors: Sequence[Actor]) -> list[dict[str, Any]]:
    """Every mention of every actor in one article.

    Args:
        doc: The parsed article.
        actors: From :func:`load_actors`.

    Returns:
        One dict per mention with the keys of :data:`LABEL_COLUMNS`, in text order. Where
        two rows of the same actor find overlapping mentions, the longer one is kept.
    """
    out: list[dict[str, Any]] = []
    for name in dict.fromkeys(a.actor for a in actors):
        found: list[dict[str, Any]] = []
        for actor in (a for a in actors if a.actor == name):
            for cand in _candidates(doc, actor):
                label = doc.text[cand["start"] : cand["end"]]
                sentence = doc.sentences[cand["sentence"]]
                if actor.accepts(label, doc.norm[sentence.start : sentence.end]):
                    found.append(cand)
        found.sort(key=lambda c: (c["start"], -(c["end"] - c["start"])))
        kept: list[dict[str, Any]] = []
        for cand in sorted(found, key=lambda c: -(c["end"] - c["start"])):
            if all(cand["end"] <= o["start"] or o["end"] <= cand["start"] for o in kept):
                kept.append(cand)
        for cand in kept:
            out.append(
                {
                    "outlet": doc.outlet,
                    "article_id": doc.article_id,
                    "actor": name,
                    "label": doc.text[cand["start"] : cand["end"]],
                    **cand,
                }
            )
    out.sort(key=lambda r: (r["start"], r["actor"]))
    return [{c: r[c] for c in LABEL_COLUMNS} for r in out]


def _frame(rows: list[dict[str, Any]], columns: Sequence[str] = LABEL_COLUMNS) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype=_DTYPES.get(c, object)) for c in columns})
    return pd.DataFrame.from_records(rows, columns=list(columns)).astype(
        {c: _DTYPES.get(c, object) for c in columns}
    )


def labels(
    articles: pd.DataFrame,
    *,
    actors: str | Path | pd.DataFrame | Iterable[Actor],
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """How each outlet names each actor: one row per mention, the phrase as written.

    Args:
        articles: The articles table.
        actors: An actor file (TSV path; see the module docstring), a DataFrame with the same
            columns, or a list of :class:`Actor`. The bundled story's file is
            ``data/iraq-2021-07-26/actors.tsv``.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per mention: ``outlet, article_id, actor, label`` (the mention as written, with
        its premodifiers: "so-called Iran-aligned fighters"), ``start, end`` (offsets into the
        text), ``head`` (the matched word or alias as written), ``modifiers`` (the words before
        it: "so-called Iran-aligned"), ``sentence`` (index in the article).

    Example:
        >>> labels(articles, actors="data/iraq-2021-07-26/actors.tsv")  # doctest: +SKIP
    """
    cast = load_actors(actors)
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    return _frame([row for doc in docs for row in label_rows(doc, cast)])


def label_variants(
    articles: pd.DataFrame,
    *,
    head: str,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> pd.DataFrame:
    """Which premodifiers each outlet puts before a head noun: a helper to write actor files.

    Args:
        articles: The articles table.
        head: A word or regular expression for the head noun, matched against whole words
            (smart case): ``"militias"``, ``"militias?|fighters|factions"``.
        text_col: Column holding the text.
        id_col: Column holding the article id.
        outlet_col: Column holding the outlet.

    Returns:
        One row per (outlet, variant): ``outlet``, ``head`` (as written), ``modifiers`` (lower
        case; "" when the head stands alone), ``label`` (first occurrence as written),
        ``count``; sorted by outlet, then count descending.

    Example:
        >>> label_variants(articles, head="militias?")  # doctest: +SKIP
    """
    probe = Actor(actor=head, match="head", pattern=head)
    docs = docs_from(articles, text_col=text_col, id_col=id_col, outlet_col=outlet_col)
    rows = [row for doc in docs for row in label_rows(doc, [probe])]
    columns = ["outlet", "head", "modifiers", "label", "count"]
    if not rows:
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c == "count" else object) for c in columns}
        )
    found = pd.DataFrame.from_records(rows)
    found["modifiers"] = found["modifiers"].str.lower()
    found["head_key"] = found["head"].str.lower()
    grouped = (
        found.groupby(["outlet", "head_key", "modifiers"], sort=False)
        .agg(head=("head", "first"), label=("label", "first"), count=("label", "size"))
        .reset_index()
    )
    order = {o: n for n, o in enumerate(dict.fromkeys(found["outlet"]))}
    grouped["_o"] = grouped["outlet"].map(order)
    grouped = grouped.sort_values(["_o", "count", "label"], ascending=[True, False, True])
    return grouped[columns].reset_index(drop=True).astype({"count": "int64"})


def label_table(table: pd.DataFrame, *, per_cell: int = 2) -> pd.DataFrame:
    """Actor by outlet: the labels each outlet uses most, as text (for display and plots).

    Args:
        table: A :func:`labels` table.
        per_cell: How many distinct labels to list per cell (most frequent first).

    Returns:
        A DataFrame indexed by ``actor`` with one column per outlet; each cell like
        ``"Iran-backed Shia militias"`` or ``"US troops (7); U.S. troops (2)"``; "" where an
        outlet never names the actor.
    """
    if table.empty:
        return pd.DataFrame(index=pd.Index([], name="actor"))
    counts = (
        table.assign(key=table["label"].str.replace(r"\s+", " ", regex=True))
        .groupby(["actor", "outlet", "key"], sort=False)
        .size()
        .rename("n")
        .reset_index()
        .sort_values(["actor", "outlet", "n"], ascending=[True, True, False], kind="stable")
    )
    cells: dict[tuple[str, str], str] = {}
    for (actor, outlet), group in counts.groupby(["actor", "outlet"], sort=False):
        parts = [
            f"{key} ({n})" if n > 1 else str(key)
            for key, n in zip(group["key"][:per_cell], group["n"][:per_cell], strict=True)
        ]
        extra = len(group) - per_cell
        cells[(str(actor), str(outlet))] = "; ".join(parts) + (
            f"; +{extra} more" if extra > 0 else ""
        )
    actors = list(dict.fromkeys(table["actor"]))
    outlets = list(dict.fromkeys(table["outlet"]))
    frame = pd.DataFrame(
        [[cells.get((a, o), "") for o in outlets] for a in actors],
        index=pd.Index(actors, name="actor"),
        columns=outlets,
    )
    return frame
