"""framing.corpus: load_corpus from folders, CSV, JSONL and DataFrames; validation and audit."""

from __future__ import annotations

import gzip
import hashlib
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus import (
    ARTICLE_COLUMNS,
    CorpusError,
    CorpusWarning,
    LoadReport,
    load_corpus,
    load_report,
)

OUTLETS = ["Xinhua", "WION", "Rudaw", "China Daily", "USA Today"]
IDS = ["xinhua", "wion", "rudaw", "chinadaily", "usatoday"]
CAPTURE_SHA256 = {
    "000_c936272a614ca7a2.txt": "ca909630b9d685d4a77a8948139989dabbf02970f208026d42f0316e434bcffb",
    "001_70f2c1d17fadd3be.txt": "91ef6d560a4d8944c144262e5bd7d771bd4685915a1d8ef7acdaccdc4cd27f42",
    "002_25aa02f157537d21.txt": "02a32e09de393a41fb16291ce1d4c8bfaf6bc295729e78cdfa2070667aa30e27",
    "003_3592a57944689d53.txt": "53672f77e9a9169f9aec486d97e64985c701690a0e231ce00834dea2a1499dfa",
    "004_1693ef6cb5db2b3d.txt": "4ffde837f3f619ec0a784e4922ed30807edfa190fdb25b8deee8155f25fa27a8",
}
SENTENCE = "Kadhimi is seen as friendly to the US."
SENTENCE_2 = "Iran has denied involvement."


@pytest.fixture(scope="module")
def story(story_dir: Path) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)  # the bundled story loads cleanly
        return load_corpus(story_dir)


# --- the bundled story ------------------------------------------------------------------------


def test_corpus_bundled_story_has_five_outlets(story: pd.DataFrame) -> None:
    assert len(story) == 5
    assert list(story["outlet"]) == OUTLETS
    assert list(story["article_id"]) == IDS


def test_corpus_bundled_story_columns(story: pd.DataFrame) -> None:
    assert list(story.columns) == [
        *ARTICLE_COLUMNS,
        "file",
        "country",
        "outlet_type",
        "event",
        "event_date",
        "published",
        "url",
        "site",
        "provenance",
    ]
    assert story["article_id"].is_unique
    assert set(story["event_date"]) == {"2021-07-26"}
    assert story["published"].isna().all()


@pytest.mark.parametrize(
    ("article_id", "title"),
    [
        ("xinhua", ""),
        ("wion", ""),
        ("rudaw", "Biden: US combat mission in Iraq will be over by end of year"),
        ("chinadaily", "US combat mission in Iraq to conclude this year"),
        ("usatoday", "US to end combat mission in Iraq by end of year, Biden announces in meeting"),
    ],
)
def test_corpus_bundled_titles_come_from_the_captures(
    story: pd.DataFrame, story_dir: Path, article_id: str, title: str
) -> None:
    row = story.set_index("article_id").loc[article_id]
    assert row["title"] == title
    if title:
        assert title in (story_dir / row["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "digest"), sorted(CAPTURE_SHA256.items()))
def test_corpus_bundled_captures_unchanged(story_dir: Path, name: str, digest: str) -> None:
    assert hashlib.sha256((story_dir / name).read_bytes()).hexdigest() == digest


def test_corpus_bundled_raw_text_is_the_capture(story: pd.DataFrame, story_dir: Path) -> None:
    for name, raw in zip(story["file"], story["raw_text"], strict=True):
        assert raw == (story_dir / name).read_text(encoding="utf-8")


def test_corpus_bundled_report(story: pd.DataFrame) -> None:
    report = load_report(story)
    assert report.skipped.empty
    assert report.decoded.empty
    removed = report.removed
    assert list(removed.columns) == ["article_id", "rule", "start", "end", "removed", "reason"]
    assert removed.groupby("article_id").size().to_dict() == {
        "chinadaily": 3,
        "rudaw": 1,
        "usatoday": 9,
        "wion": 4,
    }
    raw = story.set_index("article_id")["raw_text"]
    for row in removed.itertuples():
        assert raw[row.article_id][row.start : row.end] == row.removed


def test_corpus_bundled_summary_column(story: pd.DataFrame) -> None:
    summary = story.set_index("article_id")["summary"]
    assert summary["usatoday"].split("\n")[2] == "The U.S. has about 2,500 troops in Iraq."
    assert (summary.drop("usatoday") == "").all()


# --- tabular sources -----------------------------------------------------------------------------


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    lines = "".join(json.dumps(r) + "\n" for r in rows)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(lines)
    else:
        path.write_text(lines, encoding="utf-8")
    return path


ABP_ROWS = [  # shaped like a news export whose fields have other names than ours
    {"ID": "a1", "source": "Rudaw", "title": "T1", "body": SENTENCE, "bias": 1},
    {"ID": "a2", "source": "Xinhua", "title": "T2", "body": SENTENCE_2, "bias": 0},
]


@pytest.mark.parametrize("name", ["articles.jsonl", "articles.jsonl.gz", "articles.ndjson"])
def test_corpus_jsonl_with_column_mapping(tmp_path: Path, name: str) -> None:
    path = _write_jsonl(tmp_path / name, ABP_ROWS)
    articles = load_corpus(
        path, text_col="body", id_col="ID", outlet_col="source", title_col="title"
    )
    assert list(articles.columns) == [*ARTICLE_COLUMNS, "bias"]
    assert articles.to_dict("records")[0] == {
        "article_id": "a1",
        "outlet": "Rudaw",
        "text": SENTENCE,
        "raw_text": SENTENCE,
        "title": "T1",
        "summary": "",
        "bias": 1,
    }


def test_corpus_json_array(tmp_path: Path) -> None:
    path = tmp_path / "articles.json"
    path.write_text(json.dumps(ABP_ROWS), encoding="utf-8")
    articles = load_corpus(path, text_col="body", id_col="ID", outlet_col="source")
    assert list(articles["article_id"]) == ["a1", "a2"]


def test_corpus_csv_with_bom_and_carried_columns(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    frame = pd.DataFrame(
        {"article_id": ["x", "y"], "outlet": ["Rudaw", "WION"], "text": [SENTENCE, SENTENCE_2]}
    )
    frame["published"] = ["2021-07-26", ""]
    path.write_bytes(frame.to_csv(index=False).encode("utf-8-sig"))
    articles = load_corpus(path)
    assert list(articles.columns) == [*ARTICLE_COLUMNS, "published"]
    assert list(articles["published"].fillna("NA")) == ["2021-07-26", "NA"]


def test_corpus_csv_multiline_text_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_bytes(
        b'article_id,outlet,text\r\nx,Rudaw,"' + SENTENCE.encode() + b"\r\n\r\n- Advertisement -"
        b"\r\n" + SENTENCE_2.encode() + b'"\r\n'
    )
    articles = load_corpus(path)
    assert articles.loc[0, "text"] == f"{SENTENCE}\n\n{SENTENCE_2}"
    assert load_report(articles).removed["rule"].tolist() == ["advertisement"]


def test_corpus_tsv(tmp_path: Path) -> None:
    path = tmp_path / "articles.tsv"
    path.write_text(f"article_id\toutlet\ttext\nx\tRudaw\t{SENTENCE}\n", encoding="utf-8")
    assert load_corpus(path).loc[0, "text"] == SENTENCE


def test_corpus_dataframe_source_and_numbered_ids() -> None:
    frame = pd.DataFrame({"source": ["Rudaw", "WION"], "body": [SENTENCE, SENTENCE_2]})
    articles = load_corpus(frame, text_col="body", outlet_col="source", id_col=None)
    assert list(articles["article_id"]) == ["1", "2"]
    assert list(articles.columns) == list(ARTICLE_COLUMNS)


def test_corpus_clean_false_keeps_raw_text(story_dir: Path) -> None:
    articles = load_corpus(story_dir, clean=False)
    assert (articles["text"] == articles["raw_text"]).all()
    assert load_report(articles).removed.empty


# --- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, r"no column 'text', 'article_id', 'outlet'; the columns are: ID, source, title, "),
        ({"text_col": "body", "id_col": "ID"}, r"no column 'outlet'"),
        (
            {
                "text_col": "body",
                "id_col": "ID",
                "outlet_col": "source",
                "title_col": "headline",
            },
            r"no column 'headline'",
        ),
    ],
)
def test_corpus_missing_column_names_it(
    tmp_path: Path, options: dict[str, str], message: str
) -> None:
    path = _write_jsonl(tmp_path / "a.jsonl", ABP_ROWS)
    with pytest.raises(CorpusError, match=message) as info:
        load_corpus(path, **options)  # type: ignore[arg-type]
    assert str(path) in str(info.value)


def test_corpus_missing_csv_column_names_file_and_header(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,outlet,body\n1,Rudaw,Hello.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_corpus(path)
    assert str(info.value).startswith(
        f"{path} (header, line 1): no column 'text', 'article_id'; "
        "the columns are: id, outlet, body."
    )


def test_corpus_duplicates_and_empty_texts_are_skipped_and_reported(tmp_path: Path) -> None:
    rows = [
        {"article_id": "a", "outlet": "Rudaw", "text": SENTENCE},
        {"article_id": "b", "outlet": "WION", "text": "   "},
        {"article_id": "a", "outlet": "WION", "text": SENTENCE_2},
        {"article_id": "c", "outlet": "", "text": SENTENCE_2},
        {"article_id": "d", "outlet": "WION", "text": "- Advertisement -\n\nRead More: x"},
        {"article_id": "e", "outlet": "WION"},
        {"article_id": "f", "outlet": "WION", "text": SENTENCE_2},
    ]
    path = _write_jsonl(tmp_path / "a.jsonl", rows)
    with pytest.warns(CorpusWarning, match=r"skipped 5 record\(s\)") as caught:
        articles = load_corpus(path)
    assert "articles.attrs['load_report'].skipped" in str(caught[0].message)
    assert list(articles["article_id"]) == ["a", "f"]
    skipped = load_report(articles).skipped
    assert skipped[["line", "article_id", "reason"]].astype(object).values.tolist() == [
        [2, "b", "empty text"],
        [3, "a", f"duplicate article_id (first seen at {path}, line 1)"],
        [4, "c", "empty 'outlet'"],
        [5, "d", "no text left after cleaning (every line matched a boilerplate rule)"],
        [6, "e", "no 'text' field"],
    ]
    assert set(skipped["source"]) == {str(path)}


def test_corpus_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps({"article_id": "a", "outlet": "Rudaw", "text": SENTENCE})
    path.write_text(f"{good}\n\n{{'article_id': 'b'}}\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{path}, line 3: malformed JSON"):
        load_corpus(path, bad_lines="error")
    with pytest.warns(CorpusWarning, match=r"line 3: malformed JSON"):
        articles = load_corpus(path)
    assert load_report(articles).skipped["line"].tolist() == [3]


def test_corpus_malformed_csv_record_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"article_id,outlet,text\na,Rudaw,{SENTENCE}\nb,WION\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{path}, line 3: malformed CSV: expected 3 fields"):
        load_corpus(path, bad_lines="error")


def test_corpus_cp1252_fallback_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(
        b"article_id,outlet,text\n"
        b"a,Rudaw,Kadhimi is seen as friendly to the US.\n"
        b'b,WION,"\x93Iraq still needs the coalition,\x94 Dizayee said."\n'
    )
    with pytest.warns(CorpusWarning, match="decoded as cp1252"):
        articles = load_corpus(path)
    assert articles.loc[1, "text"] == "“Iraq still needs the coalition,” Dizayee said."
    decoded = load_report(articles).decoded
    assert decoded.astype(object).values.tolist() == [[str(path), 3, "cp1252"]]


def test_corpus_forced_encoding_has_no_fallback(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"article_id,outlet,text\nb,WION,\x93Quoted\x94 text.\n")
    with pytest.raises(CorpusError, match=rf"{path}, line 2: not valid utf-8"):
        load_corpus(path, encoding="utf-8")
    assert load_corpus(path, encoding="cp1252").loc[0, "text"] == "“Quoted” text."


def test_corpus_unknown_format(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_text("<a/>", encoding="utf-8")
    with pytest.raises(CorpusError, match="cannot tell the format"):
        load_corpus(path)


def test_corpus_missing_source() -> None:
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus("no/such/folder")


# --- folders -------------------------------------------------------------------------------------


def test_corpus_folder_with_front_matter(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(
        f'---\noutlet: Rudaw\ntitle: "A headline"\npublished: 2021-07-26\n---\n{SENTENCE}\n',
        encoding="utf-8",
    )
    (tmp_path / "two.txt").write_text(f"---\noutlet: WION\n---\n{SENTENCE_2}", encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="README"):
        articles = load_corpus(tmp_path)
    assert articles[["article_id", "outlet", "title", "text"]].values.tolist() == [
        ["one", "Rudaw", "A headline", SENTENCE],
        ["two", "WION", "", SENTENCE_2],
    ]
    assert articles.loc[0, "raw_text"] == SENTENCE + "\n"


def test_corpus_folder_metadata_mismatches_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "stray.txt").write_text(SENTENCE_2, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "article_id,file,outlet\nA,a.txt,Rudaw\nB,missing.txt,WION\n", encoding="utf-8"
    )
    with pytest.warns(CorpusWarning, match="skipped 2 record"):
        articles = load_corpus(tmp_path)
    assert list(articles["article_id"]) == ["A"]
    skipped = load_report(articles).skipped
    assert skipped["reason"].tolist() == [
        f"file 'missing.txt' not found in {tmp_path}",
        "not listed in metadata.csv",
    ]
    assert skipped["line"].tolist()[0] == 3


def test_corpus_folder_metadata_by_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    meta = pd.DataFrame({"article_id": ["a"], "outlet": ["Rudaw"]})
    articles = load_corpus(tmp_path, metadata=meta)
    assert articles[["article_id", "outlet", "text"]].values.tolist() == [["a", "Rudaw", SENTENCE]]


def test_corpus_folder_cp1252_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"---\noutlet: Rudaw\n---\nIraq\x92s leaders met.")
    with pytest.warns(CorpusWarning, match="decoded as cp1252"):
        articles = load_corpus(tmp_path)
    assert articles.loc[0, "text"] == "Iraq’s leaders met."


# --- chunks and the report -----------------------------------------------------------------------


def test_corpus_chunks_keep_ids_unique_across_chunks(tmp_path: Path) -> None:
    rows = [{"article_id": str(i % 5), "outlet": "WION", "text": SENTENCE} for i in range(7)]
    path = _write_jsonl(tmp_path / "a.jsonl", rows)
    with pytest.warns(CorpusWarning, match="duplicate"):
        chunks = list(load_corpus(path, chunksize=3))
    assert [len(c) for c in chunks] == [3, 2, 0]
    assert [list(c.index) for c in chunks] == [[0, 1, 2], [3, 4], []]
    assert load_report(chunks[1]).skipped["reason"].tolist() == [
        f"duplicate article_id (first seen at {path}, line 1)"
    ]
    assert list(load_report(chunks[2]).skipped["line"]) == [7]
    assert list(chunks[2].columns)[:6] == list(ARTICLE_COLUMNS)


def test_corpus_chunks_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    body = "".join(f"{i},WION,{SENTENCE}\n" for i in range(5))
    path.write_text("article_id,outlet,text\n" + body, encoding="utf-8")
    sizes = [len(c) for c in load_corpus(path, chunksize=2)]
    assert sizes == [2, 2, 1]


def test_corpus_report_survives_concat_and_parquet(story: pd.DataFrame, tmp_path: Path) -> None:
    both = pd.concat([story, story.head(2)])  # different reports: pandas drops attrs, no error
    assert len(both) == 7
    story[["article_id", "outlet"]].merge(story[["article_id", "title"]], on="article_id")
    story.to_parquet(tmp_path / "story.parquet")
    back = pd.read_parquet(tmp_path / "story.parquet")
    assert len(load_report(back).removed) == 17


def test_corpus_load_report_missing() -> None:
    with pytest.raises(KeyError, match="no load report"):
        load_report(pd.DataFrame())


def test_corpus_load_report_empty_tables() -> None:
    report = LoadReport()
    assert list(report.skipped.columns) == ["source", "line", "article_id", "reason"]
    assert str(report.removed["start"].dtype) == "Int64"


# --- a real export -------------------------------------------------------------------------------


def test_corpus_reads_article_bias_prediction_export(allsides) -> None:
    with gzip.open(allsides.path, "rt", encoding="utf-8") as f:
        fields = list(json.loads(f.readline()))
    mapped = set(allsides.columns.values())
    first = allsides(300)
    assert len(first) == 300
    # the contract columns first, then every other field of the export, in the file's order
    assert list(first.columns) == [
        *ARTICLE_COLUMNS,
        *(f for f in fields if f not in mapped),
        "label",
    ]
    assert load_report(first).skipped.empty
    assert first["article_id"].is_unique
    assert (first["text"].str.len() > 0).all()
