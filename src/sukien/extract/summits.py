"""Presence at a summit with no verb of attending: a sentence framed by the meeting ("Trong khuôn khổ
Hội nghị thượng đỉnh G20, ... Thủ tướng X đã đề xuất ..."), a meeting set inside it from the sentence's
end ("... gặp ... trong khuôn khổ hội nghị thượng đỉnh G20"), and those named as taking part ("với
sự tham gia của ..."). Each puts the leader it tells of at that meeting."""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.extract.context import (
    Context,
    When,
    derived,
    foreign,
    location_from,
    make_event,
    person_of,
    place_country,
    places_at,
    status_of,
    when,
)
from sukien.extract.leaders import is_leader
from sukien.extract.occasions import held_at, host_country, occasion_of, year_from_occasion
from sukien.lexicon.triggers import Trigger, word_pattern
from sukien.models import Event, Location, Occasion

# What may open a sentence before the frame: a time ("Sáng 19/11,", "Ngày 8/7 (giờ địa phương),").
FRAME_OPENING = r"\W*(?:(?:sáng|chiều|tối|trưa|ngày|hôm nay|đêm)\b[^,.;]{0,40},\s*)?"
FRAME = re.compile(
    FRAME_OPENING
    # "tiếp tục các hoạt động trong khuôn khổ ...": the programme the frame is of.
    + r"(?:(?:tiếp tục\s+)?(?:các\s+)?(?:hoạt động|chương trình)\s+)?"
    + r"(?:trong khuôn khổ|bên lề|nhân dịp(?: tham)?(?: dự)?|tại|ở)\s+$",
    re.IGNORECASE,
)
# How far after the meeting's name the leader may be named: the frame's own clause and the next.
FRAME_REACH = 220


def framed_attendance(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """An `attend` for the first leader told of after a framing meeting, unless one is already
    there; placed where the article holds the meeting, else at that year's host."""
    text = ctx.doc.text
    meeting = next((m for m in ctx.inside(sent[0], sent[1], "MEETING") if m.key), None)
    if meeting is None or not FRAME.fullmatch(text, sent[0], meeting.start):
        return []
    if word_pattern("online").search(ctx.doc.norm, sent[0], sent[1]):
        return []
    after = text.find(",", meeting.end, sent[1])
    if after < 0:
        return []
    leader = next(
        (
            p
            for p in ctx.inside(after, min(sent[1], after + FRAME_REACH), "PERSON")
            if not p.get("former") and is_leader(person_of(p))
        ),
        None,
    )
    if leader is None or attends(events, leader):
        return []
    trigger = Trigger("attend", meeting.start, meeting.end, strong=False)
    dated = when(ctx, sent, trigger)
    told = held_at(ctx, meeting)
    occasion = occasion_of(meeting, dated.start, ctx.published, told)
    location = told or Location(country=host_country(occasion.series, occasion.year, occasion.name))
    if location.country is None or not foreign(location.country, leader):
        return []
    event = attend_event(ctx, leader, sent, trigger, dated, location, occasion)
    year_from_occasion(event)
    return [event]


# "Thủ tướng X gặp Tổng thống Y ... trong khuôn khổ hội nghị thượng đỉnh G20": a frame closing the
# sentence.
WITHIN = re.compile(
    r"(?<![\w])(?:trong khuôn khổ|bên lề)\s+"
    r"(?:(?:hội nghị(?: thượng đỉnh| cấp cao)?|thượng đỉnh|diễn đàn)\s+)?$",
    re.IGNORECASE,
)


def met_within_summit(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """An `attend` of the summit for a leader whose meeting the sentence sets inside it after the
    meeting ("... gặp ... trong khuôn khổ hội nghị thượng đỉnh G20"), where the meeting's occasion
    already places it abroad."""
    text = ctx.doc.text
    framed = [
        m for m in ctx.inside(sent[0], sent[1], "MEETING") if m.key and WITHIN.search(text, sent[0], m.start)
    ]
    made: list[Event] = []
    for event in events:
        if event.type != "meet" or event.remote or event.occasion is None or not event.occasion.series:
            continue
        if event.location_stated:
            continue  # placed by its own words, the meeting already puts its actor there
        if not any(m.key == event.occasion.series for m in framed) or not event.location.country:
            continue
        if event.location.country == event.actor.country or attending(events + made, event.actor.name):
            continue
        if not is_leader(event.actor):
            continue
        attend = derived(ctx, event, "attend", event.actor, [])
        # The meeting's day is one day of the summit: its last is not told.
        attend.end, attend.day_month_end = None, None
        made.append(attend)
    return made


# "... với sự tham gia của Thủ tướng X", "có sự tham dự của", "dưới sự chứng kiến của": the people after
# it attend the meeting or the ceremony.
# "có sự tham dự lần đầu tiên của các nhà lãnh đạo như Tổng thống X, ...": a group, then its members.
PARTICIPATION = re.compile(
    r"(?:(?:với|có)\s+sự\s+(?:tham gia|tham dự|có mặt|hiện diện|chứng kiến)|dưới\s+sự\s+chứng kiến)"
    r"(?:\s+lần đầu(?:\s+tiên)?)?\s+của\s+(?:các\s+)?"
    r"(?:(?:nhà\s+)?(?:lãnh đạo|nguyên thủ|người đứng đầu)(?:\s+(?:các|nhiều)\s+(?:nước|quốc gia))?\s+"
    r"(?:như|gồm|là)\s+)?(?:(?:ông|bà|ngài|Ngài)\s+)?"
)
# What the sentence is about when no meeting is named: "Lễ Kỷ niệm có sự tham dự của ...".
CEREMONY_OPENS = re.compile(
    r"\W*(?:[Ll]ễ|[Bb]uổi lễ|[Hh]ội thảo|[Tt]ọa đàm|[Ss]ự kiện)(?![\w])[^,.;:]{0,60}$"
)
# "Tại hội nghị thượng đỉnh thường niên lần này có sự tham dự của ...": the meeting the article named.
MEETING_AGAIN = re.compile(
    r"(?:[Hh]ội nghị|[Tt]hượng đỉnh|[Dd]iễn đàn|[Hh]ội nghị thượng đỉnh)(?:\s+[a-zà-ỹđ]+){0,3}"
    r"\s+(?:lần này|năm nay)"
)


def meeting_of(ctx: Context, sent: tuple[int, int]) -> Mention | None:
    """The meeting a sentence names, or the one the article named last when the sentence points back
    at it ("hội nghị lần này")."""
    named = next((m for m in ctx.inside(sent[0], sent[1], "MEETING") if m.key), None)
    if named is not None or not MEETING_AGAIN.search(ctx.doc.text, sent[0], sent[1]):
        return named
    return next((m for m in reversed(ctx.inside(0, sent[0], "MEETING")) if m.key), None)


def participants(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """An `attend` for each leader named as taking part in the sentence's meeting, placed where the
    sentence, the article or that year's host holds it."""
    text = ctx.doc.text
    found = PARTICIPATION.search(text, sent[0], sent[1])
    meeting = meeting_of(ctx, sent) if found else None
    if found is None or word_pattern("online").search(ctx.doc.norm, sent[0], sent[1]):
        return []
    if meeting is None:
        return ceremony_guests(ctx, sent, found, events)
    first = next((p for p in ctx.inside(found.end(), sent[1], "PERSON") if p.start - found.end() <= 2), None)
    if first is None:
        return []
    attendees = coordinated_after(ctx, first, sent)
    trigger = Trigger("attend", found.start(), found.end(), strong=False)
    dated = when(ctx, sent, trigger)
    stated = places_at(ctx, sent)
    told = location_from(ctx, stated) if stated else held_at(ctx, meeting)
    occasion = occasion_of(meeting, dated.start, ctx.published, told)
    location = told or Location(country=host_country(occasion.series, occasion.year, occasion.name))
    made = []
    for person in attendees:
        if not is_leader(person_of(person)) or not location.country or not foreign(location.country, person):
            continue
        if attends(events, person):
            continue
        made.append(attend_event(ctx, person, sent, trigger, dated, location, occasion.model_copy()))
    return made


def ceremony_guests(
    ctx: Context, sent: tuple[int, int], found: re.Match[str], events: list[Event]
) -> list[Event]:
    """ "Sáng 24/6, Thành ủy Hà Nội tổ chức Lễ Kỷ niệm ... Lễ Kỷ niệm có sự tham dự của Ngài X": foreign
    leaders at a ceremony the sentence before placed and dated are in that place, for no meeting."""
    if not CEREMONY_OPENS.fullmatch(ctx.doc.text, sent[0], found.start()):
        return []
    first = next((p for p in ctx.inside(found.end(), sent[1], "PERSON") if p.start - found.end() <= 2), None)
    at = ctx.doc.sentences.index(sent) if sent in ctx.doc.sentences else 0
    if first is None or at == 0:
        return []
    before = ctx.doc.sentences[at - 1]
    stated = places_at(ctx, sent) or places_at(ctx, before)
    # "Thành ủy, UBND TP Hà Nội đã tổ chức Lễ Kỷ niệm ...": the city whose bodies hold it.
    cities = [p for p in ctx.inside(before[0], before[1], "PLACE") if p.label == "CITY"]
    if not stated and len({place_country(c) for c in cities}) == 1:
        stated = cities[:1]
    location = location_from(ctx, stated)
    trigger = Trigger("attend", found.start(), found.end(), strong=False)
    dated = when(ctx, sent, trigger)
    dated = dated if dated.start or dated.day_month else when(ctx, before, trigger)
    return [
        attend_event(ctx, person, sent, trigger, dated, location, None)
        for person in coordinated_after(ctx, first, sent)
        if is_leader(person_of(person)) and location.country and foreign(location.country, person)
        and not attends(events, person)
    ]  # fmt: skip


def attends(events: list[Event], person: Mention) -> bool:
    """Does the sentence already have this person attending something (by a verb of its own)?"""
    return attending(events, person_of(person).name)


def attending(events: list[Event], name: str) -> bool:
    return any(e.type == "attend" and e.actor.name == name for e in events)


def attend_event(
    ctx: Context,
    person: Mention,
    sent: tuple[int, int],
    trigger: Trigger,
    dated: When,
    location: Location,
    occasion: Occasion | None,
) -> Event:
    """The `attend` of a person a sentence places at a meeting without a verb of attending: as firm
    as any verb (a leader told of inside a meeting is at it), its place stated by the sentence."""
    event = make_event(
        ctx,
        "attend",
        person,
        sent,
        location=location,
        occasion=occasion,
        trigger=ctx.doc.text[trigger.start : trigger.end].strip(),
        firm=True,
        start=dated.start,
        end=dated.end if dated.end_stated else None,
        status=status_of(ctx, sent, person, trigger, dated.start),
        year_inferred=dated.year_inferred,
        day_month=dated.day_month,
    )
    event.location_stated = True
    return event


def coordinated_after(ctx: Context, first: Mention, sent: tuple[int, int]) -> list[Mention]:
    """The first person and those joined to it: "của Thủ tướng A, Tổng thống B và Quốc vương C"."""
    group = [first]
    for person in ctx.inside(first.end, sent[1], "PERSON"):
        if not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", ctx.doc.text[group[-1].end : person.start]):
            break
        group.append(person)
    return group
