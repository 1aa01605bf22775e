"""Meetings, calls, signings and speeches: the counterparts of a contact, told from the Vietnamese side."""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.extract.actors import coordinated
from sukien.extract.context import (
    Context,
    derived,
    location_from,
    make_event,
    person_of,
    places_at,
    summit_location,
)
from sukien.lexicon.triggers import Trigger, word_pattern
from sukien.models import Event, Location

# Between "A và B" and their meeting verb: "đã có cuộc hội đàm", "sẽ hội kiến".
BOTH_SIDES_GAP = re.compile(r"\s*(?:đã|sẽ|vừa|đang)?\s*(?:có\s+)?(?:một\s+)?(?:cuộc\s+)?")


# "cuộc gặp (đầu tiên) giữa (hai Tổng thống) A và B".
BETWEEN = re.compile(r"giữa\s+(?:hai\s+)?(?:[\w-]+\s+){0,2}$")


def contact_events(
    ctx: Context,
    trigger: Trigger,
    actor: Mention,
    sent: tuple[int, int],
    stop: int,
    common: dict,
    not_travel: bool,
    triggers: list[Trigger],
) -> list[Event]:
    text = ctx.doc.text
    both_before = False
    # Counterparts may be listed past a ";" ("hội đàm với A; B; C"): the whole sentence after the verb.
    reach = sent[1] if trigger.type in ("meet", "call") else stop
    # ... but not past the next meeting verb, whose counterparts are its own.
    following = [t.start for t in triggers if t.start > trigger.end and t.type in ("meet", "call")]
    if following and ctx.inside(trigger.end, following[0], "PERSON"):
        reach = min(reach, following[0])
    counterparts = [
        p for p in ctx.inside(trigger.end, reach, "PERSON") if p.key != actor.key and not p.get("former")
    ]
    if not counterparts and trigger.type in ("meet", "call") and actor.end <= trigger.start:
        # "Tổng thống A và Thủ tướng B đã hội đàm": both sides before the verb; one is the other's.
        joined_before = [p for p in coordinated(ctx, actor, sent) if p.key != actor.key]
        if joined_before and BOTH_SIDES_GAP.fullmatch(text, actor.end, trigger.start):
            counterparts = joined_before
            both_before = True
    if actor.start > trigger.end and BETWEEN.search(text, trigger.end, actor.start):
        both_before = True  # "cuộc gặp giữa hai Tổng thống A và B": both sides are its subjects
    if actor.start > trigger.end:
        # "Tại hội đàm, A và B ...": the verb comes first, the two sides after it.
        joined = [p for p in counterparts if re.fullmatch(r"\s*(?:và|với)\s*", text[actor.end : p.start])]
        counterparts = joined or counterparts
    stated = places_at(ctx, sent)
    location = location_from(ctx, stated)
    if location.country is None and word_pattern("home_buildings").search(ctx.doc.norm, sent[0], sent[1]):
        location = Location(country="VN")  # "tại Phủ Chủ tịch", "tại Trụ sở Chính phủ": at home
    kind = trigger.type
    if kind in ("meet", "call"):
        if not counterparts or (kind == "meet" and counterparts[0].start - max(trigger.end, actor.end) > 250):
            return []
        if kind == "meet" and not_travel:
            return []
    if kind == "sign" and not word_pattern("agreement_words").search(text, trigger.end, stop):
        return []
    if kind == "speak" and not (
        ctx.inside(trigger.end, stop, "MEETING") or location.city or location.country
    ):
        return []
    if location.country is None:
        location = summit_location(ctx, sent)
    people = [person_of(p) for p in counterparts]
    unique = list({p.name: p for p in people}.values())
    event = make_event(ctx, kind, actor, sent, counterparts=unique, location=location, **common)
    event.end = event.start
    event.location_stated = bool(stated) and location.country is not None
    if both_before and len(event.counterparts) == 1:
        guest = event.counterparts[0]
        host = event.actor
        if (
            location.country
            and host.country == location.country
            and guest.country not in (None, location.country)
        ):
            event.actor, event.counterparts = guest, [host]  # the visitor is the actor of a meeting abroad
    extra = other_subject_present(ctx, event) if both_before else []
    return vietnamese_side_first(ctx, event) + extra


def other_subject_present(ctx: Context, event: Event) -> list[Event]:
    """ "A và B đã hội đàm tại X": both are the sentence's subjects, so a place abroad puts both
    there; the counterpart not at home gets a visit of its own (no second meeting)."""
    where = event.location.country
    if not event.location_stated or not where or event.remote or len(event.counterparts) != 1:
        return []
    other = event.counterparts[0]
    if not other.country or other.country == where:
        return []
    # As firmly stated as the meeting that places it: the copy keeps its `firm`.
    return [derived(ctx, event, "visit", other, [event.actor])]


def vietnamese_side_first(ctx: Context, event: Event) -> list[Event]:
    """A meeting between a foreign leader and Vietnamese leaders is told from the Vietnamese side:
    one event per Vietnamese participant, with the foreign leader as counterpart (the convention of
    the reference sets)."""
    if event.type not in ("meet", "call") or event.actor.country == "VN":
        return [event]
    hosts = [p for p in event.counterparts if p.country == "VN"]
    if not hosts:
        return [event]
    flipped = []
    for host in hosts:
        others = [event.actor] + [p for p in event.counterparts if p.country != "VN"]
        flipped.append(derived(ctx, event, event.type, host, others))
    return flipped
