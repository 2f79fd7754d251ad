"""Agency: who is presented as doing what to whom (forms, agents, patients, summaries)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.agency import (
    AGENCY_COLUMNS,
    FORMS,
    agency,
    agency_roles,
    agency_rows,
    agency_summary,
    load_events,
    plot_agency,
)
from framing.text import Doc

ACTORS = "data/iraq-2021-07-26/actors.tsv"


def _mentions(sentence: str) -> list[tuple[str, str, str, str]]:
    return [(r["form"], r["agent"], r["event"], r["patient"]) for r in agency_rows(Doc(sentence))]


# Sentences from the bundled story (data/iraq-2021-07-26), exactly as captured.
SEED_CASES = [
    (
        "Parliament last year passed a non-binding resolution demanding foreign forces depart "
        "the country after the US assassinated Iraqi deputy militia commander Abu Mahdi "
        "al-Muhandis and Iranian Gen. Qasem Soleimani in Baghdad in January 2020.",
        [
            (
                "active",
                "the US",
                "assassinated",
                "Iraqi deputy militia commander Abu Mahdi al-Muhandis and Iranian Gen. Qasem "
                "Soleimani",
            )
        ],
    ),
    (
        "America\u2019s military presence in Iraq became a flashpoint between the two allies "
        "after the Trump administration targeted Iranian Gen. Qassem Soleimani in a fatal "
        "drone strike in 2020.",
        [("active", "the Trump administration", "targeted", "Iranian Gen. Qassem Soleimani")],
    ),
    (
        "Immediately after the deaths of top Iranian general Qassem Soleimani and Iraqi "
        "militia leader Abu Mahdi al-Muhandis in a US airstrike at Baghdad airport in Jan. "
        "2020, the Iraqi parliament passed a resolution requiring the government to end the "
        "presence of foreign forces in Iraq.",
        [
            (
                "nominalisation",
                "US",
                "deaths",
                "top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi "
                "al-Muhandis",
            ),
            ("active", "the government", "end", "the presence of foreign forces"),
        ],
    ),
    (
        "Iraqi military bases housing US troops across the country and the US embassy in the "
        "Green Zone in central Baghdad have been frequently targeted by rocket and drone "
        "attacks from Iran-backed Shia militias.",
        [
            (
                "passive_agent",
                "Iran-backed Shia militias",
                "targeted",
                "Iraqi military bases housing US troops across the country and the US embassy "
                "in the Green Zone in central Baghdad",
            )
        ],
    ),
    (
        "The US military launched retaliatory airstrikes against Shia militants in Syria and "
        "Iraq this February and June, only leading to a cycle of more attacks and reprisals.",
        [
            ("nominalisation", "The US military", "airstrikes", "Shia militants"),
            ("nominalisation", "", "attacks", ""),
        ],
    ),
    (
        "The US troops withdrew from Iraq in 2011, eight years after the US-led invasion.",
        [("active", "The US troops", "withdrew", ""), ("nominalisation", "US-led", "invasion", "")],
    ),
    (
        "US President Joe Biden said on Monday that American forces in Iraq will end the "
        "combat mission by the end of the year while continuing to train and assist Iraqi "
        "forces.",
        [("active", "American forces in Iraq", "end", "the combat mission")],
    ),
]

# General English: one case per form and per way of finding the agent.
GENERAL_CASES = [
    (
        "Three soldiers were killed by a roadside bomb on Tuesday.",
        [("passive_agent", "a roadside bomb", "killed", "Three soldiers")],
    ),
    (
        "The base was attacked on Monday.",
        [("passive_agentless", "", "attacked", "The base")],
    ),
    (
        "Police shot a 23-year-old man in Minneapolis.",
        [("active", "Police", "shot", "a 23-year-old man")],
    ),
    (
        "A 23-year-old man was shot and killed by police.",
        [
            ("passive_agent", "police", "shot", "A 23-year-old man"),
            ("passive_agent", "police", "killed", "A 23-year-old man"),
        ],
    ),
    (
        "Russia's invasion of Ukraine has killed thousands of civilians.",
        [
            ("nominalisation", "Russia", "invasion", "Ukraine"),
            ("active", "Russia's invasion of Ukraine", "killed", "thousands of civilians"),
        ],
    ),
    (
        "The killing of George Floyd by a police officer sparked protests.",
        [("nominalisation", "a police officer", "killing", "George Floyd")],
    ),
    (
        "Soleimani's assassination raised fears of war.",
        [("nominalisation", "", "assassination", "Soleimani")],
    ),
    ("Two people died in the shooting.", [("intransitive", "", "died", "Two people")]),
    (
        "Israeli airstrikes killed at least 20 people in Gaza, health officials said.",
        [
            ("nominalisation", "Israeli", "airstrikes", ""),
            ("active", "Israeli airstrikes", "killed", "at least 20 people"),
        ],
    ),
    (
        "Militants attacked a checkpoint and killed four police officers.",
        [
            ("active", "Militants", "attacked", "a checkpoint"),
            ("active", "Militants", "killed", "four police officers"),
        ],
    ),
    (
        "The president ordered the military to strike Iranian targets.",
        [("active", "the military", "strike", "Iranian targets")],
    ),
    (
        "Protesters killed in the crackdown were buried on Friday.",
        [("passive_agentless", "", "killed", "Protesters")],
    ),
    (
        "The combat mission will end by December 31.",
        [("intransitive", "", "end", "The combat mission")],
    ),
    (
        "The suspect, who shot three people, was arrested on Sunday.",
        [
            ("active", "The suspect", "shot", "three people"),
            ("passive_agentless", "", "arrested", "The suspect"),
        ],
    ),
    ("One killed in knife attack", [("passive_agentless", "", "killed", "One")]),
    ("The Taliban attack left five soldiers dead.", [("nominalisation", "Taliban", "attack", "")]),
    ("He said the end of the year was near.", []),
    ("Officials declined to comment on the talks.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED_CASES)
def test_agency_seed_sentences(sentence: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), GENERAL_CASES)
def test_agency_general_english(sentence: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert _mentions(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "source", "instrument"),
    [
        ("Two people died in the shooting.", "", "the shooting"),
        (
            "Immediately after the deaths of top Iranian general Qassem Soleimani in a US "
            "airstrike, parliament met.",
            "instrument",
            "a US airstrike",
        ),
        ("The killing of George Floyd by a police officer sparked protests.", "by", ""),
        ("Russia's invasion of Ukraine began in 2022.", "possessive", ""),
        ("The Taliban attack left five soldiers dead.", "premodifier", ""),
    ],
)
def test_agency_agent_source_and_instrument(sentence: str, source: str, instrument: str) -> None:
    row = agency_rows(Doc(sentence))[0]
    assert (row["agent_source"], row["instrument"]) == (source, instrument)


# The test: Soleimani's killing in four outlets, four ways.
SOLEIMANI_ROWS = [
    (
        "Xinhua",
        "nominalisation",
        "US",
        "deaths",
        "top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis",
        "a US airstrike",
        "Qassem Soleimani; Abu Mahdi al-Muhandis",
        "deaths of top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi "
        "al-Muhandis",
    ),
    (
        "Rudaw",
        "active",
        "the US",
        "assassinated",
        "Iraqi deputy militia commander Abu Mahdi al-Muhandis and Iranian Gen. Qasem Soleimani",
        "",
        "Abu Mahdi al-Muhandis; Qassem Soleimani",
        "assassinated",
    ),
    (
        "China Daily",
        "nominalisation",
        "US",
        "deaths",
        "top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis",
        "a US airstrike",
        "Qassem Soleimani; Abu Mahdi al-Muhandis",
        "deaths of top Iranian general Qassem Soleimani and Iraqi militia leader Abu Mahdi "
        "al-Muhandis",
    ),
    (
        "USA Today",
        "active",
        "the Trump administration",
        "targeted",
        "Iranian Gen. Qassem Soleimani",
        "a fatal drone strike",
        "Qassem Soleimani",
        "targeted",
    ),
]


@pytest.fixture(scope="module")
def story_agency(story_articles: pd.DataFrame) -> pd.DataFrame:
    return agency(story_articles, actors=ACTORS)


def test_agency_soleimani_four_forms(
    story_articles: pd.DataFrame, story_agency: pd.DataFrame
) -> None:
    texts = dict(zip(story_articles["article_id"], story_articles["text"], strict=True))
    rows = story_agency[story_agency["patient"].str.contains("Soleimani")]
    got = [
        (
            r.outlet,
            r.form,
            r.agent,
            r.event,
            r.patient,
            r.instrument,
            r.patient_actor,
            texts[r.article_id][r.start : r.end],
        )
        for r in rows.itertuples()
    ]
    assert got == SOLEIMANI_ROWS
    assert rows["violent"].tolist() == [True, True, True, True]


def test_agency_offsets_index_the_text(
    story_articles: pd.DataFrame, story_agency: pd.DataFrame
) -> None:
    texts = dict(zip(story_articles["article_id"], story_articles["text"], strict=True))
    for r in story_agency.itertuples():
        text = texts[r.article_id]
        assert r.event in text[r.start : r.end]
        assert text[r.agent_start : r.agent_end] == r.agent if r.agent else r.agent_start == -1
        assert (
            text[r.patient_start : r.patient_end] == r.patient
            if r.patient
            else r.patient_start == -1
        )


def test_agency_columns_and_dtypes(story_agency: pd.DataFrame) -> None:
    assert list(story_agency.columns) == AGENCY_COLUMNS
    assert set(story_agency["form"]) <= set(FORMS)
    assert story_agency["violent"].dtype == bool
    assert story_agency["start"].dtype == "int64"


def test_agency_empty_table_keeps_columns() -> None:
    empty = agency(pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["No events."]}))
    assert list(empty.columns) == AGENCY_COLUMNS
    assert len(empty) == 0
    assert empty["start"].dtype == "int64"


@pytest.mark.parametrize(
    ("sentence", "violent"),
    [
        ("Soleimani died in a US drone strike.", True),
        ("Nancy Reagan has died at the age of 94.", False),
        ("The campaign targeted young voters.", False),
        ("Militias targeted the embassy in a rocket attack.", True),
    ],
)
def test_agency_violent_context(sentence: str, violent: bool) -> None:
    assert agency_rows(Doc(sentence))[0]["violent"] is violent


def test_agency_summary_story(story_agency: pd.DataFrame) -> None:
    summary = agency_summary(story_agency).round(2)
    assert summary.to_dict("records") == [
        {
            "outlet": "China Daily",
            "mentions": 4,
            "share_active": 0.25,
            "share_passive": 0.0,
            "share_nominalisation": 0.75,
            "share_intransitive": 0.0,
            "share_agentless": 0.25,
            "share_agent_named": 0.75,
        },
        {
            "outlet": "Rudaw",
            "mentions": 5,
            "share_active": 0.2,
            "share_passive": 0.0,
            "share_nominalisation": 0.8,
            "share_intransitive": 0.0,
            "share_agentless": 0.8,
            "share_agent_named": 0.2,
        },
        {
            "outlet": "USA Today",
            "mentions": 1,
            "share_active": 1.0,
            "share_passive": 0.0,
            "share_nominalisation": 0.0,
            "share_intransitive": 0.0,
            "share_agentless": 0.0,
            "share_agent_named": 1.0,
        },
        {
            "outlet": "WION",
            "mentions": 5,
            "share_active": 0.4,
            "share_passive": 0.0,
            "share_nominalisation": 0.6,
            "share_intransitive": 0.0,
            "share_agentless": 0.6,
            "share_agent_named": 0.4,
        },
        {
            "outlet": "Xinhua",
            "mentions": 5,
            "share_active": 0.0,
            "share_passive": 0.2,
            "share_nominalisation": 0.8,
            "share_intransitive": 0.0,
            "share_agentless": 0.2,
            "share_agent_named": 0.8,
        },
    ]


def test_agency_summary_agentless_definition() -> None:
    table = agency(
        pd.DataFrame(
            {
                "article_id": ["a"],
                "outlet": ["X"],
                "text": [
                    "The base was attacked on Monday. Two people died in the shooting. "
                    "Militias attacked the embassy. Three soldiers were killed by a bomb."
                ],
            }
        )
    )
    row = agency_summary(table).iloc[0]
    # agentless: "was attacked" and "died" (its folded instrument "the shooting" names no one)
    assert (row["mentions"], row["share_agentless"], row["share_passive"]) == (4, 0.5, 0.5)


def test_agency_summary_empty() -> None:
    summary = agency_summary(agency(pd.DataFrame(columns=["article_id", "outlet", "text"])))
    assert summary.empty
    assert "share_agentless" in summary.columns


def test_agency_roles_story(story_agency: pd.DataFrame) -> None:
    roles = agency_roles(story_agency)
    rudaw = roles[roles["outlet"] == "Rudaw"].set_index("actor")
    soleimani = rudaw.loc["Qassem Soleimani"]
    assert (soleimani["as_agent"], soleimani["as_patient"]) == (0, 1)
    assert list(roles.columns) == ["outlet", "actor", "as_agent", "as_patient", "share_agent"]


def test_agency_roles_by_phrase() -> None:
    table = agency(
        pd.DataFrame(
            {
                "article_id": ["a"],
                "outlet": ["X"],
                "text": ["Militants attacked the base. The base was attacked by militants."],
            }
        )
    )
    roles = agency_roles(table, by="phrase")
    assert roles[["actor", "as_agent", "as_patient"]].values.tolist() == [
        ["base", 0, 2],
        ["militants", 2, 0],
    ]


def test_agency_user_lexicon() -> None:
    events = pd.DataFrame(
        {
            "event": ["sack"],
            "verb_forms": ["sack sacks sacked sacking"],
            "noun_forms": ["sacking"],
            "valency": ["transitive"],
            "violent": ["no"],
        }
    )
    rows = agency_rows(Doc("The coach was sacked by the club."), events=events)
    assert [(r["form"], r["agent"], r["event_lemma"]) for r in rows] == [
        ("passive_agent", "the club", "sack")
    ]


def test_agency_lexicon_rejects_unknown_valency() -> None:
    with pytest.raises(ValueError, match="event row 1: valency"):
        load_events(pd.DataFrame({"event": ["x"], "verb_forms": ["x"], "valency": ["maybe"]}))


def test_agency_bundled_lexicon_rows() -> None:
    lexicon = load_events()
    assert lexicon.verbs["assassinated"].event == "assassinate"
    assert lexicon.nouns["deaths"].violent == "context"
    assert "end" not in lexicon.nouns  # "the end of the year" is not an event


@pytest.mark.parametrize("kind", ["forms", "roles"])
def test_agency_plot_returns_axes(story_agency: pd.DataFrame, kind: str) -> None:
    fig, ax = plt.subplots()
    assert plot_agency(story_agency, kind=kind, ax=ax) is ax  # type: ignore[arg-type]
    plt.close(fig)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "US",
                "killed",
                "was",
                "attacked",
                "by",
                "deaths",
                "of",
                "militias",
                "in",
                "a",
                "strike",
                ",",
                "and",
                "'s",
                "to",
                "end",
                "Gen.",
                "\u201c",
                ".",
                "-",
            ]
        ),
        max_size=25,
    )
)
def test_agency_never_crashes_offsets_valid(words: list[str]) -> None:
    text = " ".join(words)
    for r in agency_rows(Doc(text)):
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert r["form"] in FORMS
        assert text[r["agent_start"] : r["agent_end"]] == r["agent"] or r["agent_start"] == -1
