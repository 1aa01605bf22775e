"""What every web shell reads from a request: the store of this thread, the write queue, and the query
parameters as bounded, typed values (`Filters`); a bad one is a `SukienError` with the one JSON shape.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse

from sukien import event_types
from sukien.errors import Code, SukienError
from sukien.store import Filters, Store, open_store

STATUS_BY_CODE = {
    Code.NOT_FOUND: 404,
    Code.BAD_QUERY: 400,
    Code.FORBIDDEN: 403,
    Code.DB: 503,
    Code.BUSY: 503,
    Code.INGEST_RUNNING: 503,
    Code.MEDIA_TYPE: 415,
    Code.BODY_TOO_LARGE: 413,
}

DEFAULT_PAGE = 50


MAX_PAGE = 500


MAX_OFFSET = 10_000_000


@dataclass
class Context:
    db: str
    token: str | None = None
    allow_writes: bool = False  # writes without a token: `serve --allow-writes`, on loopback only
    local: threading.local = field(default_factory=threading.local)
    writes: WriteQueue = field(default_factory=lambda: WriteQueue())

    def store(self) -> Store:
        opened = getattr(self.local, "store", None)
        if opened is None:
            opened = self.local.store = open_store(self.db, create=False)
        return opened


@dataclass
class WriteQueue:
    """POSTs wait here for the one writer; `pending` counts those waiting or writing."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    pending: int = 0


@contextlib.contextmanager
def one_writer(db: str) -> Iterator[None]:
    """Writes one at a time across every process serving `db` (`serve --workers N`).

    Each process has its own queue; two ingests at once would race on near-duplicates and on
    re-linking. A lock file in the temporary folder, never beside the database: closing any other
    descriptor of an SQLite file drops the locks SQLite holds on it.
    """
    target = db if "://" in db else os.path.realpath(db)
    name = hashlib.sha256(target.encode()).hexdigest()[:20]
    with open(Path(tempfile.gettempdir()) / f"sukien-writer-{name}.lock", "ab") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def context(request: Request) -> Context:
    return request.app.state.context


def error_response(err: SukienError, status: int | None = None) -> JSONResponse:
    """The one JSON error shape, with the status its code implies unless one is given."""
    return JSONResponse({"error": err.as_dict()}, status_code=status or STATUS_BY_CODE.get(err.code, 400))


def bad(message: str, source: str | None = None) -> SukienError:
    return SukienError(Code.BAD_QUERY, message, source)


def text_param(request: Request, name: str, max_length: int = 200) -> str | None:
    value = request.query_params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > max_length or "\x00" in value:
        raise bad(f"`{name}` is too long or holds a NUL character", name)
    return value.strip()


def int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    value = request.query_params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError as err:
        raise bad(f"`{name}` is not a whole number: {value!r}", name) from err
    if not low <= number <= high:
        raise bad(f"`{name}` must be between {low} and {high}", name)
    return number


def bool_param(request: Request, name: str) -> bool:
    value = (request.query_params.get(name) or "false").strip().lower()
    if value not in ("true", "false", "1", "0"):
        raise bad(f"`{name}` is true or false: {value!r}", name)
    return value in ("true", "1")


def date_param(request: Request, name: str) -> str | None:
    value = text_param(request, name, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise bad(f"`{name}` is not a date (YYYY-MM-DD): {value!r}", name) from err


def filters_from_query(request: Request, default_limit: int = DEFAULT_PAGE) -> Filters:
    country = text_param(request, "country")
    if country is not None and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise bad(f"`country` is not a two-letter code: {country!r}", "country")
    types: tuple[str, ...] = ()
    if (raw_types := text_param(request, "type")) is not None:
        types = tuple(t.strip() for t in raw_types.split(",") if t.strip())
        unknown = [t for t in types if t not in event_types.codes()]
        if unknown or not types:
            raise bad(
                f"unknown event type {', '.join(unknown)!r}; one of {', '.join(event_types.codes())}", "type"
            )
    return Filters(
        actor=text_param(request, "actor"),
        country=country.upper() if country else None,
        since=date_param(request, "since"),
        until=date_param(request, "until"),
        types=types,
        outlet=text_param(request, "outlet"),
        limit=int_param(request, "limit", default_limit, 1, MAX_PAGE),
        offset=int_param(request, "offset", 0, 0, MAX_OFFSET),
        historical=bool_param(request, "historical"),
    )


def one_more(filters: Filters) -> Filters:
    """The same filters asking for one item more, to tell whether another page follows."""
    return Filters(**{**vars(filters), "limit": (filters.limit or DEFAULT_PAGE) + 1})
