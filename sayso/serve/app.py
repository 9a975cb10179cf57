"""The web app: REST API under /api/, server-rendered pages everywhere else.

``create_app(store_url, token=…)`` builds it around one ``Store``. Writing (``POST
/api/articles``) needs ``token``; reading is open unless ``read_token`` is set, in which case
every page and API read needs either token, as ``Authorization: Bearer TOKEN`` or, so that a
browser can ask for it, as the password of HTTP Basic authentication. Tokens are compared in
constant time. Every response carries a strict Content-Security-Policy (no script at all)
and ``X-Content-Type-Options: nosniff``; request bodies over ``max_body`` bytes get 413.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import SaysoError
from ..store import Store

HERE = Path(__file__).resolve().parent
TOKEN_VAR = "SAYSO_TOKEN"
READ_TOKEN_VAR = "SAYSO_READ_TOKEN"
MAX_BODY = 2_000_000  # bytes: far more than any news article, HTML page included
MAX_PAGE = 100  # items per page, whatever a client asks for
DEFAULT_PAGE = 20

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


@dataclass
class Settings:
    """What the app was started with; kept on ``app.state.settings``."""

    token: str | None = None
    read_token: str | None = None
    max_body: int = MAX_BODY
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def _presented(request: Request) -> str | None:
    """The token the request carries: a Bearer token, or the password of Basic authentication."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None


def _matches(given: str | None, *tokens: str | None) -> bool:
    if given is None:
        return False
    found = False
    for token in tokens:  # compare with every token, so timing tells nothing about which matched
        if token and hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            found = True
    return found


def require_read(request: Request) -> None:
    """Reads are open unless a read token is set; then either token will do."""
    settings: Settings = request.app.state.settings
    if settings.read_token and not _matches(_presented(request), settings.read_token, settings.token):
        raise HTTPException(401, "reading needs a token", headers={"WWW-Authenticate": 'Basic realm="sayso", charset="UTF-8"'})


def require_write(request: Request) -> None:
    """Writes need the write token; with none configured they are turned off."""
    settings: Settings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, f"writing is turned off: start the server with {TOKEN_VAR} set")
    if not _matches(_presented(request), settings.token):
        raise HTTPException(401, "writing needs the token: send 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})


class Guard:
    """Security headers on every response, and a limit on the size of request bodies."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        async def send_unless_refused(message: Message) -> None:
            if not refused:  # after a 413 the app's own answer goes nowhere
                await send_guarded(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(send_guarded)
            return
        received = 0

        async def receive_limited() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request" and not refused:
                received += len(message.get("body", b""))
                if received > self.max_body:  # a body with no Content-Length, counted as it comes
                    if not started:
                        await self._refuse(send_guarded)
                    refused = True
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, receive_limited, send_unless_refused)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse(error_body(413, f"request body over {self.max_body} bytes"), status_code=413)
        await response({"type": "http"}, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(
    store_url: str | None = None,
    token: str | None = None,
    read_token: str | None = None,
    max_body: int = MAX_BODY,
    store: Store | None = None,
) -> FastAPI:
    """The app over the store at ``store_url`` (default ``$SAYSO_DB`` or ./sayso.db).

    ``token`` (default ``$SAYSO_TOKEN``) allows writing; ``read_token`` (default
    ``$SAYSO_READ_TOKEN``) closes reading to those without a token. A ``store`` already
    open may be given instead of a URL.
    """
    from . import api, pages  # the routes need the helpers above

    opened = store if store is not None else Store(store_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if store is None:  # the app opened it, so the app closes it
            opened.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sayso",
        summary="Who says so: attributed claims in news articles, linked across articles into propositions with verdicts.",
        version="1",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = opened
    app.state.settings = Settings(
        token=token if token is not None else os.environ.get(TOKEN_VAR) or None,
        read_token=read_token if read_token is not None else os.environ.get(READ_TOKEN_VAR) or None,
        max_body=max_body,
    )
    app.state.templates = pages.templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Guard, max_body=max_body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        headers = getattr(error, "headers", None)
        if _is_api(request):
            return JSONResponse(error_body(error.status_code, str(error.detail)), error.status_code, headers=headers)
        return pages.error_page(request, error.status_code, str(error.detail), headers)

    @app.exception_handler(SaysoError)
    async def unavailable(request: Request, error: SaysoError) -> Response:
        # The database failed (gone, full, locked past the busy timeout): one line, no traceback.
        if _is_api(request):
            return JSONResponse(error_body(503, str(error)), 503)
        return pages.error_page(request, 503, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
            for e in error.errors()
        ]
        message = "invalid request: " + "; ".join(f"{d['where']}: {d['message']}" for d in details)
        if _is_api(request):
            return JSONResponse(error_body(422, message, details), 422)
        return pages.error_page(request, 422, message)

    return app

