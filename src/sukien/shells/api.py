"""The JSON API (Starlette): a thin shell over the library, and the app `sukien serve` runs.

Endpoints read through the `Store` and `search`/`brief`; filters are the CLI's (`actor`, `country`,
`since`, `until`, `type`, `outlet`) plus `limit`/`offset`. Every error, whatever raised it, has one
shape: `{"error": {"code": "E...", "message": ..., "source": ..., "line": ...}}` with a code from
`sukien.errors`. CORS is off unless origins are given.

Writes are refused unless the server asks for a token (then `Authorization: Bearer TOKEN`) or was
told to take them without one (`allow_writes`, which the CLI allows on loopback only); a write's
body must be declared JSON (a browser cannot send that cross-site without a preflight, which
nothing here answers) and is bounded. `guard.Guard`, outside everything, checks Host and Origin
and puts the security headers on every response.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp

from sukien import __version__, event_types
from sukien.app import brief, search
from sukien.app.ingest import IngestReport, ingest_records
from sukien.doc import RawRecord
from sukien.errors import Code, SukienError
from sukien.models import Article, Event, Trip
from sukien.read import read_jsonl
from sukien.settings import API_MAX_BODY_BYTES, API_MAX_PENDING_WRITES
from sukien.shells.guard import LOOPBACK_HOSTS, Guard
from sukien.shells.requests import (
    DEFAULT_PAGE,
    MAX_OFFSET,
    MAX_PAGE,
    Context,
    bad,
    context,
    error_response,
    filters_from_query,
    one_more,
    one_writer,
    text_param,
)
from sukien.store import Filters

# `serve --workers N`: the options of the command, as JSON, for the app each worker process builds.
SERVE_ENVIRONMENT = "SUKIEN_SERVE"


CODE_BY_STATUS = {404: Code.NOT_FOUND, 401: Code.FORBIDDEN, 403: Code.FORBIDDEN}


class Page(BaseModel):
    limit: int
    offset: int
    next_offset: int | None


class ArticlePage(Page):
    items: list[Article]


class EventPage(Page):
    items: list[Event]


class TripPage(Page):
    items: list[Trip]


def page(model: type[Page], found: list[Any], filters: Filters) -> dict[str, Any]:
    limit = filters.limit or DEFAULT_PAGE
    more = len(found) > limit
    data = model.model_validate(
        {
            "items": found[:limit],
            "limit": limit,
            "offset": filters.offset,
            "next_offset": filters.offset + limit if more else None,
        }
    )
    return data.model_dump(mode="json")


def list_articles(request: Request) -> Response:
    filters = filters_from_query(request)
    return JSONResponse(page(ArticlePage, context(request).store().articles(one_more(filters)), filters))


def list_events(request: Request) -> Response:
    filters = filters_from_query(request)
    return JSONResponse(page(EventPage, context(request).store().events(one_more(filters)), filters))


def list_trips(request: Request) -> Response:
    filters = filters_from_query(request)
    return JSONResponse(page(TripPage, context(request).store().trips(one_more(filters)), filters))


def get_article(request: Request) -> Response:
    found = context(request).store().article(request.path_params["id"])
    return JSONResponse(found.model_dump(mode="json"))


def get_event(request: Request) -> Response:
    found = context(request).store().event(request.path_params["id"])
    return JSONResponse(found.model_dump(mode="json"))


def get_trip(request: Request) -> Response:
    found = context(request).store().trip(request.path_params["id"])
    return JSONResponse(found.model_dump(mode="json"))


def get_brief(request: Request) -> Response:
    lang = text_param(request, "lang", 2) or "vi"
    if lang not in brief.SECTION_TITLES:
        raise bad(f"`lang` is one of {', '.join(brief.SECTION_TITLES)}: {lang!r}", "lang")
    made = brief.build(context(request).store(), request.path_params["id"], lang)
    return JSONResponse(made.as_dict())


def run_search(request: Request) -> Response:
    query = text_param(request, "q", 500)
    if query is None:
        raise bad("give a query: `q=...`", "q")
    filters = filters_from_query(request, default_limit=search.DEFAULT_LIMIT)
    return JSONResponse(search.search(context(request).store(), query, filters).as_dict())


def stats(request: Request) -> Response:
    found = context(request).store().stats()
    return JSONResponse(
        {
            "articles": found.articles,
            "events": found.events,
            "trips": found.trips,
            "migrations": found.migrations,
            "version": __version__,
        }
    )


async def add_article(request: Request) -> Response:
    """Ingest one article given as a JSON object (the JSON Lines item shape), then re-link trips.

    It goes through `app.ingest.ingest_records`, as files do (near-duplicates included), in a worker
    thread, parsing included: the event loop only moves bytes, so reads never wait on a write.
    Writes are queued one at a time; beyond `API_MAX_PENDING_WRITES` waiting, a POST is refused
    (503) rather than queued without bound.
    """
    require_write_permission(request)
    require_json(request)
    body = await bounded_body(request)
    item = await run_in_threadpool(parse_article, body)
    ctx = context(request)
    writes = ctx.writes
    if writes.pending >= API_MAX_PENDING_WRITES:
        raise SukienError(Code.BUSY, "too many articles are waiting to be stored; try again shortly")
    writes.pending += 1
    try:
        async with writes.lock:
            report = await run_in_threadpool(store_one, ctx, item)
    finally:
        writes.pending -= 1
    if report.errors:
        raise report.errors[0]
    new = report.stored == 1
    return JSONResponse(
        {"id": report.article_ids[0], "new": new, "events": report.events, "trips": report.trips},
        status_code=201 if new else 200,
    )


def parse_article(body: bytes) -> RawRecord:
    items = list(read_jsonl("api", body.replace(b"\n", b" ")))
    if len(items) != 1:
        raise bad("send one JSON object with a `text` string")
    item = items[0]
    if isinstance(item, SukienError):
        raise item
    return item


def store_one(ctx: Context, record: RawRecord) -> IngestReport:
    """In a worker thread, with that thread's own connection (SQLite connections stay in their thread)."""
    with one_writer(ctx.db):
        return ingest_records(ctx.store(), [record], workers=1)


def require_write_permission(request: Request) -> None:
    ctx = context(request)
    if ctx.token is None:
        if ctx.allow_writes:
            return
        raise SukienError(
            Code.FORBIDDEN,
            "this server takes no writes: start it with `--token TOKEN` (writes then send "
            "`Authorization: Bearer TOKEN`), or with `--allow-writes` on loopback",
        )
    given = request.headers.get("authorization", "")
    token = given.removeprefix("Bearer ").strip() if given.startswith("Bearer ") else ""
    if not hmac.compare_digest(token.encode(), ctx.token.encode()):
        raise SukienError(
            Code.FORBIDDEN, "this server asks for a token to write: `Authorization: Bearer TOKEN`"
        )


def require_json(request: Request) -> None:
    # text/plain and form bodies are what a page of another site can POST without a preflight.
    declared = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if declared != "application/json":
        given = declared or "none"
        message = f"send the article as `Content-Type: application/json`, not {given!r}"
        raise SukienError(Code.MEDIA_TYPE, message)


async def bounded_body(request: Request) -> bytes:
    """The body, refused as soon as it is known to pass `API_MAX_BODY_BYTES` (declared or streamed)."""
    too_large = SukienError(Code.BODY_TOO_LARGE, f"an article may have at most {API_MAX_BODY_BYTES} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > API_MAX_BODY_BYTES:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > API_MAX_BODY_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


async def sukien_error(request: Request, err: Exception) -> Response:
    assert isinstance(err, SukienError)
    return error_response(err)


async def http_error(request: Request, err: Exception) -> Response:
    assert isinstance(err, HTTPException)
    code = CODE_BY_STATUS.get(err.status_code, Code.BAD_QUERY)
    message = {404: "no such page or endpoint", 405: "this method is not allowed here"}.get(
        err.status_code, str(err.detail)
    )
    return error_response(SukienError(code, message, request.url.path), err.status_code)


async def server_error(request: Request, err: Exception) -> Response:
    # A bug: say so in the one shape, never with a traceback.
    failure = SukienError(Code.INTERNAL, f"the server failed on this request ({type(err).__name__})")
    return error_response(failure, 500)


class GuardedStarlette(Starlette):
    """Starlette with `Guard` outside its error handling, so that a 500 answer carries the headers too."""

    def __init__(self, *args: Any, hosts: Iterable[str] | None, origins: Iterable[str], **kwargs: Any):
        self.guard_hosts = hosts
        self.guard_origins = origins
        super().__init__(*args, **kwargs)

    def build_middleware_stack(self) -> ASGIApp:
        return Guard(super().build_middleware_stack(), self.guard_hosts, self.guard_origins)


def create_app(
    db: str,
    token: str | None = None,
    cors_origins: Iterable[str] = (),
    ui: bool = True,
    allow_writes: bool = False,
    hosts: Iterable[str] | None = LOOPBACK_HOSTS,
) -> Starlette:
    """The API under /api, its OpenAPI document at /openapi.json and (with `ui`) the web pages.

    `hosts`: the names the Host header may give (None: any); loopback unless told.
    """
    cors_origins = tuple(cors_origins)
    api_routes = [
        Route("/api/articles", list_articles, methods=["GET"]),
        Route("/api/articles", add_article, methods=["POST"]),
        Route("/api/articles/{id}", get_article, methods=["GET"]),
        Route("/api/events", list_events, methods=["GET"]),
        Route("/api/events/{id}", get_event, methods=["GET"]),
        Route("/api/trips", list_trips, methods=["GET"]),
        Route("/api/trips/{id}", get_trip, methods=["GET"]),
        Route("/api/trips/{id}/brief", get_brief, methods=["GET"]),
        Route("/api/search", run_search, methods=["GET"]),
        Route("/api/stats", stats, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
    ]
    routes: list[BaseRoute] = list(api_routes)
    if ui:
        from sukien.shells.web import pages

        routes += pages.routes()
        routes.append(
            Mount("/static", StaticFiles(packages=[("sukien.shells.web", "static")]), name="static")
        )
    middleware = []
    if cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"]))
    app = GuardedStarlette(
        hosts=hosts,
        origins=cors_origins,
        routes=routes,
        middleware=middleware,
        exception_handlers={SukienError: sukien_error, HTTPException: http_error, Exception: server_error},
    )
    app.state.context = Context(db=db, token=token, allow_writes=allow_writes)
    return app


def app_from_environment() -> Starlette:
    """The app of one worker process of `serve --workers N`: uvicorn starts each worker from this
    import string, and the command leaves its options in the environment the workers inherit."""
    options = json.loads(os.environ[SERVE_ENVIRONMENT])
    return create_app(**options)


# Patterns that say exactly what the handlers accept, so that a request the document allows is
# never refused (schemathesis checks both ways).
NO_NUL = "^[^\\u0000]*$"


TYPES_PATTERN = "^(?:{0})(?:, ?(?:{0})){{0,6}}$".format("|".join(event_types.codes()))


DATE_PATTERN = "^(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])-[0-9]{2}-[0-9]{2}$"


QUERY_PATTERN = "^[^\\u0000]*[A-Za-z0-9][^\\u0000]*$"  # at least one word character


LIST_PARAMETERS = [
    {
        "name": "actor",
        "in": "query",
        "schema": {"type": "string", "maxLength": 200, "pattern": NO_NUL},
        "description": "a name; case and diacritics optional",
    },
    {
        "name": "country",
        "in": "query",
        "schema": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        "description": "ISO 3166-1 alpha-2",
    },
    {"name": "since", "in": "query", "schema": {"type": "string", "format": "date", "pattern": DATE_PATTERN}},
    {"name": "until", "in": "query", "schema": {"type": "string", "format": "date", "pattern": DATE_PATTERN}},
    {
        "name": "type",
        "in": "query",
        "schema": {"type": "string", "maxLength": 200, "pattern": TYPES_PATTERN},
        "description": "TYPE[,TYPE]: " + ", ".join(event_types.codes()),
    },
    {"name": "outlet", "in": "query", "schema": {"type": "string", "maxLength": 200, "pattern": NO_NUL}},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}},
    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}},
    {
        "name": "historical",
        "in": "query",
        "schema": {"type": "boolean", "default": False},
        "description": "also events in history (dated more than a year before their article)",
    },
]


ID_PARAMETER = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]


LANG_PARAMETER = [
    {
        "name": "lang",
        "in": "query",
        "schema": {"type": "string", "enum": ["vi", "en"], "default": "vi"},
        "description": "language of the brief's fixed phrases (heading, labels, dates)",
    }
]


ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string", "enum": [code.value for code in Code]},
                "message": {"type": "string"},
                "source": {"type": ["string", "null"]},
                "line": {"type": ["integer", "null"]},
            },
        }
    },
}


HIT_SCHEMA = {"type": "object", "required": ["kind", "id", "snippet", "highlights"]}


SEARCH_SCHEMA = {
    "type": "object",
    "required": ["query", "articles", "events", "partial"],
    "properties": {
        "query": {"type": "string"},
        "partial": {"type": "boolean"},
        "windowed": {"type": "boolean"},
        "total": {
            "type": "object",
            "description": "every match with the filters, not only this page's",
            "properties": {"articles": {"type": "integer"}, "events": {"type": "integer"}},
        },
        "offset": {"type": "integer"},
        "limit": {"type": "integer"},
        "facets": {
            "type": "object",
            "description": "outlet, year, type, country, actor: [{value, count}], most frequent first;"
            " each value is a filter's value (a year as since/until)",
        },
        "articles": {"type": "array", "items": HIT_SCHEMA},
        "events": {"type": "array", "items": HIT_SCHEMA},
    },
}


BRIEF_SCHEMA = {
    "type": "object",
    "required": ["trip_id", "heading", "sentences", "sources"],
    "properties": {
        "sentences": {"type": "array", "items": {"type": "object", "required": ["text", "citation"]}}
    },
}


STATS_SCHEMA = {"type": "object", "required": ["articles", "events", "trips"]}


def ok(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def errors(*statuses: int) -> dict[str, Any]:
    reasons = {
        400: "a filter or query that cannot be understood",
        403: "no token, writes not allowed, or a foreign Host or Origin",
        404: "not found",
        413: "a body beyond the limit",
        415: "a body not declared application/json",
        503: "too many writes waiting",
    }
    return {str(status): ok({"$ref": "#/components/schemas/Error"}, reasons[status]) for status in statuses}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def openapi_document() -> dict[str, Any]:
    """OpenAPI 3.1: the models' JSON Schemas (pydantic), the paths, the one error shape."""
    models: list[type[BaseModel]] = [Article, Event, Trip, ArticlePage, EventPage, TripPage]
    _, schemas = models_json_schema(
        [(model, "serialization") for model in models], ref_template="#/components/schemas/{model}"
    )
    components = dict(schemas.get("$defs", {}))
    components.update(
        {"Error": ERROR_SCHEMA, "SearchResult": SEARCH_SCHEMA, "Brief": BRIEF_SCHEMA, "Stats": STATS_SCHEMA}
    )

    def get(summary: str, schema: dict[str, Any], parameters: list[dict[str, Any]], *statuses: int) -> dict:
        return {
            "get": {
                "summary": summary,
                "parameters": parameters,
                "responses": {"200": ok(schema), **errors(*statuses)},
            }
        }

    search_parameters: list[dict[str, Any]] = [
        {
            "name": "q",
            "in": "query",
            "required": True,
            "schema": {"type": "string", "maxLength": 500, "pattern": QUERY_PATTERN},
        },
        *LIST_PARAMETERS,
    ]
    paths = {
        "/api/articles": {
            **get("stored articles", ref("ArticlePage"), LIST_PARAMETERS, 400),
            "post": {
                "summary": "ingest one article (a JSON Lines item); needs the token when the server has one,"
                " and a server without one takes writes only when started with --allow-writes",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {
                                    "text": {"type": "string", "pattern": "[A-Za-z]{3}"},
                                    **{
                                        k: {"type": "string"}
                                        for k in ("title", "published", "outlet", "url", "id")
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": ok({"type": "object"}, "already stored"),
                    "201": ok({"type": "object"}, "stored"),
                    **errors(400, 403, 413, 415, 503),
                },
            },
        },
        "/api/articles/{id}": get("one article", ref("Article"), ID_PARAMETER, 404),
        "/api/events": get("extracted events", ref("EventPage"), LIST_PARAMETERS, 400),
        "/api/events/{id}": get("one event", ref("Event"), ID_PARAMETER, 404),
        "/api/trips": get("trips", ref("TripPage"), LIST_PARAMETERS, 400),
        "/api/trips/{id}": get("one trip", ref("Trip"), ID_PARAMETER, 404),
        "/api/trips/{id}/brief": get(
            "a cited brief of one trip", ref("Brief"), [*ID_PARAMETER, *LANG_PARAMETER], 400, 404
        ),
        "/api/search": get(
            "ranked articles and events, diacritics optional", ref("SearchResult"), search_parameters, 400
        ),
        "/api/stats": get("counts", ref("Stats"), []),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "sukien",
            "version": __version__,
            "description": "Vietnamese news in, a cited record of diplomatic events and trips out.",
        },
        "paths": paths,
        "components": {"schemas": components},
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)
