"""Database schema as ordered migrations, one list per SQL dialect.

Migration ``n`` moves a database from version ``n-1`` to ``n``; ``schema_version``
records each applied step, so opening an older file upgrades it in place and opening a
newer one fails clearly instead of writing rows an old Marsad cannot read. Both
dialects keep the same tables and columns so the backends share their row helpers;
only the full-text index differs (FTS5 table vs a ``tsvector`` column).
"""

from __future__ import annotations

_COMMON_TABLES = """
CREATE TABLE sources (
    name TEXT PRIMARY KEY,
    first_seen TEXT
);
CREATE TABLE inputs (
    raw_hash TEXT PRIMARY KEY,
    article_id TEXT NOT NULL
);
CREATE TABLE entities (
    id {serial} PRIMARY KEY,
    canonical TEXT NOT NULL,
    type TEXT NOT NULL,
    norm TEXT NOT NULL,
    UNIQUE (canonical, type)
);
CREATE INDEX entities_norm ON entities (norm);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id BIGINT NOT NULL REFERENCES entities (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE quotes (
    article_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    cue TEXT,
    speaker TEXT,
    speaker_json TEXT
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE TABLE events (
    article_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT,
    modality TEXT,
    data TEXT
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (type);
CREATE TABLE times (
    article_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT,
    value TEXT,
    calendar TEXT
);
CREATE INDEX times_article ON times (article_id);
"""

# 3 (both dialects): document frequencies of the corpus jobs, one row per (kind, term),
# so an incremental update after each ingest weighs words and entities by the whole
# corpus, not by its own batch. Rows are incremented in place (``df = df + n``), so a
# batch writes only its own vocabulary; kind ``docs`` / term ``''`` holds the count
# of articles the frequencies cover.
_CORPUS_DF = """
CREATE TABLE corpus_df (
    kind TEXT NOT NULL,
    term TEXT NOT NULL,
    df BIGINT NOT NULL,
    PRIMARY KEY (kind, term)
);
"""

SQLITE_MIGRATIONS: list[str] = [
    # 1: articles and the side tables
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        text TEXT NOT NULL,
        raw TEXT,
        doc TEXT NOT NULL,
        raw_hash TEXT,
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles (source);
    CREATE INDEX articles_published ON articles (published);
    """ + _COMMON_TABLES.format(serial="INTEGER"),
    # 2: full-text index over the analysed title and body (contentless: the text
    # lives in articles; diacritics were stripped by the analyser already)
    """
    CREATE VIRTUAL TABLE article_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 0'
    );
    """,
    # 3: corpus document frequencies
    _CORPUS_DF,
]

POSTGRES_MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        seq BIGSERIAL PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT COLLATE "C",
        text TEXT NOT NULL,
        raw TEXT,
        doc TEXT NOT NULL,
        raw_hash TEXT,
        added_at TEXT NOT NULL
    );
    CREATE INDEX articles_source ON articles (source);
    CREATE INDEX articles_published ON articles (published);
    """ + _COMMON_TABLES.format(serial="BIGSERIAL"),
    """
    ALTER TABLE articles ADD COLUMN tsv tsvector;
    CREATE INDEX articles_tsv ON articles USING GIN (tsv);
    """,
    _CORPUS_DF,
]


def split_statements(script: str) -> list[str]:
    """Split a migration into statements (our DDL never has ';' inside literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]
