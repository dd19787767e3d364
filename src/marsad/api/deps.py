"""Shared request plumbing: the backend, the settings, paging limits and the token check.

The token is compared with :func:`hmac.compare_digest` so the time a wrong token takes
to reject does not tell an attacker how many leading characters were right.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Query, Request

from marsad.api.backend import Backend, Filters
from marsad.api.errors import ApiError
from marsad.api.models import ISO_DATE
from marsad.api.settings import Settings

MAX_LIMIT = 100
MAX_OFFSET = 100_000
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def get_backend(request: Request) -> Backend:
    return request.app.state.backend  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise ApiError(401, "unauthorized", "the Authorization header must be 'Bearer <token>'")
    return value.strip()


def token_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of two tokens (as UTF-8 bytes)."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_write(request: Request) -> None:
    """Writes need the configured token; with none configured they are disabled."""
    settings = get_settings(request)
    if settings.write_token is None:
        raise ApiError(403, "writes_disabled",
                       "writing is disabled: start the server with MARSAD_WRITE_TOKEN set")
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <token>'")
    if not token_matches(given, settings.write_token):
        raise ApiError(403, "forbidden", "the token is not valid")


def require_read(request: Request) -> None:
    """Reads are open unless the server was started with MARSAD_READ_OPEN=false."""
    settings = get_settings(request)
    if settings.read_open:
        return
    if settings.write_token is None:
        raise ApiError(403, "reads_closed", "reading is closed and no token is configured")
    given = _bearer(request)
    if given is None:
        raise ApiError(401, "unauthorized", "reading needs 'Authorization: Bearer <token>'")
    if not token_matches(given, settings.write_token):
        raise ApiError(403, "forbidden", "the token is not valid")


class Paging:
    """``limit``/``offset`` with caps; the default page size comes from settings."""

    def __init__(self, request: Request,
                 limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="Page size")] = None,
                 offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0) -> None:
        settings = get_settings(request)
        self.limit = min(limit or settings.default_page, settings.max_page)
        self.offset = min(offset, settings.max_offset)


def search_filters(
    source: Annotated[str | None, Query(max_length=200, description="Only this outlet")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE_PATTERN,
                                           description="Published on or after (YYYY[-MM[-DD]])")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE_PATTERN,
                                         description="Published on or before (YYYY[-MM[-DD]])")] = None,
    entity: Annotated[str | None, Query(max_length=200, description="Entity id or name")] = None,
    event_type: Annotated[str | None, Query(max_length=100, description="Event type")] = None,
) -> Filters:
    if date_from and date_to and date_from > date_to:
        raise ApiError(400, "bad_date_range", f"'from' ({date_from}) is after 'to' ({date_to})")
    return Filters(source or None, date_from, date_to, entity or None, event_type or None)


BackendDep = Annotated[Backend, Depends(get_backend)]
FiltersDep = Annotated[Filters, Depends(search_filters)]
PagingDep = Annotated[Paging, Depends(Paging)]
__all__ = ["ISO_DATE", "BackendDep", "FiltersDep", "PagingDep", "require_read", "require_write"]
