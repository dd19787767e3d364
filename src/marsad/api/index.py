"""An in-memory read model of the corpus for the pages the store has no query for.

ADAPTER (issue 7 <- issues 5/6): the :class:`~marsad.store.base.Store` interface
offers search, article lookup and row iteration, but no paginated listing, no entity
pages, facets, timelines or places. Rather than writing SQL against another helper's
tables, the API builds this index once (lazily, on the first request that needs it)
from the store's public methods and keeps it current on every write made through the
API. When the store grows native queries for these views, :mod:`marsad.api.backend`
should call them instead and this module shrinks.

Entity ids are deterministic (a hash of type and normalised canonical name), so a
link to ``/entities/<id>`` stays valid across restarts and rebuilds. Where the corpus
update has linked a person across articles (or kept a namesake apart), the id it
stored for the span replaces the per-article one, so pages agree with ``marsad entity``.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from marsad.model import Article

_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def fold_name(name: str) -> str:
    """Spelling-insensitive key for names: diacritics off, alef/ya/ta marbuta unified."""
    return " ".join(_MARKS.sub("", name).translate(_FOLD).lower().split())


def entity_key(type_: str, canonical: str) -> str:
    """Deterministic entity id from type and canonical name (12 hex digits)."""
    return hashlib.sha1(f"{type_}|{fold_name(canonical)}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class ArticleMeta:
    id: str
    title: str | None
    source: str | None
    published: str | None

    @property
    def month(self) -> str | None:
        return self.published[:7] if self.published and len(self.published) >= 7 else None


@dataclass
class EntityInfo:
    id: str
    canonical: str
    type: str
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    by_month: Counter[str] = field(default_factory=Counter)
    geo: dict[str, Any] | None = None


@dataclass(slots=True)
class QuoteRow:
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker_name: str | None
    speaker_id: str | None


@dataclass(slots=True)
class EventRow:
    article_id: str
    start: int
    end: int
    text: str
    type: str
    modality: str
    actors: list[str]
    place: str | None
    main: bool = False  # the lead sentence's main event (the events stage's selector)


@dataclass(slots=True)
class Mention:
    """One entity mention of an article resolved to its registry id."""

    index: int
    start: int
    end: int
    surface: str
    id: str
    type: str
    display: str
    geo: dict[str, Any] | None = None


def resolve_article(article: Article, stored: Mapping[int, tuple[str, str | None]] | None = None
                    ) -> list[Mention]:
    """Mentions of ``article`` with registry ids.

    Uses the corpus registry (issue 6: within-article person linking, country and
    organisation aliases) when it is importable, so ids match ``marsad entity``; falls
    back to a hash of type and canonical name otherwise.

    ``stored`` is what the corpus update recorded for this article (span index ->
    (registry id, registry name), :func:`marsad.corpus.persistence.stored_mentions`).
    The update links persons across articles only when the context agrees, so a
    family name may belong to a full-name entity and a namesake may get an id of its
    own; resolving the article alone cannot know that, so stored ids win. An article
    the update has not processed yet (``stored`` empty) keeps the per-article ids.
    """
    ents = article.layer("entities")
    try:
        from marsad.corpus.records import CorpusDoc
        from marsad.corpus.registry import resolve_mentions
    except ImportError:
        resolved = None
    else:
        resolved = resolve_mentions(CorpusDoc.from_article(article))
    out: list[Mention] = []
    if resolved is None:
        for i, ent in enumerate(ents):
            name = ent.canonical or ent.text
            out.append(Mention(i, ent.start, ent.end, ent.text, entity_key(ent.type, name), ent.type, name,
                               ent.geo if isinstance(ent.geo, dict) else None))
    else:
        for m in resolved:
            ent = ents[m.index] if 0 <= m.index < len(ents) else None
            geo = ent.geo if ent is not None and isinstance(ent.geo, dict) else None
            if geo is None and m.country:
                geo = {"country": m.country}
            out.append(Mention(m.index, m.start, m.end, m.surface, m.entity_id, m.type, _shown(m.display), geo))
    if stored:
        for mention in out:
            eid, canonical = stored.get(mention.index, (mention.id, None))
            if eid != mention.id:  # chosen across articles: the registry's entity and name
                mention.id = eid
                if canonical:
                    mention.display = _shown(canonical)
    return out


def _shown(display: str) -> str:
    """A bare ISO country code is shown by its Arabic name."""
    if len(display) == 2 and display.isupper():
        return _country_names().get(display, display)
    return display


def _country_names() -> dict[str, str]:
    from marsad.web.worldmap import country_names
    return country_names()


def speaker_entity(article: Article, speaker: dict[str, Any] | None,
                   mentions: list[Mention] | None = None) -> tuple[str | None, str | None]:
    """(name, entity id) of a quote's speaker, resolved against the article's mentions.

    The quote stage records the speaker's own span; the mention overlapping that span
    (or the one it names by index) gives the id the page links to.
    """
    if not speaker:
        return None, None
    name = speaker.get("text") or speaker.get("canonical") or speaker.get("name")
    mentions = resolve_article(article) if mentions is None else mentions
    start, end = speaker.get("start"), speaker.get("end")
    if isinstance(start, int) and isinstance(end, int):
        for m in mentions:
            if m.start < end and start < m.end:
                return m.display, m.id
    ref = speaker.get("entity")
    if isinstance(ref, int):
        for m in mentions:
            if m.index == ref:
                return m.display, m.id
    if isinstance(ref, str) and ref:
        for m in mentions:
            if m.id == ref:
                return m.display, m.id
    key = fold_name(name) if isinstance(name, str) else ""
    if key:
        for m in mentions:
            if m.type in ("PERS", "PER") and (fold_name(m.display) == key or fold_name(m.surface) == key):
                return m.display, m.id
        return name, None
    return None, None


class CorpusIndex:
    """Per-article metadata, entities, quotes and events, held in memory."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.articles: dict[str, ArticleMeta] = {}
        self.entities: dict[str, EntityInfo] = {}
        self.article_entities: dict[str, list[str]] = {}
        self.article_event_types: dict[str, list[str]] = {}
        self.quotes: list[QuoteRow] = []
        self.events: list[EventRow] = []
        self.sources: Counter[str] = Counter()
        self._by_date: list[str] | None = None

    # building ---------------------------------------------------------------------
    def add(self, article: Article, article_id: str | None = None,
            stored: Mapping[int, tuple[str, str | None]] | None = None) -> None:
        """Index ``article``; ``stored`` are its corpus-update ids (see :func:`resolve_article`)."""
        aid = article_id or article.id
        with self.lock:
            if aid in self.articles:
                return
            meta = ArticleMeta(aid, article.title, article.source or article.publisher, article.published)
            self.articles[aid] = meta
            self._by_date = None
            if meta.source:
                self.sources[meta.source] += 1
            seen: list[str] = []
            mentions = resolve_article(article, stored)
            for m in mentions:
                info = self.entities.get(m.id)
                if info is None:
                    info = self.entities[m.id] = EntityInfo(m.id, m.display, m.type)
                info.aliases[m.surface] += 1
                info.mentions += 1
                if info.geo is None and m.geo:
                    info.geo = dict(m.geo)
                if aid not in info.articles:
                    info.articles.add(aid)
                    if meta.month:
                        info.by_month[meta.month] += 1
                    seen.append(m.id)
            self.article_entities[aid] = seen
            for quote in article.layer("quotes"):
                name, sid = speaker_entity(article, quote.speaker, mentions)
                self.quotes.append(QuoteRow(aid, quote.start, quote.end, quote.text or article.span_text(quote),
                                            quote.kind, quote.cue, name, sid))
            types: list[str] = []
            for ev in article.layer("events"):
                types.append(ev.type)
                actors = [str(a.get("text", "")) for a in ev.actors if isinstance(a, dict)]
                place = ev.place.get("text") if isinstance(ev.place, dict) else None
                self.events.append(EventRow(aid, ev.start, ev.end, ev.text or article.span_text(ev),
                                            ev.type, ev.modality, actors, place, ev.main))
            self.article_event_types[aid] = sorted(set(types))

    @classmethod
    def build(cls, articles: Iterable[Article],
              stored: Mapping[str, Mapping[int, tuple[str, str | None]]] | None = None) -> CorpusIndex:
        """An index of ``articles``; ``stored`` maps article id to its corpus-update ids."""
        index = cls()
        for article in articles:
            index.add(article, stored=(stored or {}).get(article.id))
        return index

    # queries ----------------------------------------------------------------------
    def by_date(self) -> list[str]:
        """Article ids, newest first (undated last), cached until the next add."""
        with self.lock:
            if self._by_date is None:
                metas = sorted(self.articles.values(), key=lambda m: (m.published or "", m.id), reverse=True)
                self._by_date = [m.id for m in metas]
            return self._by_date

    def _resolve_entity_unlocked(self, value: str) -> EntityInfo | None:
        """An entity by id, or by (folded) canonical name or alias, most mentioned first."""
        if value in self.entities:
            return self.entities[value]
        key = fold_name(value)
        best: EntityInfo | None = None
        for info in self.entities.values():
            named = fold_name(info.canonical) == key or any(fold_name(a) == key for a in info.aliases)
            if named and (best is None or info.mentions > best.mentions):
                best = info
        return best

    def _filter_ids_unlocked(self, ids: Iterable[str], *, source: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, entity_id: str | None = None,
                   event_type: str | None = None) -> list[str]:
        out = []
        for aid in ids:
            meta = self.articles.get(aid)
            if meta is None:
                continue
            if source and meta.source != source:
                continue
            day = (meta.published or "")[:10]
            if date_from and (not day or day < date_from):
                continue
            if date_to and (not day or day > date_to):
                continue
            if entity_id and entity_id not in self.article_entities.get(aid, ()):
                continue
            if event_type and event_type not in self.article_event_types.get(aid, ()):
                continue
            out.append(aid)
        return out

    def _facets_unlocked(self, ids: list[str], top: int = 10) -> dict[str, list[tuple[str, str, int]]]:
        """(value, label, count) per facet over the articles ``ids``."""
        sources: Counter[str] = Counter()
        months: Counter[str] = Counter()
        ents: Counter[str] = Counter()
        evs: Counter[str] = Counter()
        for aid in ids:
            meta = self.articles.get(aid)
            if meta is None:
                continue
            if meta.source:
                sources[meta.source] += 1
            if meta.month:
                months[meta.month] += 1
            ents.update(self.article_entities.get(aid, ()))
            evs.update(self.article_event_types.get(aid, ()))
        return {
            "source": [(s, s, n) for s, n in sources.most_common(top)],
            "month": [(m, m, n) for m, n in sorted(months.items(), reverse=True)[:top]],
            "entity": [(e, self.entities[e].canonical, n) for e, n in ents.most_common(top)],
            "event_type": [(t, t, n) for t, n in evs.most_common(top)],
        }

    def _comentions_unlocked(self, eid: str, top: int = 15) -> list[tuple[EntityInfo, int]]:
        info = self.entities.get(eid)
        if info is None:
            return []
        counts: Counter[str] = Counter()
        for aid in info.articles:
            counts.update(e for e in self.article_entities.get(aid, ()) if e != eid)
        return [(self.entities[e], n) for e, n in counts.most_common(top)]

    # thread-safe entry points: a POST may add an article while pages read
    def resolve_entity(self, value: str) -> EntityInfo | None:
        with self.lock:
            return self._resolve_entity_unlocked(value)

    def filter_ids(self, ids: Iterable[str], **filters: Any) -> list[str]:
        with self.lock:
            return self._filter_ids_unlocked(list(ids), **filters)

    def facets(self, ids: list[str], top: int = 10) -> dict[str, list[tuple[str, str, int]]]:
        with self.lock:
            return self._facets_unlocked(ids, top)

    def comentions(self, eid: str, top: int = 15) -> list[tuple[EntityInfo, int]]:
        with self.lock:
            return self._comentions_unlocked(eid, top)

    def places(self) -> list[EntityInfo]:
        with self.lock:
            return self._places_unlocked()

    def snapshot(self) -> tuple[list[EntityInfo], list[QuoteRow], list[EventRow]]:
        """Copies of the entity, quote and event lists, safe to iterate without the lock."""
        with self.lock:
            return list(self.entities.values()), list(self.quotes), list(self.events)

    def places_for(self, eid: str, top: int = 15) -> list[tuple[EntityInfo, int]]:
        return [(e, n) for e, n in self.comentions(eid, top=10_000) if e.type in ("LOC", "GPE")][:top]

    def _places_unlocked(self) -> list[EntityInfo]:
        """Entities with coordinates, most mentioned first (the map's dots)."""
        found = [e for e in self.entities.values() if e.geo and _has_point(e.geo)]
        return sorted(found, key=lambda e: -e.mentions)


def _has_point(geo: dict[str, Any]) -> bool:
    lat, lon = geo.get("lat"), geo.get("lon", geo.get("lng"))
    return isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and -90 <= lat <= 90 \
        and -180 <= lon <= 180
