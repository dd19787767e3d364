"""Pipeline assembly checks and batch running."""

from __future__ import annotations

import pytest

from marsad.model import Article
from marsad.pipeline import Pipeline, PipelineError, default_pipeline


class _Upper:
    name = "upper"
    requires = ("text",)
    assigns = ("shout",)

    def __call__(self, article: Article) -> Article:
        article.meta["shout"] = article.text.upper()
        return article


class _NeedsShout:
    name = "needs"
    requires = ("shout",)
    assigns = ("done",)

    def __init__(self) -> None:
        self.batches: list[int] = []

    def __call__(self, article: Article) -> Article:
        article.meta["done"] = True
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        self.batches.append(len(articles))
        return [self(a) for a in articles]


def test_order_is_checked_when_built() -> None:
    with pytest.raises(PipelineError, match="needs.*shout"):
        Pipeline([_NeedsShout(), _Upper()])


def test_pipe_batches_and_keeps_order() -> None:
    needs = _NeedsShout()
    pipe = Pipeline([_Upper(), needs])
    arts = [Article.from_raw(f"a{i}") for i in range(10)]
    out = list(pipe.pipe(arts, batch_size=4))
    assert [a.meta["shout"] for a in out] == [f"A{i}" for i in range(10)]
    assert needs.batches == [4, 4, 2]


def test_default_pipeline_starts_with_clean_and_segment() -> None:
    names = default_pipeline().names
    assert names[:2] == ["clean", "segment"]


def test_default_pipeline_result_is_valid() -> None:
    art = default_pipeline()(Article.from_raw("قال الوزير إن الاجتماع مهم.  وأضاف أنه سيعقد غدا."))
    art.validate()
    assert len(art.sentences) == 2
    assert art.tokens and all(art.text[t.start:t.end] == t.text for t in art.tokens)
