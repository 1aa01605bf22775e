"""Fixtures for the search, brief, API, export and web tests: the five seeds ingested once per module,
and articles of our own stored directly (no extraction) for text the seeds do not have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sukien.app.ingest import ingest
from sukien.doc import Doc, RawRecord
from sukien.store import Filters, open_store

TO_LAM_PAROLIN_SOURCE = "004_2d1773ccbd889302.txt"
LOCAL = "http://127.0.0.1"  # the Host a loopback server answers to (shells.guard)


@pytest.fixture(scope="module")
def seeded_db(module_databases, seeds_dir) -> Path | str:
    """The seeds ingested once per module (and backend): a file, or a postgresql:// URL."""
    path = module_databases.new("seeds")
    with open_store(path) as store:
        ingest(store, [seeds_dir])
    return path


@pytest.fixture
def client(seeded_db):
    """The API and web pages over the seeds, asked as a browser on this machine asks."""
    from starlette.testclient import TestClient

    from sukien.shells.api import create_app

    with TestClient(create_app(str(seeded_db)), base_url=LOCAL) as opened:
        yield opened


@pytest.fixture
def seeded(seeded_db):
    with open_store(seeded_db, create=False) as store:
        yield store


def gold_trip(seeds_dir: Path, actor: str) -> dict:
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    return next(trip for trip in gold["trips"] if trip["actor"]["name"] == actor)


def trip_telling(store, source: str, actor: str):
    """The stored trip of `actor` that `source` tells of."""
    found = [trip for trip in store.trips(Filters(actor=actor)) if source in trip.sources]
    assert found, f"no trip of {actor} cites {source}"
    return found[0]


def store_text(
    store,
    name: str,
    text: str,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    events=(),
) -> str:
    """Store an article of our own as it is (no pipeline); returns its id."""
    record = RawRecord(source=name, kind="text", text=text, encoding="utf-8")
    doc = Doc(record=record, text=text, title=title, outlet=outlet, published=published, events=list(events))
    doc.number_events()
    return store.add(doc).article_id
