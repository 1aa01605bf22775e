"""Exports for other tools: CSV, JSON Lines, Parquet, iCalendar (planned trips) and a CAMEO/PLOVER
event table.

CSV and Parquet are flat: one row per item, lists as lists (Parquet) or joined by "; " (CSV).
JSON Lines is the SPEC shape, unchanged. The iCalendar file has one all-day VEVENT per planned trip.
The CAMEO table is dyadic, one row per (actor, target) as event-data tools (ICEWS, Phoenix, PLOVER
readers) expect: dates as YYYYMMDD, countries as ISO alpha-3, the CAMEO code with its root code,
quad class and Goldstein score, the PLOVER category, tab-separated.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sukien.errors import Code, SukienError
from sukien.models import Event, Trip
from sukien.store import Filters, Store

FORMATS = ("csv", "jsonl", "parquet", "ics", "cameo")
KINDS = ("events", "trips", "articles")
LIST_SEPARATOR = "; "

# Goldstein (1992) scores of the CAMEO codes SPEC uses, from the CAMEO codebook's scale.
GOLDSTEIN = {"010": 0.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "057": 8.0}
# CAMEO quad classes by root code: 01-05 verbal cooperation, 06-09 material cooperation, 10-14
# verbal conflict, 15-20 material conflict.
QUAD_CLASS_BOUNDS = ((5, 1), (9, 2), (14, 3), (20, 4))
CAMEO_COLUMNS = (
    "event_id",
    "date",
    "year",
    "month",
    "day",
    "source_name",
    "source_country",
    "source_sector",
    "target_name",
    "target_country",
    "cameo_code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover",
    "event_type",
    "status",
    "city",
    "country",
    "latitude",
    "longitude",
    "trip_id",
    "sources",
    "evidence",
)


@dataclass(frozen=True)
class Column:
    name: str
    value: Callable[[Any], Any]
    kind: str = "string"  # string | list | int


def joined(values: Iterable[str | None]) -> list[str]:
    return [value for value in values if value]


EVENT_COLUMNS = (
    Column("id", lambda e: e.id),
    Column("type", lambda e: e.type),
    Column("status", lambda e: e.status),
    Column("start", lambda e: e.start),
    Column("end", lambda e: e.end),
    Column("actor", lambda e: e.actor.name),
    Column("actor_roles", lambda e: e.actor.roles, "list"),
    Column("actor_country", lambda e: e.actor.country),
    Column("counterparts", lambda e: [p.name for p in e.counterparts], "list"),
    Column("counterpart_countries", lambda e: joined(p.country for p in e.counterparts), "list"),
    Column("city", lambda e: e.location.city),
    Column("country", lambda e: e.location.country),
    Column("occasion", lambda e: e.occasion.name if e.occasion else None),
    Column("occasion_series", lambda e: e.occasion.series if e.occasion else None),
    Column("occasion_year", lambda e: e.occasion.year if e.occasion else None, "int"),
    Column("occasion_number", lambda e: e.occasion.number if e.occasion else None, "int"),
    Column("trip_id", lambda e: e.trip_id),
    Column("sources", lambda e: e.sources, "list"),
    Column("evidence", lambda e: [ev.text for ev in e.evidence], "list"),
    Column("cameo", lambda e: e.codes.cameo),
    Column("plover", lambda e: e.codes.plover),
    Column("article_id", lambda e: e.article_id),
)
TRIP_COLUMNS = (
    Column("id", lambda t: t.id),
    Column("actor", lambda t: t.actor.name),
    Column("actor_roles", lambda t: t.actor.roles, "list"),
    Column("actor_country", lambda t: t.actor.country),
    Column("start", lambda t: t.start),
    Column("end", lambda t: t.end),
    Column("status", lambda t: t.status),
    Column("countries", lambda t: [leg.country for leg in t.legs], "list"),
    Column("cities", lambda t: joined(leg.city for leg in t.legs), "list"),
    Column(
        "legs",
        lambda t: json.dumps([leg.model_dump(exclude_none=True) for leg in t.legs], ensure_ascii=False),
    ),
    Column("occasions", lambda t: joined(occasion_label(o) for o in t.occasions), "list"),
    Column("events", lambda t: t.events, "list"),
    Column("sources", lambda t: t.sources, "list"),
)
ARTICLE_COLUMNS = (
    Column("id", lambda a: a.id),
    Column("source", lambda a: a.source),
    Column("url", lambda a: a.url),
    Column("title", lambda a: a.title),
    Column("published", lambda a: a.published),
    Column("author", lambda a: a.author),
    Column("outlet", lambda a: a.outlet),
    Column("duplicate_of", lambda a: a.duplicate_of),
    Column("text", lambda a: a.text),
)
COLUMNS = {"events": EVENT_COLUMNS, "trips": TRIP_COLUMNS, "articles": ARTICLE_COLUMNS}


def occasion_label(occasion: Any) -> str:
    return " ".join(
        str(part) for part in (occasion.series or occasion.name, occasion.year, occasion.number) if part
    )


def items(store: Store, kind: str, filters: Filters) -> Sequence[BaseModel]:
    if kind == "events":
        return store.events(filters)
    if kind == "trips":
        return store.trips(filters)
    if kind == "articles":
        return store.articles(filters)
    raise SukienError(Code.BAD_QUERY, f"cannot export {kind!r}; one of {', '.join(KINDS)}")


def export(store: Store, fmt: str, out: Path, kind: str = "events", filters: Filters = Filters()) -> int:  # noqa: B008
    """Write `kind` (events, trips, articles) in `fmt` to `out`; returns the number of rows written.

    `ics` always exports the planned trips, and `cameo` the events, whatever `kind` says.
    """
    if fmt not in FORMATS:
        raise SukienError(Code.BAD_QUERY, f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "ics":
        planned = [t for t in store.trips(filters) if t.status == "planned"]
        out.write_bytes(to_ics(planned))
        return len([t for t in planned if t.start])
    if fmt == "cameo":
        rows = cameo_rows(store.events(filters))
        out.write_text(to_tsv(rows, CAMEO_COLUMNS), encoding="utf-8")
        return len(rows)
    found = items(store, kind, filters)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as handle:
            for item in found:
                handle.write(item.model_dump_json() + "\n")
    elif fmt == "csv":
        out.write_text(to_csv(found, COLUMNS[kind]), encoding="utf-8")
    else:
        write_parquet(found, COLUMNS[kind], out)
    return len(found)


# -- flat tables --------------------------------------------------------------------------------


def to_csv(found: Sequence[BaseModel], columns: Sequence[Column]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(column.name for column in columns)
    for item in found:
        writer.writerow(csv_cell(column.value(item)) for column in columns)
    return buffer.getvalue()


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def write_parquet(found: Sequence[BaseModel], columns: Sequence[Column], out: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "list": pa.list_(pa.string()), "int": pa.int64()}
    schema = pa.schema([(column.name, types[column.kind]) for column in columns])
    data = {column.name: [column.value(item) for item in found] for column in columns}
    pq.write_table(pa.table(data, schema=schema), out)


# -- iCalendar ----------------------------------------------------------------------------------


def to_ics(trips: Sequence[Trip]) -> bytes:
    """One all-day event per planned trip that has a start date (DTEND is exclusive: the day after)."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//sukien//planned trips//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "sukien: chuyến đi dự kiến")
    for trip in trips:
        first = day(trip.start)
        if first is None:
            continue
        last = day(trip.end) or first
        entry = CalendarEvent()
        entry.add("uid", f"{trip.id}@sukien")
        entry.add("dtstamp", first)
        entry.add("dtstart", first)
        entry.add("dtend", max(first, last) + timedelta(days=1))
        places = ", ".join(" ".join(p for p in (leg.city, leg.country) if p) for leg in trip.legs)
        entry.add("summary", f"{trip.actor.name}: {places}" if places else trip.actor.name)
        if places:
            entry.add("location", places)
        occasions = "; ".join(occasion_label(o) for o in trip.occasions)
        notes = [f"Dịp: {occasions}" if occasions else "", "Nguồn: " + "; ".join(trip.sources)]
        entry.add("description", "\n".join(note for note in notes if note))
        entry.add("status", "TENTATIVE")
        calendar.add_component(entry)
    return calendar.to_ical()


def day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


# -- CAMEO / PLOVER ------------------------------------------------------------------------------


def alpha3(code: str | None) -> str | None:
    """ISO 3166-1 alpha-3, as CAMEO actor codes write countries ("VN" -> "VNM")."""
    if not code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return found.alpha_3 if found else code.upper()


def quad_class(cameo: str) -> int:
    root = int(cameo[:2])
    return next(quad for bound, quad in QUAD_CLASS_BOUNDS if root <= bound)


def cameo_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    """One row per dyad: the actor with each counterpart, or with the host country when none is named."""
    rows = []
    for event in events:
        targets: list[tuple[str | None, str | None]] = [(p.name, p.country) for p in event.counterparts]
        targets = targets or [(None, event.location.country)]
        when = day(event.start)
        for target_name, target_country in targets:
            rows.append(
                {
                    "event_id": event.id,
                    "date": when.strftime("%Y%m%d") if when else None,
                    "year": when.year if when else None,
                    "month": when.month if when else None,
                    "day": when.day if when else None,
                    "source_name": event.actor.name,
                    "source_country": alpha3(event.actor.country),
                    "source_sector": "GOV",  # every actor the extractor knows holds an office
                    "target_name": target_name,
                    "target_country": alpha3(target_country),
                    "cameo_code": event.codes.cameo,
                    "root_code": event.codes.cameo[:2],
                    "quad_class": quad_class(event.codes.cameo),
                    "goldstein": GOLDSTEIN.get(event.codes.cameo),
                    "plover": event.codes.plover,
                    "event_type": event.type,
                    "status": event.status,
                    "city": event.location.city,
                    "country": alpha3(event.location.country),
                    "latitude": None,
                    "longitude": None,
                    "trip_id": event.trip_id,
                    "sources": LIST_SEPARATOR.join(event.sources),
                    "evidence": event.evidence[0].text if event.evidence else None,
                }
            )
            place_coordinates(rows[-1], event)
    return rows


def place_coordinates(row: dict[str, Any], event: Event) -> None:
    """Latitude and longitude of the city, else of the country, from the gazetteer."""
    from sukien.lexicon.geo import coordinates

    found = coordinates(event.location.city, event.location.country)
    if found:
        row["latitude"], row["longitude"] = found


def to_tsv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            "" if row[column] is None else " ".join(str(row[column]).split()) for column in columns
        )
    return buffer.getvalue()
