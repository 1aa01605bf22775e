"""What is PostgreSQL's own in the server store: its migrations and their lock, a killed writer, values
SQLite holds and PostgreSQL cannot, and the command line giving the same trips on both backends.
The contract the two stores share is tested on both in test_store.py and test_search.py.

These run when SUKIEN_TEST_PG names a server (`scripts/with_postgres.sh` starts one for `scripts/test`)
and are skipped, saying why, when it does not.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import REPO, corpus_sample, postgres_missing
from seeded_store import store_text
from sukien.doc import Doc, RawRecord
from sukien.errors import StoreError
from sukien.store import Filters, open_store


@pytest.fixture(scope="module")
def backend() -> str:
    """Every test here is about PostgreSQL: `db_path` is a fresh database on the test server."""
    if why := postgres_missing():
        pytest.skip(f"PostgreSQL: {why}")
    return "postgres"


def python(code: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)  # fmt: skip


def sukien(*argv: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-m", "sukien", *argv], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def test_migrations_are_recorded_once_with_their_time(db_path):
    from sukien.store.postgres import migration_scripts

    with open_store(db_path) as store:
        first = store.migrations()
    with open_store(db_path) as store:
        assert store.migrations() == first
    names = [name for name, _ in first]
    expected = ["0001_initial", "0002_search", "0003_input_hashes", "0004_actor_names", "0005_historical"]
    assert names == [name for name, _ in migration_scripts()] == expected
    assert first[0][1][:2] == "20"  # an ISO time


def test_processes_opening_a_new_database_at_once_migrate_it_once(db_path):
    opening = [
        python(f"""
            from sukien.store import open_store
            with open_store({str(db_path)!r}) as store:
                print(len(store.migrations()))
        """)
        for _ in range(6)
    ]  # fmt: skip
    results = [process.communicate(timeout=120) for process in opening]
    assert [process.returncode for process in opening] == [0] * len(opening), [err for _, err in results]
    with open_store(db_path) as store:
        expected = len(store.migrations())
        assert [int(out) for out, _ in results] == [expected] * len(opening)
        import psycopg

        with psycopg.connect(str(db_path)) as db:
            assert db.execute("SELECT count(*), count(DISTINCT name) FROM migrations").fetchone() == (
                expected,
                expected,
            )


def test_a_writer_killed_inside_a_batch_leaves_nothing_of_it(db_path):
    with open_store(db_path) as store:
        store_text(store, "kept.txt", "Bài đã lưu trước.")
    writer = python(f"""
        import sys, time
        from sukien.doc import Doc, RawRecord
        from sukien.store import open_store
        store = open_store({str(db_path)!r})
        with store.batch():
            for n in range(3):
                record = RawRecord(source=f"lost-{{n}}.txt", kind="text", text=f"Bài số {{n}} chưa lưu.")
                store.add(Doc(record=record, text=record.text))
            print("written", flush=True)
            time.sleep(600)
    """)  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline().strip() == "written"
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=60)
    with open_store(db_path) as store:  # nothing left locked: the server ended the session
        assert [article.source for article in store.articles()] == ["kept.txt"]
        stats = store.stats()
        assert (stats.articles, stats.raw_inputs) == (1, 1)
        store_text(store, "after.txt", "Bài lưu sau.")
        assert store.stats().articles == 2


@pytest.mark.slow
def test_a_killed_ingest_leaves_a_consistent_database(db_path, tmp_path, corpus_dir):
    sample = corpus_sample(corpus_dir, "vietnews.jsonl.xz", 3000, tmp_path / "sample.jsonl")
    running = sukien("ingest", "--db", str(db_path), str(sample))
    import psycopg

    deadline = time.monotonic() + 120
    stored = 0
    while not stored and time.monotonic() < deadline and running.poll() is None:
        time.sleep(0.05)
        try:
            with psycopg.connect(str(db_path)) as db:
                stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        except psycopg.Error:
            pass  # not migrated yet
    assert stored, "the ingest wrote nothing in time (or ended first)"
    running.send_signal(signal.SIGKILL)
    running.communicate(timeout=60)
    with psycopg.connect(str(db_path)) as db:
        orphans = db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM raw_inputs)"
        )
        assert orphans.fetchone()[0] == 0
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count >= stored
    listed = sukien("articles", "--db", str(db_path), "--format", "json")
    out, err = listed.communicate(timeout=60)
    assert listed.returncode == 0, err
    assert len(json.loads(out)) == count


def test_the_command_line_gives_the_same_records_on_both_backends(db_path, tmp_path, seeds_dir):
    outputs = {}
    for name, target in (("sqlite", str(tmp_path / "seeds.db")), ("postgres", str(db_path))):
        ingesting = sukien("ingest", "--db", target, str(seeds_dir))
        _, err = ingesting.communicate(timeout=300)
        assert ingesting.returncode == 0, err
        for command in ("trips", "events", "articles"):
            listing = sukien(command, "--db", target, "--format", "json")
            out, err = listing.communicate(timeout=120)
            assert listing.returncode == 0, err
            outputs[name, command] = json.loads(out)
    assert outputs["postgres", "trips"], "the seeds make trips"
    for command in ("trips", "events", "articles"):
        assert outputs["postgres", command] == outputs["sqlite", command], command


def test_sukien_db_may_name_a_server(db_path, seeds_dir, monkeypatch, capsys):
    from sukien.shells.cli import main

    monkeypatch.setenv("SUKIEN_DB", str(db_path))
    assert main(["ingest", str(seeds_dir)]) == 0
    capsys.readouterr()
    assert main(["trips", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_nul_is_stored_as_a_replacement_character_and_the_raw_input_kept_whole(store):
    text = "Thủ tướng\x00 Phạm Minh Chính thăm Nhật Bản."
    record = RawRecord(source="nul.jsonl", kind="jsonl", text=text, fields={"title": "Tin\x00 A"})
    doc = Doc(record=record, text=text, title="Tin\x00 A")
    result = store.add(doc)
    [article] = store.articles()
    assert article.id == result.article_id
    assert article.text == text.replace("\x00", "\ufffd") and len(article.text) == len(text)
    assert article.title == "Tin\ufffd A"
    [(_, raw)] = list(store.raw_records())
    assert raw.text == text and raw.fields == {"title": "Tin\x00 A"}


def test_a_server_that_is_not_there_is_a_store_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://sukien:s3cret@/nodb?host=/nonexistent-socket-folder")
    assert caught.value.code.value == "E201"
    assert "s3cret" not in str(caught.value)


def test_filters_compare_dates_byte_wise_whatever_the_server_locale(store):
    from builders import make_event

    call = make_event("call", "Phạm Minh Chính", "JP", "2024-11", None)
    store_text(store, "a.txt", "Bài một.", events=[call])
    # An open end ("2024-11") overlaps every day of its month, as on SQLite.
    assert len(store.events(Filters(since="2024-11-15"))) == 1
    assert store.events(Filters(since="2024-12-01")) == []


def test_write_batches_of_two_connections_take_turns(db_path):
    """As SQLite's BEGIN IMMEDIATE does: two processes re-linking at once never collide."""
    from concurrent.futures import ThreadPoolExecutor

    from builders import make_event
    from sukien.models import Trip

    with open_store(db_path) as store:
        visit = make_event("visit", "Tô Lâm", "US", "2024-09-21", None)
        store_text(store, "a.txt", "Bài một.", events=[visit])
        [event] = store.events()

    trip = Trip(id="t1", actor=event.actor, events=[event.id], sources=["a.txt"])

    def relink_often(_: int) -> int:
        with open_store(db_path) as store:
            for _round in range(15):
                with store.batch():
                    store.events()
                    store.replace_trips([trip])
        return 1

    with ThreadPoolExecutor(max_workers=3) as pool:
        assert sum(pool.map(relink_often, range(3))) == 3
    with open_store(db_path) as store:
        assert [trip.id for trip in store.trips()] == ["t1"]
        assert [e.trip_id for e in store.events()] == ["t1"]


# -- snippets and highlights (no server needed) ---------------------------------------------------------


def marker_for(query: str):
    pytest.importorskip("psycopg")
    from sukien.store.postgres.snippets import Marker
    from sukien.store.query import query_terms

    return Marker(query_terms(query))


def test_a_phrase_is_one_marked_span_in_any_case_and_spelling():
    from sukien.store.results import unmark

    marked = marker_for('"da nang"').highlight("Hội nghị tại ĐÀ NẴNG, rồi Đà-Nẵng; không phải Đà Lạt.")
    text, spans = unmark(marked or "")
    assert [text[start:end] for start, end in spans] == ["ĐÀ NẴNG", "Đà-Nẵng"]


def test_a_snippet_is_the_words_around_the_match_with_ellipses_where_the_text_goes_on():
    from sukien.settings import SNIPPET_TOKENS
    from sukien.store.results import ELLIPSIS, MARK_CLOSE, MARK_OPEN, unmark

    words = [f"từ{n}" for n in range(200)]
    words[100] = "Parolin"
    marker = marker_for("parolin")
    snippet, terms = marker.snippet(" ".join(words))
    assert terms == 1 and snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    text, spans = unmark(snippet.strip(ELLIPSIS))
    assert len(text.split()) == SNIPPET_TOKENS and [text[a:b] for a, b in spans] == ["Parolin"]
    assert abs(text.split().index("Parolin") - SNIPPET_TOKENS // 2) <= 1  # centred
    tagged, _ = marker.snippet("Parolin <b>tới</b> Hà Nội.")
    assert tagged == f"{MARK_OPEN}Parolin{MARK_CLOSE} <b>tới</b> Hà Nội."
    first, _ = marker.snippet("Tin về Parolin. " + " ".join(words[:100]))
    assert not first.startswith(ELLIPSIS) and first.endswith(ELLIPSIS)


def test_a_role_that_owns_nothing_can_write_and_search(db_path):
    """Deployed, the store may connect as a role with rights on the tables only: the migrations are
    done, the writes go through, and the search indexes are merged later by autovacuum."""
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    with open_store(db_path) as store:
        store_text(store, "a.txt", "Tin về Parolin.")
    role = f"sukien_writer_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(str(db_path), autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN")  # a name of our own
            admin.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
            admin.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    except psycopg.Error as err:
        pytest.skip(f"cannot make a role on this server: {err}")
    try:
        parts = urlsplit(str(db_path))
        as_role = urlunsplit(parts._replace(netloc=f"{role}@{parts.netloc.rsplit('@', 1)[-1]}"))
        with open_store(as_role) as store:
            store_text(store, "b.txt", "Tin khác về Parolin.")
            assert store.stats().articles == 2
            assert len(store.search("parolin", Filters(), ("article",), 10).articles) == 2
    finally:
        with psycopg.connect(str(db_path), autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")
