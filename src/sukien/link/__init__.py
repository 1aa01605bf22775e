"""Linking: events of all articles grouped into trips (SPEC.md "What is a trip").

A trip is seeded by the `visit` and `attend` events that put a person in a country not their own;
meetings, signings and speeches abroad join the trip of the same person whose dates they fall in.
Two seeds of one person belong to one journey when their dates overlap or touch, or, when one is
undated, when they share a destination or an occasion and their articles appeared close in time.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from datetime import date

from sukien.lexicon.identity import Identity, identities
from sukien.lexicon.names import same_name
from sukien.link.cluster import cluster, group_by_actor, join_others, split_at_gaps, told_together
from sukien.link.pieces import (
    JOINING_TYPES,
    TRIP_TYPES,
    actor_key,
    anchor,
    city_key,
    confident,
    is_abroad,
    is_month,
    month_of,
    seeds_trip,
    span_of,
)
from sukien.models import Event, Leg, Occasion, Person, Trip, parse_day
from sukien.settings import SPLIT_GAP_DAYS
from sukien.text.fold import fold, name_key

__all__ = [
    "JOINING_TYPES",
    "TRIP_TYPES",
    "actor_key",
    "fill_years",
    "group_by_actor",
    "link",
    "link_actor",
    "people_of",
]


# "chiều 1/10, ... rời Ulaanbaatar đi thăm cấp Nhà nước tới Ireland": a leg set out for on the last day
# stated, with no last day of its own, takes the journey past every day the articles give.
SETTING_OUT = re.compile(r"(?<![\w])(?:rời|lên đường)(?![\w])")


def began_before(seeds: list[Event], starts: list[str]) -> bool:
    """A leg that ended by the first day stated, on no stated first day of its own ("Sau khi kết thúc
    chuyến thăm Czech, tối 20/1 ... tới Zurich"): the journey began on a day no article gives."""
    return bool(starts) and any(
        e.start is None and e.end is not None and len(e.end) == 10 and e.end <= min(starts) for e in seeds
    )


def goes_on(seeds: list[Event], last: str) -> bool:
    return any(
        e.start is not None
        and len(e.start) == 10
        and e.start >= last
        and e.end is None
        and all(e.location.country != other.location.country for other in seeds if other.end)
        and (
            any(SETTING_OUT.search(evidence.text) for evidence in e.evidence)
            # "Sau khi kết thúc chuyến thăm Czech, tối 20/1, ... đã tới Zurich": one leg ended, the next begun
            or any(other.end and told_together(e, other) for other in seeds)
        )
        for e in seeds
    )


def best_actor(events: list[Event], canonical: str) -> Person:
    """The person with the roles and country this journey's events give, named as its articles write
    the person's name (`trip_name`)."""
    roles: Counter[tuple[str, ...]] = Counter(tuple(e.actor.roles) for e in events if e.actor.roles)
    country = Counter(e.actor.country for e in events if e.actor.country)
    return Person(
        name=trip_name(events, canonical),
        roles=list(max(roles.items(), key=lambda item: (item[1], len(item[0])))[0]) if roles else [],
        country=country.most_common(1)[0][0] if country else None,
    )


def trip_name(events: list[Event], canonical: str) -> str:
    """The full name this journey's articles write most often (between equals, the plainer one:
    "Mikhail Mishustin") when it is the person's canonical name written another way ("Kim Jong-un" for
    "Kim Jong Un") or a part of it ("Melania"); another spelling ("V. V. Putin", "Thongloun Sioulith")
    gives way to the canonical name, so a person is never listed under two spellings."""
    names = Counter(e.actor.name for e in events)
    written = max(names, key=lambda n: (len(n.split()) >= 2, names[n], -len(n.split()), len(n)))
    key, own = name_key(canonical), name_key(written)
    return written if own == key or same_name(key, own) or transliterated(own, key) else canonical


def transliterated(own: str, key: str) -> bool:
    """The same name romanised another way in its given name only ("Sergey Lavrov" for "Sergei
    Lavrov"): as the articles write it. Not initials ("V. V. Putin") nor another surname."""
    mine, theirs = own.split(), key.split()
    return (
        len(mine) == len(theirs) >= 2
        and "." not in own
        and mine[-1] == theirs[-1]
        and mine[0][:4] == theirs[0][:4]
        and mine[0] != theirs[0]
    )


def people_of(events: list[Event]) -> list[Identity]:
    """Every person the events' actors are, once each, with the names written for them."""
    found = identities(e.actor for e in events)
    return sorted({person.key: person for person in found.values()}.values(), key=lambda p: p.key)


def legs_of(events: list[Event], home: str | None) -> list[Leg]:
    """One leg per city (or per country where no city is named), in the order of the journey."""
    ordered = sorted(events, key=lambda e: (anchor(e) or date.max, e.evidence[0].start if e.evidence else 0))
    countries: list[str] = []
    cities: dict[str, list[str]] = defaultdict(list)
    days: dict[tuple[str, str | None], list[date]] = defaultdict(list)
    months: dict[tuple[str, str | None], list[date]] = defaultdict(list)
    for event in ordered:
        country = event.location.country
        if not country or country == home:
            continue
        if country not in countries:
            countries.append(country)
        city = event.location.city
        if city and city_key(city, country) not in {city_key(c, country) for c in cities[country]}:
            cities[country].append(city)
        span = span_of(event)
        if span:
            # A month ("tháng 5") dates a leg only where no piece gives its days: beside them it
            # would stretch the leg to the month's end.
            table = months if is_month(event) else days
            table[(country, city)].extend(span)
            table[(country, None)].extend(span)
    legs: list[Leg] = []
    for country in countries:
        stops: list[str | None] = list(cities[country]) or [None]
        for city in stops:
            month_only = not days.get((country, None))
            seen = (
                days.get((country, city))
                or (days.get((country, None)) if len(stops) == 1 else None)
                or (months.get((country, city)) if month_only else None)
                or []
            )
            legs.append(
                Leg(
                    country=country,
                    city=city,
                    start=min(seen).isoformat() if seen else None,
                    end=max(seen).isoformat() if seen else None,
                )
            )
    return legs


def occasions_of(events: list[Event]) -> list[Occasion]:
    found: dict[tuple[str, int | None], Occasion] = {}
    for event in events:
        occasion = event.occasion
        if occasion is None or not occasion.series:
            continue
        key = (occasion.series, occasion.year)
        if key not in found or (occasion.number and not found[key].number):
            found[key] = Occasion(
                name=occasion.name, series=occasion.series, year=occasion.year, number=occasion.number
            )
    years_known = {series for series, year in found if year is not None}
    return [o for (series, year), o in found.items() if year is not None or series not in years_known]


def status_of(events: list[Event]) -> str:
    """Reported once any dated visit or attendance is told as done; the undated remarks around an
    announcement ("chuyến công tác có ý nghĩa lớn") do not make it reported."""
    dated = [e for e in events if e.type in TRIP_TYPES and e.start]
    statuses = {e.status for e in (dated or events)}
    if "reported" in statuses:
        return "reported"
    if "ongoing" in statuses:
        return "ongoing"
    return "planned"


def trip_id(actor: Person, events: list[Event]) -> str:
    first = min((e.id for e in events), default="")
    return "t" + hashlib.sha1(f"{fold(actor.name)}|{first}".encode()).hexdigest()[:10]


def journey_year(members: list[Event]) -> str | None:
    """The year of a journey: the one its pieces state, else the one most of them are guessed in
    (the latest between equals)."""
    stated = Counter(e.start[:4] for e in members if e.start and not e.year_inferred)
    votes = stated or Counter(e.start[:4] for e in members if e.start)
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))


def fill_years(members: list[Event], years: set[str]) -> None:
    """Pieces dated only by day and month take the year of their journey when it has one year."""
    if len(years) != 1:
        return
    year = next(iter(years))
    core = [d for d in (parse_day(e.start) for e in members if e.start) if d]
    candidates = [
        (event, day)
        for event in members
        if event.start is None and event.day_month and (day := parse_day(f"{year}-{event.day_month}"))
    ]
    if not core and candidates:
        middle = sorted(day for _, day in candidates)[len(candidates) // 2]
        core = [middle]
    for event, day in candidates:
        # Only a day near the journey's own days is one of them: "3/7" told beside a journey of
        # 21/9 is another journey, whatever year both are guessed in.
        if min(abs((day - c).days) for c in core) > SPLIT_GAP_DAYS:
            continue
        event.start = f"{year}-{event.day_month}"
        event.year_inferred = True
        if event.day_month_end and parse_day(f"{year}-{event.day_month_end}"):
            event.end = f"{year}-{event.day_month_end}"


def build_trip(members: list[Event], name: str) -> Trip:
    actor = best_actor(members, name)
    # Where some pieces state their year, the guessed years of the others do not set the dates: a
    # piece joined by its day of the year is moved into the journey's year, the rest left out.
    year = journey_year(members)
    if year:
        for event in members:
            if event.start and event.start[:4] != year and event.year_inferred:
                move_to_year(event, int(year))
    members_for_dates = [e for e in members if not e.start or e.start[:4] == year]
    if year:
        fill_years(members_for_dates, {year})
    seeds = [e for e in members_for_dates if e.type in TRIP_TYPES]
    # A meeting that names no place (perhaps at home before leaving) never sets the journey's days.
    abroad = [e for e in members_for_dates if e.type in TRIP_TYPES or is_abroad(e)]
    starts = [e.start for e in abroad if e.start and len(e.start) == 10 and parse_day(e.start)]
    months = [e.start for e in abroad if e.start and len(e.start) == 7]
    ends = [e.end for e in seeds if e.end and parse_day(e.end)]
    sources: list[str] = []
    for event in sorted(members, key=lambda e: e.id):
        for source in event.sources:
            if source not in sources:
                sources.append(source)
    first_day = min(starts) if starts else (min(months) if months else None)
    # The last day stated, unless it falls before the first (a stray end) or a leg goes on past it.
    last_day = max(ends) if ends and (not starts or max(ends) >= min(starts)) else None
    trip = Trip(
        id=trip_id(actor, members),
        actor=actor,
        start=None if began_before(seeds, starts) else first_day,
        end=last_day if last_day and not goes_on(seeds, last_day) else None,
        status=status_of(members),  # type: ignore[arg-type]
        legs=legs_of(members_for_dates, home_of(actor, seeds or members)),
        occasions=occasions_of(members),
        events=[e.id for e in members],
        sources=sources,
    )
    trip.year = year_of(trip, members)
    if trip.status == "planned" and told_after(trip, members):
        trip.status = "reported"
    return trip


def home_of(actor: Person, seeds: list[Event]) -> str | None:
    """The country a journey leaves from: the actor's; for someone of unknown country, Viet Nam
    unless the journey comes to Viet Nam (a foreign guest whose country the text does not say)."""
    if actor.country:
        return actor.country
    return None if any(e.location.country == "VN" for e in seeds) else "VN"


def move_to_year(event: Event, year: int) -> None:
    """A guessed year yields to the journey's stated one (the day and month are the text's own)."""
    for field in ("start", "end"):
        value = getattr(event, field)
        day = parse_day(value) if value and len(value) == 10 else None
        if day is None:
            continue
        try:
            setattr(event, field, day.replace(year=year).isoformat())
        except ValueError:  # 29 February
            setattr(event, field, None)


def year_of(trip: Trip, members: list[Event]) -> int | None:
    """The journey's year: its dates', else the one year all its articles were published in; None
    (and so marked) when no text and no article tells it. Never guessed from another story."""
    if trip.start:
        return int(trip.start[:4])
    years = {e.article_published[:4] for e in members if e.article_published}
    if len(years) == 1 and all(e.article_published for e in members):
        return int(next(iter(years)))
    return None


def told_after(trip: Trip, members: list[Event]) -> bool:
    """An announced journey that an article published after its last day still tells of took place."""
    last = parse_day(trip.end or trip.start)
    published = [parse_day(e.article_published) for e in members if e.article_published]
    return last is not None and any(day is not None and day > last for day in published)


def link(events: list[Event]) -> list[Trip]:
    """Group events into trips; sets each event's `trip_id`. Deterministic for the same input."""
    trips: list[Trip] = []
    for event in events:
        event.trip_id = None
    # Events in history ("năm 1930, ...") are what an article recalls, not a journey it reports.
    events = [e for e in events if not e.historical]
    people = identities(e.actor for e in events)
    for _key, own in sorted(group_by_actor(events, people).items()):
        name = people[actor_key(own[0].actor)].name
        seeds = [e for e in own if seeds_trip(e)]
        if not seeds:
            continue
        groups = [part for g in cluster(seeds) for part in split_at_gaps(g) if confident(part)]
        seed_ids = {e.id for e in seeds}
        others = [
            e
            for e in own
            if e.id not in seed_ids
            and e.type in JOINING_TYPES
            and not e.remote
            and (is_abroad(e) or not e.location.country)
        ]
        join_others(groups, others)
        for members in merged_overlaps(groups, name):
            trip = build_trip(members, name)
            for event in members:
                event.trip_id = trip.id
            trips.append(trip)
    trips.sort(key=lambda t: (t.start or "9999", t.id))
    return trips


def merged_overlaps(groups: list[list[Event]], name: str) -> list[list[Event]]:
    """One person is on one journey at a time: two journeys whose days overlap (a month told alone
    covering its month) and that reach a country in common are one, told in pieces the clustering
    kept apart (a plan dated by its announcement, a leg dated by a range). Journeys with no country in
    common stay apart: their overlap is a wrong date, which merging would spread."""
    # Each journey's days are computed once, and again only for a journey just joined; the pairs are
    # tried in order, the first that overlaps is joined, and the search starts again from the top.
    spans = [(days_of(build_trip(g, name)), list(g)) for g in groups]
    done: list[tuple[tuple[date, date] | None, list[Event]]] = []
    while spans:
        days, group = spans.pop(0)
        partner = next(
            (
                i
                for i, (other_days, other) in enumerate(spans)
                if days is not None
                and other_days is not None
                and days[0] <= other_days[1]
                and other_days[0] <= days[1]
                and destinations(group) & destinations(other)
            ),
            None,
        )
        if partner is None:
            done.append((days, group))
            continue
        _, other = spans.pop(partner)
        group.extend(e for e in other if e not in group)
        spans = [*done, (days_of(build_trip(group, name)), group), *spans]
        done = []
    return [group for _, group in done]


def days_of(trip: Trip) -> tuple[date, date] | None:
    """A trip's first and last day: its start to its end (no end: the start's one day, or its whole
    month where only the month is told)."""
    first = parse_day(trip.start) if trip.start and len(trip.start) == 10 else None
    if first is None and trip.start and len(trip.start) == 7:
        month = parse_day(f"{trip.start}-01")
        return month_of(month) if month is not None else None
    if first is None:
        return None
    last = parse_day(trip.end) if trip.end else None
    return first, max(first, last or first)


def destinations(members: list[Event]) -> set[str]:
    return {e.location.country for e in members if e.type in TRIP_TYPES and e.location.country}


def link_actor(events: list[Event]) -> list[Trip]:
    """The trips of one person's events (one group of `group_by_actor`, in `link`'s input order), for
    an engine that groups events by actor itself and links each group apart; the same as `link`."""
    return link(events)
