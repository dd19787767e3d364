"""Ingest, search and crash recovery against the real PostgreSQL server.

The store contract itself runs on PostgreSQL in tests/unit/test_store_backends.py (the
``store`` fixture is parametrised over both backends); this file covers the whole
ingest path on PostgreSQL, including a ``kill -9`` in the middle of a run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.ingest.readers import ReadOptions
from marsad.ingest.runner import ingest, no_analysis
from marsad.store.base import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _reachable() -> str | None:
    try:
        import psycopg
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means: skip with the reason
        return f"PostgreSQL test server {PG_URL} unreachable: {str(exc).strip()[:200]}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    reason = _reachable()
    if reason:
        pytest.skip(reason)
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}schema=it_{uuid.uuid4().hex[:12]}"
    yield url
    store = open_store(url)
    store.drop_schema()  # type: ignore[attr-defined]
    store.close()


def test_fixture_folder_into_postgres(pg_url: str, tmp_path: Path) -> None:
    store: Store = open_store(pg_url)
    opts = ReadOptions(csv_text="body", csv_title="headline")
    stats = ingest([FIXTURES], store, factory=no_analysis, options=opts, report_path=tmp_path / "r.jsonl")
    assert (stats.read, stats.stored, stats.failed) == (8, 8, 0)
    again = ingest([FIXTURES], store, factory=no_analysis, options=opts)
    assert (again.stored, again.already_present) == (0, 8)
    hits = store.search("الليبية طرابلس")
    assert hits[0].title == "وزير الخارجية يزور طرابلس"
    assert any(hits[0].snippet[s:e] == "الليبية" for s, e in hits[0].highlights)
    docs = list(store.export_jsonl())
    assert len(docs) == 8 and all(d["text"] for d in docs)
    store.close()


_KILL_SCRIPT = """
import sys, time
from marsad.ingest.runner import ingest
from marsad.pipeline import Pipeline
from marsad.store.base import open_store

class Slow:
    name = "slow"
    requires = ()
    assigns = ()
    def __call__(self, article):
        time.sleep(float(sys.argv[3]))
        return article

ingest([sys.argv[2]], open_store(sys.argv[1]), factory=lambda: Pipeline([Slow()]), batch_size=7)
"""


def test_kill_9_then_rerun_on_postgres(pg_url: str, tmp_path: Path) -> None:
    total = 200
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(total):
            f.write(json.dumps({"title": f"خبر {i}", "text": f"نص الخبر رقم {i} عن موضوع {i * 3}."},
                               ensure_ascii=False) + "\n")
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    watcher = open_store(pg_url)
    proc = subprocess.Popen([sys.executable, str(script), pg_url, str(src), "0.01"], env=env)
    deadline = time.monotonic() + 60
    while watcher.count() < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = watcher.count()
    assert 0 < partial < total
    subprocess.run([sys.executable, str(script), pg_url, str(src), "0"], env=env, check=True)
    assert watcher.count() == total and watcher.count("inputs") == total
    for i in (0, partial, total - 1):
        assert len(watcher.search(f'"رقم {i}"', limit=5)) == 1
    watcher.close()
