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


def test_corpus_frequencies_accumulate_across_ingests_on_postgres(pg_url: str, tmp_path: Path) -> None:
    """Two ingests into one PostgreSQL schema, each followed by the corpus update as
    ``marsad ingest`` runs it: the second update must add to the first one's document
    frequencies (``corpus_df``, migration 3), so the stored table equals the counts of
    the whole fixture folder, and a third update with nothing new changes nothing."""
    from collections import Counter

    from marsad.corpus.persistence import stored_frequencies, update_corpus
    from marsad.corpus.records import CorpusDoc
    from marsad.corpus.stories import StoryClusterer

    store: Store = open_store(pg_url)
    assert store.schema_version() == len(store.migrations) >= 3  # type: ignore[attr-defined]
    opts = ReadOptions(csv_text="body", csv_title="headline")
    files = sorted(p for p in FIXTURES.iterdir() if p.is_file())
    ingest(files[:2], store, factory=no_analysis, options=opts)
    first = update_corpus(store)
    ingest(files[2:], store, factory=no_analysis, options=opts)
    second = update_corpus(store)
    assert first.processed > 0 and second.processed > 0
    n, df = stored_frequencies(store)
    ids = [r["id"] for r in store.export_jsonl()]
    one = StoryClusterer()
    one.count_terms(CorpusDoc.from_article(store.get_article(i), doc_id=i) for i in ids)  # type: ignore[arg-type]
    assert n == len(ids) == first.processed + second.processed
    assert Counter(df) == one.df
    assert update_corpus(store).processed == 0
    assert stored_frequencies(store) == (n, df)
    store.close()
