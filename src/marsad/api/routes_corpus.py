"""Cross-article views: entities, quotes, events, stories, duplicates, timelines."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from marsad.api.backend import Backend
from marsad.api.deps import BackendDep, PagingDep
from marsad.api.errors import ApiError
from marsad.api.index import EntityInfo
from marsad.api.models import (
    DuplicateList,
    EntityDetail,
    EntityList,
    EventList,
    QuoteList,
    StoryDetail,
    StoryList,
    TimelineOut,
)
from marsad.api.routes_articles import ERRORS, ID_PATTERN, read

router = APIRouter(prefix="/api", responses=ERRORS)


def entity_summary(info: EntityInfo) -> dict[str, Any]:
    return {"id": info.id, "canonical": info.canonical, "type": info.type, "mentions": info.mentions,
            "articles": len(info.articles)}


def entity_detail(backend: Backend, info: EntityInfo, quote_limit: int = 50) -> dict[str, Any]:
    quotes, _ = backend.quotes(info.id, quote_limit, 0)
    data = entity_summary(info)
    data.update(
        aliases=[a for a, _ in info.aliases.most_common()],
        timeline=[{"period": p, "count": n} for p, n in sorted(info.by_month.items())],
        quotes=quotes,
        comentions=[{**entity_summary(e), "together": n} for e, n in backend.index.comentions(info.id)],
        places=[{**entity_summary(e), "together": n} for e, n in backend.index.places_for(info.id)],
        geo=info.geo,
    )
    return data


def story_timeline(backend: Backend, story: dict[str, Any]) -> list[dict[str, Any]]:
    """The story's articles in time order, each duplicate group collapsed into its original."""
    members = list(dict.fromkeys(story.get("articles", [])))
    inside = set(members)
    copy_of: dict[str, str] = {}
    for group in backend.groups()[0]:
        in_story = [m for m in group["members"] if m in inside]
        original = group["original"] if group["original"] in inside else (in_story[0] if in_story else None)
        for m in in_story:
            if original and m != original:
                copy_of[m] = original
    items: dict[str, dict[str, Any]] = {}
    for aid in members:
        if aid not in copy_of:
            items[aid] = {**backend.meta(aid), "copies": []}
    for aid, original in copy_of.items():
        if original in items:
            items[original]["copies"].append(backend.meta(aid))
    return sorted(items.values(), key=lambda i: (i["published"] or "9999", i["id"]))


@router.get("/entities", response_model=EntityList, dependencies=read, summary="Entities, most mentioned first")
def entities(backend: BackendDep, paging: PagingDep,
             q: Annotated[str | None, Query(max_length=200, description="Part of a name or alias")] = None,
             type: Annotated[str | None, Query(max_length=20, description="PERS, LOC, ORG, MISC")] = None,
             ) -> dict[str, Any]:
    items, total = backend.entities(q, type, paging.limit, paging.offset)
    return {"total": total, "limit": paging.limit, "offset": paging.offset,
            "items": [entity_summary(e) for e in items]}


@router.get("/entities/{entity_id}", response_model=EntityDetail, dependencies=read,
            summary="One entity: aliases, mentions over time, quotes, co-mentions, places")
def entity(backend: BackendDep, entity_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> dict[str, Any]:
    info = backend.entity(entity_id)
    if info is None:
        raise ApiError(404, "not_found", f"no entity with id {entity_id!r}")
    return entity_detail(backend, info)


@router.get("/quotes", response_model=QuoteList, dependencies=read, summary="Quotes, newest first")
def quotes(backend: BackendDep, paging: PagingDep,
           speaker: Annotated[str | None, Query(max_length=200, description="Entity id or name")] = None,
           ) -> dict[str, Any]:
    items, total = backend.quotes(speaker, paging.limit, paging.offset)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


@router.get("/events", response_model=EventList, dependencies=read, summary="Events, newest first")
def events(backend: BackendDep, paging: PagingDep,
           type: Annotated[str | None, Query(max_length=100, description="Event type")] = None,
           main: Annotated[bool | None, Query(description="true: only each article's main event (what its "
                                                 "lead reports); false: the others")] = None) -> dict[str, Any]:
    items, total = backend.events(type, paging.limit, paging.offset, main)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "items": items}


@router.get("/stories", response_model=StoryList, dependencies=read, summary="Stories, largest first")
def stories(backend: BackendDep, paging: PagingDep) -> dict[str, Any]:
    items = sorted(backend.groups()[1], key=lambda s: (-s.get("size", 0), str(s.get("id"))))
    return {"total": len(items), "limit": paging.limit, "offset": paging.offset,
            "items": items[paging.offset:paging.offset + paging.limit]}


@router.get("/stories/{story_id}", response_model=StoryDetail, dependencies=read,
            summary="One story with its timeline across outlets")
def story(backend: BackendDep, story_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> dict[str, Any]:
    found = backend.story(story_id)
    if found is None:
        raise ApiError(404, "not_found", f"no story with id {story_id!r}")
    return {**found, "timeline": story_timeline(backend, found)}


@router.get("/duplicates", response_model=DuplicateList, dependencies=read,
            summary="Groups of republished copies (original first)")
def duplicates(backend: BackendDep, paging: PagingDep) -> dict[str, Any]:
    items = backend.groups()[0]
    return {"total": len(items), "limit": paging.limit, "offset": paging.offset,
            "items": items[paging.offset:paging.offset + paging.limit]}


@router.get("/timeline", response_model=TimelineOut, dependencies=read,
            summary="Articles mentioning an entity, per month")
def timeline(backend: BackendDep,
             entity: Annotated[str, Query(min_length=1, max_length=200, description="Entity id or name")],
             ) -> dict[str, Any]:
    info, series = backend.timeline(entity)
    if info is None:
        raise ApiError(404, "not_found", f"no entity matches {entity!r}")
    return {"entity": entity_summary(info), "series": [{"period": p, "count": n} for p, n in series]}
