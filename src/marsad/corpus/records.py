"""The light record the corpus jobs work on, built from an :class:`Article`.

Duplicates, stories and the registry need only a few fields of an article; taking a
small record instead of the full article keeps the algorithms independent of the store
(tests build records by hand) and lets the benchmark hold 100,000 of them in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from marsad.extract.event_types import UNTYPED
from marsad.model import Article, Entity, Quote


@dataclass(slots=True)
class CorpusDoc:
    """What the cross-article jobs read from one article."""

    id: str
    text: str
    title: str = ""
    source: str = ""
    published: str | None = None
    entities: list[Entity] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article, doc_id: str | None = None) -> CorpusDoc:
        """Record of ``article``; ``doc_id`` overrides the content id (store ids win)."""
        return cls(
            id=doc_id or article.id,
            text=article.text,
            title=article.title or "",
            source=article.source or article.publisher or "",
            published=article.published,
            entities=list(article.layer("entities")),
            # the untyped lead event says nothing two articles could share
            event_types=[e.type for e in article.layer("events") if getattr(e, "type", "") not in ("", UNTYPED)],
            quotes=list(article.layer("quotes")),
        )

    @property
    def when(self) -> datetime | None:
        return parse_time(self.published)


def parse_time(value: Any) -> datetime | None:
    """Parse an ISO date/datetime into an aware UTC datetime; ``None`` when absent or bad.

    Articles come from many readers; a bad date must not stop clustering, it only
    removes the article from time-window decisions.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            try:
                dt = datetime.fromisoformat(text[:10])
            except ValueError:
                return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def sort_key(doc: CorpusDoc) -> tuple[int, float, str]:
    """Arrival order: by published time (undated last), then id for determinism."""
    when = doc.when
    return (0, when.timestamp(), doc.id) if when else (1, 0.0, doc.id)
