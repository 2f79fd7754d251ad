"""The types of media bias the exercise is built on, and a glossary for students."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

__all__ = ["BIAS_TYPES", "BiasType", "Glossary", "bias_types", "glossary"]


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
