"""Inert text: hostile article text and metadata never run, never fetch, and show as text.

Every page the package writes (the report, the reading view, the classroom handout and its
answer key) is built from an articles table whose text, title, outlet, article id, url and one
quote's speaker carry script tags, a ``</style>`` break-out, an attribute break-out, a
``javascript:`` URL and a U+202E right-to-left override. The pages are checked twice: as
written (with their Content-Security-Policy), and with the CSP ``<meta>`` removed, so that
escaping alone is shown to hold and the CSP is a second, independent wall.

The static checks run everywhere; the browser checks open each page in headless Chromium
(Playwright driving the system ``chromium``, as in ``test_browser.py``) and look for any
script that ran (``window.__pwned``, a changed ``document.title``, a dialog, a console
message), any request other than the page itself, and the hostile strings as visible text.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from html_parse import parse_html

from framing.classroom import Exercise
from framing.pipeline import analyze
from framing.quotes import voices
from framing.report import report
from framing.report.safe import CSP, bidi, css_color, esc, link, safe_url
from framing.show import show

# Each payload would set window.__pwned (or the page title, or open a dialog) if it ran.
PAYLOADS = {
    "script": "<script>window.__pwned='script';document.title='pwned';alert(1)</script>",
    "style": "</style><script>window.__pwned='style'</script><style>",
    "attr": '"><img src=x onerror="window.__pwned=\'img\'">',
    "single": "'><svg onload=\"window.__pwned='svg'\"></svg>",
    "title": "</title><script>window.__pwned='title'</script>",
    "comment": "<!-- --><script>window.__pwned='comment'</script>",
    "iframe": "<iframe src=\"javascript:parent.__pwned='iframe'\"></iframe>",
    "fetch": '<link rel="stylesheet" href="https://evil.example/x.css">'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<base href="https://evil.example/">',
    "rtl": "\u202eexe.gnp",  # shows as "png.exe" if the override leaks
}
JS_URL = "javascript:window.__pwned='url';alert(2)"
SAFE_URL = "https://example.org/story?a=1&b=\"><script>window.__pwned='href'</script>"
SPEAKER = "Dr. \u202eEvil</style><script>window.__pwned='speaker'</script>"
EVENT = f"Iraq {PAYLOADS['title']}"
# Reach the report's "Across outlets" section: one quote two outlets word differently (shown
# by quote_variants_html, which writes its own <style>), and a sentence that becomes a fact.
QUOTE = f"We will end the combat mission {PAYLOADS['style']} by the end of the year"
FACT = f"Delegates from Erbil {PAYLOADS['comment']} arrived in Washington on Sunday."

OUTLETS = [
    f"Outlet {PAYLOADS['script']}",
    f"{PAYLOADS['style']} News",
    f"{PAYLOADS['rtl']} {PAYLOADS['attr']}",
]
TITLES = [PAYLOADS["title"], PAYLOADS["single"], f"{PAYLOADS['rtl']} headline"]
IDS = [f"a{PAYLOADS['attr']}", f"b{PAYLOADS['comment']}", f"c{PAYLOADS['rtl']}"]
URLS = [JS_URL, SAFE_URL, " JaVa\tScRiPt:window.__pwned='tab'"]
TEXTS = [
    f'"{QUOTE}," said Joe Biden. ' + " ".join(PAYLOADS.values()),
    f'The so-called militias attacked the base. "{PAYLOADS["script"]}," said Evil. '
    f"{PAYLOADS['fetch']} {PAYLOADS['iframe']}\n{FACT}",
    f"Officials said the talks were useful.\n{PAYLOADS['rtl']} {PAYLOADS['style']}\n{JS_URL}\n"
    f'"{QUOTE.replace("the year", "this year")}," Biden said.',
]


def hostile_articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": IDS,
            "outlet": OUTLETS,
            "title": TITLES,
            "url": URLS,
            "event": [EVENT] * 3,
            "text": TEXTS,
        }
    )


@pytest.fixture(scope="module")
def hostile() -> tuple[pd.DataFrame, Any]:
    """The hostile articles and their analysis, with one quote's speaker made hostile."""
    articles = hostile_articles()
    result = analyze(articles, progress=False)
    quotes = result.quotes.copy()
    assert len(quotes) >= 2
    quotes.loc[0, "speaker"] = SPEAKER
    return articles, dataclasses.replace(result, quotes=quotes, voices=voices(quotes))


@pytest.fixture(scope="module")
def pages(
    hostile: tuple[pd.DataFrame, Any], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every kind of page the package writes, from the hostile articles."""
    articles, result = hostile
    out = tmp_path_factory.mktemp("hostile")
    view = show(articles, quotes=result.quotes, markers=result.markers)
    exercise = Exercise(articles, result=result)
    written = {
        "report": report(articles, out / "report.html", result=result),
        "reading_view": out / "view.html",
        "handout": exercise.write_handout(out / "handout.html"),
        "answer_key": exercise.write_handout(out / "key.html", answers=True),
    }
    written["reading_view"].write_text(view.page(), encoding="utf-8")
    return written


# What each page must show as text (the handout shows no article ids, the student copy no
# speakers).
SHOWN = {
    "report": [*OUTLETS, *TITLES, *IDS, SPEAKER, JS_URL, *PAYLOADS.values()],
    "reading_view": [*OUTLETS, *TITLES, *IDS, SPEAKER, JS_URL, *PAYLOADS.values()],
    "handout": [*OUTLETS, *TITLES, JS_URL, *PAYLOADS.values()],
    "answer_key": [*OUTLETS, *TITLES, SPEAKER, JS_URL, *PAYLOADS.values()],
}
# What the report's "Across outlets" section must show as text: every outlet, the quote and its
# (hostile) speaker in the quote group, and the hostile sentence listed as a fact.
ACROSS = [*OUTLETS, QUOTE, SPEAKER, FACT]
NEEDS = {"report": "figures", "reading_view": "text", "handout": "text", "answer_key": "text"}
KINDS = list(SHOWN)


def _html(pages: dict[str, Path], kind: str) -> str:
    return pages[kind].read_text(encoding="utf-8")


# --- the helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.rudaw.net/english/middleeast/iraq/26072021", True),
        ("http://example.org/a?b=1&c=2", True),
        ("HTTPS://EXAMPLE.ORG/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
        ("/relative/path", False),
        ("https:///no-host", False),
        ("https://exa\u202emple.org/", False),
        ("https://example.org/a b", False),
        ("http://[::1", False),
        (None, False),
        (float("nan"), False),
    ],
)
def test_html_safety_safe_url_allows_http_only(value: object, expected: bool) -> None:
    assert (safe_url(value) is not None) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (JS_URL, "<bdi>javascript:window.__pwned=&#x27;url&#x27;;alert(2)</bdi>"),
        (
            'https://example.org/?q="x"',
            '<a href="https://example.org/?q=&quot;x&quot;" rel="noopener noreferrer nofollow">'
            "<bdi>https://example.org/?q=&quot;x&quot;</bdi></a>",
        ),
    ],
)
def test_html_safety_link_only_for_http(value: str, expected: str) -> None:
    assert link(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('<b title="x">\'&', "&lt;b title=&quot;x&quot;&gt;&#x27;&amp;"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (3, "3"),
    ],
)
def test_html_safety_esc(value: object, expected: str) -> None:
    assert esc(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#0072B2", "#0072B2"), ("red;background:url(https://x)", "#808080"), (None, "#808080")],
)
def test_html_safety_css_color(value: object, expected: str) -> None:
    assert css_color(value) == expected


def test_html_safety_bidi_isolates() -> None:
    assert bidi("\u202eabc<") == "<bdi>\u202eabc&lt;</bdi>"


# --- static checks on every page -------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_html_safety_page_has_strict_csp_first(pages: dict[str, Path], kind: str) -> None:
    page = _html(pages, kind)
    head = page.split("<head>", 1)[1]
    expected = '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="'
    assert head.startswith(expected + CSP[NEEDS[kind]] + '">')
    assert page.count("Content-Security-Policy") == 1  # no second policy smuggled in
    assert "script-src" not in CSP[NEEDS[kind]] and "default-src 'none'" in CSP[NEEDS[kind]]


@pytest.mark.parametrize("kind", KINDS)
def test_html_safety_no_markup_from_the_data(pages: dict[str, Path], kind: str) -> None:
    parsed = parse_html(_html(pages, kind))
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "iframe", "link", "base", "svg", "object", "embed", "form"}
    assert [a for t, a in parsed.tags if t == "meta"] == [
        {"charset": "utf-8"},
        {"http-equiv": "Content-Security-Policy", "content": CSP[NEEDS[kind]]},
        {"name": "viewport", "content": "width=device-width, initial-scale=1"},
    ]
    for tag, attrs in parsed.tags:
        assert not [n for n in attrs if n.startswith("on")], (tag, attrs)
        if tag == "img":
            assert (attrs["src"] or "").startswith("data:image/svg+xml;base64,")
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith("#") or href == SAFE_URL, href
    text = "".join(parsed.text)
    for value in SHOWN[kind]:
        assert value in text, value  # shown as text, whole


@pytest.mark.parametrize("kind", KINDS)
def test_html_safety_only_http_urls_become_links(pages: dict[str, Path], kind: str) -> None:
    links = [a["href"] for t, a in parse_html(_html(pages, kind)).tags if t == "a" and a["href"]]
    assert [h for h in links if not h.startswith("#")] == [SAFE_URL]


def test_html_safety_across_outlets_shows_hostile_text_as_text(pages: dict[str, Path]) -> None:
    page = _html(pages, "report")
    across = page.split('<section id="across-outlets">', 1)[1].split("</section>", 1)[0]
    parsed = parse_html(across)
    text = "".join(parsed.text)
    # the hostile data reached each view: a quote group, the agency table, the fact lists
    assert "Group 1: 2 outlets, 2 versions" in text
    assert "The so-called militias" in text
    assert "<del>the</del><ins>this</ins> year" in across
    for value in ACROSS:
        assert value in text, value
    # one <style> from the quote-variant fragment (its own CSS), none from the data
    assert [t for t, _ in parsed.tags if t == "style"] == ["style"]
    assert not [t for t, _ in parsed.tags if t in {"script", "svg", "iframe", "link", "base"}]


# --- in the browser --------------------------------------------------------------------------

from test_browser import ARGS, CHROMIUM, REQUIRED  # noqa: E402

# The page titles: only the report's comes from the data (its event column).
TITLES_SHOWN = {
    "report": f"How 3 outlets framed: {EVENT}",
    "reading_view": "framing: reading view",
    "handout": "How do news outlets frame the same story?",
    "answer_key": "How do news outlets frame the same story?",
}


@pytest.fixture(scope="module")
def chromium() -> Any:
    if CHROMIUM is None and not REQUIRED:
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    if REQUIRED:
        import playwright.sync_api as sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _visit(browser: Any, path: Path) -> dict[str, Any]:
    """Open ``path`` and report what ran, what was requested, and what is shown."""
    seen: dict[str, Any] = {"requests": [], "blocked": [], "console": [], "dialogs": []}

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            seen["blocked"].append(r.request.url)
            r.abort()

    def dialog(d: Any) -> None:
        seen["dialogs"].append(d.message)
        d.dismiss()

    page = browser.new_page()
    try:
        page.route("**/*", route)
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: seen["console"].append(f"pageerror: {e}"))
        page.on("dialog", dialog)
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_timeout(300)  # a meta refresh or a late onload would have fired
        seen["url"] = page.url
        seen["pwned"] = page.evaluate("typeof window.__pwned === 'undefined' ? null : 1")
        seen["title"] = page.title()
        seen["text"] = page.inner_text("body")
        seen["links"] = page.evaluate("Array.from(document.links).map(a => a.href)")
        seen["across"] = page.evaluate(  # the report's cross-outlet section, details opened
            "(() => { const s = document.getElementById('across-outlets'); if (!s) return null;"
            " s.querySelectorAll('details').forEach(d => { d.open = true; });"
            " return s.innerText; })()"
        )
        seen["bidi"] = page.evaluate(
            "Array.from(document.querySelectorAll('bdi'))"
            ".filter(b => b.textContent.includes('\\u202e'))"
            ".map(b => getComputedStyle(b).unicodeBidi)"
        )
    finally:
        page.close()
    return seen


def _without_csp(path: Path) -> Path:
    page = path.read_text(encoding="utf-8")
    bare, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert n == 1
    out = path.with_name(f"nocsp-{path.name}")
    out.write_text(bare, encoding="utf-8")
    return out


@pytest.mark.browser
@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
@pytest.mark.parametrize("kind", KINDS)
def test_html_safety_in_browser_nothing_runs_or_loads(
    chromium: Any, pages: dict[str, Path], kind: str, csp: bool
) -> None:
    path = pages[kind] if csp else _without_csp(pages[kind])
    seen = _visit(chromium, path)
    assert seen["pwned"] is None
    assert seen["dialogs"] == []
    assert seen["console"] == []  # no error, and no CSP violation either
    assert seen["url"] == path.as_uri()  # no refresh, no navigation
    assert seen["blocked"] == []
    assert [u for u in seen["requests"] if not u.startswith("data:")] == [path.as_uri()]
    assert seen["title"] == TITLES_SHOWN[kind]
    for value in SHOWN[kind]:
        assert value in seen["text"], value  # visible, whole
    assert [u for u in seen["links"] if not u.startswith(path.as_uri())] == [_as_href(SAFE_URL)]
    assert seen["bidi"] and set(seen["bidi"]) == {"isolate"}  # overrides stay inside
    if kind == "report":
        for value in ACROSS:
            assert value in seen["across"], value  # visible in the cross-outlet section


def _as_href(url: str) -> str:
    """``url`` as the browser reports ``a.href`` (quotes and brackets percent-encoded)."""
    return url.translate({ord('"'): "%22", ord("<"): "%3C", ord(">"): "%3E", ord("'"): "%27"})
