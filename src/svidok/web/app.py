"""The FastAPI application: the JSON API under /api, the HTML pages, and JSON errors."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import SvidokError
from ..store import SearchError, StoreError, open_store
from .config import WebConfig
from .security import SecurityHeaders

DESCRIPTION = """Read the svidok archive: articles with their full analysis, entities (with their
timeline, quotes by and about them, and co-occurring entities), quotes, sources and search.
Every error is JSON: `{"error": ..., "detail": ...}`; bad parameters give 422."""


class Archive:
    """The open store plus a short cache of facet counts (costly on big archives)."""

    def __init__(self, config: WebConfig):
        self.config = config
        self.store = open_store(config.db)
        self._facets: tuple[float, dict] | None = None
        self._lock = threading.Lock()

    def facets(self) -> dict:
        from ..store import queries

        with self._lock:
            if self._facets and time.monotonic() - self._facets[0] < self.config.facet_cache_s:
                return self._facets[1]
        values = {name: queries.facet_counts(self.store, name) for name in queries.articles.FACETS}
        with self._lock:
            self._facets = (time.monotonic(), values)
        return values

    def forget_facets(self) -> None:
        with self._lock:
            self._facets = None


def create_app(config: WebConfig) -> FastAPI:
    """The ASGI app serving ``config.db``. The archive is opened now, so a bad address fails here."""
    archive = Archive(config)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        archive.store.close()

    app = FastAPI(
        title="svidok", version=__version__, description=DESCRIPTION, lifespan=lifespan,
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN, which the CSP forbids
    )  # fmt: skip
    app.state.archive = archive
    app.add_middleware(SecurityHeaders)
    _add_error_handlers(app)
    from .api import router as api_router
    from .pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.add_api_route("/static/page.css", _article_css, include_in_schema=False)
    static = resources.files("svidok.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


ENV_DB, ENV_TOKEN, ENV_ROOTS = "SVIDOK_WEB_DB", "SVIDOK_WEB_TOKEN", "SVIDOK_WEB_INGEST_ROOTS"


def config_to_environment(config: WebConfig) -> dict[str, str]:
    """The variables :func:`app_from_environment` reads: how worker processes get the config."""
    env = {ENV_DB: config.db, ENV_ROOTS: os.pathsep.join(str(p) for p in config.ingest_roots)}
    if config.token:
        env[ENV_TOKEN] = config.token
    return env


def app_from_environment() -> FastAPI:
    """The app for a server that starts it by import string (uvicorn's --workers)."""
    roots = tuple(Path(p) for p in os.environ.get(ENV_ROOTS, "").split(os.pathsep) if p)
    return create_app(WebConfig(db=os.environ[ENV_DB], token=os.environ.get(ENV_TOKEN), ingest_roots=roots))


def _error(status: int, error: str, detail, request: Request):
    """JSON for the API; an HTML page for a browser asking for a page."""
    if _wants_page(request):
        from .pages import TEMPLATES

        text = (
            detail
            if isinstance(detail, str)
            else "; ".join(f"{'.'.join(map(str, d.get('loc') or ()))}: {d.get('msg')}" for d in detail)
        )
        context = {"status": status, "error": error, "detail": text}
        return TEMPLATES.TemplateResponse(request, "error.html", context, status_code=status)
    return JSONResponse({"error": error, "detail": jsonable_encoder(detail)}, status_code=status)


def _wants_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api/", "/openapi.json", "/static/")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = [{"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return _error(422, "invalid parameters", detail, request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        response = _error(exc.status_code, _reason(exc.status_code), exc.detail, request)
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(SearchError)
    async def bad_search(request: Request, exc: SearchError):
        return _error(422, "invalid parameters", str(exc), request)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return _error(503, "archive unavailable", str(exc), request)

    @app.exception_handler(SvidokError)
    async def svidok_error(request: Request, exc: SvidokError):
        return _error(422, "cannot process", str(exc), request)


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase.lower()
    except ValueError:
        return "error"


def _article_css() -> Response:
    """The article view's stylesheet, the same file `svidok analyze --format html` inlines
    (served, not inlined: the Content-Security-Policy allows no inline styles)."""
    css = resources.files("svidok.render").joinpath("page.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})
