"""Linking: events of all articles grouped into trips (SPEC.md "What is a trip").

A trip is seeded by the `visit` and `attend` events that put a person in a country not their own;
meetings, signings and speeches abroad join the trip of the same person whose dates they fall in.
Two seeds of one person belong to one journey when their dates overlap or touch, or, when one is
undated, when they share a destination or an occasion and their articles appeared close in time.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date, timedelta

from sukien import event_types
from sukien.extract.actors import is_leader
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import same_name
from sukien.models import Event, Leg, Occasion, Person, Trip, parse_day
from sukien.settings import (
    MAX_GAP_DAYS,
    MAX_TRIP_DAYS,
    OPEN_VISIT_DAYS,
    SPLIT_GAP_DAYS,
    UNDATED_WINDOW_DAYS,
)
from sukien.text.fold import fold, name_key

TRIP_TYPES = event_types.with_link("seeds")  # visit, attend: what a trip is made of
JOINING_TYPES = event_types.with_link("seeds", "joins")  # what may join a trip of its person and days


def actor_key(person: Person) -> str:
    """The name's key (`text.fold.name_key`): "Kim Jong-un" and "Kim Jong Un" are one person."""
    return name_key(person.name)


def is_abroad(event: Event) -> bool:
    """In a country not the actor's; an actor of unknown country is taken for Vietnamese abroad and a
    foreigner in Viet Nam."""
    country = event.location.country
    own = event.actor.country or ("VN" if country != "VN" else None)
    return bool(country) and country != own


def confident(seeds: list[Event]) -> bool:
    """A journey no piece dates is taken only when one piece states it firmly ("thăm chính thức",
    "chuyến thăm", "dự Hội nghị"): a bare "tới Tehran" in a headline summary is too little."""
    return any(e.start or e.day_month for e in seeds) or any(e.firm for e in seeds)


def present_abroad(event: Event) -> bool:
    """A meeting, signing or speech whose own sentence places it abroad ("tại Thủ đô Praha, Cộng hòa
    Czech, Thủ tướng ... chứng kiến lễ ký kết") puts its actor there as surely as "thăm" does."""
    return event.type in JOINING_TYPES and event.location_stated and is_abroad(event)


def seeds_trip(event: Event) -> bool:
    if event.remote or not (event.type in TRIP_TYPES and is_abroad(event)) and not present_abroad(event):
        return False
    return is_leader(event.actor) and placed(event)


def placed(event: Event) -> bool:
    """A journey abroad of someone whose country is unknown is a guess ("Starmer" in Britain is at
    home): such a person's trip is taken only when it brings them to Viet Nam."""
    return event.actor.country is not None or event.location.country == "VN"


def span_of(event: Event) -> tuple[date, date] | None:
    """The days an event covers; a month-precision date ("2017-11") covers its whole month."""
    first = parse_day(event.start)
    if first is None:
        return None
    if event.start and len(event.start) == 7:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    last = parse_day(event.end) or first
    return first, max(first, last)


def anchor(event: Event) -> date | None:
    dated = span_of(event)
    return dated[0] if dated else parse_day(event.article_published)


def shares_purpose(a: Event, b: Event) -> bool:
    """Same destination country, or the same recurring meeting of the same year."""
    if a.location.country and a.location.country == b.location.country:
        return True
    return bool(
        a.occasion
        and b.occasion
        and a.occasion.series
        and a.occasion.series == b.occasion.series
        and a.occasion.year == b.occasion.year
    )


def near_in_time(a: Event, b: Event) -> bool:
    """Articles of one undated journey appear close together. Two pieces of which one has no date
    and no dated article are not known to be near: a shared destination alone chained the journeys
    of years into one (the archive's 2016-2019 "trips")."""
    pa, pb = anchor(a), anchor(b)
    if pa and pb:
        return abs(pa - pb) <= timedelta(days=UNDATED_WINDOW_DAYS)
    return False


def near_or_unknown(a: Event, b: Event) -> bool:
    pa, pb = anchor(a), anchor(b)
    return near_in_time(a, b) if pa and pb else True


def alike(a: Event, b: Event) -> bool:
    """Two pieces no date places that still tell one journey: the same city abroad, the same meeting
    (of one year, where both say), or the same days of the year. A shared country alone is not enough."""
    if not shares_purpose(a, b):
        return False
    ca, cb = a.location.city, b.location.city
    country = a.location.country or ""
    if (
        ca
        and cb
        and a.location.country == b.location.country
        and city_key(ca, country) == city_key(cb, country)
    ):
        return True
    if a.occasion and b.occasion and a.occasion.series and a.occasion.series == b.occasion.series:
        return a.occasion.year is None or b.occasion.year is None or a.occasion.year == b.occasion.year
    return day_of_year(a) is not None and day_of_year(b) is not None and days_agree(a, b)


def close(sa: tuple[date, date], sb: tuple[date, date]) -> bool:
    return max(sa[0], sb[0]) - min(sa[1], sb[1]) <= timedelta(days=MAX_GAP_DAYS)


def in_year(span: tuple[date, date], year: int) -> tuple[date, date] | None:
    try:
        shift = year - span[0].year
        return span[0].replace(year=year), span[1].replace(year=span[1].year + shift)
    except ValueError:  # 29 February
        return None


def is_month(event: Event) -> bool:
    return bool(event.start) and len(event.start or "") == 7


def overlapping(a: Event, b: Event) -> bool:
    """Dates that overlap or touch; a guessed year may be overruled by the other's stated year."""
    sa, sb = span_of(a), span_of(b)
    if not (sa and sb):
        return False
    if (is_month(a) or is_month(b)) and not shares_purpose(a, b):
        # A month ("cuối tháng này") ties another destination only when one article tells both, and
        # by a day inside it: from two articles it bridged two journeys of one month into one.
        same_article = a.article_id is not None and a.article_id == b.article_id
        return same_article and max(sa[0], sb[0]) <= min(sa[1], sb[1])
    if close(sa, sb):
        return True
    # An open-ended visit (no last day stated) goes on for days after its start.
    if shares_purpose(a, b) and max(sa[0], sb[0]) - min(sa[1], sb[1]) <= timedelta(days=OPEN_VISIT_DAYS):
        return True
    if (a.year_inferred or b.year_inferred) and shares_purpose(a, b):
        # Guessed years disagree more often than journeys repeat on the same days of the year.
        weak, strong = (sa, sb) if a.year_inferred else (sb, sa)
        moved = in_year(weak, strong[0].year)
        return moved is not None and max(moved[0], strong[0]) - min(moved[1], strong[1]) <= timedelta(
            days=OPEN_VISIT_DAYS
        )
    return False


def compatible(a: Event, b: Event) -> bool:
    """Could a and b be parts of one journey of one person?"""
    if span_of(a) and span_of(b):
        return overlapping(a, b)
    same_article = a.article_id is not None and a.article_id == b.article_id
    return (same_article or near_in_time(a, b)) and shares_purpose(a, b)


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def group_by_actor(events: list[Event]) -> dict[str, list[Event]]:
    """Events keyed by the fullest name of their actor ("Phúc" joins "Nguyễn Xuân Phúc")."""
    keys = sorted({actor_key(e.actor) for e in events}, key=len, reverse=True)
    canonical: dict[str, str] = {}
    for key in keys:
        canonical[key] = next((k for k in keys if len(k) > len(key) and same_name(k, key)), key)
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        groups[canonical[actor_key(event.actor)]].append(event)
    return groups


def day_of_year(event: Event) -> date | None:
    """The event's month and day in a leap year, for comparing days when years are unknown."""
    if event.start:
        day = parse_day(event.start)
        return day.replace(year=2000) if day and len(event.start) == 10 else None
    return parse_day(f"2000-{event.day_month}") if event.day_month else None


def days_agree(a: Event, b: Event) -> bool:
    da, db = day_of_year(a), day_of_year(b)
    if da is None or db is None:
        return True
    gap = abs((da - db).days)
    return min(gap, 366 - gap) <= OPEN_VISIT_DAYS


def fits_days(event: Event, members: list[Event]) -> bool:
    """Whether a piece known only by day and month can belong to this journey: on its days of the
    year, and inside the month of a journey known only by its month."""
    if not event.day_month:
        return True
    months = {m.start[5:7] for m in members if m.start and len(m.start) == 7}
    if months and not any(day_of_year(m) for m in members) and event.day_month[:2] not in months:
        return False
    return any(days_agree(event, m) for m in members if day_of_year(m) is not None) or not any(
        day_of_year(m) for m in members
    )


def cluster(seeds: list[Event]) -> list[list[Event]]:
    """Dated pieces first, by overlapping dates; then each undated piece joins the journey it shares
    an article and a purpose with, else the one journey its article tells of, else one that shares
    its purpose close in time; the rest group among themselves."""
    ordered = sorted(seeds, key=lambda e: (anchor(e) or date.max, e.article_id or "", e.id))
    dated = [e for e in ordered if span_of(e)]
    undated = [e for e in ordered if not span_of(e)]
    uf = UnionFind(len(dated))
    for i, a in enumerate(dated):
        for j in range(i + 1, len(dated)):
            if overlapping(a, dated[j]):
                uf.union(i, j)
    by_root: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(dated):
        by_root[uf.find(i)].append(event)
    groups = list(by_root.values())
    rest: list[Event] = []
    for event in undated:
        # A piece dated by day and month alone only joins a journey on those days of the year.
        groups_here = [g for g in groups if fits_days(event, g)]
        same_article = [g for g in groups_here if any(m.article_id == event.article_id for m in g)]
        with_purpose = [g for g in same_article if any(shares_purpose(event, m) for m in g)]
        if with_purpose:
            with_purpose[0].append(event)
        elif len(same_article) == 1:
            same_article[0].append(event)
        else:
            # With no date of its own, it joins the one journey of its purpose near in time; where
            # no date tells (an undated archive) the one journey of its purpose at all.
            nearby = [
                g
                for g in groups_here
                if any(shares_purpose(event, m) and near_or_unknown(event, m) for m in g)
            ]
            if len(nearby) == 1:
                nearby[0].append(event)
            else:
                rest.append(event)
    uf = UnionFind(len(rest))
    for i, a in enumerate(rest):
        for j in range(i + 1, len(rest)):
            b = rest[j]
            if (a.article_id == b.article_id or compatible(a, b) or alike(a, b)) and days_agree(a, b):
                uf.union(i, j)
    by_root = defaultdict(list)
    for i, event in enumerate(rest):
        by_root[uf.find(i)].append(event)
    return groups + list(by_root.values())


def split_at_gaps(members: list[Event]) -> list[list[Event]]:
    """One journey has no gap of weeks between its dated pieces: a chain that has one is two
    journeys (pieces joined through a shared article or a guessed year). The undated pieces go with
    the part their article dates, else the part of their destination, else the first."""
    dated = sorted((e for e in members if span_of(e) and not is_month(e)), key=lambda e: span_of(e) or ())
    if len(dated) < 2:
        return [members]
    parts: list[list[Event]] = [[dated[0]]]
    last = (span_of(dated[0]) or (date.min, date.min))[1]
    for event in dated[1:]:
        span = span_of(event) or (date.min, date.min)
        if span[0] - last > timedelta(days=SPLIT_GAP_DAYS):
            parts.append([])
        parts[-1].append(event)
        last = max(last, span[1])
    parts = [piece for part in parts for piece in within_longest_trip(part)]
    if len(parts) == 1:
        return [members]
    placed_ids = {e.id for part in parts for e in part}
    for event in members:
        if event.id in placed_ids:
            continue
        home = next((p for p in parts if any(m.article_id == event.article_id for m in p)), None)
        home = home or next((p for p in parts if any(shares_purpose(event, m) for m in p)), parts[0])
        home.append(event)
    return parts


def within_longest_trip(dated: list[Event]) -> list[list[Event]]:
    """A chain of dated pieces, each a few days after the last, that runs longer than any journey
    (MAX_TRIP_DAYS) is several journeys told on neighbouring days: cut at its widest gaps until each
    part is short enough."""
    spans = [span_of(e) or (date.min, date.min) for e in dated]
    if len(dated) < 2 or (max(s[1] for s in spans) - spans[0][0]).days <= MAX_TRIP_DAYS:
        return [dated]
    reach = spans[0][1]
    gaps = []
    for index in range(1, len(dated)):
        gaps.append((spans[index][0] - reach, index))
        reach = max(reach, spans[index][1])
    cut = max(gaps)[1]
    return within_longest_trip(dated[:cut]) + within_longest_trip(dated[cut:])


def join_others(trips: list[list[Event]], others: list[Event]) -> None:
    """Meetings abroad join the trip whose dates (or article) they share; a dated meeting outside a
    dated trip's days (a past meeting recalled in a caption) does not."""
    seeds_of = [list(members) for members in trips]  # joining compares with seeds, never with joiners
    for event in others:
        for members, seeds in zip(trips, seeds_of, strict=True):
            if not event.location.country and not joins_unplaced(event, seeds):
                continue
            if not any(compatible(event, seed) for seed in seeds):
                continue
            spans = [s for s in (span_of(m) for m in seeds) if s]
            day = span_of(event)
            trip = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
            if day and trip and not close_enough(day, trip):
                # A guessed year may be wrong, the day and month not: moved into the journey's
                # year, the piece must still fall on its days.
                moved = in_year(day, trip[0].year) if event.year_inferred else None
                if moved is None or not close_enough(moved, trip):
                    continue
            members.append(event)
            break


def joins_unplaced(event: Event, seeds: list[Event]) -> bool:
    """A meeting that names no place may be at home: it joins a journey only when its article tells
    of that journey, or when it falls within the journey's own days."""
    if any(seed.article_id == event.article_id for seed in seeds):
        return True
    day = span_of(event)
    spans = [s for s in (span_of(m) for m in seeds) if s]
    if not day or not spans or is_month(event):
        return False
    return min(s[0] for s in spans) <= day[0] and day[1] <= max(s[1] for s in spans)


def close_enough(day: tuple[date, date], trip: tuple[date, date]) -> bool:
    return max(day[0], trip[0]) - min(day[1], trip[1]) <= timedelta(days=OPEN_VISIT_DAYS)


def best_actor(events: list[Event]) -> Person:
    names = Counter(e.actor.name for e in events)
    # The full name most often written; between equals, the plainer one ("Mikhail Mishustin").
    name = max(names, key=lambda n: (len(n.split()) >= 2, names[n], -len(n.split()), len(n)))
    roles: Counter[tuple[str, ...]] = Counter(tuple(e.actor.roles) for e in events if e.actor.roles)
    country = Counter(e.actor.country for e in events if e.actor.country)
    return Person(
        name=name,
        roles=list(max(roles.items(), key=lambda item: (item[1], len(item[0])))[0]) if roles else [],
        country=country.most_common(1)[0][0] if country else None,
    )


def city_key(name: str, country: str) -> str:
    """One key for the writings of one city ("TPHCM", "Thành phố Hồ Chí Minh"; "Moskva", "Moscow")."""
    known = gz.load().city(name, country)
    return known.name if known is not None and known.country == country else fold(name)


def legs_of(events: list[Event], home: str | None) -> list[Leg]:
    """One leg per city (or per country where no city is named), in the order of the journey."""
    ordered = sorted(events, key=lambda e: (anchor(e) or date.max, e.evidence[0].start if e.evidence else 0))
    countries: list[str] = []
    cities: dict[str, list[str]] = defaultdict(list)
    days: dict[tuple[str, str | None], list[date]] = defaultdict(list)
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
            days[(country, city)].extend(span)
            days[(country, None)].extend(span)
    legs: list[Leg] = []
    for country in countries:
        stops: list[str | None] = list(cities[country]) or [None]
        for city in stops:
            seen = days.get((country, city)) or []
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


def build_trip(members: list[Event]) -> Trip:
    actor = best_actor(members)
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
    trip = Trip(
        id=trip_id(actor, members),
        actor=actor,
        start=min(starts) if starts else (min(months) if months else None),
        end=max(ends) if ends and (not starts or max(ends) >= min(starts)) else None,
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
    for _key, own in sorted(group_by_actor(events).items()):
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
        for members in groups:
            trip = build_trip(members)
            for event in members:
                event.trip_id = trip.id
            trips.append(trip)
    trips.sort(key=lambda t: (t.start or "9999", t.id))
    return trips


def link_actor(events: list[Event]) -> list[Trip]:
    """The trips of one person's events (one group of `group_by_actor`, in `link`'s input order), for
    an engine that groups events by actor itself and links each group apart; the same as `link`."""
    return link(events)
