"""The filters of `Filters` as SQL conditions, for both backends (bound parameters only; the column
names are ours). `Store.articles`, `events`, `trips` and search share them. The two dialects differ
only in their placeholder and their substring function; everything else is SQL both speak.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sukien.store.base import Filters
from sukien.text.fold import name_key

# An unbounded end compares after any date that starts the same way ("2017-11" ends after "2017-11-15").
OPEN_END = "~"


@dataclass(frozen=True)
class Dialect:
    mark: str  # the placeholder: "?" (sqlite3) or "%s" (psycopg)
    find: str  # position of a substring, 0 when absent: instr (SQLite) or strpos (PostgreSQL)

    def marks(self, count: int) -> str:
        return ", ".join(self.mark for _ in range(count))


SQLITE = Dialect("?", "instr")
POSTGRES = Dialect("%s", "strpos")

Conditions = tuple[list[str], list[Any]]


def dated_conditions(sql: Dialect, filters: Filters, prefix: str = "") -> Conditions:
    """Actor, country and date overlap: the same columns on events and trips."""
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        where.append(f"{sql.find}({prefix}actor_key, {sql.mark}) > 0")
        params.append(name_key(filters.actor))
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
    if filters.types:
        where.append(f"{prefix}type IN ({sql.marks(len(filters.types))})")
        params.extend(filters.types)
    if filters.outlet:
        where.append(f"{prefix}article_id IN (SELECT id FROM articles WHERE outlet = {sql.mark})")
        params.append(filters.outlet)
    return where, params


def article_conditions(sql: Dialect, filters: Filters, article: str = "", event: str = "") -> Conditions:
    """Outlet and publication dates on the article; actor, country and types through its events.

    `article` and `event` are the table aliases with their dot ("a.", "ev.")."""
    where: list[str] = []
    params: list[Any] = []
    if filters.outlet:
        where.append(f"{article}outlet = {sql.mark}")
        params.append(filters.outlet)
    if filters.since:
        where.append(f"substr({article}published, 1, 10) >= {sql.mark}")
        params.append(filters.since)
    if filters.until:
        where.append(f"substr({article}published, 1, 10) <= {sql.mark}")
        params.append(filters.until)
    involved = Filters(actor=filters.actor, country=filters.country, types=filters.types)
    event_where, event_params = event_conditions(sql, involved, event)
    if event_where:
        table = f"events AS {event[:-1]}" if event and event != "events." else "events"
        condition = " AND ".join(event_where)
        where.append(f"EXISTS (SELECT 1 FROM {table} WHERE {event}article_id = {article}id AND {condition})")
        params.extend(event_params)
    return where, params
