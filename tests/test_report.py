"""The HTML report: self-contained, every section present, everything escaped."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from html_parse import parse_html

from framing.corpus import load_corpus
from framing.report import caution_note, figure_html, html_table, overview_table, report

XSS = '"><img src=x onerror=alert(1)><script>alert("x")</script>'
SECTIONS = [
    "overview",
    "tone",
    "terms",
    "labels",
    "voices",
    "across-outlets",
    "reading-view",
    "method",
]


@pytest.fixture(scope="module")
def story_page(story_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = report(
        load_corpus(story_dir),
        tmp_path_factory.mktemp("r") / "sub" / "report.html",
        actors=story_dir / "actors.tsv",
    )
    return path.read_text(encoding="utf-8")


def test_report_has_every_section(story_page: str) -> None:
    ids = [attrs.get("id") for tag, attrs in parse_html(story_page).tags if tag == "section"]
    assert ids == SECTIONS
    assert '<p class="caution" id="caution">' in story_page
    assert "Read these numbers as a description of 5 articles, not of 5 outlets." in story_page
    labels = story_page.split('<section id="labels">', 1)[1].split("</section>", 1)[0]
    assert "so-called Iran-aligned fighters" in labels and "Iranian-backed militias" in labels


def test_report_is_self_contained(story_page: str) -> None:
    parsed = parse_html(story_page)
    assert not [t for t, _ in parsed.tags if t in {"script", "link", "iframe", "object", "embed"}]
    for tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("data:image/svg+xml;base64,", "#")), (tag, value)
    assert "@import" not in story_page and "url(" not in story_page
    assert "default-src 'none'" in story_page  # the browser blocks any request


def test_report_figures_are_inline_svg(story_page: str) -> None:
    sources = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', story_page)
    assert len(sources) >= 2
    for data in sources:
        svg = base64.b64decode(data).decode("utf-8")
        assert "<svg" in svg and "<script" not in svg and 'xlink:href="http' not in svg


def test_report_escapes_text_and_metadata(tmp_path: Path) -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": [XSS, "Rudaw"],
            "title": [XSS, "Plain title"],
            "event": [XSS, XSS],
            "text": [
                f'Officials said "{XSS}" on Monday. The so-called militias attacked a base.',
                f"Biden said the mission would end. {XSS} It was a good day.",
            ],
        }
    )
    page = report(articles, tmp_path / "evil.html").read_text(encoding="utf-8")
    parsed = parse_html(page)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    assert all(
        (attrs.get("src") or "").startswith("data:image/svg+xml")
        for tag, attrs in parsed.tags
        if tag == "img"
    )
    assert not any(n.startswith("on") for _, attrs in parsed.tags for n in attrs)
    assert XSS in "".join(parsed.text)  # shown as text
    for data in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page):
        svg = base64.b64decode(data).decode("utf-8")
        assert "<script" not in svg and "<img" not in svg


@pytest.mark.parametrize(
    ("outlets", "expected"),
    [
        (
            ["Xinhua", "Rudaw"],
            "Read these numbers as a description of 2 articles, not of 2 outlets.",
        ),
        (["A"] * 12 + ["B"] * 10, "22 articles from 2 outlets (at least 10 per outlet)."),
    ],
)
def test_report_caution_note_scales_with_corpus(outlets: list[str], expected: str) -> None:
    assert caution_note(pd.DataFrame({"outlet": outlets})).startswith(expected)


def test_report_html_table_escapes_and_formats() -> None:
    table = pd.DataFrame({"outlet": ["<b>X</b>"], "polarity": [0.123456], "words": [1234.0]})
    assert html_table(table) == (
        '<div class="table-wrap"><table class="data"><thead><tr><th class="">outlet</th>'
        '<th class="num">polarity</th><th class="num">words</th></tr></thead><tbody><tr>'
        '<td class="">&lt;b&gt;X&lt;/b&gt;</td><td class="num">0.12</td>'
        '<td class="num">1,234</td></tr></tbody></table></div>'
    )
    assert html_table(pd.DataFrame()) == '<p class="empty">Nothing found.</p>'


def test_report_figure_html_leaves_rcparams_alone() -> None:
    before = dict(matplotlib.rcParams)
    img = figure_html(lambda ax: ax.plot([0, 1], [1, 0]), alt='a "quoted" <alt>')
    assert img.startswith('<img class="figure" alt="a &quot;quoted&quot; &lt;alt&gt;" src="data:')
    assert dict(matplotlib.rcParams) == before


def test_report_cli_writes_the_page(story_dir: Path, tmp_path: Path) -> None:
    from framing import cli, cli_report

    cli_report.register()
    out = tmp_path / "r.html"
    assert cli.main(["report", str(story_dir), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert '<section id="labels">' in page
    assert 'id="across-outlets"' in page
    assert cli.main(["report", str(story_dir), "-o", str(out), "--no-cross-outlet"]) == 0
    assert 'id="across-outlets"' not in out.read_text(encoding="utf-8")


def test_report_cli_names_a_missing_actor_file(
    story_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from framing import cli, cli_report

    cli_report.register()
    code = cli.main(
        ["report", str(story_dir), "-o", str(tmp_path / "r.html"), "--actors", "no.tsv"]
    )
    assert code == 2
    assert "no.tsv: actor file not found" in capsys.readouterr().err


def test_report_overview_table_folds_intervals_and_shares() -> None:
    comparison = pd.DataFrame(
        {
            "outlet": ["Xinhua", "Rudaw"],
            "articles": [1, 1],
            "polarity": [0.001471, 0.076667],
            "polarity_ci_low": [-0.004412, 0.005],
            "polarity_ci_high": [0.008824, 0.170042],
            "too_little_text": [True, False],
            "share_direct": [0.333, 0.4],
            "loaded_per_1k": [2.604167, 5.181347],
        }
    )
    assert overview_table(comparison).to_dict("records") == [
        {"measure": "articles", "Xinhua": "1", "Rudaw": "1"},
        {
            "measure": "polarity (news-aware TextBlob)",
            "Xinhua": "0.00 [0.00, 0.01]",
            "Rudaw": "0.08 [0.01, 0.17]",
        },
        {"measure": "too little text for a stable estimate", "Xinhua": "yes", "Rudaw": "no"},
        {"measure": "share of statements quoted directly", "Xinhua": "33%", "Rudaw": "40%"},
        {"measure": "loaded words per 1,000", "Xinhua": "2.6", "Rudaw": "5.2"},
    ]


def test_report_reading_view_samples_large_corpora(tmp_path: Path) -> None:
    sentences = [
        "Biden said the US combat mission in Iraq will be over by the end of the year.",
        "Iranian-backed militias are blamed for frequent rocket attacks on US interests.",
        "Analysts noted that the Iraqi leader faced mounting pressures at home.",
    ]
    articles = pd.DataFrame(
        {
            "article_id": [f"a{i:02d}" for i in range(13)],
            "outlet": [f"Outlet {i:02d}" for i in range(13)],
            "text": [" ".join(sentences[i % 3 :] + sentences[: i % 3]) for i in range(13)],
        }
    )
    page = report(articles, tmp_path / "big.html").read_text(encoding="utf-8")
    view = page.split('<section id="reading-view">', 1)[1]
    assert view.count('<article class="fr-article"') == 6
    assert "It shows 6 of the 13 articles" in view
    terms = page.split('<section id="terms">', 1)[1].split("</section>", 1)[0]
    assert "<img" not in terms  # 13 outlets: no figure (too tall); a table or a note
    overview = page.split('<section id="overview">', 1)[1].split("</section>", 1)[0]
    assert '<th class="">outlet</th>' in overview  # more than 8 outlets: one row per outlet


def _section_of(page: str, anchor: str) -> str:
    return page.split(f'<section id="{anchor}">', 1)[1].split("</section>", 1)[0]


def test_report_across_outlets_headings_and_figures(story_page: str) -> None:
    across = _section_of(story_page, "across-outlets")
    parsed = parse_html(across)
    headings = re.findall(r"<h[23]>([^<]*)</h[23]>", across)
    assert headings == [
        "Across outlets: what they share, and what each tells differently",
        "Shared passages (wire copy)",
        "The same quote, told differently",
        "Who does what to whom",
        "Coverage and omission",
    ]
    # reuse heatmap, agency forms, coverage grid: inline SVG images only
    images = [a for t, a in parsed.tags if t == "img"]
    assert len(images) == 3
    assert all((a["src"] or "").startswith("data:image/svg+xml;base64,") for a in images)
    assert '<a href="#across-outlets">Across outlets</a>' in story_page
    assert story_page.index('id="across-outlets"') < story_page.index('id="reading-view"')
    assert "The method cannot tell who copied whom." in across
    assert "a label inside shared copy is the wire&#x27;s choice" in across


@pytest.mark.parametrize(
    "row",
    [
        # Xinhua's report inside China Daily: 5 passages, 47% of Xinhua's words, 36% of CD's
        ("Xinhua", "China Daily", "5", "0.47", "0.36", "copy"),
        ("Xinhua", "Rudaw", "1", "0.08", "0.06", "shared_quote"),
        ("WION", "USA Today", "1", "0.01", "0.02", "copy"),
    ],
)
def test_report_across_outlets_shared_passages(story_page: str, row: tuple[str, ...]) -> None:
    across = _section_of(story_page, "across-outlets")
    reuse = across.split("<h3>Shared passages (wire copy)</h3>", 1)[1].split("<h3>", 1)[0]
    outlet_a, outlet_b, n, share_a, share_b, kind = row
    assert (
        f'<tr><td class="">{outlet_a}</td><td class="">{outlet_b}</td><td class="num">{n}</td>'
        f'<td class="num">{share_a}</td><td class="num">{share_b}</td>'
        f'<td class="">{kind}</td></tr>'
    ) in reuse


def test_report_across_outlets_quote_groups(story_page: str) -> None:
    across = _section_of(story_page, "across-outlets")
    quotes = across.split("<h3>The same quote, told differently</h3>", 1)[1].split("<h3>", 1)[0]
    assert "The 3 groups most outlets quote are shown, of 7 quoted by two or more outlets" in quotes
    captions = re.findall(r"<caption>(.*?)</caption>", quotes)
    assert captions == [
        "Group 1: 4 outlets, 4 versions (speaker: <bdi>Joe Biden</bdi>)",
        "Group 2: 3 outlets, 3 versions (speaker: <bdi>Mustafa al-Kadhimi</bdi>)",
        "Group 3: 2 outlets, 3 versions (speaker: <bdi>Jen Psaki</bdi>)",
    ]
    role = quotes.split("</caption>", 2)[1]  # "Our role in Iraq ...": arises, arrives, rises
    assert "to deal with ISIS as it arises, but we&#x27;re not going to be" in role  # reference
    assert "as it <del>arises</del><ins>arrives</ins>" in role  # Rudaw
    assert "as it <del>arises</del><ins>rises</ins>" in role  # Xinhua
    assert "<td>+ Islamic State; arises → rises</td>" in role
    assert "<style>" in quotes and "<script" not in quotes


def test_report_across_outlets_agency(story_page: str) -> None:
    across = _section_of(story_page, "across-outlets")
    agency = across.split("<h3>Who does what to whom</h3>", 1)[1].split("<h3>", 1)[0]
    assert "Agents are resolved to the actor list." in agency
    assert (
        '<tr><td class="">Rudaw</td><td class="num">5</td><td class="num">0.20</td>'
        '<td class="num">0.00</td><td class="num">0.80</td><td class="num">0.00</td>'
        '<td class="num">0.80</td><td class="num">0.20</td></tr>'
    ) in agency
    assert "<summary>The 20 violent event mentions</summary>" in agency
    assert (
        '<td class="">active</td><td class="">the US</td><td class="">assassinated</td>' in agency
    )


def test_report_across_outlets_coverage(story_page: str) -> None:
    across = _section_of(story_page, "across-outlets")
    coverage = across.split("<h3>Coverage and omission</h3>", 1)[1]
    assert (
        '<tr><td class="">Xinhua</td><td class="num">1</td><td class="num">17</td>'
        '<td class="num">17</td><td class="num">6</td><td class="num">0.35</td>'
        '<td class="num">0</td></tr>'
    ) in coverage
    lists = dict(re.findall(r"<summary><bdi>([^<]*)</bdi>(.*?)</details>", coverage))
    assert list(lists) == ["China Daily", "Rudaw", "USA Today", "WION", "Xinhua"]
    assert lists["Rudaw"].startswith(": 15 facts only it reports, 2 it omits</summary>")
    doses = "sending 500,000 doses of coronavirus vaccines to Iraq"
    only, omitted = lists["Rudaw"].split("Most others report, it omits:", 1)
    assert doses in only and doses not in omitted
    assert [o for o, text in lists.items() if doses in text] == ["Rudaw"]
    assert "Kadhimi told The Associated Press ahead of the visit" in omitted


def test_report_across_outlets_one_outlet_says_why(tmp_path: Path) -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["Rudaw", "Rudaw"],
            "text": [
                "Biden said the US combat mission in Iraq will be over by the end of the year.",
                "Iranian-backed militias are blamed for frequent rocket attacks on US interests.",
            ],
        }
    )
    page = report(articles, tmp_path / "one.html").read_text(encoding="utf-8")
    across = _section_of(page, "across-outlets")
    assert "The 2 articles here come from one outlet, <bdi>Rudaw</bdi>: there is nothing" in across
    assert "<h3>" not in across and "<img" not in across


def test_report_across_outlets_can_be_left_out(tmp_path: Path) -> None:
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "outlet": ["Rudaw", "Xinhua"],
            "text": [
                "Biden said the US combat mission in Iraq will be over by the end of the year.",
                "Biden said the US combat mission in Iraq will end by the end of the year.",
            ],
        }
    )
    page = report(articles, tmp_path / "r.html", cross_outlet=False).read_text(encoding="utf-8")
    assert "across-outlets" not in page
    assert '<section id="voices">' in page and '<section id="reading-view">' in page


def test_report_across_outlets_large_group_skips_coverage(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from framing.report import cross
    from framing.style import outlet_style

    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "outlet": ["Rudaw", "Xinhua", "WION"],
            "text": [
                "Biden said the US combat mission in Iraq will be over by the end of the year.",
                "Biden said the US combat mission in Iraq will end by the end of the year.",
                "Iranian-backed militias are blamed for frequent rocket attacks on US interests.",
            ],
        }
    )
    monkeypatch.setattr(cross, "COVERAGE_MAX_GROUP", 2)
    style = outlet_style(articles)
    html = cross.cross_section(articles, SimpleNamespace(quotes=None), style.order, style)
    coverage = html.split("<h3>Coverage and omission</h3>", 1)[1]
    assert "Not computed here: 3 articles are compared together (there is no event column)" in (
        coverage
    )
    assert "<img" not in coverage
    assert "No attributed statements found." in html  # the other views still run
