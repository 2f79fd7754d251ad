"""The classroom exercise: pasted articles in, predictions grid, evidence, printable handout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from html_parse import parse_html

from framing.classroom import (
    BIAS_TYPES,
    Exercise,
    articles_from_texts,
    bias_types,
)
from framing.classroom.exercise import _names
from framing.corpus import load_corpus
from framing.text import Doc

XSS = '"><img src=x onerror=alert(1)><script>alert(1)</script>'
# Two short reports in the style of the bundled story (sentences from the seeds).
PASTED = {
    "Rudaw": (
        "US President Joe Biden said on Monday that the US combat mission in Iraq will be over "
        'by the end of the year. "We are not going to be, by the end of the year, in a combat '
        'mission," Biden told reporters.\nIranian-backed militias are blamed for frequent '
        "rocket attacks on US interests in Iraq."
    ),
    "China Daily": (
        "Analysts noted that the Iraqi prime minister faced mounting pressures at home from "
        "hard-line Shiite factions demanding that all US troops leave the country.\nBut his "
        "government condemned US airstrikes against so-called Iran-aligned fighters along its "
        "border with Syria in late June."
    ),
}


def test_classroom_bias_types_cover_the_seven_types() -> None:
    table = bias_types()
    assert table["key"].tolist() == [
        "word_choice",
        "subjective_qualifiers",
        "source_attribution",
        "source_slant",
        "verb_spin",
        "sensationalism",
        "omission",
    ]
    assert list(table.columns) == ["key", "name", "what", "look_for", "question", "measured_by"]
    assert all(len(b.question) > 20 and "?" in b.question for b in BIAS_TYPES)


def test_classroom_articles_from_pasted_texts() -> None:
    table = articles_from_texts(PASTED)
    assert table[["article_id", "outlet", "title"]].to_dict("records") == [
        {"article_id": "a", "outlet": "Rudaw", "title": ""},
        {"article_id": "b", "outlet": "China Daily", "title": ""},
    ]
    assert table["text"].iloc[0].startswith("US President Joe Biden said on Monday")
    listed = articles_from_texts(["one text", " two text "])
    assert listed["outlet"].tolist() == ["Article A", "Article B"]
    assert listed["text"].tolist() == ["one text", "two text"]


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({"Rudaw": "text"}, "paste at least 2, not 1"),
        ({"Rudaw": "text", "WION": "  \n"}, "the text for 'WION' is empty"),
    ],
)
def test_classroom_articles_from_texts_rejects(texts: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        articles_from_texts(texts)


def test_classroom_articles_from_texts_warns_past_six() -> None:
    with pytest.warns(UserWarning, match="7 articles"):
        articles_from_texts([f"text {i}" for i in range(7)])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Immediately after the deaths of top Iranian general Qassem Soleimani and Iraqi "
            "militia leader Abu Mahdi al-Muhandis in a US airstrike at Baghdad airport.",
            ["Iranian", "Qassem Soleimani", "Iraqi", "Abu Mahdi al-Muhandis", "US", "Baghdad"],
        ),
        ("The White House would not say.", ["White House"]),
    ],
)
def test_classroom_names_skip_sentence_starts(text: str, expected: list[str]) -> None:
    assert _names(Doc(text)) == expected


@pytest.fixture(scope="module")
def pasted_exercise() -> Exercise:
    return Exercise(articles_from_texts(PASTED))


def test_classroom_worksheet_has_a_column_per_outlet(pasted_exercise: Exercise) -> None:
    grid = pasted_exercise.worksheet()
    assert list(grid.columns) == ["bias type", "question", "China Daily", "Rudaw"]
    assert len(grid) == 7 and set(grid["Rudaw"]) == {""}


def test_classroom_reveal_every_type(pasted_exercise: Exercise) -> None:
    evidence = pasted_exercise.reveal_all()
    assert [e.bias.key for e in evidence] == [b.key for b in BIAS_TYPES]
    for e in evidence:
        assert isinstance(e.table, pd.DataFrame) and e.findings
        assert e.html.startswith('<div class="framing-evidence"><h3>')


def test_classroom_reveal_unknown_key(pasted_exercise: Exercise) -> None:
    with pytest.raises(KeyError, match="unknown bias type 'spin'"):
        pasted_exercise.reveal("spin")


def test_classroom_plain_reading_has_no_marks(pasted_exercise: Exercise) -> None:
    body = pasted_exercise.read().html.split("</style>", 1)[1]
    assert "fr-quote" not in body and "fr-mark" not in body and "fr-drv" not in body


def test_classroom_handout_prints_articles_and_grid(tmp_path: Path) -> None:
    ex = Exercise(articles_from_texts({XSS: PASTED["Rudaw"], "China Daily": PASTED["China Daily"]}))
    page = ex.write_handout(tmp_path / "h.html").read_text(encoding="utf-8")
    parsed = parse_html(page)
    assert not [t for t, _ in parsed.tags if t in {"script", "img", "link", "iframe"}]
    assert not any(n.startswith("on") for _, attrs in parsed.tags for n in attrs)
    text = "".join(parsed.text)
    assert XSS in text
    assert "Iranian-backed militias are blamed for frequent rocket attacks" in text
    assert "@media print" in page and "break-before: page" in page
    rows = [a for t, a in parsed.tags if t == "td" and a.get("class") == "blank"]
    assert len(rows) == 7 * 2
    assert "Teacher's copy" not in page
    key = ex.handout_html(answers=True)
    assert "Teacher's copy: what the measurements show" in key


def test_classroom_story_with_actor_list(story_dir: Path) -> None:
    ex = Exercise(load_corpus(story_dir), actors=story_dir / "actors.tsv")
    table = ex.reveal("word_choice").table
    militias = table[table["actor"] == "Iran-aligned militias"].iloc[0]
    assert "so-called Iran-aligned fighters" in militias["China Daily"]
    assert "Iranian-backed militias" in militias["Rudaw"]


def test_classroom_glossary_lists_every_type() -> None:
    from framing.classroom import glossary

    page = glossary()._repr_html_()
    assert page.count("<dt>") == 7
    for b in BIAS_TYPES:
        assert f"<strong>{b.name}</strong>" in page


class _Result:
    """A hand-made analysis result: the evidence logic tested on known tables."""

    def __init__(self) -> None:
        self.articles = pd.DataFrame(
            {"article_id": ["a", "b"], "outlet": ["Rudaw", "China Daily"], "n_words": [50, 40]}
        )
        self.quotes = pd.DataFrame(
            {
                "article_id": ["a", "a", "b", "b"],
                "outlet": ["Rudaw", "Rudaw", "China Daily", "China Daily"],
                "speaker": ["Joe Biden", "Safeen Dizayee", "Analysts", "US media"],
                "speaker_as_written": ["Biden", "Safeen Dizayee", "Analysts", "US media"],
                "speaker_type": ["person", "person", "group", "group"],
                "verb": ["told", "said", "noted", "claimed"],
                "verb_stance": ["neutral", "neutral", "neutral", "distancing"],
                "kind": ["direct", "direct", "indirect", "indirect"],
                "quote": ["we are not going", "Iraq still needs", "the leader", "the move"],
                "continues": ["", "", "", ""],
            }
        )
        self.voices = None
        self.markers = pd.DataFrame(
            {
                "article_id": ["b", "b", "a"],
                "outlet": ["China Daily", "China Daily", "Rudaw"],
                "category": ["distancing", "loaded", "loaded"],
                "text": ["so-called", "hard-line", "striking"],
                "in_quote": [False, False, True],
            }
        )
        self.labels = pd.DataFrame(
            {
                "article_id": ["a", "b", "b"],
                "outlet": ["Rudaw", "China Daily", "China Daily"],
                "actor": ["Iran-aligned militias", "Iran-aligned militias", "Qassem Soleimani"],
                "label": [
                    "Iranian-backed militias",
                    "so-called Iran-aligned fighters",
                    "Qassem Soleimani",
                ],
            }
        )
        self.sentiment = pd.DataFrame(
            {"outlet": ["Rudaw", "China Daily"], "subjectivity": [0.3, 0.2]}
        )
        self.sentences = pd.DataFrame(
            {
                "outlet": ["Rudaw", "China Daily"],
                "sentence_text": ["Attacks rose.", "Fighters were condemned."],
                "vader_compound": [-0.4, -0.6],
            }
        )
        self.comparison = pd.DataFrame(
            {"outlet": ["Rudaw", "China Daily"], "top_terms": ["krg, washington", ""]}
        )


@pytest.fixture
def known() -> Exercise:
    articles = pd.DataFrame(
        {"article_id": ["a", "b"], "outlet": ["Rudaw", "China Daily"], "text": ["x", "y"]}
    )
    return Exercise(articles, result=_Result())


@pytest.mark.parametrize(
    ("key", "findings"),
    [
        (
            "word_choice",
            [
                "Iran-aligned militias: 2 different labels across 2 outlets.",
                "Rudaw uses more than the others: krg, washington.",
            ],
        ),
        (
            "subjective_qualifiers",
            ["Most judging words in its own voice: China Daily (25.0 per 1,000 words: hard-line)."],
        ),
        (
            "source_attribution",
            [
                "China Daily: 2 of 2 statements from vague or unnamed sources "
                "(Analysts; US media).",
                "Rudaw: 0 of 2 statements from vague or unnamed sources.",
            ],
        ),
        (
            "verb_spin",
            [
                "China Daily: 1 of 2 reporting verbs are not neutral: claimed (distancing).",
                "Rudaw: 0 of 2 reporting verbs are not neutral.",
            ],
        ),
        (
            "sensationalism",
            [
                "China Daily: 1 loaded word in its own voice.",
                "Rudaw: 0 loaded words in its own voice.",
            ],
        ),
        ("omission", ["Qassem Soleimani is never mentioned by Rudaw."]),
    ],
)
def test_classroom_evidence_from_known_tables(
    known: Exercise, key: str, findings: list[str]
) -> None:
    assert known.reveal(key).findings == findings
