"""PostgreSQL backend (psycopg 3): same tables as SQLite, a ``tsvector`` for search.

The ``tsvector`` is built in Python from the analyser's terms (title terms weighted
``A``, body ``D``, with positions so phrases work) and cast directly, and queries are
cast to ``tsquery`` directly too: PostgreSQL's own text-search parser never sees the
Arabic, so results do not depend on the server's locale and both backends index exactly
the same terms. Ranking is ``ts_rank_cd`` (cover density), PostgreSQL's nearest
equivalent to BM25.

``postgresql://host/db?schema=NAME`` keeps the tables in their own schema (created if
absent): the tests use one schema per test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from marsad.store.base import SearchFilters, StoreError
from marsad.store.query import Node, to_tsquery
from marsad.store.schema import POSTGRES_MIGRATIONS
from marsad.store.sqlbase import SQLStore

_MAX_POS = 16383  # PostgreSQL's largest tsvector position
_SCHEMA_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
# ts_rank_cd weights for {D, C, B, A}: the title (A) counts 10x the body (D)
_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
# Ranking reads (detoasts) each candidate's tsvector, so a very common word would cost
# seconds on a large corpus; only the first MAX_RANKED matches are ranked. Title
# queries and multi-word queries match far fewer documents and are ranked exactly.
MAX_RANKED = 5000


def split_schema(url: str) -> tuple[str, str | None]:
    """The connection URL without our ``schema`` parameter, and that schema."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = None
    kept = []
    for key, value in query:
        if key == "schema":
            schema = value
        else:
            kept.append((key, value))
    if schema is not None and not _SCHEMA_NAME.match(schema):
        raise StoreError(f"bad schema name {schema!r} in database URL")
    return urlunsplit(parts._replace(query=urlencode(kept))), schema


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def build_tsvector(title_terms: str, body_terms: str) -> str:
    """A tsvector literal: title terms weighted A, then body terms weighted D."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, terms in (("A", title_terms.split()), ("D", body_terms.split())):
        for term in terms:
            pos = min(pos + 1, _MAX_POS)
            positions.setdefault(term, []).append(f"{pos}{weight}")
    return " ".join(f"{_lexeme(t)}:{','.join(p[:256])}" for t, p in positions.items())


class PostgresStore(SQLStore):
    """Marsad's tables on a PostgreSQL server."""

    placeholder = "%s"
    migrations = POSTGRES_MIGRATIONS

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a declared dependency
            raise StoreError("PostgreSQL support needs psycopg (pip install 'psycopg[binary]')") from None
        self._psycopg = psycopg
        self.url = url
        conninfo, self.schema = split_schema(url.replace("postgres://", "postgresql://", 1))
        try:
            self.conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
            if self.schema:
                self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
                self.conn.execute(f'SET search_path TO "{self.schema}"')
            self._migrate()
        except psycopg.Error as exc:
            raise StoreError(f"cannot use PostgreSQL at {_safe(url)}: {str(exc).strip()}") from None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def _execmany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql, rows)

    def _insert_article(self, values: tuple[Any, ...], title_terms: str, body_terms: str) -> bool:
        row = self.conn.execute(
            "INSERT INTO articles (id, title, source, url, published, text, raw, doc, raw_hash, added_at, tsv) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::tsvector) "
            "ON CONFLICT (id) DO NOTHING RETURNING seq",
            (*values, build_tsvector(title_terms, body_terms))).fetchone()
        return row is not None

    def _match(self, node: Node, filters: SearchFilters, limit: int, offset: int
               ) -> list[tuple[str, float]]:
        where, params = self._filter_sql(filters)
        sql = ("WITH query AS (SELECT CAST(%s AS tsquery) AS q), "
               "candidates AS (SELECT a.seq, a.id, a.tsv FROM articles a, query "
               f"WHERE a.tsv @@ query.q{where} LIMIT {MAX_RANKED}) "
               f"SELECT c.id, ts_rank_cd('{_WEIGHTS}', c.tsv, query.q, 1) AS rank FROM candidates c, query "
               "ORDER BY rank DESC, c.seq LIMIT %s OFFSET %s")
        try:
            rows = self.conn.execute(sql, [to_tsquery(node), *params, limit, offset]).fetchall()
        except self._psycopg.Error as exc:
            raise StoreError(f"search failed: {str(exc).strip()}") from None
        return [(r[0], float(r[1])) for r in rows]

    def drop_schema(self) -> None:
        """Remove this store's schema and everything in it (tests, benchmarks)."""
        if not self.schema:
            raise StoreError("drop_schema needs a URL with ?schema=NAME")
        self.conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')

    def close(self) -> None:
        try:
            self.conn.close()
        except self._psycopg.Error:
            pass  # closing a broken connection: nothing left to release


def _safe(url: str) -> str:
    """The URL without a password, for error messages."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
