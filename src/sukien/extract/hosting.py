"""Foreign leaders received in Viet Nam: a meeting at home makes the guest's visit (`host_visit`)."""

from __future__ import annotations

import re
from functools import cache

from sukien.doc import Mention
from sukien.extract.actors import at_home_building
from sukien.extract.contact import PASSIVE_BY
from sukien.extract.context import (
    Context,
    dates_in,
    derived,
    foreign,
    is_range,
    location_from,
    place_country,
    when_told,
)
from sukien.extract.coordination import COORDINATION
from sukien.extract.leaders import is_leader, known_title
from sukien.extract.occasions import occasion_of
from sukien.extract.travel import name_cities
from sukien.lexicon.triggers import alternation, word_list, word_pattern
from sukien.models import Event, Location, Person
from sukien.text.legacy_encodings import has_vietnamese_letters
from sukien.understand.people import home_country


def at_home(ctx: Context, event: Event) -> bool:
    """Is this meeting at the host's home: a home venue or a Vietnamese place in its sentence?"""
    if event.location_stated and event.location.country == "VN":
        return True  # "tại Hà Nội": whoever is on a visit, the meeting is in Viet Nam
    evidence = event.evidence[0]
    sentence = ctx.doc.norm[evidence.start : evidence.end]
    if at_home_building().search(sentence):
        # "tại Trụ sở Chính phủ, X đã tiếp (đã có cuộc gặp với) Y nhân dịp tham dự ...": a building of
        # Viet Nam's named with no country after it; the occasion is the guest's.
        return True
    if word_pattern("abroad_context").search(sentence):
        return False
    if (
        event.location_stated
        and event.location.country not in (None, "VN")
        and not word_pattern("home_buildings").search(sentence)
    ):
        return False  # "tại Phủ Thủ tướng Ba Lan, sau lễ đón chính thức": the place told, not a venue word
    if word_pattern("foreign_venue").search(sentence):
        return False  # "sau lễ đón trọng thể tại Phủ Tổng thống": a palace Viet Nam has none of
    if word_pattern("home_venue").search(sentence):
        return True
    if event.location.country is None and received(ctx, event):
        return True  # "Phó Thủ tướng X đã tiếp ông Y": received, placed nowhere, so at home
    return event.location.country == "VN"


# The guest right after the word that receives him: "tiếp ông Y", "tiếp Đại sứ Y", not "buổi tiếp".
GUEST_NEXT = re.compile(r"\s+(?:ông|bà|ngài|Ngài)?\s*$")


def received(ctx: Context, event: Event) -> bool:
    """Is the meeting told as the actor receiving a guest named right after the word ("X đã tiếp
    ông Y"), not a reception the actor was given ("cảm ơn Y đã dành thời gian tiếp đoàn")?"""
    if not word_pattern("receptions").fullmatch(event.trigger or ""):
        return False
    evidence = event.evidence[0]
    names = [m for m in ctx.inside(evidence.start, evidence.end, "PERSON") if m.key]
    actor = next((m for m in names if m.key == event.actor.name), None)
    for reception in word_pattern("receptions").finditer(ctx.doc.norm, evidence.start, evidence.end):
        if ctx.doc.norm[max(evidence.start, reception.start() - 5) : reception.start()].endswith("buổi "):
            continue
        guest = next((m for m in names if m.start >= reception.end()), None)
        if guest is None or guest is actor or actor is None or actor.start > reception.start():
            continue
        gap = ctx.doc.text[reception.end() : guest.start]
        if not gap or GUEST_NEXT.fullmatch(gap):
            return True
    # "A được B đón tiếp": B receives A, named before "được".
    return (
        actor is not None
        and PASSIVE_BY.search(ctx.doc.text, max(0, actor.start - 16), actor.start) is not None
    )


def one_foreign_country(event: Event) -> str | None:
    """The country of a meeting's foreign leaders, when they are all of one."""
    countries = {g.country for g in event.counterparts if g.country and g.country != "VN" and is_leader(g)}
    return countries.pop() if len(countries) == 1 else None


def talks_abroad(ctx: Context, events: list[Event]) -> list[Event]:
    """ "Trưa 20/11 theo giờ địa phương, ... Thủ tướng X và Tổng thống Y hội đàm": a meeting told in
    local time, or at a palace Viet Nam has none of ("tại Phủ Tổng thống"), with no place, is held in
    the foreign leader's country, so the Vietnamese side visits."""
    visiting = {(e.actor.name, e.location.country) for e in events if e.type in ("visit", "attend")}
    extra: list[Event] = []
    for event in events:
        if event.type != "meet" or event.actor.country != "VN" or event.location.country is not None:
            continue
        evidence = event.evidence[0]
        told_abroad = word_pattern("local_time").search(ctx.doc.norm, evidence.start, evidence.end) or (
            word_pattern("foreign_venue").search(ctx.doc.norm, evidence.start, evidence.end)
        )
        if not told_abroad:
            continue
        country = one_foreign_country(event)
        if country is None or (event.actor.name, country) in visiting:
            continue
        visit = derived(ctx, event, "visit", event.actor, event.counterparts)
        visit.location = Location(country=country)
        visit.location_stated = True
        visit.end = None
        extra.append(visit)
        extra.extend(name_cities(ctx, (evidence.start, evidence.end), [visit]))
        visiting.add((event.actor.name, country))
    return extra


def summit_talks_at_home(ctx: Context, event: Event) -> bool:
    """Formal talks of a Vietnamese leader with a foreign head, placed nowhere and told in no local
    time, are held in Viet Nam: talks abroad are told with the journey that takes the leader there."""
    evidence = event.evidence[0]
    sentence = ctx.doc.norm[evidence.start : evidence.end]
    return (
        event.location.country is None
        and bool(word_pattern("summit_talks").search(event.trigger or ""))
        and not word_pattern("local_time").search(sentence)
        and not word_pattern("abroad_context").search(sentence)
    )


def posted_there(person: Person) -> bool:
    """An ambassador lives where he is posted: meeting him there tells no journey of his."""
    return "Đại sứ" in person.roles


def travellers(events: list[Event]) -> set[str]:
    """Those the events send to a country not their own."""
    return {
        e.actor.name
        for e in events
        if e.type in ("visit", "attend") and e.location.country != e.actor.country
    }


def host_visits(ctx: Context, events: list[Event]) -> list[Event]:
    """A leader at home receiving a foreign leader: `host_visit` for the host, a visit for the guest."""
    abroad = travellers(events)
    visiting = {(e.actor.name, e.location.country): e for e in events if e.type == "visit"}
    # "... chủ trì lễ đón chính thức Chủ tịch nước X" at a palace abroad, then "Ngay sau lễ đón, X đã hội
    # đàm cùng Y": the two met abroad; their placeless talks are not a reception at home.
    met_abroad = {
        (e.actor.name, guest.name)
        for e in events
        if e.type == "meet" and e.location.country not in (None, e.actor.country)
        for guest in e.counterparts
    }
    extra: list[Event] = []
    for event in events:
        if event.type != "meet" or event.actor.name in abroad or event.actor.country != "VN":
            continue
        if event.location.country not in (None, "VN"):
            continue
        if not (at_home(ctx, event) or summit_talks_at_home(ctx, event)):
            continue
        for guest in event.counterparts:
            if guest.country == "VN" or not is_leader(guest):
                continue
            if event.location.country is None and (event.actor.name, guest.name) in met_abroad:
                continue
            if not guest.country and home_country(guest.name) == "VN":
                continue  # of no country but a Vietnamese name: at home (a guest of a body, "Tổng thư ký
                # LHQ Guterres", has no country and comes from abroad)
            if posted_there(guest):
                continue
            host = derived(ctx, event, "host_visit", event.actor, [guest])
            host.location = Location(city=event.location.city, country="VN")
            extra.append(host)
            known = visiting.get((guest.name, "VN"))
            if known is None:
                visit = derived(ctx, host, "visit", guest, [event.actor])
                visit.end = None
                stay_dated(ctx, visit)
                extra.append(visit)
                visiting[(guest.name, "VN")] = visit
            elif known.location.city is None and host.location.city:
                # "Chiều 5-6, tại trụ sở Bộ Quốc phòng ở Hà Nội, ... lễ đón": the city a later meeting names.
                known.location = Location(city=host.location.city, country="VN")
    return extra


def guests_of_foreign_hosts(ctx: Context, events: list[Event]) -> list[Event]:
    """ "Tổng thống Pháp Macron tiếp đãi Tổng thống Mỹ Trump ...": a foreign leader receiving another
    country's leader, placed nowhere and at no summit, receives him at home, as `host_visits` reads a
    host in Viet Nam; the guest visits the host's country. Not when either side is on a journey the
    article tells: the reception may be where that journey went. A meeting (or a speech with a
    counterpart) its sentence places in the host's own country is the same, whatever its word."""
    travelling = travellers(events)
    extra: list[Event] = []
    for event in events:
        host = event.actor
        if event.remote or host.country in (None, "VN") or host.name in travelling:
            continue
        # "Phát biểu tại cuộc họp báo chung với người đồng cấp Bulgaria X tại thủ đô Ankara, ông Y
        # (Thổ Nhĩ Kỳ) nói": met in a place of the host's own country the sentence names, by any word.
        placed_home = event.type in ("meet", "speak") and event.location_stated
        placed_home = placed_home and event.location.country == host.country
        if not placed_home and (event.type != "meet" or event.location.country not in (None, host.country)):
            continue
        if len(event.counterparts) != 1:
            continue
        guest = event.counterparts[0]
        if guest.country in (None, host.country) or guest.name in travelling:
            continue
        if not (is_leader(host) and is_leader(guest)) or posted_there(guest):
            continue
        evidence = event.evidence[0]
        sentence = ctx.doc.norm[evidence.start : evidence.end]
        if not placed_home and (
            not received(ctx, event)
            or word_pattern("abroad_context").search(sentence)
            or at_home_building().search(sentence)
        ):
            continue
        if placed_home and (event.occasion is not None or word_pattern("abroad_context").search(sentence)):
            continue  # "bên lề Hội nghị G7 tổ chức tại Biarritz": at a summit the host keeps his meeting
        visit = derived(ctx, event, "visit", guest, [host])
        visit.location = Location(city=event.location.city if placed_home else None, country=host.country)
        visit.end = None
        extra.append(visit)
        travelling.add(guest.name)
    return extra


# "trong chuyến công du Trung Đông", "trong chuyến đi châu Á": a journey whose destination the phrase
# names by a region or not at all (a named country is the article's own visit).
REGION = r"(?:khu vực|vùng|châu|[A-ZĐ][\w-]*\s+(?:Đông|Á|Âu|Phi|Mỹ))[\w\s-]{0,20}"
ON_A_JOURNEY = re.compile(
    r"(?<![\w])(?:trong|nhân|dịp)\s+(?:chuyến|đợt)\s+"
    rf"(?:(?:công du|đi)(?![\w])(?:\s+(?:tới|đến|sang))?(?:\s+{REGION})?"
    rf"|(?:thăm|công tác)(?:\s+(?:tới|đến|sang))?\s+{REGION})"
    r"(?:\s+(?:vừa qua|này|lần này|hiện nay))?\s*[,.;]"
)


def met_on_a_journey(ctx: Context, events: list[Event]) -> list[Event]:
    """ "Ngoại trưởng Mỹ X đã có cuộc gặp Tổng thống UAE Y trong chuyến công du Trung Đông": a meeting
    placed nowhere, at no summit, with a leader of a third country, during a journey that names no
    country of its own, is held in the host's country; the traveller visits it."""
    travelling = travellers(events)
    extra: list[Event] = []
    for event in events:
        guest = event.actor
        if event.type != "meet" or event.remote or event.location.country is not None or event.occasion:
            continue
        if guest.country is None or guest.name in travelling or len(event.counterparts) != 1:
            continue
        host = event.counterparts[0]
        if host.name in travelling or word_pattern("receptions").search(event.trigger or ""):
            continue  # "tiếp Tổng thống Y trong chuyến công du": the journey is the guest's
        if host.country in (None, guest.country) or not is_leader(host) or posted_there(host):
            continue
        if not any((title := known_title(role)) and title.category in HEADS for role in host.roles):
            continue  # a minister may be met anywhere; a head of state or government receives at home
        evidence = event.evidence[0]
        if not ON_A_JOURNEY.search(ctx.doc.norm, evidence.start, evidence.end + 1):
            continue
        visit = derived(ctx, event, "visit", guest, [host])
        visit.location = Location(country=host.country)
        visit.end = None
        extra.append(visit)
        travelling.add(guest.name)
    return extra


HEADS = ("head_of_state", "head_of_government", "royal")  # title categories of data/curated/titles.json


# "tiếp ông Y nhân chuyến thăm làm việc và tham dự Diễn đàn ... tại Việt Nam từ ngày 21-24/4": the
# stay the guest came for, told after the meeting.
GUEST_STAY = re.compile(
    r"(?<![\w])nhân(?: dịp)?\s+(?:chuyến|dịp)\s+(?:sang\s+|đến\s+)?(?:thăm|công tác|làm việc)(?![\w])"
)


def stay_dated(ctx: Context, visit: Event) -> None:
    """The guest's visit takes the range of days its stay's clause states, not the meeting's day."""
    evidence = visit.evidence[0]
    stay = GUEST_STAY.search(ctx.doc.norm, evidence.start, evidence.end)
    if stay is None:
        return
    told = [d for d in dates_in(ctx, stay.end(), evidence.end) if is_range(d)]
    if not told:
        return
    when = when_told(ctx, told[0], True)
    if when.start is not None:
        visit.start, visit.end = when.start, when.end


def met_where_placed(ctx: Context, events: list[Event]) -> list[Event]:
    """ "Tại cuộc gặp ba bên ... ở Hamburg, Đức, Tổng thống Mỹ X, Thủ tướng Nhật Bản Y và Tổng thống Hàn
    Quốc Z cam kết ...": a meeting its own sentence places in a country puts the foreign leaders named
    with its actor as one subject there too (a visit, told by the same words). Those the actor meets
    are only counterparts (SPEC): "X gặp Hồng y Y tại New York" tells nothing of Y's journey."""
    there = {(e.actor.name, e.location.country) for e in events if e.type in ("visit", "attend")}
    extra: list[Event] = []
    for event in events:
        country = event.location.country
        if event.type != "meet" or not event.location_stated or country is None or event.remote:
            continue
        joined = co_subjects(ctx, event)
        for guest in event.counterparts:
            if guest.name not in joined or not is_leader(guest) or guest.country in (None, country):
                continue
            if (guest.name, country) in there:
                continue
            if posted_there(guest):
                continue
            others = [event.actor] + [p for p in event.counterparts if p is not guest]
            extra.append(derived(ctx, event, "visit", guest, others))  # as firmly told as the meeting
            there.add((guest.name, country))
    return extra


def co_subjects(ctx: Context, event: Event) -> set[str]:
    """The people named as one subject with the event's actor in its sentence ("A, B và C cam kết")."""
    evidence = event.evidence[0]
    if evidence.part == "title":
        return set()
    people = [p for p in ctx.inside(evidence.start, evidence.end, "PERSON") if p.key]
    at = next((i for i, p in enumerate(people) if p.key == event.actor.name), None)
    if at is None:
        return set()
    joined: set[str] = set()
    closed = False  # a list "A, B và C" is one subject once its "và" joins the last one
    for previous, person in zip(people[at:], people[at + 1 :], strict=False):
        if COORDINATION.fullmatch(ctx.doc.text, previous.end, person.start):
            closed = True
        elif not LIST_COMMA.fullmatch(ctx.doc.text, previous.end, person.start):
            break
        joined.add(person.key or "")
    return joined if closed else set()


LIST_COMMA = re.compile(r"\s*,\s*")


@cache
def institution_visited() -> re.Pattern[str]:
    """ "tại Trường ĐH Tôn Đức Thắng", "thăm Bệnh viện Bạch Mai": an institution reached, its own name
    (group "name", capitalised words) after its head word."""
    heads = alternation(word_list("institutions"))
    return re.compile(
        rf"(?<![\w])(?:tại|thăm|đến|tới)\s+(?:{heads})\s+(?P<name>[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*){{0,5}})"
    )


def vietnamese_institution(ctx: Context, sent: tuple[int, int]) -> bool:
    """Does the sentence take someone to an institution named in Vietnamese words ("Tôn Đức Thắng",
    not "Harvard")? No list of the country's schools and firms exists; its letters tell."""
    return any(
        has_vietnamese_letters(found.group("name"))
        for found in institution_visited().finditer(ctx.doc.text, sent[0], sent[1])
    )


def guest_alone(ctx: Context, sent: tuple[int, int], owner: Mention) -> set[str | None] | None:
    """The countries the sentence names, when `owner` is a titled foreign person and none of them is a
    third country; None otherwise."""
    own = owner.get("country")
    if own in (None, "VN") or owner.label != "PERSON" or not owner.get("titled"):
        return None  # a bare "của Thủ tướng" may be either side's: the last one named is no guide
    countries = {place_country(p) for p in ctx.inside(sent[0], sent[1], "PLACE")}
    return None if countries - {"VN", own} else countries


def visit_here(ctx: Context, sent: tuple[int, int], owner: Mention) -> bool:
    """Is a placeless visit of a foreign `owner` one to Viet Nam: does the sentence name Vietnamese
    hosts (a Vietnamese person, a title with no country, a Vietnamese place or institution) and no
    country but the owner's? A Vietnamese paper names the country of a visit anywhere else."""
    countries = guest_alone(ctx, sent, owner)
    if countries is None:
        return False
    people = [p for p in ctx.inside(sent[0], sent[1], "PERSON") if p.key != owner.key]
    titles = [t for t in ctx.inside(sent[0], sent[1], "TITLE") if t.text[:1].isupper()]
    return (
        "VN" in countries
        or any(p.get("country") == "VN" for p in people)
        or any(t.get("country") in (None, "VN") for t in titles)
        or vietnamese_institution(ctx, sent)
    )


def envoys_country(ctx: Context, sent: tuple[int, int], owner: Mention) -> str | None:
    """The country of a placeless visit of a Vietnamese `owner` told beside that country's envoy ("Tiếp
    Đại sứ Nhật Bản X, ... chuẩn bị tốt cho chuyến thăm chính thức sắp tới của Thủ tướng Y"): one
    foreign country's ambassadors and no other country named. A Vietnamese paper names the country of
    a visit anywhere else."""
    if owner.get("country") != "VN" or owner.label != "PERSON" or not owner.get("titled"):
        return None
    envoys = {
        p.get("country")
        for p in ctx.inside(sent[0], sent[1], "PERSON")
        if p.key != owner.key and any(role.startswith("Đại sứ") for role in p.get("roles") or ())
    }
    if len(envoys) != 1 or None in envoys or "VN" in envoys:
        return None
    (country,) = envoys
    places = {place_country(p) for p in ctx.inside(sent[0], sent[1], "PLACE")}
    return country if not places - {"VN", country} else None


def placeless_hosts(ctx: Context, sent: tuple[int, int], owner: Mention, owned: bool = True) -> str | None:
    """Where a visit the sentence names with no place goes, when its hosts tell it. A visit not owned
    ("chuyến thăm của X") but told of its subject goes to Viet Nam only by an institution it reaches
    there: a subject's "chuyến thăm" may be told before the country it went to is named."""
    if (host := welcoming_country(ctx, sent, owner)) is not None:
        return host
    if not owned:
        reached = guest_alone(ctx, sent, owner) is not None and vietnamese_institution(ctx, sent)
        return "VN" if reached else None
    return "VN" if visit_here(ctx, sent, owner) else envoys_country(ctx, sent, owner)


# The host's welcome between the country the sentence opens with and its guest: "Hàn Quốc ... bắn 21 loạt
# đại bác trong lễ đón Tổng Bí thư X ... thăm cấp nhà nước".
WELCOMING = re.compile(r"(?<![\w])(?:lễ đón|chào đón|tiếp đón|đón)(?![\w])")
# How far into its sentence the welcoming country may stand ("Sáng 11/8, Hàn Quốc ...").
HOST_OPENING_REACH = 20


def welcoming_country(ctx: Context, sent: tuple[int, int], guest: Mention) -> str | None:
    """The country a sentence opens with as the subject that welcomes the guest of a visit it names
    with no place; None if the sentence does not open so."""
    opening = [
        p
        for p in ctx.inside(sent[0], guest.start, "PLACE")
        if p.label == "COUNTRY" and p.start - sent[0] <= HOST_OPENING_REACH
    ]
    if not opening or not WELCOMING.search(ctx.doc.text, opening[0].end, guest.start):
        return None
    return opening[0].key if foreign(opening[0].key, guest) else None


def visitors_as_actors(events: list[Event]) -> list[Event]:
    """A foreign host's meeting with a guest the article sends on a visit to the host's country is the
    guest's ("Quốc vương Salman ra tận sân bay đón ông Trump", Trump visiting Arab Saudi): SPEC makes the
    visiting leader the actor of a meeting abroad. Meetings in Viet Nam keep their Vietnamese side."""
    visits = {(e.actor.name, e.location.country) for e in events if e.type == "visit"}
    for event in events:
        host = event.actor
        if event.type != "meet" or len(event.counterparts) != 1 or host.country in (None, "VN"):
            continue
        guest = event.counterparts[0]
        if event.location.country not in (None, host.country) or guest.country in (None, host.country):
            continue
        # Not when the host goes to the guest's country too: who visits whom at this meeting is untold.
        if (guest.name, host.country) in visits and (host.name, guest.country) not in visits:
            event.actor, event.counterparts = guest, [host]
            if event.location.country is None:
                event.location = Location(country=host.country)  # where the guest went to meet him
    return events


# "Buổi gặp này dự kiến diễn ra ... ở Hội nghị G20 tổ chức tại Buenos Aires, Argentina": a sentence that
# names the meeting told just before as its subject, then where it is held.
MEETING_NAMED_AGAIN = re.compile(
    r"\W*(?:[Bb]uổi|[Cc]uộc)\s+(?:gặp(?:\s+gỡ|\s+mặt)?|hội đàm|hội kiến|đối thoại)"
    r"(?:\s+\w+){0,3}?\s+(?:này|trên|đó)\s"
)
HELD = re.compile(r"(?<![\w])(?:diễn ra|được tổ chức|tổ chức)(?![\w])")
HELD_AT = re.compile(r"(?<![\w])(?:tại|ở)\s+(?:(?:thủ đô|Thủ đô|thành phố|Thành phố)\s+)?$")


def placed_by_the_next_sentence(ctx: Context, events: list[Event]) -> None:
    """A meeting its own sentence does not place takes the place the next sentence gives it when that
    sentence names it again ("Buổi gặp này ... diễn ra ... tại Buenos Aires"), with the summit it is
    held at."""
    sentences = ctx.doc.sentences
    for number, (start, end) in enumerate(sentences[1:], start=1):
        if not MEETING_NAMED_AGAIN.match(ctx.doc.text, start) or not HELD.search(ctx.doc.text, start, end):
            continue
        before = sentences[number - 1]
        unplaced = [
            e
            for e in events
            if e.type == "meet"
            and not e.location.country
            and not e.remote
            and any(before[0] <= ev.start < before[1] for ev in e.evidence if ev.part == "text")
        ]
        named = [p for p in ctx.inside(start, end, "PLACE") if not ctx.within_person(p)]
        # Where it is held, after "tại"/"ở" ("tổ chức tại Buenos Aires, Argentina"), not what the sentence
        # talks of ("trong bối cảnh ... (gồm Ukraine, Nga ...)").
        at = next(
            (
                i
                for i, p in enumerate(named)
                if HELD_AT.search(ctx.doc.text, max(start, p.start - 24), p.start)
            ),
            None,
        )
        if not unplaced or at is None:
            continue
        location = location_from(ctx, named[at : at + 2])
        meeting = next((m for m in ctx.inside(start, end, "MEETING") if m.key), None)
        for event in unplaced:
            event.location, event.location_stated = location, True
            if meeting is not None and event.occasion is None:
                event.occasion = occasion_of(meeting, event.start, ctx.published, location)
