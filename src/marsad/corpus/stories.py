"""Stories: articles from different outlets and days that report the same development.

Single-pass incremental clustering in arrival order (published time). Each new article
is compared with the *active* stories — those updated within ``window_days`` and not
older than ``max_span_days`` — and joins the most similar one above ``threshold``, or
starts a new story. Similarity mixes three signals, because word overlap alone merges
unrelated articles about the same place and misses paraphrases:

* cosine of TF-IDF vectors over normalised, stemmed content words (title counted twice,
  body capped at its first words, where news puts the facts);
* cosine of entity vectors (registry ids, so «داعش» meets «تنظيم الدولة»), weighted by
  type (people and organisations say more about the story than countries do) and by
  inverse document frequency over the corpus (a footballer in the news every day says
  little about *which* of his matches an article reports);
* overlap of event types, when the events stage produced them.

Entities are evidence of the same *actors*, not of the same *development*: mixed in
as a weighted mean at any word overlap, a recurring person's later news chained into
one story (Mohamed Salah: 28 articles over two weeks, 4 on the development checked),
and differing entity lists (an NER miss, another official quoted) pulled same-story
reports apart. So entities and events count only once the words already agree
somewhat (``entity_floor``), and only to *raise* the word score
(``entities_only_raise``): they can bring in a report worded differently, never split
what the words group. ``age_penalty`` (score taken off per day a story has run past
``age_grace_days``) is off: on the judged pairs it split long real developments far
more than it cut topic chains.

Candidates come from inverted indexes (term -> stories, entity -> stories) over the
active stories only, so clustering cost grows with the window, not with the corpus.
The clusterer state (document frequencies and active stories) serialises to plain
dicts, which :mod:`marsad.corpus.persistence` stores so a later ingest continues it.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from marsad.corpus.records import CorpusDoc, sort_key
from marsad.corpus.registry import ResolvedMention, resolve_mentions
from marsad.corpus.textprep import content_terms

DAY = 86400.0


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """Weights and limits; see ``eval/corpus_eval.py stories-ant`` for the check."""

    threshold: float = 0.33
    window_days: float = 3.0
    max_span_days: float = 14.0
    term_weight: float = 0.7
    entity_weight: float = 0.25
    event_weight: float = 0.05
    entity_floor: float = 0.2
    entity_idf: bool = True
    disjoint_entities_neutral: bool = False
    entities_only_raise: bool = True
    age_grace_days: float = 3.0
    age_penalty: float = 0.0
    body_words: int = 250
    idf_prior: int = 50
    article_terms: int = 40
    story_terms: int = 80
    entity_type_weights: tuple[tuple[str, float], ...] = (("PERS", 1.0), ("ORG", 0.8),
                                                          ("MISC", 0.5), ("LOC", 0.3))


@dataclass(slots=True)
class DocFeatures:
    """The vectors of one article (L2-normalised dicts)."""

    id: str
    when: float | None
    source: str
    title: str
    published: str | None
    terms: dict[str, float]
    entities: dict[str, float]
    entity_names: dict[str, tuple[str, str]]  # id -> (display name, type)
    events: set[str]


def _l2(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _top(vec: dict[str, float], n: int) -> dict[str, float]:
    if len(vec) <= n:
        return vec
    return dict(sorted(vec.items(), key=lambda kv: -kv[1])[:n])


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


@dataclass
class Story:
    """A growing cluster; sums are kept so the centroid updates in O(terms)."""

    id: str
    start: float | None = None
    end: float | None = None
    members: list[str] = field(default_factory=list)
    published: dict[str, str | None] = field(default_factory=dict)
    sources: Counter[str] = field(default_factory=Counter)
    titles: dict[str, str] = field(default_factory=dict)
    member_sources: dict[str, str] = field(default_factory=dict)
    term_sum: dict[str, float] = field(default_factory=dict)
    entity_sum: dict[str, float] = field(default_factory=dict)
    entity_counts: Counter[str] = field(default_factory=Counter)
    entity_names: dict[str, list[str]] = field(default_factory=dict)
    events: Counter[str] = field(default_factory=Counter)
    member_terms: dict[str, dict[str, float]] = field(default_factory=dict)
    title: str = ""
    centroid: dict[str, float] = field(default_factory=dict)
    entity_centroid: dict[str, float] = field(default_factory=dict)

    def add(self, f: DocFeatures, config: StoryConfig) -> None:
        self.members.append(f.id)
        self.published[f.id] = f.published
        self.sources[f.source] += 1
        self.titles[f.id] = f.title
        self.member_sources[f.id] = f.source
        if f.when is not None:
            self.start = f.when if self.start is None else min(self.start, f.when)
            self.end = f.when if self.end is None else max(self.end, f.when)
        for k, v in f.terms.items():
            self.term_sum[k] = self.term_sum.get(k, 0.0) + v
        for k, v in f.entities.items():
            self.entity_sum[k] = self.entity_sum.get(k, 0.0) + v
            self.entity_counts[k] += 1
        for k, (name, etype) in f.entity_names.items():
            self.entity_names.setdefault(k, [name, etype])
        self.events.update(f.events)
        self.member_terms[f.id] = _top(f.terms, 15)
        self.centroid = _l2(_top(self.term_sum, config.story_terms))
        self.entity_centroid = _l2(self.entity_sum)
        self.title = self.central_title()

    def central_title(self) -> str:
        """Title of the member closest to the centroid (the most typical report)."""
        if not self.member_terms:
            return self.title
        best = max(self.member_terms, key=lambda m: (_dot(self.member_terms[m], self.centroid), m))
        return self.titles.get(best) or self.title

    def freeze(self) -> None:
        """Drop per-member vectors once the story can no longer grow (saves memory)."""
        self.member_terms = {}

    def to_state(self) -> dict[str, Any]:
        return {"id": self.id, "start": self.start, "end": self.end, "members": self.members,
                "published": self.published, "sources": dict(self.sources), "titles": self.titles,
                "member_sources": self.member_sources, "term_sum": self.term_sum,
                "entity_sum": self.entity_sum, "entity_counts": dict(self.entity_counts),
                "entity_names": self.entity_names, "events": dict(self.events),
                "member_terms": self.member_terms, "title": self.title}

    @classmethod
    def from_state(cls, data: dict[str, Any], config: StoryConfig) -> Story:
        s = cls(id=data["id"], start=data.get("start"), end=data.get("end"),
                members=list(data["members"]), published=dict(data.get("published", {})),
                sources=Counter(data.get("sources", {})), titles=dict(data.get("titles", {})),
                member_sources=dict(data.get("member_sources", {})),
                term_sum=dict(data.get("term_sum", {})), entity_sum=dict(data.get("entity_sum", {})),
                entity_counts=Counter(data.get("entity_counts", {})),
                entity_names={k: list(v) for k, v in data.get("entity_names", {}).items()},
                events=Counter(data.get("events", {})), member_terms=dict(data.get("member_terms", {})),
                title=data.get("title", ""))
        s.centroid = _l2(_top(s.term_sum, config.story_terms))
        s.entity_centroid = _l2(s.entity_sum)
        return s

    def to_dict(self, key_entities: int = 8) -> dict[str, Any]:
        """The public form printed by ``marsad stories --json``."""
        order = sorted(self.members, key=lambda m: sort_key(CorpusDoc(m, "", published=self.published.get(m))))
        timeline: dict[str, list[dict[str, Any]]] = {}
        for m in order:
            day = (self.published.get(m) or "undated")[:10]
            timeline.setdefault(day, []).append({"id": m, "source": self.member_sources.get(m, ""),
                                                 "title": self.titles.get(m, "")})
        ents = [{"id": k, "name": self.entity_names.get(k, [k, ""])[0],
                 "type": self.entity_names.get(k, ["", ""])[1], "articles": n}
                for k, n in self.entity_counts.most_common(key_entities)]
        return {"id": self.id, "title": self.title, "start": _iso(self.start), "end": _iso(self.end),
                "sources": sorted(s for s in self.sources if s), "articles": order, "size": len(order),
                "key_entities": ents, "events": [e for e, _ in self.events.most_common(5)],
                "timeline": [{"date": d, "articles": arts} for d, arts in timeline.items()]}


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, tz=UTC).isoformat() if ts is not None else None


def story_id(first_member: str) -> str:
    return "S" + hashlib.sha1(first_member.encode("utf-8")).hexdigest()[:12]


class StoryClusterer:
    """Single-pass clustering with document frequencies and an active-story window."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self.df: Counter[str] = Counter()
        self.edf: Counter[str] = Counter()  # entity id -> articles mentioning it
        self.n_docs = 0
        self.stories: dict[str, Story] = {}
        self.active: set[str] = set()
        self.assignment: dict[str, str] = {}
        self._term_post: dict[str, set[str]] = {}
        self._ent_post: dict[str, set[str]] = {}
        self._indexed_terms: dict[str, tuple[list[str], list[str]]] = {}
        self._type_w = dict(self.config.entity_type_weights)
        self._clock: float | None = None
        self._since_evict = 0

    # features -----------------------------------------------------------------------
    def doc_terms(self, doc: CorpusDoc) -> list[str]:
        """The stemmed content words story similarity compares (title twice, body capped)."""
        body = " ".join(doc.text.split()[: self.config.body_words])
        return content_terms(f"{doc.title}\n{doc.title}\n{body}")

    def count_terms(self, docs: Iterable[CorpusDoc],
                    known: Mapping[str, list[str]] | None = None) -> dict[str, list[str]]:
        """Update document frequencies with ``docs`` before clustering them (so the first
        articles of a batch get IDF weights as good as the last ones). ``known`` holds
        terms already computed (persistence needs them first, to load their frequencies)."""
        out = {}
        for doc in docs:
            terms = known[doc.id] if known is not None and doc.id in known else self.doc_terms(doc)
            out[doc.id] = terms
            self.df.update(set(terms))
            self.n_docs += 1
        return out

    def count_entities(self, resolved: Iterable[list[ResolvedMention]]) -> None:
        """Update entity document frequencies (call with the batch whose terms were counted)."""
        for mentions in resolved:
            self.edf.update({m.entity_id for m in mentions})

    def _idf(self, df: int) -> float:
        # IDF with a prior of ``idf_prior`` pseudo-documents that lack every term: in a
        # small corpus a term seen in 4 of 7 articles is not yet known to be common
        n = self.n_docs + 1 + self.config.idf_prior
        return math.log((n + 1) / (df + 1))

    def features(self, doc: CorpusDoc, terms: list[str],
                 resolved: list[ResolvedMention] | None = None) -> DocFeatures:
        tf = Counter(terms)
        vec = {t: (1.0 + math.log(c)) * self._idf(self.df.get(t, 0)) for t, c in tf.items()}
        vec = _l2(_top({k: v for k, v in vec.items() if v > 0}, self.config.article_terms))
        mentions = resolve_mentions(doc) if resolved is None else resolved
        ecount = Counter(m.entity_id for m in mentions)
        names = {m.entity_id: (m.display, m.type) for m in mentions}
        idf = self.config.entity_idf
        evec = _l2({k: self._type_w.get(names[k][1], 0.5) * (1.0 + math.log(c))
                    * (self._idf(self.edf.get(k, 0)) if idf else 1.0) for k, c in ecount.items()})
        when = doc.when
        return DocFeatures(doc.id, when.timestamp() if when else None, doc.source, doc.title, doc.published,
                           vec, evec, names, set(doc.event_types))

    # clustering ---------------------------------------------------------------------
    def similarity(self, f: DocFeatures, s: Story, term_dot: float | None = None,
                   entity_dot: float | None = None) -> float:
        """Weighted mean of the available signals, less the age penalty.

        A signal missing on either side is left out rather than counted as zero, so
        articles without entities still cluster; entities are left out too while the
        term cosine is under ``entity_floor`` (shared actors alone are not a story).
        """
        c = self.config
        tdot = _dot(f.terms, s.centroid) if term_dot is None else term_dot
        score, weight = c.term_weight * tdot, c.term_weight
        words_only = tdot
        if f.entities and s.entity_centroid and tdot >= c.entity_floor:
            edot = _dot(f.entities, s.entity_centroid) if entity_dot is None else entity_dot
            if edot > 0 or not c.disjoint_entities_neutral:
                score += c.entity_weight * edot
                weight += c.entity_weight
        if f.events and s.events:
            score += c.event_weight * len(f.events & set(s.events)) / len(f.events | set(s.events))
            weight += c.event_weight
        mixed = score / weight
        if c.entities_only_raise:
            # differing entity lists (NER misses, other officials quoted) must not split
            # what the words already group: entities and events may only add evidence
            mixed = max(mixed, words_only)
        return mixed - self._age_penalty(f, s)

    def _age_penalty(self, f: DocFeatures, s: Story) -> float:
        """Score taken off for a story older than ``age_grace_days`` at the article's time."""
        if not self.config.age_penalty or f.when is None or s.start is None:
            return 0.0
        age = (f.when - s.start) / DAY - self.config.age_grace_days
        return self.config.age_penalty * age if age > 0 else 0.0

    def _in_window(self, f: DocFeatures, s: Story) -> bool:
        if f.when is None or s.start is None or s.end is None:
            return True
        c = self.config
        return (s.start - c.window_days * DAY <= f.when <= s.end + c.window_days * DAY
                and max(s.end, f.when) - min(s.start, f.when) <= c.max_span_days * DAY)

    def _candidates(self, f: DocFeatures) -> tuple[dict[str, float], dict[str, float]]:
        """Candidate stories with their partial dot products, accumulated from the
        postings (each shared term is touched once instead of every term per story)."""
        tdot: dict[str, float] = {}
        for t, w in f.terms.items():
            for sid in self._term_post.get(t, ()):
                tdot[sid] = tdot.get(sid, 0.0) + w * self.stories[sid].centroid.get(t, 0.0)
        edot: dict[str, float] = {}
        for e in f.entities:
            for sid in self._ent_post.get(e, ()):
                edot.setdefault(sid, 0.0)
        for sid in edot:
            edot[sid] = _dot(f.entities, self.stories[sid].entity_centroid)
        return tdot, edot

    def add(self, doc: CorpusDoc, terms: list[str], resolved: list[ResolvedMention] | None = None) -> str:
        """Assign one article (its terms already counted) to a story; returns the story id."""
        if doc.id in self.assignment:
            return self.assignment[doc.id]
        f = self.features(doc, terms, resolved)
        if f.when is not None:
            self._clock = f.when if self._clock is None else max(self._clock, f.when)
        best, best_score = None, self.config.threshold
        tdot, edot = self._candidates(f)
        for sid in tdot.keys() | edot.keys():
            story = self.stories[sid]
            if not self._in_window(f, story):
                continue
            sc = self.similarity(f, story, tdot.get(sid, 0.0),
                                 edot.get(sid) if sid in edot else None)
            if sc >= best_score:
                best, best_score = story, sc
        if best is None:
            best = Story(id=story_id(doc.id))
            self.stories[best.id] = best
            self.active.add(best.id)
        self._unindex(best.id)
        best.add(f, self.config)
        self._index(best)
        self.assignment[doc.id] = best.id
        self._since_evict += 1
        if self._since_evict >= 500:
            self.evict()
        return best.id

    def cluster(self, docs: Iterable[CorpusDoc],
                resolved: Mapping[str, list[ResolvedMention]] | None = None,
                terms: Mapping[str, list[str]] | None = None) -> None:
        """Add a batch in arrival order (published time, undated last)."""
        batch = sorted(docs, key=sort_key)
        batch = [d for d in batch if d.id not in self.assignment]
        terms = self.count_terms(batch, terms)
        given = resolved or {}
        mentions = {d.id: given[d.id] if d.id in given else resolve_mentions(d) for d in batch}
        self.count_entities(mentions.values())
        for doc in batch:
            self.add(doc, terms[doc.id], mentions[doc.id])

    def _index(self, s: Story) -> None:
        ents = [e for e in s.entity_centroid if s.entity_names.get(e, ["", "LOC"])[1] in ("PERS", "ORG")]
        terms = list(s.centroid)
        self._indexed_terms[s.id] = (terms, ents)
        for t in terms:
            self._term_post.setdefault(t, set()).add(s.id)
        for e in ents:
            self._ent_post.setdefault(e, set()).add(s.id)

    def _unindex(self, sid: str) -> None:
        terms, ents = self._indexed_terms.pop(sid, ([], []))
        for t in terms:
            post = self._term_post.get(t)
            if post is not None:
                post.discard(sid)
                if not post:
                    del self._term_post[t]
        for e in ents:
            post = self._ent_post.get(e)
            if post is not None:
                post.discard(sid)
                if not post:
                    del self._ent_post[e]

    def evict(self) -> None:
        """Retire stories that can no longer take new articles at the current clock."""
        self._since_evict = 0
        if self._clock is None:
            return
        horizon = self._clock - self.config.window_days * DAY
        for sid in [s for s in self.active if (self.stories[s].end or self._clock) < horizon]:
            self._unindex(sid)
            self.active.discard(sid)
            self.stories[sid].freeze()

    def reactivate(self, story: Story) -> None:
        """Put a stored story back in the index (incremental runs)."""
        self.stories[story.id] = story
        for m in story.members:
            self.assignment[m] = story.id
        self.active.add(story.id)
        self._index(story)


def cluster_stories(docs: Iterable[CorpusDoc], config: StoryConfig | None = None) -> list[Story]:
    """Cluster ``docs`` from scratch; stories largest first."""
    clusterer = StoryClusterer(config)
    clusterer.cluster(docs)
    return sorted(clusterer.stories.values(), key=lambda s: (-len(s.members), s.id))
