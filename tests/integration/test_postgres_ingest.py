"""Ingest, search and crash recovery against the real PostgreSQL server.

The store contract itself runs on PostgreSQL in tests/unit/test_store_backends.py (the
``store`` fixture is parametrised over both backends); this file covers the whole
ingest path on PostgreSQL, including a ``kill -9`` in the middle of a run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from ingest_support import FIXTURES, kill_mid_ingest_then_rerun, write_jsonl

from marsad.ingest.readers import ReadOptions
from marsad.ingest.runner import ingest, no_analysis
from marsad.store.base import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
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


def test_kill_9_then_rerun_on_postgres(pg_url: str, tmp_path: Path) -> None:
    total = 200
    src = tmp_path / "in.jsonl"
    write_jsonl(src, total)
    watcher = open_store(pg_url)
    partial = kill_mid_ingest_then_rerun(pg_url, src, tmp_path, watcher.count, kill_after=20)
    assert 0 < partial < total
    assert watcher.count() == total and watcher.count("inputs") == total
    for i in (0, partial, total - 1):
        assert len(watcher.search(f'"رقم {i}"', limit=5)) == 1
    watcher.close()
