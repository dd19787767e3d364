"""Entity registry: mentions across the corpus resolved to canonical entities.

A *mention* is a span in one article (an :class:`~marsad.model.Entity`); an *entity* is
the registry's record that many mentions point to (followthemoney keeps the same
distinction). Resolution happens in two steps:

1. **Within an article** a short person name links to the longest compatible full name
   in the same article («اللواء محمد الزين» … «الزين» … «محمد الزين» are one person).
   Titles (اللواء، الرئيس) are never part of the key.
2. **Across articles** a person links to an existing entity only when the context agrees
   (:meth:`EntityRegistry.add_doc`): a distinctive full name («محمد الزين») links unless
   both sides carry different offices and share nothing; a name made only of common given
   names («محمد علي») and a single name («الزين», «ترامب») link only with support — the
   same title or office, or shared co-mentioned entities and countries (rare entities
   count more than ubiquitous ones). A single family name may so join a full-name
   entity («ترامب» -> دونالد ترامب); a first name alone never does. Without support a
   new entity is made, with the candidates it was kept apart from and why (``links``);
   a common given name alone («محمد») never links across articles. Other types link by
   key. Organisation names NER missed are counted from the text (``scan_aliases``).
3. **Spelling variants** of transliterated names («دونالد ترامب» in one outlet, «دونالد
   ترمب» in another; بوتين / بوتن; نتنياهو / نتانياهو) share a :func:`variant_key` and are
   candidates for each other, but only through the context test (never the full-name
   shortcut), and only when the words that differ are not common Arabic given names
   (محمد / محمود and حسن / حسين are different people, not spellings).

Countries and well-known organisations go through :mod:`marsad.corpus.aliases`
(بريطانيا / المملكة المتحدة / «قالت لندن» -> GB; داعش / تنظيم الدولة الإسلامية -> ISIS).
Entity ids are deterministic hashes of type + key (a homonym kept apart also hashes the
article that opened it), so two runs over the same articles in the same order agree.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.corpus.aliases import (
    COMMON_GIVEN_NAMES,
    GOVERNMENT_VERBS,
    GOVERNMENT_VERBS_BEFORE,
    PLACE_PREPOSITIONS,
    capital_country,
    country_name,
    country_of,
    find_organisations,
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

# Name particles: with one word after them they name a kunya or a family, not one person.
_PARTICLES = frozenset(normalize(w) for w in ["أبو", "ابو", "أم", "ام", "بن", "ابن", "بنت", "آل", "ال", "عبد"])

# Titles that say nothing about which person is meant (anyone can be «السيد»).
_GENERIC_TITLES = frozenset(normalize(w) for w in ["السيد", "السيدة", "الدكتور", "الدكتورة", "د", "الأستاذ", "الأستاذة", "المهندس", "الشيخ", "الحاج", "سمو", "معالي", "فخامة"])

QUOTES_PER_ENTITY = 200  # enough to read; caps the record size for very quoted people
LINKS_PER_ENTITY = 50  # why-records kept per entity (the first ones explain how it grew)
SUPPORT_NEEDED = 1.5  # context score a common or single name needs to link (see _support)


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


_LONG_VOWELS = frozenset("اوي")


def skeleton(word: str) -> str:
    """A word without the long vowels inside it (first and last letters kept): the part
    of a transliterated name that outlets agree on (ترامب / ترمب -> ترمب). Words under
    four letters are left alone."""
    if len(word) < 4:
        return word
    return word[0] + "".join(c for c in word[1:-1] if c not in _LONG_VOWELS) + word[-1]


def variant_key(key: str) -> str:
    """Key shared by spelling variants of a person key (see :func:`skeleton`)."""
    return " ".join(skeleton(t) for t in key.split())


def spelling_variants(a: str, b: str) -> bool:
    """Whether person keys ``a`` and ``b`` differ only in the long vowels of words that are
    not common Arabic given names (محمد / محمود stay apart)."""
    ta, tb = a.split(), b.split()
    if a == b or len(ta) != len(tb):
        return False
    differ = [(x, y) for x, y in zip(ta, tb) if x != y]
    return all(skeleton(x) == skeleton(y) and len(x) >= 4 and len(y) >= 4
               and x not in COMMON_GIVEN_NAMES and y not in COMMON_GIVEN_NAMES for x, y in differ)


_TOKEN_VARIANT = "~"  # prefix of a stored lookup key made from a full name's last word


def stored_variant_keys(key: str) -> list[str]:
    """Lookup keys a store keeps for a person entity so that later spellings find it:
    the :func:`variant_key` and, for a full name, ``~`` + the last word's skeleton."""
    toks = key.split()
    out = [variant_key(key)]
    if len(toks) > 1:
        out.append(_TOKEN_VARIANT + skeleton(toks[-1]))
    return out


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
    linked: str | None = None  # registry id chosen across articles, when not the key's own

    @property
    def entity_id(self) -> str:
        return self.linked or entity_id(self.type, self.key)


def _preceding_word(text: str, start: int) -> str:
    before = words(text[max(0, start - 40):start])
    return before[-1] if before else ""


def _following_word(text: str, end: int) -> str:
    after = words(text[end:end + 40])
    return after[0] if after else ""


def _acts_as_government(text: str, start: int, end: int) -> bool:
    """A capital is its government when it is the subject of a state verb: right after
    one («وقالت لندن») or right before one with no preposition in front («لندن تتهم
    موسكو», but not «في لندن تتهم الشرطة»). A sentence break in between does not count."""
    before = text[max(0, start - 40):start]
    if before.rstrip() and before.rstrip()[-1] not in ".!?؟:؛\n" and _preceding_word(text, start) in GOVERNMENT_VERBS:
        return True
    gap = text[end:end + 3]
    if gap[:1] in (" ",) and _following_word(text, end) in GOVERNMENT_VERBS_BEFORE:
        return _preceding_word(text, start) not in PLACE_PREPOSITIONS
    return False


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
                if capital and _acts_as_government(doc.text, ent.start, ent.end):
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
    """Everything the registry knows about one entity; merges across increments.

    ``titles`` and ``countries`` are the person context the cross-article check reads
    (offices seen with the name; countries of the articles it is mentioned in);
    ``links`` says, per article, why a mention joined this entity or opened it.
    """

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
    titles: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    links: list[dict[str, Any]] = field(default_factory=list)

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
        self.titles.update(other.titles)
        self.countries.update(other.countries)
        self.links = (self.links + other.links)[:LINKS_PER_ENTITY]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "key": self.key, "canonical": self.canonical,
                "country": self.country, "aliases": dict(self.aliases.most_common()),
                "mentions": self.mentions, "articles": self.articles,
                "by_day": dict(sorted(self.by_day.items())), "co_mentions": dict(self.co_mentions),
                "quotes": self.quotes, "article_ids": self.article_ids,
                "titles": dict(self.titles), "countries": dict(self.countries), "links": self.links}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRecord:
        return cls(id=data["id"], type=data["type"], key=data["key"], canonical=data["canonical"],
                   country=data.get("country"), aliases=Counter(data.get("aliases", {})),
                   mentions=int(data.get("mentions", 0)), articles=int(data.get("articles", 0)),
                   by_day=Counter(data.get("by_day", {})), co_mentions=Counter(data.get("co_mentions", {})),
                   quotes=list(data.get("quotes", [])), article_ids=list(data.get("article_ids", [])),
                   titles=Counter(data.get("titles", {})), countries=Counter(data.get("countries", {})),
                   links=list(data.get("links", [])))


def name_kind(tokens: list[str]) -> str:
    """``single`` (one word), ``common`` (only common given names and particles, «محمد
    علي», or a particle and one word, «أبو زيد», «آل ثاني»: a kunya or a family, not a
    person), or ``distinctive`` (a full name with a rarer word, «محمد الزين»)."""
    if len(tokens) <= 1:
        return "single"
    if len(tokens) == 2 and tokens[0] in _PARTICLES:
        return "common"
    return "common" if all(t in COMMON_GIVEN_NAMES for t in tokens) else "distinctive"


def title_key(title: str | None) -> str | None:
    """Comparable office («الرئيس الأميركي» ~ «رئيس الأمريكي»): normalised words without the
    article; ``None`` for no title or a generic one (السيد، الدكتور)."""
    if not title:
        return None
    toks = [t[2:] if t.startswith("ال") and len(t) > 4 else t for t in words(title)]
    if not toks or " ".join(words(title)) in _GENERIC_TITLES:
        return None
    # «الأمريكي» / «الأميركي» are one spelling apart
    return " ".join(toks).replace("اميركي", "امريكي")


@dataclass(slots=True)
class _Person:
    """One person of one article (all mentions sharing a key) and its context."""

    key: str
    mentions: list[ResolvedMention]
    titles: set[str]


@dataclass(slots=True)
class _Support:
    score: float
    shared: list[str]
    countries: list[str]
    titles: list[str]


class EntityRegistry:
    """Accumulates resolved mentions of many articles into :class:`EntityRecord` s.

    ``context_check=False`` gives the plain rule (same type and key, same entity), kept
    to measure what the check changes. ``scan_aliases`` also counts organisation names
    NER missed (:func:`~marsad.corpus.aliases.find_organisations`); those mentions go
    into the records but not into the returned list, which stays the NER mentions (the
    stories clusterer reads it). Records stored by an earlier batch can be given to
    :meth:`preload`: they are consulted for linking decisions and document frequencies
    but are not in :attr:`records`, which holds only this registry's new counts (what
    the store merges into its rows).
    """

    def __init__(self, context_check: bool = True, scan_aliases: bool = True, link_variants: bool = True) -> None:
        self.records: dict[str, EntityRecord] = {}
        self.context_check = context_check
        self.link_variants = link_variants  # off: only to measure what variant linking adds
        self.scan_aliases = scan_aliases
        self.known: dict[str, EntityRecord] = {}
        self.n_docs = 0
        self._known_docs = 0
        self._by_key: dict[str, list[str]] = {}  # person key -> entity ids, oldest first
        self._by_token: dict[str, set[str]] = {}  # last word -> ids of multi-word person entities
        self._by_variant: dict[str, set[str]] = {}  # variant_key -> ids (see spelling_variants)
        self._by_token_variant: dict[str, set[str]] = {}  # skeleton of the last word -> ids

    def preload(self, records: Iterable[EntityRecord], n_docs: int = 0) -> None:
        """Stored records the linking may join (their counts stay in the store)."""
        for rec in records:
            self.known[rec.id] = rec
            if rec.type == "PERS":
                self._index(rec)
        self._known_docs = max(self._known_docs, n_docs)

    @staticmethod
    def wanted_keys(mentions: Iterable[list[ResolvedMention]]) -> tuple[set[str], set[str], set[str]]:
        """What a store should :meth:`preload` for documents with these resolved mentions
        (:func:`resolve_mentions` of each): person keys to fetch by equality, single words to
        fetch multi-word person keys ending in them, and the lookup keys of spelling variants
        (:func:`stored_variant_keys`). Takes mentions, not documents, so the caller resolves
        each document once and hands the same lists to :meth:`add_doc`."""
        keys: set[str] = set()
        single: set[str] = set()
        variants: set[str] = set()
        for resolved in mentions:
            for m in resolved:
                if m.type == "PERS":
                    keys.add(m.key)
                    variants.add(variant_key(m.key))
                    if " " not in m.key:
                        single.add(m.key)
                        variants.add(_TOKEN_VARIANT + skeleton(m.key))
        return keys, single, variants

    def _index(self, rec: EntityRecord) -> None:
        ids = self._by_key.setdefault(rec.key, [])
        if rec.id not in ids:
            ids.append(rec.id)
        toks = rec.key.split()
        self._by_variant.setdefault(variant_key(rec.key), set()).add(rec.id)
        if len(toks) > 1:  # across articles only the family name stands for a full name
            self._by_token.setdefault(toks[-1], set()).add(rec.id)
            self._by_token_variant.setdefault(skeleton(toks[-1]), set()).add(rec.id)

    # ------------------------------------------------------------ context view
    def _articles(self, eid: str) -> int:
        return sum(r.articles for r in (self.known.get(eid), self.records.get(eid)) if r is not None)

    def _view(self, eid: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """(co-mentions, titles, countries) of an entity, stored and new together."""
        co: Counter[str] = Counter()
        titles: Counter[str] = Counter()
        countries: Counter[str] = Counter()
        for rec in (self.known.get(eid), self.records.get(eid)):
            if rec is not None:
                co.update(rec.co_mentions)
                titles.update(rec.titles)
                countries.update(rec.countries)
        return co, titles, countries

    def _support(self, eid: str, person: _Person, context: set[str], countries: set[str]) -> _Support:
        """How much this article's context agrees with entity ``eid``.

        A shared office counts 2; each shared co-mentioned entity 1 when it is rare (in at
        most max(5, 2 %) of the articles seen) and 0.5 when it is everywhere (الأمم المتحدة,
        the United States); sharing a country of the articles counts 0.5. Countries count
        once, through the country rule, not as entities.
        """
        co, titles, rec_countries = self._view(eid)
        shared = sorted(x for x in context if x in co and x != eid)
        common = sorted(countries & set(rec_countries))
        same_titles = sorted(person.titles & set(titles))
        total = max(1, self.n_docs + self._known_docs)
        rare_df = max(5.0, 0.02 * total)
        score = 2.0 * bool(same_titles) + 0.5 * bool(common)
        score += sum(1.0 if self._articles(x) <= rare_df else 0.5 for x in shared)
        return _Support(score, shared, common, same_titles)

    # ------------------------------------------------------------ linking
    def _candidates(self, key: str) -> list[str]:
        ids = list(self._by_key.get(key, []))
        if " " not in key:  # a single surname may be the short form of a known full name
            ids += sorted(self._by_token.get(key, ()))
        if not self.link_variants:
            return ids
        ids += sorted(e for e in self._by_variant.get(variant_key(key), ()) if e not in ids
                      and spelling_variants(key, self._record(e).key))
        if " " not in key:  # «ترمب» alone for a known «دونالد ترامب»
            ids += sorted(e for e in self._by_token_variant.get(skeleton(key), ()) if e not in ids
                          and spelling_variants(key, self._record(e).key.split()[-1]))
        return ids

    def _record(self, eid: str) -> EntityRecord:
        rec = self.records.get(eid) or self.known.get(eid)
        assert rec is not None, eid
        return rec

    def _link(self, doc_id: str, person: _Person, context: set[str], countries: set[str]
              ) -> tuple[str, dict[str, Any]]:
        """Entity id for one article's person, and the why-record."""
        toks = person.key.split()
        kind = name_kind(toks)
        base = entity_id("PERS", person.key)
        if kind == "single" and toks[0] in COMMON_GIVEN_NAMES:
            # «محمد» alone: every article's is its own entity
            return (entity_id("PERS", f"{person.key}@{doc_id}"),
                    {"article": doc_id, "rule": "common-given-name-alone"})
        scored = [(self._support(eid, person, context, countries), eid) for eid in self._candidates(person.key)]
        if not scored:
            return base, {"article": doc_id, "rule": "new"}
        # best support first; among equals the entity seen in more articles
        scored.sort(key=lambda p: (-p[0].score, -self._articles(p[1])))
        best, eid = scored[0]
        why: dict[str, Any] = {"article": doc_id, "score": best.score}
        if best.shared:
            why["shared"] = best.shared[:5]
        if best.countries:
            why["countries"] = best.countries
        if best.titles:
            why["titles"] = best.titles
        if kind == "distinctive" and self._record(eid).key == person.key:
            _, titles, _ = self._view(eid)
            conflict = person.titles and titles and not best.titles and best.score == 0
            if not conflict:
                return eid, {**why, "rule": "distinctive-full-name"}
            why["rule"] = "office-conflict"
        elif best.score >= SUPPORT_NEEDED:
            return eid, {**why, "rule": "context"}
        else:
            why["rule"] = "no-context-support"
        why["kept_apart_from"] = [e for _, e in scored[:5]]
        if base not in self.records and base not in self.known:
            return base, why
        return entity_id("PERS", f"{person.key}@{doc_id}"), why

    def add_doc(self, doc: CorpusDoc, resolved: list[ResolvedMention] | None = None) -> list[ResolvedMention]:
        """Count ``doc``'s mentions into the registry and link its persons across articles;
        returns its mentions with their entities. ``resolved``: :func:`resolve_mentions` of
        ``doc`` when the caller already has it (it is updated in place, not copied)."""
        resolved = resolve_mentions(doc) if resolved is None else resolved
        extra = text_mentions(doc, resolved) if self.scan_aliases else []
        links = self._link_persons(doc, resolved, extra) if self.context_check else {}
        when = parse_time(doc.published)
        day = when.date().isoformat() if when else "undated"
        in_doc: dict[str, EntityRecord] = {}
        for m in resolved + extra:
            eid = m.entity_id
            rec = self.records.get(eid)
            if rec is None:
                proto = self.known.get(eid)
                if proto is not None:  # a stored entity: new counts go into a fresh record
                    rec = EntityRecord(eid, proto.type, proto.key, proto.canonical, proto.country)
                else:
                    rec = EntityRecord(eid, m.type, m.key, m.display, m.country)
                self.records[eid] = rec
                if rec.type == "PERS":
                    self._index(rec)
            rec.aliases[m.surface] += 1
            rec.mentions += 1
            rec.by_day[day] += 1
            in_doc[eid] = rec
        countries = _doc_countries(resolved)
        titles = _doc_titles(doc, resolved)
        for eid, rec in in_doc.items():
            rec.articles += 1
            rec.article_ids.append(doc.id)
            for other in in_doc:
                if other != eid:
                    rec.co_mentions[other] += 1
            if rec.type == "PERS":
                rec.countries.update(countries)
                rec.titles.update(titles.get(eid, ()))
        for eid, why in links.items():
            rec = self.records[eid]
            if len(rec.links) < LINKS_PER_ENTITY:
                rec.links.append(why)
        self.n_docs += 1
        self._attach_quotes(doc, resolved)
        return resolved

    def _link_persons(self, doc: CorpusDoc, resolved: list[ResolvedMention],
                      extra: list[ResolvedMention]) -> dict[str, dict[str, Any]]:
        """Give each person of ``doc`` its cross-article entity (sets ``linked``); returns
        the why-record of each entity chosen."""
        people: dict[str, _Person] = {}
        for m in resolved:
            if m.type == "PERS":
                people.setdefault(m.key, _Person(m.key, [], set())).mentions.append(m)
        if not people:
            return {}
        for m in resolved:
            if m.type == "PERS":
                title = title_key(_mention_title(doc, m))
                if title:
                    people[m.key].titles.add(title)
        # countries count through the country rule, not as shared entities
        context = {m.entity_id for m in resolved + extra if m.type != "PERS" and m.key != m.country}
        countries = _doc_countries(resolved)
        # the most identifying names first, so a later single name sees their choice
        order = sorted(people.values(), key=lambda p: ({"distinctive": 0, "common": 1, "single": 2}
                                                       [name_kind(p.key.split())], -len(p.key)))
        pending: dict[str, dict[str, Any]] = {}
        decided: set[str] = set()
        for person in order:
            eid, why = self._link(doc.id, person, context | decided, countries)
            if eid in decided:  # two names of this article already went to one entity
                eid = entity_id("PERS", f"{person.key}@{doc.id}")
                why = {"article": doc.id, "rule": "new", "note": "entity already taken in this article"}
            decided.add(eid)
            pending[eid] = why
            for m in person.mentions:
                m.linked = eid if eid != entity_id("PERS", m.key) else None
        return pending

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


def text_mentions(doc: CorpusDoc, resolved: list[ResolvedMention]) -> list[ResolvedMention]:
    """Organisation names in the text that no NER mention covers («داعش» untagged)."""
    taken = [(m.start, m.end) for m in resolved]
    out = []
    for start, end, key in find_organisations(doc.text):
        if not any(s < end and start < e for s, e in taken):
            out.append(ResolvedMention(-1, start, end, doc.text[start:end], "ORG", key, organisation_name(key)))
    return out


def _doc_countries(resolved: list[ResolvedMention]) -> set[str]:
    """Countries an article is about: named countries and the countries of its places."""
    return {m.country for m in resolved if m.country and m.type != "PERS"}


def _mention_title(doc: CorpusDoc, m: ResolvedMention) -> str | None:
    """The office NER found next to the mention, else a rank written inside the name."""
    if 0 <= m.index < len(doc.entities):
        ent = doc.entities[m.index]
        if ent.title:
            return ent.title
        toks = words(ent.canonical or ent.text or "")
        lead = []
        for tok in toks[:-1]:
            if tok not in _TITLE_WORDS:
                break
            lead.append(tok)
        if lead:
            return " ".join(lead)
    return None


def _doc_titles(doc: CorpusDoc, resolved: list[ResolvedMention]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in resolved:
        if m.type == "PERS":
            title = title_key(_mention_title(doc, m))
            if title:
                out.setdefault(m.entity_id, set()).add(title)
    return out


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
