"""framing.align: the same quote, told differently (issue 9, part 2)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.align import align_quotes, quote_fidelity, quote_variants_html
from framing.align.groups import COLUMNS
from framing.align.words import align, link_score, words_of
from framing.quotes import quotes

# Seed sentences (the quoted words of the bundled captures, exactly as printed).
XINHUA_ROLE = (
    "Our role in Iraq will be… continue to train, to assist, to help and to deal with ISIS "
    "(Islamic State) as it rises, but we’re not going to be, by the end of the year, in a "
    "combat mission"
)
RUDAW_ROLE = (
    "Our role in Iraq… it’s just to be available to continue to train, to assist, to help and "
    "to deal with ISIS as it arrives. But we’re not going to be, by the end of the year, in a "
    "combat mission"
)
CHINADAILY_ROLE = (
    "Our role in Iraq will be … to be available, to continue to train, to assist, to help and "
    "to deal with ISIS as it arises, but we're not going to be, by the end of the year, in a "
    "combat mission"
)
USATODAY_ROLE = "We’re not going to be, by the end of the year, in a combat mission"
WION_ROLE = (
    "the new role for the U.S. troops in Iraq will continue to assist, to train, to help, and "
    "to deal with the Islamic State group (ISIS) as it gets up, but the American forces will "
    "end combat duties in Iraq by the end of the year"
)
XINHUA_NEED = "there is no need for any foreign combat forces staying in Iraq"
USATODAY_NEED = "There is no need for any foreign combat forces on Iraqi soil"


@pytest.fixture(scope="module")
def story_quotes(story_articles: pd.DataFrame) -> pd.DataFrame:
    return quotes(story_articles)


@pytest.fixture(scope="module")
def aligned(story_quotes: pd.DataFrame, story_articles: pd.DataFrame) -> pd.DataFrame:
    return align_quotes(story_quotes, articles=story_articles)


def _table(*rows: tuple[str, str, str, str], event: list[str] | None = None) -> pd.DataFrame:
    """A small quotes table: (article_id, outlet, speaker, quote) per row."""
    frame = pd.DataFrame(
        [
            {
                "article_id": a,
                "outlet": o,
                "kind": "direct",
                "quote": q,
                "start": 0,
                "end": len(q),
                "speaker": s,
            }
            for a, o, s, q in rows
        ]
    )
    if event is not None:
        frame["event"] = event
    return frame


@pytest.mark.parametrize(
    ("text", "norms", "cuts"),
    [
        ("U.S. troops would continue", ["us", "troops", "would", "continue"], []),
        ("we’re not going", ["we're", "not", "going"], []),
        ("Our role in Iraq… it’s just", ["our", "role", "in", "iraq", "it's", "just"], ["it's"]),
        ("will be ... to be", ["will", "be", "to", "be"], ["to"]),
        ("hard-line Shiite factions", ["hard", "line", "shiite", "factions"], []),
    ],
)
def test_align_words_of_normalises_and_marks_cuts(
    text: str, norms: list[str], cuts: list[str]
) -> None:
    words = words_of(text)
    assert [w.norm for w in words] == norms
    assert [w.norm for w in words if w.cut] == cuts
    assert all(text[w.start : w.end].casefold().replace(".", "") for w in words)


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [
        (XINHUA_ROLE, RUDAW_ROLE, 0.872),
        (USATODAY_ROLE, CHINADAILY_ROLE, 1.0),  # trimmed: all its words, in order
        (XINHUA_NEED, USATODAY_NEED, 0.75),
        (WION_ROLE, CHINADAILY_ROLE, 0.488),  # the paraphrase: under the default 0.6
        ("a withdrawal of troops", "the withdrawal from Afghanistan of US troops", 0.0),
    ],
)
def test_align_link_score_real_pairs(a: str, b: str, score: float) -> None:
    na, nb = [w.norm for w in words_of(a)], [w.norm for w in words_of(b)]
    assert round(link_score(na, nb), 3) == score
    assert round(link_score(nb, na), 3) == score


# The "role in Iraq" group on the bundled story (issue 9: the done criterion).
ROLE_GROUP = [
    # outlet, quote_id, reference, similarity, coverage, differences, trimmed_words
    ("China Daily", "chinadaily:0", True, 1.0, 1.0, "", 0),
    ("Rudaw", "rudaw:2", False, 0.927, 0.927, "will be → it’s just; arises → arrives", 0),
    ("USA Today", "usatoday:1", False, 1.0, 0.366, "", 26),
    ("Xinhua", "xinhua:2", False, 0.923, 0.878, "+ Islamic State; arises → rises", 4),
]


def test_align_role_in_iraq_group_issue_9(aligned: pd.DataFrame) -> None:
    group = aligned[aligned["group"] == 1]
    got = [
        (
            r.outlet,
            r.quote_id,
            r.reference,
            r.similarity,
            r.coverage,
            r.differences,
            r.trimmed_words,
        )
        for r in group.itertuples()
    ]
    assert got == ROLE_GROUP
    assert set(group["n_outlets"]) == {4}
    assert set(group["speaker"]) == {"Joe Biden"}
    verbs = {
        op[2] for ops in group["ops"] for op in ops if op[0] == "replace" and op[1] == "arises"
    }
    assert verbs == {"rises", "arrives"}


@pytest.mark.parametrize(
    ("outlet", "trimmed"),
    [
        ("Xinhua", "to be available, to"),
        (
            "USA Today",
            "Our role in Iraq will be … to be available, to continue to train, to assist, to help "
            "and to deal with ISIS as it arises, but",
        ),
        ("Rudaw", ""),
    ],
)
def test_align_trimmed_words_at_ellipses_and_ends(
    aligned: pd.DataFrame, outlet: str, trimmed: str
) -> None:
    row = aligned[(aligned["group"] == 1) & (aligned["outlet"] == outlet)].iloc[0]
    assert row["trimmed"] == trimmed


def test_align_ops_offsets_index_article_text(
    aligned: pd.DataFrame, story_articles: pd.DataFrame
) -> None:
    texts = dict(zip(story_articles["article_id"], story_articles["text"], strict=True))
    n = 0
    for row in aligned.itertuples():
        text = texts[row.article_id]
        assert text[row.start : row.end] == row.quote
        for op, _ref, version, start, end in row.ops:
            assert row.start <= start <= end <= row.end
            if op in ("replace", "insert"):
                assert text[start:end] == version
                n += 1
    assert n == 14


@pytest.mark.parametrize(
    ("group", "outlets", "differences"),
    [
        (
            2,
            ["USA Today", "China Daily", "Xinhua"],
            ["", "on Iraqi soil → to stay in Iraq", "on Iraqi soil → staying in Iraq"],
        ),
        (3, ["Rudaw", "USA Today", "USA Today"], ["", "", "news → announcement"]),
        (5, ["China Daily", "Xinhua"], ["", "− the; − that; US → American; advisory → advising"]),
    ],
)
def test_align_other_story_groups(
    aligned: pd.DataFrame, group: int, outlets: list[str], differences: list[str]
) -> None:
    rows = aligned[aligned["group"] == group]
    assert list(rows["outlet"]) == outlets
    assert list(rows["differences"]) == differences


def test_align_story_group_count_and_no_wrapper(aligned: pd.DataFrame) -> None:
    assert aligned["group"].max() == 7
    # "“...,” Biden said ..., Xinhua reported" (xinhua:1) wraps xinhua:2: counted once.
    assert "xinhua:1" not in set(aligned["quote_id"])
    # WION's paraphrase ("as it gets up") stays out at the default threshold.
    assert "wion" not in set(aligned["article_id"])


def test_align_columns_and_dtypes_also_when_empty(aligned: pd.DataFrame) -> None:
    empty = align_quotes(_table(("a", "A", "", "too short")))
    assert list(empty.columns) == list(COLUMNS) == list(aligned.columns)
    assert list(empty.dtypes) == list(aligned.dtypes)
    assert len(empty) == 0


def test_align_deterministic_under_row_order(
    story_quotes: pd.DataFrame, story_articles: pd.DataFrame, aligned: pd.DataFrame
) -> None:
    shuffled = story_quotes.sample(frac=1.0, random_state=7).reset_index(drop=True)
    again = align_quotes(shuffled, articles=story_articles)
    pd.testing.assert_frame_equal(again, aligned)


@pytest.mark.parametrize(
    ("events", "groups"),
    [
        (None, 1),
        (["e1", "e1"], 1),
        (["e1", "e2"], 0),  # never grouped across events
    ],
)
def test_align_never_across_events(events: list[str] | None, groups: int) -> None:
    table = _table(
        ("x", "Xinhua", "Joe Biden", XINHUA_NEED),
        ("u", "USA Today", "Al-Kadhimi", USATODAY_NEED),
        event=events,
    )
    table["speaker"] = "Mustafa al-Kadhimi"
    assert align_quotes(table)["group"].nunique() == groups


@pytest.mark.parametrize(
    ("speaker_a", "speaker_b", "linked"),
    [
        ("Mustafa al-Kadhimi", "al-Kadhimi", True),  # same surname
        ("Mustafa al-Kadhimi", "", True),  # one missing: text decides
        ("Mustafa al-Kadhimi", "Jen Psaki", False),  # 0.75 < 0.8 needed when speakers differ
    ],
)
def test_align_speaker_is_supporting_evidence(speaker_a: str, speaker_b: str, linked: bool) -> None:
    table = _table(
        ("x", "Xinhua", speaker_a, XINHUA_NEED), ("u", "USA Today", speaker_b, USATODAY_NEED)
    )
    assert (len(align_quotes(table)) == 2) is linked


def test_align_min_outlets_and_same_outlet_articles() -> None:
    table = _table(("a1", "Rudaw", "", RUDAW_ROLE), ("a2", "Rudaw", "", USATODAY_ROLE))
    assert len(align_quotes(table)) == 0
    rows = align_quotes(table, min_outlets=1)
    assert list(rows["article_id"]) == ["a1", "a2"]
    assert list(rows["n_outlets"]) == [1, 1]


# A made-up transcript sentence for the test (not the White House wording).
TRANSCRIPT = (
    "Q: Will you keep troops in Iraq? THE PRESIDENT: Our role in Iraq will be just to be "
    "available, to continue to train, to assist, to help, and to deal with ISIS as it arises. "
    "But we're not going to be, by the end of the year, in a combat mission. Q: Thank you."
)


@pytest.mark.parametrize(
    ("quote", "fidelity", "differences", "trimmed", "span"),
    [
        (CHINADAILY_ROLE, 1.0, "", "just", (48, 243)),
        (
            XINHUA_ROLE,
            0.923,
            "+ Islamic State; arises → rises",
            "just to be available, to",
            (48, 243),
        ),
        (RUDAW_ROLE, 0.951, "will be → it’s; arises → arrives", "", (48, 243)),
        (USATODAY_ROLE, 1.0, "", "", (177, 243)),
        (
            "Our role in Iraq will be to continue to train",
            1.0,  # every word was said: the silent cut is a difference
            "− just to be available",
            "",
            (48, 115),
        ),
        ("We will leave Afghanistan", float("nan"), "", "", (-1, -1)),
    ],
)
def test_align_quote_fidelity_against_transcript(
    quote: str, fidelity: float, differences: str, trimmed: str, span: tuple[int, int]
) -> None:
    out = quote_fidelity(pd.DataFrame({"quote": [quote], "start": [0]}), TRANSCRIPT).iloc[0]
    assert (out["transcript_start"], out["transcript_end"]) == span
    assert out["fidelity"] == pytest.approx(fidelity, nan_ok=True)
    assert out["differences"] == differences
    assert out["trimmed"] == trimmed


def test_align_quote_fidelity_keeps_key_columns(aligned: pd.DataFrame) -> None:
    out = quote_fidelity(aligned[aligned["group"] == 1], TRANSCRIPT)
    assert list(out.columns[:9]) == [
        "group", "outlet", "article_id", "quote_id", "speaker", "kind", "quote", "start", "end"
    ]  # fmt: skip
    assert list(out["fidelity"]) == [1.0, 0.951, 1.0, 0.923]


def test_align_html_escapes_hostile_text() -> None:
    hostile = '<script>alert("x")</script> there is no need for any foreign combat forces'
    table = _table(
        ("x", '<img src=x onerror="y">', "", XINHUA_NEED),
        ("u", "USA Today", "", hostile),
    )
    fragment = quote_variants_html(align_quotes(table))
    assert "<script" not in fragment and "<img" not in fragment
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in fragment
    assert "&lt;img src=x onerror=&quot;y&quot;&gt;" in fragment
    assert "http" not in fragment and "src=" not in fragment.replace("src=x", "")


def test_align_html_marks_differences(aligned: pd.DataFrame) -> None:
    fragment = quote_variants_html(aligned, groups=[1])
    assert fragment._repr_html_() == str(fragment)
    assert "as it <del>arises</del><ins>arrives</ins>." in fragment
    assert "as it <del>arises</del><ins>rises</ins>," in fragment
    assert "ISIS (<ins>Islamic State</ins>)" in fragment
    assert fragment.count("<table>") == 1 and fragment.count('class="reference"') == 1


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab c.…'’,-")), max_size=40),
    st.text(alphabet=st.sampled_from(list("ab c.…'’,-")), max_size=40),
)
def test_align_never_crashes_offsets_valid(ref_text: str, var_text: str) -> None:
    ref, var = words_of(ref_text), words_of(var_text)
    found = align(ref_text, ref, var_text, var, offset=5)
    if found is None:
        return
    assert 0 <= found.ref_lo <= found.ref_hi <= len(ref)
    assert found.matched <= len(var)
    for op in found.ops:
        assert 5 <= op.start <= op.end <= 5 + len(var_text)
