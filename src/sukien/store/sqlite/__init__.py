"""The embedded store: one SQLite file in WAL mode, migrated at open.

Migrations are the named `.sql` files in `data/migrations/sqlite/`, applied in name order, each in its own
transaction and recorded in the `migrations` table with the time it ran. The connection runs in
autocommit mode and this module opens every transaction itself, so that a write is either whole
or absent even when the process is killed. Every statement is parameterised.
"""

from __future__ import annotations

import fcntl
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from sukien.doc import Doc, RawRecord
from sukien.errors import Code, StoreError
from sukien.lexicon.identity import Identity
from sukien.models import Article, Event, Trip
from sukien.settings import RAW_PAGE, SQLITE_BUSY_TIMEOUT_MS
from sukien.store.base import INGEST_RUNNING_MESSAGE, AddResult, Filters, StoreBase, StoreStats
from sukien.store.results import SearchResult
from sukien.store.rows import (
    article_columns,
    article_from_row,
    event_countries,
    event_from_row,
    event_json,
    people_from_rows,
    person_from_rows,
    person_rows,
    trip_countries,
    where_clause,
)
from sukien.store.sqlite.filters import article_conditions, event_conditions, trip_conditions
from sukien.store.sqlite.search import exact_function, run_search
from sukien.text.fold import fold, name_key


def fold_or_none(text: str | None) -> str | None:
    return None if text is None else fold(text)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migration_scripts() -> list[tuple[str, str]]:
    """(name, SQL) of every migration, in the order they apply."""
    folder = resources.files("sukien").joinpath("data", "migrations", "sqlite")
    return sorted(
        (item.name.removesuffix(".sql"), item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".sql")
    )


def split_statements(script: str) -> list[str]:
    """The statements of a script, so each runs with `execute` inside our own transaction
    (`executescript` would commit on its own)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


class SQLiteStore(StoreBase):
    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        self.read_only = read_only and path != ":memory:"
        self._depth = 0
        try:
            if self.read_only and self._pending_migrations(self._connect(read_only=True)):
                # A database older than this sukien: migrated once by a writing connection, then
                # read as asked.
                self._connect(read_only=False).close()
            self.db = self._connect(self.read_only)
        except sqlite3.DatabaseError as err:
            raise StoreError(Code.DB, f"cannot open the database: {err}", path) from err

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        """A connection with the busy timeout set, migrated unless read-only. A read-only one takes no
        write lock: readers never wait for a writer in WAL mode."""
        timeout = SQLITE_BUSY_TIMEOUT_MS / 1000
        if read_only:
            uri = f"{Path(self.path).resolve().as_uri()}?mode=ro"
            db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
        else:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS:d}")
        # Migrations may key names the way the library does (0003 re-keys stored actors).
        db.create_function("name_key", 1, name_key, deterministic=True)
        # The outlet filter compares folded names; search ranks what was typed with diacritics first.
        db.create_function("sukien_fold", 1, fold_or_none, deterministic=True)
        db.create_function("sukien_exact", -1, exact_function, deterministic=True)
        if read_only:
            return db
        self.db = db
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")  # changing it needs the lock: only when not yet WAL
        # NORMAL is durable against a killed process in WAL mode; only a power cut can lose
        # the last commits, never consistency.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        self.migrate()
        return db

    # -- transactions and migrations ------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction; nested batches join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.db.execute("ROLLBACK")
            raise
        self._depth = 0
        self.db.execute("COMMIT")

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """One ingest or reprocess at a time on this database (a lock on a file beside it, which the
        system releases when the process ends, even killed). Two at once would each check
        near-duplicates against what was stored before they began, and miss the other's articles."""
        if self.path == ":memory:":
            yield
            return
        with open(f"{self.path}.ingest-lock", "a+b") as lock_file:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(Code.INGEST_RUNNING, INGEST_RUNNING_MESSAGE, self.path) from None
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    @staticmethod
    def _pending_migrations(db: sqlite3.Connection) -> bool:
        with closing(db):
            if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone():
                return True
            done = {row["name"] for row in db.execute("SELECT name FROM migrations")}
        return any(name not in done for name, _ in migration_scripts())

    def migrate(self) -> None:
        """Apply the migrations not yet applied; a database already current is not written to (not
        even its `user_version`), so opening it needs no lock."""
        if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'migrations'").fetchone():
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        done = {row["name"] for row in self.db.execute("SELECT name FROM migrations")}
        for name, script in migration_scripts():
            if name in done:
                continue
            with self.batch():
                for statement in split_statements(script):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, now()))
        count = int(self.db.execute("SELECT count(*) FROM migrations").fetchone()[0])
        if self.db.execute("PRAGMA user_version").fetchone()[0] != count:
            self.db.execute(f"PRAGMA user_version = {count:d}")

    def migrations(self) -> list[tuple[str, str]]:
        rows = self.db.execute("SELECT name, applied_at FROM migrations ORDER BY name")
        return [(row["name"], row["applied_at"]) for row in rows]

    # -- writing --------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def known_inputs(self, hashes: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(hashes), RAW_PAGE):  # under SQLite's limit of bound parameters
            page = hashes[start : start + RAW_PAGE]
            marks = ", ".join("?" for _ in page)
            sql = f"SELECT hash, article_id FROM input_hashes WHERE hash IN ({marks})"
            found.update((row["hash"], row["article_id"]) for row in self.db.execute(sql, page))
        return found

    def record_inputs(self, pairs: list[tuple[str, str]]) -> None:
        with self.batch():
            self.db.executemany("INSERT OR IGNORE INTO input_hashes (hash, article_id) VALUES (?, ?)", pairs)

    def replace_article(self, old_id: str, doc: Doc) -> AddResult:
        article = doc.to_article()
        with self.batch():
            if article.id != old_id:
                self.db.execute("DELETE FROM articles WHERE id = ?", (old_id,))
                return self.add(doc)
            data = self._article_row(article)
            assignments = ", ".join(f"{column} = :{column}" for column in data if column != "id")
            self.db.execute(f"UPDATE articles SET {assignments} WHERE id = :id", data)
            self.db.execute("DELETE FROM raw_inputs WHERE article_id = ?", (old_id,))
            self._insert_raw(old_id, doc.record)
            self.db.execute("DELETE FROM events WHERE article_id = ?", (old_id,))
            self._insert_events(old_id, article.source, doc.events)
        return AddResult(article.id, new=False, events=len(doc.events))

    def replace_trips(self, trips: list[Trip]) -> None:
        with self.batch():
            self.db.execute("UPDATE events SET trip_id = NULL WHERE trip_id IS NOT NULL")
            self.db.execute("DELETE FROM trips")
            for trip in trips:
                self.db.execute(
                    "INSERT INTO trips (id, actor_name, actor_key, actor_country, countries, start, \"end\","
                    " status, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        trip.id, trip.actor.name, name_key(trip.actor.name), trip.actor.country,
                        trip_countries(trip), trip.start, trip.end, trip.status, trip.model_dump_json(),
                    ),
                )  # fmt: skip
                self.db.executemany(
                    "INSERT OR IGNORE INTO trip_sources (trip_id, source) VALUES (?, ?)",
                    [(trip.id, source) for source in trip.sources],
                )
                self.db.executemany(
                    "UPDATE events SET trip_id = ? WHERE id = ?",
                    [(trip.id, event_id) for event_id in trip.events],
                )

    def replace_people(self, people: list[Identity]) -> None:
        with self.batch():
            self.db.execute("DELETE FROM actor_names")
            self.db.executemany(
                "INSERT OR IGNORE INTO actor_names (name_key, name, actor_key, actor_name)"
                " VALUES (?, ?, ?, ?)",
                person_rows(people),
            )

    def person(self, name: str) -> Identity | None:
        sql = (
            "SELECT actor_name, name FROM actor_names WHERE actor_key ="
            " (SELECT actor_key FROM actor_names WHERE name_key = ?) ORDER BY name"
        )
        return person_from_rows(self.db.execute(sql, (name_key(name),)).fetchall())

    def people(self) -> list[Identity]:
        rows = self.db.execute("SELECT actor_key, actor_name, name FROM actor_names ORDER BY actor_key, name")
        return people_from_rows(rows.fetchall())

    def _article_row(self, article: Article) -> dict[str, Any]:
        row, extra = article_columns(article)
        return {**row, "extra": extra, "ingested_at": now()}

    def _insert_article(self, article: Article) -> bool:
        row = self._article_row(article)
        columns = ", ".join(row)
        values = ", ".join(f":{column}" for column in row)
        cursor = self.db.execute(f"INSERT OR IGNORE INTO articles ({columns}) VALUES ({values})", row)
        return cursor.rowcount == 1

    def _insert_raw(self, article_id: str, record: RawRecord) -> None:
        self.db.execute(
            "INSERT INTO raw_inputs (article_id, kind, source, fields, text, raw, line, encoding)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                record.kind,
                record.source,
                json.dumps(record.fields, ensure_ascii=False, default=str),
                record.text,
                record.raw,
                record.line,
                record.encoding,
            ),
        )

    def _insert_events(self, article_id: str, source: str, events: list[Event]) -> None:
        rows = []
        for position, event in enumerate(events):
            # Ids are the extractor's (`sukien.extract`): stable for the same article and rules.
            data = event_json(article_id, source, event)
            rows.append(
                (
                    data["id"], article_id, position, event.type, event.actor.name,
                    name_key(event.actor.name), event.actor.country, event_countries(event), event.start,
                    event.end, event.status, int(event.historical),
                    json.dumps(data, ensure_ascii=False),
                )
            )  # fmt: skip
        self.db.executemany(
            "INSERT INTO events (id, article_id, position, type, actor_name, actor_key, actor_country,"
            ' countries, start, "end", status, historical, json)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    # -- reading --------------------------------------------------------------------------------

    def articles(self, filters: Filters = Filters()) -> list[Article]:  # noqa: B008
        where, params = article_conditions(filters, article="articles.", event="events.")
        sql = f"SELECT * FROM articles {where_clause(where)} ORDER BY rowid"
        rows = self._query(sql, params, filters)
        return [article_from_row(row) for row in rows]

    def events(self, filters: Filters = Filters()) -> list[Event]:  # noqa: B008
        where, params = event_conditions(filters)
        sql = f"SELECT json, trip_id FROM events {where_clause(where)} ORDER BY start IS NULL, start, id"
        return [event_from_row(row) for row in self._query(sql, params, filters)]

    def trips(self, filters: Filters = Filters()) -> list[Trip]:  # noqa: B008
        where, params = trip_conditions(filters)
        sql = f"SELECT json FROM trips {where_clause(where)} ORDER BY start IS NULL, start, id"
        return [Trip.model_validate_json(row["json"]) for row in self._query(sql, params, filters)]

    def raw_records(self) -> Iterator[tuple[str, RawRecord]]:
        # Ids first, then pages: the caller may replace rows while we go.
        ids = [row[0] for row in self.db.execute("SELECT article_id FROM raw_inputs ORDER BY rowid")]
        for start in range(0, len(ids), RAW_PAGE):
            page = ids[start : start + RAW_PAGE]
            marks = ", ".join("?" for _ in page)
            rows = self.db.execute(f"SELECT * FROM raw_inputs WHERE article_id IN ({marks})", page)
            by_id = {row["article_id"]: row for row in rows}
            for article_id in page:
                if article_id in by_id:
                    yield article_id, self._raw(by_id[article_id])

    def stats(self) -> StoreStats:
        def count(table: str) -> int:
            return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # table names are ours

        return StoreStats(
            articles=count("articles"),
            events=count("events"),
            trips=count("trips"),
            raw_inputs=count("raw_inputs"),
            migrations=[name for name, _ in self.migrations()],
        )

    # -- search and look-ups by id ---------------------------------------------------------------

    def search(
        self, query: str, filters: Filters, kinds: tuple[str, ...], limit: int, every: bool = True
    ) -> SearchResult:
        return run_search(self.db, query, filters, kinds, limit, every)

    def articles_by_id(self, ids: list[str]) -> dict[str, Article]:
        marks = ", ".join("?" for _ in ids)
        rows = self.db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids).fetchall() if ids else []
        return {row["id"]: article_from_row(row) for row in rows}

    def articles_by_source(self, sources: list[str]) -> dict[str, Article]:
        marks = ", ".join("?" for _ in sources)
        sql = f"SELECT id, source FROM articles WHERE source IN ({marks}) ORDER BY rowid"
        ids: dict[str, str] = {}
        for row in self.db.execute(sql, sources).fetchall() if sources else []:
            ids.setdefault(row["source"], row["id"])
        found = self.articles_by_id(list(ids.values()))
        return {source: found[article_id] for source, article_id in ids.items()}

    def events_by_id(self, ids: list[str]) -> dict[str, Event]:
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT id, json, trip_id FROM events WHERE id IN ({marks})"
        rows = self.db.execute(sql, ids).fetchall() if ids else []
        return {row["id"]: event_from_row(row) for row in rows}

    def article_events(self, article_id: str) -> list[Event]:
        sql = "SELECT json, trip_id FROM events WHERE article_id = ? ORDER BY position"
        return [event_from_row(row) for row in self.db.execute(sql, (article_id,)).fetchall()]

    def trip(self, trip_id: str) -> Trip:
        row = self.db.execute("SELECT json FROM trips WHERE id = ?", (trip_id,)).fetchone()
        if row is None:
            raise StoreError(Code.NOT_FOUND, f"no trip {trip_id}")
        return Trip.model_validate_json(row["json"])

    def close(self) -> None:
        self.db.close()

    # -- helpers --------------------------------------------------------------------------------

    def _query(self, sql: str, params: list[Any], filters: Filters) -> list[sqlite3.Row]:
        if filters.limit is not None or filters.offset:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, -1 if filters.limit is None else filters.limit, filters.offset]
        return self.db.execute(sql, params).fetchall()

    @staticmethod
    def _raw(row: sqlite3.Row) -> RawRecord:
        return RawRecord(
            source=row["source"],
            kind=row["kind"],
            text=row["text"],
            fields=json.loads(row["fields"]),
            line=row["line"],
            encoding=row["encoding"],
            raw=bytes(row["raw"]) if row["raw"] is not None else None,
        )
