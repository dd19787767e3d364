"""SQLite backend: one file, WAL mode, FTS5 over analysed text ranked by BM25.

WAL lets readers (search, the web UI) run while one ingest writes. Each
:meth:`add_articles` call is one ``BEGIN IMMEDIATE`` transaction, so a process killed
with ``kill -9`` leaves either the whole batch or none of it. The FTS5 table is
contentless: it stores only the inverted index of the analysed terms; text and snippets
come from the ``articles`` table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.store.base import SearchFilters, StoreError
from marsad.store.query import Node, to_fts5
from marsad.store.schema import SQLITE_MIGRATIONS
from marsad.store.sqlbase import SQLStore

# BM25 column weights: (title, body). A title hit is worth more than a body hit.
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0


class SQLiteStore(SQLStore):
    """The default store: a single SQLite file (``marsad.db``)."""

    placeholder = "?"
    migrations = SQLITE_MIGRATIONS

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        if self.path != ":memory:":
            parent = Path(self.path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open {self.path}: folder {parent} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from None
        self._depth = 0

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # nested calls join the outer transaction
        if getattr(self, "_depth", 0):
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def _insert_article(self, values: tuple[Any, ...], title_terms: str, body_terms: str) -> bool:
        cur = self.conn.execute(
            "INSERT INTO articles (id, title, source, url, published, text, raw, doc, raw_hash, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq", values)
        row = cur.fetchone()
        if row is None:
            return False
        self.conn.execute("INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
                          (row[0], title_terms, body_terms))
        return True

    def _match(self, node: Node, filters: SearchFilters, limit: int, offset: int
               ) -> list[tuple[str, float]]:
        where, params = self._filter_sql(filters)
        sql = (f"SELECT a.id, bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank "
               "FROM article_fts JOIN articles a ON a.seq = article_fts.rowid "
               f"WHERE article_fts MATCH ?{where} ORDER BY rank LIMIT ? OFFSET ?")
        try:
            rows = self.conn.execute(sql, [to_fts5(node), *params, limit, offset]).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}") from None
        return [(r[0], -float(r[1])) for r in rows]

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
