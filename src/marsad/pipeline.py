"""The ordered analysis stages and how to run them over one or many articles.

A stage is a small callable over :class:`~marsad.model.Article` that declares what it
``requires`` (fields or layers earlier stages must have produced) and what it
``assigns``; :class:`Pipeline` checks the order once, when it is built, so a
misconfigured pipeline fails before the first article rather than halfway through a
corpus. ``pipe`` runs many articles in one call and lets a stage that defines its own
``pipe`` work in batches (the NER tagger uses this to amortise model calls).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol, runtime_checkable

from marsad.model import Article


class PipelineError(RuntimeError):
    """A pipeline was assembled in an order that cannot work."""


@runtime_checkable
class Stage(Protocol):
    """What every stage provides. ``pipe`` is optional (see :func:`_stage_pipe`)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


def _stage_pipe(stage: Stage, articles: list[Article]) -> list[Article]:
    batch = getattr(stage, "pipe", None)
    if callable(batch):
        return list(batch(articles))
    return [stage(a) for a in articles]


# "text" is present on every article from the start (raw text before cleaning).
_ALWAYS = frozenset({"text", "raw", "title", "source", "url", "published"})


@dataclass
class Pipeline:
    """An ordered list of stages, checked for ``requires``/``assigns`` order."""

    stages: list[Stage] = field(default_factory=list)

    def __post_init__(self) -> None:
        have = set(_ALWAYS)
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {missing} but no earlier stage assigns it"
                )
            have.update(stage.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, article: Article) -> Article:
        for stage in self.stages:
            article = stage(article)
        return article

    def pipe(self, articles: Iterable[Article], batch_size: int = 64) -> Iterator[Article]:
        """Analyse many articles, ``batch_size`` at a time, yielding them in order."""
        it = iter(articles)
        while batch := list(islice(it, batch_size)):
            for stage in self.stages:
                batch = _stage_pipe(stage, batch)
            yield from batch


# Default stage order: (module, factory). A stage module that is missing is an error
# only if it was asked for by name; the default list names only shipped stages.
DEFAULT_STAGES: list[tuple[str, str]] = [
    ("marsad.text.stages", "CleanStage"),
    ("marsad.text.stages", "SegmentStage"),
    ("marsad.extract.entities", "EntityStage"),
    ("marsad.extract.places", "PlacesStage"),
    ("marsad.extract.times", "TimesStage"),
    ("marsad.extract.numbers", "NumbersStage"),
    ("marsad.extract.quotes", "QuoteStage"),
    ("marsad.extract.events", "EventStage"),
]


def _load(module: str, factory: str) -> Stage:
    mod = importlib.import_module(module)
    make: Callable[[], Stage] = getattr(mod, factory)
    return make()


def default_pipeline(exclude: Iterable[str] = ()) -> Pipeline:
    """The full analysis pipeline as shipped, minus stages named in ``exclude``."""
    skip = set(exclude)
    stages = [_load(m, f) for m, f in DEFAULT_STAGES]
    return Pipeline([s for s in stages if s.name not in skip])
