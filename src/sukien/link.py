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

from sukien.entities import same_name
from sukien.extract import is_leader
from sukien.models import Event, Leg, Occasion, Person, Trip
from sukien.normalise import fold

TRIP_TYPES = ("visit", "attend")
JOINING_TYPES = ("meet", "sign", "speak", "attend", "visit")
# Days between two dated pieces of one journey (a rest day between legs is common).
MAX_GAP_DAYS = 3
# How far apart the articles of one undated journey may be published.
UNDATED_WINDOW_DAYS = 20


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01")
        if len(value) == 4:
            return None
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def actor_key(person: Person) -> str:
    return fold(person.name)


def is_abroad(event: Event) -> bool:
    country = event.location.country
    own = event.actor.country or ("VN" if event.actor.country is None and country != "VN" else None)
    return bool(country) and country != own


def span_of(event: Event) -> tuple[date, date] | None:
    first = parse_day(event.start)
    if first is None:
        return None
    last = parse_day(event.end) or first
    return first, max(first, last)


def anchor(event: Event) -> date | None:
    dated = span_of(event)
    return dated[0] if dated else parse_day(event.article_published)


def compatible(a: Event, b: Event) -> bool:
    """Could a and b be parts of one journey of one person?"""
    sa, sb = span_of(a), span_of(b)
    if sa and sb:
        gap = max(sa[0], sb[0]) - min(sa[1], sb[1])
        return gap <= timedelta(days=MAX_GAP_DAYS)
    same_article = a.article_id is not None and a.article_id == b.article_id
    shared_place = a.location.country and a.location.country == b.location.country
    shared_occasion = (
        a.occasion and b.occasion and a.occasion.series and a.occasion.series == b.occasion.series
        and a.occasion.year == b.occasion.year
    )
    if not (shared_place or shared_occasion):
        # In one article, an undated piece belongs with the journey it is told beside.
        return same_article and not (sa or sb)
    if same_article:
        return True
    pa, pb = anchor(a), anchor(b)
    if pa and pb:
        return abs(pa - pb) <= timedelta(days=UNDATED_WINDOW_DAYS)
    return True


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


def cluster(seeds: list[Event]) -> list[list[Event]]:
    ordered = sorted(seeds, key=lambda e: (anchor(e) or date.max, e.article_id or "", e.id))
    uf = UnionFind(len(ordered))
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if compatible(a, ordered[j]):
                uf.union(i, j)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(ordered):
        groups[uf.find(i)].append(event)
    return list(groups.values())


def join_others(trips: list[list[Event]], others: list[Event]) -> None:
    """Meetings abroad join the trip whose dates (or article) they share."""
    for event in others:
        for members in trips:
            if any(compatible(event, seed) for seed in members):
                members.append(event)
                break


def best_actor(events: list[Event]) -> Person:
    names = Counter(e.actor.name for e in events)
    name = max(names, key=lambda n: (len(n.split()) >= 2, names[n], len(n)))
    roles = Counter(tuple(e.actor.roles) for e in events if e.actor.roles)
    country = Counter(e.actor.country for e in events if e.actor.country)
    return Person(
        name=name,
        roles=list(max(roles, key=lambda r: (roles[r], len(r)))) if roles else [],
        country=country.most_common(1)[0][0] if country else None,
    )


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
        if city and fold(city) not in {fold(c) for c in cities[country]}:
            cities[country].append(city)
        span = span_of(event)
        if span:
            days[(country, city)].extend(span)
            days[(country, None)].extend(span)
    legs: list[Leg] = []
    for country in countries:
        for city in cities[country] or [None]:
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
            found[key] = Occasion(name=occasion.name, series=occasion.series, year=occasion.year,
                                  number=occasion.number)
    return list(found.values())


def status_of(events: list[Event]) -> str:
    statuses = {e.status for e in events}
    if "reported" in statuses:
        return "reported"
    if "ongoing" in statuses:
        return "ongoing"
    return "planned"


def trip_id(actor: Person, events: list[Event]) -> str:
    first = min((e.id for e in events), default="")
    return "t" + hashlib.sha1(f"{fold(actor.name)}|{first}".encode()).hexdigest()[:10]


def build_trip(members: list[Event]) -> Trip:
    actor = best_actor(members)
    seeds = [e for e in members if e.type in TRIP_TYPES]
    starts = [e.start for e in members if parse_day(e.start) and len(e.start or "") == 10]
    months = [e.start for e in members if e.start and len(e.start) == 7]
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
        end=max(ends) if ends else None,
        status=status_of(members),  # type: ignore[arg-type]
        legs=legs_of(members, actor.country or "VN"),
        occasions=occasions_of(members),
        events=[e.id for e in members],
        sources=sources,
    )
    return trip


def link(events: list[Event]) -> list[Trip]:
    """Group events into trips; sets each event's `trip_id`. Deterministic for the same input."""
    trips: list[Trip] = []
    for event in events:
        event.trip_id = None
    for _key, own in sorted(group_by_actor(events).items()):
        seeds = [e for e in own if e.type in TRIP_TYPES and is_abroad(e) and is_leader(e.actor)]
        if not seeds:
            continue
        groups = cluster(seeds)
        seed_ids = {e.id for e in seeds}
        others = [
            e
            for e in own
            if e.id not in seed_ids and e.type in JOINING_TYPES and (is_abroad(e) or not e.location.country)
        ]
        join_others(groups, others)
        for members in groups:
            trip = build_trip(members)
            for event in members:
                event.trip_id = trip.id
            trips.append(trip)
    trips.sort(key=lambda t: (t.start or "9999", t.id))
    return trips
