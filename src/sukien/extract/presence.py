"""Presence without a verb of attending: "Trong khuôn khổ Hội nghị thượng đỉnh G20, ... Thủ tướng X đã
đề xuất ...". A sentence framed by a meeting puts the leader it tells of at that meeting."""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.extract.actors import at_home_building
from sukien.extract.context import (
    Context,
    city_name,
    foreign,
    location_from,
    make_event,
    person_of,
    place_country,
    places_after,
    places_at,
    status_of,
    when,
)
from sukien.extract.leaders import is_leader
from sukien.extract.occasions import (
    held_at,
    host_country,
    occasion_of,
    year_from_occasion,
)
from sukien.extract.summits import framed_attendance, met_within_summit, participants
from sukien.extract.travel import LEFT_BEFORE
from sukien.lexicon.triggers import Trigger
from sukien.models import Event, Location, Occasion


def presence_events(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """The attendances a sentence states without a verb of attending, beside its other `events`."""
    if not ctx.starts_inside(sent[0], sent[1], "PERSON"):
        return []  # each reading below needs a person named in the sentence: most sentences name none
    framed = (
        framed_attendance(ctx, sent, events)
        + met_within_summit(ctx, sent, events)
        + stops_of(ctx, sent, events)
    )
    framed += legs_before(ctx, sent, events) + place_left(ctx, sent, events + framed)
    framed += left_for_home(ctx, sent, events + framed) + counted_countries(ctx, sent, events + framed)
    joined = participants(ctx, sent, events + framed)
    found = framed + joined + returned_from(ctx, sent, events + framed + joined)
    found += welcomed(ctx, sent, events + found)
    found += greeted(ctx, sent, events + found)
    found += accompanied(ctx, sent, events + found)
    found += paid_tribute(ctx, sent, events + found)
    return found if found or events else pictured(ctx, sent)


# "Berlin là trạm dừng chân đầu tiên tại châu Âu của Thủ tướng X", "Kazakhstan là chặng dừng chân đầu
# tiên trong chuyến thăm cấp Nhà nước của Tổng Bí thư": the place is a stop of that person's journey.
STOP_OF = re.compile(r"\s+(?:sẽ\s+)?là\s+(?:điểm|trạm|chặng)\s+dừng chân[^.;:]{0,80}?\s+của\s+")


def stops_of(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    found: list[Event] = []
    for place in ctx.inside(sent[0], sent[1], "PLACE"):
        stop = STOP_OF.match(ctx.doc.text, place.end, sent[1])
        traveller = next(iter(ctx.starting("PERSON", stop.end(), slack=0)), None) if stop else None
        if stop is None or traveller is None or not is_leader(person_of(traveller)):
            continue
        country = place_country(place)
        if not foreign(country, traveller) or journey_told(events, traveller, country):
            continue
        city = city_name(place) if place.label == "CITY" and not place.get("same_as_country") else None
        trigger = Trigger("visit", stop.start(), stop.end(), strong=False)
        found.append(placed(ctx, traveller, sent, trigger, Location(city=city, country=country), firm=True))
    return found


OPENING_REACH = 40  # characters from a sentence's start to the place it opens with
COMMA_GAP = re.compile(r"\s*,\s*")


def opening_place(ctx: Context, sent: tuple[int, int]) -> Mention | None:
    """The first place named near the start of a sentence."""
    return next(iter(ctx.inside(sent[0], min(sent[1], sent[0] + OPENING_REACH), "PLACE")), None)


# "Sau Phần Lan, Tổng Bí thư X sẽ thăm chính thức Bulgaria": the place the sentence opens with is the
# leg before the one it tells, of the same traveller.
AFTER_PLACE = re.compile(r"\W*Sau\s+(?:khi\s+rời\s+|chuyến thăm\s+)?$")


def legs_before(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """The leg named by "Sau <place>," before a sentence's visit abroad, for that visit's traveller."""
    text = ctx.doc.text
    opening = opening_place(ctx, sent)
    if opening is None or not AFTER_PLACE.fullmatch(text, sent[0], opening.start):
        return []
    if not re.match(r"\s*,", text[opening.end : opening.end + 3]):
        return []
    found: list[Event] = []
    country = place_country(opening)
    for visit in (e for e in events if e.type in ("visit", "attend") and e.location.country):
        traveller = next(
            (p for p in ctx.inside(sent[0], sent[1], "PERSON") if p.key == visit.actor.name), None
        )
        if traveller is None or country == visit.location.country or not foreign(country, traveller):
            continue
        if journey_told(events + found, traveller, country):
            continue
        city = city_name(opening) if opening.label == "CITY" and not opening.get("same_as_country") else None
        trigger = Trigger("visit", opening.start, opening.end, strong=False)
        leg = placed(ctx, traveller, sent, trigger, Location(city=city, country=country), firm=True)
        leg.start = leg.end = None  # the sentence's days are the next leg's
        found.append(leg)
    return found


# "Trước khi rời Bắc Kinh, Trung Quốc, Chủ tịch nước X đã có Điện cảm ơn ...": where the subject was.
BEFORE_LEAVING = re.compile(r"\W*Trước khi rời\s+(?:[Tt]hủ đô\s+|[Tt]hành phố\s+)?$")


def place_left(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A stay told by the place a sentence's subject was about to leave (SPEC: a city named only as
    the place left is a leg)."""
    text = ctx.doc.text
    opening = opening_place(ctx, sent)
    if opening is None or not BEFORE_LEAVING.fullmatch(text, sent[0], opening.start):
        return []
    # The place and its country, up to the comma that closes the clause ("rời Bắc Kinh, Trung Quốc,").
    places = [opening]
    for place in ctx.inside(opening.end, sent[1], "PLACE"):
        if not COMMA_GAP.fullmatch(text, places[-1].end, place.start):
            break
        places.append(place)
    clause = COMMA_GAP.match(text, places[-1].end)
    traveller = next(iter(ctx.starting("PERSON", clause.end(), slack=0)), None) if clause else None
    if traveller is None:
        return []
    location = location_from(ctx, places)
    if location.country is None or not foreign(location.country, traveller):
        return []
    if journey_told(events, traveller, location.country):
        return []
    trigger = Trigger("visit", opening.start, opening.end, strong=False)
    return [placed(ctx, traveller, sent, trigger, location, firm=True)]


# "Thủ tướng X và đoàn ... rời Qatar lên đường về nước, kết thúc chuyến thăm ba nước Trung Đông": the
# place left for home was the journey's last stop, and the sentence's day its last day.
HOMEWARD = re.compile(r"\s*,?\s*(?:(?:để\s+)?lên đường\s+|để\s+)?về\s+nước(?![\w])")


def left_for_home(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """The last stop of the journey of a sentence's subject who leaves a foreign place for home,
    unless the sentence already tells his journey there: its day is the stop's last."""
    text = ctx.doc.text
    for place in ctx.inside(sent[0], sent[1], "PLACE"):
        if not LEFT_BEFORE.search(text, max(sent[0], place.start - 24), place.start):
            continue
        places = [place]
        for beside in ctx.inside(place.end, sent[1], "PLACE"):  # "rời Bắc Kinh, Trung Quốc về nước"
            if not COMMA_GAP.fullmatch(text, places[-1].end, beside.start):
                break
            places.append(beside)
        if not HOMEWARD.match(text, places[-1].end):
            continue  # "rời Nice tới Paris": left for the next stop (`travel.name_cities`)
        travellers = [p for p in ctx.inside(sent[0], place.start, "PERSON") if not p.get("former")]
        if not travellers or not is_leader(person_of(travellers[0])):
            return []
        location = location_from(ctx, places)
        if location.country is None or not foreign(location.country, travellers[0]):
            return []
        if journey_told(events, travellers[0], location.country):
            return []
        trigger = Trigger("visit", place.start, place.end, strong=False)
        stop = placed(ctx, travellers[0], sent, trigger, location, firm=True)
        stop.start, stop.end = None, stop.start
        return [stop]
    return []


# "Trong chuyến thăm hai nước Nam Á của Tổng Bí thư X, Việt Nam đã nâng cấp quan hệ với Ấn Độ và Sri
# Lanka": a journey told by how many countries it went to, and as many countries named beside it.
COUNTED_JOURNEY = re.compile(
    r"(?<![\w])chuyến (?:thăm|công du|công tác)(?:\s+(?:chính thức|cấp Nhà nước|làm việc|và làm việc))*"
    r"(?:\s+(?:tới|đến|tại))?\s+(?P<count>hai|ba|bốn|năm|[2-5])\s+(?:nước|quốc gia)(?![\w])"
)
COUNTS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5}
OWNED_BY = re.compile(r"[^,.;:()]{0,40}?\s+của\s+")


def counted_countries(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """The legs of a journey told as "chuyến thăm N nước" when the sentence names exactly N countries
    not the traveller's own; its traveller is the one it belongs to ("của X") or the sentence's
    first leader."""
    journey = COUNTED_JOURNEY.search(ctx.doc.text, sent[0], sent[1])
    if journey is None:
        return []
    count = COUNTS.get(journey.group("count")) or int(journey.group("count"))
    owner = OWNED_BY.match(ctx.doc.text, journey.end())
    named = ctx.starting("PERSON", owner.end(), slack=0) if owner else []
    named = named or [p for p in ctx.inside(sent[0], sent[1], "PERSON") if is_leader(person_of(p))][:1]
    if not named or named[0].get("former") or not is_leader(person_of(named[0])):
        return []
    traveller = named[0]
    countries = list(
        dict.fromkeys(
            code
            for p in ctx.inside(sent[0], sent[1], "PLACE")
            if p.label == "COUNTRY" and not ctx.within_person(p) and (code := place_country(p))
        )
    )
    abroad = [c for c in countries if foreign(c, traveller)]
    if len(abroad) != count or len(countries) - len(abroad) > 1:
        return []
    trigger = Trigger("visit", journey.start(), journey.end(), strong=False)
    return [
        placed(ctx, traveller, sent, trigger, Location(country=country), firm=True)
        for country in abroad
        if not journey_told(events, traveller, country)
    ]


# "Ông Trump cho biết sẽ cùng Thủ tướng Nhật chơi golf tại ... Palm Beach": who does a thing with the
# subject in a place is in that place too.
ALONG_WITH = re.compile(r"(?<![\w])cùng(?:\s+với)?\s+(?=[A-ZĐ])")
ALONG_REACH = 90  # characters from the companion to the place: one short clause


def accompanied(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit of a foreign leader named after "cùng" when the clause places what they do together."""
    text = ctx.doc.text
    made: list[Event] = []
    for along in ALONG_WITH.finditer(text, sent[0], sent[1]):
        companion = next(iter(ctx.starting("PERSON", along.end(), slack=0)), None)
        if companion is None or companion.get("former") or not is_leader(person_of(companion)):
            continue
        if journey_told(events + made, companion):
            continue
        reach = min(sent[1], companion.end + ALONG_REACH)
        stated = [p for p in places_at(ctx, sent) if companion.end <= p.start < reach]
        if not stated or re.search(r"[;.]", text[companion.end : stated[0].start]):
            continue
        location = location_from(ctx, stated[:2])
        if location.country is None or not foreign(location.country, companion):
            continue
        trigger = Trigger("visit", along.start(), along.end(), strong=False)
        made.append(placed(ctx, companion, sent, trigger, location, firm=False))
    return made


def journey_told(events: list[Event], person: Mention, country: str | None = None) -> bool:
    """Does the sentence already tell an event of this person (in `country`, when given)?"""
    name = person_of(person).name
    return any(e.actor.name == name and country in (None, e.location.country) for e in events)


def placed(
    ctx: Context,
    person: Mention,
    sent: tuple[int, int],
    trigger: Trigger,
    location: Location,
    firm: bool,
    status: str | None = None,
    occasion: Occasion | None = None,
) -> Event:
    """The visit (or, at a meeting, the attendance) of a person the sentence places without a verb
    of travel: dated by the sentence, its status told by it unless given, its place stated."""
    dated = when(ctx, sent, trigger)
    event = make_event(
        ctx, "attend" if occasion else "visit", person, sent, location=location, occasion=occasion,
        trigger=ctx.doc.text[trigger.start : trigger.end].strip(), firm=firm, start=dated.start, end=None,
        status=status or status_of(ctx, sent, person, trigger, dated.start),
        year_inferred=dated.year_inferred, day_month=dated.day_month,
    )  # fmt: skip
    event.location_stated = True
    if occasion is not None:
        year_from_occasion(event)
    return event


# "Sáng 26/1, lễ đón chính thức Tổng Bí thư, Chủ tịch nước Lào X ... được tổ chức trọng thể tại Phủ
# Chủ tịch": a welcome told with no host as its subject; its guest is where it is held.
WELCOME = re.compile(
    r"(?<![\w])[Ll]ễ đón(?:\s+(?:chính thức|trọng thể|cấp [Nn]hà nước))*\s+(?:(?:ông|bà|[Nn]gài)\s+)?"
)


def welcomed(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit of the guest a welcome ceremony is held for, in the place the sentence holds it (a
    home building is Viet Nam), unless the sentence already tells his journey."""
    text = ctx.doc.text
    welcome = WELCOME.search(text, sent[0], sent[1])
    if welcome is None or ctx.inside(sent[0], welcome.start(), "PERSON"):
        return []  # "Tổng thống A chủ trì lễ đón B": the host's meeting tells it
    guest = next(iter(ctx.starting("PERSON", welcome.end(), slack=0)), None)
    if guest is None or guest.get("former") or not is_leader(person_of(guest)):
        return []
    if journey_told(events, guest):
        return []
    stated = [p for p in places_at(ctx, sent) if p.start > guest.end]
    location = location_from(ctx, stated)
    if location.country is None and at_home_building().search(ctx.doc.norm, sent[0], sent[1]):
        location = Location(country="VN")
    if location.country is None or not foreign(location.country, guest):
        return []
    trigger = Trigger("visit", welcome.start(), welcome.end(), strong=False)
    return [placed(ctx, guest, sent, trigger, location, firm=True)]


# "Chủ tịch Quốc hội Cuba X ... đã đến đặt hoa trước Tượng đài ... tại vườn hoa Tao Đàn, ..., Hà Nội",
# "Tổng Bí thư X đặt vòng hoa tại Đài tưởng niệm ... ở Moskva": a rite the leader performs where the
# sentence places it; he is there.
RITE = re.compile(r"(?<![\w])(?:(?:đến|tới)\s+)?(?:đặt\s+(?:vòng\s+)?hoa|dâng\s+(?:hoa|hương)|viếng)(?![\w])")
# A person named as whom the rite honours, not who performs it: "ngày sinh Chủ tịch X", "của Y".
HONOURED = re.compile(r"(?<![\w])(?:sinh|niệm|của|lăng|Lăng|mộ|đài|tượng)\s+$")
AT_ADDRESS = re.compile(r"(?<![\w])(?:tại|ở)\s[^.;:]*,\s*$")
ADDRESS_END = re.compile(r"\W*")


def paid_tribute(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit of the leader who performs a rite (flowers, a wreath, incense) in a place abroad the
    sentence names after it, unless the sentence already tells his journey."""
    text = ctx.doc.text
    rite = RITE.search(ctx.doc.norm, sent[0], sent[1])
    if rite is None:
        return []
    performers = [
        p
        for p in ctx.inside(sent[0], rite.start(), "PERSON")
        if not p.get("former") and not HONOURED.search(text, max(sent[0], p.start - 12), p.start)
    ]
    if not performers or not is_leader(person_of(performers[0])) or journey_told(events, performers[0]):
        return []
    stated = [p for p in places_at(ctx, sent) if p.start > rite.end()]
    cities = [p for p in places_after(ctx, rite.end(), sent[1]) if p.label == "CITY"]
    if (
        not stated
        and cities
        and ADDRESS_END.fullmatch(text, cities[-1].end, sent[1])
        and AT_ADDRESS.search(text, rite.end(), cities[-1].start)
    ):
        stated = [cities[-1]]  # "... tại vườn hoa Tao Đàn, phố Lý Thường Kiệt, Hà Nội.": an address
    location = location_from(ctx, stated)
    if location.country is None or not foreign(location.country, performers[0]):
        return []
    trigger = Trigger("visit", rite.start(), rite.end(), strong=False)
    return [placed(ctx, performers[0], sent, trigger, location, firm=True)]


# "Thủ tướng A nhiệt liệt chào mừng Thủ tướng B và đoàn đại biểu ... sang dự Kỳ họp ...": the guest a
# host welcomes as come over is on a visit to the host's country.
GREETING = re.compile(r"(?<![\w])(?:chào mừng|hoan nghênh)\s+(?:(?:ông|bà|[Nn]gài)\s+)?")
COME_OVER = re.compile(r"[^.;:]{0,80}?(?<![\w])(?:sang|đến|tới)\s+(?:thăm|dự|tham dự|làm việc)(?![\w])")


def greeted(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit of the guest a host greets as come over (to the place the sentence names, else the
    host's country), unless the sentence already tells his journey."""
    text = ctx.doc.text
    greeting = GREETING.search(text, sent[0], sent[1])
    if greeting is None:
        return []
    hosts = [p for p in ctx.inside(sent[0], greeting.start(), "PERSON") if is_leader(person_of(p))]
    guest = next(iter(ctx.starting("PERSON", greeting.end(), slack=0)), None)
    if not hosts or guest is None or not is_leader(person_of(guest)) or not COME_OVER.match(text, guest.end):
        return []
    if journey_told(events, guest):
        return []
    stated = [p for p in places_at(ctx, sent) if p.start > guest.end]
    location = location_from(ctx, stated) if stated else Location(country=hosts[-1].get("country"))
    if location.country is None or not foreign(location.country, guest):
        return []
    trigger = Trigger("visit", greeting.start(), greeting.end(), strong=False)
    return [placed(ctx, guest, sent, trigger, location, firm=True)]


# A photo caption names people, then where they stand, and no verb: "Tổng thống Mỹ Trump (phải) và
# lãnh đạo Triều Tiên Kim Jong-un tại Singapore ngày 12/6." Its people were there.
POSITION = r"(?:\((?:phải|trái|giữa|ngồi|đứng|[^()]{0,24}từ (?:trái|phải))\)\s*)?"
# "... và lãnh đạo Triều Tiên Kim Jong-un": a description no title list holds may stand before a name.
CAPTION_JOIN = re.compile(
    r"\s*" + POSITION + r"(?:,|và|,\s*và|cùng)\s*(?:[a-zà-ỹđ]+\s+){0,3}(?:[A-ZĐ][a-zà-ỹđ]+\s+){0,2}"
)
# "Thủ tướng X và các nhà lãnh đạo ASEAN tại ...": others the caption names by no name.
CAPTION_OTHERS = re.compile(
    r"\s*" + POSITION + r",?\s*(?:và|cùng)\s+(?:các|những)\s+[^,.;()]{1,40}?(?=\s+(?:tại|ở|bên lề)\s)"
)
CAPTION_PLACE = re.compile(r"\s*" + POSITION + r"(?:tại|ở|bên lề)\s+")
# A meeting no gazetteer names, in lower case, then where it was held.
CAPTION_LOWER_MEETING = re.compile(
    r"(?:hội nghị thượng đỉnh|hội nghị|thượng đỉnh|cuộc gặp|cuộc hội đàm)(?:\s+[\w-]+){0,3}?\s+(?:ở|tại)\s+"
)
CAPTION_REST = 100  # characters from "tại" to the caption's end: a meeting, a place and a day, no clause


def pictured(ctx: Context, sent: tuple[int, int]) -> list[Event]:
    """A visit (an attendance, when the caption names a meeting) of each leader a caption shows in a
    country not his own: reported, weak (no verb says why he was there), dated by its own day."""
    text = ctx.doc.text
    people = ctx.inside(sent[0], sent[1], "PERSON")
    if not people or text[sent[0] : people[0].start].strip():
        return []
    group = [people[0]]
    for person in people[1:]:
        if not CAPTION_JOIN.fullmatch(text, group[-1].end, person.start):
            break
        group.append(person)
    others = CAPTION_OTHERS.match(text, group[-1].end)
    at = CAPTION_PLACE.match(text, others.end() if others else group[-1].end)
    if at is None or sent[1] - at.end() > CAPTION_REST:
        return []
    trigger = Trigger("visit", at.start(), at.end(), strong=False)
    dated = when(ctx, sent, trigger)
    meeting = next((m for m in ctx.starting("MEETING", at.end(), slack=0) if m.key), None)
    places = [p for p in places_at(ctx, sent) if p.start >= (meeting.end if meeting else at.end())]
    occasion = None
    if meeting is not None:
        # "A và B bên lề Hội nghị thượng đỉnh Á-Âu (ASEM) tháng 7-2016 ở Mông Cổ": at that meeting.
        told = location_from(ctx, places[:2]) if places else held_at(ctx, meeting)
        occasion = occasion_of(meeting, dated.start, ctx.published, told)
        location = told or Location(country=host_country(occasion.series, occasion.year, occasion.name))
    elif places and places[0].start - at.end() <= 12:
        location = location_from(ctx, places[:2])
    elif places and (lower := CAPTION_LOWER_MEETING.match(text, at.end())) and places[0].start == lower.end():
        location = location_from(ctx, places[:2])  # "tại hội nghị thượng đỉnh ở Hà Nội": where it was held
    else:
        return []  # "tại lễ ký kết": a place or a meeting must follow at once
    made = []
    for person in group:
        if person.get("former") or not is_leader(person_of(person)):
            continue
        if location.country is None or not foreign(location.country, person):
            continue
        own = occasion.model_copy() if occasion else None
        made.append(placed(ctx, person, sent, trigger, location, firm=False, status="reported", occasion=own))
    return made


# "sau khi trở về từ hội nghị thượng đỉnh G20 ở Hamburg (Đức)", "vừa trở về từ Nhật Bản": where a
# leader comes back from is where he was.
RETURNED_FROM = re.compile(r"(?<![\w])(?:trở về|quay về|quay trở về)(?:\s+(?:nhà|nước))?\s+từ\s+")
RETURN_REACH = 60  # characters from "từ" to the place, a meeting's name between
SOMEONE = re.compile(r"(?<![\w])(?:ông|bà|ngài|Ông|Bà|Ngài)\s+[A-ZĐ]")
# A meeting's kind in lower case before the name a gazetteer knows: "hội nghị thượng đỉnh G20".
LOWER_MEETING_HEAD = re.compile(r"(?:(?:hội nghị|thượng đỉnh|diễn đàn|cấp cao)\s+)*")


def returned_from(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit (or, from a meeting, an attendance) of the leader the sentence names before "trở về
    từ": undated, as the sentence tells the day he came back, not the days he was there."""
    found = RETURNED_FROM.search(ctx.doc.norm, sent[0], sent[1])
    if found is None:
        return []
    people = [p for p in ctx.inside(sent[0], found.start(), "PERSON") if p.key]
    if not people or not is_leader(person_of(people[-1])):
        return []
    leader = people[-1]
    if journey_told(events, leader):
        return []
    if SOMEONE.search(ctx.doc.text, leader.end, found.start()):
        return []  # "Tổng thống X trò chuyện với ... ngay trước khi ông Y trở về từ Nga": Y comes back
    meeting = next(
        (
            m
            for m in ctx.inside(found.end(), found.end() + RETURN_REACH, "MEETING")
            if LOWER_MEETING_HEAD.fullmatch(ctx.doc.norm, found.end(), m.start)
        ),
        None,
    )
    reach = min(sent[1], (meeting.end if meeting else found.end()) + RETURN_REACH)
    places = places_after(ctx, meeting.end if meeting else found.end(), reach)
    if meeting is None and (not places or places[0].start - found.end() > 2):
        return []  # "trở về từ chuyến thăm": a place must follow at once
    location = location_from(ctx, places[:2])
    occasion = None
    if meeting is not None:
        occasion = occasion_of(meeting, None, ctx.published, location)
        if location.country is None:
            location = held_at(ctx, meeting) or Location(
                country=host_country(occasion.series, occasion.year, occasion.name)
            )
    if location.country is None or not foreign(location.country, leader):
        return []
    trigger = ctx.doc.text[found.start() : found.end()].strip()
    event = make_event(
        ctx, "attend" if occasion is not None else "visit", leader, sent, location=location,
        occasion=occasion, trigger=trigger, firm=True, status="reported",
    )  # fmt: skip
    return [event]
