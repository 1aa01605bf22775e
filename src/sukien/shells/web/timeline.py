"""The timeline: one lane per leader, a mark per day with events, each trip's days as a bar.

Server-rendered SVG whose horizontal positions are percentages of the lane's width: the lanes
stretch with the screen while text and marks keep their size (no view box to shrink them), and
nothing needs a script. The shown stretch of time is a window: the whole record, a year, or any
range (`since`..`until`); the zoom controls are plain links to narrower, wider, earlier or later
windows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sukien.app.brief import vietnamese_date
from sukien.models import Event, Trip

MAX_LANES = 30  # leaders beyond these (the fewest marks) are left to the leader filter
MAX_LABELS = 6  # tick labels on the axis, so that they fit a phone's width
MAX_TICKS = 40  # lines across the lanes; beyond, only the labelled ones
MIN_WINDOW_DAYS = 14  # zooming in stops at two weeks
MARK_RADIUS = 4.0  # px, of a day with one event
MARK_MAX_RADIUS = 9.0
OUTLIERS = 0.01  # the share of the earliest dates the first view leaves out ("all time" shows them)


@dataclass(frozen=True)
class Window:
    since: date
    until: date  # inclusive

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def position(self, day: date) -> float:
        """Where the middle of `day` stands, in percent of the lane's width."""
        return round((((day - self.since).days + 0.5) / self.days) * 100, 3)

    def holds(self, day: date) -> bool:
        return self.since <= day <= self.until

    def zoomed(self, factor: float) -> Window:
        half = max(MIN_WINDOW_DAYS, round(self.days * factor)) // 2
        middle = moved(self.since, self.days // 2)
        return Window(moved(middle, -half), moved(middle, half))

    def shifted(self, fraction: float) -> Window:
        step = round(self.days * fraction)
        if moved(self.since, step) == date.min or moved(self.until, step) == date.max:
            return self  # already at the first or last day there is
        return Window(moved(self.since, step), moved(self.until, step))


def month_end(first: date) -> date:
    if first.month == 12:
        return date(first.year, 12, 31)
    return date(first.year, first.month + 1, 1) - timedelta(days=1)


def moved(day: date, days: int) -> date:
    """`day` plus `days`, stopping at the first and last day a date can name."""
    return date.fromordinal(min(max(day.toordinal() + days, 1), date.max.toordinal()))


def year_window(year: int) -> Window:
    return Window(date(year, 1, 1), date(year, 12, 31))


def day_of(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def event_day(event: Event, trips: dict[str, Trip]) -> date | None:
    """The event's own date, else the first day of its trip (an undated event of a dated trip)."""
    day = day_of(event.start)
    if day is None and event.trip_id and event.trip_id in trips:
        day = day_of(trips[event.trip_id].start)
    return day


def whole_window(days: list[date], outliers: float = 0.0) -> Window | None:
    """Whole years from the first dated item's to the last's, leaving out the earliest `outliers`
    share of them (a stray date decades back would squeeze the rest into a corner)."""
    if not days:
        return None
    days = sorted(days)
    return Window(date(days[int(len(days) * outliers)].year, 1, 1), date(days[-1].year, 12, 31))


def ticks(window: Window, zoom_to: Callable[[Window], str]) -> list[dict[str, Any]]:
    """The axis: years, months or days, whichever fits; a label of a year or month zooms to it."""
    found: list[dict[str, Any]] = []
    if window.days > 2 * 366:
        years = list(range(window.since.year, window.until.year + 1))
        every = math.ceil(len(years) / MAX_LABELS)
        if len(years) > MAX_TICKS:  # centuries: a line for each labelled year only
            years = years[::every]
        for year in years:
            span = year_window(year)
            start = max(span.since, window.since)
            found.append(
                {
                    "x": window.position(start) if start > window.since else 0,
                    "label": str(year) if (year - years[0]) % every == 0 else "",
                    "href": zoom_to(span),
                }
            )
    elif window.days > 62:
        months = []
        first = date(window.since.year, window.since.month, 1)
        while first <= window.until:
            months.append(first)
            if month_end(first) == date.max:
                break
            first = month_end(first) + timedelta(days=1)
        every = math.ceil(len(months) / MAX_LABELS)
        for index, first in enumerate(months):
            last = month_end(first)
            start = max(first, window.since)
            found.append(
                {
                    "x": window.position(start) if start > window.since else 0,
                    "label": f"{first.month}/{first.year}" if index % every == 0 else "",
                    "href": zoom_to(Window(first, last)),
                }
            )
    else:
        every = math.ceil(window.days / MAX_LABELS)
        for offset in range(0, window.days, every):
            day = moved(window.since, offset)
            found.append({"x": window.position(day), "label": f"{day.day}/{day.month}", "href": None})
    return found


def mark_radius(count: int) -> float:
    return round(min(MARK_MAX_RADIUS, MARK_RADIUS + 1.5 * math.sqrt(count - 1)), 2)


def lanes(
    events: list[Event], trips: list[Trip], window: Window, type_labels: dict[str, str]
) -> tuple[list[dict[str, Any]], int, int]:
    """The lanes of the leaders with the most marks in the window (at most MAX_LANES, by name), how
    many leaders have marks there, and how many events had no date to stand at."""
    by_id = {trip.id: trip for trip in trips}
    grouped: dict[tuple[str, date, str], list[Event]] = {}
    undated = 0
    for event in events:
        day = event_day(event, by_id)
        if day is None:
            undated += 1
            continue
        if window.holds(day):
            target = f"/trips/{event.trip_id}" if event.trip_id else f"/articles/{event.article_id}"
            grouped.setdefault((event.actor.name, day, target), []).append(event)
    per_actor: dict[str, list[dict[str, Any]]] = {}
    for (actor, day, target), found in sorted(grouped.items(), key=lambda item: item[0][1]):
        types = Counter(event.type for event in found)
        per_actor.setdefault(actor, []).append(
            {
                "x": window.position(day),
                "r": mark_radius(len(found)),
                "href": target,
                "type": types.most_common(1)[0][0],
                "events": len(found),
                "countries": " ".join(sorted({e.location.country for e in found if e.location.country})),
                "title": f"{actor} · {vietnamese_date(day.isoformat())} · "
                + ", ".join(f"{count} {type_labels.get(kind, kind)}" for kind, count in types.most_common()),
            }
        )
    shown = sorted(per_actor, key=lambda actor: (-len(per_actor[actor]), actor))[:MAX_LANES]
    return (
        [
            {
                "actor": actor,
                # the biggest drawn first, so that a smaller mark beside it stays on top, clickable
                "marks": sorted(per_actor[actor], key=lambda mark: (-mark["r"], mark["x"])),
                "bars": trip_bars(actor, trips, window),
            }
            for actor in sorted(shown)
        ],
        len(per_actor),
        undated,
    )


def trip_bars(actor: str, trips: list[Trip], window: Window) -> list[dict[str, Any]]:
    """Each trip of the actor as the stretch of its days (cut to the window)."""
    bars = []
    for trip in trips:
        start, end = day_of(trip.start), day_of(trip.end) or day_of(trip.start)
        if trip.actor.name != actor or start is None or end is None:
            continue
        if end < window.since or start > window.until:
            continue
        left = window.position(max(start, window.since)) - 50 / window.days
        right = window.position(min(end, window.until)) + 50 / window.days
        bars.append({"trip_id": trip.id, "x": round(left, 3), "width": round(max(right - left, 0.4), 3)})
    return bars


def timeline(
    events: list[Event],
    trips: list[Trip],
    chosen: Window | None,
    zoom_to: Callable[[Window], str],
    type_labels: dict[str, str],
) -> dict[str, Any]:
    """The timeline of the events in `chosen` (default: every dated event), and its zoom links."""
    by_id = {trip.id: trip for trip in trips}
    days = [day for event in events if (day := event_day(event, by_id))]
    everything = whole_window(days)
    window = chosen or whole_window(days, OUTLIERS)
    if window is None:
        return {
            "window": None,
            "lanes": [],
            "leaders": 0,
            "ticks": [],
            "zoom": {},
            "undated": len(events),
            "types": [],
        }
    shown, leaders, undated = lanes(events, trips, window, type_labels)
    return {
        "window": {"since": window.since.isoformat(), "until": window.until.isoformat()},
        "ticks": ticks(window, zoom_to),
        "lanes": shown,
        "leaders": leaders,  # with marks in the window; beyond MAX_LANES, the filter picks one
        "undated": undated,
        "zoom": {
            "in": zoom_to(window.zoomed(0.5)) if window.days > MIN_WINDOW_DAYS else None,
            "out": zoom_to(window.zoomed(2)),
            "earlier": zoom_to(window.shifted(-0.5)),
            "later": zoom_to(window.shifted(0.5)),
            "all": zoom_to(everything) if everything and everything != window else None,
        },
        "types": sorted({mark["type"] for lane in shown for mark in lane["marks"]}),
    }
