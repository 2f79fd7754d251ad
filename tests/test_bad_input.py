"""The bad-input matrix (issue 8): every ugly input has one clear outcome, and nothing is lost.

Each case goes through :func:`framing.load_corpus` and then :func:`framing.analyze` (and
``compare``/``word_choice`` where the case is about outlets). Outcomes are one of: loaded (with
a note, a decoding entry or nothing to say), skipped with the reason listed in the load report,
or a :class:`CorpusError` naming the file and line and what to do. The table of cases and
outcomes is in ``docs/robustness.md``; keep the two in step.

Big inputs are generated in ``tmp_path`` at run time. The 50 MB article is loaded at full size;
its analysis (minutes, linear) is shown linear on 0.25 and 1 MB instead. The 10,000-sentence
unpunctuated article runs in full with ``FRAMING_SLOW_TESTS=1`` (about 10 s); the default run
shows it linear on 500 and 2,000 sentences.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import itertools
import json
import os
import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from seed_sentences import SEED_SENTENCES

import framing
from framing.corpus import CorpusError, CorpusWarning, load_corpus, load_report
from framing.text import MAX_SENTENCE_CHARS

XINHUA = SEED_SENTENCES["xinhua"]
RUDAW = SEED_SENTENCES["rudaw"]
BODY = " ".join(XINHUA[:4])  # a real paragraph with quotes and attributions
OTHER = " ".join(RUDAW[:4])


def front(outlet: str, body: str) -> str:
    return f"---\noutlet: {outlet}\n---\n{body}"


GOOD = front("Xinhua", BODY)  # every folder case has one good article beside the bad one


def load(source: Any, **options: Any) -> tuple[pd.DataFrame, list[str]]:
    """Load, returning the table and the warning messages."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = load_corpus(source, **options)
    return table, [str(w.message) for w in caught]


def analyze_all(articles: pd.DataFrame) -> framing.Analysis:
    """Run every analysis; every input article must come out, with no errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # one-outlet and small-corpus notices
        result = framing.analyze(articles, progress=False)
    assert list(result.articles["article_id"]) == list(articles["article_id"])
    assert result.errors is not None and result.errors.empty
    return result


def write_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


# --- 1. the matrix: files in a corpus folder -----------------------------------------------------

SCRIPTS = (
    "قال رئيس الوزراء العراقي إن القوات الأمريكية ستغادر. "  # Arabic
    "美国总统拜登表示，美军将在年底前结束在伊拉克的作战任务。 "  # Chinese
    "سەرۆک بایدن ڕایگەیاند کە ئەرکی جەنگی\u200cی ئەمریکا کۆتایی دێت. "  # Kurdish (Sorani, ZWNJ)
    "Serok Biden got ku erka şer a Amerîkayê li Iraqê bi dawî dibe. "  # Kurdish (Kurmanji)
    "\U0001f1ee\U0001f1f6 \U0001f44d\U0001f3fd \U0001f468\u200d\U0001f469\u200d\U0001f467 "  # emoji
    + XINHUA[0]
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>News</title><script>alert('x')</script></head>"
    f'<body><div class="story"><p>{XINHUA[0]}</p><p>{XINHUA[5]}</p></div></body></html>'
)
UNBALANCED = (
    f'"{XINHUA[5]} {XINHUA[6]}\n'  # opened, never closed
    f"{XINHUA[11]}\u201d {XINHUA[12]}\n"  # closed, never opened
    f"\u201c\u201c\u201d '' {XINHUA[3]}"
)


class Case:
    """One folder case: the bad file (``b.txt`` unless named) and its expected outcome."""

    def __init__(
        self,
        files: dict[str, str | bytes],
        *,
        loaded: int = 2,
        text: str | None = None,
        skipped: str | None = None,
        decoded: str | None = None,
        note: str | None = None,
    ) -> None:
        self.files = files
        self.loaded = loaded
        self.text = text
        self.skipped = skipped
        self.decoded = decoded
        self.note = note


CP1252_BODY = (
    "Al-Kadhimi\u2019s caf\u00e9 \u201cr\u00e9sum\u00e9\u201d \u2013 na\u00efve. " + XINHUA[5]
)
LATIN1_BODY = "S\u00e3o Paulo, Z\u00fcrich, \u00bd of the \u00c9lys\u00e9e. " + XINHUA[5]
FOLDER_CASES: dict[str, Case] = {
    "empty file": Case({"b.txt": b""}, loaded=1, skipped="empty file"),
    "whitespace-only text": Case(
        {"b.txt": b" \n\t\r\n  "}, loaded=1, skipped="empty file (white space only)"
    ),
    "PDF saved as .txt": Case(
        {"b.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"},
        loaded=1,
        skipped="not text: a PDF document; convert it to a .txt file to include it",
    ),
    "PDF beside the articles": Case(
        {"b.pdf": b"%PDF-1.7\n"},
        loaded=1,
        skipped="not a .txt or .md file (.pdf); convert it to text to include it",
    ),
    "image beside the articles": Case(
        {"photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        loaded=1,
        skipped="not a .txt or .md file (.png); convert it to text to include it",
    ),
    "image saved as .txt": Case(
        {"b.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"},
        loaded=1,
        skipped="not text: a JPEG image; convert it to a .txt file to include it",
    ),
    "cp1252": Case(
        {"b.txt": front("WION", CP1252_BODY).encode("cp1252")},
        text=CP1252_BODY,
        decoded="cp1252",
    ),
    "Latin-1": Case(
        {"b.txt": front("WION", LATIN1_BODY).encode("latin-1")},
        text=LATIN1_BODY,
        decoded="cp1252",
    ),
    "UTF-8 with BOM": Case({"b.txt": "\ufeff" + front("WION", OTHER)}, text=OTHER),
    "UTF-16 with BOM": Case(
        {"b.txt": front("WION", OTHER).encode("utf-16")}, text=OTHER, decoded="utf-16"
    ),
    "UTF-16 without BOM": Case(
        {"b.txt": front("WION", OTHER).encode("utf-16-le")}, text=OTHER, decoded="utf-16-le"
    ),
    "UTF-32": Case({"b.txt": front("WION", OTHER).encode("utf-32")}, text=OTHER, decoded="utf-32"),
    "CRLF line ends": Case(
        {"b.txt": front("WION", f"{RUDAW[0]}\n\n{RUDAW[1]}").replace("\n", "\r\n")},
        text=f"{RUDAW[0]}\n\n{RUDAW[1]}",
    ),
    "lone CR line ends": Case(
        {"b.txt": front("WION", f"{RUDAW[0]}\n\n{RUDAW[1]}").replace("\n", "\r")},
        text=f"{RUDAW[0]}\n\n{RUDAW[1]}",
    ),
    "NUL bytes and control characters": Case(
        {"b.txt": front("WION", f"{RUDAW[0]}\x00 \x07{RUDAW[1]}\x1b[0m\x0c{RUDAW[2]}")},
        text=f"{RUDAW[0]} {RUDAW[1]}[0m\n{RUDAW[2]}",
        note="removed control characters (1 x U+0000, 1 x U+0007, 1 x U+001B)",
    ),
    "zero-width and bidirectional controls": Case(
        {"b.txt": front("WION", f"Bi\u200bden\u00ad said \u202eevil\u202c \u2066{RUDAW[0]}\u2069")},
        text=f"Biden said \u202eevil\u202c \u2066{RUDAW[0]}\u2069",
        note="bidirectional control characters kept "
        "(1 x U+202C, 1 x U+202E, 1 x U+2066, 1 x U+2069)",
    ),
    "emoji and non-Latin scripts": Case({"b.txt": front("Rudaw", SCRIPTS)}, text=SCRIPTS),
    "HTML saved as .txt": Case(
        {"b.txt": front("WION", HTML_PAGE)}, text=HTML_PAGE, note="looks like HTML (8 tags"
    ),
    "unbalanced quotation marks": Case({"b.txt": front("WION", UNBALANCED)}, text=UNBALANCED),
}


@pytest.mark.parametrize("case", FOLDER_CASES.values(), ids=FOLDER_CASES.keys())
def test_bad_input_folder_case(tmp_path: Path, case: Case) -> None:
    folder = write_folder(tmp_path / "corpus", {"a.txt": GOOD, **case.files})
    articles, messages = load(folder)
    report = load_report(articles)
    assert len(articles) == case.loaded
    assert articles["article_id"].iloc[0] == "a"
    if case.text is not None:
        assert articles.set_index("article_id").at["b", "raw_text"] == case.text
    skipped = list(report.skipped["reason"])
    assert skipped == ([case.skipped] if case.skipped else [])
    assert list(report.decoded["encoding"]) == ([case.decoded] if case.decoded else [])
    notes = list(report.notes["note"])
    if case.note:
        assert len(notes) == 1 and notes[0].startswith(case.note)
        assert list(report.notes["article_id"]) == ["b"]
    else:
        assert notes == []
    # every skip, decoding and note is also announced
    assert bool(messages) == bool(case.skipped or case.decoded or case.note)
    result = analyze_all(articles)
    for table in ("sentences", "quotes", "markers"):
        frame = getattr(result, table)
        texts = articles.set_index("article_id")["text"]
        for row in frame.itertuples():
            assert 0 <= row.start <= row.end <= len(texts[row.article_id])


def test_bad_input_bidi_controls_stay_inside_their_article(tmp_path: Path) -> None:
    """An unterminated RIGHT-TO-LEFT OVERRIDE is kept in the text, noted, and still scored."""
    text = f"\u202e{RUDAW[0]}"
    folder = write_folder(tmp_path, {"a.txt": GOOD, "b.txt": front("WION", text)})
    articles, _ = load(folder)
    result = analyze_all(articles)
    assert result.sentences is not None
    assert list(result.sentences["article_id"]).count("b") == 1


# --- 1. the matrix: CSV --------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, sep: str = ",") -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=sep)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_bad_input_csv_missing_text_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ["article_id", "outlet", "body"], [["1", "A", BODY]])
    with pytest.raises(CorpusError) as err:
        load_corpus(path)
    message = str(err.value)
    assert message.startswith(f"{path} (header, line 1): no column 'text'")
    assert "the columns are: article_id, outlet, body" in message
    assert "text_col=" in message


def test_bad_input_csv_extra_columns_are_carried(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        ["article_id", "outlet", "text", "url", "scraped_by"],
        [["1", "Xinhua", BODY, "http://x/1", "bot"], ["2", "Rudaw", OTHER, "", "bot"]],
    )
    articles, messages = load(path)
    assert messages == []
    assert articles["url"].iloc[0] == "http://x/1" and pd.isna(articles["url"].iloc[1])
    assert list(articles["scraped_by"]) == ["bot", "bot"]
    analyze_all(articles)


def test_bad_input_csv_quoted_newlines_keep_line_numbers(tmp_path: Path) -> None:
    multi = f"{XINHUA[0]}\n\n{XINHUA[1]}\r\n{XINHUA[2]}"
    path = write_csv(
        tmp_path / "a.csv",
        ["article_id", "outlet", "text"],
        [["1", "Xinhua", multi], ["1", "Rudaw", OTHER], ["3", "Rudaw", OTHER]],
    )
    articles, _ = load(path)
    assert list(articles["article_id"]) == ["1", "3"]
    assert articles["raw_text"].iloc[0] == multi.replace("\r\n", "\n")
    skipped = load_report(articles).skipped
    assert list(skipped["line"]) == [6]  # the duplicate starts on line 6 of the file
    assert skipped["reason"].iloc[0] == f"duplicate article_id (first seen at {path}, line 2)"
    analyze_all(articles)


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_bad_input_csv_other_delimiter_is_detected(tmp_path: Path, sep: str) -> None:
    path = write_csv(
        tmp_path / "a.csv",
        ["article_id", "outlet", "text"],
        [["1", "Xinhua", BODY], ["2", "Rudaw", OTHER]],
        sep=sep,
    )
    articles, messages = load(path)
    assert list(articles["text"]) == [BODY, OTHER]
    notes = load_report(articles).notes
    assert list(notes["note"]) == [f"the header has no ',': read with delimiter {sep!r}"]
    assert any("with a note" in m for m in messages)
    analyze_all(articles)


@pytest.mark.parametrize(
    ("encoding", "decoded"), [("utf-16", ["utf-16"]), ("utf-8-sig", []), ("cp1252", ["cp1252"])]
)
def test_bad_input_csv_encodings(tmp_path: Path, encoding: str, decoded: list[str]) -> None:
    text = "Al-Kadhimi\u2019s \u201ccaf\u00e9\u201d. " + XINHUA[5]
    content = f'article_id,outlet,text\r\n1,Xinhua,"{text}"\r\n2,Rudaw,"{OTHER}"\r\n'
    path = tmp_path / "a.csv"
    path.write_bytes(content.encode(encoding))
    articles, _ = load(path)
    assert list(articles["text"]) == [text, OTHER]
    assert sorted(set(load_report(articles).decoded["encoding"])) == decoded
    analyze_all(articles)


def test_bad_input_csv_lone_cr_and_nul(tmp_path: Path) -> None:
    content = f'article_id,outlet,text\r1,Xinhua,"{XINHUA[5]}\x00"\r2,Rudaw,"{RUDAW[0]}"\r'
    path = tmp_path / "a.csv"
    path.write_bytes(content.encode("utf-8"))
    articles, _ = load(path)
    assert list(articles["text"]) == [XINHUA[5], RUDAW[0]]
    notes = load_report(articles).notes
    assert list(notes["line"]) == [2]
    assert notes["note"].iloc[0].startswith("removed control characters (1 x U+0000)")
    analyze_all(articles)


def test_bad_input_csv_ragged_row(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'article_id,outlet,text\n1,Xinhua,"{BODY}"\n2,Rudaw\n3,Rudaw,"{OTHER}"\n')
    with pytest.raises(CorpusError, match=r"a\.csv, line 3: malformed CSV: expected 3 fields"):
        load_corpus(path, bad_lines="error")
    articles, _ = load(path)
    assert list(articles["article_id"]) == ["1", "3"]
    assert list(load_report(articles).skipped["line"]) == [3]


# --- 1. the matrix: JSONL ------------------------------------------------------------------------


def jsonl_lines(n: int) -> list[str]:
    outlets = ["Xinhua", "Rudaw"]
    return [
        json.dumps({"article_id": str(i), "outlet": outlets[i % 2], "text": XINHUA[i % 17]})
        for i in range(1, n + 1)
    ]


def test_bad_input_jsonl_malformed_line(tmp_path: Path) -> None:
    lines = jsonl_lines(4)
    lines[1] = lines[1][:-5]  # line 2 cut short
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles, messages = load(path)  # by default: listed, warned about, the rest kept
    assert list(articles["article_id"]) == ["1", "3", "4"]
    skipped = load_report(articles).skipped
    assert list(skipped["line"]) == [2]
    assert skipped["reason"].iloc[0].startswith("malformed JSON: ")
    assert any(f"first: {path}, line 2: malformed JSON" in m for m in messages)
    analyze_all(articles)
    with pytest.raises(CorpusError) as err:
        load_corpus(path, bad_lines="error")
    assert str(err.value).startswith(f"{path}, line 2: malformed JSON: ")
    assert "bad_lines='error'" in str(err.value)


def test_bad_input_jsonl_non_object_line_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([jsonl_lines(1)[0], '["a list"]', "null"]) + "\n")
    articles, _ = load(path)
    skipped = load_report(articles).skipped
    assert list(skipped["line"]) == [2, 3]
    assert list(skipped["reason"]) == [
        "expected a JSON object, found list",
        "expected a JSON object, found NoneType",
    ]


def test_bad_input_jsonl_escapes_controls_and_surrogates(tmp_path: Path) -> None:
    """A raw tab inside a string, a NUL escape and a lone surrogate escape all load."""
    path = tmp_path / "a.jsonl"
    line = (
        '{"article_id": "1", "outlet": "Xinhua\\ud800", "text": "Biden\\u0000 said\tso \\udc00."}'
    )
    path.write_text(line + "\n" + jsonl_lines(2)[1] + "\n")
    articles, _ = load(path)
    assert list(articles["text"]) == ["Biden said\tso \ufffd.", XINHUA[2]]
    assert articles["outlet"].iloc[0] == "Xinhua\ufffd"
    note = load_report(articles).notes["note"].iloc[0]
    assert note.startswith("removed control characters (1 x U+0000, 1 x lone surrogate")
    analyze_all(articles)


def test_bad_input_truncated_gz(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(jsonl_lines(2000)) + "\n").encode(), mtime=0)
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorpusError) as err:
        load_corpus(path, bad_lines="error")
    assert "the file ends early after line" in str(err.value)
    assert "probably truncated" in str(err.value)
    articles, _ = load(path)
    skipped = load_report(articles).skipped
    assert 0 < len(articles) < 2000
    assert list(articles["article_id"]) == [str(i) for i in range(1, len(articles) + 1)]
    assert skipped["reason"].iloc[-1].startswith(f"the file ends early after line {len(articles)}")
    analyze_all(articles)


def test_bad_input_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_text("\n".join(jsonl_lines(2)))
    with pytest.raises(CorpusError, match=r"a\.jsonl\.gz: cannot read it \(Not a gzipped file"):
        load_corpus(path)


# --- 1. the matrix: records and outlets ----------------------------------------------------------


def frame(rows: list[tuple[Any, Any, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "outlet", "text"])


def test_bad_input_duplicate_ids_and_missing_outlets() -> None:
    table = frame(
        [
            ("x1", "Xinhua", BODY),
            ("x1", "Xinhua", OTHER),
            ("x2", None, OTHER),
            ("x3", "  ", OTHER),
            ("r1", "Rudaw", OTHER),
        ]
    )
    articles, messages = load(table)
    assert list(articles["article_id"]) == ["x1", "r1"]
    skipped = load_report(articles).skipped
    assert list(skipped["line"]) == [2, 3, 4]
    assert list(skipped["reason"]) == [
        "duplicate article_id (first seen at DataFrame, line 1)",
        "empty 'outlet'",
        "empty 'outlet'",
    ]
    assert messages[0].startswith("load_corpus skipped 3 record(s)")
    analyze_all(articles)


def test_bad_input_outlet_with_one_article() -> None:
    articles, _ = load(
        frame([("x1", "Xinhua", BODY), ("x2", "Xinhua", XINHUA[5]), ("r1", "Rudaw", OTHER)])
    )
    result = analyze_all(articles)
    assert result.comparison is not None
    assert list(result.comparison["articles"]) == [2, 1]
    terms = framing.word_choice(articles)
    assert set(terms["outlet"]) == {"Xinhua", "Rudaw"}


def test_bad_input_one_outlet_says_why_it_cannot_compare() -> None:
    articles, _ = load(frame([("x1", "Xinhua", BODY), ("x2", "Xinhua", XINHUA[5])]))
    why = r"word choice compares groups, and there is only one \('Xinhua'\)"
    with pytest.warns(UserWarning, match=why):
        terms = framing.word_choice(articles)
    assert terms.empty
    with pytest.warns(UserWarning, match=why):
        result = framing.analyze(articles, progress=False)
    assert result.terms is not None and result.terms.empty
    with pytest.warns(UserWarning, match=why):
        table = framing.compare(articles, progress=False)
    assert list(table["outlet"]) == ["Xinhua"]


def test_bad_input_empty_corpus(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    articles, messages = load(tmp_path / "corpus")
    assert articles.empty
    assert messages == [
        f"load_corpus found no articles in {tmp_path / 'corpus'}: the table is empty"
    ]
    result = framing.analyze(articles, progress=False)
    assert all(table.empty for table in result.tables.values())
    assert framing.compare(articles, progress=False).empty


@pytest.mark.parametrize("content", ["", "article_id,outlet,text\n"], ids=["no header", "header"])
def test_bad_input_empty_csv(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(content)
    articles, messages = load(path)
    assert articles.empty
    assert messages == [f"load_corpus found no articles in {path}: the table is empty"]
    framing.analyze(articles, progress=False)


# --- 1. the matrix: big inputs -------------------------------------------------------------------


def cpu(fn: Callable[[], Any]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def test_bad_input_50_mb_article_loads(tmp_path: Path) -> None:
    """Full size through load_corpus (a few seconds), with a note; analysis: see below."""
    sentence = XINHUA[12] + " "
    body = sentence * (50 * 2**20 // len(sentence))
    (tmp_path / "big.txt").write_text(front("Xinhua", body))
    articles, _ = load(tmp_path)
    assert len(articles["text"].iloc[0]) == len(body)
    notes = list(load_report(articles).notes["note"])
    assert notes == [
        f"very long article ({len(body):,} characters): is it several articles in one file? "
        "It is analysed as one (time grows linearly with length)"
    ]


def _single_line(n_chars: int, *, punctuated: bool) -> str:
    sentences = [re.sub(r"[.!?\u2026]", "", s) if not punctuated else s for s in XINHUA]
    out = []
    size = 0
    for s in itertools.cycle(sentences):
        out.append(s)
        size += len(s) + 1
        if size >= n_chars:
            return " ".join(out)
    raise AssertionError  # pragma: no cover


def _analysis_cpu(text: str) -> float:
    table = frame([("a", "Xinhua", text), ("b", "Rudaw", OTHER)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cpu(lambda: framing.analyze(table, progress=False))


def test_bad_input_long_line_analysis_is_linear() -> None:
    """A line over 1 MB (and the 50 MB article, by extension): 4x the text, < 7x the time.

    Quadratic work would take 16x. Measured in CPU seconds (the machine is shared).
    """
    _analysis_cpu(XINHUA[0])  # warm the lexicons
    small = _analysis_cpu(_single_line(2**18, punctuated=True))
    big = _analysis_cpu(_single_line(2**20 + 1, punctuated=True))
    assert big < 7 * small, (small, big)


def test_bad_input_unpunctuated_text_is_linear_and_noted(tmp_path: Path) -> None:
    """10,000 sentences without punctuation: shown linear on 500 and 2,000 sentences."""
    one = _single_line(150_000, punctuated=False)
    path = write_folder(tmp_path, {"a.txt": front("Xinhua", one), "b.txt": front("Rudaw", OTHER)})
    articles, _ = load(path)
    note = load_report(articles).notes["note"].iloc[0]
    assert note == (
        f"{len(one):,} characters without a sentence end (. ! ? or a line break): "
        f"sentences are cut every {MAX_SENTENCE_CHARS:,} characters or so"
    )
    sentences = [re.sub(r"[.!?\u2026]", "", s) for s in XINHUA]
    text = {n: " ".join(itertools.islice(itertools.cycle(sentences), n)) for n in (500, 2000)}
    _analysis_cpu(XINHUA[0])
    small, big = _analysis_cpu(text[500]), _analysis_cpu(text[2000])
    assert big < 7 * small, (small, big)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("FRAMING_SLOW_TESTS"), reason="about 10 s; set FRAMING_SLOW_TESTS=1"
)
def test_bad_input_unpunctuated_10000_sentences() -> None:
    sentences = [re.sub(r"[.!?\u2026]", "", s) for s in XINHUA]
    text = " ".join(itertools.islice(itertools.cycle(sentences), 10_000))
    articles, _ = load(frame([("a", "Xinhua", text), ("b", "Rudaw", OTHER)]))
    result = analyze_all(articles)
    assert result.articles["n_sentences"].iloc[0] == pytest.approx(len(text) / 2800, rel=0.1)


# --- 2. nothing lost -----------------------------------------------------------------------------

N_IN = 12  # records per source below; ids 3 and 7 are broken on purpose


def _records() -> list[dict[str, str]]:
    rows = [
        {"article_id": f"n{i}", "outlet": ["Xinhua", "Rudaw", "WION"][i % 3], "text": XINHUA[i]}
        for i in range(N_IN)
    ]
    rows[3]["text"] = "   "  # empty text
    rows[7]["article_id"] = "n6"  # duplicate id
    return rows


def _write_source(kind: str, folder: Path) -> Path:
    rows = _records()
    if kind == "csv":
        return write_csv(folder / "a.csv", list(rows[0]), [list(r.values()) for r in rows])
    if kind in ("jsonl", "jsonl.gz"):
        data = "".join(json.dumps(r) + "\n" for r in rows).encode()
        path = folder / f"a.{kind}"
        path.write_bytes(gzip.compress(data) if kind.endswith("gz") else data)
        return path
    corpus = folder / "corpus"  # folder with metadata: one file missing, one not listed
    corpus.mkdir()
    meta = []
    for i, r in enumerate(rows):
        name = f"{i:02d}.txt"
        if i != 5:
            (corpus / name).write_text(r["text"])
        meta.append([r["article_id"], r["outlet"], name])
    (corpus / "extra.txt").write_text(BODY)
    write_csv(corpus / "metadata.csv", ["article_id", "outlet", "file"], meta)
    return corpus


@pytest.mark.parametrize("kind", ["folder", "csv", "jsonl", "jsonl.gz", "dataframe"])
@pytest.mark.parametrize("chunksize", [None, 5])
def test_bad_input_nothing_lost_when_loading(
    tmp_path: Path, kind: str, chunksize: int | None
) -> None:
    source: Any = pd.DataFrame(_records()) if kind == "dataframe" else _write_source(kind, tmp_path)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        if chunksize is None:
            tables = [load_corpus(source)]
        else:
            tables = list(load_corpus(source, chunksize=chunksize))
    articles = pd.concat(tables, ignore_index=True)
    skipped = pd.concat([load_report(t).skipped for t in tables], ignore_index=True)
    expected_in = N_IN + (1 if kind == "folder" else 0)  # the unlisted extra.txt
    assert len(articles) + len(skipped) == expected_in
    reasons = sorted(skipped["reason"].str.split(" \\(").str[0])
    expected = ["duplicate article_id", "empty file" if kind == "folder" else "empty text"]
    if kind == "folder":
        expected = sorted(
            [*expected, "file '05.txt' not found in " + str(source), "not listed in metadata.csv"]
        )
    assert reasons == expected
    assert articles["article_id"].is_unique
    # the input files are never modified
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in files} == before
    result = framing.analyze(tables, progress=False) if chunksize else analyze_all(articles)
    assert list(result.articles["article_id"]) == list(articles["article_id"])


def test_bad_input_nothing_lost_when_an_analysis_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    markers_module = importlib.import_module("framing.markers")
    real = markers_module.marker_rows

    def flaky(doc: Any, **options: Any) -> Any:
        if doc.article_id == "r1":
            raise ValueError("boom")
        return real(doc, **options)

    monkeypatch.setattr(markers_module, "marker_rows", flaky)
    articles = frame([("x1", "Xinhua", BODY), ("r1", "Rudaw", OTHER), ("x2", "Xinhua", XINHUA[5])])
    with pytest.warns(RuntimeWarning, match="analyses failed on 1 articles"):
        result = framing.analyze(articles, on_error="skip", progress=False)
    assert list(result.articles["article_id"]) == ["x1", "r1", "x2"]
    assert result.errors is not None
    assert result.errors.to_dict("records") == [
        {"article_id": "r1", "outlet": "Rudaw", "analysis": "markers", "error": "ValueError: boom"}
    ]
    assert result.sentiment is not None and "r1" in set(result.sentiment["article_id"])


# --- 7. untrusted paths --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "../outside.txt", "/etc/passwd", "sub/../../outside.txt"],
)
def test_bad_input_metadata_cannot_name_files_outside_the_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / "outside.txt").write_text(BODY)
    corpus = write_folder(tmp_path / "corpus", {"a.txt": BODY})
    write_csv(
        corpus / "metadata.csv",
        ["article_id", "outlet", "file"],
        [["a", "X", "a.txt"], ["b", "Y", name]],
    )
    with pytest.raises(CorpusError) as err:
        load_corpus(corpus)
    message = str(err.value)
    assert message.startswith(f"{corpus / 'metadata.csv'}, line 3: ")
    assert f"outside the corpus folder {corpus.resolve()}" in message
    assert "copy the file into it" in message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
@pytest.mark.parametrize("with_metadata", [True, False])
def test_bad_input_symlink_pointing_out_is_refused(tmp_path: Path, with_metadata: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(front("Leak", BODY))
    corpus = write_folder(tmp_path / "corpus", {"a.txt": GOOD})
    (corpus / "b.txt").symlink_to(secret)
    (corpus / "c.txt").symlink_to(corpus / "a.txt")  # a link inside the folder is fine
    if with_metadata:
        write_csv(
            corpus / "metadata.csv",
            ["article_id", "outlet", "file"],
            [["a", "X", "a.txt"], ["b", "Y", "b.txt"]],
        )
    with pytest.raises(CorpusError, match=r"'b\.txt' is a symbolic link to .*secret\.txt, outside"):
        load_corpus(corpus)
