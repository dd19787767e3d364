"""Entity registry: mentions across the corpus resolved to canonical entities.

A *mention* is a span in one article (an :class:`~marsad.model.Entity`); an *entity* is
the registry's record that many mentions point to (followthemoney keeps the same
distinction). Resolution happens in two steps:

1. **Within an article** a short person name links to the longest compatible full name
   in the same article («اللواء محمد الزين» … «الزين» … «محمد الزين» are one person).
   Titles (اللواء، الرئيس) are never part of the key.
2. **Across articles** mentions with the same key (type + normalised full name) are one
   entity. A surname alone never links across articles — «الزين» in another article may
   be someone else — so an unresolved short name stays its own (mononym) entity.

Countries and well-known organisations go through :mod:`marsad.corpus.aliases`
(بريطانيا / المملكة المتحدة / «قالت لندن» -> GB; داعش / تنظيم الدولة الإسلامية -> ISIS).
Entity ids are deterministic hashes of type + key, so two runs (or two databases) agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.aliases import (
    GOVERNMENT_VERBS,
    capital_country,
    country_name,
    country_of,
    organisation_name,
    organisation_of,
    place_country,
)
from marsad.corpus.records import CorpusDoc, parse_time
from marsad.corpus.textprep import normalize, words
from marsad.model import Entity

_TYPE_MAP = {"PER": "PERS", "PERSON": "PERS", "PERS": "PERS", "LOC": "LOC", "GPE": "LOC",
             "LOCATION": "LOC", "ORG": "ORG", "ORGANIZATION": "ORG", "MISC": "MISC"}

# Honorifics and ranks that may still sit at the front of a name when NER left them in.
_TITLE_WORDS = frozenset(normalize(w) for w in ["اللواء", "العميد", "العقيد", "الفريق", "المشير", "الرائد", "النقيب", "الرئيس", "رئيس", "الوزير", "وزير", "الشيخ", "السيد", "السيدة", "الدكتور", "الدكتورة", "د", "الأمير", "الأميرة", "الملك", "الملكة", "السلطان", "الإمام", "المهندس", "الأستاذ", "المستشار", "القاضي", "النائب", "العاهل", "ولي", "العهد", "سمو"])

QUOTES_PER_ENTITY = 200  # enough to read; caps the record size for very quoted people


def entity_id(etype: str, key: str) -> str:
    """Deterministic id: the same type and key give the same id everywhere."""
    return "E" + hashlib.sha1(f"{etype}|{key}".encode()).hexdigest()[:12]


def norm_type(etype: str) -> str:
    return _TYPE_MAP.get((etype or "").upper(), (etype or "MISC").upper())


def name_tokens(name: str) -> list[str]:
    """Normalised name words with leading titles removed («اللواء محمد الزين» -> محمد الزين)."""
    toks = words(name)
    while len(toks) > 1 and toks[0] in _TITLE_WORDS:
        toks = toks[1:]
    return toks


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(tok in it for tok in short)


def compatible(short: list[str], long: list[str]) -> bool:
    """``short`` can be a shortened form of ``long``: its words appear in order in the
    longer name and it keeps the family name (last word) or the first name."""
    if not short or len(short) >= len(long):
        return False
    if not _subsequence(short, long):
        return False
    return short[-1] == long[-1] or short[0] == long[0]


@dataclass(slots=True)
class ResolvedMention:
    """One mention with the entity it resolves to."""

    index: int  # position in the article's entities layer
    start: int
    end: int
    surface: str
    type: str
    key: str
    display: str
    country: str | None = None

    @property
    def entity_id(self) -> str:
        return entity_id(self.type, self.key)


def _preceding_word(text: str, start: int) -> str:
    before = text[max(0, start - 40):start].split()
    return normalize(before[-1]) if before else ""


def resolve_mentions(doc: CorpusDoc) -> list[ResolvedMention]:
    """Resolve every entity mention of one article to a registry key."""
    out: list[ResolvedMention] = []
    persons: list[tuple[int, Entity, list[str]]] = []
    for i, ent in enumerate(doc.entities):
        etype = norm_type(ent.type)
        name = ent.canonical or ent.text or doc.text[ent.start:ent.end]
        surface = ent.text or doc.text[ent.start:ent.end]
        if not name.strip():
            continue
        org = organisation_of(name)
        if org is not None and etype != "PERS":
            out.append(ResolvedMention(i, ent.start, ent.end, surface, "ORG", org, organisation_name(org)))
            continue
        if etype != "PERS":
            code = country_of(name)
            geo_code = (ent.geo or {}).get("country") if isinstance(ent.geo, dict) else None
            if code is None and isinstance(ent.geo, dict) and ent.geo.get("kind") == "country":
                code = geo_code if isinstance(geo_code, str) else None
            if code is None and etype == "LOC":
                capital = capital_country(name)
                if capital and _preceding_word(doc.text, ent.start) in GOVERNMENT_VERBS:
                    code = capital  # «قالت لندن»: the government, not the city
            if code is not None:
                out.append(ResolvedMention(i, ent.start, ent.end, surface, "LOC", code,
                                           country_name(code), country=code))
                continue
            key = " ".join(words(name))
            if key:
                where = geo_code if isinstance(geo_code, str) else None
                if where is None and etype == "LOC":
                    where = place_country(name)
                out.append(ResolvedMention(i, ent.start, ent.end, surface, etype, key, name.strip(),
                                           country=where))
            continue
        toks = name_tokens(name)
        if toks:
            persons.append((i, ent, toks))
    out.extend(_resolve_persons(doc, persons))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _resolve_persons(doc: CorpusDoc, persons: list[tuple[int, Entity, list[str]]]
                     ) -> list[ResolvedMention]:
    """Link short person names to the longest compatible full name in the same article."""
    forms: dict[tuple[str, ...], int] = Counter(tuple(t) for _, _, t in persons)
    display: dict[tuple[str, ...], str] = {}
    for _, ent, toks in persons:
        display.setdefault(tuple(toks), " ".join((ent.canonical or ent.text).split()))
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for form in forms:
        longer = [f for f in forms if compatible(list(form), list(f))]
        if not longer:
            target[form] = form
            continue
        best_len = max(len(f) for f in longer)
        best = [f for f in longer if len(f) == best_len]
        # two different full names fit («محمد» in an article about محمد علي and محمد الزين):
        # prefer the more frequent one; a true tie is left unresolved rather than guessed
        best.sort(key=lambda f: -forms[f])
        if len(best) > 1 and forms[best[0]] == forms[best[1]] and not _same_person(best):
            target[form] = form
        else:
            target[form] = best[0]
    out = []
    for i, ent, toks in persons:
        full = target[tuple(toks)]
        # a name that is itself shorter than a compatible longer name chains to it
        while target.get(full, full) != full:
            full = target[full]
        out.append(ResolvedMention(i, ent.start, ent.end, ent.text or doc.text[ent.start:ent.end],
                                   "PERS", " ".join(full), display.get(full, " ".join(full))))
    return out


def _same_person(forms: list[tuple[str, ...]]) -> bool:
    return len({f for f in forms}) == 1


@dataclass
class EntityRecord:
    """Everything the registry knows about one entity; merges across increments."""

    id: str
    type: str
    key: str
    canonical: str
    country: str | None = None
    aliases: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    articles: int = 0
    by_day: Counter[str] = field(default_factory=Counter)
    co_mentions: Counter[str] = field(default_factory=Counter)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    @property
    def by_month(self) -> dict[str, int]:
        months: Counter[str] = Counter()
        for day, n in self.by_day.items():
            months[day[:7]] += n
        return dict(sorted(months.items()))

    def merge(self, other: EntityRecord) -> None:
        """Add ``other``'s counts into this record (same entity, another batch)."""
        self.aliases.update(other.aliases)
        self.mentions += other.mentions
        self.articles += other.articles
        self.by_day.update(other.by_day)
        self.co_mentions.update(other.co_mentions)
        self.quotes = (self.quotes + other.quotes)[:QUOTES_PER_ENTITY]
        known = set(self.article_ids)
        self.article_ids.extend(a for a in other.article_ids if a not in known)
        if self.country is None:
            self.country = other.country

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "key": self.key, "canonical": self.canonical,
                "country": self.country, "aliases": dict(self.aliases.most_common()),
                "mentions": self.mentions, "articles": self.articles,
                "by_day": dict(sorted(self.by_day.items())), "co_mentions": dict(self.co_mentions),
                "quotes": self.quotes, "article_ids": self.article_ids}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRecord:
        return cls(id=data["id"], type=data["type"], key=data["key"], canonical=data["canonical"],
                   country=data.get("country"), aliases=Counter(data.get("aliases", {})),
                   mentions=int(data.get("mentions", 0)), articles=int(data.get("articles", 0)),
                   by_day=Counter(data.get("by_day", {})), co_mentions=Counter(data.get("co_mentions", {})),
                   quotes=list(data.get("quotes", [])), article_ids=list(data.get("article_ids", [])))


class EntityRegistry:
    """Accumulates resolved mentions of many articles into :class:`EntityRecord` s."""

    def __init__(self) -> None:
        self.records: dict[str, EntityRecord] = {}

    def add_doc(self, doc: CorpusDoc) -> list[ResolvedMention]:
        resolved = resolve_mentions(doc)
        when = parse_time(doc.published)
        day = when.date().isoformat() if when else "undated"
        in_doc: dict[str, EntityRecord] = {}
        for m in resolved:
            rec = self.records.get(m.entity_id)
            if rec is None:
                rec = EntityRecord(m.entity_id, m.type, m.key, m.display, m.country)
                self.records[m.entity_id] = rec
            rec.aliases[m.surface] += 1
            rec.mentions += 1
            rec.by_day[day] += 1
            in_doc[m.entity_id] = rec
        for eid, rec in in_doc.items():
            rec.articles += 1
            rec.article_ids.append(doc.id)
            for other in in_doc:
                if other != eid:
                    rec.co_mentions[other] += 1
        self._attach_quotes(doc, resolved)
        return resolved

    def _attach_quotes(self, doc: CorpusDoc, resolved: list[ResolvedMention]) -> None:
        for q in doc.quotes:
            speaker = q.speaker if isinstance(q.speaker, dict) else None
            if not speaker:
                continue
            eid = _speaker_entity(speaker, doc, resolved)
            if eid is None or eid not in self.records:
                continue
            rec = self.records[eid]
            if len(rec.quotes) < QUOTES_PER_ENTITY:
                rec.quotes.append({"article": doc.id, "published": doc.published, "kind": q.kind,
                                   "text": q.text or doc.text[q.start:q.end]})

    def lookup(self, name: str) -> list[EntityRecord]:
        """Records matching ``name``: by id, by alias table, by key, then by alias; best first."""
        if name in self.records:
            return [self.records[name]]
        return match_records(name, self.records.values())


def _speaker_entity(speaker: dict[str, Any], doc: CorpusDoc,
                    resolved: list[ResolvedMention]) -> str | None:
    """Entity id of a quote's speaker: by offsets, by entity index, else by name."""
    start, end = speaker.get("start"), speaker.get("end")
    if isinstance(start, int) and isinstance(end, int):
        for m in resolved:
            if m.start < end and start < m.end:
                return m.entity_id
    ref = speaker.get("entity")
    if isinstance(ref, int):
        for m in resolved:
            if m.index == ref:
                return m.entity_id
    name = ref if isinstance(ref, str) and ref else speaker.get("text")
    if isinstance(name, str) and name:
        toks = name_tokens(name)
        for m in resolved:
            if m.type == "PERS" and (m.key.split() == toks or compatible(toks, m.key.split())):
                return m.entity_id
    return None


def query_keys(name: str) -> list[tuple[str, str]]:
    """(type, key) pairs a user's NAME may mean, most likely first: a country or
    organisation alias, then the name itself under each type, then the state a capital
    stands for («لندن» is first the city, then possibly the United Kingdom)."""
    keys = []
    code = country_of(name)
    if code:
        keys.append(("LOC", code))
    org = organisation_of(name)
    if org:
        keys.append(("ORG", org))
    plain = " ".join(name_tokens(name))
    for etype in ("PERS", "ORG", "LOC", "MISC"):
        keys.append((etype, plain))
    capital = capital_country(name)
    if capital and ("LOC", capital) not in keys:
        keys.append(("LOC", capital))
    return keys


def match_records(name: str, records: Iterable[EntityRecord]) -> list[EntityRecord]:
    """Rank records for a free-text NAME: exact keys (in :func:`query_keys` order, then
    by mentions), then records with NAME among their aliases, then all-words matches."""
    pool = list(records)
    wanted = query_keys(name)
    rank = {k: i for i, k in enumerate(wanted)}
    exact = [r for r in pool if (r.type, r.key) in rank]
    if exact:
        unique = {r.id: r for r in exact}
        return sorted(unique.values(), key=lambda r: (rank[(r.type, r.key)], -r.mentions))
    norm = " ".join(words(name))
    alias_hits = [r for r in pool if any(" ".join(words(a)) == norm for a in r.aliases)]
    if alias_hits:
        return sorted(alias_hits, key=lambda r: -r.mentions)
    toks = set(name_tokens(name))
    loose = [r for r in pool if toks and toks <= set(r.key.split())]
    return sorted(loose, key=lambda r: -r.mentions)
