"""The JSON API (Starlette): a thin shell over the library, and the app `sukien serve` runs.

Endpoints read through the `Store` and `search`/`brief`; filters are the CLI's (`actor`, `country`,
`since`, `until`, `type`, `outlet`) plus `limit`/`offset`. Every error, whatever raised it, has one
shape: `{"error": {"code": "E...", "message": ..., "source": ..., "line": ...}}` with a code from
`sukien.errors`. CORS is off unless origins are given. A server that asks for a token refuses any
write without it (`Authorization: Bearer TOKEN`).
"""

from __future__ import annotations

import hmac
import json
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
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sukien import __version__, event_types
from sukien.app import brief, search
from sukien.app.ingest import IngestReport, ingest_records
from sukien.doc import RawRecord
from sukien.errors import Code, SukienError
from sukien.models import Article, Event, Trip
from sukien.read import read_jsonl
from sukien.settings import API_MAX_PENDING_WRITES
from sukien.shells.requests import (
    DEFAULT_PAGE,
    MAX_OFFSET,
    MAX_PAGE,
    Context,
    bad,
    context,
    filters_from_query,
    one_more,
    text_param,
)
from sukien.store import Filters

STATUS_BY_CODE = {
    Code.NOT_FOUND: 404,
    Code.BAD_QUERY: 400,
    Code.FORBIDDEN: 403,
    Code.DB: 503,
    Code.BUSY: 503,
    Code.INGEST_RUNNING: 503,
}


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


def error_response(err: SukienError, status: int | None = None) -> JSONResponse:
    return JSONResponse({"error": err.as_dict()}, status_code=status or STATUS_BY_CODE.get(err.code, 400))


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
    made = brief.build(context(request).store(), request.path_params["id"])
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
    thread: reads are never blocked by it. Writes are queued one at a time; beyond
    `API_MAX_PENDING_WRITES` waiting, a POST is refused (503) rather than queued without bound.
    """
    require_token(request)
    body = await request.body()
    items = list(read_jsonl("api", body.replace(b"\n", b" ")))
    if len(items) != 1:
        raise bad("send one JSON object with a `text` string")
    item = items[0]
    if isinstance(item, SukienError):
        raise item
    writes = context(request).writes
    if writes.pending >= API_MAX_PENDING_WRITES:
        raise SukienError(Code.BUSY, "too many articles are waiting to be stored; try again shortly")
    writes.pending += 1
    try:
        async with writes.lock:
            report = await run_in_threadpool(store_one, context(request), item)
    finally:
        writes.pending -= 1
    if report.errors:
        raise report.errors[0]
    new = report.stored == 1
    return JSONResponse(
        {"id": report.article_ids[0], "new": new, "events": report.events, "trips": report.trips},
        status_code=201 if new else 200,
    )


def store_one(ctx: Context, record: RawRecord) -> IngestReport:
    """In a worker thread, with that thread's own connection (SQLite connections stay in their thread)."""
    return ingest_records(ctx.store(), [record], workers=1)


def require_token(request: Request) -> None:
    expected = context(request).token
    if expected is None:
        return
    given = request.headers.get("authorization", "")
    token = given.removeprefix("Bearer ").strip() if given.startswith("Bearer ") else ""
    if not hmac.compare_digest(token.encode(), expected.encode()):
        raise SukienError(
            Code.FORBIDDEN, "this server asks for a token to write: `Authorization: Bearer TOKEN`"
        )


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


def create_app(
    db: str, token: str | None = None, cors_origins: tuple[str, ...] = (), ui: bool = True
) -> Starlette:
    """The API under /api, its OpenAPI document at /openapi.json and (with `ui`) the web pages."""
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
    routes: list[Route | Mount] = list(api_routes)
    if ui:
        from sukien.shells.web import pages

        routes += pages.routes()
        routes.append(
            Mount("/static", StaticFiles(packages=[("sukien.shells.web", "static")]), name="static")
        )
    middleware = []
    if cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"]))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={SukienError: sukien_error, HTTPException: http_error, Exception: server_error},
    )
    app.state.context = Context(db=db, token=token)
    return app


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
]


ID_PARAMETER = [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]


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
    reasons = {400: "a filter or query that cannot be understood", 403: "no token", 404: "not found"}
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
                "summary": "ingest one article (a JSON Lines item); needs the token when the server has one",
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
                    **errors(400, 403),
                },
            },
        },
        "/api/articles/{id}": get("one article", ref("Article"), ID_PARAMETER, 404),
        "/api/events": get("extracted events", ref("EventPage"), LIST_PARAMETERS, 400),
        "/api/events/{id}": get("one event", ref("Event"), ID_PARAMETER, 404),
        "/api/trips": get("trips", ref("TripPage"), LIST_PARAMETERS, 400),
        "/api/trips/{id}": get("one trip", ref("Trip"), ID_PARAMETER, 404),
        "/api/trips/{id}/brief": get("a cited brief of one trip", ref("Brief"), ID_PARAMETER, 404),
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
