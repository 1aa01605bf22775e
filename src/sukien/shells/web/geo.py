"""Where places are on the map shipped in `static/world.svg`: gazetteer coordinates, projected.

The map is equirectangular in a 360 x 180 view box (x = lon + 180, y = 90 - lat), so a marker
needs no projection library; `scripts/build_world_map.py` draws the outlines the same way.
"""

from __future__ import annotations

from sukien.models import Leg

MAP_WIDTH, MAP_HEIGHT = 360, 180


def coordinates(city: str | None, country: str | None) -> tuple[float, float] | None:
    """(lat, lon) of the city as the gazetteer knows it, else of the country (its capital or centre)."""
    from sukien.lexicon import gazetteer

    g = gazetteer.load()
    if city:
        found = g.city(city, country)
        if found is not None and found.lat is not None and found.lon is not None:
            return found.lat, found.lon
    known = g.countries.get(country or "")
    if known is not None and known.lat is not None and known.lon is not None:
        return known.lat, known.lon
    return None


def leg_coordinates(leg: Leg) -> tuple[float, float] | None:
    if leg.lat is not None and leg.lon is not None:
        return leg.lat, leg.lon
    return coordinates(leg.city, leg.country)


def project(lat: float, lon: float) -> tuple[float, float]:
    """The point in the map's view box."""
    return round(lon + 180, 2), round(90 - lat, 2)
