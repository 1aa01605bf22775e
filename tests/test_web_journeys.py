"""The map of journeys, the timeline and /docs, as data and HTML (the browser tests click them)."""

from __future__ import annotations

import re

import pytest

from seeded_store import TO_LAM_PAROLIN_SOURCE, trip_telling
from sukien.lexicon.geo import leg_coordinates
from sukien.shells.web import geo, journeys
from sukien.shells.web.timeline import Window


def view_box(text: str) -> tuple[float, float, float, float]:
    x, y, width, height = (float(n) for n in text.split())
    return x, y, width, height


def test_the_trip_map_draws_one_segment_per_pair_of_consecutive_legs(client, seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    placed = [geo.project(*point) for leg in trip.legs if (point := leg_coordinates(leg))]
    assert len(placed) >= 2
    found = client.get(f"/trips/{trip.id}", params={"format": "json"}).json()["map"]
    (route,) = found["routes"]
    assert len(route["segments"]) == len(placed) - 1
    for segment, start, end in zip(route["segments"], placed, placed[1:], strict=False):
        assert segment["d"].startswith(f"M{start[0]:g} {start[1]:g} ")
        assert segment["d"].endswith(f" {end[0]:g} {end[1]:g}")
    assert len(route["home"]) == 2  # out from Viet Nam and back: no leg is at home
    assert [stop["n"] for stop in route["stops"]] == list(range(1, len(placed) + 1))
    page = client.get(f"/trips/{trip.id}").text
    assert page.count('marker-end="url(#arrow)"') == len(placed) - 1


def test_the_trip_map_is_zoomed_to_its_legs_unless_asked_for_the_world(client, seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    zoomed = client.get(f"/trips/{trip.id}", params={"format": "json"}).json()
    x, y, width, height = view_box(zoomed["map"]["view"]["box"])
    assert width < geo.MAP_WIDTH / 3 and height == width / 2
    for leg in zoomed["legs"]:
        px, py = geo.project(leg["lat"], leg["lon"])
        assert x < px < x + width and y < py < y + height
    assert f'viewBox="{zoomed["map"]["view"]["box"]}"' in client.get(f"/trips/{trip.id}").text
    world = client.get(f"/trips/{trip.id}", params={"format": "json", "zoom": "world"}).json()
    assert world["map"]["view"]["box"] == "0 0 360 180"


def test_markers_are_sized_by_the_events_at_their_place(client, seeded):
    markers = client.get("/map", params={"format": "json"}).json()["map"]["markers"]
    events = seeded.events()
    trips = {trip.id: trip for trip in seeded.trips()}
    at_a_leg = [
        event
        for event in events
        if event.trip_id
        and any(journeys.same_place(event, leg) for leg in trips[event.trip_id].legs if leg_coordinates(leg))
    ]
    assert sum(m["events"] for m in markers) == len(at_a_leg)
    by_events = sorted(markers, key=lambda m: m["events"])
    assert by_events[0]["events"] < by_events[-1]["events"]
    assert by_events[0]["r"] < by_events[-1]["r"]


def test_a_place_of_several_trips_links_to_their_list():
    from sukien.models import Leg, Person, Trip

    legs = [Leg(country="US", city="New York")]
    trips = [Trip(id=f"t{n}", actor=Person(name=f"A{n}", country="VN"), legs=legs) for n in range(2)]
    (marker,) = journeys.markers(trips, [], "vi")
    assert marker["href"] == "/timeline?country=US" and marker["trips"] == ["t0", "t1"]
    (alone,) = journeys.markers(trips[:1], [], "vi")
    assert alone["href"] == "/trips/t0"


@pytest.mark.parametrize(
    "points",
    [
        [(105.0, 50.0)],
        [(10.0, 5.0), (20.0, 8.0)],
        [(0.0, 0.0), (360.0, 180.0)],
        [(350.0, 170.0), (359.0, 179.0)],
    ],
)
def test_a_zoomed_view_holds_its_points_inside_the_world(points):
    view = geo.view_around(points)
    assert view.width >= geo.MIN_VIEW_WIDTH and view.height == view.width / 2
    assert view.x >= 0 and view.x + view.width <= geo.MAP_WIDTH + 1e-9
    assert view.y >= 0 and view.y + view.height <= geo.MAP_HEIGHT + 1e-9
    for px, py in points:
        assert view.x <= px <= view.x + view.width and view.y <= py <= view.y + view.height


def dated_leaders(seeded) -> set[str]:
    trips = {trip.id: trip for trip in seeded.trips()}
    return {
        event.actor.name
        for event in seeded.events()
        if event.start or (event.trip_id and trips[event.trip_id].start)
    }


def test_the_timeline_has_a_lane_per_leader_and_marks_that_link_to_trips(client, seeded):
    timeline = client.get("/timeline", params={"format": "json"}).json()["timeline"]
    lanes = {lane["actor"]: lane for lane in timeline["lanes"]}
    assert set(lanes) == dated_leaders(seeded) and len(lanes) == 3
    trips_of = {}
    for trip in seeded.trips():
        trips_of.setdefault(trip.actor.name, set()).add(f"/trips/{trip.id}")
    for actor, lane in lanes.items():
        assert lane["marks"] and all(0 <= mark["x"] <= 100 for mark in lane["marks"])
        assert {mark["href"] for mark in lane["marks"]} <= trips_of[actor]
    tô_lâm = [mark["x"] for mark in lanes["Tô Lâm"]["marks"]]
    assert len(set(tô_lâm)) == len(tô_lâm) == 2  # one mark a day: 21 and 22 September 2024
    page = client.get("/timeline").text
    assert page.count('class="lane"') == 3
    marks = re.findall(r'<circle class="mark type-\w+"', page)
    assert len(marks) == sum(len(lane["marks"]) for lane in lanes.values())


def test_a_year_zooms_the_timeline_to_that_year(client):
    found = client.get("/timeline", params={"year": "2024", "format": "json"}).json()["timeline"]
    assert found["window"] == {"since": "2024-01-01", "until": "2024-12-31"}
    assert [lane["actor"] for lane in found["lanes"]] == ["Tô Lâm"]
    assert [tick["label"] for tick in found["ticks"] if tick["label"]][:2] == ["1/2024", "3/2024"]
    assert "since=2024-04-02&until=2024-10-01" in found["zoom"]["in"]
    assert "since=2023-07-02&until=2024-07-01" in found["zoom"]["earlier"]


def test_a_range_zooms_to_days_and_back_out(client):
    found = client.get(
        "/timeline", params={"since": "2024-09-15", "until": "2024-09-30", "format": "json"}
    ).json()
    assert [tick["label"] for tick in found["timeline"]["ticks"]][:2] == ["15/9", "18/9"]
    (lane,) = found["timeline"]["lanes"]
    assert sorted(round(mark["x"]) for mark in lane["marks"]) == [41, 47]  # 21 and 22 September of 16 days
    assert [trip["actor"] for trip in found["trips"]] == ["Tô Lâm"]  # the table shows the same stretch
    assert found["timeline"]["zoom"]["all"].endswith("since=2023-01-01&until=2025-12-31")


def test_a_window_puts_each_day_in_its_place():
    from datetime import date

    window = Window(date(2024, 1, 1), date(2024, 12, 31))
    assert window.position(date(2024, 1, 1)) == pytest.approx(100 * 0.5 / 366, abs=1e-3)
    assert window.position(date(2024, 12, 31)) == pytest.approx(100 * 365.5 / 366, abs=1e-3)
    assert window.zoomed(0.01).days >= 14


def test_docs_serves_swagger_ui_from_this_server(client):
    page = client.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert "/docs/assets/swagger-ui-bundle.js" in scripts and "/static/docs.js" in scripts
    assert all(src.startswith("/") for src in scripts)  # nothing from another site
    for path in [*scripts, "/docs/assets/swagger-ui.css"]:
        assert client.get(path).status_code == 200, path
    assert 'data-openapi="/openapi.json"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_the_timeline_keeps_the_busiest_leaders_and_counts_the_rest():
    from sukien.models import Event, Person, codes_for
    from sukien.shells.web import timeline

    def event(n: int, actor: str) -> Event:
        return Event(
            id=f"e{actor}{n}",
            type="meet",
            actor=Person(name=actor),
            start=f"2024-03-{n + 1:02d}",
            article_id="a",
            codes=codes_for("meet"),
        )

    busy = [event(n, f"Busy {i:02d}") for i in range(timeline.MAX_LANES) for n in range(2)]
    found = timeline.timeline(
        [
            *busy,
            event(0, "Quiet"),
            Event(id="x", type="call", actor=Person(name="Undated"), codes=codes_for("call")),
        ],
        [],
        None,
        lambda window: f"{window.since}..{window.until}",
        {},
    )
    assert (
        len(found["lanes"]) == timeline.MAX_LANES and found["leaders"] == timeline.MAX_LANES + 1
    )  # and Quiet; Undated has no mark
    assert "Quiet" not in {lane["actor"] for lane in found["lanes"]}
    assert found["undated"] == 1
    assert found["lanes"][0]["marks"][0]["href"] == "/articles/a"  # no trip: its article


@pytest.mark.parametrize(
    "params",
    [
        {"since": "0001-01-01", "until": "9999-12-31"},
        {"since": "0001-01-01"},
        {"until": "9999-12-31"},
        {"year": "9999"},
        {"year": "0001"},
        {"since": "9999-11-01", "until": "9999-12-31"},
    ],
)
def test_the_first_and_last_days_a_date_can_name_zoom_without_failing(client, params):
    found = client.get("/timeline", params={**params, "format": "json"})
    assert found.status_code == 200
    timeline = found.json()["timeline"]
    assert 0 < len(timeline["ticks"]) <= 60 and timeline["zoom"]["out"]
