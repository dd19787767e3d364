"""One storage interface for Marsad, whatever the database behind it.

:class:`Store` is what ingest, search, export, the API and corpus jobs talk to; the
SQLite and PostgreSQL backends implement it with the same tables (see
:mod:`marsad.store.schema`) and the same analysed search text, so a test suite written
against :class:`Store` runs unchanged on both. :func:`open_store` picks the backend
from a URL: a plain path or ``sqlite:///path`` opens SQLite, ``postgresql://`` opens
PostgreSQL.

Articles are keyed by :attr:`Article.id` (a hash of the clean text), so adding the same
article twice is a no-op; ``raw_hash`` (a hash of the input before analysis) lets
ingest skip known input without analysing it again.
"""

from __future__ import annotations

import abc
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from marsad.model import Article
from marsad.store.analysis import analyse_with_offsets, analysed_text
from marsad.store.query import Node, parse_query, positive_terms

DEFAULT_DB = "marsad.db"
TABLES = ("articles", "entities", "quotes", "events", "times")


class StoreError(RuntimeError):
    """The database cannot be opened or used (message says which and why)."""


def raw_hash(text: str, title: str | None = None) -> str:
    """Hash of an input item *before* analysis: lets ingest skip it cheaply."""
    h = hashlib.sha256()
    h.update((title or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:24]


@dataclass
class AddResult:
    """What one :meth:`Store.add_articles` call did."""

    stored: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)


@dataclass
class SearchHit:
    """One ranked result; ``highlights`` are (start, end) inside ``snippet``."""

    id: str
    title: str | None
    score: float
    snippet: str
    source: str | None = None
    published: str | None = None
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 6),
                "snippet": self.snippet, "source": self.source, "published": self.published,
                "highlights": [list(h) for h in self.highlights]}


@dataclass
class SearchFilters:
    """Restrictions applied on top of the full-text match."""

    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    event_type: str | None = None


# ------------------------------------------------------------------ row helpers


def article_rows(article: Article) -> dict[str, list[tuple[Any, ...]]]:
    """The per-layer rows an article contributes to the side tables."""
    aid = article.id
    rows: dict[str, list[tuple[Any, ...]]] = {"mentions": [], "quotes": [], "events": [], "times": []}
    for e in article.layer("entities"):
        canonical = getattr(e, "canonical", "") or getattr(e, "text", "")
        rows["mentions"].append((aid, e.start, e.end, getattr(e, "text", ""), getattr(e, "type", ""),
                                 canonical, analysed_text(canonical)))
    for q in article.layer("quotes"):
        speaker = getattr(q, "speaker", None)
        rows["quotes"].append((aid, q.start, q.end, getattr(q, "text", ""), getattr(q, "kind", ""),
                               getattr(q, "cue", ""),
                               (speaker or {}).get("text") if isinstance(speaker, dict) else None,
                               json.dumps(speaker, ensure_ascii=False) if speaker else None))
    for ev in article.layer("events"):
        data = ev.to_dict() if hasattr(ev, "to_dict") else dict(ev)
        rows["events"].append((aid, ev.start, ev.end, getattr(ev, "text", ""), getattr(ev, "type", ""),
                               getattr(ev, "modality", ""), json.dumps(data, ensure_ascii=False)))
    for t in article.layer("times"):
        rows["times"].append((aid, t.start, t.end, getattr(t, "text", ""), getattr(t, "kind", ""),
                              getattr(t, "value", None), getattr(t, "calendar", "")))
    return rows


def article_document(article: Article) -> str:
    """The JSON stored for an article: everything but ``raw`` and ``text`` (each kept
    in its own column, so the text is not stored twice)."""
    doc = article.to_dict(include_raw=False)
    doc.pop("text", None)
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


@dataclass
class PreparedArticle:
    """Everything a backend writes for one article, as plain values.

    Built by :func:`prepare_article` (in an analysis worker when ingest runs several),
    so the single writer process only runs SQL, and what crosses the process boundary
    is a few strings and tuples (pickling an Article with thousands of Token objects
    costs as much as analysing it)."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    text: str
    raw: str | None
    doc: str
    raw_hash: str | None
    title_terms: str
    body_terms: str
    rows: dict[str, list[tuple[Any, ...]]]
    origin: str | None = None


def prepare_article(article: Article, raw_hash_: str | None = None) -> PreparedArticle:
    """The rows and index terms of ``article`` (see :class:`PreparedArticle`)."""
    raw = article.raw if article.raw and article.raw != article.text else None
    return PreparedArticle(
        article.id, article.title, article.source, article.url, article.published, article.text, raw,
        article_document(article), raw_hash_ or article.meta.get("raw_hash"), analysed_text(article.title),
        analysed_text(article.text), article_rows(article), article.meta.get("origin"))


def make_snippet(text: str, terms: set[str], width: int = 30) -> tuple[str, list[tuple[int, int]]]:
    """A window of about ``width`` words of the original ``text`` holding the most
    distinct query terms, with the offsets of the matching words inside it.

    Done in Python on the original text (not by the database) so that the snippet shows
    the words as written, diacritics and all, although the index holds stems.
    """
    words = analyse_with_offsets(text)
    if not words:
        return text[:200], []
    best_i, best_score = 0, -1
    hits = [i for i, (t, _, _) in enumerate(words) if t in terms]
    for i in hits or [0]:
        start = max(0, i - 5)
        seen = {words[j][0] for j in range(start, min(len(words), start + width)) if words[j][0] in terms}
        if len(seen) > best_score:
            best_i, best_score = start, len(seen)
    lo = words[best_i][1]
    last = min(len(words), best_i + width) - 1
    hi = words[last][2]
    # keep the punctuation that closes the last word («مستقر.», «"تويتر".»)
    while hi < len(text) and not text[hi].isspace() and hi - words[last][2] < 3:
        hi += 1
    snippet = text[lo:hi]
    marks = [(s - lo, e - lo) for t, s, e in words[best_i:last + 1] if t in terms]
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    shift = len(prefix)
    return prefix + snippet + suffix, [(s + shift, e + shift) for s, e in marks]


def mark_snippet(snippet: str, highlights: Sequence[tuple[int, int]], open_: str = "[",
                 close: str = "]") -> str:
    """``snippet`` with each highlighted range wrapped in ``open_``/``close``."""
    out, pos = [], 0
    for s, e in highlights:
        out.append(snippet[pos:s])
        out.append(open_ + snippet[s:e] + close)
        pos = e
    out.append(snippet[pos:])
    return "".join(out)


# ------------------------------------------------------------------ interface


class Store(abc.ABC):
    """What every backend provides. Writes happen in one transaction per call."""

    url: str

    @abc.abstractmethod
    def add_articles(self, articles: Iterable[Article], raw_hashes: Sequence[str | None] | None = None
                     ) -> AddResult:
        """Store ``articles`` (skipping ids already present) in ONE transaction, and
        record their input hashes so :meth:`known_raw` can skip them next time."""

    @abc.abstractmethod
    def add_prepared(self, items: Sequence[PreparedArticle]) -> AddResult:
        """Like :meth:`add_articles` for articles already turned into rows."""

    @abc.abstractmethod
    def has(self, article_id: str) -> bool: ...

    @abc.abstractmethod
    def known_raw(self, hashes: Sequence[str]) -> set[str]:
        """The subset of input hashes already ingested."""

    @abc.abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abc.abstractmethod
    def iter_articles(self, batch_size: int = 500) -> Iterator[Article]: ...

    @abc.abstractmethod
    def count(self, table: str = "articles") -> int: ...

    @abc.abstractmethod
    def iter_rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Rows of ``articles`` (without text layers), ``entities``, ``quotes``,
        ``events`` or ``times``, for export."""

    @abc.abstractmethod
    def _match(self, node: Node, filters: SearchFilters, limit: int, offset: int
               ) -> list[tuple[str, float]]:
        """(article id, score) best first; higher score is better."""

    @abc.abstractmethod
    def _texts(self, ids: Sequence[str]) -> dict[str, tuple[str | None, str, str | None, str | None]]:
        """id -> (title, text, source, published) for building hits."""

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def schema_version(self) -> int: ...

    # shared ---------------------------------------------------------------------
    def search(self, query: str | Node, *, limit: int = 10, offset: int = 0, source: str | None = None,
               date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
               event_type: str | None = None, snippets: bool = True) -> list[SearchHit]:
        """Full-text search, ranked best first (raises QueryError on a bad query)."""
        node = parse_query(query) if isinstance(query, str) else query
        filters = SearchFilters(source, date_from, date_to, entity, event_type)
        ranked = self._match(node, filters, limit, offset)
        if not ranked:
            return []
        texts = self._texts([i for i, _ in ranked])
        terms = positive_terms(node)
        hits: list[SearchHit] = []
        for aid, score in ranked:
            title, text, src, published = texts.get(aid, (None, "", None, None))
            snippet, marks = make_snippet(text, terms) if snippets else ("", [])
            hits.append(SearchHit(aid, title, score, snippet, src, published, marks))
        return hits

    def export_jsonl(self) -> Iterator[dict[str, Any]]:
        """Each stored article as its full JSON document (layers included)."""
        for article in self.iter_articles():
            yield article.to_dict(include_raw=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | Path | None = None) -> Store:
    """Open (and migrate) the store at ``url``: a path, ``sqlite:///path`` or
    ``postgresql://...``. Defaults to ``marsad.db`` in the working directory."""
    text = str(url) if url else DEFAULT_DB
    if text.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresStore
        return PostgresStore(text)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):] or DEFAULT_DB  # sqlite:////abs keeps its leading /
    elif "://" in text:
        raise StoreError(f"unknown database URL {text!r}: use a file path, sqlite:///path or postgresql://...")
    from marsad.store.sqlite import SQLiteStore
    return SQLiteStore(text)
