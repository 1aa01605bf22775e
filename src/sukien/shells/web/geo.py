"""Where places are on the map shipped in `static/world.svg`: coordinates (`lexicon.geo`), projected.

The map is equirectangular in a 360 x 180 view box (x = lon + 180, y = 90 - lat), so a marker
needs no projection library; `scripts/build_world_map.py` draws the outlines the same way.
"""

from __future__ import annotations

from sukien.lexicon.geo import coordinates, leg_coordinates

__all__ = ["MAP_HEIGHT", "MAP_WIDTH", "coordinates", "leg_coordinates", "project"]

MAP_WIDTH, MAP_HEIGHT = 360, 180


def project(lat: float, lon: float) -> tuple[float, float]:
    """The point in the map's view box."""
    return round(lon + 180, 2), round(90 - lat, 2)
