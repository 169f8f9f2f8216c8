"""The desk's FastAPI application: REST API under ``/api`` (OpenAPI at ``/docs``) and the
Arabic right-to-left pages, over one riwaya database.

>>> app = create_app(":memory:")
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/stories"))
['/api/stories', '/api/stories/{story_id}']
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from riwaya.errors import IngestError, NotFound, RiwayaError, StoreError
from riwaya.ingest.options import IngestOptions
from riwaya.server.service import Desk
from riwaya.store import open_store
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.corrections import CorrectionError

try:  # Swagger UI and ReDoc served from the package, not a CDN: /docs works offline
    from fastapi_offline import FastAPIOffline as _make_app
except ImportError:  # pragma: no cover - then /docs loads Swagger UI from its CDN
    _make_app = FastAPI  # type: ignore[assignment]

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
#: The largest request body accepted (an upload, a JSON batch).
MAX_BODY = 10_000_000


class ApiError(RiwayaError):
    """A request the API refuses, with the HTTP status to answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class Settings:
    """What one app serves and how: database path, token, whether writes need it."""

    def __init__(self, db_path: str, token: str | None, *, public: bool, allow_private_urls: bool) -> None:
        self.db_path = db_path
        self.token = token
        self.public = public
        self.ingest_options = IngestOptions(allow_private=allow_private_urls)
        self.desk = Desk()
        self._local = threading.local()
        self._stores: list[SqliteStore] = []
        self._lock = threading.Lock()

    def store(self) -> SqliteStore:
        """This thread's connection (SQLite connections are not shared between threads)."""
        store: SqliteStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db_path)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def open_store(self) -> SqliteStore:
        """A new connection of its own (for a background thread)."""
        return open_store(self.db_path)

    def close(self) -> None:
        with self._lock:
            for store in self._stores:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - closing from another thread may fail; the process ends anyway
                    pass
            self._stores.clear()


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Iterator[SqliteStore]:
    yield get_settings(request).store()


_bearer = HTTPBearer(auto_error=False, description="RIWAYA_TOKEN; required for writes when the server listens beyond localhost")


def require_writer(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)
) -> None:
    """Writes need the bearer token when one is set; a public server without one refuses writes."""
    settings = get_settings(request)
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        # A page on another site posting here from a reader's browser (CSRF, DNS rebinding).
        raise ApiError(403, "forbidden", f"writes from pages of another origin ({origin}) are refused")
    if settings.token is None:
        if settings.public:
            raise ApiError(403, "writes_disabled", "this server listens beyond localhost and has no RIWAYA_TOKEN: writes are disabled")
        return
    if credentials is None:
        raise ApiError(401, "unauthorized", "this endpoint needs 'Authorization: Bearer <RIWAYA_TOKEN>'")
    if not hmac.compare_digest(credentials.credentials.encode(), settings.token.encode()):
        raise ApiError(401, "unauthorized", "the bearer token is not this server's RIWAYA_TOKEN")


class BodyLimit:
    """Answer 413 to a request whose body exceeds ``limit`` bytes (declared or streamed)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        too_large = JSONResponse(
            {"error": "too_large", "message": f"the request body is larger than {self.limit} bytes"}, status_code=413
        )
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_large(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await too_large(scope, receive, send)


class _TooLarge(Exception):
    pass


def _error(status: int, code: str, message: str, detail: list[dict[str, Any]] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message}
    if detail is not None:
        body["detail"] = detail
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")


def _install_errors(app: FastAPI) -> None:
    from riwaya.server.pages import error_page

    def answer(request: Request, status: int, code: str, message: str, detail: list[dict[str, Any]] | None = None) -> Any:
        message = message.replace(get_settings(request).db_path, "the database")  # no server paths in answers
        if _wants_html(request):
            return error_page(request, status, message)
        return _error(status, code, message, detail)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Any:
        return answer(request, exc.status, exc.code, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Any:
        return answer(request, 404, "not_found", str(exc))

    @app.exception_handler(CorrectionError)
    async def conflict(request: Request, exc: CorrectionError) -> Any:
        return answer(request, 409, "conflict", str(exc))

    @app.exception_handler(IngestError)
    async def bad_input(request: Request, exc: IngestError) -> Any:
        return answer(request, 422, "ingest_failed", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Any:
        logger.error("store error: %s", exc)
        return answer(request, 503, "store_unavailable", str(exc))

    @app.exception_handler(RiwayaError)
    async def riwaya_error(request: Request, exc: RiwayaError) -> Any:
        return answer(request, 400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        errors = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = ".".join(first["loc"])
        return answer(request, 422, "invalid", f"{where}: {first['msg']}" if where else str(first["msg"]), errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        codes = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorized", 403: "forbidden"}
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        return answer(request, exc.status_code, codes.get(exc.status_code, "error"), message)


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("::1"), is_loopback("0.0.0.0")
    (True, True, True, False)
    """
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(
    db_path: str | Path,
    token: str | None = None,
    *,
    public: bool = False,
    allow_private_urls: bool = False,
) -> FastAPI:
    """The desk over the database at ``db_path``.

    :param token: bearer token every write must carry (``RIWAYA_TOKEN``); None means
        writes are open when ``public`` is false (localhost) and refused when it is true.
    :param public: the server listens beyond localhost.
    :param allow_private_urls: let URL ingest fetch loopback/private addresses (tests).
    """
    from riwaya.server import api, pages

    settings = Settings(str(db_path), token or None, public=public, allow_private_urls=allow_private_urls)
    settings.store()  # create or migrate the database once, before threads race to
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        settings.close()

    app = _make_app(
        lifespan=lifespan,
        title="riwaya desk",
        version="1",
        description="Arabic news stories reconstructed: claims, origins, denials, timeline. "
        "Writes need `Authorization: Bearer $RIWAYA_TOKEN` when the server listens beyond localhost.",
        responses={422: {"model": api.ErrorBody, "description": "Invalid request"}},
    )
    app.state.settings = settings
    _install_errors(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(BodyLimit, limit=MAX_BODY)

    return app


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the desk with uvicorn (what ``riwaya serve`` calls).

    Writes need ``Authorization: Bearer $RIWAYA_TOKEN`` when ``RIWAYA_TOKEN`` is set;
    when ``host`` is not a loopback address and no token is set, writes are refused.
    """
    import uvicorn

    from riwaya.store import default_db_path

    token = os.environ.get("RIWAYA_TOKEN") or None
    public = not is_loopback(host)
    if public and token is None:
        logging.getLogger("uvicorn.error").warning("listening on %s without RIWAYA_TOKEN: writes are refused (403)", host)
    app = create_app(db or default_db_path(), token, public=public)
    uvicorn.run(app, host=host, port=port, log_level="info")


__all__ = ["create_app", "is_loopback", "serve"]
