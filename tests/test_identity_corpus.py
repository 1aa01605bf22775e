"""One person, one name on the corpus's own spellings (issue 11, "Found"): the leader list repeated
"V. V. Putin" / "Vladimir Putin", "Sioulith" / "Sisoulith", "Dissanayaka" / "Dissanayake", and a
caption's "Fran Cois-Philippe". Each case is corpus items (read from ../shared, never copied) in
which the press spells one visitor two ways; linked, they give one trip under one name."""

from __future__ import annotations

import pytest

from corpus_items import process_item, read_items
from sukien.link import link

BAOCHINHPHU = "baochinhphu-2024-2025.jsonl.xz"


@pytest.mark.parametrize(
    ("corpus", "ids", "spellings", "canonical"),
    [
        (BAOCHINHPHU, ("baochinhphu-001105", "baochinhphu-001110"), {"Vladimir Putin", "V. V. Putin"},
         "Vladimir Putin"),
        (BAOCHINHPHU, ("baochinhphu-002060", "baochinhphu-002067"),
         {"Thongloun Sisoulith", "Thongloun Sioulith"}, "Thongloun Sisoulith"),
        (BAOCHINHPHU, ("baochinhphu-005140", "baochinhphu-005155"),
         {"Anura Kumara Dissanayake", "Anura Kumara Dissanayaka"}, "Anura Kumara Dissanayake"),
        # one article: its photo caption splits the name, its body does not
        ("baomoi-2017.jsonl.xz", ("baomoi-22334124",),
         {"Fran Cois-Philippe Champagne", "Francois-Philippe Champagne"}, "Francois-Philippe Champagne"),
    ],
    ids=["putin", "sisoulith", "dissanayake", "francois-philippe"],
)  # fmt: skip
def test_two_spellings_of_one_visitor_are_one_trip_under_one_name(
    corpus_dir, corpus, ids, spellings, canonical
):
    docs = [process_item(item) for item in read_items(corpus_dir, corpus, ids).values()]
    events = [event for doc in docs for event in doc.events]
    visitors = {event.actor.name for event in events if event.type == "visit"}
    assert spellings <= visitors  # the articles do write the visitor both ways
    trips = [trip for trip in link(events) if trip.actor.name in spellings]
    assert [trip.actor.name for trip in trips] == [canonical]
    assert {event.actor.name for event in events if event.trip_id == trips[0].id} == spellings


def test_a_dash_that_opens_an_apposition_ends_the_name(corpus_dir):
    """ "Tổng thống Sri Lanka Anura Kumara Dissanayaka- Lãnh đạo Đảng ...": the name was read as
    "Anura Kumara Dissanayaka- Lãnh" (a third spelling on the leader list)."""
    doc = process_item(read_items(corpus_dir, BAOCHINHPHU, ("baochinhphu-005162",))["baochinhphu-005162"])
    assert {event.actor.name for event in doc.events if event.type == "visit"} == {"Anura Kumara Dissanayaka"}
