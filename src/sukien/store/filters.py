"""The filters of `Filters` as SQL conditions, for both backends (bound parameters only; the column
names are ours). `Store.articles`, `events`, `trips` and search share them. The two dialects differ
only in their placeholder and their substring function; everything else is SQL both speak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sukien.store.base import Filters
from sukien.text.fold import fold, name_key

# An event's person, not the name its article wrote (`actor_names`, replaced at every re-link): the
# actor facet counts "V. V. Putin" and "Vladimir Putin" as one person. Read from `events AS e`.
PERSON_COLUMNS = (
    "COALESCE(person.actor_name, e.actor_name) AS actor_name,"
    " COALESCE(person.actor_key, e.actor_key) AS actor_key"
)
PERSON_JOIN = "LEFT JOIN actor_names AS person ON person.name_key = e.actor_key"

# An unbounded end compares after any date that starts the same way ("2017-11" ends after "2017-11-15").
OPEN_END = "~"


@dataclass(frozen=True)
class Dialect:
    mark: str  # the placeholder: "?" (sqlite3) or "%s" (psycopg)
    find: str  # position of a substring, 0 when absent: instr (SQLite) or strpos (PostgreSQL)
    # A column folded as `text.fold` folds (lower case, no diacritics, "đ" as "d"): the library's own
    # function, registered on every SQLite connection, and `unaccent` (migration 0002) on PostgreSQL.
    fold: str

    def marks(self, count: int) -> str:
        return ", ".join(self.mark for _ in range(count))


SQLITE = Dialect("?", "instr", "sukien_fold({})")
POSTGRES = Dialect("%s", "strpos", "lower(unaccent({}))")

Conditions = tuple[list[str], list[Any]]


def dated_conditions(sql: Dialect, filters: Filters, prefix: str = "") -> Conditions:
    """Actor, country and date overlap: the same columns on events and trips."""
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        # The name given, or any name of a person one of whose names holds it (`actor_names`).
        where.append(
            f"({sql.find}({prefix}actor_key, {sql.mark}) > 0 OR {prefix}actor_key IN"
            " (SELECT named.name_key FROM actor_names AS named JOIN actor_names AS asked"
            f" ON asked.actor_key = named.actor_key WHERE {sql.find}(asked.name_key, {sql.mark}) > 0))"
        )
        params.extend([name_key(filters.actor)] * 2)
    if filters.country:
        where.append(f"{sql.find}({prefix}countries, {sql.mark}) > 0")
        params.append(f" {filters.country.upper()} ")
    if filters.since:
        # OPEN_END sorts after any digit: an open end ("2017-11") still overlaps days in that month.
        where.append(f'COALESCE({prefix}"end", {prefix}start) || {sql.mark} >= {sql.mark}')
        params.extend([OPEN_END, filters.since])
    if filters.until:
        where.append(f'COALESCE({prefix}start, {prefix}"end") <= {sql.mark}')
        params.append(filters.until)
    return where, params


def event_conditions(sql: Dialect, filters: Filters, prefix: str = "") -> Conditions:
    """Every filter on the `events` table, as `Store.events` reads them."""
    where, params = dated_conditions(sql, filters, prefix)
    if not filters.historical:
        where.append(f"{prefix}historical = 0")
    if filters.types:
        where.append(f"{prefix}type IN ({sql.marks(len(filters.types))})")
        params.extend(filters.types)
    if filters.outlet:
        where.append(f"{prefix}article_id IN (SELECT id FROM articles WHERE {outlet_matches(sql)})")
        params.append(outlet_key(filters.outlet))
    return where, params


def outlet_matches(sql: Dialect, column: str = "outlet") -> str:
    """An outlet whose folded name holds the folded filter: "vietnamnet" finds "VietNamNet", and
    "vnexpress" both "VnExpress" and "Báo VnExpress" (one site, named two ways by its pages)."""
    return f"{sql.find}({sql.fold.format(column)}, {sql.mark}) > 0"


def outlet_key(outlet: str) -> str:
    return " ".join(fold(outlet).split())


def trip_conditions(sql: Dialect, filters: Filters) -> Conditions:
    """Every filter on the `trips` table: dates, actor and country on the trip; types and outlet
    through its events (a trip is of an outlet when one of its events was reported there)."""
    where, params = dated_conditions(sql, filters)
    if filters.types:
        where.append(
            "EXISTS (SELECT 1 FROM events WHERE events.trip_id = trips.id"
            f" AND type IN ({sql.marks(len(filters.types))}))"
        )
        params.extend(filters.types)
    if filters.outlet:
        where.append(
            "EXISTS (SELECT 1 FROM events AS te JOIN articles AS ta ON ta.id = te.article_id"
            f" WHERE te.trip_id = trips.id AND {outlet_matches(sql, 'ta.outlet')})"
        )
        params.append(outlet_key(filters.outlet))
    return where, params


def article_conditions(sql: Dialect, filters: Filters, article: str = "", event: str = "") -> Conditions:
    """Outlet and publication dates on the article; actor, country and types through its events.

    `article` and `event` are the table aliases with their dot ("a.", "ev.")."""
    where: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        where.append(outlet_matches(sql, f"{article}outlet"))
        params.append(outlet_key(filters.outlet))
    if filters.since:
        where.append(f"substr({article}published, 1, 10) >= {sql.mark}")
        params.append(filters.since)
    if filters.until:
        where.append(f"substr({article}published, 1, 10) <= {sql.mark}")
        params.append(filters.until)
    if filters.actor or filters.country or filters.types:
        involved = Filters(
            actor=filters.actor, country=filters.country, types=filters.types, historical=filters.historical
        )
        event_where, event_params = event_conditions(sql, involved, event)
        table = f"events AS {event[:-1]}" if event and event != "events." else "events"
        condition = " AND ".join(event_where)
        where.append(f"EXISTS (SELECT 1 FROM {table} WHERE {event}article_id = {article}id AND {condition})")
        params.extend(event_params)
    return where, params
