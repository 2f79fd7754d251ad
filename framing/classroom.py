"""The classroom exercise: read, predict, then reveal what the measurements show.

Built on recognised types of media bias, each paired with the measurement in this package that
gives evidence for it. Students first read the articles (plain, unmarked) and write down which
outlet they expect to show each type of bias, and where; then the teacher runs the reveal cells
and the class compares predictions with the evidence. The measurements are pointers to
passages, not verdicts: a class discussion should end at the text, not at the number.

Example:
    >>> ex = Exercise(articles_from_texts({"A": text_a, "B": text_b}))  # doctest: +SKIP
    >>> ex.read()                    # the articles, unmarked  # doctest: +SKIP
    >>> ex.reveal("verb_spin")       # the evidence for one type  # doctest: +SKIP
    >>> ex.write_handout("handout.html")  # printable worksheet  # doctest: +SKIP

References:
    AllSides, "How to Spot 16 Types of Media Bias" (AllSides for Schools),
    https://www.allsides.com/media-bias/how-to-spot-types-of-media-bias.
    Hamborg, F., Donnay, K. & Gipp, B. (2019). Automated identification of media bias in news
    articles: an interdisciplinary literature review. International Journal on Digital
    Libraries 20, 391-415.
    Recasens, M., Danescu-Niculescu-Mizil, C. & Jurafsky, D. (2013). Linguistic models for
    analyzing and detecting biased language. ACL 2013.
    Entman, R. M. (1993). Framing: toward clarification of a fractured paradigm. Journal of
    Communication 43(4), 51-58.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing.labels import label_table
from framing.report import html_table
from framing.show import ReadingView, show
from framing.style import OutletStyle, outlet_style

__all__ = [
    "BIAS_TYPES",
    "BiasType",
    "Evidence",
    "Exercise",
    "Glossary",
    "articles_from_texts",
    "bias_types",
    "glossary",
    "handout_from_source",
]


@dataclass(frozen=True)
class BiasType:
    """One type of media bias as the exercise uses it.

    Attributes:
        key: Short name used in code (``ex.reveal("word_choice")``).
        name: Name as taught.
        what: What it is, in a sentence students can read.
        look_for: What to look for in the text.
        question: The prediction question on the worksheet.
        measured_by: Which measurement the reveal shows, and its limits.
    """

    key: str
    name: str
    what: str
    look_for: str
    question: str
    measured_by: str


#: The seven types the exercise covers (names as in AllSides' list and Hamborg et al. 2019).
BIAS_TYPES: tuple[BiasType, ...] = (
    BiasType(
        "word_choice",
        "Word choice and labeling",
        "The names a writer gives to people, groups and events carry a view of them.",
        "Different words for the same actor or event: fighters or militias, withdrawal or "
        "shift in mission, killed or assassinated.",
        "What does each outlet call the armed groups, and the change it reports? Which label "
        "is the most loaded?",
        "Actor labels found in each article, and each outlet's distinctive terms. The lists "
        "of actors are written by hand for this story, so an unlisted name is missed.",
    ),
    BiasType(
        "subjective_qualifiers",
        "Subjective qualifiers",
        "Adjectives and adverbs that tell the reader how to judge, not just what happened.",
        "Words such as controversial, significant, historic, sharply, only, merely, in the "
        "writer's own voice (not inside a quotation).",
        "Which outlet uses the most judging words in its own voice?",
        "Loaded and intensifying words outside quotations, per 1,000 words, and mean "
        "subjectivity (TextBlob). Word lists miss judgements made without judging words.",
    ),
    BiasType(
        "source_attribution",
        "Omission of source attribution",
        "Claims presented without saying who made them, or credited to vague groups.",
        "Analysts noted, US media said, critics say, observers believe, officials said "
        "(unnamed); facts with no source at all.",
        "Which outlet leans most on unnamed or vague sources?",
        "Share of attributed statements whose source is anonymous, an unnamed group or "
        "unknown. Unattributed claims with no reporting verb are not counted.",
    ),
    BiasType(
        "source_slant",
        "Slant in whom the sources are",
        "Whose voices a story includes (and leaves out) shapes whose view the reader hears.",
        "Who is quoted: officials of which government, experts from where, opponents or "
        "only supporters.",
        "Whom does each outlet let speak? Whose side is missing?",
        "Statements per speaker and speaker type. Affiliation is only known for the actors "
        "listed for this story.",
    ),
    BiasType(
        "verb_spin",
        "Spin in reporting verbs",
        "The verb that introduces a quote can endorse it, doubt it or dramatise it.",
        "Said and told (neutral) versus claimed, insisted, admitted, stressed, slammed.",
        "Which outlet introduces its sources with the most loaded verbs?",
        "Reporting verbs and their stance from a documented list; 'said' counts as neutral.",
    ),
    BiasType(
        "sensationalism",
        "Sensationalism and emotionalism",
        "Dramatic or emotional language that plays up shock, threat or conflict.",
        "Attack, deadly, chaos, slammed, threat; the most emotional sentence of each article.",
        "Which outlet's wording is the most dramatic? Find its most emotional sentence.",
        "Loaded words and each article's most negative sentence (VADER). Scores see words, "
        "not facts: an article about an attack is not sensational because attacks are bad.",
    ),
    BiasType(
        "omission",
        "Bias by omission",
        "Leaving out facts, context or viewpoints that other reports include.",
        "Compare the articles: who or what appears in one but not in the others (the history "
        "of the war, the militias, Soleimani's killing, the number of troops).",
        "What does each outlet leave out that another includes?",
        "Which listed actors each article mentions at all. Only omissions of listed actors "
        "can be measured; the rest needs a reader.",
    ),
)

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


def bias_types() -> pd.DataFrame:
    """The bias types of the exercise as a table (``key, name, what, look_for, question,
    measured_by``)."""
    return pd.DataFrame([b.__dict__ for b in BIAS_TYPES])


class Glossary:
    """The bias types as a readable list (renders in Jupyter; ``.html`` is the fragment)."""

    def __init__(self, types: Sequence[BiasType] = BIAS_TYPES) -> None:
        self.types = tuple(types)

    @property
    def html(self) -> str:
        items = "".join(
            f"<dt><strong>{html.escape(b.name)}</strong></dt><dd>{html.escape(b.what)} "
            f"<em>Look for:</em> {html.escape(b.look_for)}</dd>"
            for b in self.types
        )
        return f'<dl class="framing-glossary">{items}</dl>'

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "\n".join(f"{b.name}: {b.what}" for b in self.types)


def glossary() -> Glossary:
    """The seven bias types with what to look for, for students to read before predicting."""
    return Glossary()


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
            for outlet, terms in zip(comp["outlet"], comp["top_terms"], strict=True):
                if terms:
                    findings.append(f"{outlet} uses more than the others: {terms}.")
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
        q = self.result.quotes
        if q is None:
            q = pd.DataFrame(columns=_QUOTE_COLUMNS)
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
        return _handout(self, title=title, answers=answers)

    def write_handout(self, path: str | Path, *, answers: bool = False) -> Path:
        """Write :meth:`handout_html` to ``path`` and return the path."""
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(self.handout_html(answers=answers), encoding="utf-8")
        return out


def handout_from_source(
    source: str | Path,
    out: str | Path,
    *,
    answers: bool = False,
    actors: str | Path | None = None,
    **load_options: Any,
) -> Path:
    """Load a corpus and write the printable handout: what ``framing handout`` runs.

    Args:
        source: Anything :func:`framing.load_corpus` reads.
        out: Path of the HTML file to write.
        answers: Write the teacher's copy (with the measured evidence) instead.
        actors: Actor file (default: ``actors.tsv`` beside or inside ``source``, if any).
        **load_options: Passed to :func:`framing.load_corpus`.

    Returns:
        The path written.
    """
    from framing.corpus import load_corpus
    from framing.report import actors_beside

    if actors is not None and not Path(actors).is_file():
        raise FileNotFoundError(f"{actors}: actor file not found")
    articles = load_corpus(source, **load_options)
    exercise = Exercise(articles, actors=actors or actors_beside(source))
    return exercise.write_handout(out, answers=answers)


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


_HANDOUT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; color: #111; margin: 0; background: #fff;
  line-height: 1.45; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #111; padding-bottom: .15rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
.steps li { margin: .3rem 0; }
dl.types dt { font-weight: bold; margin-top: .6rem; }
dl.types dd { margin: .1rem 0 0 1rem; }
.article { border: 1px solid #999; padding: .6rem .9rem; margin: 1rem 0; }
.article p { margin: .35rem 0; }
.article .ln { color: #777; font-family: system-ui, sans-serif; font-size: .75rem;
  display: inline-block; width: 1.8rem; }
table.grid { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
table.grid th, table.grid td { border: 1px solid #555; padding: .35rem .5rem; vertical-align: top;
  text-align: left; }
table.grid td.blank { height: 3.2rem; }
.small { font-size: .85rem; color: #333; }
.framing-evidence table.data { border-collapse: collapse; font-size: .85rem; }
.framing-evidence td, .framing-evidence th { border: 1px solid #999; padding: .2rem .4rem;
  vertical-align: top; }
@page { margin: 1.6cm; }
@media print {
  main { max-width: none; padding: 0; }
  .page-break { break-before: page; }
  .article, table.grid tr, dl.types div { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def _paragraphs(text: str) -> str:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    return "".join(
        f'<p><span class="ln">{i}</span>{html.escape(p)}</p>' for i, p in enumerate(paras, 1)
    )


def _handout(ex: Exercise, *, title: str, answers: bool) -> str:
    esc = html.escape
    outlets = ex.outlets
    steps = (
        "<ol class='steps'>"
        "<li>Read every article once, all the way through, without marking anything.</li>"
        "<li>Read the seven types of bias below.</li>"
        "<li>Read the articles again. For each type, write in the grid which outlet you think "
        "shows it most, and copy the words or the paragraph number that made you think so.</li>"
        "<li>Your teacher will then show what the computer measured. Where do you agree? "
        "Where did the computer miss something you saw, or find something you missed?</li>"
        "</ol>"
    )
    types = "".join(
        f"<div><dt>{esc(b.name)}</dt><dd>{esc(b.what)} <em>Look for:</em> "
        f"{esc(b.look_for)}</dd></div>"
        for b in BIAS_TYPES
    )
    articles = []
    rank = {o: i for i, o in enumerate(outlets)}
    for rec in sorted(ex.articles.to_dict("records"), key=lambda r: rank.get(str(r["outlet"]), 99)):
        head = esc(str(rec["outlet"]))
        t = rec.get("title")
        if isinstance(t, str) and t.strip():
            head += f": <em>{esc(t)}</em>"
        articles.append(
            f'<div class="article"><h3>{head}</h3>{_paragraphs(str(rec["text"]))}</div>'
        )
    head_cells = "".join(f"<th>{esc(o)}</th>" for o in outlets)
    grid_rows = "".join(
        f"<tr><td><strong>{esc(b.name)}</strong><br><span class='small'>{esc(b.question)}</span>"
        "</td>" + "".join('<td class="blank"></td>' for _ in outlets) + "</tr>"
        for b in BIAS_TYPES
    )
    grid = (
        f'<table class="grid"><thead><tr><th>Type of bias</th>{head_cells}</tr></thead>'
        f"<tbody>{grid_rows}</tbody></table>"
    )
    key = ""
    if answers:
        key = '<h2 class="page-break">Teacher\'s copy: what the measurements show</h2>' + "".join(
            ev.html for ev in ex.reveal_all()
        )
    reflection = (
        "<h2>Afterwards</h2><ol class='steps'>"
        "<li>Which difference between the articles surprised you most?</li>"
        "<li>Find one place where a word list got it wrong. Why did it?</li>"
        "<li>With this many articles, can we say an <em>outlet</em> is biased, or only an "
        "<em>article</em>? What would we need to say more?</li></ol>"
    )
    source = (
        "<p class='small'>Types of bias after AllSides, “How to Spot 16 Types of Media Bias” "
        "(allsides.com/media-bias/how-to-spot-types-of-media-bias), and Hamborg, Donnay &amp; "
        "Gipp (2019), International Journal on Digital Libraries 20.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{esc(title)}</title><style>{_HANDOUT_CSS}</style></head><body><main>"
        f"<h1>{esc(title)}</h1><p>Name: ______________________ Date: ____________</p>"
        f"<h2>What to do</h2>{steps}"
        f"<h2>Seven types of media bias</h2><dl class='types'>{types}</dl>"
        f"{source}<h2 class='page-break'>The articles</h2>{''.join(articles)}"
        f"<h2 class='page-break'>Your predictions</h2>{grid}{reflection}{key}"
        "</main></body></html>"
    )
