"""Request and response shapes of the JSON API (they also make the OpenAPI document).

Response models list the fields clients can rely on; an article's detail allows extra
fields because each analysis layer is its own list and new layers appear over time.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$"
MAX_TEXT_CHARS = 300_000  # x 6 bytes per escaped char still fits the 2 MB body limit


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    detail: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    error: ErrorInfo


class Page(BaseModel):
    total: int = Field(description="Items matching, before limit/offset.")
    limit: int
    offset: int


class ArticleSummary(BaseModel):
    id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


class ArticleList(Page):
    items: list[ArticleSummary]


class SearchHitOut(BaseModel):
    id: str
    title: str | None = None
    score: float
    snippet: str
    source: str | None = None
    published: str | None = None
    highlights: list[list[int]] = Field(default_factory=list,
                                        description="(start, end) of each matching word inside snippet")


class SearchResponse(BaseModel):
    query: str
    limit: int
    offset: int
    count: int = Field(description="Hits on this page.")
    results: list[SearchHitOut]


class ArticleDetail(BaseModel):
    """The stored article with every layer (sentences, tokens, entities, quotes, ...)."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    text: str
    entity_ids: list[str | None] = Field(default_factory=list,
                                         description="Entity page id of each span in the entities layer")


class ArticleIn(BaseModel):
    """A new article to analyse and store."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="Raw article text (no NUL characters)")
    title: str | None = Field(default=None, max_length=1000)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, pattern=ISO_DATE, max_length=40)

    @field_validator("text")
    @classmethod
    def _has_content(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        if "\x00" in value:
            raise ValueError("text contains NUL characters")
        return value


class ArticleCreated(BaseModel):
    id: str
    created: bool = Field(description="False when the same text was already stored")
    article: ArticleDetail


class EntitySummary(BaseModel):
    id: str
    canonical: str
    type: str
    mentions: int
    articles: int


class EntityList(Page):
    items: list[EntitySummary]


class PeriodCount(BaseModel):
    period: str
    count: int


class RelatedEntity(EntitySummary):
    together: int = Field(description="Articles mentioning both")


class QuoteOut(BaseModel):
    article_id: str
    start: int
    end: int
    text: str
    kind: str | None = None
    cue: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    article_title: str | None = None
    published: str | None = None


class QuoteList(Page):
    items: list[QuoteOut]


class EntityDetail(EntitySummary):
    aliases: list[str]
    timeline: list[PeriodCount]
    quotes: list[QuoteOut]
    comentions: list[RelatedEntity]
    places: list[RelatedEntity]
    geo: dict[str, Any] | None = None


class EventOut(BaseModel):
    article_id: str
    start: int
    end: int
    text: str
    type: str | None = None
    modality: str | None = None
    actors: list[str] = Field(default_factory=list)
    place: str | None = None
    main: bool = False
    published: str | None = None


class EventList(Page):
    items: list[EventOut]


class StoryOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    title: str | None = None
    start: str | None = None
    end: str | None = None
    sources: list[str] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    size: int = 0


class StoryList(Page):
    items: list[StoryOut]


class TimelineItem(ArticleSummary):
    copies: list[ArticleSummary] = Field(default_factory=list, description="Duplicates collapsed here")


class StoryDetail(StoryOut):
    timeline: list[TimelineItem]


class DuplicateGroupOut(BaseModel):
    original: str
    members: list[str]


class DuplicateList(Page):
    items: list[DuplicateGroupOut]


class SourceOut(BaseModel):
    name: str
    articles: int


class SourceList(BaseModel):
    items: list[SourceOut]


class TimelineOut(BaseModel):
    entity: EntitySummary
    series: list[PeriodCount]
