"""The filters of `Filters` as SQL conditions for the PostgreSQL store: the shared conditions of
`store/filters.py` with psycopg's `%s` placeholders (bound
parameters only; the column names are ours). `Store.articles`, `events`, `trips` and search share them.

The columns compared are COLLATE "C" (migration 0001), so `>=` and `<=` on ISO dates compare bytes
as SQLite does, whatever the server's locale.
"""

from __future__ import annotations

from sukien.store import filters as shared
from sukien.store.base import Filters
from sukien.store.filters import POSTGRES, Conditions


def dated_conditions(filters: Filters, prefix: str = "") -> Conditions:
    return shared.dated_conditions(POSTGRES, filters, prefix)


def event_conditions(filters: Filters, prefix: str = "") -> Conditions:
    return shared.event_conditions(POSTGRES, filters, prefix)


def article_conditions(filters: Filters, article: str = "", event: str = "") -> Conditions:
    return shared.article_conditions(POSTGRES, filters, article, event)


def trip_conditions(filters: Filters) -> Conditions:
    return shared.trip_conditions(POSTGRES, filters)
