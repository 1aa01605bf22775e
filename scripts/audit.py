#!/usr/bin/env python3
"""Audit a sukien database: print the trips no sane record has, each with its evidence.

    python scripts/audit.py --db FILE [--format text|json] [--limit N]

Classes of finding (each check is a pure function over lists of Trip and Event, so tests can feed
them small hand-made records):

- long:           a trip longer than 45 days (and how many are longer than 14, 30, 45 days);
- no_date/no_year: a trip with no date anywhere (nor in its legs or events) / with no start and no
                  end, so no year; the share of trips without a year should stay <= 5%;
- overlap:        two trips of one leader (same folded name) whose date ranges intersect;
- multi_year:     a trip whose own dates, legs or events fall in more than one calendar year;
- actor_year:     a leader abroad on more than 120 days of one year (sum of trip days);
- home_reception: a trip whose events are all meetings or receptions in the actor's own country;
- longest/widest: the longest trips and the trips with the most countries, for a look.

A trip's length is the span of the day-precision dates the record itself prints: its start and
end and the start and end of each leg. Only `open_store(path)`, `store.trips(Filters())`,
`store.events(Filters())` and the SPEC fields of Trip and Event are used.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sukien.models import Event, Trip

LONG_DAYS = 45
LENGTH_STEPS = (14, 30, 45)
ABROAD_DAYS = 120
NO_YEAR_TARGET = 0.05
HOME_TYPES = frozenset({"meet", "host_visit"})
CUT = 200
TOP = 10

Span = tuple[date, date]


# -- dates and names ----------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, single spaces (as the store folds actor names)."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def bounds(value: str | None) -> Span | None:
    """The first and last day an ISO date, month (2017-11) or year (2017) stands for."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, following - timedelta(days=1)
        if len(value) == 4:
            year = int(value)
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def day_of(value: str | None) -> date | None:
    """A date at day precision, else None."""
    found = bounds(value)
    return found[0] if found and found[0] == found[1] else None


def trip_span(trip: Trip) -> Span | None:
    """The days the trip states: start..end (a month start counts its first day; no end, one day)."""
    first, last = bounds(trip.start), bounds(trip.end)
    if first is None:
        if last is None:
            return None
        first = last
    lo = first[0]
    hi = last[1] if last else lo
    return (lo, hi) if hi >= lo else (hi, lo)


def reach_span(trip: Trip) -> Span | None:
    """The stated span widened by every day-precision date of its legs."""
    days = [d for d in (day_of(v) for leg in trip.legs for v in (leg.start, leg.end)) if d is not None]
    stated = trip_span(trip)
    if stated:
        days += list(stated)
    return (min(days), max(days)) if days else None


def days_in(span: Span | None) -> int | None:
    return (span[1] - span[0]).days + 1 if span else None


def length(trip: Trip) -> int | None:
    """Days from start to end, as the trip states them."""
    return days_in(trip_span(trip))


def reach(trip: Trip) -> int | None:
    """Days from the first to the last date the trip or its legs state."""
    return days_in(reach_span(trip))


def countries(trip: Trip) -> list[str]:
    return list(dict.fromkeys(leg.country for leg in trip.legs))


def members(trip: Trip, events: dict[str, Event]) -> list[Event]:
    return [events[i] for i in trip.events if i in events]


def years_of(trip: Trip, events: dict[str, Event]) -> set[int]:
    """Every calendar year the trip's own dates, its legs and its events fall in."""
    values = [trip.start, trip.end]
    values += [v for leg in trip.legs for v in (leg.start, leg.end)]
    values += [v for event in members(trip, events) for v in (event.start, event.end)]
    years: set[int] = set()
    for value in values:
        found = bounds(value)
        if found:
            years.update(range(found[0].year, found[1].year + 1))
    return years


def has_any_date(trip: Trip, events: dict[str, Event]) -> bool:
    return bool(years_of(trip, events))


# -- findings -----------------------------------------------------------------------------------


@dataclass
class Finding:
    kind: str
    note: str
    trips: list[Trip]
    score: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)


def check_long(trips: Sequence[Trip], limit_days: int = LONG_DAYS) -> list[Finding]:
    found = []
    for trip in trips:
        days, wide = length(trip) or 0, reach(trip) or 0
        if max(days, wide) > limit_days:
            note = f"{days} days stated" + (f", {wide} days with its legs' dates" if wide != days else "")
            found.append(Finding("long", note, [trip], max(days, wide), {"days": days, "reach": wide}))
    return sorted(found, key=lambda f: -f.score)


def length_distribution(trips: Sequence[Trip]) -> dict[str, int]:
    """How many trips state a length over 14, 30, 45 days; and over 45 once legs' dates count."""
    lengths = [d for d in (length(t) for t in trips) if d is not None]
    counts = {f"> {step} days": sum(1 for d in lengths if d > step) for step in LENGTH_STEPS}
    wide = sum(1 for t in trips if (reach(t) or 0) > LONG_DAYS)
    return {"with a length": len(lengths), **counts, f"> {LONG_DAYS} days with legs": wide}


def check_undated(trips: Sequence[Trip], events: dict[str, Event]) -> tuple[list[Finding], list[Finding]]:
    """(trips with no date anywhere, trips with neither start nor end nor a year from their articles)."""
    no_date, no_year = [], []
    for trip in trips:
        if trip.start or trip.end:
            continue
        if trip.year is not None:  # no day stated, but its articles' dates tell the year
            continue
        if has_any_date(trip, events):
            years = sorted(years_of(trip, events))
            no_year.append(Finding("no_year", f"no start/end; pieces dated {years}", [trip]))
        else:
            finding = Finding("no_date", "no date in the trip, its legs or its events", [trip])
            no_date.append(finding)
            no_year.append(Finding("no_year", finding.note, [trip]))
    return no_date, no_year


def check_overlaps(trips: Sequence[Trip]) -> list[Finding]:
    by_actor: dict[str, list[tuple[Span, Trip]]] = defaultdict(list)
    for trip in trips:
        span = trip_span(trip)
        if span:
            by_actor[fold(trip.actor.name)].append((span, trip))
    found = []
    for own in by_actor.values():
        own.sort(key=lambda item: (item[0], item[1].id))
        for i, (span_a, a) in enumerate(own):
            for span_b, b in own[i + 1 :]:
                if span_b[0] > span_a[1]:
                    break
                shared = (min(span_a[1], span_b[1]) - span_b[0]).days + 1
                note = f"{shared} shared days: {span_a[0]}..{span_a[1]} and {span_b[0]}..{span_b[1]}"
                found.append(Finding("overlap", note, [a, b], shared, {"shared_days": shared}))
    return sorted(found, key=lambda f: -f.score)


def check_multi_year(trips: Sequence[Trip], events: dict[str, Event]) -> list[Finding]:
    found = []
    for trip in trips:
        years = sorted(years_of(trip, events))
        if len(years) > 1:
            note = f"years {', '.join(map(str, years))}"
            found.append(Finding("multi_year", note, [trip], years[-1] - years[0], {"years": years}))
    return sorted(found, key=lambda f: (-f.score, -len(f.data["years"])))


def days_per_year(span: Span) -> dict[int, int]:
    out = {}
    for year in range(span[0].year, span[1].year + 1):
        first, last = max(span[0], date(year, 1, 1)), min(span[1], date(year, 12, 31))
        out[year] = (last - first).days + 1
    return out


def check_actor_years(trips: Sequence[Trip], limit_days: int = ABROAD_DAYS) -> list[Finding]:
    days: Counter[tuple[str, int]] = Counter()
    own: dict[tuple[str, int], list[tuple[int, Trip]]] = defaultdict(list)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for trip in trips:
        span = trip_span(trip)
        if not span:
            continue
        key = fold(trip.actor.name)
        names[key][trip.actor.name] += 1
        for year, count in days_per_year(span).items():
            days[(key, year)] += count
            own[(key, year)].append((count, trip))
    found = []
    for (key, year), total in days.most_common():
        if total <= limit_days:
            break
        ranked = [t for _, t in sorted(own[(key, year)], key=lambda item: (-item[0], item[1].id))]
        name = names[key].most_common(1)[0][0]
        note = f"{name}: {total} days abroad in {year} over {len(ranked)} trips"
        data = {"actor": name, "year": year, "days": total, "trips": len(ranked)}
        found.append(Finding("actor_year", note, ranked, total, data))
    return found


def longest(trips: Sequence[Trip], top: int = TOP) -> list[Finding]:
    dated = [(d, t) for t in trips if (d := length(t)) is not None]
    dated.sort(key=lambda item: (-item[0], item[1].id))
    return [Finding("longest", f"{d} days", [t], d) for d, t in dated[:top]]


def widest(trips: Sequence[Trip], top: int = TOP) -> list[Finding]:
    ranked = sorted(trips, key=lambda t: (-len(countries(t)), t.id))
    return [
        Finding("widest", plural(len(countries(t)), "country"), [t], len(countries(t))) for t in ranked[:top]
    ]


def plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word[:-1] + 'ies' if word.endswith('y') else word + 's'}"


def check_home_reception(trips: Sequence[Trip], events: dict[str, Event]) -> list[Finding]:
    """A reception at home made into a trip: every event a meet/host_visit in the actor's own country."""
    found = []
    for trip in trips:
        home = trip.actor.country
        own = members(trip, events)
        if not home or not own:
            continue
        if all(e.type in HOME_TYPES and e.location.country == home for e in own):
            found.append(Finding("home_reception", f"{len(own)} events, all meetings in {home}", [trip]))
    return found


@dataclass
class Report:
    summary: dict[str, Any]
    lengths: dict[str, int]
    sections: dict[str, list[Finding]]


TITLES = {
    "long": f"Trips longer than {LONG_DAYS} days",
    "no_date": "Trips with no date at all",
    "no_year": "Trips with no year (neither start nor end)",
    "overlap": "Two trips of one leader overlapping in time",
    "multi_year": "Trips whose dates, legs or events span more than one calendar year",
    "actor_year": f"Leaders abroad more than {ABROAD_DAYS} days of one year",
    "home_reception": "Trips whose events are all meetings in the actor's own country",
    "longest": f"The {TOP} longest trips",
    "widest": f"The {TOP} widest trips (most countries)",
}


def from_undated_articles(trip: Trip, events: dict[str, Event]) -> bool:
    """A trip no article can date: none of its articles has a publication date and none of its
    pieces a date. Its year cannot be told without guessing from another story, so it stays null
    (the marker), and the audit counts it apart from the trips whose year went missing."""
    pieces = [events[e] for e in trip.events if e in events]
    return bool(pieces) and not has_any_date(trip, events) and all(not e.article_published for e in pieces)


def audit(trips: Sequence[Trip], events: Iterable[Event]) -> Report:
    by_id = {e.id: e for e in events}
    no_date, no_year = check_undated(trips, by_id)
    untellable = sum(1 for f in no_year for t in f.trips if from_undated_articles(t, by_id))
    sections = {
        "long": check_long(trips),
        "no_date": no_date,
        "no_year": no_year,
        "overlap": check_overlaps(trips),
        "multi_year": check_multi_year(trips, by_id),
        "actor_year": check_actor_years(trips),
        "home_reception": check_home_reception(trips, by_id),
        "longest": longest(trips),
        "widest": widest(trips),
    }
    total = len(trips)
    share = len(no_year) / total if total else 0.0
    summary: dict[str, Any] = {
        "trips": total,
        "events": len(by_id),
        "events_in_trips": sum(1 for e in by_id.values() if e.trip_id),
        "trip_actors": len({fold(t.actor.name) for t in trips}),
        "event_actors": len({fold(e.actor.name) for e in by_id.values()}),
        "trips_without_legs": sum(1 for t in trips if not t.legs),
        "trips_month_only": sum(1 for t in trips if t.start and len(t.start) == 7 and not day_of(t.end)),
        "no_date_share": round(len(no_date) / total, 4) if total else 0.0,
        "no_year_share": round(share, 4),
        "no_year_ok": share <= NO_YEAR_TARGET,
        # Of the trips without a year, those whose articles carry no date and state none (an undated
        # archive), and the share of all trips that lack a year their own articles could tell.
        "no_year_undated_articles": untellable,
        "no_year_tellable_share": round((len(no_year) - untellable) / total, 4) if total else 0.0,
    }
    summary.update(
        {kind: len(found) for kind, found in sections.items() if kind not in ("longest", "widest")}
    )
    return Report(summary, length_distribution(trips), sections)


# -- output -------------------------------------------------------------------------------------


def cut(text: str, size: int = CUT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def quotes(trip: Trip, events: dict[str, Event], count: int = 2) -> list[dict[str, Any]]:
    """Evidence of the earliest and the latest dated event (the ends of the span), else any two."""
    own = [e for e in members(trip, events) if e.evidence]
    dated = sorted((e for e in own if e.start), key=lambda e: (e.start or "", e.id))
    undated = [e for e in own if not e.start]
    picked = dated[:1] + dated[-1:] if len(dated) > 1 else dated + undated
    picked = picked[:count]
    return [
        {
            "event": e.id,
            "type": e.type,
            "start": e.start,
            "country": e.location.country,
            "source": e.evidence[0].source,
            "text": cut(e.evidence[0].text),
        }
        for e in picked
    ]


def describe(trip: Trip, events: dict[str, Event]) -> dict[str, Any]:
    return {
        "id": trip.id,
        "actor": trip.actor.name,
        "roles": trip.actor.roles,
        "country": trip.actor.country,
        "start": trip.start,
        "end": trip.end,
        "days": length(trip),
        "reach": reach(trip),
        "status": trip.status,
        "countries": countries(trip),
        "legs": [
            f"{leg.country}{'/' + leg.city if leg.city else ''} {leg.start}..{leg.end}" for leg in trip.legs
        ],
        "events": len(trip.events),
        "sources": trip.sources,
        "evidence": quotes(trip, events),
    }


def as_json(report: Report, events: dict[str, Event], limit: int) -> dict[str, Any]:
    return {
        "summary": report.summary,
        "lengths": report.lengths,
        "findings": {
            kind: [
                {"note": f.note, **f.data, "trips": [describe(t, events) for t in f.trips[:3]]}
                for f in found[:limit]
            ]
            for kind, found in report.sections.items()
        },
    }


def trip_lines(trip: Trip, events: dict[str, Event]) -> list[str]:
    d = describe(trip, events)
    roles = f" [{', '.join(d['roles'])}]" if d["roles"] else ""
    sources = ", ".join(d["sources"][:3]) + (f" +{len(d['sources']) - 3}" if len(d["sources"]) > 3 else "")
    days = f"{d['days'] or '?'} d"
    if d["reach"] != d["days"]:
        days += f", {d['reach']} d with legs"
    lines = [
        f"    {d['id']} {d['actor']}{roles} {d['country'] or '?'} · {d['start']}..{d['end']}"
        f" ({days}, {d['status']}) · {', '.join(d['countries']) or 'no legs'}"
        f" · {d['events']} events · {len(d['sources'])} sources: {sources}",
    ]
    if len(trip.legs) > 1 or any(leg.start != trip.start or leg.end != trip.end for leg in trip.legs):
        lines.append(f"      legs: {'; '.join(d['legs'][:6])}{' …' if len(d['legs']) > 6 else ''}")
    for q in d["evidence"]:
        lines.append(f"      {q['start'] or 'undated'} {q['type']} {q['country'] or '?'}: «{q['text']}»")
    return lines


def as_text(report: Report, events: dict[str, Event], limit: int) -> str:
    out: list[str] = []
    for kind, found in report.sections.items():
        out.append(f"\n== {TITLES[kind]}: {len(found)}")
        if kind == "long":
            out.append("   " + ", ".join(f"{k}: {v}" for k, v in report.lengths.items()))
        for f in found[:limit]:
            out.append(f"  - {f.note}")
            for trip in f.trips[:3]:
                out.extend(trip_lines(trip, events))
        if len(found) > limit:
            out.append(f"  … {len(found) - limit} more")
    s = report.summary
    out.append("\n== Summary")
    out.append(
        f"  trips {s['trips']} · events {s['events']} ({s['events_in_trips']} in trips)"
        f" · actors {s['trip_actors']} with trips, {s['event_actors']} with events"
        f" · trips without legs {s['trips_without_legs']}"
        f" · dated only to a month {s['trips_month_only']}"
    )
    out.append(
        f"  no date {s['no_date']} ({s['no_date_share']:.1%}) · no year {s['no_year']}"
        f" ({s['no_year_share']:.1%}, target <= {NO_YEAR_TARGET:.0%}: {'ok' if s['no_year_ok'] else 'FAIL'})"
    )
    out.append(
        f"  of the trips with no year, {s['no_year_undated_articles']} rest on articles with no date"
        f" that state no year (year null, never guessed); trips lacking a year their articles tell:"
        f" {s['no_year_tellable_share']:.1%}"
    )
    out.append("  lengths: " + ", ".join(f"{k}: {v}" for k, v in report.lengths.items()))
    for kind in ("long", "overlap", "multi_year", "actor_year", "home_reception"):
        out.append(f"  {kind}: {s[kind]}")
    return "\n".join(out).lstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", required=True, help="the sukien database file")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--limit", type=int, default=TOP, help="findings shown per class (default 10)")
    args = parser.parse_args(argv)

    if not Path(args.db).is_file():
        parser.error(f"no database at {args.db}")
    from sukien.store import Filters, open_store

    with open_store(args.db) as store:
        trips = store.trips(Filters())
        events = store.events(Filters())
    report = audit(trips, events)
    by_id = {e.id: e for e in events}
    if args.format == "json":
        json.dump(as_json(report, by_id, args.limit), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(as_text(report, by_id, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
