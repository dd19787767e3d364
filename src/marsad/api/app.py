"""The application factory: JSON API under ``/api``, pages at ``/``, one process.

``create_app(store_url, settings)`` wires the backend, the routers, the error
handlers, the body-size limit and security headers. FastAPI's own ``/docs`` loads
Swagger UI from a CDN, so it is switched off and replaced by an offline page
(``/docs``) that renders ``/openapi.json`` with a small script we ship.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.api import export, routes_articles, routes_corpus
from marsad.api.backend import Backend
from marsad.api.errors import ApiError, BodySizeLimit, error_response, install_error_handlers
from marsad.api.settings import Settings

# Pages are server-rendered: scripts and styles only from our own origin, no framing.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(store_url: str, settings: Settings | None = None, *,
               pipeline_factory: Callable[[], object] | None = None) -> FastAPI:
    """Build the app over the store at ``store_url`` (path, sqlite:/// or postgresql://).

    ``pipeline_factory`` builds the analysis pipeline used by POST /api/articles (the
    shipped default pipeline when None); it is built on the first write, not at start-up.
    """
    settings = settings or Settings.from_env()
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.settings.warm:
            threading.Thread(target=app.state.backend.warm, name="marsad-warm", daemon=True).start()
        yield
        app.state.backend.close()  # close every per-thread connection on shutdown

    app = FastAPI(
        lifespan=lifespan,
        title="Marsad API",
        description="Arabic news analysis: search, articles with all analysis layers, entities, quotes, "
                    "events, stories, duplicates. Errors are JSON: {\"error\": {status, code, message}}.",
        version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.settings = settings
    app.state.backend = Backend(store_url, pipeline_factory)  # type: ignore[arg-type]
    install_error_handlers(app)
    _install_page_errors(app)
    app.include_router(routes_articles.router)
    app.include_router(routes_corpus.router)
    app.include_router(export.router)
    from marsad.web.pages import router as pages_router
    app.include_router(pages_router)
    static_dir = str(resources.files("marsad.web").joinpath("static"))
    app.mount("/static", StaticFiles(directory=static_dir, follow_symlink=False), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                               ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    return app


def _install_page_errors(app: FastAPI) -> None:
    """Unknown pages get an HTML error page; anything under /api keeps the JSON body."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        path = request.url.path
        if not path.startswith(("/api", "/openapi", "/static")) and "text/html" in request.headers.get("accept", ""):
            from marsad.web.pages import error_page
            message = "الصفحة غير موجودة." if exc.status_code == 404 else str(exc.detail)
            return error_page(exc.status_code, message)
        return error_response(exc.status_code, {404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "http_error"), str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        path = request.url.path
        if not path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
            from marsad.web.pages import error_page
            return error_page(exc.status, exc.message)
        return error_response(exc.status, exc.code, exc.message, **exc.detail)
