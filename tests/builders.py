"""Small SPEC objects for tests that need an event without running the pipeline, and one article run
through it from a sentence written for a test."""

from __future__ import annotations

from sukien.doc import Doc, RawRecord
from sukien.models import Event, Location, Person, codes_for
from sukien.pipeline import process


def article(text: str, published: str | None, name: str = "t", title: str | None = None) -> Doc:
    """A JSON Lines item of that text, date and title, through the whole pipeline."""
    fields = {
        "id": name,
        "published": published,
        "title": title,
        "url": None,
        "outlet": None,
        "summary": None,
    }
    return process(RawRecord(source=name, kind="jsonl", text=text, fields=fields))


def journeys(doc: Doc) -> set[tuple[str, str | None, str | None]]:
    """(actor, country, city) of every visit and attendance."""
    return {
        (e.actor.name, e.location.country, e.location.city)
        for e in doc.events
        if e.type in ("visit", "attend")
    }


def visits(doc: Doc) -> set[tuple[str, str | None]]:
    """(actor, country) of every visit the article gives."""
    return {(e.actor.name, e.location.country) for e in of_type(doc, "visit")}


def met_pairs(doc: Doc) -> set[tuple[str, str]]:
    """(actor, counterpart) of every meeting the article gives."""
    return {(e.actor.name, c.name) for e in of_type(doc, "meet") for c in e.counterparts}


def of_type(doc: Doc, kind: str) -> list[Event]:
    """The events of one type in a processed article, in its order."""
    return [e for e in doc.events if e.type == kind]


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
