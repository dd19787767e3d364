"""Store the corpus jobs' results in the article database, and update them incrementally.

The corpus tables live beside the store's own tables in the same database (SQLite file
or PostgreSQL schema). They are created here with ``CREATE TABLE IF NOT EXISTS``
through the store's own connection hooks (``_exec``, ``_q``, ``_transaction`` of
:class:`marsad.store.sqlbase.SQLStore`), so the store's migrations need not know about
them and the same SQL runs on both backends.

:func:`update_corpus` is what ingest calls after storing a batch. It processes only
articles not yet in ``corpus_docs``: their MinHash signatures join the stored ones
(nothing is re-hashed), the active stories are reloaded and continued, and entity
records are merged. Story document frequencies (words and entities) live in
``corpus_df`` (store migration 3) and grow by each batch's counts, so every update
weighs words by the whole corpus. Everything is written in one transaction, so an interrupted update
leaves the articles unprocessed and the next call does them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from marsad.corpus.duplicates import DuplicateConfig, DuplicateDetector, DuplicateGroup, doc_meta, group_pairs
from marsad.corpus.pair_model import DocMeta
from marsad.corpus.records import CorpusDoc, sort_key
from marsad.corpus.registry import (
    EntityRecord,
    EntityRegistry,
    ResolvedMention,
    match_records,
    query_keys,
    resolve_mentions,
    stored_variant_keys,
)
from marsad.corpus.stories import DAY, Story, StoryClusterer, StoryConfig

CORPUS_TABLES = """
CREATE TABLE IF NOT EXISTS corpus_docs (
    article_id TEXT PRIMARY KEY,
    published TEXT,
    signature TEXT NOT NULL,
    story_id TEXT
);
CREATE TABLE IF NOT EXISTS corpus_dup_pairs (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE TABLE IF NOT EXISTS corpus_dup_groups (
    article_id TEXT PRIMARY KEY,
    original TEXT NOT NULL,
    size INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_dup_groups_original ON corpus_dup_groups (original);
CREATE TABLE IF NOT EXISTS corpus_stories (
    id TEXT PRIMARY KEY,
    end_ts DOUBLE PRECISION,
    size INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    state TEXT NOT NULL,
    public TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_stories_end ON corpus_stories (end_ts);
CREATE TABLE IF NOT EXISTS corpus_entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    canonical TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS corpus_entities_key ON corpus_entities (key);
CREATE TABLE IF NOT EXISTS corpus_name_variants (
    variant TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (variant, entity_id)
);
CREATE TABLE IF NOT EXISTS corpus_mentions (
    article_id TEXT NOT NULL,
    span_index INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (article_id, span_index)
);
CREATE TABLE IF NOT EXISTS corpus_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
)
"""


class CorpusStoreError(RuntimeError):
    """The store cannot hold corpus results (message says why)."""


@dataclass
class UpdateReport:
    """What one :func:`update_corpus` call did."""

    processed: int = 0
    duplicate_pairs: int = 0
    duplicate_groups: int = 0
    stories_touched: int = 0
    entities_touched: int = 0


def _check(store: Any) -> None:
    for hook in ("_exec", "_execmany", "_q", "_transaction"):
        if not hasattr(store, hook):
            raise CorpusStoreError(f"store {type(store).__name__} has no SQL hook {hook!r}; "
                                   "corpus results need an SQL store (SQLite or PostgreSQL)")


def ensure_tables(store: Any) -> None:
    """Create the corpus tables if absent (idempotent, same SQL on both backends).

    Done once per open store: read paths (an article page, the stories list) call this on
    every request, and a transaction of CREATE TABLE IF NOT EXISTS each time is wasted work."""
    _check(store)
    if getattr(store, "_corpus_tables_ready", False):
        return
    with store._transaction():
        for stmt in CORPUS_TABLES.split(";"):
            if stmt.strip():
                store._exec(stmt.strip())
    store._corpus_tables_ready = True


# every table update_corpus writes, corpus_df (schema migration 3) included
_CORPUS_RESULT_TABLES = ("corpus_docs", "corpus_dup_pairs", "corpus_dup_groups", "corpus_stories",
                         "corpus_entities", "corpus_name_variants", "corpus_mentions", "corpus_state", "corpus_df")


def rebuild_corpus(store: Any, batch_size: int = 2000) -> UpdateReport:
    """Forget every corpus result and recompute duplicates, stories and the registry for
    all stored articles with the current rules.

    Why: results are computed once per article and then only extended, so after an
    upgrade (a new duplicate rule, spelling-variant keys, stored span -> entity ids) the
    articles processed by the older Marsad keep the older answers. The articles and their
    layers are not touched; only the derived tables are emptied, in one transaction."""
    ensure_tables(store)
    with store._transaction():
        for table in _CORPUS_RESULT_TABLES:
            store._exec(f"DELETE FROM {table}")
    return update_corpus(store, None, batch_size=batch_size)


def _rows(store: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    return list(store._exec(store._q(sql), tuple(params)).fetchall())


def _in_chunks(store: Any, sql_prefix: str, ids: Sequence[str], size: int = 500) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for i in range(0, len(ids), size):
        chunk = list(ids[i:i + size])
        marks = ", ".join([store.placeholder] * len(chunk))
        out.extend(store._exec(f"{sql_prefix} ({marks})", chunk).fetchall())
    return out


def _upsert(store: Any, table: str, key: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    cols = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key)
    sql = store._q(f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT ({key}) DO UPDATE SET {updates}")
    for row in rows:
        store._exec(sql, tuple(row))


def _state(store: Any, name: str) -> Any:
    rows = _rows(store, "SELECT value FROM corpus_state WHERE name = ?", (name,))
    return json.loads(rows[0][0]) if rows else None


def pending_ids(store: Any) -> list[str]:
    """Stored articles the corpus jobs have not processed yet."""
    ensure_tables(store)
    rows = _rows(store, "SELECT a.id FROM articles a LEFT JOIN corpus_docs c ON c.article_id = a.id "
                        "WHERE c.article_id IS NULL ORDER BY a.seq")
    return [r[0] for r in rows]


def update_corpus(store: Any, new_article_ids: Iterable[str] | None = None, *,
                  dup_config: DuplicateConfig | None = None,
                  story_config: StoryConfig | None = None, batch_size: int = 2000) -> UpdateReport:
    """Bring duplicates, stories and the entity registry up to date.

    ``new_article_ids`` are the ids ingest just stored; ``None`` means every stored
    article not processed yet. Ids already processed are skipped, so calling this twice
    is harmless. Work is done ``batch_size`` articles per transaction.
    """
    ensure_tables(store)
    if new_article_ids is None:
        ids = pending_ids(store)
    else:
        wanted = list(dict.fromkeys(new_article_ids))
        done = {r[0] for r in _in_chunks(store, "SELECT article_id FROM corpus_docs WHERE article_id IN", wanted)}
        ids = [i for i in wanted if i not in done]
    report = UpdateReport()
    for i in range(0, len(ids), batch_size):
        _update_batch(store, ids[i:i + batch_size], dup_config or DuplicateConfig(),
                      story_config or StoryConfig(), report)
    report.duplicate_groups = int(_rows(store, "SELECT COUNT(DISTINCT original) FROM corpus_dup_groups")[0][0])
    return report


def _load_docs(store: Any, ids: Sequence[str]) -> list[CorpusDoc]:
    docs = []
    for aid in ids:
        article = store.get_article(aid)
        if article is not None:
            docs.append(CorpusDoc.from_article(article, doc_id=aid))
    return docs


def _update_batch(store: Any, ids: Sequence[str], dup_config: DuplicateConfig,
                  story_config: StoryConfig, report: UpdateReport) -> None:
    docs = sorted(_load_docs(store, ids), key=sort_key)
    if not docs:
        return

    stored_meta: dict[str, DocMeta] = {}

    def text_of(aid: str) -> str | None:  # the verifier asks for the text, then the metadata
        found = store._texts([aid])
        if aid not in found:
            return None
        title, text, source, published = found[aid]
        stored_meta[aid] = DocMeta(title or "", source or "", published)
        return text

    with store._transaction():
        # near-duplicates: stored signatures re-enter the LSH, new articles are hashed once
        detector = DuplicateDetector(dup_config, text_of=text_of, meta_of=stored_meta.get)
        for aid, sig in _rows(store, "SELECT article_id, signature FROM corpus_docs"):
            detector.load_signature(aid, bytes.fromhex(sig))
        signatures: dict[str, str] = {}
        new_pairs = []
        for doc in docs:  # the batch's boilerplate counts from its first article on
            detector.observe(doc.id, doc.text)
        for doc in docs:
            sig, pairs = detector.add(doc.id, doc.text, entities=[e.text for e in doc.entities], meta=doc_meta(doc))
            signatures[doc.id] = sig.hex()
            new_pairs.extend(pairs)
        for p in new_pairs:
            store._exec(store._q("INSERT INTO corpus_dup_pairs (a, b, score) VALUES (?, ?, ?) "
                                 "ON CONFLICT (a, b) DO NOTHING"), (p.a, p.b, p.score))
        report.duplicate_pairs += len(new_pairs)
        if new_pairs:
            _regroup(store)

        # entities first: stories use the resolved entity ids. Stored persons the batch's
        # names could join are preloaded, so linking across ingests asks the same context
        # question as linking within one batch.
        registry = EntityRegistry()
        mentions = [resolve_mentions(d) for d in docs]  # once: for the preload and for add_doc
        keys, single, variants = EntityRegistry.wanted_keys(mentions)
        registry.preload(_stored_people(store, keys, single, variants),
                         n_docs=int(_rows(store, "SELECT COUNT(*) FROM corpus_docs")[0][0]))
        resolved: dict[str, list[ResolvedMention]] = {
            d.id: registry.add_doc(d, m) for d, m in zip(docs, mentions)}
        _merge_entities(store, registry.records)
        _save_mentions(store, resolved)
        report.entities_touched += len(registry.records)

        clusterer = _load_clusterer(store, docs, story_config)
        new_docs = [d for d in docs if d.id not in clusterer.assignment]
        terms = {d.id: clusterer.doc_terms(d) for d in new_docs}
        _load_frequencies(store, clusterer, terms, resolved)
        before = {sid: len(s.members) for sid, s in clusterer.stories.items()}
        clusterer.cluster(new_docs, resolved, terms)
        touched = [s for sid, s in clusterer.stories.items() if before.get(sid) != len(s.members)]
        _upsert(store, "corpus_stories", "id", ("id", "end_ts", "size", "n_sources", "state", "public"),
                ((s.id, s.end, len(s.members), len([x for x in s.sources if x]),
                  json.dumps(s.to_state(), ensure_ascii=False), json.dumps(s.to_dict(), ensure_ascii=False))
                 for s in touched))
        report.stories_touched += len(touched)
        _save_frequencies(store, terms, {d.id: resolved.get(d.id, []) for d in new_docs})
        _upsert(store, "corpus_docs", "article_id", ("article_id", "published", "signature", "story_id"),
                ((d.id, d.published, signatures[d.id], clusterer.assignment.get(d.id)) for d in docs))
        report.processed += len(docs)


def _save_mentions(store: Any, resolved: dict[str, list[ResolvedMention]]) -> None:
    """Keep the entity id each entities-layer span resolved to, so the API and pages show
    the registry's cross-article choice (a linked family name, a namesake kept apart)
    instead of re-resolving the article on its own. Rows of a re-processed article are
    replaced, not added to."""
    ids = list(resolved)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join([store.placeholder] * len(chunk))
        store._exec(f"DELETE FROM corpus_mentions WHERE article_id IN ({marks})", chunk)
    rows = [(aid, m.index, m.entity_id) for aid, mentions in resolved.items() for m in mentions if m.index >= 0]
    if rows:
        store._execmany(store._q("INSERT INTO corpus_mentions (article_id, span_index, entity_id) "
                                 "VALUES (?, ?, ?) ON CONFLICT (article_id, span_index) DO NOTHING"), rows)


def _stored_people(store: Any, keys: set[str], single: set[str], variants: AbstractSet[str] = frozenset(),
                   chunk: int = 50) -> list[EntityRecord]:
    """Stored person records with one of ``keys``, a multi-word key ending in one of the
    ``single`` words (a family name alone may join a full name), or one of the spelling
    ``variants`` lookup keys (``corpus_name_variants``)."""
    found: dict[str, EntityRecord] = {}
    rows = _in_chunks(store, "SELECT id, data FROM corpus_entities WHERE type = 'PERS' AND key IN", sorted(keys))
    rows += _in_chunks(store, "SELECT e.id, e.data FROM corpus_entities e JOIN corpus_name_variants v "
                       "ON v.entity_id = e.id WHERE v.variant IN", sorted(variants))
    words = sorted(single)
    for i in range(0, len(words), chunk):
        part = words[i:i + chunk]
        where = " OR ".join(["key LIKE ?"] * len(part))
        rows += _rows(store, f"SELECT id, data FROM corpus_entities WHERE type = 'PERS' AND ({where})",
                      [f"% {_like_escape(w)}" for w in part])
    for eid, data in rows:
        found.setdefault(eid, EntityRecord.from_dict(json.loads(data)))
    return list(found.values())


def _like_escape(word: str) -> str:
    """A name never holds LIKE wildcards in practice; drop them rather than match widely."""
    return word.replace("%", "").replace("_", "")


def _regroup(store: Any) -> None:
    """Recompute duplicate groups from all verified pairs (union-find is cheap)."""
    pairs = [(a, b) for a, b in _rows(store, "SELECT a, b FROM corpus_dup_pairs")]
    ids = sorted({x for p in pairs for x in p})
    published = {r[0]: r[1] for r in _in_chunks(store, "SELECT id, published FROM articles WHERE id IN", ids)}
    groups = group_pairs(pairs, published)
    store._exec("DELETE FROM corpus_dup_groups")
    sql = store._q("INSERT INTO corpus_dup_groups (article_id, original, size) VALUES (?, ?, ?)")
    for g in groups:
        for m in g.members:
            store._exec(sql, (m, g.original, len(g.members)))


def _merge_entities(store: Any, records: dict[str, EntityRecord]) -> None:
    if not records:
        return
    stored = {r[0]: EntityRecord.from_dict(json.loads(r[1]))
              for r in _in_chunks(store, "SELECT id, data FROM corpus_entities WHERE id IN", list(records))}
    merged = []
    for eid, rec in records.items():
        if eid in stored:
            stored[eid].merge(rec)
            rec = stored[eid]
        merged.append(rec)
    _upsert(store, "corpus_entities", "id", ("id", "type", "key", "canonical", "mentions", "data"),
            ((r.id, r.type, r.key, r.canonical, r.mentions, json.dumps(r.to_dict(), ensure_ascii=False))
             for r in merged))
    variant_rows = [(v, r.id) for r in merged if r.type == "PERS" and r.id not in stored
                    for v in stored_variant_keys(r.key)]
    if variant_rows:
        store._execmany(store._q("INSERT INTO corpus_name_variants (variant, entity_id) VALUES (?, ?) "
                                 "ON CONFLICT (variant, entity_id) DO NOTHING"), variant_rows)


# kinds of rows in ``corpus_df`` (schema migration 3)
DF_DOCS, DF_TERM, DF_ENTITY = "docs", "story_term", "story_entity"


def _migrate_df_blob(store: Any) -> None:
    """Move frequencies an older Marsad kept as one JSON value into ``corpus_df`` rows."""
    state = _state(store, "story_df")
    if state is None:
        return
    if not _rows(store, "SELECT 1 FROM corpus_df WHERE kind = ?", (DF_DOCS,)):
        _add_frequencies(store, [(DF_DOCS, "", int(state.get("n_docs", 0)))]
                         + [(DF_TERM, t, int(n)) for t, n in dict(state.get("df", {})).items()])
    store._exec(store._q("DELETE FROM corpus_state WHERE name = ?"), ("story_df",))


def _add_frequencies(store: Any, rows: Sequence[tuple[str, str, int]]) -> None:
    """Add counts to ``corpus_df`` (a row is created at its first count)."""
    if rows:
        store._execmany(store._q("INSERT INTO corpus_df (kind, term, df) VALUES (?, ?, ?) ON CONFLICT "
                                 "(kind, term) DO UPDATE SET df = corpus_df.df + excluded.df"), list(rows))


def _load_frequencies(store: Any, clusterer: StoryClusterer, terms: dict[str, list[str]],
                      resolved: dict[str, list[ResolvedMention]]) -> None:
    """Give ``clusterer`` the stored frequencies of what the batch contains (only those
    are ever looked up: stored stories keep their weighted sums), and the article count."""
    _migrate_df_blob(store)
    rows = _rows(store, "SELECT df FROM corpus_df WHERE kind = ? AND term = ''", (DF_DOCS,))
    clusterer.n_docs = int(rows[0][0]) if rows else 0
    vocab = sorted({t for ts in terms.values() for t in ts})
    clusterer.df = Counter({r[0]: int(r[1]) for r in _in_chunks(
        store, f"SELECT term, df FROM corpus_df WHERE kind = '{DF_TERM}' AND term IN", vocab)})
    ents = sorted({m.entity_id for aid in terms for m in resolved.get(aid, [])})
    clusterer.edf = Counter({r[0]: int(r[1]) for r in _in_chunks(
        store, f"SELECT term, df FROM corpus_df WHERE kind = '{DF_ENTITY}' AND term IN", ents)})


def _save_frequencies(store: Any, terms: dict[str, list[str]], resolved: dict[str, list[ResolvedMention]]) -> None:
    """Add the batch's own document frequencies to the stored ones."""
    tdf: Counter[str] = Counter()
    for ts in terms.values():
        tdf.update(set(ts))
    edf: Counter[str] = Counter()
    for mentions in resolved.values():
        edf.update({m.entity_id for m in mentions})
    _add_frequencies(store, [(DF_DOCS, "", len(terms))] + [(DF_TERM, t, n) for t, n in sorted(tdf.items())]
                     + [(DF_ENTITY, e, n) for e, n in sorted(edf.items())])


def stored_frequencies(store: Any, kind: str = DF_TERM) -> tuple[int, dict[str, int]]:
    """(articles covered, term -> document frequency) as stored; for checks and tools."""
    ensure_tables(store)
    _migrate_df_blob(store)
    rows = _rows(store, "SELECT df FROM corpus_df WHERE kind = ? AND term = ''", (DF_DOCS,))
    n = int(rows[0][0]) if rows else 0
    return n, {r[0]: int(r[1]) for r in _rows(store, "SELECT term, df FROM corpus_df WHERE kind = ?", (kind,))}


def _load_clusterer(store: Any, docs: Sequence[CorpusDoc], config: StoryConfig) -> StoryClusterer:
    """A clusterer holding every story the batch could join (frequencies come after,
    from :func:`_load_frequencies`, once the batch's vocabulary is known)."""
    clusterer = StoryClusterer(config)
    times = [d.when.timestamp() for d in docs if d.when is not None]
    if times:
        horizon = min(times) - (config.max_span_days + config.window_days) * DAY
        rows = _rows(store, "SELECT state FROM corpus_stories WHERE end_ts IS NULL OR end_ts >= ?", (horizon,))
    else:
        rows = _rows(store, "SELECT state FROM corpus_stories")
    for (state_json,) in rows:
        clusterer.reactivate(Story.from_state(json.loads(state_json), config))
    return clusterer


# ------------------------------------------------------------------ reads for commands


def load_duplicate_groups(store: Any) -> list[DuplicateGroup]:
    ensure_tables(store)
    groups: dict[str, list[str]] = {}
    for aid, original in _rows(store, "SELECT article_id, original FROM corpus_dup_groups"):
        groups.setdefault(original, []).append(aid)
    published = {r[0]: r[1] for r in _in_chunks(
        store, "SELECT id, published FROM articles WHERE id IN", [m for ms in groups.values() for m in ms])}
    out = []
    for original, members in groups.items():
        rest = sorted((m for m in members if m != original),
                      key=lambda m: sort_key(CorpusDoc(m, "", published=published.get(m))))
        out.append(DuplicateGroup(original, [original, *rest]))
    out.sort(key=lambda g: (-len(g.members), g.original))
    return out


def load_stories(store: Any, min_sources: int = 1, min_size: int = 1, limit: int | None = None
                 ) -> list[dict[str, Any]]:
    ensure_tables(store)
    sql = ("SELECT public FROM corpus_stories WHERE n_sources >= ? AND size >= ? "
           "ORDER BY size DESC, end_ts DESC, id")
    params: list[Any] = [min_sources, min_size]
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    return [json.loads(r[0]) for r in _rows(store, sql, params)]


def find_entities(store: Any, name: str) -> list[EntityRecord]:
    """Registry records for a user's NAME (alias tables, exact key, then aliases)."""
    ensure_tables(store)
    keys = {k for _, k in query_keys(name)}
    rows = _in_chunks(store, "SELECT data FROM corpus_entities WHERE key IN", sorted(keys))
    if not rows:
        like = f"%{name.strip()}%"
        rows = _rows(store, "SELECT data FROM corpus_entities WHERE data LIKE ? ORDER BY mentions DESC LIMIT 500",
                     (like,))
    return match_records(name, [EntityRecord.from_dict(json.loads(r[0])) for r in rows])


def entity_names(store: Any, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    rows = _in_chunks(store, "SELECT id, canonical, type FROM corpus_entities WHERE id IN", list(ids))
    return {r[0]: (r[1], r[2]) for r in rows}


def stored_mentions(store: Any, article_ids: Sequence[str] | None = None
                    ) -> dict[str, dict[int, tuple[str, str | None]]]:
    """article id -> {entities-layer span index -> (registry id, registry canonical name)}
    as the corpus update stored them; ``None`` reads every article. Articles the update
    has not processed are absent (their callers resolve them on their own). A store
    without SQL hooks has no corpus tables, so it gives an empty map."""
    if not all(hasattr(store, h) for h in ("_exec", "_execmany", "_q", "_transaction")):
        return {}
    ensure_tables(store)
    sql = ("SELECT m.article_id, m.span_index, m.entity_id, e.canonical FROM corpus_mentions m "
           "LEFT JOIN corpus_entities e ON e.id = m.entity_id")
    if article_ids is None:
        rows = _rows(store, sql)
    else:
        rows = _in_chunks(store, f"{sql} WHERE m.article_id IN", list(dict.fromkeys(article_ids)))
    out: dict[str, dict[int, tuple[str, str | None]]] = {}
    for aid, index, eid, canonical in rows:
        out.setdefault(aid, {})[int(index)] = (eid, canonical)
    return out
