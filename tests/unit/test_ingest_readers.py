"""Readers: each format, its metadata, and bad input reported instead of raised."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from marsad.ingest.readers import (
    MB,
    RawRecord,
    ReadFailure,
    ReadOptions,
    Skipped,
    expand_paths,
    normalise_date,
    read_file,
    read_paths,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def records(items: list) -> list[RawRecord]:
    return [i for i in items if isinstance(i, RawRecord)]


def failures(items: list) -> list[ReadFailure]:
    return [i for i in items if isinstance(i, ReadFailure)]


def test_ant_file_with_two_documents() -> None:
    items = list(read_file(FIXTURES / "ant_two_docs.txt"))
    recs = records(items)
    assert [r.title for r in recs] == ["وزير الخارجية يزور طرابلس", "ارتفاع أسعار النفط"]
    first = recs[0]
    assert first.source == "example" and first.url == "https://example.org/ar/1"
    assert first.published == "2018-03-01T10:30:00+02:00"
    assert first.byline == "مراسل" and first.meta["category"] == "politic"
    assert first.text.startswith("زار وزير الخارجية") and "<TEXT>" not in first.text
    assert recs[1].published == "2018-03-02T08:00:00+01:00"


def test_jsonl_fields_and_dates() -> None:
    recs = records(list(read_file(FIXTURES / "articles.jsonl")))
    assert [r.title for r in recs] == ["انتخابات بلدية في تونس", "مباراة في القاهرة"]
    assert recs[0].published == "2018-05-06T00:00:00" and recs[1].published == "2018-05-07T20:00:00"
    assert recs[1].text.startswith("فاز الفريق")


def test_csv_with_column_mapping() -> None:
    opts = ReadOptions(csv_text="body", csv_title="headline", csv_source="outlet", csv_published="when")
    recs = records(list(read_file(FIXTURES / "articles.csv", opts)))
    assert [(r.title, r.source, r.published) for r in recs] == [
        ("افتتاح معرض الكتاب", "csvsrc", "2018-03-10T00:00:00"), ("موسم الحج", "csvsrc", "2018-08-19T00:00:00")]
    bad = failures(list(read_file(FIXTURES / "articles.csv", ReadOptions(csv_text="nope"))))
    assert len(bad) == 1 and "nope" in bad[0].reason


def test_html_main_text_without_script() -> None:
    recs = records(list(read_file(FIXTURES / "page.html")))
    assert len(recs) == 1
    text = recs[0].text
    assert "افتتح مهرجان قرطاج" in text and "المسرح الأثري" in text
    assert "tracking" not in text and "إعلان مزعج" not in text and "color" not in text
    assert recs[0].title == "مهرجان قرطاج يفتتح دورته الجديدة"


def test_plain_text_title_rule() -> None:
    recs = records(list(read_file(FIXTURES / "plain.txt")))
    assert recs[0].title == "عاصفة رملية تضرب الجنوب"
    assert recs[0].text.strip().startswith("ضربت عاصفة")


def test_saudinewsnet_zip_layout(tmp_path: Path) -> None:
    rows = [{"source": "aawsat", "url": "http://x/1", "date_extracted": "2015-07-21 02:51:32",
             "title": "عنوان أول", "author": "لندن: كاتب", "content": "نص الخبر الأول."},
            {"source": "okaz", "url": "http://x/2", "date_extracted": "2015-07-21 03:00:00",
             "title": "عنوان ثان", "author": "", "content": ""}]
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("2015-07-21.json", json.dumps(rows, ensure_ascii=False))
    items = list(read_file(path))
    recs = records(items)
    assert [(r.source, r.title, r.published, r.byline) for r in recs] == [
        ("aawsat", "عنوان أول", "2015-07-21T02:51:32", "لندن: كاتب")]
    assert len(failures(items)) == 1 and "no article text" in failures(items)[0].reason


def test_bad_inputs_are_reported_one_by_one(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "cp1256.txt").write_bytes("عنوان قديم\n\nنص مكتوب بترميز ويندوز العربي.".encode("cp1256"))
    (tmp_path / "mixed.jsonl").write_text('{"text": "سطر سليم"}\n{"text": "مكسور\n[1, 2]\n', encoding="utf-8")
    items = list(read_paths([tmp_path]))
    reasons = {Path(f.origin.split(":")[0]).name: f.reason for f in failures(items)}
    assert set(reasons) == {"empty.txt", "blank.txt", "image.txt", "mixed.jsonl"}
    assert "binary" in reasons["image.txt"].lower()
    assert "empty" in reasons["empty.txt"].lower()
    mixed = [f.reason for f in failures(items) if "mixed.jsonl" in f.origin]
    assert len(mixed) == 2 and any("invalid JSON" in r for r in mixed) and any("object" in r for r in mixed)
    recs = records(items)
    assert sorted(r.text for r in recs) == sorted(["سطر سليم", "نص مكتوب بترميز ويندوز العربي."])
    assert [r.title for r in recs if r.title] == ["عنوان قديم"]


def test_too_large_single_document(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("خبر " * (3 * MB // 8), encoding="utf-8")
    [fail] = list(read_file(big, ReadOptions(max_doc_bytes=1 * MB)))
    assert isinstance(fail, ReadFailure) and "too large" in fail.reason


def test_paths_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("about the corpus", encoding="utf-8")
    (tmp_path / "SOURCE.txt").write_text("where it came from", encoding="utf-8")
    found = list(expand_paths([tmp_path, str(tmp_path / "*.txt"), tmp_path / "nope.txt", str(tmp_path / "*.zz")]))
    files = [p for p in found if isinstance(p, Path)]
    # a glob or an explicit name reads SOURCE.txt; the folder walk passes over it
    assert files == [tmp_path / "a.txt", sub / "b.jsonl", tmp_path / "SOURCE.txt"]
    assert sorted(Path(s.origin).name for s in found if isinstance(s, Skipped)) == ["README.md", "SOURCE.txt"]
    assert [f.reason for f in found if isinstance(f, ReadFailure)] == ["no such file or folder",
                                                                      "glob matched no files"]


@pytest.mark.parametrize("raw, expected", [
    ("Sun, 15 Jul 2018 21:56:56 +0400", "2018-07-15T21:56:56+04:00"),
    ("2017-01-26T08:31:00+01:00", "2017-01-26T08:31:00+01:00"),
    ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),
    ("yesterday-ish", None),
    ("", None),
])
def test_dates(raw: str, expected: str | None) -> None:
    assert normalise_date(raw) == expected


def test_real_corpora_read(shared_data: Path) -> None:
    ant = next((shared_data / "news" / "ant_multisource").rglob("AL-*.txt"))
    [rec] = list(read_file(ant))
    assert isinstance(rec, RawRecord) and rec.title and rec.published and rec.url
    zips = sorted((shared_data / "news" / "saudinewsnet").glob("*.zip"))
    first = next(iter(read_file(zips[0])))
    assert isinstance(first, RawRecord) and first.source and first.title
