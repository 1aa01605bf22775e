"""The rows both backends write and read: the columns copied out of the SPEC models for the filters,
the JSON kept whole, and the models read back. The SQL that moves them stays in each backend.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sukien.errors import Code, StoreError
from sukien.lexicon.identity import Identity
from sukien.models import Article, Event, Trip
from sukien.text.fold import name_key

# Article fields with a column of their own; the others are kept as JSON in `extra`.
ARTICLE_COLUMNS = (
    "id", "source", "url", "title", "published", "author", "outlet", "text",
    "duplicate_of", "summary", "encoding", "language",
)  # fmt: skip


def check_event_id(article_id: str, event_id: str) -> None:
    """Ids are given once, by the extractor, as ARTICLE-N; the store keeps them and checks their form."""
    if not event_id.startswith(f"{article_id}-"):
        raise StoreError(Code.DB, f"event id {event_id!r} is not of article {article_id}")


def country_set(codes: Sequence[str | None]) -> str:
    """' VN US ': each code between spaces, so a substring search for ' US ' finds it exactly."""
    unique = sorted({code.upper() for code in codes if code})
    return f" {' '.join(unique)} " if unique else " "


def event_countries(event: Event) -> str:
    return country_set(
        [event.actor.country, event.location.country] + [person.country for person in event.counterparts]
    )


def trip_countries(trip: Trip) -> str:
    return country_set([trip.actor.country] + [leg.country for leg in trip.legs])


def event_json(article_id: str, source: str, event: Event) -> dict[str, Any]:
    """The SPEC event as stored: its own id (checked), its article and sources; no trip, which the
    `trip_id` column holds, so relinking never rewrites the JSON."""
    check_event_id(article_id, event.id)
    data = event.model_dump(mode="json")
    data["article_id"] = article_id
    data["sources"] = data["sources"] or [source]
    data["trip_id"] = None
    return data


def article_columns(article: Article) -> tuple[dict[str, Any], str]:
    """(the values of ARTICLE_COLUMNS, the other fields as JSON)."""
    data = article.model_dump()
    row = {column: data.pop(column) for column in ARTICLE_COLUMNS}
    return row, json.dumps(data, ensure_ascii=False)


def article_from_row(row: Any) -> Article:
    data = json.loads(row["extra"] or "{}")
    data.update({column: row[column] for column in ARTICLE_COLUMNS})
    return Article.model_validate(data)


def event_from_row(row: Any) -> Event:
    data = json.loads(row["json"])
    data["trip_id"] = row["trip_id"]
    return Event.model_validate(data)


def person_rows(people: list[Identity]) -> list[tuple[str, str, str, str]]:
    """(name key, name, the person's key, the person's name) of every name of every person, the
    person's own name first: the rows of `actor_names`."""
    return [(name_key(name), name, person.key, person.name) for person in people for name in person.names()]


def person_from_rows(rows: Sequence[Any]) -> Identity | None:
    """The person of (actor_name, name) rows, all of one person; None when there are none."""
    if not rows:
        return None
    canonical = rows[0]["actor_name"]
    return Identity(canonical, tuple(row["name"] for row in rows if row["name"] != canonical))


def people_from_rows(rows: Sequence[Any]) -> list[Identity]:
    """The people of (actor_key, actor_name, name) rows, ordered by the person's key."""
    by_person: dict[str, list[Any]] = {}
    for row in rows:
        by_person.setdefault(row["actor_key"], []).append(row)
    return [person for own in by_person.values() if (person := person_from_rows(own)) is not None]


def where_clause(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""
