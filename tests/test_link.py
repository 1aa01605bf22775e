"""Linking (`sukien.link.link`): the events of many articles grouped into trips, one per journey of one
leader (SPEC.md "What is a trip"), on the seeds and on real items of ../shared/corpus named by id."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import make_event
from corpus_items import process_item, process_seeds, read_items
from sukien.doc import Doc
from sukien.lexicon.names import same_name
from sukien.link import actor_key, link, transliterated
from sukien.models import Event, Trip
from sukien.text.fold import fold

# Journeys of tests/gold/corpus-sample and ../shared/dev, by the items that tell of them.
TO_LAM_CHINA = ("baochinhphu-001710", "baochinhphu-001737")  # 18-20 Aug 2024
TO_LAM_LAOS_CAMBODIA = ("baochinhphu-001343", "baochinhphu-001360")  # 11-13 Jul 2024, back to back
TO_LAM_MONGOLIA_IRELAND_FRANCE = ("baochinhphu-002232",)  # 30 Sep - 7 Oct 2024
MISHUSTIN_IN_VIETNAM = ("baochinhphu-003585", "baochinhphu-003640")  # 14-15 Jan 2025
LY_CUONG_IN_VIETNAM = ("baochinhphu-002423", "baochinhphu-002435")  # 12-14 Oct 2024
ITEM_IDS = set(
    TO_LAM_CHINA
    + TO_LAM_LAOS_CAMBODIA
    + TO_LAM_MONGOLIA_IRELAND_FRANCE
    + MISHUSTIN_IN_VIETNAM
    + LY_CUONG_IN_VIETNAM
)


@pytest.fixture(scope="module")
def item_docs(corpus_dir: Path) -> dict[str, Doc]:
    """The corpus items these tests use, through the pipeline once."""
    items = read_items(corpus_dir, "baochinhphu-2024-2025.jsonl.xz", ITEM_IDS)
    return {item_id: process_item(item) for item_id, item in items.items()}


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> dict[str, Doc]:
    return process_seeds(seeds_dir)


def fresh(docs: list[Doc]) -> list[Event]:
    """Copies of the docs' events: `link` sets `trip_id`, and each test links on its own."""
    return [e.model_copy(deep=True) for doc in docs for e in doc.events]


def items(item_docs: dict[str, Doc], *groups: tuple[str, ...]) -> list[Doc]:
    return [item_docs[i] for group in groups for i in group]


def trips_of(trips: list[Trip], name: str) -> list[Trip]:
    return [t for t in trips if same_name(fold(t.actor.name), fold(name))]


def seed_trip(seed_docs: dict[str, Doc]) -> Trip:
    trips = trips_of(link(fresh([seed_docs[n] for n in ("002", "003", "004")])), "Tô Lâm")
    assert len(trips) == 1
    return trips[0]


# --- one journey told by three seed articles (../shared/seeds/gold.json) ---------------------------


def test_seeds_make_one_trip(seed_docs: dict[str, Doc]) -> None:
    trips = trips_of(link(fresh([seed_docs[n] for n in ("002", "003", "004")])), "Tô Lâm")
    assert len(trips) == 1


def test_seed_trip_legs(seed_docs: dict[str, Doc]) -> None:
    legs = seed_trip(seed_docs).legs
    assert [leg.country for leg in legs] == ["US", "CU"]
    assert "New York" in [leg.city for leg in legs if leg.country == "US"]


def test_seed_trip_dates(seed_docs: dict[str, Doc]) -> None:
    trip = seed_trip(seed_docs)
    assert (trip.start, trip.end) == ("2024-09-21", "2024-09-26")


def test_seed_trip_occasions(seed_docs: dict[str, Doc]) -> None:
    occasions = {(o.series, o.year, o.number) for o in seed_trip(seed_docs).occasions}
    assert ("SOTF", 2024) in {(series, year) for series, year, _ in occasions}
    assert ("UNGA", 2024, 79) in occasions


def test_seed_trip_cites_three_sources(seed_docs: dict[str, Doc]) -> None:
    sources = seed_trip(seed_docs).sources
    assert sorted(sources) == sorted(seed_docs[n].source for n in ("002", "003", "004"))


def test_seed_trip_actor(seed_docs: dict[str, Doc]) -> None:
    actor = seed_trip(seed_docs).actor
    assert (actor.name, actor.country, set(actor.roles)) == ("Tô Lâm", "VN", {"Tổng Bí thư", "Chủ tịch nước"})


def test_undated_piece_joins_the_dated_trip_of_its_article(seed_docs: dict[str, Doc]) -> None:
    events = fresh([seed_docs["002"]])
    link(events)
    abroad = [e for e in events if e.type in ("visit", "attend") and e.location.country == "US"]
    undated = [e for e in abroad if e.start is None]
    assert undated and any(e.start for e in abroad)
    assert len({e.trip_id for e in abroad}) == 1 and abroad[0].trip_id is not None


# --- journeys on real items -----------------------------------------------------------------------


def test_announcement_and_departure_are_one_trip(item_docs: dict[str, Doc]) -> None:
    trips = trips_of(link(fresh(items(item_docs, TO_LAM_CHINA))), "Tô Lâm")
    assert [(t.start, t.end, [leg.country for leg in t.legs], len(t.sources)) for t in trips] == [
        ("2024-08-18", "2024-08-20", ["CN"], 2)
    ]


def test_countries_back_to_back_are_legs_of_one_trip(item_docs: dict[str, Doc]) -> None:
    trips = trips_of(link(fresh(items(item_docs, TO_LAM_LAOS_CAMBODIA))), "Tô Lâm")
    assert [[leg.country for leg in t.legs] for t in trips] == [["LA", "KH"]]


def test_legs_in_the_order_announced(item_docs: dict[str, Doc]) -> None:
    trips = link(fresh(items(item_docs, TO_LAM_MONGOLIA_IRELAND_FRANCE)))
    assert [[leg.country for leg in t.legs] for t in trips_of(trips, "Tô Lâm")] == [["MN", "IE", "FR"]]


def test_announced_trip_is_planned(item_docs: dict[str, Doc]) -> None:
    trips = link(fresh(items(item_docs, TO_LAM_MONGOLIA_IRELAND_FRANCE)))
    assert [t.status for t in trips_of(trips, "Tô Lâm")] == ["planned"]


def test_trips_months_apart_are_separate(item_docs: dict[str, Doc]) -> None:
    docs = items(item_docs, TO_LAM_LAOS_CAMBODIA, TO_LAM_CHINA, TO_LAM_MONGOLIA_IRELAND_FRANCE)
    trips = trips_of(link(fresh(docs)), "Tô Lâm")
    assert sorted(t.start for t in trips) == ["2024-07-11", "2024-08-18", "2024-09-30"]


def test_new_departure_days_after_a_return_is_a_new_trip(
    seed_docs: dict[str, Doc], item_docs: dict[str, Doc]
) -> None:
    # Back from Cuba on 27 September, off to Mongolia on 30 September.
    docs = [seed_docs[n] for n in ("002", "003", "004")] + items(item_docs, TO_LAM_MONGOLIA_IRELAND_FRANCE)
    trips = trips_of(link(fresh(docs)), "Tô Lâm")
    assert sorted(t.start for t in trips) == ["2024-09-21", "2024-09-30"]


def test_foreign_leader_in_vietnam_is_a_trip(item_docs: dict[str, Doc]) -> None:
    trips = trips_of(link(fresh(items(item_docs, LY_CUONG_IN_VIETNAM))), "Lý Cường")
    assert [([leg.country for leg in t.legs], t.start, t.end) for t in trips] == [
        (["VN"], "2024-10-12", "2024-10-14")
    ]


def test_host_of_a_foreign_leader_has_no_trip(item_docs: dict[str, Doc]) -> None:
    trips = link(fresh(items(item_docs, LY_CUONG_IN_VIETNAM, MISHUSTIN_IN_VIETNAM)))
    assert trips_of(trips, "Phạm Minh Chính") == [] and trips_of(trips, "Tô Lâm") == []


def test_name_with_patronymic_is_one_trip(item_docs: dict[str, Doc]) -> None:
    # "Mikhail Vladimirovich Mishustin" is announced (003585), "Mikhail Mishustin" received (003640).
    trips = trips_of(link(fresh(items(item_docs, MISHUSTIN_IN_VIETNAM))), "Mishustin")
    assert len(trips) == 1


# --- properties over everything ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def all_docs(seed_docs: dict[str, Doc], item_docs: dict[str, Doc]) -> list[Doc]:
    return list(seed_docs.values()) + list(item_docs.values())


def test_different_people_never_share_a_trip(all_docs: list[Doc]) -> None:
    events = fresh(all_docs)
    trips = link(events)
    by_id = {e.id: e for e in events}
    for trip in trips:
        keys = {actor_key(by_id[i].actor) for i in trip.events}
        assert all(same_name(a, b) for a in keys for b in keys), (trip.actor.name, keys)


def test_every_trip_event_carries_its_trip_id(all_docs: list[Doc]) -> None:
    events = fresh(all_docs)
    trips = link(events)
    by_id = {e.id: e for e in events}
    assert trips and all(by_id[i].trip_id == trip.id for trip in trips for i in trip.events)


def test_events_outside_trips_have_no_trip_id(all_docs: list[Doc]) -> None:
    events = fresh(all_docs)
    in_trips = {i for trip in link(events) for i in trip.events}
    outside = [e for e in events if e.id not in in_trips]
    assert outside and all(e.trip_id is None for e in outside)


def test_each_event_is_in_one_trip_at_most(all_docs: list[Doc]) -> None:
    ids = [i for trip in link(fresh(all_docs)) for i in trip.events]
    assert len(ids) == len(set(ids))


def test_link_is_deterministic(all_docs: list[Doc]) -> None:
    first = [(t.id, t.events) for t in link(fresh(all_docs))]
    second = [(t.id, t.events) for t in link(fresh(all_docs))]
    assert first == second


def test_link_does_not_depend_on_input_order(all_docs: list[Doc]) -> None:
    forward = {(t.id, frozenset(t.events)) for t in link(fresh(all_docs))}
    backward = {(t.id, frozenset(t.events)) for t in link(list(reversed(fresh(all_docs))))}
    assert forward == backward


def test_relinking_clears_old_trip_ids(seed_docs: dict[str, Doc]) -> None:
    events = fresh(list(seed_docs.values()))
    link(events)
    meetings = [e.model_copy(deep=True) for e in events if e.type in ("meet", "call") and e.trip_id]
    assert meetings, "the seeds have meetings abroad that join a trip"
    for meeting in meetings:
        meeting.location_stated = False
    link(meetings)  # meetings that do not place themselves abroad seed no trip
    assert all(e.trip_id is None for e in meetings)


def test_trips_are_sorted_by_start(all_docs: list[Doc]) -> None:
    starts = [t.start or "9999" for t in link(fresh(all_docs))]
    assert starts == sorted(starts)


GROUPED = """
from sukien.link import group_by_actor
from sukien.models import Event, Location, Person, codes_for
names = ["Lê Văn Phúc", "Lê Hữu Phúc", "Phúc"]  # the two longer names are of one length
events = [
    Event(
        id=f"a-{n}", type="visit", actor=Person(name=name), location=Location(country="JP"),
        codes=codes_for("visit"),
    )
    for n, name in enumerate(names)
]
print(next(key for key, own in group_by_actor(events).items() if any(e.id == "a-2" for e in own)))
"""


def test_a_short_name_two_longer_ones_hold_joins_the_same_one_in_every_process() -> None:
    import os
    import subprocess
    import sys

    joined = {
        subprocess.run(
            [sys.executable, "-c", GROUPED],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout  # fmt: skip
        for seed in range(8)  # string hashes, and so a set's order, differ with the seed
    }
    assert len(joined) == 1


def test_a_trip_keeps_a_given_name_romanised_another_way() -> None:
    [trip] = link([make_event("visit", "Sergey Lavrov", "KZ", "2018-03-16", "2018-03-16")])
    assert trip.actor.name == "Sergey Lavrov"  # the gazetteer's canonical name is "Sergei Lavrov"


@pytest.mark.parametrize(
    ("own", "key", "same"),
    [
        ("sergey lavrov", "sergei lavrov", True),
        ("v. v. putin", "vladimir putin", False),
        ("thongloun sioulith", "thongloun sisoulith", False),
        ("sergei shoigu", "sergei lavrov", False),
    ],
)
def test_only_a_given_name_romanised_another_way_is_a_transliteration(own: str, key: str, same: bool) -> None:
    assert transliterated(own, key) is same
