"""The web pages: escaped article text, evidence highlighted, markers, filters, language, JSON views."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from seeded_store import LOCAL, TO_LAM_PAROLIN_SOURCE, store_text, trip_telling
from sukien.models import Event, Evidence, Location, Person, codes_for
from sukien.shells.api import create_app
from sukien.store import open_store

XSS_TITLE = '<script>alert("title")</script>'
XSS_BODY = (
    'Hồng y Parolin <img src=x onerror=alert(1)> gặp <script>alert("body")</script> tại "Rome" & Vatican.'
)


@pytest.fixture
def xss_client(tmp_path):
    db = tmp_path / "xss.db"
    with open_store(db) as store:
        evidence = Evidence(source="xss.txt", text=XSS_BODY, start=0, end=len(XSS_BODY))
        event = Event(
            id="draft",
            type="meet",
            actor=Person(name='<b onmouseover="x()">Tô Lâm</b>', country="VN"),
            counterparts=[Person(name="<i>Parolin</i>")],
            location=Location(country="VA"),
            evidence=[evidence],
            codes=codes_for("meet"),
        )
        article_id = store_text(
            store, "xss.txt", XSS_BODY, title=XSS_TITLE, outlet="<u>Báo</u>", events=[event]
        )
    with TestClient(create_app(str(db)), base_url=LOCAL) as opened:
        yield opened, article_id


def test_an_xss_payload_in_an_article_shows_as_text(xss_client):
    client, article_id = xss_client
    page = client.get(f"/articles/{article_id}").text
    for raw in ("<script>", "<img src=x", "<u>Báo", "<b onmouseover", "<i>Parolin"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize(
    "path", ["/search?q=parolin", "/search?q=<script>alert(1)</script>", "/", "/timeline", "/map"]
)
def test_no_page_lets_markup_through(xss_client, path):
    client, _ = xss_client
    response = client.get(path)
    assert response.status_code == 200
    assert "<script>alert" not in response.text and "<img src=x" not in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_the_search_snippet_marks_the_match_inside_escaped_text(xss_client):
    client, _ = xss_client
    page = client.get("/search", params={"q": "parolin"}).text
    assert "Hồng y <mark>Parolin</mark> &lt;img" in page


def test_the_trip_page_highlights_each_sources_evidence(client, seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    page = client.get(f"/trips/{trip.id}").text
    sources = page[page.index('id="sources"') :]
    blocks = sources.split('<article class="source">')[1:]
    assert len(blocks) == len(trip.sources)
    assert all('<mark class="evidence">' in block for block in blocks)
    marked = re.findall(r'<mark class="evidence">(.*?)</mark>', sources, re.S)
    assert any("Hồng y Pietro Parolin" in text for text in marked)


def test_the_trip_page_lists_legs_and_meetings(client, seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    data = client.get(f"/trips/{trip.id}", params={"format": "json"}).json()
    assert [leg["country"] for leg in data["legs"]] == [leg.country for leg in trip.legs]
    assert any(p["name"] == "Pietro Parolin" for m in data["meetings"] for p in m["counterparts"])


def test_the_map_has_a_marker_per_placed_place(client, seeded):
    page = client.get("/map").text
    places = {(leg.city, leg.country) for trip in seeded.trips() for leg in trip.legs}
    markers = client.get("/map", params={"format": "json"}).json()["map"]["markers"]
    assert page.count('class="marker"') - 3 == len(markers) == len(places)  # less the legend's three


def test_markers_sit_where_the_gazetteer_puts_the_place(client, seeded):
    from sukien.shells.web.geo import coordinates, project

    markers = client.get("/map", params={"format": "json"}).json()["map"]["markers"]
    new_york = [m for m in markers if m["place"].startswith("New York")]
    assert new_york and (new_york[0]["x"], new_york[0]["y"]) == project(*coordinates("New York", "US"))


@pytest.mark.parametrize(
    ("params", "actors"),
    [
        ({"leader": "Tô Lâm"}, {"Tô Lâm"}),
        ({"country": "KR"}, {"Lương Cường"}),
        ({"year": "2023"}, {"Võ Văn Thưởng"}),
    ],
)
def test_the_timeline_filters_on_the_server_too(client, params, actors):
    data = client.get("/timeline", params={**params, "format": "json"}).json()
    assert {trip["actor"] for trip in data["trips"]} == actors


def test_the_page_data_and_the_html_agree(client):
    data = client.get("/timeline", params={"format": "json"}).json()
    page = client.get("/timeline").text
    assert data["trips"]
    for trip in data["trips"]:
        assert f'href="/trips/{trip["id"]}"' in page


def test_the_english_toggle_changes_the_labels_and_is_remembered(client):
    assert "Dòng thời gian" in client.get("/timeline").text
    english = client.get("/timeline", params={"lang": "en"})
    assert "<h1>Timeline</h1>" in english.text
    assert "<h1>Timeline</h1>" in client.get("/timeline").text  # the cookie keeps the choice
    assert "<h1>Dòng thời gian</h1>" in client.get("/timeline", params={"lang": "vi"}).text


def test_the_actor_page_lists_all_trips_of_one_leader(client, seeded):
    trips = seeded.trips()
    data = client.get("/actors/Tô Lâm", params={"format": "json"}).json()
    assert [t["id"] for t in data["trips"]] == [t.id for t in trips if t.actor.name == "Tô Lâm"]


def test_an_unknown_trip_is_a_404_page(client):
    response = client.get("/trips/nope")
    assert response.status_code == 404 and "E202" in response.text


def test_static_map_is_shipped(client):
    response = client.get("/static/world.svg")
    assert response.status_code == 200 and response.text.count("<path") > 150
