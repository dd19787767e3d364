"""The ingest loop: counts, idempotence, bad input, worker processes, kill -9."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from ingest_support import FIXTURES, kill_mid_ingest_then_rerun, pipeline_failing_on_explosion, write_jsonl
from typer.testing import CliRunner

from marsad.ingest.readers import MB, ReadOptions
from marsad.ingest.runner import ingest
from marsad.store.base import open_store


def test_fixture_folder_ingests_with_layers(tmp_path: Path) -> None:
    store = open_store(tmp_path / "m.db")
    stats = ingest([FIXTURES], store, factory=pipeline_failing_on_explosion, report_path=tmp_path / "r.jsonl",
                   options=ReadOptions(csv_text="body", csv_title="headline"))
    # 2 ANT + 2 JSONL + 2 CSV + 1 HTML + 1 TXT
    assert (stats.read, stats.stored, stats.failed) == (8, 8, 0)
    assert store.count() == 8 and store.count("entities") == 1
    hit = store.search("الليبية طرابلس")[0]
    assert hit.title == "وزير الخارجية يزور طرابلس"
    again = ingest([FIXTURES], store, factory=pipeline_failing_on_explosion, options=ReadOptions(csv_text="body"))
    assert (again.read, again.stored, again.already_present) == (8, 0, 8)
    assert store.count() == 8
    summary = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert summary["summary"]["stored"] == 8


def test_bad_folder_reports_each_item_and_stores_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (bad / "win.txt").write_bytes("تقرير قديم\n\nكتب هذا الخبر بترميز ويندوز 1256 عن طرابلس.".encode("cp1256"))
    with (bad / "huge.txt").open("w", encoding="utf-8") as f:  # a 50 MB "article"
        chunk = "هذا نص طويل جدا يتكرر. " * 1000
        while f.tell() < 50 * MB:
            f.write(chunk)
    (bad / "lines.jsonl").write_text('{"title": "سليم", "text": "خبر سليم عن الأمطار"}\n{broken\n'
                                     '{"text": "الخبر انفجر أثناء التحليل"}\n', encoding="utf-8")
    (bad / "script.html").write_text("<html><head><script>" + "var a=1;" * 5000 + "</script></head>"
                                     "<body><script>alert('x')</script></body></html>", encoding="utf-8")
    (bad / "good.html").write_text((FIXTURES / "page.html").read_text(encoding="utf-8"), encoding="utf-8")
    report = tmp_path / "report.jsonl"
    store = open_store(tmp_path / "m.db")
    stats = ingest([bad], store, factory=pipeline_failing_on_explosion, report_path=report)
    lines = [json.loads(x) for x in report.read_text(encoding="utf-8").splitlines()]
    reasons = {Path(e["origin"].split(":")[0]).name: e["reason"] for e in lines if "reason" in e}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt", "lines.jsonl", "script.html"}
    assert "too large" in reasons["huge.txt"]
    assert "no main text" in reasons["script.html"]
    assert sum(1 for e in lines if "lines.jsonl" in e.get("origin", "")) == 2  # broken + refused
    assert any("refused انفجر" in e.get("reason", "") for e in lines)
    assert stats.stored == 3 and stats.failed == 6
    titles = {a.title for a in store.iter_articles()}
    assert titles == {"تقرير قديم", "سليم", "مهرجان قرطاج يفتتح دورته الجديدة"}
    assert store.search("ويندوز")[0].title == "تقرير قديم"


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    write_jsonl(src, 120)
    one = open_store(tmp_path / "one.db")
    two = open_store(tmp_path / "two.db")
    s1 = ingest([src], one, factory=pipeline_failing_on_explosion, batch_size=16)
    s2 = ingest([src], two, factory=pipeline_failing_on_explosion, workers=2, batch_size=16)
    assert s1.summary() == s2.summary() and s2.stored == 120
    assert {a.id for a in one.iter_articles()} == {a.id for a in two.iter_articles()}
    assert two.count("entities") == 120


def test_same_article_in_two_files_is_stored_once(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "a.jsonl", 5)
    write_jsonl(tmp_path / "b.jsonl", 5)
    store = open_store(tmp_path / "m.db")
    stats = ingest([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], store, factory=pipeline_failing_on_explosion)
    assert (stats.read, stats.stored, stats.already_present) == (10, 5, 5)


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_mid_ingest_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    total = 300
    src = tmp_path / "in.jsonl"
    write_jsonl(src, total)
    db = tmp_path / "k.db"
    partial = kill_mid_ingest_then_rerun(str(db), src, tmp_path, lambda: _count(db), kill_after=30)
    assert 0 < partial < total, "the kill should land mid-ingest"
    store = open_store(db)
    assert store.count() == total
    assert store.count("inputs") == total
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM article_fts").fetchone()[0] == total
    assert conn.execute("SELECT COUNT(DISTINCT id) FROM articles").fetchone()[0] == total
    for i in (0, partial, total - 1):  # each article is findable exactly once
        assert len(store.search(f'"رقم {i}"', limit=5)) == 1


def test_cli_ingest_search_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.cli import _register, app
    _register()
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    res = runner.invoke(app, ["ingest", str(FIXTURES), "--db", db, "--no-analysis", "--quiet",
                              "--csv-text", "body", "--csv-title", "headline"])
    assert res.exit_code == 0, res.output
    assert "stored" in res.output and (tmp_path / "ingest-report.jsonl").exists()
    res = runner.invoke(app, ["search", "ارتفاع أسعار النفط", "--db", db, "--json"])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows[0]["title"] == "ارتفاع أسعار النفط" and rows[0]["highlights"]
    queries = tmp_path / "q.txt"
    queries.write_text("مهرجان قرطاج\n-فقط\nمعرض الكتاب\n", encoding="utf-8")
    res = runner.invoke(app, ["search", "--queries", str(queries), "--db", db, "--limit", "3"])
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["query"] for o in out] == ["مهرجان قرطاج", "-فقط", "معرض الكتاب"]
    assert out[0]["results"][0]["title"] == "مهرجان قرطاج يفتتح دورته الجديدة"
    assert set(out[0]["results"][0]) == {"id", "title", "score", "snippet"}
    assert out[1]["results"] == [] and "error" in out[1]
    res = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "--out", str(tmp_path / "a.jsonl")])
    assert res.exit_code == 0
    docs = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 8 and {"id", "title", "source", "published", "text"} <= set(docs[0])
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv", "--table", "articles"])
    assert res.stdout.splitlines()[0].startswith("id,title,source")
    res = runner.invoke(app, ["search", "(", "--db", db])
    assert res.exit_code == 1 and "no searchable words" in res.output
    res = runner.invoke(app, ["export", "--db", db, "--format", "xml"])
    assert res.exit_code == 2
