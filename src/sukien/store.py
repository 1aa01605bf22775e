"""Where articles, events and trips live: the `Store` protocol and `open_store`.

The protocol is small on purpose, so that a server database (PostgreSQL) can implement it beside
the embedded SQLite backend (`sqlite_store.py`). Every method speaks the SPEC models of
`models.py`; SQL stays inside the backends.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from sukien.doc import Doc, RawRecord
from sukien.errors import Code, StoreError
from sukien.models import Article, Event, Trip

DEFAULT_DB = "sukien.db"
SERVER_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Filters:
    """What `articles`, `events` and `trips` select; every field is optional.

    `since`/`until` are ISO dates; an event or trip matches when its dates overlap them, an
    article when it was published between them. `actor` matches a name without regard to case
    or diacritics ("to lam" finds "Tô Lâm"); `country` an ISO code the item involves.
    """

    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    outlet: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class AddResult:
    article_id: str
    new: bool  # False when the same article (same content) was already stored
    events: int = 0


@dataclass
class StoreStats:
    articles: int = 0
    events: int = 0
    trips: int = 0
    raw_inputs: int = 0
    migrations: list[str] = field(default_factory=list)


@runtime_checkable
class Store(Protocol):
    def add(self, doc: Doc) -> AddResult:
        """Store the article, its raw input and its events in one transaction."""
        ...

    def replace_article(self, old_id: str, doc: Doc) -> AddResult:
        """Put a re-processed `doc` in place of article `old_id` (its id may have changed)."""
        ...

    def replace_events(self, article_id: str, events: list[Event]) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def articles(self, filters: Filters = ...) -> list[Article]: ...

    def events(self, filters: Filters = ...) -> list[Event]: ...

    def trips(self, filters: Filters = ...) -> list[Trip]: ...

    def replace_trips(self, trips: list[Trip]) -> None:
        """Replace every trip and set each event's `trip_id` from the trips' `events`, atomically."""
        ...

    def raw_records(self) -> Iterator[tuple[str, RawRecord]]:
        """(article id, the raw input it was made from), for `reprocess`."""
        ...

    def batch(self) -> AbstractContextManager[None]:
        """Group writes in one transaction: all of them are kept, or none."""
        ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, single spaces: names compare the way people type them."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def open_store(path: str | Path = DEFAULT_DB, create: bool = True) -> Store:
    """Open (and migrate) the database at `path`; `create=False` refuses a file that is not there."""
    target = str(path)
    if target.startswith(SERVER_SCHEMES):
        raise StoreError(Code.DB, "server databases are not supported yet; give a file name", target)
    if not create and target != ":memory:" and not Path(target).exists():
        raise StoreError(Code.DB, "no database here; run `sukien ingest` first", target)
    from sukien.sqlite_store import SQLiteStore

    return SQLiteStore(target)
