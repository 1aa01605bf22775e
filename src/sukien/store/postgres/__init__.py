"""The server store: PostgreSQL through psycopg 3, the `Store` protocol as the SQLite store has it.

`PostgresStore(url)` opens `postgresql://user@host/db` (any libpq URL) and migrates it. Migrations
are the named `.sql` files in `data/migrations/postgres/`, applied in name order, each in its own
transaction and recorded in the `migrations` table (name, applied_at), under an advisory lock, so
that processes opening the same database at once apply each migration once. The connection runs in
autocommit mode and this module opens every transaction itself (`batch()`, nested batches joining
the outer one), so a write is whole or absent even when the process is killed: the server rolls
back whatever a lost connection left open. Write batches take turns, one at a time across every
connection (a transaction-scoped advisory lock), as SQLite's single writer does; reads never wait.
Every statement is parameterised.

What differs from SQLite, by necessity: a text value cannot hold U+0000, so the article's fields
store it as U+FFFD (same length, so evidence offsets hold) while the raw input keeps it (its text
is stored as UTF-8 bytes); `Hit.rank` is the negated `ts_rank_cd`, not BM25 (lower is better on
both); search words are PostgreSQL's: positions beyond 16,383 in one article count as 16,383.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from sukien.errors import Code, StoreError
from sukien.lexicon.identity import Identity

try:  # first: the modules below need it too
    import psycopg
    from psycopg.rows import dict_row
except ImportError as missing:  # `open_store` imports this module only for a postgresql:// URL
    raise StoreError(Code.DB, "PostgreSQL needs psycopg: pip install 'sukien[postgres]'") from missing

from sukien.doc import Doc, RawRecord
from sukien.models import Article, Event, Trip
from sukien.settings import RAW_PAGE
from sukien.store.base import INGEST_RUNNING_MESSAGE, AddResult, Filters, StoreBase, StoreStats, redacted
from sukien.store.postgres.filters import article_conditions, event_conditions, trip_conditions
from sukien.store.postgres.search import event_search_parts, run_search
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
from sukien.text.fold import name_key

# Advisory lock keys: migrating, and writing (the bytes "sukien" and "sukien-w" as numbers).
MIGRATION_LOCK = int.from_bytes(b"sukien", "big")
WRITE_LOCK = int.from_bytes(b"sukien-w", "big")
INGEST_LOCK = int.from_bytes(b"sukien-i", "big")
TABLES = ("articles", "events", "trips", "raw_inputs")

Row = dict[str, Any]


def migration_scripts() -> list[tuple[str, str]]:
    """(name, SQL) of every migration, in the order they apply."""
    folder = resources.files("sukien").joinpath("data", "migrations", "postgres")
    return sorted(
        (item.name.removesuffix(".sql"), item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".sql")
    )


def no_nul(value: Any) -> Any:
    """A string as PostgreSQL can hold it: U+0000 becomes U+FFFD (the same length)."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) and "\x00" in value else value


class PostgresStore(StoreBase):
    def __init__(self, url: str):
        self.path = url
        self.url = redacted(url)
        self._depth = 0
        self._merge_pending = True
        try:
            self.db: psycopg.Connection[Row] = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        except psycopg.Error as err:
            raise StoreError(Code.DB, f"cannot open the database: {first_line(err)}", self.url) from err
        try:
            self.migrate()
        except psycopg.Error as err:
            self.db.close()
            raise StoreError(Code.DB, f"cannot migrate the database: {first_line(err)}", self.url) from err

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
        self._depth = 1
        try:
            with self.db.transaction():  # rolled back on any exception, Ctrl-C included
                # One writer at a time, as SQLite's BEGIN IMMEDIATE has it: a batch that reads
                # events and replaces every trip sees what the batches before it wrote, and two never
                # interleave (released with the transaction, also when the connection is lost).
                self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
        finally:
            self._depth = 0
        self._merge_pending_entries()

    @contextmanager
    def ingest_lock(self) -> Iterator[None]:
        """One ingest or reprocess at a time (a session advisory lock, released by the server when
        the connection is lost): two at once would each miss the other's near-duplicates."""
        row = self.db.execute("SELECT pg_try_advisory_lock(%s) AS taken", (INGEST_LOCK,)).fetchone()
        if not row or not row["taken"]:
            raise StoreError(Code.INGEST_RUNNING, INGEST_RUNNING_MESSAGE, self.url)
        try:
            yield
        finally:
            self.db.execute("SELECT pg_advisory_unlock(%s)", (INGEST_LOCK,))

    def _merge_pending_entries(self) -> None:
        """Merge what the batch added to the search indexes into them.

        A GIN index gathers new entries in a pending list that every search reads through, row by
        row, until it is merged (by autovacuum, some time later): right after an ingest of 2,000
        articles that made searches three times slower, and the planner then prefers reading every
        row. Merging once per batch is cheap (the list is what makes inserts fast); it needs
        ownership of the indexes, so a store connected as another role leaves it to autovacuum.
        """
        if not self._merge_pending:
            return
        try:
            self.db.execute("SELECT gin_clean_pending_list(%s::regclass)", ("articles_search",))
            self.db.execute("SELECT gin_clean_pending_list(%s::regclass)", ("events_search",))
        except psycopg.errors.InsufficientPrivilege:
            self._merge_pending = False

    def migrate(self) -> None:
        scripts = migration_scripts()
        if self._applied() >= {name for name, _ in scripts}:
            return  # the usual case: no lock taken
        self.db.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS migrations"
                ' (name TEXT COLLATE "C" PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())'
            )
            done = self._applied()  # again, under the lock: another process may have migrated
            for name, script in scripts:
                if name in done:
                    continue
                with self.db.transaction():
                    self.db.execute(script.encode("utf-8"))  # no parameters: sent as one script
                    self.db.execute("INSERT INTO migrations (name, applied_at) VALUES (%s, now())", (name,))
        finally:
            self.db.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))

    def _applied(self) -> set[str]:
        row = self.db.execute("SELECT to_regclass('migrations') IS NOT NULL AS present").fetchone()
        if not row or not row["present"]:
            return set()
        return {row["name"] for row in self.db.execute("SELECT name FROM migrations")}

    def migrations(self) -> list[tuple[str, str]]:
        rows = self.db.execute("SELECT name, applied_at FROM migrations ORDER BY name")
        return [(row["name"], row["applied_at"].isoformat(timespec="seconds")) for row in rows]

    # -- writing --------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = %s", (article_id,)).fetchone()
        return row is not None

    def known_inputs(self, hashes: list[str]) -> dict[str, str]:
        if not hashes:
            return {}
        rows = self.db.execute("SELECT hash, article_id FROM input_hashes WHERE hash = ANY(%s)", (hashes,))
        return {row["hash"]: row["article_id"] for row in rows}

    def record_inputs(self, pairs: list[tuple[str, str]]) -> None:
        with self.batch(), self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO input_hashes (hash, article_id) VALUES (%s, %s) ON CONFLICT (hash) DO NOTHING",
                pairs,
            )

    def replace_article(self, old_id: str, doc: Doc) -> AddResult:
        article = doc.to_article()
        with self.batch():
            if article.id != old_id:
                self.db.execute("DELETE FROM articles WHERE id = %s", (old_id,))
                return self.add(doc)
            data = self._article_row(article)
            assignments = ", ".join(f"{column} = %({column})s" for column in data if column != "id")
            self.db.execute(f"UPDATE articles SET {assignments} WHERE id = %(id)s", data)
            self.db.execute("DELETE FROM raw_inputs WHERE article_id = %s", (old_id,))
            self._insert_raw(old_id, doc.record)
            self.db.execute("DELETE FROM events WHERE article_id = %s", (old_id,))
            self._insert_events(old_id, article.source, doc.events)
        return AddResult(article.id, new=False, events=len(doc.events))

    def replace_trips(self, trips: list[Trip]) -> None:
        with self.batch(), self.db.cursor() as cursor:
            cursor.execute("UPDATE events SET trip_id = NULL WHERE trip_id IS NOT NULL")
            cursor.execute("DELETE FROM trips")
            cursor.executemany(
                'INSERT INTO trips (id, actor_name, actor_key, actor_country, countries, start, "end",'
                " status, json) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        trip.id, no_nul(trip.actor.name), name_key(trip.actor.name), trip.actor.country,
                        trip_countries(trip), trip.start, trip.end, trip.status, trip.model_dump_json(),
                    )
                    for trip in trips
                ],
            )  # fmt: skip
            cursor.execute(
                "INSERT INTO trip_sources (trip_id, source)"
                " SELECT * FROM unnest(%s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                (
                    [trip.id for trip in trips for _ in trip.sources],
                    [no_nul(source) for trip in trips for source in trip.sources],
                ),
            )
            cursor.execute(
                "UPDATE events SET trip_id = linked.trip_id"
                " FROM unnest(%s::text[], %s::text[]) AS linked (trip_id, event_id)"
                " WHERE events.id = linked.event_id",
                (
                    [trip.id for trip in trips for _ in trip.events],
                    [event_id for trip in trips for event_id in trip.events],
                ),
            )

    def replace_people(self, people: list[Identity]) -> None:
        with self.batch(), self.db.cursor() as cursor:
            cursor.execute("DELETE FROM actor_names")
            cursor.executemany(
                "INSERT INTO actor_names (name_key, name, actor_key, actor_name) VALUES (%s, %s, %s, %s)"
                " ON CONFLICT DO NOTHING",
                [tuple(no_nul(value) for value in row) for row in person_rows(people)],
            )

    def person(self, name: str) -> Identity | None:
        sql = (
            "SELECT actor_name, name FROM actor_names WHERE actor_key ="
            " (SELECT actor_key FROM actor_names WHERE name_key = %s) ORDER BY name"
        )
        return person_from_rows(self.db.execute(sql, (name_key(no_nul(name)),)).fetchall())

    def people(self) -> list[Identity]:
        rows = self.db.execute("SELECT actor_key, actor_name, name FROM actor_names ORDER BY actor_key, name")
        return people_from_rows(rows.fetchall())

    def _article_row(self, article: Article) -> dict[str, Any]:
        row, extra = article_columns(article)
        return {**{column: no_nul(value) for column, value in row.items()}, "extra": extra}

    def _insert_article(self, article: Article) -> bool:
        row = self._article_row(article)
        columns = ", ".join(row)
        values = ", ".join(f"%({column})s" for column in row)
        cursor = self.db.execute(
            f"INSERT INTO articles ({columns}) VALUES ({values}) ON CONFLICT (id) DO NOTHING", row
        )
        return cursor.rowcount == 1

    def _insert_raw(self, article_id: str, record: RawRecord) -> None:
        self.db.execute(
            "INSERT INTO raw_inputs (article_id, kind, source, fields, text, raw, line, encoding)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                article_id,
                record.kind,
                no_nul(record.source),
                json.dumps(record.fields, ensure_ascii=False, default=str),
                record.text.encode("utf-8"),
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
                    data["id"], article_id, position, event.type, no_nul(event.actor.name),
                    name_key(event.actor.name), event.actor.country, event_countries(event), event.start,
                    event.end, event.status, int(event.historical), json.dumps(data, ensure_ascii=False),
                    *(no_nul(part) for part in event_search_parts(data)),
                )
            )  # fmt: skip
        if not rows:
            return
        with self.db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO events (id, article_id, position, type, actor_name, actor_key, actor_country,"
                ' countries, start, "end", status, historical, json, search_actor, search_counterparts,'
                " search_place, search_occasion, search_evidence)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                rows,
            )

    # -- reading --------------------------------------------------------------------------------

    def articles(self, filters: Filters = Filters()) -> list[Article]:  # noqa: B008
        where, params = article_conditions(filters, article="articles.", event="events.")
        sql = f"SELECT * FROM articles {where_clause(where)} ORDER BY seq"
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
        ids = [row["article_id"] for row in self.db.execute("SELECT article_id FROM raw_inputs ORDER BY seq")]
        for start in range(0, len(ids), RAW_PAGE):
            page = ids[start : start + RAW_PAGE]
            rows = self.db.execute("SELECT * FROM raw_inputs WHERE article_id = ANY(%s)", (page,))
            by_id = {row["article_id"]: row for row in rows}
            for article_id in page:
                if article_id in by_id:
                    yield article_id, self._raw(by_id[article_id])

    def stats(self) -> StoreStats:
        row = self.db.execute(
            "SELECT " + ", ".join(f"(SELECT count(*) FROM {table}) AS {table}" for table in TABLES)
        ).fetchone()  # table names are ours
        assert row is not None
        return StoreStats(
            articles=int(row["articles"]),
            events=int(row["events"]),
            trips=int(row["trips"]),
            raw_inputs=int(row["raw_inputs"]),
            migrations=[name for name, _ in self.migrations()],
        )

    # -- search and look-ups by id ---------------------------------------------------------------

    def search(
        self, query: str, filters: Filters, kinds: tuple[str, ...], limit: int, every: bool = True
    ) -> SearchResult:
        return run_search(self.db, query, filters, kinds, limit, every)

    def articles_by_id(self, ids: list[str]) -> dict[str, Article]:
        rows = self.db.execute("SELECT * FROM articles WHERE id = ANY(%s)", (ids,)).fetchall() if ids else []
        return {row["id"]: article_from_row(row) for row in rows}

    def articles_by_source(self, sources: list[str]) -> dict[str, Article]:
        sql = "SELECT id, source FROM articles WHERE source = ANY(%s) ORDER BY seq"
        ids: dict[str, str] = {}
        for row in self.db.execute(sql, (sources,)).fetchall() if sources else []:
            ids.setdefault(row["source"], row["id"])
        found = self.articles_by_id(list(ids.values()))
        return {source: found[article_id] for source, article_id in ids.items()}

    def events_by_id(self, ids: list[str]) -> dict[str, Event]:
        sql = "SELECT id, json, trip_id FROM events WHERE id = ANY(%s)"
        rows = self.db.execute(sql, (ids,)).fetchall() if ids else []
        return {row["id"]: event_from_row(row) for row in rows}

    def article_events(self, article_id: str) -> list[Event]:
        sql = "SELECT json, trip_id FROM events WHERE article_id = %s ORDER BY position"
        return [event_from_row(row) for row in self.db.execute(sql, (article_id,)).fetchall()]

    def trip(self, trip_id: str) -> Trip:
        row = self.db.execute("SELECT json FROM trips WHERE id = %s", (trip_id,)).fetchone()
        if row is None:
            raise StoreError(Code.NOT_FOUND, f"no trip {trip_id}")
        return Trip.model_validate_json(row["json"])

    def close(self) -> None:
        self.db.close()

    # -- helpers --------------------------------------------------------------------------------

    def _query(self, sql: str, params: list[Any], filters: Filters) -> list[Row]:
        if filters.limit is not None or filters.offset:
            sql += " LIMIT %s OFFSET %s"
            params = [*params, filters.limit, filters.offset]  # LIMIT NULL: no limit
        return self.db.execute(sql, params).fetchall()

    @staticmethod
    def _raw(row: Row) -> RawRecord:
        return RawRecord(
            source=row["source"],
            kind=row["kind"],
            text=bytes(row["text"]).decode("utf-8"),
            fields=json.loads(row["fields"]),
            line=row["line"],
            encoding=row["encoding"],
            raw=bytes(row["raw"]) if row["raw"] is not None else None,
        )


def first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]
