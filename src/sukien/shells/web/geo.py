"""Where places are on the map shipped in `static/world.svg`: coordinates (`lexicon.geo`), projected.

The map is equirectangular in a 360 x 180 view box (x = lon + 180, y = 90 - lat), so a marker
needs no projection library; `scripts/build_world_map.py` draws the outlines the same way. Zooming
is only a smaller view box over the same drawing (`view_around`): no tiles, no script.
"""

from __future__ import annotations

from dataclasses import dataclass

from sukien.lexicon import gazetteer
from sukien.lexicon.geo import coordinates, leg_coordinates

__all__ = ["MAP_HEIGHT", "MAP_WIDTH", "View", "coordinates", "country_name", "leg_coordinates", "project"]

MAP_WIDTH, MAP_HEIGHT = 360, 180
# A zoomed view is never narrower than this (degrees of longitude), so one city is not a blur of
# coastline, and keeps the world's 2:1 shape, so the figure is as tall whatever is shown.
MIN_VIEW_WIDTH = 36.0
VIEW_MARGIN = 0.25  # of the points' extent, on each side, so markers and labels stay inside


def project(lat: float, lon: float) -> tuple[float, float]:
    """The point in the map's view box."""
    return round(lon + 180, 2), round(90 - lat, 2)


@dataclass(frozen=True)
class View:
    """The part of the map shown: an SVG view box, and its size against the whole world."""

    x: float = 0.0
    y: float = 0.0
    width: float = MAP_WIDTH

    @property
    def height(self) -> float:
        return self.width / 2

    @property
    def scale(self) -> float:
        """What a length drawn for the whole world is multiplied by to look the same size here."""
        return self.width / MAP_WIDTH

    @property
    def box(self) -> str:
        return f"{self.x:g} {self.y:g} {self.width:g} {self.height:g}"

    @property
    def whole(self) -> bool:
        return self.width >= MAP_WIDTH


WORLD = View()


def view_around(points: list[tuple[float, float]]) -> View:
    """The smallest 2:1 view that holds every (x, y) point with a margin, inside the world."""
    if not points:
        return WORLD
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(max(xs) - min(xs), 2 * (max(ys) - min(ys)))
    width = min(MAP_WIDTH, max(MIN_VIEW_WIDTH, width * (1 + 2 * VIEW_MARGIN)))
    height = width / 2
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(0.0, centre_x - width / 2), MAP_WIDTH - width)
    y = min(max(0.0, centre_y - height / 2), MAP_HEIGHT - height)
    return View(round(x, 2), round(y, 2), round(width, 2))


def country_name(code: str | None, lang: str = "vi") -> str:
    if not code:
        return ""
    found = gazetteer.load().countries.get(code)
    if found is None:
        return code
    return (found.english or found.name) if lang == "en" else found.name


def place_name(city: str | None, country: str | None, lang: str = "vi") -> str:
    if city and lang == "en":  # "Beijing", not the Vietnamese "Bắc Kinh", on an English page
        known = gazetteer.load().city(city, country)
        city = (known.english if known else None) or city
    return ", ".join(p for p in (city, country_name(country, lang)) if p)
