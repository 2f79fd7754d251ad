"""Part of speech for word lists: pattern tags, participles used as verbs, entry rules."""

from __future__ import annotations

import pytest

from framing.pos import pattern_tag, pos_matches, verbal_participle
from framing.text import Doc


@pytest.mark.parametrize(
    ("form", "first", "expected"),
    [
        ("striking", False, "JJ"),
        ("Striking", True, "VBG"),
        ("brazenly", False, "RB"),
        ("blasted", False, "VBD"),
        ("base", False, "NN"),
        ("Kadhimi", False, "NNP"),
    ],
)
def test_pos_pattern_tag(form: str, first: bool, expected: str) -> None:
    assert pattern_tag(form, first) == expected


@pytest.mark.parametrize(
    ("pos", "tag", "options", "expected"),
    [
        ("JJ", "JJ", {}, True),
        ("JJ", "VBG", {}, True),
        ("JJ", "VBG", {"verbal": True}, False),
        ("JJ", "JJ", {"verbal": True}, False),
        ("JJ", "NN", {}, False),
        ("JJ", "RB", {}, False),
        ("JJ", "RB", {"adverb": True}, True),
        ("RB", "RB", {}, True),
        ("VB", "NN", {}, True),
        ("NN", "VBD", {}, True),
        ("NN", "NNP", {}, False),
        ("", "NNP", {}, True),
    ],
)
def test_pos_matches_entry_rules(
    pos: str, tag: str, options: dict[str, bool], expected: bool
) -> None:
    assert pos_matches(pos, tag, **options) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "The US has responded twice - striking militia positions on the Iraq-Syria border "
            "on February 25 and again on June 28.",
            "striking",
            True,
        ),
        ("US jets were striking militia positions near Al-Qaim.", "striking", True),
        ("The strikes have devastated the region.", "devastated", True),
        ("The plan bears a striking resemblance to the 2011 withdrawal.", "striking", False),
        ("The results were striking.", "striking", False),
        ("Residents were devastated by the attack.", "devastated", False),
    ],
)
def test_pos_verbal_participle(text: str, word: str, expected: bool) -> None:
    doc = Doc(text)
    i = next(k for k, t in enumerate(doc.tokens) if t.norm == word)
    assert verbal_participle(doc, doc.tokens, i) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Analysts noted that the Iraqi prime minister faced mounting pressures at home from "
        "hard-line Shiite factions demanding that all US troops leave the country",
        "Striking militia positions near the border drew condemnation from Baghdad",
    ],
)
def test_pos_pattern_tag_equals_pattern_tagger(text: str) -> None:
    from textblob.en.taggers import PatternTagger

    words = text.split()
    mine = [(w, pattern_tag(w, k == 0)) for k, w in enumerate(words)]
    assert mine == [tuple(p) for p in PatternTagger().tag(text)]
