"""CSV and JSON downloads behind the pages' export buttons.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``) are prefixed with a quote, because article text is untrusted and exports get
opened in spreadsheet software.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from marsad.api.backend import BackendError
from marsad.api.deps import BackendDep, FiltersDep
from marsad.api.errors import ApiError
from marsad.api.routes_articles import ERRORS, read

_FILE: dict[int | str, dict[str, Any]] = {200: {"description": "A CSV or JSON download",
               "content": {"text/csv": {"schema": {"type": "string"}},
                           "application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}}
router = APIRouter(prefix="/api/export", responses={**ERRORS, **_FILE})
Format = Annotated[Literal["csv", "json"], Query(description="csv or json")]
EXPORT_ROWS = 1000


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def render(rows: list[dict[str, Any]], columns: list[str], fmt: str, name: str) -> Response:
    if fmt == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}.json"'})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    # BOM so spreadsheet software reads the Arabic as UTF-8
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


@router.get("/search", dependencies=read, response_class=Response, summary="Search results (or the filtered list) as CSV/JSON")
def export_search(backend: BackendDep, filters: FiltersDep, format: Format = "csv",
                  q: Annotated[str | None, Query(max_length=500, pattern=r"[^\W_]")] = None) -> Response:
    if q and q.strip():
        try:
            rows = [h.to_dict() for h in backend.search(q, filters, EXPORT_ROWS, 0)]
        except BackendError as exc:
            raise ApiError(400, exc.code, exc.message) from exc
    else:
        rows, _ = backend.list_articles(filters, EXPORT_ROWS, 0)
    return render(rows, ["id", "title", "source", "published", "score", "snippet"], format, "marsad-search")


@router.get("/quotes", dependencies=read, response_class=Response, summary="Quotes (optionally of one speaker) as CSV/JSON")
def export_quotes(backend: BackendDep, format: Format = "csv",
                  speaker: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    rows, _ = backend.quotes(speaker, EXPORT_ROWS, 0)
    return render(rows, ["article_id", "published", "speaker", "speaker_id", "cue", "kind", "text"], format,
                  "marsad-quotes")


@router.get("/events", dependencies=read, response_class=Response, summary="Events as CSV/JSON")
def export_events(backend: BackendDep, format: Format = "csv",
                  type: Annotated[str | None, Query(max_length=100)] = None,
                  main: Annotated[bool | None, Query()] = None) -> Response:
    rows, _ = backend.events(type, EXPORT_ROWS, 0, main)
    return render(rows, ["article_id", "published", "type", "modality", "text", "actors", "place", "main"], format,
                  "marsad-events")


@router.get("/entities", dependencies=read, response_class=Response, summary="Entities as CSV/JSON")
def export_entities(backend: BackendDep, format: Format = "csv",
                    type: Annotated[str | None, Query(max_length=20)] = None) -> Response:
    items, _ = backend.entities(None, type, EXPORT_ROWS, 0)
    rows = [{"id": e.id, "canonical": e.canonical, "type": e.type, "mentions": e.mentions,
             "articles": len(e.articles), "aliases": [a for a, _ in e.aliases.most_common(10)]} for e in items]
    return render(rows, ["id", "canonical", "type", "mentions", "articles", "aliases"], format,
                  "marsad-entities")
