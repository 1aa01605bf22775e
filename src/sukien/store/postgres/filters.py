"""The filters of `Filters` as SQL conditions for the PostgreSQL store: the conditions of
`store/sqlite/filters.py`, condition for condition, with psycopg's `%s` placeholders (bound
parameters only; the column names are ours). `Store.articles`, `events`, `trips` and search share them.

The columns compared are COLLATE "C" (migration 0001), so `>=` and `<=` on ISO dates compare bytes
as SQLite does, whatever the server's locale.
"""

from __future__ import annotations

from typing import Any

from sukien.store.base import Filters
from sukien.text.fold import name_key

# An unbounded end compares after any date that starts the same way ("2017-11" ends after "2017-11-15").
OPEN_END = "~"


def dated_conditions(filters: Filters, prefix: str = "") -> tuple[list[str], list[Any]]:
    """Actor, country and date overlap: the same columns on events and trips."""
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        where.append(f"strpos({prefix}actor_key, %s) > 0")
        params.append(name_key(filters.actor))
    if filters.country:
        where.append(f"strpos({prefix}countries, %s) > 0")
        params.append(f" {filters.country.upper()} ")
    if filters.since:
        # OPEN_END sorts after any digit: an open end ("2017-11") still overlaps days in that month.
        where.append(f'COALESCE({prefix}"end", {prefix}start) || %s >= %s')
        params.extend([OPEN_END, filters.since])
    if filters.until:
        where.append(f'COALESCE({prefix}start, {prefix}"end") <= %s')
        params.append(filters.until)
    return where, params


def event_conditions(filters: Filters, prefix: str = "") -> tuple[list[str], list[Any]]:
    """Every filter on the `events` table, as `Store.events` reads them."""
    where, params = dated_conditions(filters, prefix)
    if filters.types:
        where.append(f"{prefix}type = ANY(%s)")
        params.append(list(filters.types))
    if filters.outlet:
        where.append(f"{prefix}article_id IN (SELECT id FROM articles WHERE outlet = %s)")
        params.append(filters.outlet)
    return where, params


def article_conditions(filters: Filters, article: str = "", event: str = "") -> tuple[list[str], list[Any]]:
    """Outlet and publication dates on the article; actor, country and types through its events.

    `article` and `event` are the table aliases with their dot ("a.", "ev.")."""
    where: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        where.append(f"{article}outlet = %s")
        params.append(filters.outlet)
    if filters.since:
        where.append(f"left({article}published, 10) >= %s")
        params.append(filters.since)
    if filters.until:
        where.append(f"left({article}published, 10) <= %s")
        params.append(filters.until)
    involved = Filters(actor=filters.actor, country=filters.country, types=filters.types)
    event_where, event_params = event_conditions(involved, event)
    if event_where:
        table = f"events AS {event[:-1]}" if event and event != "events." else "events"
        condition = " AND ".join(event_where)
        where.append(f"EXISTS (SELECT 1 FROM {table} WHERE {event}article_id = {article}id AND {condition})")
        params.extend(event_params)
    return where, params
