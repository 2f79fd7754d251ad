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

from framing.classroom.bias_types import BIAS_TYPES, BiasType, Glossary, bias_types, glossary
from framing.classroom.exercise import (
    VAGUE_SPEAKERS,
    Evidence,
    Exercise,
    articles_from_texts,
)
from framing.classroom.handout import handout_from_source

__all__ = [
    "BIAS_TYPES",
    "VAGUE_SPEAKERS",
    "BiasType",
    "Evidence",
    "Exercise",
    "Glossary",
    "articles_from_texts",
    "bias_types",
    "glossary",
    "handout_from_source",
]
