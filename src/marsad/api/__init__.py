"""The JSON API and the web UI of Marsad, served by one FastAPI app (``marsad serve``)."""

from __future__ import annotations

from typing import Any


def create_app(store_url: str, settings: Any = None, **kwargs: Any) -> Any:
    """See :func:`marsad.api.app.create_app` (imported lazily: FastAPI is heavy)."""
    from marsad.api.app import create_app as _create

    return _create(store_url, settings, **kwargs)


__all__ = ["create_app"]
