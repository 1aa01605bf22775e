"""The stages of `sukien batch` that every engine shares: what stage 1 gives for one input, the
local stage 1, one article per content with its near-duplicates marked, and trips linked per actor.
See `batch.py` for the whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sukien.app.batch_files import ArticleRow, article_rows, with_duplicate_of
from sukien.app.dedup import Sketch, first_copies
from sukien.app.ingest import Located, Stored, error_for, processed, read_located
from sukien.doc import Doc, input_hash
from sukien.errors import InputError
from sukien.link import group_by_actor, link_actor
from sukien.models import Event, Trip
from sukien.store.rows import event_json


@dataclass
class Processed:
    """What stage 1 gives for one input: its position, where it came from, and its slim Doc (with
    the raw record back on it) and sketch, or the error that rejected it. `compact` turns the Doc
    into the article's row and its events' JSON where the input was processed."""

    position: int
    doc: Doc | None
    sketch: Sketch | None
    input_hash: str
    error: InputError | None = None
    warnings: list[InputError] = field(default_factory=list)
    row: dict[str, Any] | None = None  # the article's row of the `articles` table (`article_rows`)
    events: list[dict[str, Any]] = field(default_factory=list)  # as the store gives them back
    article_id: str = ""
    duplicate_of: str | None = None  # set by `near_duplicates`
    row_at: tuple[int, int] | None = None  # (partition, row) of the row an executor kept (Spark)


@dataclass
class BatchReport:
    read: int = 0
    articles: int = 0
    duplicates: int = 0  # inputs whose article an earlier input already gave
    near_duplicates: int = 0
    events: int = 0
    trips: int = 0
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)


# -- stage 1: read and process ----------------------------------------------------------------------


def process_local(paths: list[str], workers: int | None) -> Iterator[Processed]:
    """Stage 1 in this process and its worker processes (`ingest`'s pool), in input order."""
    position = 0
    for item in processed(read_located(paths), workers):
        if isinstance(item, InputError):
            yield Processed(-1, None, None, "", error=item)
            continue
        located, outcome = item
        position += 1
        yield compact(outcome_of(position, located, outcome, located.sketch))


def compact(result: Processed) -> Processed:
    """The article as the tables hold it (its row, its events' JSON) instead of its Doc. Made where the
    input was processed (an executor), the one process that deduplicates and writes keeps no Doc and
    builds no row: with Spark, that work is spread over the executors, and the driver's memory holds
    strings, not a Doc's objects. Its duplicate_of is set by `near_duplicates`."""
    doc = result.doc
    if doc is None:
        return result
    [row] = article_rows([ArticleRow(doc.to_article(), doc.record, 0, result.input_hash)])
    result.row, result.doc, result.article_id = row, None, doc.id
    result.events = [event_json(doc.id, doc.source, event) for event in doc.events]
    return result


def outcome_of(position: int, located: Located, outcome: Any, found: Sketch | None) -> Processed:
    if isinstance(outcome, tuple):
        return Processed(position, None, None, "", error=error_for(located, *outcome))
    if isinstance(outcome, Stored):  # never asked of a store here, so never skipped
        raise AssertionError("a batch input was skipped as stored")
    outcome.record = located.record
    return Processed(position, outcome, found, input_hash(located.record), warnings=list(outcome.errors))


# -- stage 2: one article per content, near-duplicates -----------------------------------------------


def first_inputs(results: Iterable[Processed], report: BatchReport) -> tuple[list[Processed], list[Event]]:
    """The articles `ingest` would store (the first input of each content, in input order) and their
    events, as the store gives them back. Which of them copy an earlier story (`near_duplicates`)
    changes no event: the link stage may start on these events at once."""
    seen: set[str] = set()
    firsts: list[Processed] = []
    events: list[Event] = []
    for result in sorted(results, key=lambda r: r.position):
        if result.error is not None:
            (report.warnings if result.error.is_warning else report.errors).append(result.error)
            report.read += result.position > 0
            continue
        compact(result)
        report.read += 1
        report.warnings.extend(result.warnings)
        if result.article_id in seen:
            report.duplicates += 1
            continue
        seen.add(result.article_id)
        report.articles += 1
        firsts.append(result)
        events.extend(Event.model_validate(event) for event in result.events)
    return firsts, events


def near_duplicates(firsts: list[Processed], report: BatchReport) -> list[Processed]:
    """`firsts` with each one's first copy (`duplicate_of`), asked of one near-duplicate index in
    input order, as `ingest` asks it."""
    answers = first_copies([(result.article_id, result.sketch) for result in firsts])
    for result, duplicate_of in zip(firsts, answers, strict=True):
        result.duplicate_of = duplicate_of
        report.near_duplicates += duplicate_of is not None
    return firsts


def article_rows_of(kept: list[Processed]) -> list[dict[str, Any]]:
    """The articles' rows, each with its position and first copy (the local engine's: rows kept in
    this process)."""
    rows = []
    for result in kept:
        row = result.row
        assert row is not None
        row["position"] = result.position
        if result.duplicate_of is not None:
            row["duplicate_of"] = result.duplicate_of
            row["json"] = with_duplicate_of(row["json"], result.duplicate_of)
        rows.append(row)
    return rows


# -- stage 3: trips, one actor at a time -------------------------------------------------------------


def store_order(events: list[Event]) -> list[Event]:
    """Events in the order the store lists them to `relink` (start, undated last, then id)."""
    return sorted(events, key=lambda e: (e.start is None, e.start or "", e.id))


def actor_groups(events: list[Event]) -> list[list[Event]]:
    """The events of each canonical actor, in store order: the keys of the keyed link stage. Events in
    history are left out, as `relink` reads none (they join no trip)."""
    news = [event for event in events if not event.historical]
    return [own for _key, own in sorted(group_by_actor(store_order(news)).items())]


def link_by_actor(events: list[Event]) -> list[Trip]:
    # The linker works on copies: it may date an undated event for its own reasoning, which the
    # store never keeps (it takes the trips and each event's trip id only); neither does a batch.
    copies = [event.model_copy(deep=True) for event in events]
    trips = [trip for own in actor_groups(copies) for trip in link_actor(own)]
    set_trip_ids(events, trips)
    return sorted(trips, key=lambda t: (t.start or "9999", t.id))


def set_trip_ids(events: list[Event], trips: list[Trip]) -> None:
    """Each event's trip id from the trips' lists of events, as `Store.replace_trips` sets them."""
    by_id = {event.id: event for event in events}
    for event in events:
        event.trip_id = None
    for trip in trips:
        for event_id in trip.events:
            by_id[event_id].trip_id = trip.id
