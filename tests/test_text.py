"""framing.text: normalisation, sentence splitting and tokens, offsets always into the text."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_sentences import SEED_SENTENCES

from framing.corpus import load_corpus
from framing.text import Doc, Sentence, Token, docs_from, normalize, split_sentences, tokenize


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


# --- normalize -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we’re not going", "we're not going"),
        ("“strong” and “vital.”", '"strong" and "vital."'),
        ("President Joe Biden\xa0confirmed", "President Joe Biden confirmed"),
        ("ERBIL, Kurdistan Region — US President", "ERBIL, Kurdistan Region - US President"),
        ("responded twice – striking", "responded twice - striking"),
        ("Our role in Iraq… it’s", "Our role in Iraq… it's"),
        ("plain ASCII\ttab", "plain ASCII tab"),
        ("", ""),
    ],
)
def test_text_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected
    assert len(normalize(text)) == len(text)


# --- split_sentences -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "U.S." inside a sentence
            "Biden said U.S. troops would continue to train and assist Iraqi forces. He spoke.",
            [
                "Biden said U.S. troops would continue to train and assist Iraqi forces.",
                "He spoke.",
            ],
        ),
        (  # "U.S." ending a sentence before a word that starts one
            "It is not a removal of the U.S. It is a shift in mission.",
            ["It is not a removal of the U.S.", "It is a shift in mission."],
        ),
        (  # "U.S.-led"
            "Without U.S.-led coalition troops. The army is capable.",
            ["Without U.S.-led coalition troops.", "The army is capable."],
        ),
        (  # "Gen." before a name
            "The Trump administration targeted Iranian Gen. Qassem Soleimani in 2020. He died.",
            [
                "The Trump administration targeted Iranian Gen. Qassem Soleimani in 2020.",
                "He died.",
            ],
        ),
        (  # "Jan." before a year
            "A US airstrike at Baghdad airport in Jan. 2020 killed him. Parliament voted.",
            ["A US airstrike at Baghdad airport in Jan. 2020 killed him.", "Parliament voted."],
        ),
        (  # "Mr." and "Mrs."
            "Mr. Biden met Mr. al-Kadhimi. Mrs. Biden did not.",
            ["Mr. Biden met Mr. al-Kadhimi.", "Mrs. Biden did not."],
        ),
        (  # an initial
            "The two wars that then-president George W. Bush began. Hussein was ousted.",
            ["The two wars that then-president George W. Bush began.", "Hussein was ousted."],
        ),
        (  # "Roe v. Wade", AP state abbreviation, "a.m."
            "Roe v. Wade stands. He lives in Los Angeles, Calif. "
            "The meeting began at 10 a.m. Monday.",
            [
                "Roe v. Wade stands.",
                "He lives in Los Angeles, Calif.",
                "The meeting began at 10 a.m. Monday.",
            ],
        ),
        (  # no break inside a quotation
            "“The real news today… is about a change of mission. And the numbers will be driven "
            "by what is needed,” Psaki said. Iran has denied involvement.",
            [
                "“The real news today… is about a change of mission. And the numbers will be "
                "driven by what is needed,” Psaki said.",
                "Iran has denied involvement.",
            ],
        ),
        (  # straight quotes
            '"Nobody is going to declare mission accomplished. The goal is the enduring defeat of '
            'ISIS," said a senior US administration official. Kadhimi is seen as friendly.',
            [
                '"Nobody is going to declare mission accomplished. The goal is the enduring defeat'
                ' of ISIS," said a senior US administration official.',
                "Kadhimi is seen as friendly.",
            ],
        ),
        (  # a quotation ending a sentence, the next one starting with a quotation
            "he said during the meeting with Biden.\xa0“Today our nation is stronger than ever.”",
            ["he said during the meeting with Biden.", "“Today our nation is stronger than ever.”"],
        ),
        (  # a question, then a line break
            "What role will U.S. forces play in Iraq?\nThe president declined to clarify.",
            ["What role will U.S. forces play in Iraq?", "The president declined to clarify."],
        ),
        (  # ellipsis before lower case continues
            "“Our role in Iraq… it’s just to be available,” Biden said.",
            ["“Our role in Iraq… it’s just to be available,” Biden said."],
        ),
        (  # numbers, "No." before a number
            "There are currently 2,500 US troops and 1.5 bases. No. 1 is Ain al-Asad.",
            ["There are currently 2,500 US troops and 1.5 bases.", "No. 1 is Ain al-Asad."],
        ),
        ("", []),
        ("\n\n  \n", []),
        ("Iraqi leaders…", ["Iraqi leaders…"]),
    ],
)
def test_text_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


@pytest.mark.parametrize("article_id", list(SEED_SENTENCES))
def test_text_split_sentences_on_the_seeds(story_dir: object, article_id: str) -> None:
    articles = load_corpus(story_dir)  # type: ignore[arg-type]
    text = articles.set_index("article_id").loc[article_id, "text"]
    assert _sentences(text) == SEED_SENTENCES[article_id]


def test_text_sentence_indices_count_from_zero() -> None:
    assert split_sentences("One. Two.\nThree.") == [
        Sentence(0, 0, 4),
        Sentence(1, 5, 9),
        Sentence(2, 10, 16),
    ]


# --- tokenize ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran-backed Shia militias",
            ["iran-backed", "shia", "militias"],
        ),
        (
            "without U.S.-led coalition troops.",
            ["without", "u.s.-led", "coalition", "troops"],
        ),
        (
            "“We’re not going to be, by the end of the year, in a combat mission,”",
            [
                "we're",
                "not",
                "going",
                "to",
                "be",
                "by",
                "the",
                "end",
                "of",
                "the",
                "year",
                "in",
                "a",
                "combat",
                "mission",
            ],
        ),
        ("Iraq’s internal tensions", ["iraq's", "internal", "tensions"]),
        (
            "about 2,500 troops by 31st December 2021",
            ["about", "2,500", "troops", "by", "31st", "december", "2021"],
        ),
        ("Prime Minister Mustafa al-Kadhimi", ["prime", "minister", "mustafa", "al-kadhimi"]),
        ("ISIS (Islamic State) as it rises…", ["isis", "islamic", "state", "as", "it", "rises"]),
        ("at 10:30 a.m. on Jan. 6", ["at", "10:30", "a.m.", "on", "jan", "6"]),
        ("", []),
    ],
)
def test_text_tokenize(text: str, expected: list[str]) -> None:
    assert [t.norm for t in tokenize(text)] == expected


def test_text_tokenize_offsets_index_the_text() -> None:
    text = "President Joe Biden\xa0confirmed Monday"
    tokens = tokenize(text)
    assert tokens[3] == Token(20, 29, "confirmed")
    assert [text[t.start : t.end] for t in tokens] == [
        "President",
        "Joe",
        "Biden",
        "confirmed",
        "Monday",
    ]


def test_text_tokenize_range() -> None:
    text = "Iran has denied involvement. The US has responded twice."
    assert [t.norm for t in tokenize(text, 29, 35)] == ["the", "us"]


def test_text_tokenize_case_folding_that_changes_length() -> None:
    text = "İstanbul talks"  # "İ".lower() is two characters: offsets must not shift
    tokens = tokenize(text)
    assert [(t.start, t.end) for t in tokens] == [(0, 8), (9, 14)]
    assert tokens[1].norm == "talks"


# --- Doc ------------------------------------------------------------------------------------------


def test_text_doc_parses_once_and_pickles() -> None:
    doc = Doc("Iran has denied involvement. The US responded.", article_id="r", outlet="Rudaw")
    assert doc.sentences is doc.sentences
    assert [len(g) for g in doc.sentence_tokens] == [4, 3]
    assert doc.n_words == 7
    assert doc.sentence_text(doc.sentences[1]) == "The US responded."
    calls: list[int] = []
    assert doc.cached("k", lambda d: calls.append(1) or len(d.text)) == 46
    assert doc.cached("k", lambda d: calls.append(1) or 0) == 46
    assert calls == [1]
    back = pickle.loads(pickle.dumps(doc))
    assert (back.article_id, back.outlet, back.sentences) == ("r", "Rudaw", doc.sentences)


def test_text_docs_from_missing_column() -> None:
    with pytest.raises(KeyError, match="no column 'text'"):
        docs_from(pd.DataFrame({"article_id": ["a"], "outlet": ["b"], "body": ["c"]}))


def test_text_docs_from_story(story_dir: object) -> None:
    docs = docs_from(load_corpus(story_dir))  # type: ignore[arg-type]
    assert [d.outlet for d in docs] == ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]


# --- properties ----------------------------------------------------------------------------------

_PIECES = [*"aZ .!?…\"'“”‘’()-—\n\xa0\t,3", "Mr.", "U.S.", "Gen.", "Jan.", "W.", "e.g."]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join) | st.text(max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_text_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_text_split_sentences_spans_valid_and_ordered(text: str) -> None:
    previous_end = 0
    for i, s in enumerate(split_sentences(text)):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        chunk = text[s.start : s.end]
        assert normalize(chunk) == normalize(chunk).strip()
        assert "\n" not in chunk
        previous_end = s.end


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_text_tokens_valid_and_ordered(text: str) -> None:
    previous_end = 0
    for t in tokenize(text):
        assert previous_end <= t.start < t.end <= len(text)
        assert t.norm
        previous_end = t.end
