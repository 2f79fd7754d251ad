"""framing.cleaning: boilerplate goes, every article sentence stays, every removal is recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_sentences import SEED_SENTENCES

from framing.cleaning import MAX_RULE_LINE, Cleaned, clean_text, load_rules

FILES = {
    "xinhua": "000_c936272a614ca7a2.txt",
    "wion": "001_70f2c1d17fadd3be.txt",
    "rudaw": "002_25aa02f157537d21.txt",
    "chinadaily": "003_3592a57944689d53.txt",
    "usatoday": "004_1693ef6cb5db2b3d.txt",
}
TITLES = {
    "xinhua": "",
    "wion": "",
    "rudaw": "Biden: US combat mission in Iraq will be over by end of year",
    "chinadaily": "US combat mission in Iraq to conclude this year",
    "usatoday": "US to end combat mission in Iraq by end of year, Biden announces in meeting",
}
SITES = {
    "xinhua": ("Xinhua",),
    "wion": ("WION",),
    "rudaw": ("Rudaw",),
    "chinadaily": ("China Daily",),
    "usatoday": ("USA Today", "Current News Today"),
}

# Site chrome in each capture: none of it may remain in the cleaned text.
BOILERPLATE = {
    "xinhua": [],
    "wion": [
        "pic.twitter.com",
        "The relationship between the US and Iraq is entering into a “new phase”.",
        "— WION (@WIONews) July 27, 2021",
        "Today, I met with Prime Minister Mustafa Al-Kadhimi of Iraq in the Oval Office.",
        "— President Biden (@POTUS) July 26, 2021",
        "Source: Web",
        "Read Also:",
        "Iraqi Court issues arrest warrant for President Trump",
    ],
    "rudaw": ["Biden: US combat mission in Iraq will be over by end of year"],
    "chinadaily": [
        "US combat mission in Iraq to conclude this year",
        "Agencies - Xinhua",
        "Today's Top News",
        "Stronger RMB points to resilience",
        "US defense policy act fuels Taiwan tensions",
        "Japan's nuclear ambitions call for high alert: Editorial",
        "China repatriates 952 telecom fraud suspects from Myanmar",
        "Chinese defense ministry criticizes latest US defense bill",
        "China sets a world record in maglev technology",
        "\n\n\n",
    ],
    "usatoday": [
        "Current News Today",
        "Advertisement",
        "US to end combat mission in Iraq by end of year, Biden announces in meeting",
        "•",
        "Read More:",
        "Get real time updates directly on you device, subscribe now.",
        "This website uses cookies",
        "Accept Read More",
        "Get more stuff like this",
        "in your inbox",
        "Subscribe to our mailing list",
        "Thank you for subscribing.",
        "Something went wrong.",
        "\n\n\n",
    ],
}

# (rule, start, end) of every removal, offsets into the raw capture.
REMOVALS = {
    "xinhua": [],
    "wion": [
        ("tweet_embed", 558, 893),
        ("photo_credit", 1834, 1846),
        ("tweet_embed", 2569, 2904),
        ("read_more", 4686, 4750),
    ],
    "rudaw": [("headline", 0, 61)],
    "chinadaily": [
        ("headline", 0, 48),
        ("agency_credit", 3637, 3655),
        ("headline_list", 3655, 4011),
    ],
    "usatoday": [
        ("site_name", 0, 20),
        ("advertisement", 20, 58),
        ("headline", 58, 136),
        ("summary", 136, 374),
        ("blank_lines", 3668, 3669),
        ("read_more", 3669, 3756),
        ("push_prompt", 3756, 3818),
        ("cookie_banner", 3818, 3957),
        ("newsletter", 3957, 4136),
    ],
}


def _clean(story_dir: Path, article_id: str) -> tuple[str, Cleaned]:
    raw = (story_dir / FILES[article_id]).read_text(encoding="utf-8")
    return raw, clean_text(raw, title=TITLES[article_id], site_names=SITES[article_id])


@pytest.mark.parametrize("article_id", list(FILES))
def test_cleaning_keeps_every_article_sentence(story_dir: Path, article_id: str) -> None:
    _, cleaned = _clean(story_dir, article_id)
    missing = [s for s in SEED_SENTENCES[article_id] if s not in cleaned.text]
    assert missing == []


@pytest.mark.parametrize("article_id", list(FILES))
def test_cleaning_removes_the_boilerplate(story_dir: Path, article_id: str) -> None:
    _, cleaned = _clean(story_dir, article_id)
    left = [b for b in BOILERPLATE[article_id] if b in cleaned.text]
    assert left == []


@pytest.mark.parametrize("article_id", list(FILES))
def test_cleaning_text_is_only_the_sentences(story_dir: Path, article_id: str) -> None:
    """Nothing else survives: the text is the sentences (sub-headings included: they are the
    outlet's own words), separated by white space."""
    _, cleaned = _clean(story_dir, article_id)
    rest = cleaned.text
    for sentence in SEED_SENTENCES[article_id]:
        rest = rest.replace(sentence, "", 1)
    assert rest.strip() == ""


@pytest.mark.parametrize("article_id", list(FILES))
def test_cleaning_records_each_removal_with_offsets(story_dir: Path, article_id: str) -> None:
    raw, cleaned = _clean(story_dir, article_id)
    assert [(r.rule, r.start, r.end) for r in cleaned.removed] == REMOVALS[article_id]
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text
        assert r.reason


@pytest.mark.parametrize("article_id", list(FILES))
def test_cleaning_text_is_raw_minus_removals(story_dir: Path, article_id: str) -> None:
    raw, cleaned = _clean(story_dir, article_id)
    assert _rebuild(raw, cleaned) == cleaned.text


def _rebuild(raw: str, cleaned: Cleaned) -> str:
    pieces, at = [], 0
    for r in sorted(cleaned.removed, key=lambda r: r.start):
        pieces.append(raw[at : r.start])
        at = r.end
    pieces.append(raw[at:])
    text = "".join(pieces)
    return text[:-1] if text.endswith("\n") else text


def test_cleaning_moves_summary_bullets(story_dir: Path) -> None:
    _, cleaned = _clean(story_dir, "usatoday")
    assert cleaned.summary == (
        "President Joe Biden welcomed Iraqi Prime Minister Mustafa al-Kadhimi to the White House"
        " on Monday.\n"
        "Biden announced the U.S. will end its combat mission in Iraq by the end of the year.\n"
        "The U.S. has about 2,500 troops in Iraq."
    )


@pytest.mark.parametrize(
    ("article_id", "first_line"),
    [
        ("rudaw", "ERBIL, Kurdistan Region — US President Joe Biden said America’s combat"),
        ("chinadaily", "WASHINGTON-US President Joe Biden and Iraqi Prime Minister"),
        ("usatoday", "WASHINGTON – The United States will end its combat mission in Iraq"),
        ("xinhua", "US President Joe Biden said on Monday that American forces in Iraq"),
    ],
)
def test_cleaning_text_starts_with_the_body(
    story_dir: Path, article_id: str, first_line: str
) -> None:
    _, cleaned = _clean(story_dir, article_id)
    assert cleaned.text.startswith(first_line)


def test_cleaning_keeps_headline_when_title_unknown(story_dir: Path) -> None:
    raw = (story_dir / FILES["rudaw"]).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Biden: US combat mission in Iraq will be over by end of year\n")
    assert cleaned.removed == []


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        # site chrome, as other sites write it
        ("- Advertisement -", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Read More: Iraqi Court issues arrest warrant", "read_more"),
        ("READ MORE:", "read_more"),
        ("Related: Biden meets Kadhimi at the White House", "read_more"),
        ("Read the full story here.", "read_more"),
        ("We use cookies to personalise content. By continuing you agree.", "cookie_banner"),
        ("Sign up for our newsletter to get the news in your inbox.", "newsletter"),
        ("Thanks for signing up!", "newsletter"),
        ("Follow us on Twitter @example", "social_prompt"),
        ("Share this article", "share_buttons"),
        ("— Jen Psaki (@PressSec) July 26, 2021", "tweet_embed"),
        ("Big news today pic.twitter.com/abc123", "tweet_embed"),
        ("Photo: Reuters", "photo_credit"),
        ("Image source: Getty Images", "photo_credit"),
        ("Copyright 2021 The Associated Press. All rights reserved.", "copyright"),
        ("© 2021 Example News, LLC", "copyright"),
        ("(With inputs from agencies)", "agency_credit"),
        ("Agencies - Xinhua", "agency_credit"),
        ("Today's Top News", "headline_list"),
        ("You might also like:", "headline_list"),
        # article sentences and sub-headings from the seeds: never boilerplate
        ("What role will U.S. forces play in Iraq?", None),
        ("Unproved claim", None),
        ("Kadhimi is seen as friendly to the US.", None),
        ("Iran has denied involvement.", None),
        (
            "He emphasized that Iraq will still seek U.S. military assistance in training and"
            " intelligence gathering.",
            None,
        ),
        ("Source of the dispute is the presence of US troops.", None),
        ("More than 2,500 US troops remain in Iraq.", None),
        ("Copyright law was not at issue in the talks.", None),
        ("COPYRIGHT 2020 EXAMPLE. ALL RIGHTS RESERVED. In 1962 the dean resigned.", None),
        ("(c) The authority in this memorandum ends with the office.", None),
        ("Watch what happens next, he said.", None),
        ("Iraqi leaders…", None),
    ],
)
def test_cleaning_rules_classify_lines(line: str, rule: str | None) -> None:
    cleaned = clean_text(f"An article sentence.\n{line}\nAnother article sentence.")
    rules = [r.rule for r in cleaned.removed]
    assert rules == ([rule] if rule else [])


def test_cleaning_keeps_paragraph_above_tweet_attribution_without_post_markers() -> None:
    """An attribution line after a real paragraph (the embed's own text was not captured)."""
    raw = (
        "The president struck a more cautious note on trade, he said.\n\n"
        "— Example News (@example) June 28, 2019\n\n"
        "The talks continue on Tuesday."
    )
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "The president struck a more cautious note on trade, he said.\n\n"
        "The talks continue on Tuesday."
    )
    assert [r.rule for r in cleaned.removed] == ["tweet_embed"]


def test_cleaning_bulleted_start_without_body_is_not_a_summary() -> None:
    bullets = "\n".join(f"- 11:{m:02d} p.m.: Police made {m} arrests." for m in range(10, 17))
    cleaned = clean_text(bullets + "\nThe night was calm.")
    assert cleaned.summary == ""
    assert cleaned.text.startswith("- 11:10 p.m.: Police made 10 arrests.")


def test_cleaning_collapses_blank_lines() -> None:
    cleaned = clean_text("\n\nFirst paragraph.\n\n\n\nSecond paragraph.\n\n\n")
    assert cleaned.text == "First paragraph.\n\nSecond paragraph."
    assert [(r.rule, r.start, r.end) for r in cleaned.removed] == [
        ("blank_lines", 0, 2),
        ("blank_lines", 20, 22),
        ("blank_lines", 40, 42),
    ]


def test_cleaning_never_matches_long_lines() -> None:
    line = "Read more: " + "a" * MAX_RULE_LINE
    assert clean_text(f"Body.\n{line}").text == f"Body.\n{line}"


def test_cleaning_custom_rules(tmp_path: Path) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text(
        "# my rules\nrule\tscope\tpattern\treason\n"
        "byline\tline\tby [A-Z][a-z]+ [A-Z][a-z]+\tbyline\n",
        encoding="utf-8",
    )
    rules = load_rules(path)
    cleaned = clean_text("By Jane Smith\nBiden met Kadhimi.\n- Advertisement -", rules=rules)
    assert cleaned.text == "Biden met Kadhimi.\n- Advertisement -"
    assert [(r.rule, r.reason) for r in cleaned.removed] == [("byline", "byline")]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # the first rule in the file that matches wins, whether or not it is tried alone
        (("anywhere", "exact"), ["anywhere", "anywhere", "social"]),
        (("exact", "anywhere"), ["exact", "anywhere", "social"]),
    ],
)
def test_cleaning_rules_keep_file_order(tmp_path: Path, order: tuple[str, str], expected) -> None:
    patterns = {
        "anywhere": ".{0,100}cookie policy",  # a leading ".{0,N}": tried alone, on lines with
        "exact": "our cookie policy",  # "cookie policy" in any case; the others together
    }
    rows = [f"{name}\tline\t{patterns[name]}\t{name}" for name in order]
    rows.append("social\tline\t(?:follow us)? on Twitter\tsocial")
    path = tmp_path / "rules.tsv"
    path.write_text("rule\tscope\tpattern\treason\n" + "\n".join(rows) + "\n", encoding="utf-8")
    raw = "Body.\nOur COOKIE POLICY\nBody.\nRead the cookie policy\nFollow us on TWITTER\nBody."
    cleaned = clean_text(raw, rules=load_rules(path))
    assert cleaned.text == "Body.\nBody.\nBody."
    assert [r.rule for r in cleaned.removed] == expected


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x\tsometimes\tfoo\twhy", "unknown scope 'sometimes'"),
        ("x\tline\t(unclosed\twhy", "pattern"),
    ],
)
def test_cleaning_bad_rules_are_reported(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text(f"rule\tscope\tpattern\treason\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_rules(path)


def test_cleaning_default_rules_load() -> None:
    rules = load_rules()
    assert {r.rule for r in rules} >= {
        "advertisement",
        "read_more",
        "cookie_banner",
        "newsletter",
        "tweet_embed",
        "photo_credit",
        "headline_list",
    }


_LINES = st.sampled_from(
    [
        "",
        "   ",
        "- Advertisement -",
        "Read More: elsewhere",
        "Today's Top News",
        "- Unrelated headline",
        "  • A key point.",
        "Kadhimi is seen as friendly to the US.",
        "Iran has denied involvement.",
        "— WION (@WIONews) July 27, 2021",
        "Tweet text pic.twitter.com/x1",
        "Current News Today",
        "Headline here",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES | st.text(max_size=40), max_size=25))
def test_cleaning_offsets_always_valid(lines: list[str]) -> None:
    raw = "\n".join(lines)
    cleaned = clean_text(raw, title="Headline here", site_names=["Current News Today"])
    previous_end = 0
    for r in cleaned.removed:
        assert previous_end <= r.start < r.end <= len(raw)
        assert raw[r.start : r.end] == r.text
        previous_end = r.end
    assert _rebuild(raw, cleaned) == cleaned.text
    assert "- Advertisement -" not in cleaned.text.split("\n")
