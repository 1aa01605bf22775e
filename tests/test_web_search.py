"""The web search page and the API over it (issue 11): totals, facets that filter, paging; an unknown
actor is a 404 in the one error shape; a favicon is served."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from seeded_store import LOCAL, store_text
from sukien.shells.api import create_app
from sukien.store import open_store


@pytest.fixture
def many(tmp_path):
    db = tmp_path / "many.db"
    with open_store(db) as store:
        for number in range(25):
            outlet = "VnExpress" if number % 5 else "Báo Chính phủ"
            store_text(store, f"{number:02d}.txt", f"Bản tin {number} về hội đàm song phương.", outlet=outlet,
                       published=f"{2020 + number % 3}-01-0{1 + number % 9}")  # fmt: skip
    with TestClient(create_app(str(db)), base_url=LOCAL) as opened:
        yield opened


def test_the_api_gives_totals_offset_and_facets(many):
    data = many.get("/api/search", params={"q": "hội đàm", "limit": 10, "offset": 20}).json()
    assert data["total"] == {"articles": 25, "events": 0}
    assert data["offset"] == 20 and len(data["articles"]) == 5
    assert {"value": "VnExpress", "count": 20} in data["facets"]["outlet"]
    assert [item["value"] for item in data["facets"]["year"]] == ["2022", "2021", "2020"]


def test_the_search_page_pages_and_narrows_by_a_facet(many):
    page = many.get("/search", params={"q": "hội đàm"}).text
    assert re.search(r'id="search-totals">[^<]*25', page)
    following = re.search(r'<a rel="next" href="([^"]+)"', page)
    assert following and "offset=20" in following.group(1)
    second = many.get(following.group(1).replace("&amp;", "&")).text
    assert "21–25" in second and 'rel="prev"' in second and 'rel="next"' not in second
    facet = re.search(
        r'<section class="facet" data-facet="outlet">.*?<a href="([^"]+)"[^>]*>Báo Chính phủ', page, re.S
    )
    assert facet
    narrowed = many.get(facet.group(1).replace("&amp;", "&") + "&format=json").json()
    assert narrowed["result"]["total"]["articles"] == 5


def test_an_unknown_actor_is_a_404_in_the_one_error_shape(client):
    response = client.get("/actors/Nobody Atall", params={"format": "json"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "E202"
    assert client.get("/actors/Nobody Atall").status_code == 404


def test_the_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"
