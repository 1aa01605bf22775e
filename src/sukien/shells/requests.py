"""What every web shell reads from a request: the store of this thread, the write queue, and the query
parameters as bounded, typed values (`Filters`); a bad one is a `SukienError` with the one JSON shape.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from datetime import date

from starlette.requests import Request

from sukien import event_types
from sukien.errors import Code, SukienError
from sukien.store import Filters, Store, open_store

DEFAULT_PAGE = 50


MAX_PAGE = 500


MAX_OFFSET = 10_000_000


@dataclass
class Context:
    db: str
    token: str | None = None
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


def context(request: Request) -> Context:
    return request.app.state.context


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
    )


def one_more(filters: Filters) -> Filters:
    """The same filters asking for one item more, to tell whether another page follows."""
    return Filters(**{**vars(filters), "limit": (filters.limit or DEFAULT_PAGE) + 1})
