"""Events in history are not news: an event dated more than a year before its article was published
("năm 1930, Chủ tịch Hồ Chí Minh ...") is `historical`, out of trips and out of default listings."""

from __future__ import annotations

import json
import sqlite3

import pytest

from corpus_items import process_item, read_items
from sukien.app.ingest import relink
from sukien.doc import Doc, RawRecord
from sukien.link import link
from sukien.models import Event, Location, Person, codes_for
from sukien.pipeline import process
from sukien.shells.cli import main
from sukien.store import Filters, open_store


def dated(event_id: str, kind: str, start: str, published: str | None, end: str | None = None) -> Event:
    return Event(
        id=event_id,
        type=kind,
        actor=Person(name="Tô Lâm", country="VN", roles=["Tổng Bí thư"]),
        location=Location(country="FR"),
        start=start,
        end=end,
        codes=codes_for(kind),
        article_published=published,
    )


@pytest.mark.parametrize(
    ("start", "end", "published", "historical"),
    [
        ("1930-02-03", None, "2024-12-29", True),
        ("2023-12-28", None, "2024-12-29", True),  # a year and a day before
        ("2023-12-29", None, "2024-12-29", False),  # a year to the day: still recent
        ("2024-12-20", None, "2024-12-29", False),
        ("2023-11", None, "2024-12-01", True),  # a month runs to its end
        ("2023-12", None, "2024-12-01", False),
        ("2022-05-01", "2024-05-01", "2024-12-29", False),  # ended within the year
        ("1930-02-03", None, None, False),  # no publication date: nothing to compare with
    ],
)
def test_an_event_dated_more_than_a_year_before_its_article_is_historical(start, end, published, historical):
    assert dated("a-1", "meet", start, published, end).historical is historical


def test_historical_is_said_only_of_events_in_history():
    assert (
        json.loads(dated("a-1", "meet", "1930-02-03", "2024-12-29").model_dump_json())["historical"] is True
    )
    assert "historical" not in json.loads(dated("a-1", "meet", "2024-12-20", "2024-12-29").model_dump_json())


def test_an_event_in_history_joins_no_trip():
    events = [
        dated("a-1", "visit", "2024-12-20", "2024-12-29"),
        dated("a-2", "meet", "1930-02-03", "2024-12-29"),
    ]
    trips = link(events)
    assert [trip.events for trip in trips] == [["a-1"]]


def store_events(store, events_by_text: dict[str, list[Event]]) -> None:
    for text, events in events_by_text.items():
        doc = Doc(record=RawRecord(source=f"{text}.txt", kind="text", text=text))
        doc.text, doc.published = text, "2024-12-29T11:18:00+07:00"
        doc.events = [e.model_copy(update={"id": f"{doc.id}-{n}"}) for n, e in enumerate(events, 1)]
        store.add(doc)
    relink(store)


@pytest.fixture
def with_history(store):
    store_events(
        store,
        {
            "news": [dated("x", "visit", "2024-12-20", "2024-12-29")],
            "history": [dated("x", "meet", "1930-02-03", "2024-12-29")],
        },
    )
    return store


def test_listings_leave_events_in_history_out_unless_asked(with_history):
    assert [e.start for e in with_history.events()] == ["2024-12-20"]
    assert [e.start for e in with_history.events(Filters(historical=True))] == ["1930-02-03", "2024-12-20"]
    assert [e.start for e in with_history.events(Filters(actor="to lam", historical=True))][0] == "1930-02-03"


def test_the_first_event_of_the_api_is_news(with_history, db_path):
    from starlette.testclient import TestClient

    from sukien.shells.api import create_app

    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as client:
        assert client.get("/api/events").json()["items"][0]["start"] == "2024-12-20"
        first = client.get("/api/events?historical=true").json()["items"][0]
        assert (first["start"], first["historical"]) == ("1930-02-03", True)


def test_the_cli_lists_events_in_history_with_historical(with_history, db_path, capsys):
    assert main(["events", "--db", str(db_path), "--format", "json"]) == 0
    assert [e["start"] for e in json.loads(capsys.readouterr().out)] == ["2024-12-20"]
    assert main(["events", "--db", str(db_path), "--format", "json", "--historical"]) == 0
    assert [e["start"] for e in json.loads(capsys.readouterr().out)] == ["1930-02-03", "2024-12-20"]


def test_the_migration_flags_the_events_a_store_held_before_it(tmp_path):
    """A database made before `historical` existed: the migration applies the rule of the model."""
    path = tmp_path / "old.db"
    with open_store(str(path)) as store:
        store_events(store, {"history": [dated("x", "meet", "1930-02-03", "2024-12-29")]})
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET historical = 0")
    db.execute("DELETE FROM migrations WHERE name = '0006_historical'")
    db.execute("DROP INDEX events_historical")
    db.execute("ALTER TABLE events DROP COLUMN historical")
    db.commit()
    db.close()
    with open_store(str(path)) as store:
        assert store.events() == [] and len(store.events(Filters(historical=True))) == 1


RECALLED = (
    "Sáng 14/4/2025, Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình tại Hà "
    "Nội. Ngày 18/1/1950, Chủ tịch Hồ Chí Minh hội đàm với Chủ tịch Mao Trạch Đông tại Bắc Kinh, mở đầu "
    "quan hệ ngoại giao giữa hai nước."
)


def test_talks_an_article_recalls_from_1950_are_not_listed_as_news(store):
    record = RawRecord(source="recalled.txt", kind="text", text=RECALLED, fields={"published": "2025-04-14"})
    store.add(process(record))
    relink(store)
    listed = {(e.actor.name, e.start) for e in store.events()}
    assert ("Tô Lâm", "2025-04-14") in listed and ("Hồ Chí Minh", "1950-01-18") not in listed
    assert ("Hồ Chí Minh", "1950-01-18") in {
        (e.actor.name, e.start) for e in store.events(Filters(historical=True))
    }


def test_welcoming_the_new_year_is_no_meeting_with_ho_chi_minh(corpus_dir):
    """The item whose "meeting" with Hồ Chí Minh, dated from "(3/2/1930- 3/2/2025)", was the first
    event of the API and of Tô Lâm's page: "đón chào năm mới" (welcoming the new year) met no one."""
    items = read_items(corpus_dir, "baochinhphu-2024-2025.jsonl.xz", ("baochinhphu-003455",))
    item = items["baochinhphu-003455"]
    assert [e for e in process_item(item).events if e.type == "meet"] == []
