"""Stage `extract`: typed events (SPEC.md) from the sentences that state them, with their evidence.

One pass over the sentences that hold a trigger word (`data/triggers.json`). For each trigger the
actor is the person nearest before it (the subject of Vietnamese news sentences), else the first
person after it who is not an object ("với", "tiếp"…); what must follow the trigger in its clause
decides whether the event is taken: a foreign place for a visit, a meeting for attend, a person
for meet and call, an agreement for sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sukien import gazetteer as gz
from sukien.actors import choose_actor, coordinated, is_leader, visit_owner
from sukien.doc import DateMention, Doc, Mention
from sukien.link import parse_day
from sukien.models import Event, EventType, Evidence, Location, Occasion, Person, codes_for
from sukien.pipeline import stage
from sukien.triggers import Trigger, clause_end, find_triggers, rules, word_pattern


@dataclass
class Context:
    """What the extractor knows of one article while it reads it."""

    doc: Doc
    people: list[Mention]
    places: list[Mention]
    meetings: list[Mention]
    published: date | None
    n_events: int = 0

    def inside(self, start: int, end: int, label: str) -> list[Mention]:
        pool = {"PERSON": self.people, "PLACE": self.places, "MEETING": self.meetings}[label]
        return [m for m in pool if start <= m.start and m.end <= end]

    def within_person(self, mention: Mention) -> bool:
        return any(p.start <= mention.start and mention.end <= p.end for p in self.people)


def person_of(mention: Mention) -> Person:
    return Person(
        name=mention.key or mention.text,
        roles=list(mention.get("roles") or ()),
        country=mention.get("country"),
        org=mention.get("org"),
    )


def places_after(ctx: Context, start: int, end: int) -> list[Mention]:
    """Places named in [start, end) that are not inside a person's or meeting's name, nor a departure."""
    text = ctx.doc.text
    departure = word_pattern("departure")
    found = []
    for place in ctx.inside(start, end, "PLACE"):
        if ctx.within_person(place) or any(m.start <= place.start < m.end for m in ctx.meetings):
            continue
        head = text[max(start, place.start - 22) : place.start]
        if departure.search(head) and not re.search(r"(?:tới|đến|sang|tại|thăm)\W*(?:\w+\W+){0,3}$", head):
            continue
        found.append(place)
    return found


CAPITAL_WORD = re.compile(r"^(?:[Tt]hủ đô|[Kk]inh đô)\s+")


def list_end(ctx: Context, start: int, stop: int) -> int:
    """Where the destinations of a visit phrase end: at the first comma that does not go on to
    another place ("tới Mông Cổ, Ireland, tham dự ..." lists two; "đến Việt Nam, tranh cãi giữa Úc
    và Trung Quốc" only one)."""
    text = ctx.doc.text
    for comma in re.finditer(r",\s*", text[start:stop]):
        after = start + comma.end()
        if not any(p.start == after for p in ctx.places):
            return start + comma.start()
    return stop


def city_name(place: Mention) -> str:
    """The city as the text writes it (exonyms kept: "Bắc Kinh", "Mát-xcơ-va"), without the word
    "Thủ đô" before it ("Thành phố Hồ Chí Minh" keeps its "Thành phố": it is the name)."""
    return CAPITAL_WORD.sub("", place.text)


def place_country(place: Mention) -> str | None:
    if place.label == "COUNTRY":
        return place.key
    return place.get("country")


def places_at(ctx: Context, sent: tuple[int, int]) -> list[Mention]:
    """The places the sentence puts its event at: "tại Thủ đô Vientiane (Lào)", "ở Davos, Thụy Sĩ"."""
    text = ctx.doc.text
    found: list[Mention] = []
    for place in places_after(ctx, sent[0], sent[1]):
        head = text[max(sent[0], place.start - 20) : place.start]
        # The country after its city, "tại Davos, Thụy Sĩ", "tại Thủ đô Vientiane (Lào)", is there too.
        after_city = found and re.fullmatch(r"\s*[,(]\s*", text[found[-1].end : place.start])
        if re.search(r"(?:tại|ở)\s+(?:\w+\s+){0,3}$", head) or after_city:
            found.append(place)
    return found


def location_from(ctx: Context, places: list[Mention]) -> Location:
    city = next((p for p in places if p.label == "CITY" and not p.get("same_as_country")), None)
    country = next((place_country(p) for p in places if place_country(p)), None)
    if city is not None:
        return Location(city=city_name(city), country=place_country(city))
    return Location(city=None, country=country)


def corrected(ctx: Context, local: DateMention) -> DateMention:
    """A local date that its own Vietnam-time equivalent contradicts is a slip of the pen ("tối
    25/5 theo giờ địa phương (sáng 26/9 giờ Hà Nội)"): the equivalent, a day apart at most, wins."""
    if local.first is None or local.precision != "day":
        return local
    beside = next(
        (
            d
            for d in ctx.doc.dates
            if d.reference_time and 0 <= d.start - local.end <= 60 and d.first is not None
        ),
        None,
    )
    if beside is None or beside.first is None or abs((beside.first - local.first).days) <= 2:
        return local
    return replace(beside, reference_time=False)


def dates_in(ctx: Context, start: int, end: int) -> list[DateMention]:
    return [d for d in ctx.doc.dates if start <= d.start and d.end <= end and not d.reference_time]


@dataclass(frozen=True)
class When:
    start: str | None = None
    end: str | None = None
    end_stated: bool = False  # a range or a stated last day, not just the day of one event
    year_inferred: bool = False
    # Month and day ("05-11") when the article never states the year: the linker may find it.
    day_month: str | None = None
    day_month_end: str | None = None


def is_range(mention: DateMention) -> bool:
    if mention.precision != "day" or mention.month_days is None:
        return False
    return mention.month_days[0] != mention.month_days[1]


def month_day(mention: DateMention, which: int) -> str | None:
    if mention.month_days is None or mention.month_days[which][1] is None:
        return None
    month, day = mention.month_days[which]
    return f"{month:02d}-{day:02d}"


def when(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> When:
    """The dates of an event: the range in its sentence nearest the trigger, else its nearest date."""
    dates = [
        d
        for d in dates_in(ctx, sent[0], sent[1])
        if (d.first is not None or d.month_days is not None) and d.precision != "year"
    ]
    if not dates:
        return When()
    ranges = [d for d in dates if is_range(d)]
    chosen = corrected(ctx, min(ranges or dates, key=lambda d: abs(d.start - trigger.start)))
    if chosen.first is None:
        last = month_day(chosen, 1) if ranges else None
        return When(end_stated=bool(ranges), day_month=month_day(chosen, 0), day_month_end=last)
    inferred = not chosen.year_stated and ctx.published is None
    if ranges:
        return When(chosen.iso("first"), chosen.iso("last"), True, inferred)
    if chosen.precision != "day":
        return When(chosen.iso("first"), None, False, inferred)
    return When(chosen.iso("first"), chosen.iso("first"), False, inferred)


def status_of(
    ctx: Context, sent: tuple[int, int], actor: Mention | None, trigger: Trigger, start: str | None
) -> str:
    text = ctx.doc.text
    lead_in = text[(actor.end if actor and actor.end <= trigger.start else sent[0]) : trigger.start]
    if word_pattern("planned").search(lead_in):
        return "planned"
    if word_pattern("ongoing").search(lead_in):
        return "ongoing"
    if start and ctx.published and len(start) == 10 and start > ctx.published.isoformat():
        return "planned"
    return "reported"


PARTNER_SUMMIT = re.compile(r"(?:ASEAN|Mekong|Mê Công)\s*[-–]\s*\w")


def occasion_of(meeting: Mention, start: str | None, published: date | None) -> Occasion:
    g = gz.load()
    series = meeting.key
    number = meeting.get("number")
    year = meeting.get("year")
    # "Hội nghị Cấp cao ASEAN-Nhật Bản lần thứ 27" counts the partner summits, not ASEAN's own.
    partner = bool(PARTNER_SUMMIT.search(meeting.text))
    if year is None and series and number and not partner:
        year = g.year_for(series, number)
    if year is None and start:
        year = int(start[:4])
    if year is None and published:
        year = published.year
    if number is None and series and year:
        number = g.number_for(series, year)
    return Occasion(name=meeting.get("name") or meeting.text, series=series, year=year, number=number)


def make_event(ctx: Context, kind: EventType, actor: Mention, sent: tuple[int, int], **fields) -> Event:
    ctx.n_events += 1
    doc = ctx.doc
    return Event(
        id=f"{doc.id}-{ctx.n_events}",
        type=kind,
        actor=person_of(actor),
        sources=[doc.source],
        evidence=[Evidence(source=doc.source, text=doc.text[sent[0] : sent[1]], start=sent[0], end=sent[1])],
        codes=codes_for(kind),
        article_id=doc.id,
        **fields,
    )


def foreign(country: str | None, actor: Mention) -> bool:
    own = actor.get("country")
    return bool(country) and country != (own or "VN")


def extract_sentence(ctx: Context, sent: tuple[int, int]) -> list[Event]:
    text = ctx.doc.text
    sentence = ctx.doc.norm[sent[0] : sent[1]]
    triggers = find_triggers(sentence, sent[0])
    if not triggers:
        return []
    not_travel = bool(word_pattern("not_travel").search(sentence))
    homecoming = bool(word_pattern("trip_end").search(sentence))
    events: list[Event] = []
    done_visit: set[tuple[str | None, str | None]] = set()
    visit_phrases: list[tuple[int, int]] = []
    for trigger in triggers:
        actor = choose_actor(ctx, trigger, sent, triggers)
        if actor is None:
            continue
        stop = clause_end(text, trigger.end, sent[1])
        dated = when(ctx, sent, trigger)
        start, end, end_stated = dated.start, dated.end, dated.end_stated
        status = status_of(ctx, sent, actor, trigger, start)
        between = text[actor.end : trigger.start] if actor.end <= trigger.start else ""
        invited = bool(re.search(rules()["invitation"], between)) or bool(
            word_pattern("irrealis").search(between)
        )
        common = {
            "trigger": ctx.doc.text[trigger.start : trigger.end],
            "firm": trigger.strong,
            "start": start,
            "end": end,
            "status": status,
            "year_inferred": dated.year_inferred,
            "day_month": dated.day_month,
            "day_month_end": dated.day_month_end if end_stated else None,
        }
        if trigger.type == "visit" and not not_travel and not invited:
            if not trigger.strong and any(s < trigger.start < e for s, e in visit_phrases):
                continue  # "tới" inside "chuyến thăm cấp Nhà nước tới Nhật Bản": that phrase's own word
            window = stop if trigger.strong else min(stop, trigger.end + rules()["visit"]["weak_window"])
            window = list_end(ctx, trigger.end, window)
            if trigger.strong:
                visit_phrases.append((trigger.start, window))
            owner = visit_owner(ctx, trigger, window)
            if owner is not None:
                # "chuyến thăm Nhật Bản của Thủ tướng X": the visit is X's, whoever the sentence is about.
                if owner.key is None:
                    continue
                actor = owner
            places = places_after(ctx, trigger.end, window)
            for traveller in coordinated(ctx, actor, sent):
                for place in places:
                    country = place_country(place)
                    if not foreign(country, traveller) or (traveller.key, country) in done_visit:
                        continue
                    done_visit.add((traveller.key, country))
                    city = (
                        city_name(place)
                        if place.label == "CITY" and not place.get("same_as_country")
                        else None
                    )
                    location = Location(city=city, country=country)
                    event = make_event(ctx, "visit", traveller, sent, location=location, **common)
                    event.end = end if end_stated else None
                    if homecoming and not end_stated:
                        # "về đến Hà Nội, kết thúc chuyến thăm": the day home is no day of the visit.
                        event.start = event.end = None
                    events.append(event)
        elif trigger.type == "attend":
            meetings = [m for m in ctx.inside(trigger.end, stop, "MEETING") if m.start - trigger.end < 60]
            if not meetings:
                continue
            meeting = meetings[0]
            # "Sáng 10/10, tại Thủ đô Vientiane (Lào), Thủ tướng ... tham dự ...": the place may come first.
            location = location_from(ctx, places_after(ctx, trigger.end, sent[1]) + places_at(ctx, sent))
            occasion = occasion_of(meeting, start, ctx.published)
            if location.country is None and occasion.series and occasion.year:
                location = Location(country=host_country(occasion.series, occasion.year))
            # "Thủ tướng X cùng Tổng thư ký Y ... dự Hội nghị": both attend.
            for attendee in coordinated(ctx, actor, sent):
                event = make_event(
                    ctx, "attend", attendee, sent, location=location, occasion=occasion.model_copy(), **common
                )
                event.end = end if end_stated else None
                events.append(event)
        elif trigger.type in ("meet", "call", "sign", "speak"):
            events.extend(contact_events(ctx, trigger, actor, sent, stop, common, not_travel, triggers))
    name_cities(ctx, sent, events)
    return events


GOING_HOME = re.compile(r"về nước|trở về|về đến|về tới|lên đường về|về Hà Nội")


def name_cities(ctx: Context, sent: tuple[int, int], events: list[Event]) -> None:
    """A visit's city is the city of its country the sentence names ("đến sân bay quốc tế Jose Marti
    ở Thủ đô La Habana, bắt đầu chuyến thăm cấp Nhà nước tới Cộng hòa Cuba"), or the one left for
    the next stop."""
    cities = [
        p
        for p in ctx.inside(sent[0], sent[1], "PLACE")
        if p.label == "CITY"
        and not p.get("same_as_country")
        and not ctx.within_person(p)
        and not any(m.start <= p.start < m.end for m in ctx.meetings)
    ]
    if not cities:
        return
    arrivals = places_after(ctx, sent[0], sent[1])
    going_home = bool(GOING_HOME.search(ctx.doc.norm, sent[0], sent[1]))
    for event in events:
        if event.type not in ("visit", "attend") or event.location.city or not event.location.country:
            continue
        # A city left for home ("rời thủ đô Amsterdam, lên đường về nước") is a departure point, not
        # listed (SPEC); a city left for the next stop ("rời New York đi thăm Cuba") was a stop.
        own = [
            c
            for c in cities
            if place_country(c) == event.location.country and (c in arrivals or not going_home)
        ]
        if own:
            chosen = next((c for c in own if c in arrivals), own[0])
            event.location = Location(city=city_name(chosen), country=event.location.country)


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
    # Counterparts may be listed past a ";" ("hội đàm với A; B; C"): the whole sentence after the verb.
    reach = sent[1] if trigger.type in ("meet", "call") else stop
    # ... but not past the next meeting verb, whose counterparts are its own.
    following = [t.start for t in triggers if t.start > trigger.end and t.type in ("meet", "call")]
    if following and ctx.inside(trigger.end, following[0], "PERSON"):
        reach = min(reach, following[0])
    counterparts = [
        p for p in ctx.inside(trigger.end, reach, "PERSON") if p.key != actor.key and not p.get("former")
    ]
    if actor.start > trigger.end:
        # "Tại hội đàm, A và B ...": the verb comes first, the two sides after it.
        joined = [p for p in counterparts if re.fullmatch(r"\s*(?:và|với)\s*", text[actor.end : p.start])]
        counterparts = joined or counterparts
    location = location_from(ctx, places_at(ctx, sent))
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
    return vietnamese_side_first(ctx, event)


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
        copy = event.model_copy(deep=True)
        ctx.n_events += 1
        copy.id = f"{ctx.doc.id}-{ctx.n_events}"
        copy.actor = host
        copy.counterparts = [event.actor] + [p for p in event.counterparts if p.country != "VN"]
        flipped.append(copy)
    return flipped


AT_MEETING = re.compile(r"(?:bên lề|tại|dự|tham dự|khuôn khổ|nhân dịp)\s+(?:\w+\s+){0,2}$")


def summit_location(ctx: Context, sent: tuple[int, int]) -> Location:
    """A meeting "bên lề Hội nghị Cấp cao APEC 2017" is where that summit was held."""
    for meeting in ctx.inside(sent[0], sent[1], "MEETING"):
        # Only a meeting the sentence places the event at, not one named in passing ("đại diện cho
        # ASEAN", "Chủ tịch Đại hội đồng Liên Hợp Quốc").
        if not AT_MEETING.search(ctx.doc.norm, max(sent[0], meeting.start - 24), meeting.start):
            continue
        occasion = occasion_of(meeting, None, ctx.published)
        country = host_country(occasion.series, occasion.year)
        if country:
            return Location(country=country)
    return Location()


def host_country(series: str | None, year: int | None) -> str | None:
    if not series or not year:
        return None
    edition = gz.load().edition(series, year)
    return edition.country if edition else None


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
            event.occasion.series if event.occasion else None,
        )
        same = next(
            (
                k
                for k in kept.get(key, [])
                if k.start is None or event.start is None or k.start == event.start
            ),
            None,
        )
        if same is None:
            kept.setdefault(key, []).append(event)
            continue
        same.evidence.extend(e for e in event.evidence if e not in same.evidence)
        if same.start is None and event.start is not None:
            same.start, same.end, same.year_inferred = event.start, event.end, event.year_inferred
        if same.location.city is None and event.location.city is not None:
            same.location = event.location.model_copy()
    return sorted((e for group in kept.values() for e in group), key=lambda e: events.index(e))


def infer_locations(events: list[Event]) -> None:
    """Meetings abroad are often stated without a place: take the actor's one destination."""
    destinations: dict[str, set[str]] = {}
    for event in events:
        if event.type in ("visit", "attend") and event.location.country:
            destinations.setdefault(event.actor.name, set()).add(event.location.country)
    for event in events:
        if event.location.country is None and event.type in ("meet", "sign", "speak", "attend"):
            places = destinations.get(event.actor.name, set())
            if len(places) == 1:
                event.location = Location(city=None, country=next(iter(places)))


def at_home(ctx: Context, event: Event) -> bool:
    """Is this meeting at the host's home: a home venue or a Vietnamese place in its sentence?"""
    evidence = event.evidence[0]
    sentence = ctx.doc.norm[evidence.start : evidence.end]
    if word_pattern("abroad_context").search(sentence):
        return False
    if word_pattern("home_venue").search(sentence):
        return True
    return event.location.country == "VN"


def host_visits(ctx: Context, events: list[Event]) -> list[Event]:
    """A leader at home receiving a foreign leader: `host_visit` for the host, a visit for the guest."""
    abroad = {
        e.actor.name
        for e in events
        if e.type in ("visit", "attend") and e.location.country != e.actor.country
    }
    visiting = {(e.actor.name, e.location.country) for e in events if e.type == "visit"}
    extra: list[Event] = []
    for event in events:
        if event.type != "meet" or event.actor.name in abroad or event.actor.country != "VN":
            continue
        if event.location.country not in (None, "VN") or not at_home(ctx, event):
            continue
        for guest in event.counterparts:
            if not guest.country or guest.country == "VN" or not is_leader(guest):
                continue
            if any(r == "Đại sứ" for r in guest.roles):
                continue
            host = event.model_copy(deep=True)
            ctx.n_events += 1
            host.id = f"{ctx.doc.id}-{ctx.n_events}"
            host.type = "host_visit"
            host.codes = codes_for("host_visit")
            host.counterparts = [guest]
            host.location = Location(city=event.location.city, country="VN")
            extra.append(host)
            if (guest.name, "VN") not in visiting:
                visit = host.model_copy(deep=True)
                ctx.n_events += 1
                visit.id = f"{ctx.doc.id}-{ctx.n_events}"
                visit.type = "visit"
                visit.codes = codes_for("visit")
                visit.actor = guest
                visit.counterparts = [event.actor]
                visit.end = None
                extra.append(visit)
                visiting.add((guest.name, "VN"))
    return extra


@stage("extract", requires=("text", "norm", "sentences", "mentions", "dates"), adds=("events",))
def extract(doc: Doc) -> Doc:
    ctx = Context(
        doc=doc,
        people=[m for m in doc.mentions if m.label in ("PERSON", "TITLE") and m.key],
        places=[m for m in doc.mentions if m.label in ("COUNTRY", "CITY")],
        meetings=[m for m in doc.mentions if m.label == "MEETING"],
        published=doc.published_date,
    )
    events: list[Event] = []
    for sent in doc.sentences:
        events.extend(extract_sentence(ctx, sent))
    infer_locations(events)
    events.extend(host_visits(ctx, events))
    events = without_background(without_repeats(events), doc.published_date)
    published = doc.published[:10] if doc.published else None
    for event in events:
        event.article_published = published
    doc.events = events
    return doc


# A journey that ended this long before the article's own news is background ("sau chuyến thăm
# tháng 9/2016"): SPEC lets it be given or not, and given it splits the trips of the reference.
BACKGROUND_DAYS = 120


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
