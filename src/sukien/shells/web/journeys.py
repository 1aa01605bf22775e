"""What the map draws: one marker per place, sized by its events, and each trip's route, in order.

Drawn as plain SVG over the static `world.svg` rather than with a map library: a few circles and
curves need no script, work offline and under the page's strict Content-Security-Policy, and
zooming to a trip is a smaller view box (`geo.view_around`). Coordinates are the map's own
(`geo.project`); lengths are computed for the view shown, so markers keep their size when zoomed.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from sukien.models import Event, Leg, Trip
from sukien.shells.web import geo
from sukien.shells.web.geo import WORLD, View, place_name, project
from sukien.text.fold import fold

MARKER_RADIUS = 1.4  # of a place with one event, at world scale (degrees)
MARKER_GROWTH = 0.7  # radius added per square root of its events: the area grows with the count
MARKER_MAX_RADIUS = 6.0  # app.css draws the legend's circles in a box of twice this
LEGEND_COUNTS = (1, 5, 20)
MARKER_NAMES = 5  # travellers named in a marker's tooltip
ROUTE_BEND = 0.18  # how far a route bows from the straight line, of its length: out and back differ


def radius(events: int, view: View = WORLD) -> float:
    grown = MARKER_RADIUS + MARKER_GROWTH * (math.sqrt(max(events, 1)) - 1)
    return round(min(grown, MARKER_MAX_RADIUS) * view.scale, 3)


def same_place(event: Event, leg: Leg) -> bool:
    if event.location.country != leg.country:
        return False
    if event.location.city and leg.city:
        return fold(event.location.city) == fold(leg.city)
    return True


def events_per_leg(trip: Trip, events: list[Event]) -> list[int]:
    """How many of the trip's events happened at each leg: each event counts once, at the first
    leg whose place it matches (an event with no city matches its country's first leg)."""
    counts = [0] * len(trip.legs)
    for event in events:
        at = next((i for i, leg in enumerate(trip.legs) if same_place(event, leg)), None)
        if at is not None:
            counts[at] += 1
    return counts


def by_trip(events: list[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.trip_id:
            grouped[event.trip_id].append(event)
    return grouped


def placed_legs(trip: Trip) -> list[tuple[int, Leg, tuple[float, float]]]:
    """(index, leg, map point) of each leg the gazetteer can place, in the trip's order."""
    found = []
    for index, leg in enumerate(trip.legs):
        point = geo.leg_coordinates(leg)
        if point is not None:
            found.append((index, leg, project(*point)))
    return found


def home_point(trip: Trip) -> tuple[float, float] | None:
    """Where the traveller's country is on the map (its capital or centre), if known."""
    point = geo.coordinates(None, trip.actor.country) if trip.actor.country else None
    return project(*point) if point else None


def markers(trips: list[Trip], events: list[Event], lang: str, view: View = WORLD) -> list[dict[str, Any]]:
    """One marker per place of the trips' legs, sized by the events there, biggest drawn first."""
    per_trip = by_trip(events)
    places: dict[tuple[float, float], dict[str, Any]] = {}
    for trip in trips:
        counts = events_per_leg(trip, per_trip.get(trip.id, []))
        for index, leg, (x, y) in placed_legs(trip):
            place = places.setdefault(
                (x, y),
                {
                    "x": x,
                    "y": y,
                    "place": place_name(leg.city, leg.country, lang),
                    "country": leg.country,
                    "events": 0,
                    "trips": [],
                    "actors": [],
                    "years": [],
                },
            )
            place["events"] += counts[index]
            if trip.id not in place["trips"]:
                place["trips"].append(trip.id)
            if trip.actor.name not in place["actors"]:
                place["actors"].append(trip.actor.name)
            year = (trip.start or trip.end or "")[:4]
            if year and year not in place["years"]:
                place["years"].append(year)
    found = []
    for place in places.values():
        # one trip there: its page; several: the timeline's list of trips to that country
        if len(place["trips"]) == 1:
            href = f"/trips/{place['trips'][0]}"
        else:
            href = f"/timeline?country={place['country']}"
        named = place["actors"][:MARKER_NAMES] + (["…"] if len(place["actors"]) > MARKER_NAMES else [])
        found.append({**place, "r": radius(place["events"], view), "href": href, "named": named})
    return sorted(found, key=lambda m: (-m["events"], m["place"]))


def bend(start: tuple[float, float], end: tuple[float, float]) -> str:
    """An SVG path from start to end, bowed to the right of the direction of travel."""
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    cx, cy = (x1 + x2) / 2 - dy * ROUTE_BEND, (y1 + y2) / 2 + dx * ROUTE_BEND
    return f"M{x1:g} {y1:g} Q{cx:.2f} {cy:.2f} {x2:g} {y2:g}"


def routes(trips: list[Trip], lang: str) -> list[dict[str, Any]]:
    """Each trip's journey: one segment per pair of consecutive placed legs, in order, and the
    way out from and back to the traveller's country where it is known and not itself a leg."""
    found = []
    for trip in trips:
        legs = placed_legs(trip)
        if not legs:
            continue
        segments = [
            {
                "d": bend(a, b),
                "from": place_name(leg_a.city, leg_a.country, lang),
                "to": place_name(leg_b.city, leg_b.country, lang),
            }
            for (_, leg_a, a), (_, leg_b, b) in zip(legs, legs[1:], strict=False)
        ]
        home = home_point(trip)
        home_trips = []
        if home is not None and trip.actor.country not in {leg.country for leg in trip.legs}:
            home_trips = [bend(home, legs[0][2]), bend(legs[-1][2], home)]
        found.append(
            {
                "trip_id": trip.id,
                "actor": trip.actor.name,
                "segments": segments,
                "home": home_trips,
                "stops": [{"n": n, "x": x, "y": y} for n, (_, _, (x, y)) in enumerate(legs, start=1)],
            }
        )
    return found


def journey_map(
    trips: list[Trip], events: list[Event], lang: str, zoom: bool, numbered: bool = False
) -> dict[str, Any]:
    """Everything a map figure draws; `zoom`: shown around the legs instead of the whole world."""
    points = [point for trip in trips for _, _, point in placed_legs(trip)]
    fitted = geo.view_around(points)
    view = fitted if zoom else WORLD
    return {
        "view": {"box": view.box, "scale": round(view.scale, 4), "whole": view.whole},
        "zoomable": not fitted.whole,  # whether zooming to the legs shows less than the world
        "world": {"width": geo.MAP_WIDTH, "height": geo.MAP_HEIGHT},
        "markers": markers(trips, events, lang, view),
        "routes": routes(trips, lang),
        "numbered": numbered,  # the legs' order written beside them (one trip's page)
        "legend": [{"events": n, "r": radius(n)} for n in LEGEND_COUNTS],
    }
