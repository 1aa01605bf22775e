"""scripts/audit.py: each check fires on a bad record and stays quiet on a sane one."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sukien.models import Event, Evidence, Leg, Location, Person, Trip, codes_for
from sukien.store import open_store

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "audit.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sukien_audit_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


PHUC = Person(name="Nguyễn Xuân Phúc", roles=["Thủ tướng"], country="VN")


def event(
    eid: str,
    kind: str = "visit",
    country: str = "JP",
    start: str | None = "2017-06-05",
    actor: Person = PHUC,
    trip: str | None = None,
) -> Event:
    text = f"Thủ tướng {actor.name} tới {country} ngày {start}."
    return Event(
        id=eid,
        type=kind,  # type: ignore[arg-type]
        actor=actor,
        location=Location(country=country),
        start=start,
        end=start,
        codes=codes_for(kind),
        trip_id=trip,
        sources=[f"{eid}.txt"],
        evidence=[Evidence(source=f"{eid}.txt", text=text, start=0, end=len(text))],
    )


def trip(
    tid: str,
    start: str | None,
    end: str | None,
    legs: tuple[str, ...] = ("JP",),
    events: tuple[str, ...] = (),
    actor: Person = PHUC,
) -> Trip:
    return Trip(
        id=tid,
        actor=actor,
        start=start,
        end=end,
        legs=[Leg(country=c, start=start, end=end) for c in legs],
        events=list(events),
        sources=[f"{e}.txt" for e in events],
    )


def by_id(*events: Event) -> dict[str, Event]:
    return {e.id: e for e in events}


def test_long_trips_and_the_length_distribution(audit):
    long, short = trip("t1", "2017-01-01", "2017-03-01"), trip("t2", "2017-05-01", "2017-05-05")
    found = audit.check_long([long, short])
    assert [f.trips[0].id for f in found] == ["t1"] and found[0].data == {"days": 60, "reach": 60}
    assert audit.check_long([short]) == []
    lengths = audit.length_distribution([long, short, trip("t3", "2017-07-01", "2017-07-20")])
    assert lengths == {
        "with a length": 3,
        "> 14 days": 2,
        "> 30 days": 1,
        "> 45 days": 1,
        "> 45 days with legs": 1,
    }


def test_a_leg_dated_outside_start_and_end_makes_the_trip_reach_far(audit):
    stray = trip("t1", "2017-06-01", "2017-06-03")
    stray.legs.append(Leg(country="US", start="1917-07-01", end="2017-06-02"))
    assert audit.length(stray) == 3 and audit.reach(stray) > 36000
    found = audit.check_long([stray])
    assert len(found) == 1 and found[0].data["days"] == 3
    # Stated dates alone decide overlaps and days abroad: the stray leg adds no year of absence.
    assert audit.check_actor_years([stray]) == []


def test_trips_without_a_date_or_a_year(audit):
    bare = trip("t1", None, None, legs=("JP",), events=("e1",))
    dated_piece = trip("t2", None, None, legs=("US",), events=("e2",))
    sane = trip("t3", "2017-06-05", "2017-06-07", events=("e3",))
    events = by_id(event("e1", start=None), event("e2", start="2017-11"), event("e3"))
    no_date, no_year = audit.check_undated([bare, dated_piece, sane], events)
    assert [f.trips[0].id for f in no_date] == ["t1"]
    assert [f.trips[0].id for f in no_year] == ["t1", "t2"]
    assert audit.check_undated([sane], events) == ([], [])


def test_trips_no_article_can_date_are_counted_apart_from_years_gone_missing(audit):
    archive = trip("t1", None, None, legs=("JP",), events=("e1",))
    lost = trip("t2", None, None, legs=("US",), events=("e2",))
    undated_piece = event("e1", start=None)
    published_piece = event("e2", start=None).model_copy(update={"article_published": "2017-06-01"})
    report = audit.audit([archive, lost], [undated_piece, published_piece])
    assert (report.summary["no_year"], report.summary["no_year_undated_articles"]) == (2, 1)
    assert report.summary["no_year_tellable_share"] == 0.5


def test_two_trips_of_one_leader_overlapping(audit):
    other_writing = Person(name="Nguyen Xuan Phuc", country="VN")
    a = trip("t1", "2017-06-01", "2017-06-10")
    b = trip("t2", "2017-06-08", "2017-06-12", legs=("US",), actor=other_writing)
    found = audit.check_overlaps([a, b])
    assert len(found) == 1 and {t.id for t in found[0].trips} == {"t1", "t2"}
    assert found[0].data["shared_days"] == 3
    back_to_back = trip("t3", "2017-06-11", "2017-06-12", actor=other_writing)
    someone_else = trip("t4", "2017-06-02", "2017-06-03", actor=Person(name="Tập Cận Bình", country="CN"))
    assert audit.check_overlaps([a, back_to_back, someone_else]) == []


def test_trips_over_several_calendar_years(audit):
    events = by_id(event("e1", start="2015-03-02"), event("e2", start="2017-06-05"), event("e3"))
    mixed = trip("t1", "2017-06-05", "2017-06-06", events=("e1", "e2"))
    found = audit.check_multi_year([mixed], events)
    assert len(found) == 1 and found[0].data["years"] == [2015, 2017]
    assert audit.check_multi_year([trip("t2", "2017-06-05", "2017-06-06", events=("e2", "e3"))], events) == []


def test_a_leader_abroad_most_of_a_year(audit):
    months = [trip(f"t{m}", f"2017-{m:02d}-01", f"2017-{m:02d}-28") for m in range(1, 6)]
    found = audit.check_actor_years(months)
    assert len(found) == 1 and found[0].data == {"actor": PHUC.name, "year": 2017, "days": 140, "trips": 5}
    assert audit.check_actor_years(months[:4]) == []
    # A trip over New Year counts its days in each year.
    assert audit.days_per_year(audit.trip_span(trip("t", "2016-12-30", "2017-01-02"))) == {2016: 2, 2017: 2}


def test_a_reception_at_home_made_into_a_trip(audit):
    events = by_id(
        event("e1", kind="meet", country="VN"),
        event("e2", kind="host_visit", country="VN"),
        event("e3", kind="visit", country="JP"),
    )
    home = trip("t1", "2017-06-05", "2017-06-05", legs=(), events=("e1", "e2"))
    abroad = trip("t2", "2017-06-05", "2017-06-05", events=("e1", "e3"))
    found = audit.check_home_reception([home, abroad], events)
    assert [f.trips[0].id for f in found] == ["t1"]


def test_a_sane_corpus_yields_no_finding(audit):
    events = [event("e1", trip="t1"), event("e2", country="US", start="2017-09-20", trip="t2")]
    trips = [trip("t1", "2017-06-05", "2017-06-07", events=("e1",))]
    trips.append(trip("t2", "2017-09-19", "2017-09-23", legs=("US",), events=("e2",)))
    report = audit.audit(trips, events)
    counted = ("long", "no_date", "no_year", "overlap", "multi_year", "actor_year", "home_reception")
    assert {kind: report.summary[kind] for kind in counted} == dict.fromkeys(counted, 0)
    assert report.summary["trips"] == 2 and report.summary["events_in_trips"] == 2
    assert report.summary["no_year_ok"] is True


def test_the_script_reads_a_store_and_prints_text_and_json(audit, tmp_path, capsys):
    db = tmp_path / "x.db"
    with open_store(db) as store:
        store.replace_trips([trip("t1", "2017-01-01", "2017-04-30"), trip("t2", None, None)])
    assert audit.main(["--db", str(db), "--limit", "1"]) == 0
    text = capsys.readouterr().out
    assert "Trips longer than 45 days: 1" in text and "t1 Nguyễn Xuân Phúc" in text
    assert "no year 1 (50.0%" in text and "FAIL" in text
    assert audit.main(["--db", str(db), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["long"] == 1 and data["summary"]["no_date"] == 1
    assert data["findings"]["long"][0]["trips"][0]["days"] == 120
