"""Helpers the quote-rule tests share: run segmentation and the quote stage on one text."""

from __future__ import annotations

from marsad.extract.quotes import QuoteStage
from marsad.model import Article, Entity
from marsad.text.stages import SegmentStage


def analyse(text: str, entities: list[Entity] | None = None) -> Article:
    article = SegmentStage()(Article.from_raw(text, published="2019-05-02"))
    article.set_layer("entities", entities or [])
    return QuoteStage()(article)


def ent(text: str, name: str, etype: str = "PERS", nth: int = 0) -> Entity:
    """The entity at the ``nth`` mention of ``name`` (0: the first)."""
    s = -1
    for _ in range(nth + 1):
        s = text.index(name, s + 1)
    return Entity(start=s, end=s + len(name), text=name, type=etype)


def quotes(text: str, entities: list[Entity] | None = None) -> list[tuple[str, str, str]]:
    """(kind, text, speaker text) of every quote found."""
    return [(q.kind, q.text, (q.speaker or {}).get("text") or "") for q in analyse(text, entities).layer("quotes")]


def speakers(text: str, entities: list[Entity]) -> list[tuple[str, str | None]]:
    """(quote text, speaker entity or else speaker text) of every quote found — what the round tests compare."""
    return [(q.text, (q.speaker or {}).get("entity") or (q.speaker or {}).get("text"))
            for q in analyse(text, entities).layer("quotes")]
