"""What the API and the pages ask of the corpus, in one place.

:class:`Backend` wraps a :class:`~marsad.store.base.Store` (search, articles, writes)
and a lazily built :class:`~marsad.api.index.CorpusIndex` (listings, entities, facets,
timelines, places) plus the cross-article groups of :mod:`marsad.corpus`
(duplicates, stories) when that layer is available. Routes never touch SQL or the
index directly, so when the store grows native queries only this module changes.

Each worker thread gets its own store connection (SQLite in WAL mode reads in
parallel; psycopg connections are not meant to be shared between threads), and
writes are serialised by a lock, the one-writer habit of datasette.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.api.index import CorpusIndex, EntityInfo, Mention, fold_name, resolve_article
from marsad.model import Article
from marsad.store.base import SearchHit, Store, open_store

log = logging.getLogger("marsad.api")
SEARCH_WINDOW = 1000  # hits considered for facets and totals on the search page


class BackendError(Exception):
    """A request the corpus cannot answer (bad query, unknown filter value)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Filters:
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    event_type: str | None = None

    def any(self) -> bool:
        return any((self.source, self.date_from, self.date_to, self.entity, self.event_type))


@dataclass
class SearchResult:
    hits: list[dict[str, Any]]
    total: int
    total_is_exact: bool = True
    facets: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)


class Backend:
    """Store + read model + corpus groups, safe to call from many threads."""

    def __init__(self, store_url: str, pipeline_factory: Callable[[], Any] | None = None) -> None:
        self.store_url = store_url
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._index: CorpusIndex | None = None
        self._groups_lock = threading.Lock()
        self._groups: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None = None
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._stores: list[Store] = []
        self.store.count("articles")  # open now: a bad URL fails at start-up, not on a request

    # plumbing -------------------------------------------------------------------------
    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.store_url)
            self._local.store = store
            self._stores.append(store)
        return store

    def close(self) -> None:
        for store in self._stores:
            try:
                store.close()
            except Exception as exc:  # noqa: BLE001 - closing must not stop the others
                log.warning("closing a store connection failed: %s", exc)
        self._stores.clear()

    @property
    def index(self) -> CorpusIndex:
        if self._index is None:
            with self._index_lock:
                if self._index is None:
                    self._index = _build_index(self.store)
        return self._index

    def warm(self) -> None:
        """Build the read model and load the corpus groups now (``marsad serve --warm``)."""
        try:
            self.index  # noqa: B018 - the property builds it
            self.groups()
        except Exception as exc:  # noqa: BLE001 - a failed warm-up only means a slower first page
            log.warning("warm-up failed: %s", exc)

    def invalidate(self) -> None:
        """Forget derived views (after an ingest made outside this process)."""
        with self._index_lock:
            self._index = None
        with self._groups_lock:
            self._groups = None

    # articles -------------------------------------------------------------------------
    def get_article(self, article_id: str) -> Article | None:
        if not _looks_like_id(article_id):
            return None
        return self.store.get_article(article_id)

    def count_articles(self) -> int:
        return self.store.count("articles")

    def list_articles(self, filters: Filters, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        index = self.index
        ids = index.by_date()
        if filters.any():
            ids = index.filter_ids(ids, source=filters.source, date_from=filters.date_from,
                                   date_to=filters.date_to, entity_id=self._entity_id_filter(filters.entity),
                                   event_type=filters.event_type)
        page = ids[offset:offset + limit]
        return [self._meta_dict(aid) for aid in page], len(ids)

    def _meta_dict(self, aid: str) -> dict[str, Any]:
        meta = self.index.articles[aid]
        return {"id": meta.id, "title": meta.title, "source": meta.source, "published": meta.published}

    def add_article(self, article: Article) -> tuple[Article, bool]:
        """Analyse ``article`` with the real pipeline and store it; (article, created)."""
        with self._write_lock:
            if self._pipeline is None:
                if self._pipeline_factory is None:
                    from marsad.pipeline import default_pipeline
                    self._pipeline_factory = default_pipeline
                try:
                    self._pipeline = self._pipeline_factory()
                except Exception as exc:  # a missing model or stage is a service problem, not a bug
                    raise BackendError("pipeline_unavailable",
                                       f"the analysis pipeline cannot be built: {exc}") from exc
            analysed = self._pipeline(article)
            analysed.validate()
            result = self.store.add_articles([analysed])
            created = bool(result.stored)
            if created:
                _update_corpus(self.store, result.stored)
        if created:
            if self._index is not None:
                self._index.add(analysed, stored=_stored_mentions(self.store, [analysed.id]).get(analysed.id))
            with self._groups_lock:
                self._groups = None
        return analysed, created

    # search ---------------------------------------------------------------------------
    def _store_filters(self, filters: Filters) -> dict[str, Any]:
        """Filters as the store takes them: an entity id from a page link becomes its name."""
        entity = filters.entity
        if entity and _looks_like_entity_id(entity):
            info = self.index.entities.get(entity)
            if info is not None:
                entity = info.canonical
        return {"source": filters.source, "date_from": filters.date_from, "date_to": filters.date_to,
                "entity": entity, "event_type": filters.event_type}

    def search(self, query: str, filters: Filters, limit: int, offset: int) -> list[SearchHit]:
        try:
            return self.store.search(query, limit=limit, offset=offset, **self._store_filters(filters))
        except ValueError as exc:  # QueryError: the message says what is wrong
            raise BackendError("bad_query", str(exc)) from exc

    def search_page(self, query: str, filters: Filters, limit: int, offset: int) -> SearchResult:
        """Hits for one page plus the total and facets over the first SEARCH_WINDOW hits."""
        hits = self.search(query, filters, limit, offset)
        try:
            window = self.store.search(query, limit=SEARCH_WINDOW, offset=0, snippets=False,
                                       **self._store_filters(filters))
        except ValueError as exc:
            raise BackendError("bad_query", str(exc)) from exc
        ids = [h.id for h in window]
        return SearchResult([hit_dict(h) for h in hits], max(len(ids), offset + len(hits)),
                            len(ids) < SEARCH_WINDOW, self.index.facets(ids))

    def list_page(self, filters: Filters, limit: int, offset: int) -> SearchResult:
        items, total = self.list_articles(filters, limit, offset)
        index = self.index
        ids = index.by_date()
        if filters.any():
            ids = index.filter_ids(ids, source=filters.source, date_from=filters.date_from,
                                   date_to=filters.date_to, entity_id=self._entity_id_filter(filters.entity),
                                   event_type=filters.event_type)
        return SearchResult(items, total, True, index.facets(ids[:SEARCH_WINDOW]))

    def _entity_id_filter(self, value: str | None) -> str | None:
        if not value:
            return None
        info = self.index.resolve_entity(value)
        return info.id if info else "-unknown-"

    # entities, quotes, events -----------------------------------------------------------
    def entity(self, entity_id: str) -> EntityInfo | None:
        return self.index.entities.get(entity_id)

    def entities(self, q: str | None, type_: str | None, limit: int, offset: int
                 ) -> tuple[list[EntityInfo], int]:
        items, _, _ = self.index.snapshot()
        if type_:
            items = [e for e in items if e.type == type_]
        if q:
            key = fold_name(q)
            items = [e for e in items if key in fold_name(e.canonical)
                     or any(key in fold_name(a) for a in e.aliases)]
        items.sort(key=lambda e: (-e.mentions, e.canonical))
        return items[offset:offset + limit], len(items)

    def quotes(self, speaker: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        _, rows, _ = self.index.snapshot()
        if speaker:
            info = self.index.resolve_entity(speaker)
            sid = info.id if info else None
            rows = [r for r in rows if r.speaker_id == sid
                    or (sid is None and r.speaker_name and fold_name(r.speaker_name) == fold_name(speaker))]
        rows = sorted(rows, key=lambda r: (self._published(r.article_id), r.start), reverse=True)
        return [self._quote_dict(r) for r in rows[offset:offset + limit]], len(rows)

    def _published(self, aid: str) -> str:
        meta = self.index.articles.get(aid)
        return (meta.published or "") if meta else ""

    def _quote_dict(self, r: Any) -> dict[str, Any]:
        meta = self.index.articles.get(r.article_id)
        return {"article_id": r.article_id, "start": r.start, "end": r.end, "text": r.text, "kind": r.kind,
                "cue": r.cue, "speaker": r.speaker_name, "speaker_id": r.speaker_id,
                "article_title": meta.title if meta else None, "published": meta.published if meta else None}

    def events(self, type_: str | None, limit: int, offset: int, main: bool | None = None
               ) -> tuple[list[dict[str, Any]], int]:
        """Events newest first; ``main`` keeps only the articles' main events (True) or the others."""
        _, _, rows = self.index.snapshot()
        if type_:
            rows = [r for r in rows if r.type == type_]
        if main is not None:
            rows = [r for r in rows if r.main == main]
        rows = sorted(rows, key=lambda r: (self._published(r.article_id), r.start), reverse=True)
        out = [{"article_id": r.article_id, "start": r.start, "end": r.end, "text": r.text, "type": r.type,
                "modality": r.modality, "actors": r.actors, "place": r.place, "main": r.main,
                "published": self._published(r.article_id) or None} for r in rows[offset:offset + limit]]
        return out, len(rows)

    def sources(self) -> list[dict[str, Any]]:
        return [{"name": name, "articles": n} for name, n in self.index.sources.most_common()]

    def timeline(self, entity: str) -> tuple[EntityInfo | None, list[tuple[str, int]]]:
        info = self.index.resolve_entity(entity)
        if info is None:
            return None, []
        return info, sorted(info.by_month.items())

    def places(self) -> list[dict[str, Any]]:
        out = []
        for e in self.index.places():
            geo = e.geo or {}
            out.append({"id": e.id, "name": e.canonical, "count": e.mentions, "lat": float(geo["lat"]),
                        "lon": float(geo.get("lon", geo.get("lng", 0.0))), "country": geo.get("country")})
        return out

    # duplicates and stories ----------------------------------------------------------------
    def groups(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(duplicate groups, stories), computed by the corpus layer and cached."""
        if self._groups is None:
            with self._groups_lock:
                if self._groups is None:
                    with self._write_lock:  # it may bring pending articles into the corpus tables
                        duplicates, stories, updated = _corpus_groups(self.store, self.index)
                        self._groups = (duplicates, stories)
                    if updated:  # those articles now have registry ids: rebuild the read model
                        with self._index_lock:
                            self._index = None
        return self._groups

    def duplicates_of(self, article_id: str) -> list[str]:
        for group in self.groups()[0]:
            if article_id in group["members"]:
                return [m for m in group["members"] if m != article_id]
        return []

    def story_of(self, article_id: str) -> dict[str, Any] | None:
        for story in self.groups()[1]:
            if article_id in story["articles"]:
                return story
        return None

    def story(self, story_id: str) -> dict[str, Any] | None:
        for story in self.groups()[1]:
            if story["id"] == story_id:
                return story
        return None

    def meta(self, aid: str) -> dict[str, Any]:
        if aid in self.index.articles:
            return self._meta_dict(aid)
        return {"id": aid, "title": None, "source": None, "published": None}

    def mentions(self, article: Article) -> list[Mention]:
        """The article's mentions with the ids the corpus update stored (the same ids the
        read model and ``marsad entity`` use), or resolved on their own before it ran."""
        return resolve_article(article, _stored_mentions(self.store, [article.id]).get(article.id))

    def entity_ids(self, article: Article) -> list[str | None]:
        """Registry id of each span of the article's entities layer (None if unresolved)."""
        ids: list[str | None] = [None] * len(article.layer("entities"))
        for m in self.mentions(article):
            if 0 <= m.index < len(ids):
                ids[m.index] = m.id
        return ids


def _update_corpus(store: Store, ids: list[str]) -> None:
    """Bring new articles into duplicates/stories/registry (when issue 6's layer is there)."""
    try:
        from marsad.corpus.persistence import update_corpus
    except ImportError:
        return
    try:
        update_corpus(store, ids)
    except Exception as exc:  # noqa: BLE001 - the article is stored; groups catch up later
        log.warning("corpus update after a write failed: %s", exc)


def _stored_mentions(store: Store, ids: list[str] | None
                     ) -> dict[str, dict[int, tuple[str, str | None]]]:
    """Span ids the corpus update stored (all articles for ``None``); empty when the
    corpus layer or its tables are unavailable, so pages fall back to per-article ids."""
    try:
        from marsad.corpus.persistence import stored_mentions
    except ImportError:
        return {}
    try:
        return stored_mentions(store, ids)
    except Exception as exc:  # noqa: BLE001 - per-article ids are a usable fallback
        log.warning("stored entity ids unavailable: %s", exc)
        return {}


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    out = hit.to_dict()
    out["score"] = float(out["score"])
    return out


def _looks_like_id(value: str) -> bool:
    return 1 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)


def _looks_like_entity_id(value: str) -> bool:
    """Registry ids are 'E' + 12 hex digits (the fallback ids are the 12 hex digits)."""
    body = value.removeprefix("E")
    return len(body) == 12 and all(c in "0123456789abcdef" for c in body)


# ------------------------------------------------------------------ index building


def _build_index(store: Store) -> CorpusIndex:
    """The read model from full articles (offsets and speaker spans included)."""
    index = CorpusIndex.build(_iter_articles(store), _stored_mentions(store, None))
    _fill_country_geo(index)
    return index


def _iter_articles(store: Store) -> Iterator[Article]:
    yield from store.iter_articles()


def _fill_country_geo(index: CorpusIndex) -> None:
    """Place LOC entities without coordinates on the map when they name a country."""
    from marsad.web.worldmap import country_centres, country_lookup
    by_name = country_lookup()
    by_code = country_centres()
    for info in index.entities.values():
        if info.type not in ("LOC", "GPE"):
            continue
        geo = info.geo or {}
        if isinstance(geo.get("lat"), (int, float)):
            continue
        code = geo.get("country")
        hit = (code, *by_code[code]) if code in by_code else by_name.get(fold_name(info.canonical))
        if hit:
            info.geo = {"country": hit[0], "lat": hit[1], "lon": hit[2], "approximate": True}


# ------------------------------------------------------------------ corpus groups


AUTO_UPDATE_MAX = 2000  # pending articles the server brings into the corpus tables by itself
COMPUTE_MAX = 1000  # corpus size up to which groups may be computed in memory as a fallback


def _corpus_groups(store: Store, index: CorpusIndex
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """Duplicate groups and stories, read from the corpus tables (issue 6's persistence),
    and whether pending articles were brought into those tables here.

    Ingest keeps those tables current (``update_corpus``); a few pending articles (for
    example ones added by POST) are processed here. Without the persistence module, and
    only for a small corpus, the groups are computed in memory instead.
    """
    updated = False
    try:
        from marsad.corpus import persistence
    except ImportError:
        persistence = None  # type: ignore[assignment]
    if persistence is not None:
        try:
            pending = persistence.pending_ids(store)
            if pending and len(pending) <= AUTO_UPDATE_MAX:
                updated = persistence.update_corpus(store, pending).processed > 0
            elif pending:
                log.warning("%d articles are not in the corpus tables yet; run `marsad stories` to update",
                            len(pending))
            duplicates = [g.to_dict() for g in persistence.load_duplicate_groups(store)]
            stories = [dict(s) for s in persistence.load_stories(store)]
        except Exception as exc:  # noqa: BLE001 - pages must still load without groups
            log.warning("corpus tables unavailable: %s", exc)
        else:
            for story in stories:
                story.setdefault("size", len(story.get("articles", [])))
            return duplicates, stories, updated
    if len(index.articles) > COMPUTE_MAX:
        return [], [], updated
    return (*_compute_groups(store), updated)


def _compute_groups(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Fallback: duplicates and stories from scratch, in memory (small corpora only)."""
    from marsad.corpus.records import CorpusDoc

    docs = [CorpusDoc.from_article(a) for a in store.iter_articles()]
    duplicates: list[dict[str, Any]] = []
    try:
        from marsad.corpus.duplicates import find_duplicates
        duplicates = [g.to_dict() for g in find_duplicates(docs)]
    except ImportError:
        pass
    stories: list[dict[str, Any]] = []
    try:
        stories = _stories(docs)
    except ImportError:
        pass
    for story in stories:
        story["size"] = len(story.get("articles", []))
    return duplicates, stories


def _stories(docs: list[Any]) -> list[dict[str, Any]]:
    from marsad.corpus import stories as stories_mod
    cluster = getattr(stories_mod, "cluster_stories", None) or getattr(stories_mod, "find_stories", None)
    if cluster is None:
        return []
    out = []
    for story in cluster(docs):
        data = story.to_dict() if hasattr(story, "to_dict") else dict(story)
        data = json.loads(json.dumps(data, ensure_ascii=False, default=str))
        out.append(data)
    return out
