"""Small SPEC objects for tests that need an event without running the pipeline."""

from __future__ import annotations

from sukien.models import Event, Location, Person, codes_for


def make_event(kind: str, actor: str, country: str, start: str | None, end: str | None, **extra) -> Event:
    return Event(
        id="draft",
        type=kind,
        actor=Person(name=actor, country="VN"),
        location=Location(country=country),
        start=start,
        end=end,
        codes=codes_for(kind),
        **extra,
    )
