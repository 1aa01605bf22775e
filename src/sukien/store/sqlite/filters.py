"""The shared filter conditions (`store/filters.py`) in SQLite's dialect."""

from __future__ import annotations

from sukien.store import filters as shared
from sukien.store.base import Filters
from sukien.store.filters import SQLITE, Conditions


def dated_conditions(filters: Filters, prefix: str = "") -> Conditions:
    return shared.dated_conditions(SQLITE, filters, prefix)


def event_conditions(filters: Filters, prefix: str = "") -> Conditions:
    return shared.event_conditions(SQLITE, filters, prefix)


def article_conditions(filters: Filters, article: str = "", event: str = "") -> Conditions:
    return shared.article_conditions(SQLITE, filters, article, event)


def trip_conditions(filters: Filters) -> Conditions:
    return shared.trip_conditions(SQLITE, filters)
