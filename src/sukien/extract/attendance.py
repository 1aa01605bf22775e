"""Attendance of meetings: a speech that says its speaker was there, every occasion a list or a run of
editions names, an attendance dated by the sentence that named its meeting, and an attendance of an
unknown event kept only where its place or ceremony puts the attendee abroad.
"""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.extract.actors import at_home_building
from sukien.extract.context import (
    Context,
    When,
    foreign,
    location_from,
    make_event,
    person_of,
    place_country,
)
from sukien.extract.leaders import is_leader
from sukien.extract.occasions import occasion_of
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.triggers import Trigger, word_list_pattern
from sukien.models import Event, Location, Occasion
from sukien.understand.people import home_country

# Between "phát biểu" and the meeting it is given at: "phát biểu khai mạc Đối thoại Shangri-La",
# "phát biểu tại phiên thảo luận chung cấp cao Đại hội đồng ...", "Phát biểu của X tại ..." (the
# speaker named between: `speaker_skipped`). A session or ceremony of the meeting may come first.
SPOKEN_AT = re.compile(
    r"\s+(?:(?:khai mạc|bế mạc|chào mừng|chính sách|quan trọng)\s+)?(?:tại\s+|trước\s+|ở\s+)?"
    r"(?:(?:phiên|lễ|buổi|Phiên|Lễ|Buổi)\s+[^\W\d][^,.;:()\n]{0,50}?\s+(?=[A-ZĐ]))?"
)
OF_SPEAKER = re.compile(r"\s+của\s+")


def speeches_attended(ctx: Context, triggers: list[Trigger]) -> list[Trigger]:
    """A speech at a named meeting says its speaker attended it: an `attend` beside each such
    `speak` trigger ("Thủ tướng X đã phát biểu khai mạc Đối thoại Shangri-La")."""
    added = []
    for trigger in triggers:
        if trigger.type != "speak" or any(t.type == "attend" for t in triggers):
            continue
        gap = SPOKEN_AT.match(ctx.doc.text, speaker_skipped(ctx, trigger.end))
        if gap and any(m.key for m in ctx.starting("MEETING", gap.end())):
            added.append(Trigger("attend", trigger.start, trigger.end, True))
    return sorted(triggers + added, key=lambda t: t.start)


def speaker_skipped(ctx: Context, pos: int) -> int:
    """Past the speaker named after a speech ("Phát biểu của Tổng Bí thư X tại ..."), else `pos`."""
    of = OF_SPEAKER.match(ctx.doc.text, pos)
    speaker = ctx.starting("PERSON", of.end()) if of else []
    return speaker[0].end if speaker else pos


def next_editions(ctx: Context, event: Event, meeting: Mention) -> list[Event]:
    """One attendance more for each edition held with the first ("Hội nghị Cấp cao ASEAN lần thứ 44 và
    45"): a trip lists every occasion."""
    extra = []
    for number in meeting.get("more_numbers", ()):
        if event.occasion is None or not event.occasion.series:
            break
        extra.append(attending_also(ctx, event, event.occasion.model_copy(update={"number": number})))
    return extra


def attending_also(ctx: Context, event: Event, occasion: Occasion) -> Event:
    """A copy of an attendance, with an id of its own, for another occasion of the same trip."""
    twin = event.model_copy(deep=True)
    ctx.n_events += 1
    twin.id = f"{ctx.doc.id}-{ctx.n_events}"
    twin.occasion = occasion
    return twin


# Between two meetings attended in one list: "dự Hội nghị X, Đại Hội đồng Y và ...".
MEETING_LIST_GAP = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:,|và)\s*")


def listed_meetings(ctx: Context, event: Event, meeting: Mention, stop: int) -> list[Event]:
    """One attendance more for each known meeting listed right after the first ("tham dự Hội nghị
    thượng đỉnh Tương lai, Đại Hội đồng Liên Hợp Quốc khóa 79"): a trip lists every occasion."""
    extra = []
    previous = meeting
    for listed in ctx.inside(meeting.end, stop, "MEETING"):
        if not MEETING_LIST_GAP.fullmatch(ctx.doc.text, previous.end, listed.start):
            break
        previous = listed
        if not listed.key or (event.occasion and listed.key == event.occasion.series):
            continue
        occasion = occasion_of(listed, event.start, ctx.published, event.location)
        extra.append(attending_also(ctx, event, occasion))
    return extra


def dated_with(event: Event, told: When) -> None:
    """An undated attendance takes the day of the sentence that named its meeting ("Ngày 07/10, ...
    đã diễn ra lễ khai mạc Hội nghị X. Phó Thủ tướng Y ... tham dự Hội nghị.")."""
    event.start = told.start
    event.end = told.end if told.end_stated else None
    event.day_month = told.day_month
    event.year_inferred = told.year_inferred


def ceremony_country(ctx: Context, sent: tuple[int, int]) -> Location:
    """ "dự Lễ nhậm chức Tổng thống Indonesia": an inauguration, coronation or state funeral is held
    in the country whose office or leader is named right after it."""
    ceremonies = word_list_pattern("ceremonies_of_a_country", re.IGNORECASE)
    for ceremony in ceremonies.finditer(ctx.doc.norm, sent[0], sent[1]):
        places = ctx.inside(ceremony.end(), min(sent[1], ceremony.end() + 40), "PLACE")
        if places and place_country(places[0]):
            return Location(country=place_country(places[0]))
    # "dự Chiêu đãi ... các nước của Tổng thống Nga V.Putin": a state banquet is given at home.
    for banquet in BANQUET.finditer(ctx.doc.norm, sent[0], sent[1]):
        reach = min(sent[1], banquet.end() + 120)
        hosts = sorted(
            ctx.inside(banquet.end(), reach, "PERSON") + ctx.inside(banquet.end(), reach, "TITLE"),
            key=lambda m: m.start,
        )
        for host in hosts:
            if not GIVEN_BY.fullmatch(ctx.doc.text, banquet.end(), host.start):
                continue
            # "của Tổng thống Nga V.Putin": a head of state the text names by title and country will do.
            giver = person_of(host) if host.label == "PERSON" else None
            head = giver is not None and is_leader(giver) or host.label == "TITLE" and is_head_title(host)
            if head and host.get("country"):
                return Location(country=host.get("country"))
    return Location()


def is_head_title(title: Mention) -> bool:
    """A title of a head of state or government ("Tổng thống", "Quốc vương", "Thủ tướng")."""
    g = gz.load()
    found = (g.title(role) for role in title.get("roles") or ())
    return any(t is not None and t.category in HEADS for t in found)


HEADS = ("head_of_state", "head_of_government", "royal")


# A banquet or reception of state, and who gives it: "Chiêu đãi trọng thể ... của Tổng thống X",
# "tiệc chiêu đãi do Quốc vương X chủ trì".
BANQUET = re.compile(r"(?<![\w])(?:[Cc]hiêu đãi|[Qq]uốc yến)(?![\w])")
GIVEN_BY = re.compile(r"[^.;:]{0,100}?\s(?:của|do)\s+")


def attend_placed(
    ctx: Context, actor: Mention, sent: tuple[int, int], stated: list[Mention], common: dict
) -> list[Event]:
    """An attendance of an event the gazetteer does not know, kept only when its sentence places it
    in a country not the attendee's: it says where the attendee was, not what the meeting was."""
    location = location_from(ctx, stated) if stated else ceremony_country(ctx, sent)
    if location.country is None and at_home_building().search(ctx.doc.norm, sent[0], sent[1]):
        # "tại trụ sở Chính phủ, Thủ tướng X và Thủ tướng Nhật Bản Y đã cùng tham dự Diễn đàn ...": held
        # at a seat of the Vietnamese state, so in Viet Nam, whose guest Y is.
        location = Location(country="VN")
    if location.country is None or not foreign(location.country, actor) or common.get("remote"):
        return []
    if actor.get("country") is None and home_country(actor.key or actor.text) != "VN":
        return []  # someone whose country is unknown may be at home there: no sign of a journey
    event = make_event(ctx, "attend", actor, sent, location=location, **common)
    # A range ends the attendance; one day is the day of the event, not the journey's last (SPEC:
    # `end` is the last day stated, null where the text never says).
    event.end = common.get("end") if common.get("end") != common.get("start") else None
    event.location_stated = True
    return [event]
