"""Where a place is: (lat, lon) of a city as the gazetteer knows it, else of its country.

The exports (GeoJSON, KML) and the web map both ask; neither draws anything here.
"""

from __future__ import annotations

from sukien.lexicon import gazetteer
from sukien.models import Leg


def coordinates(city: str | None, country: str | None) -> tuple[float, float] | None:
    """(lat, lon) of the city as the gazetteer knows it, else of the country (its capital or centre)."""
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
