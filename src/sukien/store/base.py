"""The `Store` protocol: everything the library asks of a database, in the SPEC models' terms.

Two backends implement it: SQLite (`store/sqlite`, embedded, the default) and PostgreSQL
(`store/postgres`, for servers). Every SQL statement of sukien lives in one of them; search, the
briefs, the API and the web pages call these methods only. Contract tests run on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable
from urllib.parse import urlsplit, urlunsplit

from sukien.doc import Doc, RawRecord
from sukien.errors import Code, StoreError
from sukien.lexicon.identity import Identity
from sukien.models import Article, Event, Trip
from sukien.store.results import SearchResult

DEFAULT_DB = "sukien.db"
SERVER_SCHEMES = ("postgresql://", "postgres://")
SEARCH_KINDS = ("article", "event")
INGEST_RUNNING_MESSAGE = "another ingest or reprocess is writing this database; try again when it ends"


@dataclass(frozen=True)
class Filters:
    """What `articles`, `events` and `trips` select; every field is optional.

    `since`/`until` are ISO dates; an event or trip matches when its dates overlap them, an
    article when it was published between them. `actor` matches a name without regard to case
    or diacritics ("to lam" finds "Tô Lâm"), and a person by any name written for them ("V. V.
    Putin" finds the events of "Vladimir Putin"); `country` an ISO code the item involves. Events in
    history (`Event.historical`) are left out unless `historical` is True.
    """

    actor: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    outlet: str | None = None
    limit: int | None = None
    offset: int = 0
    historical: bool = False


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

    def has_article(self, article_id: str) -> bool: ...

    def known_inputs(self, hashes: list[str]) -> dict[str, str]:
        """Of these input hashes (`doc.input_hash`), those already stored, with their article's id."""
        ...

    def record_inputs(self, pairs: list[tuple[str, str]]) -> None:
        """Remember (input hash, article id) pairs of inputs just stored; a known hash is kept."""
        ...

    def articles(self, filters: Filters = ...) -> list[Article]: ...

    def events(self, filters: Filters = ...) -> list[Event]: ...

    def trips(self, filters: Filters = ...) -> list[Trip]: ...

    def replace_trips(self, trips: list[Trip]) -> None:
        """Replace every trip and set each event's `trip_id` from the trips' `events`, atomically."""
        ...

    def raw_records(self) -> Iterator[tuple[str, RawRecord]]:
        """(article id, the raw input it was made from), for `reprocess`."""
        ...

    def replace_people(self, people: list[Identity]) -> None:
        """Replace the names of every person (`link.people_of`), by which the actor filter finds a
        person whichever of their names it is given."""
        ...

    def person(self, name: str) -> Identity | None:
        """The person one of whose names is `name` (case and diacritics optional), with the others."""
        ...

    def people(self) -> list[Identity]:
        """Every person with the names written for them, as the last re-link found them."""
        ...

    def batch(self) -> AbstractContextManager[None]:
        """Group writes in one transaction: all of them are kept, or none."""
        ...

    def ingest_lock(self) -> AbstractContextManager[None]:
        """Held by an ingest or reprocess from its first read of the store to its last write; a
        second one on the same database is refused at once with a `StoreError` INGEST_RUNNING."""
        ...

    def stats(self) -> StoreStats: ...

    # -- search and look-ups by id (the API, the web pages, the briefs) ---------------------------

    def search(
        self, query: str, filters: Filters, kinds: tuple[str, ...], limit: int, every: bool = True
    ) -> SearchResult:
        """Ranked articles and events with every term of `query` (any term when `every` is False);
        diacritics optional, a leader's Latin and Vietnamese names alike (`store.query`)."""
        ...

    def article(self, article_id: str) -> Article:
        """The article, or a `StoreError` NOT_FOUND."""
        ...

    def articles_by_id(self, ids: list[str]) -> dict[str, Article]: ...

    def articles_by_source(self, sources: list[str]) -> dict[str, Article]:
        """The first stored article of each source name (file name, URL or item id)."""
        ...

    def event(self, event_id: str) -> Event: ...

    def events_by_id(self, ids: list[str]) -> dict[str, Event]: ...

    def article_events(self, article_id: str) -> list[Event]:
        """The article's events in the order it states them."""
        ...

    def trip(self, trip_id: str) -> Trip: ...

    def trip_events(self, trip: Trip) -> list[Event]:
        """The trip's events, in the order the trip lists them."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...


def redacted(url: str) -> str:
    """The URL without its password, to name the database in a message."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


class StoreBase(Store):
    """What every backend does the same way, in terms of the few statements each writes in its SQL."""

    def add(self, doc: Doc) -> AddResult:
        article = doc.to_article()
        with self.batch():
            if not self._insert_article(article):
                return AddResult(article.id, new=False)
            self._insert_raw(article.id, doc.record)
            self._insert_events(article.id, article.source, doc.events)
        return AddResult(article.id, new=True, events=len(doc.events))

    # Each backend's own statements.
    def _insert_article(self, article: Article) -> bool:
        """Insert the article unless its id is stored; True when it was new."""
        raise NotImplementedError

    def _insert_raw(self, article_id: str, record: RawRecord) -> None:
        raise NotImplementedError

    def _insert_events(self, article_id: str, source: str, events: list[Event]) -> None:
        raise NotImplementedError

    def article(self, article_id: str) -> Article:
        found = self.articles_by_id([article_id])
        if article_id not in found:
            raise StoreError(Code.NOT_FOUND, f"no article {article_id}")
        return found[article_id]

    def event(self, event_id: str) -> Event:
        found = self.events_by_id([event_id])
        if event_id not in found:
            raise StoreError(Code.NOT_FOUND, f"no event {event_id}")
        return found[event_id]

    def trip_events(self, trip: Trip) -> list[Event]:
        by_id = self.events_by_id(trip.events)
        return [by_id[event_id] for event_id in trip.events if event_id in by_id]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
