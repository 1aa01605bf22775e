"""One person, one name (`lexicon.identity`): the spellings of one person merge, namesakes never do.

The names are written for these tests (no gazetteer lists them), so each case shows the rule alone.
"""

from __future__ import annotations

import pytest

from sukien.doc import Doc, RawRecord
from sukien.lexicon.identity import identities
from sukien.link import link
from sukien.models import Event, Location, Person, codes_for
from sukien.pipeline import process
from sukien.store import Filters


def visit(event_id: str, name: str, start: str) -> Event:
    return Event(
        id=event_id,
        type="visit",
        actor=Person(name=name, country="BG", roles=["Tổng thống"]),
        location=Location(country="VN"),
        start=start,
        codes=codes_for("visit"),
    )


def person(name: str, country: str | None = "BG", roles: tuple[str, ...] = ()) -> Person:
    return Person(name=name, country=country, roles=list(roles))


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # initials that fit the given names, the same surname
        ([person("Borislav Kretanov"), person("B. K. Kretanov")], "Borislav Kretanov"),
        ([person("Borislav Kretanov"), person("Borislav Kirilovich Kretanov"), person("B. K. Kretanov")],
         "Borislav Kretanov"),
        # one word a letter apart, the others equal
        ([person("Somsack Phanthavong", "LA"), person("Somsack Phanthavong", "LA"),
          person("Somsack Phanthavongs", "LA")], "Somsack Phanthavong"),
        ([person("Ruwan Wickramaratne", "LK"), person("Ruwan Wickramaratna", "LK"),
          person("Ruwan Wickramaratna", "LK")], "Ruwan Wickramaratna"),
        # the same letters split at another place; a name of unknown country joins the known one
        ([person("Jean-Luc Marchetière", "CA"), person("Jean-Luc Marchetière", None),
          person("Jean Luc Marche Tière", "CA")], "Jean-Luc Marchetière"),
        ([person("Fran Cois-Xavier Lemaire", "CA"), person("Francois-Xavier Lemaire", "CA")],
         "Francois-Xavier Lemaire"),
        # roles of one family, or none on one side
        ([person("Ivar Lindqvist", "SE", ("Thủ tướng",)), person("Ivar Lindqvist", "SE"),
          person("Ivar Lindqvistt", "SE")], "Ivar Lindqvist"),
    ],
)  # fmt: skip
def test_the_spellings_of_one_person_are_one_identity(written, canonical):
    found = identities(written)
    assert {identity.name for identity in found.values()} == {canonical}
    only = next(iter(found.values()))
    assert set(only.names()) == {p.name for p in written} | {canonical}


@pytest.mark.parametrize(
    "written",
    [
        # namesakes of two countries, however close the spelling
        [person("Kim Tae-hyun", "KR"), person("Kim Tae-hyon", "KP")],
        # a president and the first lady of one country: roles of two families
        [person("Park Jae-sung", "KR", ("Tổng thống",)), person("Park Jae-seong", "KR", ("Phu nhân",))],
        # one surname, two given names
        [person("Lars Eriksen", "NO"), person("Lena Eriksen", "NO")],
        [person("Borislav Kretanov"), person("D. Kretanov")],
        [person("Borislav Kretanov"), person("Dimitar Kretanov")],
        # short words must be equal ("Jong-un" / "Jong-il")
        [person("Ri Song-un", "KP"), person("Ri Song-il", "KP")],
        # Vietnamese names are written one way: a letter apart is another person
        [person("Phạm Thanh Trường", "VN"), person("Phạm Thanh Thường", "VN")],
        # no country known: nothing to tell two people apart with
        [person("Ivar Lindqvist", None), person("Ivar Lindqvistt", None)],
    ],
)
def test_namesakes_stay_two_people(written):
    found = identities(written)
    assert len({identity.name for identity in found.values()}) == 2


def test_a_short_form_joins_the_one_full_name_it_is_part_of():
    found = identities([person("Kretanov"), person("Borislav Kretanov")])
    assert found["kretanov"].name == "Borislav Kretanov"


def test_the_canonical_name_does_not_depend_on_the_order_of_the_articles():
    names = [person("Ruwan Wickramaratne", "LK"), person("Ruwan Wickramaratna", "LK")]
    assert identities(names)["ruwan wickramaratne"] == identities(names[::-1])["ruwan wickramaratne"]


def test_the_trips_of_two_spellings_are_one_persons_under_one_name():
    visits = [
        visit(f"a{n}-1", name, "2024-06-19")
        for n, name in enumerate(["Borislav Kretanov", "Borislav Kretanov", "B. K. Kretanov"])
    ]
    trips = link(visits)
    assert [trip.actor.name for trip in trips] == ["Borislav Kretanov"]
    assert sorted(trips[0].events) == ["a0-1", "a1-1", "a2-1"]


@pytest.mark.parametrize("spelling", ["François-Philippe", "Franc\u0327ois-Philippe"])
def test_a_cedilla_precomposed_or_decomposed_stays_inside_the_name(spelling):
    """ "Fran Cois-Philippe" is the source's own caption (baomoi-2017, one item): the name splitter
    keeps "ç" in either Unicode form inside the word."""
    text = (
        "Hà Nội, ngày 12/5/2017. Chủ tịch nước Trần Đại Quang tiếp Bộ trưởng Thương mại quốc tế Canada "
        f"{spelling} Champagne nhân chuyến thăm Việt Nam."
    )
    doc = process(RawRecord(source="x.txt", kind="text", text=text, fields={"published": "2017-05-12"}))
    visitors = {e.actor.name for e in doc.events if e.type == "visit"}
    assert visitors == {"François-Philippe Champagne"}


def stored_with_names(store, names: list[str]) -> None:
    from sukien.app.ingest import relink

    for n, name in enumerate(names):
        doc = Doc(record=RawRecord(source=f"s{n}.txt", kind="text", text=f"article {n} {name}"))
        doc.text, doc.published = doc.record.text, "2024-06-20"
        doc.events = [visit(f"{doc.id}-1", name, "2024-06-19")]
        store.add(doc)
    relink(store)


@pytest.mark.parametrize("asked", ["B. K. Kretanov", "borislav kretanov", "Kretanov"])
def test_the_actor_filter_finds_a_person_by_any_of_their_names(store, asked):
    stored_with_names(store, ["Borislav Kretanov", "B. K. Kretanov"])
    assert len(store.events(Filters(actor=asked))) == 2
    assert [trip.actor.name for trip in store.trips(Filters(actor=asked))] == ["Borislav Kretanov"]


def test_the_store_tells_a_persons_names(store):
    stored_with_names(store, ["Borislav Kretanov", "B. K. Kretanov"])
    found = store.person("b k kretanov")
    assert found is not None and found.name == "Borislav Kretanov" and found.aliases == ("B. K. Kretanov",)
    assert store.person("Dimitar Kretanov") is None


@pytest.mark.parametrize("asked", ["B. K. Kretanov", "Borislav Kretanov"])
def test_the_actor_page_is_the_person_under_one_name_with_the_others(store, db_path, asked):
    from starlette.testclient import TestClient

    from sukien.shells.api import create_app

    stored_with_names(store, ["Borislav Kretanov", "B. K. Kretanov"])
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as client:
        data = client.get(f"/actors/{asked}", params={"format": "json"}).json()
        assert (data["name"], data["aliases"]) == ("Borislav Kretanov", ["B. K. Kretanov"])
        assert len(data["events"]) == 2
        assert "B. K. Kretanov" in client.get(f"/actors/{asked}").text


def test_the_timeline_lists_a_person_once_under_one_name(store, db_path):
    """Its leaders are the trips' and the events' actors; an event keeps the name its article wrote."""
    from starlette.testclient import TestClient

    from sukien.shells.api import create_app

    stored_with_names(store, ["Borislav Kretanov", "B. K. Kretanov"])
    with TestClient(create_app(str(db_path)), base_url="http://127.0.0.1") as client:
        leaders = client.get("/timeline", params={"format": "json"}).json()["leaders"]
    assert [name for name in leaders if "Kretanov" in name] == ["Borislav Kretanov"]


def test_the_actor_facet_counts_a_person_once_under_one_name(store):
    from sukien.app.search import search

    stored_with_names(store, ["Borislav Kretanov", "B. K. Kretanov"])
    found = search(store, "Kretanov")
    assert found.facets["actor"] == [{"value": "Borislav Kretanov", "count": 2}]
