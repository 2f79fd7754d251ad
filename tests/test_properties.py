"""Property tests for the text layer and every extractor: arbitrary Unicode in, valid rows out.

For any text the strategies below produce, each function must

- not raise;
- give offsets inside the text, where ``text[start:end]`` is exactly the span the row reports
  (``quote`` for quotes, ``text`` for markers, ``label`` for labels, ``sentence_text`` for
  sentences, ``term`` for sentiment drivers, ``speaker_as_written`` and ``verb`` for their own
  offsets);
- be deterministic: a fresh ``Doc`` of the same text gives the same rows (compared by
  ``repr``, so NaN equals NaN), and so does asking the same ``Doc`` twice (its caches).

**Sentences tile the text.** ``split_sentences`` returns spans ``S0, S1, ...`` such that

1. they are in order and disjoint: ``0 <= S0.start < S0.end <= S1.start < ... <= len(text)``;
2. each is stripped: its first and last characters are not white space;
3. nothing is lost: every character outside all spans is white space, so the text is exactly
   the sentences with white space between them;
4. no span crosses a line break (``\\n``).

"White space" means ``str.isspace()`` of the character after :func:`framing.text.normalize`
(which turns, e.g., a zero-width space or a BOM into a plain space, one character for one).

The strategies aim at the hard cases: quotation marks of every kind, ellipses, abbreviations,
every kind of line break (``\\r\\n``, ``\\r``, U+2028, U+0085), no-break and zero-width
spaces, bidi controls, astral characters, combining marks, characters whose case mapping
changes length ("İ", "ß", "ﬁ"), and real sentences from the bundled story with random
corruption.

In the suite each property runs a few dozen examples (seconds in all). The fuzz run gives each
10,000 (``HYPOTHESIS_PROFILE=fuzz``; command and output in ``docs/robustness.md``).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path
from pickle import dumps, loads
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from seed_sentences import SEED_SENTENCES

from framing.labels import label_rows as _label_rows
from framing.labels import load_actors
from framing.markers import marker_rows
from framing.quotes import quote_rows
from framing.sentiment import driver_rows, sentence_rows, sentiment_rows
from framing.terms import term_counts
from framing.text import Doc, normalize, split_sentences, tokenize

FUZZING = settings().max_examples >= settings.get_profile("fuzz").max_examples
PROPERTY = settings(
    max_examples=settings().max_examples if FUZZING else 25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

QUOTE_MARKS = list("\"'`\u201c\u201d\u2018\u2019\u201e\u201f\u201a\u201b\u00ab\u00bb\u2039\u203a")
QUOTE_MARKS += ["\u300c", "\u300d", "\u300e", "\u300f", "\u2033", "\u2032", "''", '""']
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\t"]
SPACES = [" ", "  ", "\u00a0", "\u202f", "\u2009", "\u3000", "\u2007"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2069"]
ODD = ["😀", "𝐀", "𝟘", "𠀋", "\U0001f1fa\U0001f1f8", "e\u0301", "\u0301", "\u0308", "İ", "ß"]
ODD += ["ﬁ", "Σ", "ǅ", "ı", "\u0130stanbul", "ΑΣ", "\ufffd", "\x00", "\x1b"]
PUNCT = ["…", "...", ". ", "! ", "? ", "?!", ".\u201d", ",\u201d", ": ", "; ", ", ", "-", "--"]
PUNCT += ["\u2014", "\u2013", "(", ")", "[", "]", "'s", "s'", "@", "#", "&", "%", "/"]
ABBREVIATIONS = ["U.S.", "Mr.", "Gen.", "Jan.", "a.m.", "e.g.", "No.", "St.", "v.", "W.", "Calif."]
WORDS = ["Biden", "Joe", "al-Kadhimi", "Prime Minister", "officials", "he", "she", "they"]
WORDS += ["said", "told", "claimed", "stressed", "according to", "denied", "added", "says"]
WORDS += ["so-called", "reportedly", "alleged", "very", "terrorist", "militias", "Iran-backed"]
WORDS += ["base", "Air Base", "good", "not", "the", "a", "2,500", "3.5", "10:30", "Analysts"]

HARD = st.sampled_from(QUOTE_MARKS + BREAKS + SPACES + INVISIBLE + BIDI + ODD + PUNCT)
PIECE = st.one_of(
    HARD,
    st.sampled_from(ABBREVIATIONS + WORDS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=6),  # surrogate-free Unicode
)
SEEDS = [s for sentences in SEED_SENTENCES.values() for s in sentences]


def _corrupt(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply edits (position, kind, piece): 0 insert, 1 delete one char, 2 replace one char."""
    for pos, kind, piece in edits:
        i = pos % (len(text) + 1)
        if kind == 0:
            text = text[:i] + piece + text[i:]
        elif kind == 1:
            text = text[:i] + text[i + 1 :]
        else:
            text = text[:i] + piece + text[i + 1 :]
    return text


SEEDED = st.builds(
    _corrupt,
    st.lists(st.sampled_from(SEEDS), min_size=1, max_size=4).map(" ".join),
    st.lists(st.tuples(st.integers(0, 2_000), st.integers(0, 2), HARD), max_size=8),
)
PIECED = st.lists(st.one_of(PIECE, st.sampled_from(SEEDS)), max_size=25).map("".join)
TEXTS = st.one_of(PIECED, SEEDED, st.text(max_size=60))


def _same(a: object, b: object) -> bool:
    return repr(a) == repr(b)


def _twice(fn: Any, text: str) -> Any:
    """``fn`` on two fresh Docs and once more on the first: all three must agree."""
    doc = Doc(text, article_id="a", outlet="o")
    first = fn(doc)
    assert _same(first, fn(Doc(text, article_id="a", outlet="o")))
    assert _same(first, fn(doc))
    return first


def _span_ok(text: str, start: object, end: object, *, empty: bool = False) -> None:
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start <= end <= len(text) if empty else 0 <= start < end <= len(text)


# --- text layer ------------------------------------------------------------------------------


@PROPERTY
@given(TEXTS)
def test_properties_normalize_one_char_for_one(text: str) -> None:
    norm = normalize(text)
    assert len(norm) == len(text)
    assert normalize(norm) == norm  # idempotent
    assert all(a == b or len(a) == 1 for a, b in zip(text, norm, strict=True))


@PROPERTY
@given(TEXTS)
def test_properties_sentences_tile_the_text(text: str) -> None:
    sentences = _twice(lambda d: split_sentences(d.text), text)
    norm = normalize(text)
    covered = [False] * len(text)
    previous_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        _span_ok(text, s.start, s.end)
        assert previous_end <= s.start  # in order, disjoint
        assert not norm[s.start].isspace() and not norm[s.end - 1].isspace()  # stripped
        assert "\n" not in text[s.start : s.end]
        covered[s.start : s.end] = [True] * (s.end - s.start)
        previous_end = s.end
    assert all(norm[i].isspace() for i in range(len(text)) if not covered[i])  # nothing lost


@PROPERTY
@given(TEXTS)
def test_properties_tokens_in_order_and_spelled_as_written(text: str) -> None:
    tokens = _twice(lambda d: tokenize(d.text), text)
    previous_end = 0
    for t in tokens:
        _span_ok(text, t.start, t.end)
        assert previous_end <= t.start
        previous_end = t.end
        assert t.norm.casefold() == normalize(text[t.start : t.end]).casefold()
    assert tokens == tokenize(text, norm=normalize(text))


@PROPERTY
@given(TEXTS)
def test_properties_doc_groups_tokens_by_sentence(text: str) -> None:
    doc = Doc(text)
    assert len(doc.sentence_tokens) == len(doc.sentences)
    for sentence, tokens in zip(doc.sentences, doc.sentence_tokens, strict=True):
        assert all(sentence.start <= t.start and t.end <= sentence.end for t in tokens)
    grouped = [t for ts in doc.sentence_tokens for t in ts]
    assert set(grouped) <= set(doc.tokens)
    clone = loads(dumps(doc))
    assert (clone.text, clone.sentences, clone.tokens) == (text, doc.sentences, doc.tokens)


# --- extractors ------------------------------------------------------------------------------


# Found by the fuzz run: a stray straight quote hid the first sentence's quotation, and the
# statement "he said during the meeting with Biden." then also claimed the next sentence's
# quotation, which that sentence attributes itself: one statement, two identical rows.
STRAY_QUOTE = (
    '\u201cI\u2019d like to t"hank the American people on behalf of all Iraq\u2019s people,\u201d '
    "he said during the Oval Office meeting with Biden. \u201cOur role in Iraq will be\u2026 "
    "continue to train, to assist, to help and to deal with ISIS (Islamic State) as it rises, "
    "but we\u2019re not going to be, by the end of the year, in a combat mission,\u201d Biden "
    "said at the beginning of a meeting in the Oval Office with Iraqi Prime Minister Mustafa "
    "al-Kadhimi, Xinhua reported."
)

# Also found by the fuzz run: two sentences glued without a space; "Xinhua reported" and
# "Joe Biden said" both took the clause after "said" as their content.
GLUED = (
    "\u201cWe\u2019re not going to be, by the end of the year, in a combat mission,\u201d Biden "
    "said at the beginning of a meeting in the Oval Office with Iraqi Prime Minister Mustafa "
    "al-Kadhimi, Xinhua reported.US President Joe Biden said on Monday that American forces "
    "in Iraq will end the combat mission by the end of the year while continuing to train and "
    "assist Iraqi forces."
)


@PROPERTY
@given(TEXTS)
@example(STRAY_QUOTE)
@example(GLUED)
def test_properties_quote_rows_spans_and_speakers(text: str) -> None:
    rows = _twice(quote_rows, text)
    spans = [(r["kind"], r["start"], r["end"]) for r in rows]
    assert len(set(spans)) == len(spans)  # no statement counted twice
    heads = {r["quote_id"] for r in rows if r["continues"] == ""}
    for row in rows:
        _span_ok(text, row["start"], row["end"], empty=True)
        assert row["quote"] == text[row["start"] : row["end"]]
        assert row["kind"] in ("direct", "indirect", "partial")
        assert (row["speaker_start"] == -1) == (row["speaker_end"] == -1)
        if row["speaker_start"] >= 0:
            _span_ok(text, row["speaker_start"], row["speaker_end"])
            assert text[row["speaker_start"] : row["speaker_end"]] == row["speaker_as_written"]
        assert (row["verb_start"] == -1) == (row["verb_end"] == -1)
        if row["verb_start"] >= 0:
            _span_ok(text, row["verb_start"], row["verb_end"])
            assert text[row["verb_start"] : row["verb_end"]] == row["verb"]
        assert row["continues"] in heads | {""}  # continues a statement of the same article


@PROPERTY
@given(TEXTS)
def test_properties_marker_rows_spans(text: str) -> None:
    rows = _twice(marker_rows, text)
    n_sentences = len(split_sentences(text))
    for row in rows:
        _span_ok(text, row["start"], row["end"])
        assert row["text"] == text[row["start"] : row["end"]]
        assert row["category"] in ("loaded", "distancing", "hedge", "intensifier")
        assert 0 <= row["sentence"] < max(n_sentences, 1)
    assert [(r["start"], r["end"]) for r in rows] == sorted((r["start"], r["end"]) for r in rows)


ACTORS = load_actors(Path(__file__).parents[1] / "data" / "iraq-2021-07-26" / "actors.tsv")


def _labels(doc: Doc) -> list[dict[str, Any]]:
    return _label_rows(doc, ACTORS)


@PROPERTY
@given(TEXTS)
def test_properties_label_rows_spans(text: str) -> None:
    rows = _twice(_labels, text)
    for row in rows:
        _span_ok(text, row["start"], row["end"])
        assert row["label"] == text[row["start"] : row["end"]]
    by_actor: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        by_actor.setdefault(row["actor"], []).append((row["start"], row["end"]))
    for spans in by_actor.values():  # one actor's mentions never overlap
        spans.sort()
        assert all(a[1] <= b[0] for a, b in pairwise(spans))


def _sentiment(doc: Doc) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return sentence_rows(doc), sentiment_rows(doc)


def _score_ok(row: dict[str, Any]) -> None:
    pol, subj = row["polarity"], row["subjectivity"]
    assert pol != pol or -1.0 <= pol <= 1.0  # NaN (no sentence) or in range
    assert subj != subj or 0.0 <= subj <= 1.0


@PROPERTY
@given(TEXTS)
def test_properties_sentiment_rows_follow_the_sentences(text: str) -> None:
    sentences, (article,) = _twice(_sentiment, text)
    spans = split_sentences(text)
    assert [(r["sentence"], r["start"], r["end"]) for r in sentences] == [
        (s.index, s.start, s.end) for s in spans
    ]
    for row in sentences:
        assert row["sentence_text"] == text[row["start"] : row["end"]]
        _score_ok(row)
    _score_ok(article)
    assert article["n_sentences"] == len(spans)


@PROPERTY
@given(TEXTS)
def test_properties_driver_rows_spans(text: str) -> None:
    rows = _twice(driver_rows, text)
    n_sentences = len(split_sentences(text))
    for row in rows:
        if row["start"] >= 0:
            _span_ok(text, row["start"], row["end"])
            assert row["term"] == text[row["start"] : row["end"]]
        else:
            assert row["end"] == -1
        assert 0 <= row["sentence"] < n_sentences
        assert -1.0 <= row["polarity"] <= 1.0


def _voices(doc: Doc) -> tuple[Counter[str], Counter[str], Counter[str]]:
    return (
        term_counts(doc, ngrams=(1, 2)),
        term_counts(doc, ngrams=(1,), voice="own"),
        term_counts(doc, ngrams=(1,), voice="quoted"),
    )


@PROPERTY
@given(TEXTS)
def test_properties_term_counts_add_up(text: str) -> None:
    every, own, quoted = _twice(_voices, text)
    forms = {t.norm.removesuffix("'s") or t.norm for t in tokenize(text)}
    assert all(n >= 1 for n in every.values())
    unigrams = Counter({t: n for t, n in every.items() if " " not in t})
    assert set(unigrams) <= forms
    assert own + quoted == unigrams  # each word is in the outlet's voice or a quoted one
