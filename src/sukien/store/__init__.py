"""Where articles, events and trips live: the `Store` protocol (`base.py`), its backends and `open_store`.

`open_store(target)` picks the backend from the target: a file name (or `:memory:`) opens the
embedded SQLite store (`store/sqlite`), a `postgresql://` URL the PostgreSQL store
(`store/postgres`). Everything above this package speaks the protocol only.
"""

from __future__ import annotations

from pathlib import Path

from sukien.errors import Code, StoreError
from sukien.store.base import (
    DEFAULT_DB,
    SEARCH_KINDS,
    SERVER_SCHEMES,
    AddResult,
    Filters,
    Store,
    StoreStats,
    redacted,
)

__all__ = [
    "DEFAULT_DB", "SEARCH_KINDS", "SERVER_SCHEMES", "AddResult", "Filters", "Store", "StoreStats",
    "open_store", "redacted",
]  # fmt: skip


def open_store(path: str | Path = DEFAULT_DB, create: bool = True, read_only: bool = False) -> Store:
    """Open (and migrate) the database at `path`; `create=False` refuses a file that is not there.

    `read_only` opens an SQLite file for reading only: it takes no lock, so it never waits for a
    writer (a PostgreSQL reader never does either)."""
    target = str(path)
    if target.startswith(SERVER_SCHEMES):
        from sukien.store.postgres import PostgresStore  # psycopg is needed only for a server

        return PostgresStore(target)
    if not create and target != ":memory:" and not Path(target).exists():
        raise StoreError(Code.DB, "no database here; run `sukien ingest` first", target)
    from sukien.store.sqlite import SQLiteStore

    return SQLiteStore(target, read_only=read_only)
