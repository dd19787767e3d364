"""Search, articles and sources: the endpoints the load test exercises."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import JSONResponse

from marsad.api.backend import Backend, BackendError, hit_dict
from marsad.api.deps import BackendDep, FiltersDep, PagingDep, require_read, require_write
from marsad.api.errors import ApiError
from marsad.api.models import (
    ArticleCreated,
    ArticleDetail,
    ArticleIn,
    ArticleList,
    ErrorBody,
    SearchResponse,
    SourceList,
)
from marsad.model import Article

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody},
    404: {"model": ErrorBody}, 413: {"model": ErrorBody}, 422: {"model": ErrorBody},
    503: {"model": ErrorBody},
}
ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"

router = APIRouter(prefix="/api", responses=ERRORS)
read = [Depends(require_read)]


def article_detail(article: Article, backend: Backend) -> dict[str, Any]:
    data = article.to_dict(include_raw=False)
    data["entity_ids"] = backend.entity_ids(article)
    return data


@router.get("/search", response_model=SearchResponse, dependencies=read, summary="Full-text search")
def search(backend: BackendDep, filters: FiltersDep, paging: PagingDep,
           q: Annotated[str, Query(min_length=1, max_length=500, pattern=r"[^\W_]",
                                   description='Words, "phrases", OR, NOT/-word, parentheses; '
                                               "must contain a letter or digit")]) -> dict[str, Any]:
    """Ranked articles for ``q`` (the CLI's query language) with highlighted snippets."""
    try:
        hits = backend.search(q, filters, paging.limit, paging.offset)
    except BackendError as exc:
        raise ApiError(400, exc.code, exc.message) from exc
    results = [hit_dict(h) for h in hits]
    return {"query": q, "limit": paging.limit, "offset": paging.offset, "count": len(results),
            "results": results}


@router.get("/articles", response_model=ArticleList, dependencies=read, summary="List articles, newest first")
def list_articles(backend: BackendDep, filters: FiltersDep, paging: PagingDep) -> dict[str, Any]:
    items, total = backend.list_articles(filters, paging.limit, paging.offset)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


@router.get("/articles/{article_id}", response_model=ArticleDetail, dependencies=read,
            summary="One article with all its layers")
def get_article(backend: BackendDep,
                article_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> JSONResponse:
    article = backend.get_article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    # Returned as is: the stored document is already valid (Article.from_dict checked it),
    # and re-validating thousands of token spans per request would dominate the latency.
    return JSONResponse(article_detail(article, backend))


@router.post("/articles", response_model=ArticleCreated, status_code=201,
             dependencies=[Depends(require_write)], summary="Analyse and store a new article",
             responses={200: {"model": ArticleCreated, "description": "The same text was already stored"}})
def post_article(backend: BackendDep, body: ArticleIn) -> JSONResponse:
    """Runs the full analysis pipeline on ``text`` and stores the result.

    Needs ``Authorization: Bearer <token>``. Answers 201 when stored, 200 when the same
    text was already there (ids are content hashes).
    """
    article = Article.from_raw(body.text, title=body.title, source=body.source, url=body.url,
                               published=body.published)
    try:
        analysed, created = backend.add_article(article)
    except BackendError as exc:
        raise ApiError(503, exc.code, exc.message) from exc
    except ValueError as exc:  # ModelError and friends: the analysis produced something invalid
        raise ApiError(422, "analysis_failed", f"the article could not be analysed: {exc}") from exc
    payload = ArticleCreated(id=analysed.id, created=created,
                             article=ArticleDetail(**article_detail(analysed, backend)))
    return JSONResponse(payload.model_dump(mode="json"), status_code=201 if created else 200)


@router.get("/sources", response_model=SourceList, dependencies=read, summary="Outlets and article counts")
def sources(backend: BackendDep) -> dict[str, Any]:
    return {"items": backend.sources()}
