"""What an article's headline tells that its body does not (read at the end of stage `extract`).

Feed items are a headline and a lead, and the headline often holds the one fact the lead leaves out
("Ông Putin hội đàm với ông Tập ở Bắc Kinh" over a lead that says only "nói với"; "Chuyến công du
đầu tiên của Tổng thống Myanmar là đến Ấn Độ"). The headline is read as one more sentence before the
body's lead, whose full names resolve the headline's short ones ("ông Tập", "Tổng thống Myanmar"),
by the same stages as the body. Its events join the article's where the body does not tell them;
where the body tells one without its place, the headline's place is taken. Their evidence is the
headline (`part="title"`, offsets into the title): SPEC's evidence points into the text otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sukien.doc import Doc
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.triggers import find_triggers
from sukien.models import Event, Evidence
from sukien.settings import HEADLINE_LEAD_CHARS
from sukien.text.fold import fold
from sukien.text.normalise import tone_normalise
from sukien.understand import normalise, understand

HEADLINE_BREAK = "\n\n"
# A headline of several stories ("Điểm tin 6h: ... tại TP HCM | Ông Zelensky gặp ông Trump tại Nhà
# Trắng", "Tin tức thế giới 15-8: ...; ..."): a place of one story is not another's.
DIGEST = re.compile(r"[|;]|^\s*(?:Điểm tin|Tin tức|Bản tin|Tin thế giới|Thời sự)\b", re.IGNORECASE)
# What a headline may add: journeys and meetings placed where the headline itself says.
HEADLINE_TYPES = ("visit", "attend", "meet")


def tells_events(title: str | None, events: list[Event]) -> bool:
    """Whether a headline may tell what the body does not: a trigger word, and a place that no event
    of the body is placed in. Most headlines repeat the lead, and reading one again costs as much as
    its lead."""
    if not title or not title.strip() or DIGEST.search(title):
        return False
    if not find_triggers(tone_normalise(title.strip()), 0):
        return False
    # A journey the body tells only weakly ("tham dự nhiều hoạt động tại New York") is not told: the
    # headline may state it ("chuyến đi Mỹ của Thủ tướng X").
    told = [e for e in events if e.firm or e.start or e.type not in ("visit", "attend")]
    # Only the journeys of those the headline names, where it names any: "Chủ tịch Trung Quốc X sắp thăm
    # Triều Tiên" over a body whose only journey there is a predecessor's ("kể từ chuyến đi của ông Y").
    folded = fold(title).lower()
    named = [e for e in told if fold(e.actor.name).lower() in folded]
    placed = {e.location.country for e in (named or told)}
    return bool(countries_in(title) - placed)


def countries_in(title: str) -> set[str]:
    """The countries of the places a headline names."""
    g = gz.load()
    found = set()
    for _start, _end, label, key in g.find_places(tone_normalise(title), normalised=True):
        if label == "COUNTRY":
            found.add(key)
        elif label == "CITY" and (city := g.city(key)) is not None:
            found.add(city.country)
    return found


def headline_events(doc: Doc, title: str, extract: Callable[[Doc], Doc]) -> list[Event]:
    """The events of the headline, read with the body's lead after it by `extract`."""
    lead = doc.text[:HEADLINE_LEAD_CHARS]
    cut = lead.rfind(".") + 1 if len(doc.text) > HEADLINE_LEAD_CHARS else len(lead)
    read = Doc(record=doc.record, events_only=doc.events_only)
    read.text = title + HEADLINE_BREAK + lead[: cut or len(lead)]
    read.published = doc.published
    read = extract(understand(normalise(read)))
    named = countries_in(title)
    events = []
    for event in read.events:
        if not event.evidence or event.evidence[0].start >= len(title):
            continue  # the lead's own events: the body's reading has them
        if event.type not in HEADLINE_TYPES:
            continue
        unplaced_talks = event.type in ("meet", "call") and event.location.country is None
        if event.location.country not in named and not unplaced_talks:
            continue  # a place the headline does not say is a guess from too little; talks need none
        event.evidence = [Evidence(source=doc.source, text=title, start=0, end=len(title), part="title")]
        events.append(event)
    return events


def merged(events: list[Event], told: list[Event]) -> list[Event]:
    """The body's events, with the headline's where the body has none of that kind for that actor,
    and the headline's place where the body's like event has none."""
    added = []
    for event in told:
        same = [
            e
            for e in events
            if e.type == event.type
            and e.actor.name == event.actor.name
            # a journey of the body to another country is another leg, not the headline's
            and (event.location.country is None or e.location.country in (None, event.location.country))
        ]
        if event.counterparts:  # a meeting is the same one only with one of the same counterparts
            met = {p.name for p in event.counterparts}
            same = [e for e in same if met & {p.name for p in e.counterparts}]
        if not same:
            added.append(event)
            continue
        for body_event in same:
            if body_event.location.country is None and event.location.country is not None:
                body_event.location = event.location.model_copy()
                body_event.location_stated = body_event.location_stated or event.location_stated
            if event.firm and body_event.location.country == event.location.country:
                body_event.firm = True  # the headline states the journey the body tells weakly
    return events + added
