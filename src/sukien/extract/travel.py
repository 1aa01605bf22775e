"""Visits and attendances: the cities a journey passed through, where an undated event took place, and
journeys long past (background) left out.
"""

from __future__ import annotations

import re
from datetime import date

from sukien.doc import Mention
from sukien.extract.context import (
    Context,
    city_name,
    derived,
    governed_by_official,
    place_country,
    placed_as_topic,
    places_after,
)
from sukien.extract.leaders import is_leader, known_title
from sukien.extract.occasions import into_year
from sukien.lexicon import gazetteer as gz
from sukien.models import Event, Location, Occasion, Person, parse_day
from sukien.settings import BACKGROUND_DAYS


def name_cities(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A visit's city is the city of its country the sentence names ("đến sân bay quốc tế Jose Marti
    ở Thủ đô La Habana, bắt đầu chuyến thăm cấp Nhà nước tới Cộng hòa Cuba"), or the one left for
    the next stop. A city of the same country left for that one ("rời Nice tới Paris") was a stop
    too: returned as a visit of its own."""
    cities = [
        p
        for p in ctx.inside(sent[0], sent[1], "PLACE")
        if p.label == "CITY"
        and not p.get("same_as_country")
        and not ctx.within_person(p)
        and not any(m.start <= p.start < m.end for m in ctx.meetings)
        and not placed_as_topic(ctx.doc.text, p, sent[0])
        # "tiếp ông A, Thị trưởng thành phố Ninh Ba": the city the guest governs
        and not governed_by_official(ctx.doc.text, p.start)
    ]
    if not cities:
        return []
    arrivals = places_after(ctx, sent[0], sent[1])
    stops: list[Event] = []
    for event in events:
        if event.type in ("meet", "sign", "speak") and event.location_stated and not event.location.city:
            # "ngay sau khi đến Thủ đô Vientiane, tại Nhà Quốc hội Lào, ... hội đàm": the one city of the
            # meeting's country the sentence names.
            named = {city_name(c) for c in cities if place_country(c) == event.location.country}
            if len(named) == 1:
                event.location = Location(city=named.pop(), country=event.location.country)
            continue
        if event.type not in ("visit", "attend") or not event.location.country:
            continue
        # A city left, for the next stop or for home ("rời New York đi thăm Cuba", "rời Manila, kết thúc
        # chuyến thăm"), was a stop (SPEC).
        own = [c for c in cities if place_country(c) == event.location.country]
        if own and not event.location.city:
            chosen = next((c for c in own if c in arrivals), own[0])
            event.location = Location(city=city_name(chosen), country=event.location.country)
        stopped = {(e.actor.name, e.location.city) for e in [*events, *stops]}
        chosen_at = next((c for c in own if city_name(c) == event.location.city), None)
        for left in own:
            listed = chosen_at is not None and listed_with(ctx, chosen_at, left)
            if (event.actor.name, city_name(left)) not in stopped and (listed or left_for_next(ctx, left)):
                stop = derived(ctx, event, event.type, event.actor, event.counterparts)
                stop.location = Location(city=city_name(left), country=event.location.country)
                stops.append(stop)
                stopped.add((event.actor.name, city_name(left)))
    return stops


# "rời Nice tới Paris", "rời thủ đô Amsterdam, lên đường về nước": a city left.
LEFT_BEFORE = re.compile(r"(?<![\w])rời(?:\s+khỏi)?\s+(?:(?:thủ đô|Thủ đô|thành phố|Thành phố)\s+)?$")
# "từ Bắc Kinh tới Nam Ninh": a city travelled from to the next.
FROM_BEFORE = re.compile(r"(?<![\w])từ\s+(?:(?:thủ đô|Thủ đô|thành phố|Thành phố)\s+)?$")
TO_AFTER = re.compile(r"\s+(?:tới|đến|sang|đi)\s")


# "rời Việt Nam, lên đường tới Nhật Bản": the country left for the next stop, straight on. Not "Anh
# rời khỏi EU", nor "rời Nhật và có mặt tại Bình Nhưỡng", which may be a stop in transit.
ONWARD = re.compile(r"\s*,?\s*(?:(?:để\s+)?(?:lên đường|tiếp tục hành trình|bay)|tới|đến|sang|đi)(?![\w])")


# "Sau khi kết thúc các hoạt động song phương tại Cộng hoà Pháp, ... tới Stockholm": a stop just ended.
ENDED_THERE = re.compile(
    r"(?<![\w])kết thúc\s+(?:tốt đẹp\s+)?[^,.;:]{0,40}?\s(?:tại|ở)\s+"
    r"(?:(?:nước|Cộng hòa|Cộng hoà|Vương quốc|Liên bang)\s+)*$"
)


def countries_left(ctx: Context, sent: tuple[int, int], events: list[Event]) -> list[Event]:
    """A foreign country the traveller leaves for the next stop ("Tổng thống Mỹ X đã rời Việt Nam, lên
    đường tới Nhật Bản"): he was there, so it is a leg of the journey (SPEC), returned as a visit of
    its own. Never his own country, which a journey starts from."""
    text = ctx.doc.text
    left: list[tuple[Mention, bool]] = []  # each country left, and whether a stop ended there
    for p in ctx.inside(sent[0], sent[1], "PLACE"):
        if p.label != "COUNTRY":
            continue
        ended = ENDED_THERE.search(text, max(sent[0], p.start - 70), p.start) is not None
        if ended or (
            LEFT_BEFORE.search(text, max(sent[0], p.start - 12), p.start) and ONWARD.match(text, p.end)
        ):
            left.append((p, ended))
    stops: list[Event] = []
    for place, ended in left:
        for event in events:
            if event.type != "visit" or event.location.country in (None, place.key):
                continue
            if place.key == event.actor.country or any(
                e.actor.name == event.actor.name and e.location.country == place.key
                for e in [*events, *stops]
            ):
                continue
            stop = derived(ctx, event, "visit", event.actor, [])
            stop.location = Location(country=place.key)
            if ended:
                stop.start = stop.end = None  # the days told are the next stop's
            stops.append(stop)
    return stops


LISTED_CITIES = re.compile(r"\s*(?:,|và)\s*")


def listed_with(ctx: Context, first: Mention, other: Mention) -> bool:
    """Is `other` the next city of a list that `first` opens ("tại New York và Washington DC")?"""
    return (
        first.end <= other.start and LISTED_CITIES.fullmatch(ctx.doc.text, first.end, other.start) is not None
    )


def left_for_next(ctx: Context, city: Mention) -> bool:
    """Is the city one the traveller left ("rời X") or travelled from to the next ("từ X tới Y")?"""
    text = ctx.doc.text
    if LEFT_BEFORE.search(text, max(0, city.start - 20), city.start):
        return True
    return bool(FROM_BEFORE.search(text, max(0, city.start - 16), city.start)) and bool(
        TO_AFTER.match(text, city.end)
    )


def one_city_of_the_title(ctx: Context, events: list[Event]) -> None:
    """A visit abroad placed only in its country takes the one city of that country the title names
    ("Trung Quốc trải thảm đỏ đón ông Trump ở sân bay Bắc Kinh"): a headline names the place of its
    news, where the body names cities for many reasons (a province's governor, a past summit)."""
    g = gz.load()
    title = ctx.doc.title or ""
    named: dict[str, dict[str, str]] = {}
    text = ctx.doc.text
    # "... gặp nhóm trí thức người Việt ở thành phố Houston": a city the body names only as where
    # others live ("sinh sống tại thành phố Houston") is not where the leader was.
    as_topic: dict[str, list[bool]] = {}
    for place in (p for p in ctx.places if p.label == "CITY"):
        as_topic.setdefault(place.key or place.text, []).append(placed_as_topic(text, place))
    residence = {key for key, topics in as_topic.items() if all(topics)}
    for start, end, label, key in g.find_places(title):
        city = g.city(key) if label == "CITY" else None
        if governed_by_official(title, start):
            continue  # "tiếp Thị trưởng thành phố Ninh Ba": the guest's city, not where he was received
        if city is not None and not city.same_as_country and key not in residence:
            written = city_name(Mention(start, end, "CITY", title[start:end], key))
            named.setdefault(city.country, {}).setdefault(key, written)
    for event in events:
        if event.type not in ("visit", "attend") or event.location.city:
            continue
        if event.location.country in (None, "VN"):
            continue  # Viet Nam's cities are named in any article, for what happens at home too
        cities = named.get(event.location.country, {})
        if len(cities) == 1:
            event.location = Location(city=next(iter(cities.values())), country=event.location.country)


def infer_locations(events: list[Event]) -> None:
    """Meetings abroad are often stated without a place: take the actor's destination in the same
    sentence ("sẽ thăm Manila ... nhân dịp tham dự Hội nghị ..."), else his one destination."""
    destinations: dict[tuple[str, bool], set[str]] = {}
    in_sentence: dict[tuple[str, int], set[str]] = {}

    def told_where(event: Event) -> tuple[str, int]:
        return event.actor.name, event.evidence[0].start if event.evidence else -1

    for event in events:
        if event.type in ("visit", "attend") and event.location.country:
            # A meeting that took place is not placed by a journey still to come ("Kim ... gặp Moon ở
            # biên giới cuối tháng 4" beside "sẽ gặp Trump tại Singapore"); a meeting to come may be
            # placed by the journey under way ("Sáng 13/7, Phó Thủ tướng sẽ chào xã giao ...").
            for done_only in {False, event.status != "planned"}:
                destinations.setdefault((event.actor.name, done_only), set()).add(event.location.country)
            in_sentence.setdefault(told_where(event), set()).add(event.location.country)
    for event in events:
        if event.location.country is None and event.type in ("meet", "sign", "speak", "attend"):
            whose = (event.actor.name, event.status != "planned")
            places = in_sentence.get(told_where(event)) or destinations.get(whose, set())
            if len(places) == 1:
                event.location = Location(city=None, country=next(iter(places)))


# "diễn đàn lần này do Trung Quốc chủ trì", "Hội nghị do Nhật Bản đăng cai": the host the story names.
HOST_BEFORE = re.compile(
    r"(?:hội nghị|diễn đàn|thượng đỉnh|sự kiện|hội thảo)(?:\s+(?:này|lần này))?\s+do\s+(?:nước\s+)?$",
    re.IGNORECASE,
)
HOST_AFTER = re.compile(r"\s+(?:chủ trì|đăng cai|tổ chức)(?![\w])")


def hosted_by(ctx: Context) -> Location | None:
    """The one country the article names as the host of the meeting it tells of, if it names one."""
    text = ctx.doc.text
    hosts = {
        p.key
        for p in ctx.places
        if p.label == "COUNTRY"
        and HOST_BEFORE.search(text, max(0, p.start - 40), p.start)
        and HOST_AFTER.match(text, p.end)
    }
    return Location(country=next(iter(hosts))) if len(hosts) == 1 else None


def years_from_occasions(events: list[Event]) -> None:
    """A story that states no year of its own (its year a guess from other years it names) is of the
    year of the edition its people attend ("dự Hội nghị ... APEC lần thứ 25", so 2017), where it
    names one: every guessed year of the story moves to it."""
    told = {
        e.occasion.year
        for e in events
        if e.type == "attend" and e.year_inferred and e.occasion is not None and e.occasion.year
    }
    if len(told) != 1:
        return
    year = next(iter(told))
    for event in events:
        if event.year_inferred and event.start and len(event.start) >= 7 and event.start[:4] != str(year):
            into_year(event, year)


def without_private_travellers(events: list[Event]) -> list[Event]:
    """A journey of someone who holds no office of a state and whom no country claims ("CEO Tim Cook
    của Apple ghé thăm Phòng Bầu dục") is no diplomacy: its visits and attendances are left out (they
    could never make a trip); meetings stay, an ambassador's or an envoy's among them."""
    return [e for e in events if e.type not in ("visit", "attend") or not private(e.actor)]


def private(person: Person) -> bool:
    """No country claims the person and no title of a state names them: only a company's or an
    association's ("Giám đốc điều hành"), or none."""
    if person.country is not None or is_leader(person):
        return False
    titles = [t for t in map(known_title, person.roles) if t is not None]
    return all(t.category == "other" for t in titles)


def without_background(events: list[Event], published: date | None) -> list[Event]:
    """Visits and attendances long before the article's date (or its first dated journey) left out."""
    # Undated, the article's news is the journey its lead dates: the first dated one in the text.
    journeys = sorted(
        (e for e in events if e.type in ("visit", "attend") and parse_day(e.start)),
        key=lambda e: e.evidence[0].start if e.evidence else 0,
    )
    reference = published or (parse_day(journeys[0].end or journeys[0].start) if journeys else None)
    if reference is None:
        return events
    kept = []
    for event in events:
        last = parse_day(event.end or event.start)
        if event.type in ("visit", "attend") and last and (reference - last).days > BACKGROUND_DAYS:
            continue
        kept.append(event)
    return kept


# "Tổng thống Nga cũng từng mang một hộp kem tới hội nghị G20 ở Hàng Châu ... hồi năm 2016": a journey
# the actor once made, recalled in the clause that tells it.
RECALLED = re.compile(r"(?<![\w])từng(?![\w])[^,;:]{0,60}$")


# "hồi năm 2017", "hồi tháng 5/2016" within a few words of the visit's word.
BACK_THEN = re.compile(r"(?:\s+[^\s,.;:()]+){0,4}?\s+hồi\s+(?:(?:đầu|cuối|giữa)\s+)?(?:năm|tháng)\s+\d")


def without_recalled(events: list[Event]) -> list[Event]:
    """Visits and attendances told as what the actor once did, left out where the article tells
    another journey of his: background to the news (SPEC: "may be given or not"), which would
    otherwise join that journey as one more leg (an undated article dates neither)."""

    def recalled(event: Event) -> bool:
        if event.type not in ("visit", "attend") or not event.evidence or not event.trigger:
            return False
        sentence = event.evidence[0].text
        at = sentence.find(event.trigger)
        if at >= 0 and BACK_THEN.match(sentence, at + len(event.trigger)):
            return True  # "thăm Trung Quốc hồi năm 2017": "hồi" closing the visit phrase sets it in the past
        return at > 0 and RECALLED.search(sentence, 0, at) is not None

    past = {id(e) for e in events if recalled(e)}
    news = {e.actor.name for e in events if e.type in ("visit", "attend") and id(e) not in past}
    return [e for e in events if id(e) not in past or e.actor.name not in news]


def years_within_terms(events: list[Event]) -> None:
    """A year guessed from the story that puts a known leader outside every term of the office the
    article gives ("Tổng thống Trump ... tháng 5" in a story whose only full date is 11/9/2001) is
    no year of that event: its dates are dropped rather than kept wrong."""
    for event in events:
        if not event.year_inferred or not event.start:
            continue
        day = parse_day(event.start) or parse_day(f"{event.start[:7]}-01")
        # A counterpart's office dates the meeting as well ("gặp Nhật hoàng Naruhito", emperor from 2019).
        if day is not None and any(out_of_term(p, day) for p in (event.actor, *event.counterparts)):
            event.start = event.end = None  # the day and month without a year stay in day_month


def out_of_term(person: Person, day: date) -> bool:
    """Whether a known leader held none of the offices the article gives him in that year."""
    leader = gz.load().leader(person.name)
    if leader is None or not leader.terms:
        return False
    terms = [t for t in leader.terms if t.role in person.roles] or list(leader.terms)
    return not any(t.holds_on(day) or (t.start.year <= day.year <= (t.end or day).year) for t in terms)


MEETING_WORD = re.compile(r"(?:Hội nghị|Thượng đỉnh|Diễn đàn|Tuần lễ)", re.IGNORECASE)
MEETING_WORD_BEFORE = re.compile(r"(?:hội nghị|thượng đỉnh|cấp cao|diễn đàn|tuần lễ)\s+$", re.IGNORECASE)
# Events that can be at a meeting the article names elsewhere.
AT_A_MEETING = ("visit", "attend", "meet", "speak", "sign")


def occasions_by_city(ctx: Context, events: list[Event]) -> None:
    """An event abroad in a city where one edition of a meeting the article names was held is at
    that edition ("cuộc gặp ... tại Hamburg" in a story of the G20: the G20 of 2017), when the
    article's date, if any, is that edition's year or the next, no other named meeting was held
    there, and the story names no city of another edition."""
    g = gz.load()
    text = ctx.doc.norm
    # Only a meeting named as one ("hội nghị thượng đỉnh G20"), not a bloc ("các nền kinh tế APEC").
    series = {
        m.key: m
        for m in ctx.meetings
        if m.key
        and (MEETING_WORD.match(m.text) or MEETING_WORD_BEFORE.search(text, max(0, m.start - 30), m.start))
    }
    # The editions the story names by year ("APEC 2017"): the city cannot make it another one.
    named_years = {(m.key, m.get("year")) for m in ctx.meetings if m.key and m.get("year")}
    cities = {m.key for m in ctx.places if m.label == "CITY" and m.key}
    for event in events:
        if event.type not in AT_A_MEETING or event.occasion is not None or not event.location.city:
            continue
        held = [
            (code, edition)
            for code in series
            if (edition := g.edition_held(code, event.location.city, None)) is not None
            and (ctx.published is None or 0 <= ctx.published.year - edition.year <= 1)
            and (event.start is None or event.start[:4] == str(edition.year))
            # A story that also names where another edition was held ("APEC ... Đà Nẵng" beside a
            # stop in Hà Nội, host in 2006) does not tell which edition by the city.
            and not any(e.city in cities for e in g.series[code].editions if e.city != edition.city)
            and all(year == edition.year for named, year in named_years if named == code)
        ]
        if len(held) != 1:
            continue
        code, edition = held[0]
        meeting = series[code]
        event.occasion = Occasion(
            name=meeting.get("name") or meeting.text, series=code, year=edition.year, number=edition.number
        )
