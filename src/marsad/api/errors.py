"""One error shape for every failure: ``{"error": {"status", "code", "message", ...}}``.

Clients (and the fuzzer) see the same JSON body whether the failure came from a bad
query parameter, an unknown id, a missing token or an oversized body, and never a
traceback: unexpected exceptions are logged and answered with a generic 500 body.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("marsad.api")


class ApiError(Exception):
    """An error the API answers on purpose, with a status, a short code and a message."""

    def __init__(self, status: int, code: str, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail


def error_body(status: int, code: str, message: str, **detail: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail:
        body["detail"] = detail
    return {"error": body}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None,
                   **detail: Any) -> JSONResponse:
    out = dict(headers or {})
    if status == 401:
        out.setdefault("WWW-Authenticate", "Bearer")
    return JSONResponse(error_body(status, code, message, **detail), status_code=status, headers=out or None)


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
               415: "unsupported_media_type", 422: "invalid_parameters", 429: "too_many_requests"}


def _plain_errors(errors: list[Any]) -> list[dict[str, Any]]:
    # Pydantic errors may carry exception objects in "ctx"; keep only JSON-safe fields.
    out = []
    for err in errors:
        loc = [str(part) for part in err.get("loc", ())]
        out.append({"loc": loc, "message": str(err.get("msg", "")), "type": str(err.get("type", ""))})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception type to the shared JSON error body."""

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, **exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_parameters", "some parameters are missing or invalid",
                              errors=_plain_errors(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail), headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", "the server failed to answer this request")


class BodySizeLimit:
    """ASGI middleware that refuses request bodies above ``max_bytes`` with 413.

    It checks ``Content-Length`` up front and also counts streamed chunks, so a client
    that lies about the length (or sends chunked data) cannot push more than the limit
    into memory.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await self._refuse(scope, receive, send, 400, "bad_request", "invalid Content-Length")
                    return
                if declared > self.max_bytes:
                    await self._too_large(scope, receive, send)
                    return
        seen = 0
        started = False
        refused = False

        async def counting_receive() -> Message:
            # Count streamed chunks too: a client may send no Content-Length (chunked) or lie.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    if not started:
                        await self._too_large(scope, receive, send)
                    return {"type": "http.disconnect"}  # the app stops reading and gives up
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 has been sent; whatever the app says now is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, tracking_send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self._refuse(scope, receive, send, 413, "payload_too_large",
                           f"request body larger than {self.max_bytes} bytes")

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, code: str, msg: str) -> None:
        await error_response(status, code, msg)(scope, receive, send)
