"""One run of the exercise: analyses once, then the evidence for each bias type."""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.classroom.bias_types import BIAS_TYPES, BiasType, bias_types
from framing.labels import label_table
from framing.report import html_table
from framing.show import ReadingView, show
from framing.style import OutletStyle, outlet_style

__all__ = ["VAGUE_SPEAKERS", "Evidence", "Exercise", "articles_from_texts"]

_BY_KEY = {b.key: b for b in BIAS_TYPES}


_MARKER_COLUMNS = ["outlet", "category", "text", "in_quote"]


_QUOTE_COLUMNS = ["outlet", "speaker", "speaker_as_written", "speaker_type", "verb", "verb_stance"]


_COLS = {"text_col": "text", "id_col": "article_id", "outlet_col": "outlet"}


#: Head nouns for people and groups, for word-choice evidence without an actor list.
_GROUP_NOUNS = (
    "militias?|fighters|militants|forces|troops|soldiers|groups?|factions|rebels|protesters|"
    "officials|government|regime|administration|leaders?|president|minister|people|civilians"
)


#: Speaker types that count as vague or missing attribution.
VAGUE_SPEAKERS = ("anonymous", "group", "unknown")


def articles_from_texts(
    texts: Mapping[str, str] | Sequence[str],
    *,
    titles: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Build an articles table from texts pasted into a notebook cell.

    Args:
        texts: ``{"Outlet name": "article text", ...}``, or a list of texts (named
            "Article A", "Article B", ...). Two to six articles work best.
        titles: Optional headline per outlet name.

    Returns:
        An articles table: ``article_id`` (``a``, ``b``, ...), ``outlet``, ``title``, ``text``.

    Raises:
        ValueError: With fewer than two articles, or an empty text (naming it).
    """
    items = (
        list(texts.items())
        if isinstance(texts, Mapping)
        else [(f"Article {chr(65 + i)}", t) for i, t in enumerate(texts)]
    )
    if len(items) < 2:
        raise ValueError(f"the exercise compares articles: paste at least 2, not {len(items)}")
    if len(items) > 6:
        warnings.warn(
            f"{len(items)} articles: more than 6 is hard to read side by side in class",
            stacklevel=2,
        )
    for name, text in items:
        if not str(text).strip():
            raise ValueError(f"the text for {name!r} is empty")
    rows = [
        {
            "article_id": chr(97 + i) if i < 26 else f"a{i}",
            "outlet": str(name),
            "title": (titles or {}).get(str(name), ""),
            "text": str(text).strip(),
        }
        for i, (name, text) in enumerate(items)
    ]
    return pd.DataFrame(rows)


class Evidence:
    """What the measurements show for one bias type: a table and a sentence per outlet.

    Attributes:
        bias: The :class:`BiasType`.
        table: The evidence as a tidy table.
        findings: One plain-language sentence per outlet (or for the whole set).
    """

    def __init__(self, bias: BiasType, table: pd.DataFrame, findings: list[str]) -> None:
        self.bias = bias
        self.table = table
        self.findings = findings

    def _repr_html_(self) -> str:
        return self.html

    @property
    def html(self) -> str:
        items = "".join(f"<li>{html.escape(f)}</li>" for f in self.findings)
        return (
            f'<div class="framing-evidence"><h3>{html.escape(self.bias.name)}: the evidence</h3>'
            f"<ul>{items}</ul>{html_table(self.table, max_rows=None)}"
            f"<p><em>What is measured:</em> {html.escape(self.bias.measured_by)}</p></div>"
        )

    def __repr__(self) -> str:
        return f"Evidence({self.bias.key!r}, findings={self.findings!r})"


class Exercise:
    """One run of the exercise over 2 to 6 articles: analyses run once, reveals reuse them.

    Args:
        articles: The articles table (e.g. from :func:`articles_from_texts` or
            :func:`framing.load_corpus`).
        actors: Actor file for the labels evidence (see :func:`framing.labels`); the bundled
            story's is ``data/iraq-2021-07-26/actors.tsv``. Without one, word choice and
            omission fall back to evidence that needs no list.
        result: A :func:`framing.analyze` result to reuse (computed when omitted).
        style: Outlet order and colours (default: from ``articles``).
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        *,
        actors: str | Path | pd.DataFrame | None = None,
        result: Any = None,
        style: OutletStyle | None = None,
    ) -> None:
        self.articles = articles.reset_index(drop=True)
        if result is None:
            from framing.pipeline.run import analyze

            options: dict[str, Any] = {} if actors is None else {"actors": actors}
            result = analyze(self.articles, progress=False, **options)
        self.result = result
        self.style = style or outlet_style(self.articles)
        self.outlets = self.style.sort(self.articles["outlet"].astype(str))

    # -- what students see first -------------------------------------------------------------

    def read(self) -> ReadingView:
        """The articles side by side, unmarked, for reading before predicting."""
        return show(self.articles, annotate=False, style=self.style)

    def worksheet(self) -> pd.DataFrame:
        """The prediction grid: one row per bias type, a blank column per outlet."""
        grid = bias_types()[["name", "question"]].rename(columns={"name": "bias type"})
        for outlet in self.outlets:
            grid[outlet] = ""
        return grid

    # -- what the measurements show ----------------------------------------------------------

    def annotated(self) -> ReadingView:
        """The articles with quotes, loaded words and sentiment drivers marked."""
        from framing.report import sentiment_drivers_or_none

        return show(
            self.articles,
            quotes=self.result.quotes,
            markers=self.result.markers,
            drivers=sentiment_drivers_or_none(self.articles, **_COLS),
            style=self.style,
        )

    def reveal(self, key: str) -> Evidence:
        """The measured evidence for one bias type (see :data:`BIAS_TYPES` for the keys)."""
        if key not in _BY_KEY:
            raise KeyError(f"unknown bias type {key!r}; choose one of {list(_BY_KEY)}")
        table, findings = getattr(self, f"_evidence_{key}")()
        return Evidence(_BY_KEY[key], table, findings)

    def reveal_all(self) -> list[Evidence]:
        """The evidence for every bias type, in worksheet order."""
        return [self.reveal(b.key) for b in BIAS_TYPES]

    def _per_outlet(self, frame: pd.DataFrame) -> pd.DataFrame:
        rank = {o: i for i, o in enumerate(self.outlets)}
        if frame.empty or "outlet" not in frame.columns:
            return frame
        return frame.sort_values("outlet", key=lambda s: s.map(rank), kind="stable").reset_index(
            drop=True
        )

    def _evidence_word_choice(self) -> tuple[pd.DataFrame, list[str]]:
        labels = self.result.labels
        findings = []
        if labels is None or labels.empty:
            table = self._variants()
            findings.append(
                "No actor list was given (or no listed actor appears): the table shows the "
                "words each article puts before common nouns for people and groups."
            )
        else:
            table = label_table(labels, per_cell=3)
            table = table.reindex(columns=[o for o in self.outlets if o in table.columns])
            table = table.fillna("").reset_index()
            for actor, group in labels.groupby("actor", sort=True):
                variants = group["label"].astype(str).str.strip().str.lower().nunique()
                if variants > 1 and group["outlet"].nunique() > 1:
                    findings.append(
                        f"{actor}: {variants} different labels across "
                        f"{group['outlet'].nunique()} outlets."
                    )
        comp = self.result.comparison
        if "top_terms" in comp.columns:
            tops = dict(zip(comp["outlet"].astype(str), comp["top_terms"], strict=True))
            for outlet in self.outlets:
                if tops.get(outlet):
                    findings.append(f"{outlet} uses more than the others: {tops[outlet]}.")
        return table, findings

    def _variants(self) -> pd.DataFrame:
        from framing.labels import label_variants

        table = label_variants(self.articles, head=_GROUP_NOUNS)
        table = table[table["modifiers"] != ""]
        return self._per_outlet(table[["outlet", "label", "count"]])

    def _evidence_subjective_qualifiers(self) -> tuple[pd.DataFrame, list[str]]:
        m = self._table("markers", _MARKER_COLUMNS)
        own = m[(~m["in_quote"].astype(bool)) & m["category"].isin(["loaded", "intensifier"])]
        words = self.result.articles.groupby("outlet")["n_words"].sum()
        rows = []
        for outlet in self.outlets:
            hits = own[own["outlet"] == outlet]
            examples = hits["text"].str.lower().value_counts().head(6).index.tolist()
            row: dict[str, Any] = {
                "outlet": outlet,
                "judging words (own voice)": len(hits),
                "per 1,000 words": round(1000 * len(hits) / max(int(words.get(outlet, 0)), 1), 1),
                "examples": ", ".join(examples),
            }
            sent = self._table("sentiment", ["outlet", "subjectivity"])
            if not sent.empty and "subjectivity" in sent.columns:
                row["subjectivity"] = round(
                    float(sent.loc[sent["outlet"] == outlet, "subjectivity"].mean()), 3
                )
            rows.append(row)
        table = pd.DataFrame(rows)
        top = table.sort_values("per 1,000 words", ascending=False).iloc[0]
        findings = [
            f"Most judging words in its own voice: {top['outlet']} "
            f"({top['per 1,000 words']} per 1,000 words: {top['examples']})."
        ]
        return table, findings

    def _table(self, name: str, columns: Sequence[str]) -> pd.DataFrame:
        """A table of the analysis result; empty with ``columns`` if that analysis did not run."""
        table = getattr(self.result, name, None)
        return pd.DataFrame(columns=list(columns)) if table is None else table

    def _quotes(self) -> pd.DataFrame:
        """One row per statement (continuations of a quotation fold into the statement)."""
        from framing.plotting import statements

        q = self.result.quotes
        q = pd.DataFrame(columns=_QUOTE_COLUMNS) if q is None else statements(q)
        return q.assign(
            speaker_type=q["speaker_type"].fillna("unknown").replace("", "unknown"),
            speaker=q["speaker"].fillna("").replace("", "(unknown)"),
        )

    def _evidence_source_attribution(self) -> tuple[pd.DataFrame, list[str]]:
        q = self._quotes()
        rows = []
        for outlet in self.outlets:
            mine = q[q["outlet"] == outlet]
            vague = mine[mine["speaker_type"].isin(VAGUE_SPEAKERS)]
            written = vague.get("speaker_as_written", vague["speaker"]).fillna("")
            rows.append(
                {
                    "outlet": outlet,
                    "statements": len(mine),
                    "vague or unnamed": len(vague),
                    "share": round(len(vague) / len(mine), 2) if len(mine) else float("nan"),
                    "sources as written": "; ".join(dict.fromkeys(s for s in written if s)),
                }
            )
        table = pd.DataFrame(rows)
        findings = [
            f"{r['outlet']}: {r['vague or unnamed']} of {r['statements']} statements from vague "
            f"or unnamed sources"
            + (f" ({r['sources as written']})." if r["sources as written"] else ".")
            for r in rows
        ]
        return table, findings

    def _evidence_source_slant(self) -> tuple[pd.DataFrame, list[str]]:
        from framing.report import voices_table

        voices = voices_table(self.result) if self.result.quotes is not None else None
        if voices is None or voices.empty:
            return pd.DataFrame(), [f"{o} quotes no one." for o in self.outlets]
        cols = ["outlet", "speaker", "speaker_type", "affiliation", "statements"]
        table = self._per_outlet(voices[[c for c in cols if c in voices.columns]])
        findings = []
        for outlet in self.outlets:
            mine = table[table["outlet"] == outlet]
            if mine.empty:
                findings.append(f"{outlet} quotes no one.")
                continue
            names = ", ".join(
                f"{s} ({n})" for s, n in zip(mine["speaker"], mine["statements"], strict=True)
            )
            line = f"{outlet} quotes: {names}."
            if "affiliation" in mine.columns:
                sides = (
                    mine.groupby("affiliation")["statements"]
                    .sum()
                    .sort_values(ascending=False, kind="stable")
                )
                line += " By affiliation: " + ", ".join(f"{a} {n}" for a, n in sides.items()) + "."
            findings.append(line)
        return table, findings

    def _evidence_verb_spin(self) -> tuple[pd.DataFrame, list[str]]:
        q = self._quotes()
        q = q.assign(verb_stance=q["verb_stance"].fillna("unknown").replace("", "unknown"))
        table = (
            q[q["verb"].fillna("") != ""]
            .groupby(["outlet", "verb_stance", "verb"], sort=False)
            .size()
            .rename("times")
            .reset_index()
        )
        table = self._per_outlet(table)
        findings = []
        for outlet in self.outlets:
            mine = table[table["outlet"] == outlet]
            loaded = mine[mine["verb_stance"] != "neutral"]
            total = int(mine["times"].sum())
            if total == 0:
                findings.append(f"{outlet}: no reporting verbs found.")
                continue
            verbs = ", ".join(
                f"{v} ({s})" for v, s in zip(loaded["verb"], loaded["verb_stance"], strict=True)
            )
            findings.append(
                f"{outlet}: {int(loaded['times'].sum())} of {total} reporting verbs are not "
                f"neutral" + (f": {verbs}." if verbs else ".")
            )
        return table, findings

    def _evidence_sensationalism(self) -> tuple[pd.DataFrame, list[str]]:
        m = self._table("markers", _MARKER_COLUMNS)
        loaded = m[(m["category"] == "loaded") & (~m["in_quote"].astype(bool))]
        sents = self._table("sentences", ["outlet", "sentence_text", "vader_compound"])
        rows = []
        for outlet in self.outlets:
            row: dict[str, Any] = {
                "outlet": outlet,
                "loaded words (own voice)": int((loaded["outlet"] == outlet).sum()),
            }
            if not sents.empty and "vader_compound" in sents.columns:
                mine = sents[sents["outlet"] == outlet]
                if not mine.empty:
                    worst = mine.sort_values("vader_compound", kind="stable").iloc[0]
                    row["most negative sentence"] = worst["sentence_text"]
                    row["VADER"] = round(float(worst["vader_compound"]), 2)
            rows.append(row)
        table = pd.DataFrame(rows)
        findings = [
            f"{r['outlet']}: {_plural(r['loaded words (own voice)'], 'loaded word')} in its own "
            "voice."
            for r in rows
        ]
        return table, findings

    def _evidence_omission(self) -> tuple[pd.DataFrame, list[str]]:
        labels = self.result.labels
        if labels is None or labels.empty:
            counts = self._name_counts()
            what = "name"
        else:
            counts = labels.groupby(["actor", "outlet"]).size().unstack("outlet", fill_value=0)
            counts.index.name = "actor"
            what = "actor"
        counts = counts.reindex(columns=self.outlets, fill_value=0)
        findings = []
        for name, row in counts.iterrows():
            missing = [o for o in self.outlets if int(row[o]) == 0]
            if missing and len(missing) < len(self.outlets):
                findings.append(f"{name} is never mentioned by {', '.join(missing)}.")
        if not findings:
            findings.append(f"Every outlet mentions every {what} in the table.")
        return counts.reset_index(), findings

    def _name_counts(self) -> pd.DataFrame:
        """Capitalised names (not at a sentence start) each article mentions, for omission
        evidence without an actor list; names all articles share are left out."""
        from framing.text import docs_from

        rows = []
        for doc in docs_from(self.articles):
            for name in _names(doc):
                key = name.replace(".", "")
                if " " not in key and key.endswith(_DEMONYM_ENDINGS):
                    continue  # "American", "Iraqi": adjectives, not names of actors
                rows.append({"name": key, "outlet": doc.outlet})
        if not rows:
            return pd.DataFrame(index=pd.Index([], name="name"))
        counts = pd.DataFrame(rows).groupby(["name", "outlet"]).size().unstack(fill_value=0)
        present = (counts > 0).sum(axis=1)
        keep = (present < counts.shape[1]) & (counts.sum(axis=1) >= 2)
        counts = counts[keep]
        counts.index.name = "name"
        return counts.loc[counts.sum(axis=1).sort_values(ascending=False, kind="stable").index]

    # -- the printable handout ---------------------------------------------------------------

    def handout_html(
        self, *, title: str = "How do news outlets frame the same story?", answers: bool = False
    ) -> str:
        """A printable worksheet page (``answers=True`` adds the evidence: the teacher's copy)."""
        from framing.classroom.handout import _handout

        return _handout(self, title=title, answers=answers)

    def write_handout(self, path: str | Path, *, answers: bool = False) -> Path:
        """Write :meth:`handout_html` to ``path`` and return the path."""
        from framing.export import write_text

        return write_text(path, self.handout_html(answers=answers))


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_DEMONYM_ENDINGS = ("an", "ian", "ese", "i", "ish")


def _names(doc: Any) -> list[str]:
    """Runs of capitalised words inside sentences ("Abu Mahdi al-Muhandis", "Pentagon")."""
    names: list[str] = []
    for sent_tokens in doc.sentence_tokens:
        run: list[str] = []
        for k, tok in enumerate(sent_tokens):
            word = doc.text[tok.start : tok.end]
            capital = word[:1].isupper() or (word.startswith("al-") and word[3:4].isupper())
            if capital and k > 0 and len(word) > 1:
                run.append(word)
                continue
            if run:
                names.append(" ".join(run))
            run = []
        if run:
            names.append(" ".join(run))
    return names
