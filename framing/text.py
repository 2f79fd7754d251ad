"""Text processing shared by every analysis: normalisation, sentences, word tokens.

Everything here works offline (no NLTK data) and keeps character offsets meaningful:
:func:`normalize` maps each character of the input to exactly one character of the output, so
an offset into the normalised string is an offset into the article ``text`` as loaded, and
``text[start:end]`` is always the span a table row points at.

:class:`Doc` is the one parse of an article. Analyses take a ``Doc`` and reuse its sentences and
tokens (and, through :mod:`framing.quotes`, its quotes), so each article is split and tokenised
once however many analyses run over it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cached_property
from itertools import repeat
from typing import NamedTuple

import pandas as pd

from framing._resources import read_tsv

__all__ = [
    "Doc",
    "Sentence",
    "Token",
    "docs_from",
    "normalize",
    "split_sentences",
    "tokenize",
]

# One character in, one character out: curly quotes become straight, exotic spaces become a
# plain space, dashes become "-". "…" stays a single character (expanding it to "..." would shift
# every later offset); the splitter and tokenizer treat it as an ellipsis.
_CHAR_MAP = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",
        "\u2212": "-",  # minus sign
        "\u00ad": "-",  # soft hyphen
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",  # byte-order mark inside text
    }
)


def normalize(text: str) -> str:
    """Return ``text`` with typographic variants folded, one character for one character.

    Curly quotes become straight quotes, non-breaking and other special spaces become a plain
    space, and the various dashes become ``-``. The result has the same length as the input, so
    offsets computed on it index the original.

    Example:
        >>> normalize("\u201cWe\u2019re not\u00a0going\u201d")
        '"We\\'re not going"'
    """
    if text.isascii():
        return text.replace("\t", " ") if "\t" in text else text
    return _SPECIAL_RE.sub(_replace_special, text)


# str.translate looks every character up in a dict (slow on long non-ASCII text); a regular
# expression finds the few characters to replace in C and leaves the rest alone (~10x faster).
_SPECIAL = {chr(code): str(repl) for code, repl in _CHAR_MAP.items()}
_SPECIAL_RE = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")


def _replace_special(match: re.Match[str]) -> str:
    return _SPECIAL[match.group()]


class Token(NamedTuple):
    """A word token: ``text[start:end]`` as written; ``norm``: normalised and lower-cased."""

    start: int
    end: int
    norm: str


class Sentence(NamedTuple):
    """A sentence span of the article text; ``index`` counts sentences from 0."""

    index: int  # type: ignore[assignment]  # shadows tuple.index; kept for the public API
    start: int
    end: int


# Words: letters/digits with inner hyphens or apostrophes ("Iran-backed", "we're", "al-Kadhimi"),
# dotted abbreviations ("U.S.", "a.m.", "U.S.-led"), numbers with separators ("2,500", "1.5").
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}(?:-[^\W_]+)*"  # U.S.  a.m.  U.S.-led
    r"|\d+(?:[.,:]\d+)*(?:[^\W\d_]+)?"  # 2,500  1.5  24th  10:30
    r"|[^\W_]+(?:['\-][^\W_]+)*",  # Iran-backed  we're  al-Kadhimi  COVID-19
)


def tokenize(
    text: str, start: int = 0, end: int | None = None, *, norm: str | None = None
) -> list[Token]:
    """Split ``text[start:end]`` into word tokens (punctuation is dropped).

    A token is a run of letters and digits with inner hyphens or apostrophes ("Iran-backed",
    "we're", "Iraq's"), a dotted abbreviation ("U.S.", "a.m.", "U.S.-led") or a number with
    separators ("2,500", "1.5", "10:30", "31st"). Curly apostrophes count as apostrophes.

    Args:
        text: The article text (raw or normalised: offsets are the same).
        start: Offset to start at.
        end: Offset to stop at (default: the end of the text).
        norm: ``normalize(text)`` if the caller has it already (a :class:`Doc` does).

    Returns:
        Tokens with offsets into ``text`` and a normalised lower-case form.

    Example:
        >>> [t.norm for t in tokenize("U.S.-led coalition troops, about 2,500.")]
        ['u.s.-led', 'coalition', 'troops', 'about', '2,500']
    """
    norm = normalize(text) if norm is None else norm
    stop = len(text) if end is None else end
    low = norm.lower()
    make = tuple.__new__  # a Token without NamedTuple.__new__'s Python-level call
    if len(low) == len(norm):  # lower-casing kept every offset (almost always)
        return list(map(make, repeat(Token), match_spans(_TOKEN_RE, low, start, stop)))
    return [make(Token, (a, b, w.lower())) for a, b, w in match_spans(_TOKEN_RE, norm, start, stop)]


def match_spans(
    pattern: re.Pattern[str], text: str, start: int = 0, stop: int | None = None
) -> list[tuple[int, int, str]]:
    """``(start, end, match)`` of each match of ``pattern`` in ``text[start:stop]``, in order.

    The same as ``[(*m.span(), m.group()) for m in pattern.finditer(text, start, stop)]`` and
    about twice as fast (``findall`` and ``str.find`` instead of match objects), for a pattern
    that matches wherever a character a match can begin with stands (as a tokenizer's
    "a letter or digit starts a word" does): then no match can begin between two matches, so
    the next occurrence of a match after the previous one is where it matched.
    """
    out: list[tuple[int, int, str]] = []
    append = out.append
    find = text.find
    pos = start
    for found in pattern.findall(text, start, len(text) if stop is None else stop):
        pos = find(found, pos)
        end = pos + len(found)
        append((pos, end, found))
        pos = end
    return out


# --- sentence splitting -------------------------------------------------------------------------


def _load_abbreviations() -> dict[str, str]:
    return {row["abbreviation"].lower(): row["kind"] for row in read_tsv("abbreviations.tsv")}


_ABBREVIATIONS = _load_abbreviations()

# Capitalised words that, after an abbreviation such as "U.S.", show a new sentence has begun.
_SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "still",
        "also",
        "in",
        "on",
        "at",
        "for",
        "after",
        "before",
        "while",
        "when",
        "if",
        "as",
        "what",
        "who",
        "why",
        "how",
        "where",
        "which",
        "some",
        "many",
        "most",
        "no",
        "not",
        "one",
        "two",
        "three",
        "both",
        "all",
        "each",
        "earlier",
        "later",
        "then",
        "now",
        "today",
        "yesterday",
    ]
)

_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.){2,}")  # U.S.  a.m.  e.g.
_INITIAL_RE = re.compile(r"[A-Z]\.")  # the W. in George W. Bush
_NEXT_WORD_RE = re.compile(r"[ ]*[\"'(\[]*([^\W_][\w'\-]*)")
_QUOTE_MARK_RE = re.compile('["\u201c\u201d]')
_ENDER_RUN = re.compile(r"(?:[.!?\u2026]+)([\"')\]\u201d\u2019]*)")


def _word_before(norm: str, pos: int) -> str:
    """The whitespace-delimited word ending at ``pos`` (exclusive), without leading brackets."""
    i = pos
    while i > 0 and not norm[i - 1].isspace():
        i -= 1
    return norm[i:pos].lstrip("\"'([{")


def _next_word(norm: str, pos: int) -> str:
    m = _NEXT_WORD_RE.match(norm, pos)
    return m.group(1) if m else ""


def _is_boundary(norm: str, punct_start: int, punct_end: int, after: int, line_end: int) -> bool:
    """Decide whether ``norm[punct_start:punct_end]`` (closers up to ``after``) ends a sentence."""
    j = after
    while j < line_end and norm[j] == " ":
        j += 1
    if j == line_end:
        return True  # end of the line
    if j == after:  # no space after: "U.S.-led", "3.5", "Yahoo!News"
        return False
    nxt = norm[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'([-\u2026"):
        return False  # lower case continues: "e.g. the", "... and"
    if norm[punct_start:punct_end] != "." or after > punct_end:
        return True  # "!", "?", "…", "...", or a closing quotation/bracket before a capital
    word = _word_before(norm, punct_end)
    lower = word.lower()
    kind = _ABBREVIATIONS.get(lower)
    if kind == "title":  # "Gen. Qassem", "Mr. Biden", "Roe v. Wade": never ends a sentence
        return False
    if kind == "month":  # "Jan. 2020" continues; "in Jan. The" ends
        return not nxt.isdigit()
    if kind is not None or _DOTTED_RE.fullmatch(lower):  # "U.S.", "a.m.", "Calif."
        return _next_word(norm, after).lower() in _SENTENCE_STARTERS
    # An initial ("George W. Bush") does not end a sentence.
    return _INITIAL_RE.fullmatch(word) is None


def split_sentences(text: str, *, norm: str | None = None) -> list[Sentence]:
    """Split an article into sentences, offline and offset-preserving.

    Rules, in order: a line break always ends a sentence (captures put headlines, bullets and
    paragraphs on their own lines); inside an open quotation no sentence ends (a quoted passage
    of several sentences stays one sentence with its attribution); ``!``, ``?``, ``…`` end a
    sentence before a capital; ``.`` does too, except after a title ("Gen.", "Mr.", "v."), a
    month before a number ("Jan. 2020"), an initial ("George W. Bush"), or a dotted or listed
    abbreviation ("U.S.", "a.m.", "Calif.") unless the next word is one that starts sentences
    ("U.S. The ..."). The abbreviation list is ``framing/lexicons/abbreviations.tsv``. A span
    longer than :data:`MAX_SENTENCE_CHARS` with no sentence end (an unpunctuated transcript) is
    cut at a space, so the work per sentence stays bounded.

    Args:
        text: The article text.
        norm: ``normalize(text)`` if the caller has it already (a :class:`Doc` does).

    Returns:
        Sentence spans, stripped of surrounding white space, in order; empty lines are skipped.

    Example:
        >>> t = "Gen. Qassem Soleimani died in Jan. 2020. U.S. troops stayed."
        >>> [t[s.start:s.end] for s in split_sentences(t)]
        ['Gen. Qassem Soleimani died in Jan. 2020.', 'U.S. troops stayed.']
    """
    norm = normalize(text) if norm is None else norm
    out: list[Sentence] = []
    line_start = 0
    size = len(norm)
    while line_start <= size:
        line_end = norm.find("\n", line_start)
        if line_end < 0:
            line_end = size
        for piece_start, piece_end in _split_line(text, norm, line_start, line_end):
            for start, end in _capped(norm, piece_start, piece_end):
                while start < end and norm[start].isspace():
                    start += 1
                while end > start and norm[end - 1].isspace():
                    end -= 1
                if start < end:
                    out.append(Sentence(len(out), start, end))
        line_start = line_end + 1
    return out


MAX_SENTENCE_CHARS = 3000
"""A "sentence" longer than this (text with no sentence punctuation, e.g. a transcript) is cut
at the last space before each multiple of it, so per-sentence work stays linear in the text."""


def _capped(norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE_CHARS:
        cut = norm.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


def _quotation_spans(text: str, norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Matched quotation spans in ``text[start:end]`` (unclosed quotation marks are ignored).

    Curly marks say which way they face. A straight ``"`` opens after white space, an opening
    bracket or a dash, or at the start of the line; otherwise it closes.
    """
    spans = []
    open_at = -1
    for m in _QUOTE_MARK_RE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "\u201c" or (ch == '"' and (i == start or norm[i - 1] in " ([{-/")):
            open_at = i
        elif open_at >= 0:
            spans.append((open_at, i + 1))
            open_at = -1
    return spans


def _split_line(text: str, norm: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield sentence spans within one line; no sentence ends inside a quotation."""
    quoted = _quotation_spans(text, norm, start, end) if '"' in norm[start:end] else []
    q = 0
    sent_start = start
    for m in _ENDER_RUN.finditer(norm, start, end):
        after = m.end()
        while q < len(quoted) and quoted[q][1] <= after:
            q += 1
        if q < len(quoted) and quoted[q][0] < after:
            continue  # inside a quotation
        if _is_boundary(norm, m.start(), m.start(1), after, end):
            yield sent_start, after
            sent_start = after
    yield sent_start, end


class Doc:
    """One article, parsed once and shared by every analysis.

    Attributes are computed on first use and cached: ``sentences``, ``tokens``. Other modules
    attach their per-article results through :meth:`cached` (quotes, for instance), so a second
    analysis of the same ``Doc`` reuses the first one's work.

    Args:
        text: The article text as loaded (the ``text`` column).
        article_id: The article's id, carried into result rows.
        outlet: The article's outlet, carried into result rows.
    """

    __slots__ = ("__dict__", "article_id", "norm", "outlet", "text")

    def __init__(self, text: str, *, article_id: str = "", outlet: str = "") -> None:
        self.text = text
        self.article_id = article_id
        self.outlet = outlet
        self.norm = normalize(text)

    def __repr__(self) -> str:
        return (
            f"Doc(article_id={self.article_id!r}, outlet={self.outlet!r}, chars={len(self.text)})"
        )

    def __getstate__(self) -> dict[str, object]:
        # Pickle only the inputs; caches are rebuilt where the Doc lands (process pool, Dask).
        return {"text": self.text, "article_id": self.article_id, "outlet": self.outlet}

    def __setstate__(self, state: dict[str, str]) -> None:
        self.__init__(state["text"], article_id=state["article_id"], outlet=state["outlet"])  # type: ignore[misc]

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentence spans (see :func:`split_sentences`)."""
        return split_sentences(self.text, norm=self.norm)

    @cached_property
    def tokens(self) -> list[Token]:
        """Word tokens of the whole text (see :func:`tokenize`)."""
        return tokenize(self.text, norm=self.norm)

    @cached_property
    def sentence_tokens(self) -> list[list[Token]]:
        """Word tokens grouped by sentence, aligned with :attr:`sentences`."""
        # Sentences are sorted and disjoint: a sentence's tokens are those starting inside it.
        tokens = self.tokens
        starts = [tok.start for tok in tokens]
        groups: list[list[Token]] = []
        lo = 0
        for sentence in self.sentences:
            lo = bisect_left(starts, sentence.start, lo)
            hi = bisect_left(starts, sentence.end, lo)
            groups.append(tokens[lo:hi])
            lo = hi
        return groups

    @property
    def n_words(self) -> int:
        """Number of word tokens."""
        return len(self.tokens)

    def sentence_text(self, sentence: Sentence) -> str:
        """The text of ``sentence`` as written."""
        return self.text[sentence.start : sentence.end]

    def cached(self, key: str, compute: object) -> object:
        """Return ``compute(self)`` once per ``Doc`` and ``key``; later calls reuse the value."""
        cache = self.__dict__.setdefault("_results", {})
        if key not in cache:
            cache[key] = compute(self)  # type: ignore[operator]
        return cache[key]


def docs_from(
    articles: pd.DataFrame,
    *,
    text_col: str = "text",
    id_col: str = "article_id",
    outlet_col: str = "outlet",
) -> list[Doc]:
    """Wrap each row of an articles table in a :class:`Doc` (no parsing happens yet).

    Args:
        articles: The articles table (see :func:`framing.load_corpus`).
        text_col: Column holding the article text.
        id_col: Column holding the unique article id.
        outlet_col: Column holding the outlet name.

    Returns:
        One ``Doc`` per row, in table order.

    Raises:
        KeyError: If a named column is missing, naming it and the columns that exist.
    """
    missing = [c for c in (text_col, id_col, outlet_col) if c not in articles.columns]
    if missing:
        raise KeyError(
            f"articles table has no column {missing[0]!r}; columns are {list(articles.columns)}"
        )
    return [
        Doc(str(text), article_id=str(aid), outlet=str(outlet))
        for text, aid, outlet in zip(
            articles[text_col], articles[id_col], articles[outlet_col], strict=True
        )
    ]
