"""Removing web boilerplate from captured articles, with an audit trail.

Captures of news pages carry site chrome around the article: "- Advertisement -" slots, cookie
banners, newsletter prompts, "Read More:" links, embedded tweets, photo credits, lists of
unrelated headlines. :func:`clean_text` removes whole lines that match documented rules and
records every removal (rule, reason, offsets into the raw text and the text removed), so a
researcher can check what was taken out and put anything back.

What is removed, and why:

* **Boilerplate lines**: the rules in ``framing/lexicons/boilerplate.tsv`` (or your own TSV with
  the columns ``rule, scope, pattern, reason``). A rule matches a *whole line* (after
  :func:`framing.text.normalize` and stripping), case-insensitively, and never a line longer than
  600 characters, so a rule cannot eat a sentence out of a paragraph.
* **Site-name lines**: a line that is just the outlet's or the republishing site's name
  ("Current News Today"), given as ``site_names``.
* **The headline line**: when the article's title is known (``title``) and the first remaining
  line repeats it, the line is removed from ``text``; the headline stays in the ``title`` column.
  Only some captures carry a headline, so keeping it in ``text`` would give those outlets one
  extra, headline-style sentence in every analysis.
* **Summary bullets**: two to five short bullet lines ("•", "-", "*"; up to 300 characters each)
  before the first paragraph of a body at least twice as long are the outlet's key-points box.
  They are moved to the ``summary`` column (one point a line, bullet sign dropped) rather than
  deleted, and are not part of ``text``. A longer bulleted start (a live blog) stays in ``text``.
* **Blank lines**: runs of blank lines shrink to one (paragraph breaks are kept); blank lines at
  the start and end go.

Sub-headings inside the article ("What role will U.S. forces play in Iraq?") are the outlet's own
words and are kept, on their own line (the sentence splitter ends a sentence at a line break).
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from framing._resources import read_tsv
from framing.text import normalize

__all__ = [
    "BoilerplateRule",
    "Cleaned",
    "Removal",
    "clean_text",
    "load_rules",
]

MAX_RULE_LINE = 600
"""Lines longer than this many characters are never matched by a boilerplate rule."""

MAX_SUMMARY_BULLETS = 5
"""A key-points box has at most this many bullets (a longer bulleted start is article content)."""

MAX_SUMMARY_BULLET = 300
"""... and each bullet is at most this many characters."""

_POST_MARKER = re.compile(r"https?://|pic\.twitter\.com/|\bt\.co/|(?<!\w)[@#]\w")

Scope = Literal["line", "previous", "list"]

_BULLET_RE = re.compile(r"\s*[\u2022\u25aa\u25cf\u00b7*\-\u2013\u2014]\s+\S")


@dataclass(frozen=True)
class BoilerplateRule:
    """One boilerplate rule: lines fully matching ``pattern`` are removed.

    Attributes:
        rule: Short name recorded in the audit table (``advertisement``, ``tweet_embed`` ...).
        scope: ``line`` removes the matching line; ``previous`` also the nearest non-blank line
            above it if that line looks like a post (at most 280 characters, with a link,
            @handle or #hashtag: an embedded tweet's text above its attribution line); ``list``
            also the bullet items and blank lines right after it (a "Today's Top News" list).
        pattern: Compiled regular expression, matched case-insensitively against the whole line.
        reason: Why such a line is boilerplate, recorded with each removal.
    """

    rule: str
    scope: Scope
    pattern: re.Pattern[str]
    reason: str


class Removal(NamedTuple):
    """A span removed from the raw text: ``raw_text[start:end] == text``."""

    rule: str
    reason: str
    start: int
    end: int
    text: str


class Cleaned(NamedTuple):
    """Result of :func:`clean_text`: the article text, headline, summary and what was removed."""

    text: str
    title: str
    summary: str
    removed: list[Removal]


def load_rules(source: str | Path | None = None) -> tuple[BoilerplateRule, ...]:
    """Read boilerplate rules from a TSV file.

    Args:
        source: ``None`` for the package's ``boilerplate.tsv``, or a path to your own file with
            the columns ``rule, scope, pattern, reason`` (``#`` lines are comments).

    Returns:
        The rules, in file order (the first matching rule names a removal).

    Raises:
        ValueError: If a row has an unknown scope or a pattern that does not compile, naming
            the row.
    """
    if source is None:
        return _default_rules()
    return _parse_rules(read_tsv(Path(source)), str(source))


@cache
def _default_rules() -> tuple[BoilerplateRule, ...]:
    return _parse_rules(read_tsv("boilerplate.tsv"), "boilerplate.tsv")


def _parse_rules(rows: Iterable[dict[str, str]], where: str) -> tuple[BoilerplateRule, ...]:
    rules = []
    for n, row in enumerate(rows, start=1):
        missing = {"rule", "scope", "pattern", "reason"} - row.keys()
        if missing:
            raise ValueError(f"{where}: rules need the columns {sorted(missing)}")
        scope = row["scope"]
        if scope not in ("line", "previous", "list"):
            raise ValueError(f"{where}: rule {n} ({row['rule']}) has unknown scope {scope!r}")
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as err:
            raise ValueError(f"{where}: rule {n} ({row['rule']}) pattern: {err}") from err
        rules.append(BoilerplateRule(row["rule"], scope, pattern, row["reason"]))  # type: ignore[arg-type]
    return tuple(rules)


class _Matcher:
    """Finds the first rule (in file order) that matches a whole line.

    Each rule's longest possible match is computed from its pattern, so a long paragraph is only
    tried against the few rules that could match that many characters. Most rules are tried
    together, in one regex. A rule that may match anything before a fixed phrase (".{0,600}
    pic.twitter.com/...") is slow to try on every line, so it is tried alone and only on lines
    that contain the phrase (searched with the rule's own flags, so no line it matches is
    skipped).
    """

    def __init__(self, rules: tuple[BoilerplateRule, ...]) -> None:
        self.rules = rules
        widths = [_max_width(r.pattern) for r in rules]
        self.guards = {i: g for i, r in enumerate(rules) if (g := _guard(r.pattern)) is not None}
        self.thresholds = sorted(set(widths))
        self.patterns: list[tuple[re.Pattern[str] | None, list[int], list[int]]] = []
        for limit in self.thresholds:
            chosen = [i for i, w in enumerate(widths) if w >= limit]
            plain = [i for i in chosen if i not in self.guards]
            combined = "|".join(f"(?P<r{i}>{rules[i].pattern.pattern})" for i in plain)
            together = re.compile(combined, re.IGNORECASE) if plain else None
            self.patterns.append((together, plain, [i for i in chosen if i in self.guards]))

    def match(self, line: str) -> BoilerplateRule | None:
        k = bisect_left(self.thresholds, len(line))
        if k == len(self.thresholds):
            return None
        together, plain, guarded = self.patterns[k]
        first = len(self.rules)
        m = together.fullmatch(line) if together is not None else None
        if m is not None:
            first = next(i for i in plain if m.group(f"r{i}") is not None)
        for i in guarded:
            if i > first:
                break
            if self.guards[i].search(line) and self.rules[i].pattern.fullmatch(line):
                return self.rules[i]
        return self.rules[first] if first < len(self.rules) else None


@cache
def _matcher(rules: tuple[BoilerplateRule, ...]) -> _Matcher:
    return _Matcher(rules)


def _parser() -> Any:
    try:
        return importlib.import_module("re._parser")  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        return importlib.import_module("sre_parse")


def _max_width(pattern: re.Pattern[str]) -> int:
    """The longest string ``pattern`` can match (capped at :data:`MAX_RULE_LINE`)."""
    try:
        width = int(_parser().parse(pattern.pattern, pattern.flags).getwidth()[1])
    except Exception:  # pragma: no cover - private API changed: try the rule on every line
        width = MAX_RULE_LINE
    return min(width, MAX_RULE_LINE)


def _guard(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern that starts with an optional part (``.{0,200}``, ``(?:...)?``) and later
    needs a fixed phrase of at least four characters outside any group, a search for that
    phrase with the pattern's flags; None otherwise (or if the pattern cannot be read).

    Every string the pattern matches contains the phrase, so a line without it is skipped
    without trying the pattern.
    """
    try:
        parser = _parser()
        items = list(parser.parse(pattern.pattern, pattern.flags))
        repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT}
        if not items or items[0][0] not in repeats or items[0][1][0] != 0:
            return None
        best = run = ""
        for op, value in items:
            run = run + chr(value) if op == parser.LITERAL else ""
            best = max(best, run, key=len)
    except Exception:  # pragma: no cover - private API changed: no guard, same results
        return None
    if len(best) < 4:
        return None
    return re.compile(re.escape(best), pattern.flags)


_SITE_NAME = ("site_name", "name of the web site or outlet on a line of its own")
_HEADLINE = ("headline", "headline line; the headline is kept in the title column")
_SUMMARY = ("summary", "summary bullets before the body; kept in the summary column")
_BLANK = ("blank_lines", "run of blank lines (one blank line is kept between paragraphs)")


def clean_text(
    raw: str,
    *,
    title: str = "",
    site_names: Iterable[str] = (),
    rules: Sequence[BoilerplateRule] | None = None,
) -> Cleaned:
    """Remove boilerplate lines from a captured article and record each removal.

    Args:
        raw: The article as captured (newlines as ``\\n``).
        title: The article's headline, if known; a first line repeating it is removed.
        site_names: Names of the outlet and of any republishing site; a line consisting only of
            one of them is removed.
        rules: Boilerplate rules (default: the package's ``boilerplate.tsv``; see
            :func:`load_rules`).

    Returns:
        ``Cleaned(text, title, summary, removed)``: ``text`` is ``raw`` without the removed
        lines (kept lines are unchanged, character for character); ``title`` the headline
        (``title`` as given); ``summary`` the summary bullets, one a line; ``removed`` one
        :class:`Removal` per run of lines removed by the same rule, with offsets into ``raw``.

    Example:
        >>> c = clean_text("Body sentence.\\n- Advertisement -\\nMore body.")
        >>> c.text
        'Body sentence.\\nMore body.'
        >>> c.removed[0].rule, c.removed[0].start, c.removed[0].end
        ('advertisement', 15, 33)
    """
    rule_set = tuple(rules) if rules is not None else _default_rules()
    matcher = _matcher(rule_set)
    norm = normalize(raw)
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", raw))
    ends = [*starts[1:], len(raw)]
    lines = [norm[s:e].strip() for s, e in zip(starts, ends, strict=True)]
    n = len(lines)
    verdict: list[tuple[str, str] | None] = [None] * n
    sites = {normalize(s).strip().lower() for s in site_names if s and s.strip()}

    # 1. Boilerplate rules and site names.
    for i, line in enumerate(lines):
        if not line or verdict[i] is not None or len(line) > MAX_RULE_LINE:
            continue
        if line.lower() in sites:
            verdict[i] = _SITE_NAME
            continue
        rule = matcher.match(line)
        if rule is None:
            continue
        verdict[i] = (rule.rule, rule.reason)
        if rule.scope == "previous":
            j = i - 1
            while j >= 0 and not lines[j]:
                j -= 1
            if j >= 0 and verdict[j] is None and _looks_like_post(lines[j]):
                verdict[j] = (rule.rule, rule.reason)
        elif rule.scope == "list":
            j = i + 1
            while j < n and (not lines[j] or _BULLET_RE.match(lines[j])):
                if lines[j]:
                    verdict[j] = (rule.rule, rule.reason)
                j += 1

    # 2. Headline, then summary bullets, at the top of what remains.
    content = [i for i in range(n) if lines[i] and verdict[i] is None]
    head = _norm_title(title)
    if content and head and _norm_title(lines[content[0]]) == head:
        verdict[content[0]] = _HEADLINE
        content = content[1:]
    bullets = []
    for i in content:
        if not _BULLET_RE.match(lines[i]):
            break
        bullets.append(i)
    summary = ""
    body = sum(len(lines[i]) for i in content[len(bullets) :])
    points = sum(len(lines[i]) for i in bullets)
    if (
        2 <= len(bullets) <= MAX_SUMMARY_BULLETS
        and all(len(lines[i]) <= MAX_SUMMARY_BULLET for i in bullets)
        and body >= 2 * points
    ):
        for i in bullets:
            verdict[i] = _SUMMARY
        summary = "\n".join(_bullet_text(raw[starts[i] : ends[i]]) for i in bullets)

    # 3. Blank lines: drop those at the ends and all but one between paragraphs.
    kept = [i for i in range(n) if lines[i] and verdict[i] is None]
    if kept:
        first, last = kept[0], kept[-1]
        previous_blank = False
        for i in range(n):
            if verdict[i] is not None:
                continue
            if lines[i]:
                previous_blank = False
            elif i < first or i > last or previous_blank:
                verdict[i] = _BLANK
            else:
                previous_blank = True

    # Assemble the text and the audit trail.
    pieces: list[str] = []
    removed: list[Removal] = []
    for i in range(n):
        if starts[i] == ends[i]:  # the empty "line" after a final newline
            continue
        v = verdict[i]
        if v is None and (lines[i] or kept):
            pieces.append(raw[starts[i] : ends[i]])
            continue
        v = v or _BLANK
        joins = removed and removed[-1].end == starts[i]
        if joins and (removed[-1].rule == v[0] or v is _BLANK):  # blank lines join the run
            last_removal = removed[-1]
            removed[-1] = last_removal._replace(end=ends[i], text=raw[last_removal.start : ends[i]])
        else:
            removed.append(Removal(v[0], v[1], starts[i], ends[i], raw[starts[i] : ends[i]]))
    text = "".join(pieces)
    if text.endswith("\n"):
        text = text[:-1]
    return Cleaned(text, title, summary, removed)


def _looks_like_post(line: str) -> bool:
    """Whether a line can be the text of an embedded social media post."""
    return len(line) <= 280 and _POST_MARKER.search(line) is not None


def _norm_title(s: str) -> str:
    return " ".join(normalize(s).lower().split()).rstrip(".")


def _bullet_text(line: str) -> str:
    """A bullet line as captured, without its bullet sign and surrounding white space."""
    stripped = line.strip()
    m = _BULLET_RE.match(normalize(stripped))
    return stripped[m.end() - 1 :] if m else stripped
