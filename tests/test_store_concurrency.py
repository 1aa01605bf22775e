"""Neighbours on one database: readers never wait for a writer, two ingests never interleave (issue 10)."""

from __future__ import annotations

import sqlite3
import time

import pytest

from conftest import article_text
from sukien.app.ingest import ingest, reprocess
from sukien.errors import Code, StoreError
from sukien.shells.cli import main
from sukien.store import open_store


@pytest.fixture
def stored_db(tmp_path):
    path = tmp_path / "news.db"
    (tmp_path / "a.txt").write_text("Bài một\n\n" + article_text(1), encoding="utf-8")
    with open_store(path) as store:
        ingest(store, [tmp_path / "a.txt"], workers=1)
    return path


@pytest.mark.parametrize("read_only", [True, False])
def test_a_reader_opens_and_reads_while_a_writer_holds_a_transaction(stored_db, read_only):
    writer = sqlite3.connect(stored_db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM trips")  # uncommitted: the reader sees the state before it
    try:
        began = time.perf_counter()
        with open_store(stored_db, create=False, read_only=read_only) as reader:
            stats = reader.stats()
            assert reader.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert time.perf_counter() - began < 2  # no wait for the lock, let alone its 10 s timeout
        assert stats.articles == 1 and stats.trips >= 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_opening_a_current_database_writes_nothing(stored_db):
    before = stored_db.read_bytes()
    wal = stored_db.with_name(stored_db.name + "-wal")
    wal_before = wal.read_bytes() if wal.exists() else b""
    open_store(stored_db).close()
    assert stored_db.read_bytes() == before
    assert (wal.read_bytes() if wal.exists() else b"") in (b"", wal_before)


def test_a_read_only_store_refuses_writes(stored_db):
    with (
        open_store(stored_db, create=False, read_only=True) as reader,
        pytest.raises(sqlite3.OperationalError),
    ):
        reader.replace_trips([])


def test_a_second_ingest_on_the_same_database_is_refused_with_a_code(stored_db, tmp_path):
    (tmp_path / "b.txt").write_text("Bài hai\n\n" + article_text(2), encoding="utf-8")
    with open_store(stored_db) as first, open_store(stored_db) as second, first.ingest_lock():
        with pytest.raises(StoreError) as refused:
            ingest(second, [tmp_path / "b.txt"], workers=1)
        assert refused.value.code == Code.INGEST_RUNNING
        with pytest.raises(StoreError):
            reprocess(second, workers=1)
        assert second.stats().articles == 1  # nothing of the refused ingest was written
    with open_store(stored_db) as store:  # the lock ends with the ingest holding it
        assert ingest(store, [tmp_path / "b.txt"], workers=1).stored == 1


def test_the_cli_says_why_a_second_ingest_is_refused(stored_db, tmp_path, capsys):
    (tmp_path / "c.txt").write_text("Bài ba\n\n" + article_text(3), encoding="utf-8")
    with open_store(stored_db) as first, first.ingest_lock():
        code = main(["ingest", "--db", str(stored_db), str(tmp_path / "c.txt")])
    err = capsys.readouterr().err
    assert code != 0 and "E207" in err and "another ingest" in err
