"""The server-rendered pages: Arabic, right to left, everything escaped.

Templates are rendered with autoescaping on; the only ``Markup`` values handed to them
are built in :mod:`marsad.web.highlight`, :mod:`marsad.web.charts` and
:mod:`marsad.web.worldmap`, each of which escapes every piece of text it inserts.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from marsad.api.backend import BackendError
from marsad.api.deps import DATE_PATTERN, MAX_OFFSET, BackendDep, require_read
from marsad.api.index import speaker_entity
from marsad.api.routes_corpus import entity_detail, story_timeline
from marsad.web.charts import bar_chart, fill_months
from marsad.web.highlight import highlight_article, render_snippet
from marsad.web.worldmap import render_map

TYPE_LABELS = {"PERS": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى", "GPE": "كيان جغرافي"}
FACET_LABELS = {"source": "المصدر", "month": "الشهر", "entity": "الكيان", "event_type": "نوع الحدث"}
PAGE_SIZE = 20


def _urlencode_with(params: dict[str, Any], **changes: Any) -> str:
    """Query string of ``params`` with ``changes`` applied (None removes a key)."""
    merged = {k: v for k, v in params.items() if v not in (None, "")}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return urlencode(merged)


@lru_cache(maxsize=1)
def _event_labels() -> dict[str, str]:
    try:
        from marsad.extract.event_types import EVENT_TYPES, UNTYPED, UNTYPED_LABEL_AR
    except ImportError:
        return {}
    return {t.name: t.label_ar for t in EVENT_TYPES} | {UNTYPED: UNTYPED_LABEL_AR}


def event_label(name: str | None) -> str:
    """Arabic label of an event type (the type name itself when unknown)."""
    return _event_labels().get(name or "", name or "")


def make_environment() -> Environment:
    folder = str(resources.files("marsad.web").joinpath("templates"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["urlencode_with"] = _urlencode_with
    env.filters["evlabel"] = event_label
    return env


ENV = make_environment()
router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("q", None)
    return HTMLResponse(ENV.get_template(name).render(**context), status_code=status)


def error_page(status: int, message: str) -> HTMLResponse:
    return render("error.html", status=status, status_code=status, message=message)


def _snippet(hit: dict[str, Any]) -> Any:
    marked = []
    last = 0
    snippet = hit.get("snippet") or ""
    for start, end in hit.get("highlights") or []:
        if 0 <= last <= start <= end <= len(snippet):
            marked.append(snippet[last:start])
            marked.append("\x02" + snippet[start:end] + "\x03")
            last = end
    marked.append(snippet[last:])
    return render_snippet("".join(marked), "\x02", "\x03")


@router.get("/", response_class=HTMLResponse)
def home(backend: BackendDep) -> HTMLResponse:
    recent, total = backend.list_articles(_no_filters(), 10, 0)
    stories = sorted(backend.groups()[1], key=lambda s: -s.get("size", 0))[:10]
    sources = backend.sources()
    return render("index.html", recent=recent, stories=stories, sources=sources[:15],
                  stats={"articles": total, "sources": len(sources)})


def _no_filters() -> Any:
    from marsad.api.backend import Filters
    return Filters()


@router.get("/search", response_class=HTMLResponse)
def search_page(
    backend: BackendDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
    source: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    month: Annotated[str | None, Query(max_length=7)] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> HTMLResponse:
    import re

    from marsad.api.backend import Filters

    error = None
    for label, value in (("من", date_from), ("إلى", date_to)):
        if value and not re.match(DATE_PATTERN, value):
            error = f"تاريخ غير صالح ({label}): استعمل الصيغة YYYY-MM-DD"
            date_from = date_to = None
    if month and re.fullmatch(r"\d{4}-\d{2}", month):
        date_from, date_to = month, month
    params = {"q": q, "source": source, "from": date_from, "to": date_to, "entity": entity,
              "event_type": event_type, "offset": offset or None}
    filters = Filters(source or None, date_from or None, date_to or None, entity or None, event_type or None)
    hits: list[dict[str, Any]] = []
    total, facets_raw = 0, {}
    try:
        if q and q.strip():
            result = backend.search_page(q, filters, PAGE_SIZE, offset)
        else:
            result = backend.list_page(filters, PAGE_SIZE, offset)
        hits, total, facets_raw = result.hits, result.total, result.facets
    except BackendError as exc:
        error = f"تعذّر فهم الاستعلام: {exc.message}"
    for hit in hits:
        if hit.get("snippet"):
            hit["snippet_html"] = _snippet(hit)
    facets = []
    for key in ("source", "month", "entity", "event_type"):
        items = [{"value": v, "label": event_label(label) if key == "event_type" else label, "count": n}
                 for v, label, n in facets_raw.get(key, [])]
        facets.append({"key": key, "label": FACET_LABELS[key], "items": items})
    active = []
    for key, value in (("source", source), ("from", date_from), ("to", date_to), ("event_type", event_type)):
        if value:
            label = FACET_LABELS.get(key, {"from": "من", "to": "إلى"}.get(key, key))
            active.append((key, label, event_label(value) if key == "event_type" else value))
    if entity:
        info = backend.entity(entity)
        active.append(("entity", FACET_LABELS["entity"], info.canonical if info else entity))
    return render("search.html", q=q, params=params, hits=hits, total=total, facets=facets, active=active,
                  error=error, limit=PAGE_SIZE, offset=offset)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(backend: BackendDep, article_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    article = backend.get_article(article_id)
    if article is None:
        return error_page(404, "لا يوجد مقال بهذا المعرّف.")
    mentions = backend.mentions(article)
    known = {m.id for m in mentions if backend.entity(m.id) is not None}
    ids: list[str | None] = [None] * len(article.layer("entities"))
    for m in mentions:
        if 0 <= m.index < len(ids) and m.id in known:
            ids[m.index] = m.id  # never link to a page that would 404
    body = highlight_article(article, ids)
    quotes = []
    for i, quote in enumerate(article.layer("quotes")):
        name, sid = speaker_entity(article, quote.speaker, mentions)
        quotes.append({"index": i, "text": article.span_text(quote), "cue": quote.cue, "speaker_name": name,
                       "speaker_id": sid if sid in known else None})
    counts: Counter[str] = Counter()
    first: dict[str, Any] = {}
    for m in mentions:
        counts[m.id] += 1
        first.setdefault(m.id, m)
    entities = []
    for eid, n in counts.most_common():
        m = first[eid]
        entities.append({"type": m.type, "type_label": TYPE_LABELS.get(m.type, m.type), "name": m.display,
                         "count": n, "id": eid if eid in known else None})
    events = []
    for i, ev in enumerate(article.layer("events")):
        args = "، ".join(str(a.get("text", "")) for a in [*ev.actors, *ev.targets] if isinstance(a, dict))
        events.append({"index": i, "type": ev.type, "text": article.span_text(ev), "modality": ev.modality,
                       "args": args, "main": ev.main})
    duplicates = [backend.meta(d) for d in backend.duplicates_of(article.id)]
    return render("article.html", article=article, body=body, quotes=quotes, entities=entities, events=events,
                  duplicates=duplicates, story=backend.story_of(article.id))


@router.get("/entities", response_class=HTMLResponse)
def entities_page(backend: BackendDep, q: Annotated[str | None, Query(max_length=200)] = None,
                  type: Annotated[str | None, Query(max_length=20)] = None,
                  offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    items, total = backend.entities(q, type or None, 50, offset)
    params = {"q": q, "type": type, "offset": offset or None}
    return render("entities.html", items=items, total=total, params=params, limit=50, offset=offset,
                  types=list(TYPE_LABELS.items()))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(backend: BackendDep, entity_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    info = backend.entity(entity_id)
    if info is None:
        return error_page(404, "لا يوجد كيان بهذا المعرّف.")
    data = entity_detail(backend, info)
    chart = bar_chart(fill_months(sorted(info.by_month.items())))
    return render("entity.html", entity=data, type_label=TYPE_LABELS.get(info.type, info.type), chart=chart,
                  quotes=data["quotes"], comentions=data["comentions"], places=data["places"])


@router.get("/stories", response_class=HTMLResponse)
def stories_page(backend: BackendDep, offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    items = sorted(backend.groups()[1], key=lambda s: -s.get("size", 0))
    return render("stories.html", items=items[offset:offset + 50], total=len(items), params={}, limit=50,
                  offset=offset)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(backend: BackendDep, story_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    story = backend.story(story_id)
    if story is None:
        return error_page(404, "لا توجد قصة بهذا المعرّف.")
    entities = []
    for e in story.get("entities") or story.get("key_entities") or []:
        if isinstance(e, dict):
            entities.append({"id": e.get("id"), "canonical": e.get("canonical") or e.get("name") or e.get("text")})
        else:
            entities.append({"id": None, "canonical": str(e)})
    view = {**story, "entities": entities, "sources": story.get("sources") or []}
    return render("story.html", story=view, timeline=story_timeline(backend, story))


@router.get("/map", response_class=HTMLResponse)
def map_page(backend: BackendDep) -> HTMLResponse:
    places = backend.places()
    return render("map.html", places=places, svg=render_map(places))


@router.get("/docs", response_class=HTMLResponse)
def docs_page() -> HTMLResponse:
    return render("docs.html")

