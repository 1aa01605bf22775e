"""The store's contract on both backends (SQLite, and PostgreSQL when SUKIEN_TEST_PG is set): idempotence,
filters, trips, transactions, reprocessing from raw inputs; and SQLite's own file and migrations."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from builders import make_event
from conftest import article_text
from sukien.app.ingest import ingest, reprocess
from sukien.doc import Doc, RawRecord
from sukien.errors import StoreError
from sukien.models import Event, Person, Trip
from sukien.pipeline import process
from sukien.store import Filters, open_store
from sukien.store.sqlite import migration_scripts

pytestmark = pytest.mark.both_backends


def doc_with_events(n: int, events: list[Event], outlet: str | None = None) -> Doc:
    # Built by hand, not by the pipeline: these tests are about the store.
    record = RawRecord(source=f"article-{n}.txt", kind="text", text=article_text(n), encoding="utf-8")
    doc = Doc(record=record, text=record.text, outlet=outlet, events=[e.model_copy() for e in events])
    doc.number_events()
    return doc


EVENTS = [
    make_event("visit", "Tô Lâm", "US", "2024-09-21", "2024-09-25"),
    make_event("meet", "Tô Lâm", "US", "2024-09-22", "2024-09-22",
               counterparts=[Person(name="Pietro Parolin", country="VA")]),
    make_event("attend", "Phạm Minh Chính", "LA", "2024-10-09", "2024-10-11"),
    make_event("call", "Phạm Minh Chính", "JP", "2024-11", None),
    make_event("visit", "Võ Văn Thưởng", "US", None, None),
]  # fmt: skip


@pytest.fixture
def filled(store):
    store.add(doc_with_events(1, EVENTS[:2], outlet="Báo A"))
    store.add(doc_with_events(2, EVENTS[2:4], outlet="Báo B"))
    store.add(doc_with_events(3, EVENTS[4:], outlet="Báo A"))
    return store


@pytest.mark.sqlite_only  # PostgreSQL's: tests/test_postgres.py
def test_migrations_are_recorded_once(db_path):
    with open_store(db_path) as store:
        first = store.migrations()
    with open_store(db_path) as store:
        assert store.migrations() == first
    names = [name for name, _ in first]
    assert names == [name for name, _ in migration_scripts()] and names[0] == "0001_initial"
    assert first[0][1][:2] == "20"  # an ISO time
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(first)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_is_an_error(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as caught:
        open_store(bad)
    assert caught.value.code.value == "E201"


def test_missing_database_is_refused_when_not_creating(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_ingesting_the_seeds_twice_changes_nothing(store, seeds_dir):
    first = ingest(store, [seeds_dir])
    snapshot = (store.articles(), store.events(), store.trips())
    second = ingest(store, [seeds_dir])
    assert first.stored == len(snapshot[0]) > 0
    assert second.stored == 0
    assert second.duplicates == first.stored
    assert (store.articles(), store.events(), store.trips()) == snapshot


def test_the_same_text_under_two_names_is_stored_once(store, tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    for name in ("one.txt", "copy-of-one.txt"):
        shutil.copy(seed, tmp_path / name)
    report = ingest(store, [tmp_path / "one.txt", tmp_path / "copy-of-one.txt"])
    assert (report.stored, report.duplicates) == (1, 1)
    assert [a.source for a in store.articles()] == ["one.txt"]


def test_add_stores_article_raw_input_and_events_together(store):
    result = store.add(doc_with_events(1, EVENTS[:2]))
    assert result.new and result.events == 2
    stats = store.stats()
    assert (stats.articles, stats.raw_inputs, stats.events) == (1, 1, 2)
    assert [e.article_id for e in store.events()] == [result.article_id] * 2


def test_event_ids_are_stable_and_name_their_source(store):
    doc = doc_with_events(1, EVENTS[:2])
    store.add(doc)
    ids = [e.id for e in store.events()]
    store.replace_article(doc.id, doc_with_events(1, EVENTS[:2]))
    assert [e.id for e in store.events()] == ids == [f"{doc.id}-1", f"{doc.id}-2"]
    assert len(set(ids)) == 2
    assert all(e.sources == ["article-1.txt"] for e in store.events())


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), [0, 1, 2, 3, 4]),
        (Filters(actor="to lam"), [0, 1]),
        (Filters(actor="Phạm Minh Chính"), [2, 3]),
        (Filters(country="US"), [0, 1, 4]),
        (Filters(country="va"), [1]),
        (Filters(types=("call", "attend")), [2, 3]),
        (Filters(since="2024-09-23"), [0, 2, 3]),
        (Filters(until="2024-09-21"), [0]),
        (Filters(since="2024-11-15", until="2024-11-20"), [3]),
        (Filters(outlet="Báo B"), [2, 3]),
        (Filters(actor="lâm", country="US", since="2024-09-22", until="2024-09-22"), [0, 1]),
        (Filters(limit=2, offset=1), [1, 2]),
    ],
)
def test_event_filters(filled, filters, expected):
    wanted = [(EVENTS[i].type, EVENTS[i].actor.name, EVENTS[i].start) for i in expected]
    assert [(e.type, e.actor.name, e.start) for e in filled.events(filters)] == wanted


@pytest.mark.parametrize(
    ("filters", "expected_outlets"),
    [
        (Filters(), ["Báo A", "Báo B", "Báo A"]),
        (Filters(outlet="Báo A"), ["Báo A", "Báo A"]),
        (Filters(actor="Phạm Minh Chính"), ["Báo B"]),
        (Filters(types=("visit",)), ["Báo A", "Báo A"]),
        (Filters(country="LA"), ["Báo B"]),
    ],
)
def test_article_filters(filled, filters, expected_outlets):
    assert [a.outlet for a in filled.articles(filters)] == expected_outlets


def test_replace_trips_sets_and_clears_event_trip_ids(filled):
    events = filled.events(Filters(actor="Tô Lâm"))
    sources = sorted({s for e in events for s in e.sources})
    trip = Trip(id="t1", actor=events[0].actor, events=[e.id for e in events], sources=sources)
    filled.replace_trips([trip])
    assert filled.trips() == [trip]
    assert {e.trip_id for e in filled.events(Filters(actor="Tô Lâm"))} == {"t1"}
    assert {e.trip_id for e in filled.events(Filters(actor="Phạm Minh Chính"))} == {None}
    assert filled.trips(Filters(types=("meet",))) == [trip]
    assert filled.trips(Filters(types=("call",))) == []
    filled.replace_trips([])
    assert filled.trips() == [] and {e.trip_id for e in filled.events()} == {None}


def test_a_failed_batch_leaves_nothing(filled):
    before = filled.stats()
    with pytest.raises(RuntimeError), filled.batch():
        filled.add(doc_with_events(9, EVENTS[:1]))
        raise RuntimeError("stop")
    assert filled.stats() == before


NEW_RULE_SPEAKER = "Người Phát Biểu Theo Quy Tắc Mới"


def test_reprocess_rebuilds_from_raw_inputs_without_the_files(tmp_path, db_path, seeds_dir, monkeypatch):
    copies = tmp_path / "copies"
    shutil.copytree(seeds_dir, copies)
    with open_store(db_path) as store:
        ingest(store, [copies])
        articles = store.articles()
        shutil.rmtree(copies)

        # New rules: one more event per article, so the re-extraction is visible.
        def process_with_a_new_rule(record: RawRecord, **wanted: bool) -> Doc:
            doc = process(record, **wanted)
            doc.events = [*doc.events, make_event("speak", NEW_RULE_SPEAKER, "VN", None, None)]
            doc.number_events()
            return doc

        monkeypatch.setattr("sukien.app.ingest.process", process_with_a_new_rule)
        report = reprocess(store)
        assert report.stored == len(articles) and not report.errors
        assert store.articles() == articles
        speakers = store.events(Filters(actor=NEW_RULE_SPEAKER))
        assert sorted(e.article_id for e in speakers) == sorted(a.id for a in articles)


def test_reprocess_keeps_undecoded_bytes(tmp_path, db_path):
    text = article_text(5)
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16"))
    with open_store(db_path) as store:
        ingest(store, [path])
        path.unlink()
        [(_, raw)] = list(store.raw_records())
        assert raw.raw == text.encode("utf-16")
        before = store.articles()
        reprocess(store)
        assert store.articles() == before


@pytest.mark.parametrize("typed", ["Kim Jong Un", "kim jong-un", "KIM JONG UN"])
def test_an_actor_filter_finds_a_hyphenated_name_however_typed(store, typed):
    store.add(doc_with_events(1, [make_event("visit", "Kim Jong-un", "VN", "2019-02-26", "2019-03-02")]))
    assert [e.actor.name for e in store.events(Filters(actor=typed))] == ["Kim Jong-un"]


def test_the_store_keeps_the_ids_the_pipeline_gave(store, seeds_dir):
    path = seeds_dir / "004_2d1773ccbd889302.txt"
    doc = process(RawRecord(source=path.name, kind="text", text=path.read_text(encoding="utf-8")))
    store.add(doc)
    assert [e.id for e in store.events()] == [e.id for e in doc.events]
    assert [e.id for e in doc.events] == [f"{doc.id}-{n}" for n in range(1, len(doc.events) + 1)]


def test_inputs_already_stored_are_known_by_their_hash(store, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.txt").write_text(f"Bài {n}\n\n{article_text(n)}", encoding="utf-8")
    first = ingest(store, [folder])
    assert store.known_inputs(["nothing"]) == {}
    store.record_inputs([("h-other", first.article_ids[0]), ("h-other", first.article_ids[1])])
    assert store.known_inputs(["h-other", "nothing"]) == {"h-other": first.article_ids[0]}  # the first kept
    again = ingest(store, [folder])
    assert (again.read, again.stored, again.duplicates) == (2, 0, 2)
    assert again.article_ids == first.article_ids
