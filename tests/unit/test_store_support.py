"""Shared pieces for the store tests: backends fixture and small articles.

Holds no tests itself (imported by the store, search and ingest tests); the SQLite and PostgreSQL runs of the
same tests come from the parametrised ``store`` fixture below.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.model import Article, Entity, Event, Quote, TimeExpr
from marsad.store.base import Store, open_store

PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def pg_reachable() -> str | None:
    """None if the test server answers, else the reason it does not."""
    try:
        import psycopg
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means: skip with the reason
        return f"PostgreSQL test server {PG_URL} unreachable: {str(exc).strip()[:200]}"


def pg_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}schema={schema}"


def make_store(kind: str, tmp_path: Path) -> Iterator[Store]:
    if kind == "sqlite":
        store = open_store(tmp_path / "test.db")
        yield store
        store.close()
        return
    reason = pg_reachable()
    if reason:
        pytest.skip(reason)
    store = open_store(pg_url("t_" + uuid.uuid4().hex[:12]))
    try:
        yield store
    finally:
        store.drop_schema()  # type: ignore[attr-defined]
        store.close()


def article(text: str, title: str | None = None, **meta: object) -> Article:
    return Article.from_raw(text, title=title, **meta)  # type: ignore[arg-type]


def find(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def analysed_article() -> Article:
    """An article with one span in each layer the store keeps rows for."""
    text = "قال وزير الخارجية الليبي في طرابلس أمس إن «الحوار مستمر» بعد انفجار في سرت."
    a = article(text, "وزير الخارجية الليبي: الحوار مستمر", source="bbc", published="2018-03-05T10:00:00",
                url="http://example.org/1")
    s, e = find(text, "طرابلس")
    a.set_layer("entities", [Entity(s, e, text=text[s:e], type="LOC", canonical="طرابلس")])
    qs, qe = find(text, "الحوار مستمر")
    cs, ce = find(text, "قال")
    a.set_layer("quotes", [Quote(qs, qe, text=text[qs:qe], kind="direct", cue="قال", cue_start=cs, cue_end=ce,
                                 speaker={"text": "وزير الخارجية", "start": 4, "end": 17})])
    vs, ve = find(text, "انفجار")
    a.set_layer("events", [Event(vs, ve, text=text[vs:ve], type="attack", modality="asserted")])
    ts, te = find(text, "أمس")
    a.set_layer("times", [TimeExpr(ts, te, text=text[ts:te], kind="relative", value="2018-03-04")])
    a.validate()
    return a
