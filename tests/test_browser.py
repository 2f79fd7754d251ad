"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Checks that the report's sections are visible, that the page logs no console error, that the
only request is the file itself (no fonts, scripts or images fetched), and saves a screenshot
to ``build/report-screenshot.png`` for a person to look at. Skips when Chromium is absent (CI
installs Debian's ``chromium`` before ``make test``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from framing.corpus import load_corpus
from framing.report import report

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# .ci/run sets this after installing Chromium: in CI the browser test must run, never skip.
REQUIRED = os.environ.get("FRAMING_REQUIRE_BROWSER") == "1"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SECTIONS = ["overview", "tone", "terms", "labels", "voices", "reading-view", "method"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None and not REQUIRED,
        reason="no chromium on PATH (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def report_file(story_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return report(
        load_corpus(story_dir),
        tmp_path_factory.mktemp("report") / "report.html",
        actors=story_dir / "actors.tsv",
    )


@pytest.fixture(scope="module")
def page_run(report_file: Path) -> dict[str, object]:
    playwright = pytest.importorskip("playwright.sync_api") if not REQUIRED else _playwright()
    console: list[str] = []
    requests: list[str] = []
    failed: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(report_file.as_uri(), wait_until="load")
            visible = {s: page.locator(f"section#{s}").is_visible() for s in SECTIONS}
            headings = page.locator("section h2").all_inner_texts()
            images = page.evaluate(
                "Array.from(document.images).map(i => [i.complete, i.naturalWidth])"
            )
            tooltips = page.evaluate(
                "Array.from(document.querySelectorAll('.fr-body span[title]'))"
                ".map(s => s.className.split(' ')[0] + ': ' + s.title)"
            )
            shot = REPO / "build" / "report-screenshot.png"
            shot.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(shot), full_page=True)
            page.set_viewport_size({"width": 420, "height": 900})
            narrow = page.evaluate(
                "(() => { const a = document.querySelectorAll('.fr-article');"
                " return [a[0].getBoundingClientRect().top, a[1].getBoundingClientRect().top,"
                " a[0].getBoundingClientRect().left, a[1].getBoundingClientRect().left]; })()"
            )
        finally:
            browser.close()
    return {
        "console": console,
        "requests": requests,
        "failed": failed,
        "visible": visible,
        "headings": headings,
        "images": images,
        "tooltips": tooltips,
        "narrow": narrow,
        "shot": shot,
    }


def test_browser_sections_visible(page_run: dict[str, object]) -> None:
    assert page_run["visible"] == dict.fromkeys(SECTIONS, True)
    assert page_run["headings"][:2] == [
        "Overview: the headline numbers, outlet by outlet",
        "Tone: sentiment with 95% intervals",
    ]


def test_browser_no_console_errors(page_run: dict[str, object]) -> None:
    assert page_run["console"] == []


def test_browser_no_request_but_the_file(page_run: dict[str, object], report_file: Path) -> None:
    others = [u for u in page_run["requests"] if not u.startswith("data:")]  # type: ignore[attr-defined]
    assert others == [report_file.as_uri()]
    assert page_run["failed"] == []


def test_browser_figures_render(page_run: dict[str, object]) -> None:
    images = page_run["images"]
    assert len(images) >= 3  # type: ignore[arg-type]
    assert all(done and width > 0 for done, width in images)  # type: ignore[union-attr]


def test_browser_reading_view_tooltips_and_narrow_layout(page_run: dict[str, object]) -> None:
    tips = page_run["tooltips"]
    assert any(t.startswith("fr-quote: direct quote · speaker: ") for t in tips)  # type: ignore[attr-defined]
    assert any(t.startswith("fr-mark: distancing: “so-called”") for t in tips)  # type: ignore[attr-defined]
    assert any(t.startswith("fr-drv: sentiment driver: ") for t in tips)  # type: ignore[attr-defined]
    top0, top1, left0, left1 = page_run["narrow"]  # type: ignore[misc]
    assert top1 > top0 and left0 == left1  # stacked on a narrow screen


def test_browser_screenshot_saved(page_run: dict[str, object]) -> None:
    shot = page_run["shot"]
    assert isinstance(shot, Path) and shot.stat().st_size > 10_000


def test_browser_handout_prints(story_dir: Path, tmp_path: Path) -> None:
    """The classroom handout prints to A4 with the articles and the grid on their own pages."""
    from framing.classroom import Exercise

    playwright = pytest.importorskip("playwright.sync_api") if not REQUIRED else _playwright()
    handout = Exercise(load_corpus(story_dir)).write_handout(tmp_path / "handout.html")
    console: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
            page.goto(handout.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            breaks = page.evaluate(
                "Array.from(document.querySelectorAll('h2')).map("
                "h => [h.textContent, getComputedStyle(h).breakBefore])"
            )
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert console == []
    assert ["The articles", "page"] in breaks and ["Your predictions", "page"] in breaks
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def _playwright() -> object:
    import playwright.sync_api

    return playwright.sync_api
