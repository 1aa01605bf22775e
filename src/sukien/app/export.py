"""Exports for other tools: CSV, JSON Lines, Parquet, iCalendar and a CAMEO/PLOVER event table.

CSV and Parquet are flat: one row per item, lists as lists (Parquet) or joined by "; " (CSV).
JSON Lines is the SPEC shape, unchanged. The iCalendar file has one all-day VEVENT per dated trip or
event, every status: a planned one is TENTATIVE, one that took place CONFIRMED (a calendar of the
planned only would hide that the others were left out). Articles have no date range to put in a
calendar, and a CAMEO table is of events only: asking for those is refused (`CANNOT_EXPORT`).
Every format is written to a file or to a binary stream (`--out -`: standard output).
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
from typing import Any, BinaryIO

from pydantic import BaseModel

from sukien.errors import Code, SukienError
from sukien.models import Event
from sukien.store import Filters, Store

FORMATS = ("csv", "jsonl", "parquet", "ics", "cameo")
KINDS = ("events", "trips", "articles")
# What each format can hold, the first being what it writes when not told (a calendar is of trips).
FORMAT_KINDS = {
    "csv": KINDS, "jsonl": KINDS, "parquet": KINDS, "ics": ("trips", "events"), "cameo": ("events",),
}  # fmt: skip
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
    """ "APEC 2023": the series and its year. The session number says the same as the year ("APEC 2023
    30" read as a date); it is shown, as "#30", only when the year is not known."""
    name = occasion.series or occasion.name or ""
    if occasion.year:
        return f"{name} {occasion.year}".strip()
    return f"{name} #{occasion.number}".strip() if occasion.number else name


def items(store: Store, kind: str, filters: Filters) -> Sequence[BaseModel]:
    if kind == "events":
        return store.events(filters)
    if kind == "trips":
        return store.trips(filters)
    if kind == "articles":
        return store.articles(filters)
    raise SukienError(Code.BAD_QUERY, f"cannot export {kind!r}; one of {', '.join(KINDS)}")


def default_kind(fmt: str) -> str:
    return FORMAT_KINDS.get(fmt, KINDS)[0]


def export(
    store: Store,
    fmt: str,
    out: Path | BinaryIO,
    kind: str | None = None,
    filters: Filters = Filters(),  # noqa: B008
) -> int:
    """Write `kind` (events, trips, articles; by default the format's first, `FORMAT_KINDS`) in `fmt`
    to the file `out` or into the binary stream `out`; returns the number of items written.

    A format that cannot hold `kind` is refused with CANNOT_EXPORT, a file that cannot be written with
    OUTPUT (its folder is checked before the store is read, so a typo costs no wait)."""
    if fmt not in FORMATS:
        raise SukienError(Code.BAD_QUERY, f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    kind = kind or default_kind(fmt)
    if kind not in KINDS:
        raise SukienError(Code.BAD_QUERY, f"cannot export {kind!r}; one of {', '.join(KINDS)}")
    if kind not in FORMAT_KINDS[fmt]:
        raise SukienError(
            Code.CANNOT_EXPORT,
            f"the {fmt} format cannot hold {kind}; it holds {' or '.join(FORMAT_KINDS[fmt])}",
        )
    if isinstance(out, Path) and not out.parent.is_dir():
        raise SukienError(
            Code.OUTPUT, f"cannot write {out}: the folder {out.parent} does not exist", str(out)
        )
    found = items(store, kind, filters)
    data, count = encoded(fmt, kind, found)
    if isinstance(out, Path):
        try:
            out.write_bytes(data)
        except OSError as err:
            raise SukienError(Code.OUTPUT, f"cannot write {out}: {err.strerror or err}", str(out)) from err
    else:
        out.write(data)
    return count


def encoded(fmt: str, kind: str, found: Sequence[Any]) -> tuple[bytes, int]:
    """The file's bytes, and how many items it holds (an iCalendar file skips the undated)."""
    if fmt == "ics":
        entries = calendar_entries(found, kind)
        return to_ics(entries), len(entries)
    if fmt == "cameo":
        return to_tsv(cameo_rows(found), CAMEO_COLUMNS).encode("utf-8"), len(found)
    if fmt == "jsonl":
        return "".join(item.model_dump_json() + "\n" for item in found).encode("utf-8"), len(found)
    if fmt == "csv":
        return to_csv(found, COLUMNS[kind]).encode("utf-8"), len(found)
    buffer = io.BytesIO()
    write_parquet(found, COLUMNS[kind], buffer)
    return buffer.getvalue(), len(found)


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


def write_parquet(found: Sequence[BaseModel], columns: Sequence[Column], out: Path | BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "list": pa.list_(pa.string()), "int": pa.int64()}
    schema = pa.schema([(column.name, types[column.kind]) for column in columns])
    data = {column.name: [column.value(item) for item in found] for column in columns}
    pq.write_table(pa.table(data, schema=schema), out)


# -- iCalendar ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    first: date
    last: date
    summary: str
    location: str
    notes: list[str]
    planned: bool


def calendar_entries(found: Sequence[Any], kind: str) -> list[CalendarEntry]:
    """One entry per dated trip or event, in the order given."""
    entries = []
    for item in found:
        first = day(item.start)
        if first is None:
            continue
        last = max(first, day(item.end) or first)
        if kind == "trips":
            places = ", ".join(" ".join(p for p in (leg.city, leg.country) if p) for leg in item.legs)
            occasions = "; ".join(occasion_label(o) for o in item.occasions)
            notes = [f"Dịp: {occasions}" if occasions else ""]
            summary = f"{item.actor.name}: {places}" if places else item.actor.name
        else:
            places = " ".join(p for p in (item.location.city, item.location.country) if p)
            with_whom = ", ".join(p.name for p in item.counterparts)
            notes = [f"Với: {with_whom}" if with_whom else "", item.evidence[0].text if item.evidence else ""]
            summary = f"{item.actor.name} ({item.type})" + (f": {places}" if places else "")
        notes += [f"Trạng thái: {item.status}", "Nguồn: " + "; ".join(item.sources)]
        entries.append(
            CalendarEntry(
                uid=f"{item.id}@sukien",
                first=first,
                last=last,
                summary=summary,
                location=places,
                notes=[note for note in notes if note],
                planned=item.status == "planned",
            )
        )
    return entries


def to_ics(entries: Sequence[CalendarEntry]) -> bytes:
    """One all-day event per entry (DTEND is exclusive: the day after); planned ones TENTATIVE."""
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    calendar = Calendar()
    calendar.add("prodid", "-//sukien//trips and events//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "sukien: sự kiện đối ngoại")
    for item in entries:
        entry = CalendarEvent()
        entry.add("uid", item.uid)
        entry.add("dtstamp", item.first)
        entry.add("dtstart", item.first)
        entry.add("dtend", item.last + timedelta(days=1))
        entry.add("summary", item.summary)
        if item.location:
            entry.add("location", item.location)
        entry.add("description", "\n".join(item.notes))
        entry.add("status", "TENTATIVE" if item.planned else "CONFIRMED")
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
