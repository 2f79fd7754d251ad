"""The annotated reading view: marks in the right places, tooltips, legend, nothing unescaped."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from html_parse import parse_html

from framing.show import Mark, ReadingView, _render_text, show

# A sentence from the Rudaw article, with the offsets the analyses would report.
RUDAW = (
    'Biden said the US role in Iraq will be "to be available, to continue to train, to assist, '
    'to help and to deal with ISIS as it arrives."'
)
XSS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>']


def _articles(text: str = RUDAW, **extra: object) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["rudaw"], "outlet": ["Rudaw"], "text": [text], **extra})


def _tables(text: str = RUDAW) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    q_start = text.index('"to be') + 1
    quotes = pd.DataFrame(
        {
            "article_id": ["rudaw"],
            "start": [q_start],
            "end": [text.index('."') + 1],
            "kind": ["direct"],
            "speaker": ["Joe Biden"],
            "speaker_type": ["person"],
            "verb": ["said"],
            "verb_stance": ["neutral"],
        }
    )
    m = text.index("assist")
    markers = pd.DataFrame(
        {
            "article_id": ["rudaw"],
            "category": ["loaded"],
            "term": ["assist"],
            "start": [m],
            "end": [m + 6],
        }
    )
    d = text.index("available")
    drivers = pd.DataFrame(
        {"article_id": ["rudaw"], "start": [d], "end": [d + 9], "word": ["available"]},
    ).assign(polarity=[0.4])
    return quotes, markers, drivers


def test_show_marks_quote_marker_and_driver_with_tooltips() -> None:
    quotes, markers, drivers = _tables()
    view = show(_articles(), quotes=quotes, markers=markers, drivers=drivers)
    assert isinstance(view, ReadingView)
    assert view._repr_html_() == view.html
    spans = {attrs.get("class"): attrs.get("title") for tag, attrs in parse_html(view.html).tags}
    assert spans["fr-quote fr-direct"] == (
        "direct quote · speaker: Joe Biden (person) · reporting verb: said (neutral)"
    )
    assert spans["fr-mark fr-loaded"] == (
        "loaded: “assist”, an evaluative or emotive word: it judges as it describes"
    )
    assert spans["fr-drv fr-pos"] == "sentiment driver: “available” raises polarity (+0.40)"
    assert "Joe Biden (1)" in "".join(parse_html(view.html).text)


def test_show_text_survives_unchanged() -> None:
    quotes, markers, drivers = _tables()
    view = show(_articles(), quotes=quotes, markers=markers, drivers=drivers)
    body = re.search(r'<div class="fr-body">(.*?)</div>', view.html, re.S)
    assert body is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == RUDAW


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("ab cd", [], "ab cd"),
        ("a<b", [Mark(1, 2, "word", "w", "t")], 'a<span class="w" title="t">&lt;</span>b'),
        # A word mark crossing a quote's end is split at the boundary.
        (
            "xx yy zz",
            [Mark(0, 5, "quote", "q", "Q", "#000000"), Mark(3, 8, "word", "w", "W")],
            '<span class="q" style="background:rgba(0, 0, 0, 0.22);border-bottom-color:#000000"'
            ' title="Q">xx <span class="w" title="W">yy</span></span>'
            '<span class="w" title="W"> zz</span>',
        ),
        # Overlapping word marks: the earlier (then longer) one wins.
        (
            "so-called fighters",
            [Mark(0, 9, "word", "a", "A"), Mark(3, 18, "word", "b", "B")],
            '<span class="a" title="A">so-called</span> fighters',
        ),
    ],
)
def test_show_render_text_nests_marks(text: str, marks: list[Mark], expected: str) -> None:
    assert _render_text(text, marks) == expected


@pytest.mark.parametrize("evil", XSS)
def test_show_escapes_text_and_metadata(evil: str) -> None:
    text = f"Officials said {evil} on Monday."
    articles = pd.DataFrame(
        {"article_id": [evil], "outlet": [evil], "title": [evil], "text": [text]}
    )
    quotes = pd.DataFrame(
        {
            "article_id": [evil],
            "start": [15],
            "end": [15 + len(evil)],
            "kind": ["direct"],
            "speaker": [evil],
            "verb": [evil],
        }
    )
    markers = pd.DataFrame(
        {"article_id": [evil], "category": [evil], "term": [evil], "start": [0], "end": [9]}
    )
    drivers = pd.DataFrame(
        {"article_id": [evil], "start": [0], "end": [9], "word": [evil], "polarity": [0.1]}
    )
    fragment = show(articles, quotes=quotes, markers=markers, drivers=drivers).html
    parsed = parse_html(fragment)
    assert {tag for tag, _ in parsed.tags} <= {
        "style",
        "div",
        "article",
        "header",
        "span",
        "ul",
        "li",
        "bdi",
    }
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert "<script" not in fragment and "<img" not in fragment
    assert evil in "".join(parsed.text)  # shown as text, not run


def test_show_plain_mode_has_no_marks() -> None:
    view = show(_articles(), annotate=False)
    assert "fr-quote" not in view.html.split("</style>", 1)[1]
    assert "fr-mark" not in view.html.split("</style>", 1)[1]


def test_show_orders_and_filters_outlets() -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["x", "r", "u"],
            "outlet": ["Xinhua", "Rudaw", "USA Today"],
            "text": ["one", "two", "three"],
        }
    )
    view = show(articles, outlets=["USA Today", "Xinhua"], annotate=False)
    assert re.findall(r'class="fr-outlet">([^<]+)<', view.html) == ["USA Today", "Xinhua"]


def test_show_page_is_a_standalone_document() -> None:
    page = show(_articles(), annotate=False).page(title="<b>x</b>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page


def test_show_layers_pick_what_is_marked() -> None:
    quotes, markers, drivers = _tables()
    view = show(_articles(), quotes=quotes, markers=markers, drivers=drivers, layers=["quotes"])
    classes = {
        attrs.get("class") for _, attrs in parse_html(view.html.split("</style>", 1)[1]).tags
    }
    assert "fr-quote fr-direct" in classes
    assert not {"fr-mark fr-loaded", "fr-drv fr-pos"} & classes


def test_show_unknown_layer_is_named() -> None:
    with pytest.raises(ValueError, match="unknown layer 'tone'"):
        show(_articles(), layers=["tone"])  # type: ignore[list-item]


def test_show_speaker_colours_shared_across_articles_distinct_within() -> None:
    from framing.show import SPEAKER_COLORS, _speaker_palette

    quotes = pd.DataFrame(
        {
            "article_id": ["x", "x", "x", "u", "u", "u"],
            "speaker": ["Joe Biden", "US media", "Analysts", "Joe Biden", "Jen Psaki", None],
        }
    )
    colors = _speaker_palette(quotes)
    assert colors == {
        ("x", "Joe Biden"): SPEAKER_COLORS[0],
        ("x", "Analysts"): SPEAKER_COLORS[1],
        ("x", "US media"): SPEAKER_COLORS[2],
        ("u", "Joe Biden"): SPEAKER_COLORS[0],
        ("u", "Jen Psaki"): SPEAKER_COLORS[1],
    }


def test_show_neutral_sentiment_words_are_not_marked() -> None:
    text = "The agreement came at a politically delicate time."
    drivers = pd.DataFrame(
        {
            "article_id": ["rudaw", "rudaw"],
            "term": ["politically", "delicate"],
            "start": [text.index("politically"), text.index("delicate")],
            "end": [text.index("politically") + 11, text.index("delicate") + 8],
            "polarity": [0.0, -0.1],
            "subjectivity": [0.1, 0.7],
            "kept": [True, True],
            "reason": ["pos match", "pos match"],
        }
    )
    view = show(_articles(text), drivers=drivers, layers=["drivers"])
    tags = parse_html(view.html).tags
    tips = [
        a["title"] for _, a in tags if str(a.get("class")).startswith("fr-drv") and "title" in a
    ]
    assert tips == [
        "sentiment driver: “delicate” lowers polarity (-0.10), subjectivity 0.70 · pos match"
    ]


@pytest.mark.parametrize("height", ["36rem;background:red", "1e3px", "tall"])
def test_show_rejects_a_max_height_that_is_not_a_length(height: str) -> None:
    with pytest.raises(ValueError, match="max_height must be a CSS length"):
        show(_articles(), annotate=False, max_height=height)


def test_show_counts_a_continued_quotation_once() -> None:
    quotes = _tables()[0]
    cont = quotes.assign(start=0, end=5, quote_id="q2", continues="q1")
    both = pd.concat([quotes.assign(quote_id="q1", continues=""), cont], ignore_index=True)
    view = show(_articles(), quotes=both, layers=["quotes"])
    assert "<bdi>rudaw</bdi> · 28 words · 1 attributed statement<" in view.html
    assert "Joe Biden (1)" in "".join(parse_html(view.html).text)
