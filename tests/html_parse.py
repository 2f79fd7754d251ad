"""Parse HTML the way the report, reading-view and handout tests check it: tags and visible text."""

from __future__ import annotations

from html.parser import HTMLParser


class ParsedHtml(HTMLParser):
    """Collect start tags with their attributes, and the visible text, of an HTML string."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(page: str) -> ParsedHtml:
    """Parse ``page`` (a whole page or a fragment) and return what it holds."""
    parser = ParsedHtml()
    parser.feed(page)
    return parser
