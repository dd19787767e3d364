"""The one data model every part of Marsad shares.

An :class:`Article` holds the clean text of one news article, the raw text it came
from, its metadata, and *layers*: lists of spans over ``Article.text``. Every span is
``(start, end)`` into the clean text, so ``article.text[span.start:span.end]`` is
always what the span talks about; an :class:`OffsetMap` turns clean offsets back into
raw offsets so a user can find every finding in the original file.

Layers are plain dataclasses registered in :data:`LAYER_TYPES`; a JSON round trip
(``to_dict``/``from_dict``) carries :data:`SCHEMA_VERSION` so stored articles can be
migrated when the shape changes.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


class ModelError(ValueError):
    """An article or a span breaks one of the model's invariants."""


# --------------------------------------------------------------------------- spans


@dataclass(slots=True)
class Span:
    """A half-open range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Sentence(Span):
    """One sentence; sentences never overlap and cover only non-space text."""


@dataclass(slots=True)
class Token(Span):
    """One token with the forms used for matching.

    ``norm`` is the normalised surface (see :mod:`marsad.text.normalize`);
    ``segments`` splits attached clitics off the stem (و+ب+ال+مدرسة) the way
    Stanza splits a Token into Words, but keeps the offsets of the whole token.
    """

    text: str = ""
    norm: str = ""
    segments: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Entity(Span):
    """A named-entity mention (PERS, LOC, ORG, MISC) in this article.

    ``canonical`` is the name without clitics and with spelling normalised, ``title``
    the rank or office found next to the name (never part of ``text``); ``geo`` is
    filled for places the gazetteer knows (``{"country": "LY", "lat": .., "lon": ..}``).
    """

    text: str = ""
    type: str = ""
    canonical: str = ""
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    geo: dict[str, Any] | None = None


@dataclass(slots=True)
class Quote(Span):
    """A direct or reported quote with its cue and resolved speaker."""

    text: str = ""
    kind: str = "direct"  # direct | reported
    cue: str = ""
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: dict[str, Any] | None = None  # {text, entity, start, end, kind}


@dataclass(slots=True)
class Event(Span):
    """An event: the span is its trigger; arguments are dicts with text and offsets."""

    text: str = ""
    type: str = ""
    modality: str = "asserted"  # asserted | possible | denied | reported
    actors: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, Any] | None = None
    time: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    sentence: int | None = None
    main: bool = False  # the lead sentence's main event (what a headline would report)


@dataclass(slots=True)
class TimeExpr(Span):
    """A date, year, relative expression or duration with its ISO 8601 value."""

    text: str = ""
    kind: str = "date"  # date | year | relative | duration | time
    value: str | None = None
    calendar: str = "gregorian"


@dataclass(slots=True)
class NumberExpr(Span):
    """A number (digits or words) with what it counts (``5000 عنصر``)."""

    text: str = ""
    value: float | None = None
    unit: str | None = None
    approximate: bool = False


@dataclass(slots=True)
class Keyphrase(Span):
    """A keyphrase occurrence with its score."""

    text: str = ""
    score: float = 0.0


LAYER_TYPES: dict[str, type[Span]] = {
    "sentences": Sentence,
    "tokens": Token,
    "entities": Entity,
    "quotes": Quote,
    "events": Event,
    "times": TimeExpr,
    "numbers": NumberExpr,
    "keyphrases": Keyphrase,
}
"""Layer name -> span class. A stage assigns a layer by name; the name fixes the type."""

# Layers whose spans may never overlap each other (entities may nest in quotes, etc.).
NON_OVERLAPPING = frozenset({"sentences", "tokens", "entities"})


@dataclass(slots=True)
class Removed:
    """A span of the *raw* text that cleaning removed, and why."""

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


# ---------------------------------------------------------------------- offset map


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets of the clean text back to the raw text.

    The clean text is made of pieces; piece ``i`` starts at ``clean[i]`` in the clean
    text and was copied from ``raw[i]`` in the raw text (characters that cleaning
    *inserted*, such as a normalised space, map to the raw position they replace).
    Between piece starts the mapping is linear, clamped to the piece's raw length.
    """

    clean: list[int] = field(default_factory=lambda: [0])
    raw: list[int] = field(default_factory=lambda: [0])
    length: list[int] = field(default_factory=lambda: [0])

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls([0], [0], [n])

    def to_raw(self, offset: int) -> int:
        """Raw offset of clean ``offset`` (an end offset maps just past its char)."""
        i = bisect.bisect_right(self.clean, offset) - 1
        if i < 0:
            return 0
        delta = offset - self.clean[i]
        return self.raw[i] + min(delta, self.length[i])

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            raw = self.to_raw(start)
            return raw, raw
        return self.to_raw(start), self.to_raw(end - 1) + 1

    def to_dict(self) -> dict[str, Any]:
        return {"clean": list(self.clean), "raw": list(self.raw), "length": list(self.length)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OffsetMap:
        return cls(list(data["clean"]), list(data["raw"]), list(data["length"]))


class TextBuilder:
    """Builds a clean text piece by piece while recording the :class:`OffsetMap`.

    Cleaning code calls :meth:`copy` for raw ranges it keeps and :meth:`insert` for
    characters it writes itself, so the map is exact by construction.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._parts: list[str] = []
        self._size = 0
        self.map = OffsetMap([], [], [])

    def copy(self, start: int, end: int) -> None:
        if end <= start:
            return
        piece = self.raw[start:end]
        self._add(piece, start, end - start)

    def insert(self, text: str, raw_at: int) -> None:
        if text:
            self._add(text, raw_at, 0)

    def _add(self, piece: str, raw_start: int, raw_len: int) -> None:
        m = self.map
        # merge with the previous piece when it continues it exactly
        if m.clean and raw_len and m.length[-1] and m.raw[-1] + m.length[-1] == raw_start \
                and m.clean[-1] + m.length[-1] == self._size:
            m.length[-1] += raw_len
        else:
            m.clean.append(self._size)
            m.raw.append(raw_start)
            m.length.append(raw_len)
        self._parts.append(piece)
        self._size += len(piece)

    def build(self) -> tuple[str, OffsetMap]:
        if not self.map.clean:
            self.map = OffsetMap()
        return "".join(self._parts), self.map


# ------------------------------------------------------------------------- article


def content_id(text: str) -> str:
    """Deterministic article id: a hash of the clean text (16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """One news article: clean text, raw text, metadata and layers of spans."""

    text: str = ""
    raw: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    language: str = "ar"
    translated: bool = False
    translated_from: str | None = None
    publisher: str | None = None  # outlet named by a disclaimer or byline
    byline: str | None = None
    dateline: str | None = None
    removed: list[Removed] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    layers: dict[str, list[Any]] = field(default_factory=dict)
    summary: str | None = None
    topics: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_raw(cls, raw: str, **metadata: Any) -> Article:
        """An article before cleaning: text is the raw text until a clean stage runs."""
        return cls(text=raw, raw=raw, offsets=OffsetMap.identity(len(raw)), **metadata)

    @property
    def id(self) -> str:
        return content_id(self.text)

    # layer helpers -----------------------------------------------------------------
    def layer(self, name: str) -> list[Any]:
        return self.layers.get(name, [])

    def set_layer(self, name: str, spans: Iterable[Span]) -> None:
        cls = LAYER_TYPES.get(name)
        items = sorted(spans, key=lambda s: (s.start, s.end))
        if cls is not None:
            for s in items:
                if not isinstance(s, cls):
                    raise ModelError(f"layer {name!r} holds {cls.__name__}, got {type(s).__name__}")
        self.layers[name] = items

    @property
    def sentences(self) -> list[Sentence]:
        return self.layer("sentences")

    @property
    def tokens(self) -> list[Token]:
        return self.layer("tokens")

    @property
    def entities(self) -> list[Entity]:
        return self.layer("entities")

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def raw_span(self, span: Span) -> tuple[int, int]:
        return self.offsets.span_to_raw(span.start, span.end)

    # invariants --------------------------------------------------------------------
    def validate(self) -> None:
        """Raise :class:`ModelError` if a span lies outside the text, is unordered, or
        overlaps where its layer forbids it, or if a ``text`` field disagrees with
        the slice it claims."""
        n = len(self.text)
        for name, spans in self.layers.items():
            prev_end = -1
            prev_start = -1
            for s in spans:
                if not (0 <= s.start <= s.end <= n):
                    raise ModelError(f"{name}: span ({s.start}, {s.end}) outside text of length {n}")
                if s.start < prev_start:
                    raise ModelError(f"{name}: spans not ordered at ({s.start}, {s.end})")
                if name in NON_OVERLAPPING and s.start < prev_end:
                    raise ModelError(f"{name}: span ({s.start}, {s.end}) overlaps the previous one")
                span_text = getattr(s, "text", None)
                if isinstance(span_text, str) and span_text and span_text != self.text[s.start:s.end]:
                    raise ModelError(f"{name}: text {span_text!r} != slice {self.text[s.start:s.end]!r}")
                prev_start, prev_end = s.start, max(prev_end, s.end)
        m = len(self.raw)
        for r in self.removed:
            if not (0 <= r.start <= r.end <= m) or self.raw[r.start:r.end] != r.text:
                raise ModelError(f"removed span ({r.start}, {r.end}) does not match the raw text")

    # JSON --------------------------------------------------------------------------
    def to_dict(self, *, include_raw: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            "language": self.language,
            "translated": self.translated,
            "translated_from": self.translated_from,
            "publisher": self.publisher,
            "byline": self.byline,
            "dateline": self.dateline,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "offsets": self.offsets.to_dict(),
            "summary": self.summary,
            "topics": list(self.topics),
            "meta": dict(self.meta),
        }
        if include_raw:
            out["raw"] = self.raw
        for name, spans in self.layers.items():
            out[name] = [s.to_dict() if hasattr(s, "to_dict") else s for s in spans]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ModelError(f"unsupported schema_version {version!r} (this Marsad reads {SCHEMA_VERSION})")
        known = {f.name for f in dataclasses.fields(cls)}
        scalar = {k: v for k, v in data.items()
                  if k in known and k not in {"removed", "offsets", "layers", "topics", "meta"}}
        article = cls(**scalar)
        article.raw = data.get("raw", article.text)
        article.removed = [Removed(**r) for r in data.get("removed", [])]
        article.offsets = OffsetMap.from_dict(data["offsets"]) if data.get("offsets") \
            else OffsetMap.identity(len(article.text))
        article.topics = list(data.get("topics", []))
        article.meta = dict(data.get("meta", {}))
        for name, span_cls in LAYER_TYPES.items():
            if name in data:
                article.layers[name] = [span_cls(**s) for s in data[name]]
        return article


def _plain(obj: Any) -> dict[str, Any]:
    """dataclasses.asdict without deep-copy overhead for our flat span classes."""
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

