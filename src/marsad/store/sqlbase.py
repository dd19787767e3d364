"""The part of the two SQL backends that is the same SQL: writes, reads, export.

Backends differ in driver (sqlite3 vs psycopg), placeholder style, how a transaction
is opened and how the full-text index is fed and queried; those are the hooks below.
Everything else lives here once, so the backends cannot drift apart.
"""

from __future__ import annotations

import abc
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, ClassVar

from marsad.model import Article
from marsad.store.analysis import analysed_text
from marsad.store.base import (
    TABLES,
    AddResult,
    PreparedArticle,
    SearchFilters,
    Store,
    StoreError,
    prepare_article,
)
from marsad.store.query import Node

_EXPORT_SQL = {
    "articles": "SELECT id, title, source, url, published, text FROM articles ORDER BY seq",
    "entities": ("SELECT m.article_id, m.start_char, m.end_char, m.text, e.type, e.canonical "
                 "FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.article_id, m.start_char"),
    "quotes": ("SELECT article_id, start_char, end_char, text, kind, cue, speaker FROM quotes "
               "ORDER BY article_id, start_char"),
    "events": ("SELECT article_id, start_char, end_char, text, type, modality, data FROM events "
               "ORDER BY article_id, start_char"),
    "times": ("SELECT article_id, start_char, end_char, text, kind, value, calendar FROM times "
              "ORDER BY article_id, start_char"),
}


class SQLStore(Store):
    """Shared SQL implementation; subclasses supply the driver-specific hooks."""

    placeholder = "?"
    migrations: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self._entity_ids: dict[tuple[str, str], int] = {}

    # hooks -------------------------------------------------------------------------
    @abc.abstractmethod
    def _transaction(self) -> AbstractContextManager[Any]: ...

    @abc.abstractmethod
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abc.abstractmethod
    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abc.abstractmethod
    def _insert_article(self, values: tuple[Any, ...], title_terms: str, body_terms: str) -> bool:
        """Insert one article row and index it; False when its id was already there."""

    def _q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    # migrations ----------------------------------------------------------------------
    def _migrate(self) -> None:
        from marsad.store.schema import split_statements
        self._exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")
        current = self.schema_version()
        if current > len(self.migrations):
            raise StoreError(f"database schema version {current} is newer than this Marsad "
                             f"({len(self.migrations)}); upgrade Marsad to open it")
        for number, script in enumerate(self.migrations, start=1):
            if number <= current:
                continue
            with self._transaction():
                for stmt in split_statements(script):
                    self._exec(stmt)
                self._exec(self._q("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"),
                           (number, _now()))

    def schema_version(self) -> int:
        row = self._exec("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    # writes --------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article], raw_hashes: Sequence[str | None] | None = None
                     ) -> AddResult:
        batch = list(articles)
        hashes = list(raw_hashes) if raw_hashes is not None else [None] * len(batch)
        if len(hashes) != len(batch):
            raise ValueError("raw_hashes must match articles one to one")
        return self.add_prepared([prepare_article(a, rh) for a, rh in zip(batch, hashes)])

    def add_prepared(self, items: Sequence[PreparedArticle]) -> AddResult:
        result = AddResult()
        try:
            with self._transaction():
                for item in items:
                    self._add_one(item, result)
        except Exception:
            self._entity_ids.clear()  # ids from a rolled-back transaction are void
            raise
        return result

    def _add_one(self, item: PreparedArticle, result: AddResult) -> None:
        aid, rh = item.id, item.raw_hash
        values = (aid, item.title, item.source, item.url, item.published, item.text, item.raw, item.doc, rh,
                  _now())
        if self._insert_article(values, item.title_terms, item.body_terms):
            result.stored.append(aid)
            if item.source:
                self._exec(self._q("INSERT INTO sources (name, first_seen) VALUES (?, ?) "
                                   "ON CONFLICT (name) DO NOTHING"), (item.source, _now()))
            self._add_side_rows(item.rows)
        else:
            result.already_present.append(aid)
        if rh:
            self._exec(self._q("INSERT INTO inputs (raw_hash, article_id) VALUES (?, ?) "
                               "ON CONFLICT (raw_hash) DO NOTHING"), (rh, aid))

    def _entity_id(self, canonical: str, etype: str, norm: str) -> int:
        key = (canonical, etype)
        cached = self._entity_ids.get(key)
        if cached is not None:
            return cached
        self._exec(self._q("INSERT INTO entities (canonical, type, norm) VALUES (?, ?, ?) "
                           "ON CONFLICT (canonical, type) DO NOTHING"), (canonical, etype, norm))
        row = self._exec(self._q("SELECT id FROM entities WHERE canonical = ? AND type = ?"),
                         (canonical, etype)).fetchone()
        self._entity_ids[key] = int(row[0])
        return int(row[0])

    def _add_side_rows(self, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        mentions = [(aid, self._entity_id(canonical, etype, norm), s, e, text)
                    for aid, s, e, text, etype, canonical, norm in rows["mentions"]]
        if mentions:
            self._execmany(self._q("INSERT INTO mentions (article_id, entity_id, start_char, end_char, text) "
                                   "VALUES (?, ?, ?, ?, ?)"), mentions)
        if rows["quotes"]:
            self._execmany(self._q("INSERT INTO quotes (article_id, start_char, end_char, text, kind, cue, "
                                   "speaker, speaker_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"), rows["quotes"])
        if rows["events"]:
            self._execmany(self._q("INSERT INTO events (article_id, start_char, end_char, text, type, "
                                   "modality, data) VALUES (?, ?, ?, ?, ?, ?, ?)"), rows["events"])
        if rows["times"]:
            self._execmany(self._q("INSERT INTO times (article_id, start_char, end_char, text, kind, value, "
                                   "calendar) VALUES (?, ?, ?, ?, ?, ?, ?)"), rows["times"])

    # reads ---------------------------------------------------------------------------
    def has(self, article_id: str) -> bool:
        return self._exec(self._q("SELECT 1 FROM articles WHERE id = ?"), (article_id,)).fetchone() is not None

    def known_raw(self, hashes: Sequence[str]) -> set[str]:
        found: set[str] = set()
        items = list(hashes)
        for i in range(0, len(items), 500):
            chunk = items[i:i + 500]
            marks = ", ".join([self.placeholder] * len(chunk))
            rows = self._exec(f"SELECT raw_hash FROM inputs WHERE raw_hash IN ({marks})", chunk).fetchall()
            found.update(r[0] for r in rows)
        return found

    def get_article(self, article_id: str) -> Article | None:
        row = self._exec(self._q("SELECT doc, text, raw FROM articles WHERE id = ?"), (article_id,)).fetchone()
        return _to_article(row[0], row[1], row[2]) if row else None

    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]:
        last = 0
        while True:
            rows = self._exec(self._q("SELECT seq, doc, text, raw FROM articles WHERE seq > ? ORDER BY seq LIMIT ?"),
                              (last, batch_size)).fetchall()
            if not rows:
                return
            for seq, doc, text, raw in rows:
                yield _to_article(doc, text, raw)
            last = rows[-1][0]

    def count(self, table: str = "articles") -> int:
        name = {"entities": "mentions"}.get(table, table)
        if name not in (*TABLES, "mentions", "sources", "inputs"):
            raise StoreError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
        return int(self._exec(f"SELECT COUNT(*) FROM {name}").fetchone()[0])

    def iter_rows(self, table: str) -> Iterator[dict[str, Any]]:
        sql = _EXPORT_SQL.get(table)
        if sql is None:
            raise StoreError(f"unknown table {table!r} (choose from {', '.join(TABLES)})")
        cur = self._exec(sql)
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(1000):
            for row in rows:
                yield dict(zip(names, row))

    def _texts(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str, str | None, str | None]]:
        marks = ", ".join([self.placeholder] * len(ids))
        rows = self._exec(f"SELECT id, title, text, source, published FROM articles WHERE id IN ({marks})",
                          list(ids)).fetchall()
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def _filter_sql(self, filters: SearchFilters) -> tuple[str, list[Any]]:
        """SQL conditions on ``a`` (articles) for the non-text filters."""
        parts: list[str] = []
        params: list[Any] = []
        if filters.source:
            parts.append("a.source = ?")
            params.append(filters.source)
        if filters.date_from:
            parts.append("a.published >= ?")
            params.append(filters.date_from)
        if filters.date_to:
            # inclusive at the precision given: --to 2018-03-01 keeps that whole day
            parts.append(f"substr(a.published, 1, {len(filters.date_to)}) <= ?")
            params.append(filters.date_to)
        if filters.entity:
            parts.append("EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.id = m.entity_id "
                         "WHERE m.article_id = a.id AND (e.norm = ? OR e.canonical = ?))")
            params += [analysed_text(filters.entity), filters.entity]
        if filters.event_type:
            parts.append("EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = ?)")
            params.append(filters.event_type)
        sql = "".join(" AND " + p for p in parts)
        return self._q(sql), params

    @abc.abstractmethod
    def _match(self, node: Node, filters: SearchFilters, limit: int, offset: int
               ) -> list[tuple[str, float]]: ...


def _to_article(doc: str, text: str, raw: str | None) -> Article:
    data = json.loads(doc)
    data["text"] = text
    article = Article.from_dict(data)
    article.raw = raw if raw is not None else article.text
    return article


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
