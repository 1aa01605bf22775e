"""Exports: each format read back by the library that reads it, with the rows the store holds."""

from __future__ import annotations

import csv

import pytest

from sukien.app.export import CAMEO_COLUMNS, export
from sukien.errors import SukienError
from sukien.models import Event, Leg, Person, Trip


def test_csv_has_one_row_per_event(seeded, tmp_path):
    out = tmp_path / "events.csv"
    count = export(seeded, "csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    events = seeded.events()
    assert count == len(rows) == len(events) > 0
    assert [row["id"] for row in rows] == [e.id for e in events]
    assert [row["actor"] for row in rows] == [e.actor.name for e in events]


def test_json_lines_are_the_spec_shapes(seeded, tmp_path):
    out = tmp_path / "trips.jsonl"
    export(seeded, "jsonl", out, kind="trips")
    read = [Trip.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert read == seeded.trips()


def test_parquet_reads_back_with_typed_columns(seeded, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export(seeded, "parquet", out)
    table = pq.read_table(out)
    events = seeded.events()
    assert table.num_rows == len(events)
    assert table.schema.field("counterparts").type == pa.list_(pa.string())
    assert table.column("id").to_pylist() == [e.id for e in events]
    assert table.column("counterparts").to_pylist() == [[p.name for p in e.counterparts] for e in events]


def test_icalendar_has_an_all_day_event_per_dated_trip_planned_ones_tentative(store, tmp_path):
    from icalendar import Calendar

    actor = Person(name="Lương Cường", roles=["Chủ tịch nước"], country="VN")
    trips = [
        Trip(
            id="t1",
            actor=actor,
            start="2025-10-29",
            end="2025-11-01",
            status="planned",
            legs=[Leg(country="KR", city="Gyeongju")],
            sources=["a.txt"],
        ),
        Trip(
            id="t2",
            actor=actor,
            start="2024-01-02",
            end="2024-01-03",
            status="reported",
            legs=[Leg(country="LA")],
        ),
        Trip(id="t3", actor=actor, start=None, status="planned", legs=[Leg(country="JP")]),
    ]
    store.replace_trips(trips)
    out = tmp_path / "trips.ics"
    assert export(store, "ics", out) == 2  # trips by default, every status; the undated one left out
    entries = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert [str(e["uid"]) for e in entries] == ["t2@sukien", "t1@sukien"]
    assert [str(e["status"]) for e in entries] == ["CONFIRMED", "TENTATIVE"]
    entries = entries[1:]
    assert entries[0].decoded("dtstart").isoformat() == "2025-10-29"
    assert entries[0].decoded("dtend").isoformat() == "2025-11-02"  # exclusive: the day after the last
    assert "Lương Cường" in str(entries[0]["summary"]) and "Gyeongju" in str(entries[0]["location"])


# The table of SPEC.md, written out: the contract the exported codes must keep.
SPEC_CODES = {
    "visit": ("042", "CONSULT"), "host_visit": ("043", "CONSULT"), "attend": ("044", "CONSULT"),
    "meet": ("040", "CONSULT"), "call": ("041", "CONSULT"), "sign": ("057", "AGREE"), "speak": ("010", None),
}  # fmt: skip


def test_cameo_table_is_dyadic_and_coded(seeded, tmp_path):
    out = tmp_path / "events.tsv"
    export(seeded, "cameo", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    events = {e.id: e for e in seeded.events()}
    assert len(rows) == sum(max(1, len(e.counterparts)) for e in events.values())
    for row in rows:
        event: Event = events[row["event_id"]]
        assert (row["cameo_code"], row["plover"] or None) == SPEC_CODES[event.type]
        assert row["root_code"] == row["cameo_code"][:2] and row["quad_class"] == "1"
        if event.actor.country == "VN":
            assert row["source_country"] == "VNM"
        else:
            assert row["source_country"] == "" or len(row["source_country"]) == 3
        if event.start and len(event.start) == 10:
            assert row["date"] == event.start.replace("-", "")
    parolin = [row for row in rows if row["target_name"] == "Pietro Parolin"]
    assert parolin and parolin[0]["target_country"] == "VAT"


def test_an_unknown_format_is_refused(seeded, tmp_path):
    with pytest.raises(SukienError) as caught:
        export(seeded, "xlsx", tmp_path / "x.xlsx")
    assert caught.value.code.value == "E203"
    said = caught.value.as_dict()
    assert said["code"] == "E203" and "xlsx" in said["message"]
