"""Stage `extract`: typed events with their evidence, from the sentences, mentions and dates of one article.

A sentence's trigger words (data: `data/triggers.json`, per type in `data/event_types.json`) make
its events (`sentence.py`); each family adds what it knows: journeys (`travel.py`), contacts
(`contact.py`), hosted visits (`hosting.py`). Ids are given here, once, in the order the events
are kept.
"""

from __future__ import annotations

from sukien.doc import Doc
from sukien.extract.context import Context
from sukien.extract.headline import headline_events, merged, tells_events
from sukien.extract.hosting import (
    guests_of_foreign_hosts,
    host_visits,
    met_on_a_journey,
    met_where_placed,
    placed_by_the_next_sentence,
    talks_abroad,
    visitors_as_actors,
)
from sukien.extract.occasions import occasions_of_named_years
from sukien.extract.sentence import extract_sentence
from sukien.extract.travel import (
    infer_locations,
    occasions_by_city,
    one_city_of_the_title,
    without_background,
    without_private_travellers,
    without_recalled,
    years_from_occasions,
    years_within_terms,
)
from sukien.models import Event
from sukien.stages import stage
from sukien.understand import is_actor


def without_repeats(events: list[Event]) -> list[Event]:
    """One event for what the article says twice (a lead repeated in the body, a meeting told again
    later): the first, with the evidence of both and the dates of whichever states them."""
    kept: dict[tuple, list[Event]] = {}
    for event in events:
        key: tuple[object, ...]
        if event.type not in ("meet", "call", "sign", "speak"):
            key = (event.id,)  # visits keep every statement: each may date or place a leg
            kept[key] = [event]
            continue
        key = (
            event.type,
            event.actor.name,
            tuple(sorted(c.name for c in event.counterparts)),
            event.location.country,
        )
        same = next(
            (
                k
                for k in kept.get(key, [])
                if (k.start is None or event.start is None or k.start == event.start)
                and (
                    k.occasion is None or event.occasion is None or k.occasion.series == event.occasion.series
                )
            ),
            None,
        )
        if same is None:
            kept.setdefault(key, []).append(event)
            continue
        same.evidence.extend(e for e in event.evidence if e not in same.evidence)
        if same.start is None and event.start is not None:
            same.start, same.end, same.year_inferred = event.start, event.end, event.year_inferred
        if same.occasion is None and event.occasion is not None:
            same.occasion = event.occasion.model_copy()
        if same.location.city is None and event.location.city is not None:
            same.location = event.location.model_copy()
        if same.status == event.status:
            # "Ngoại trưởng Mỹ (trái) gặp Ngoại trưởng Trung Quốc hôm 8/10" in a caption, then the lead's
            # "... gặp ... tại Bắc Kinh": the place one telling states is stated for the meeting (not a
            # past meeting's place for the talks still to come: "sẽ hội đàm" beside "ngày 16/1 gặp").
            same.location_stated = same.location_stated or event.location_stated
            same.firm = same.firm or event.firm
    return sorted((e for group in kept.values() for e in group), key=lambda e: events.index(e))


def without_undated_offices(ctx: Context, events: list[Event]) -> list[Event]:
    """A leader the article names only by a bare title of his office ("Chuyến thăm Nga của Thủ tướng cho
    thấy ...") is that day's holder only for what the article dates: an undated remark is commentary on
    a journey told elsewhere, not one of its own."""
    by_office = {m.key for m in ctx.people if m.get("by_office")}
    named = {m.key for m in ctx.people if not m.get("by_office")}
    return [e for e in events if e.actor.name not in by_office - named or e.start or e.end]


@stage(
    "extract",
    requires=("record", "text", "title", "norm", "published", "sentences", "mentions", "dates"),
    adds=("events",),
)
def extract(doc: Doc) -> Doc:
    ctx = Context(
        doc=doc,
        people=[m for m in doc.mentions if is_actor(m)],
        places=[m for m in doc.mentions if m.label in ("COUNTRY", "CITY")],
        meetings=[m for m in doc.mentions if m.label == "MEETING"],
        published=doc.published_date,
    )
    events: list[Event] = []
    for sent in doc.sentences:
        events.extend(extract_sentence(ctx, sent))
    placed_by_the_next_sentence(ctx, events)
    infer_locations(events)
    one_city_of_the_title(ctx, events)
    occasions_by_city(ctx, events)
    occasions_of_named_years(ctx, events)
    years_from_occasions(events)
    years_within_terms(events)
    events.extend(talks_abroad(ctx, events))
    events.extend(host_visits(ctx, events))
    events.extend(guests_of_foreign_hosts(ctx, events))
    events.extend(met_on_a_journey(ctx, events))
    events.extend(met_where_placed(ctx, events))
    events = visitors_as_actors(events)
    events = without_recalled(without_private_travellers(without_repeats(events)))
    events = without_background(events, doc.published_date)
    events = without_undated_offices(ctx, events)
    published = doc.published[:10] if doc.published else None
    for event in events:
        event.article_published = published
    doc.events = events
    doc.number_events()  # the store keeps these ids
    if tells_events(doc.title, doc.events):
        # The headline's events, where the body does not tell them (`headline.py`); the headline is
        # read by this very stage, with no title of its own.
        told = headline_events(doc, " ".join((doc.title or "").split()), extract)
        if told:
            doc.events = merged(doc.events, told)
            doc.number_events()
    return doc
