"""The JSON API: pages and filters as the CLI, one error shape, harmless injections, tokens, CORS."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from conftest import article_text
from seeded_store import LOCAL, TO_LAM_PAROLIN_SOURCE, trip_telling
from sukien.errors import Code
from sukien.shells import cli
from sukien.shells.api import create_app
from sukien.store import Filters

CODES = {code.value for code in Code}


def assert_error_shape(response, status: int, code: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    assert body["error"]["code"] == code and body["error"]["code"] in CODES
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize("kind", ["articles", "events", "trips"])
def test_pages_follow_one_another(client, kind):
    everything = client.get(f"/api/{kind}", params={"limit": 500}).json()["items"]
    first = client.get(f"/api/{kind}", params={"limit": 2}).json()
    second = client.get(f"/api/{kind}", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert [item["id"] for item in first["items"] + second["items"]] == [
        item["id"] for item in everything[:4]
    ]
    assert first["next_offset"] == 2


@pytest.mark.parametrize(
    ("params", "filters"),
    [
        ({"actor": "to lam"}, Filters(actor="to lam")),
        ({"country": "va"}, Filters(country="VA")),
        ({"type": "meet,attend"}, Filters(types=("meet", "attend"))),
        ({"since": "2024-09-22", "until": "2024-09-23"}, Filters(since="2024-09-22", until="2024-09-23")),
        ({"outlet": "Tạp chí Cộng sản"}, Filters(outlet="Tạp chí Cộng sản")),
    ],
)
def test_event_filters_are_the_stores(client, seeded, params, filters):
    expected = [event.id for event in seeded.events(filters)]
    got = [item["id"] for item in client.get("/api/events", params={**params, "limit": 500}).json()["items"]]
    assert got == expected and expected


def test_one_trip_its_brief_and_search(client, seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    assert client.get(f"/api/trips/{trip.id}").json()["id"] == trip.id
    assert set(client.get(f"/api/trips/{trip.id}/brief").json()["sources"]) == set(trip.sources)
    hits = client.get("/api/search", params={"q": "to lam parolin"}).json()["articles"]
    first = hits[0]
    assert first["source"] == TO_LAM_PAROLIN_SOURCE
    assert "Parolin" in [first["snippet"][a:b] for a, b in first["highlights"]]


@pytest.mark.parametrize(
    ("method", "path", "params", "status", "code"),
    [
        ("get", "/api/articles/nope", {}, 404, "E202"),
        ("get", "/api/events/nope", {}, 404, "E202"),
        ("get", "/api/trips/nope", {}, 404, "E202"),
        ("get", "/api/trips/nope/brief", {}, 404, "E202"),
        ("get", "/api/no-such-endpoint", {}, 404, "E202"),
        ("get", "/api/events", {"since": "yesterday"}, 400, "E203"),
        ("get", "/api/events", {"country": "USA"}, 400, "E203"),
        ("get", "/api/events", {"type": "party"}, 400, "E203"),
        ("get", "/api/events", {"limit": "0"}, 400, "E203"),
        ("get", "/api/events", {"limit": "many"}, 400, "E203"),
        ("get", "/api/events", {"offset": "-1"}, 400, "E203"),
        ("get", "/api/search", {}, 400, "E203"),
        ("get", "/api/search", {"q": "?!"}, 400, "E203"),
        ("delete", "/api/trips", {}, 405, "E203"),
        ("post", "/api/articles", {}, 403, "E204"),  # a server without token or --allow-writes
    ],
)
def test_every_error_has_the_one_shape(client, method, path, params, status, code):
    assert_error_shape(client.request(method, path, params=params), status, code)


def test_a_server_failure_has_the_one_shape_too(seeded_db, monkeypatch):
    import sukien.app.search

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(sukien.app.search, "search", broken)
    with TestClient(create_app(str(seeded_db)), base_url=LOCAL, raise_server_exceptions=False) as failing:
        response = failing.get("/api/search", params={"q": "parolin"})
    assert_error_shape(response, 500, "E205")
    assert "boom" not in response.text


INJECTIONS = [
    "' OR '1'='1",
    "x'; DROP TABLE events; --",
    '" OR 1=1 --',
    "to lam') OR 1=1 --",
    "%' --",
    "1; DELETE FROM articles",
    "\\'; SELECT * FROM raw_inputs; --",
]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize("param", ["actor", "outlet"])
def test_sql_injection_in_filters_is_harmless(client, seeded, payload, param):
    before = seeded.stats()
    for path in ("/api/articles", "/api/events"):  # the payload is a value no item has
        response = client.get(path, params={param: payload})
        assert response.status_code == 200
        assert response.json()["items"] == []
    trips = client.get("/api/trips", params={param: payload}).json()["items"]
    assert [trip["id"] for trip in trips] == [trip.id for trip in seeded.trips(Filters(**{param: payload}))]
    response = client.get("/api/search", params={"q": payload, param: payload})
    assert response.status_code in (200, 400)
    after = seeded.stats()
    assert (after.articles, after.events, after.trips) == (before.articles, before.events, before.trips)


def test_writes_need_the_token_the_server_asks_for(tmp_path):
    from sukien.store import open_store

    db = tmp_path / "w.db"
    open_store(db).close()
    article = {"text": "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội ngày 5/3/2025.", "id": "n1"}
    with TestClient(create_app(str(db), token="s3cret"), base_url=LOCAL) as guarded:
        assert_error_shape(guarded.post("/api/articles", json=article), 403, "E204")
        wrong = guarded.post("/api/articles", json=article, headers={"Authorization": "Bearer nope"})
        assert_error_shape(wrong, 403, "E204")
        right = guarded.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret"})
        assert right.status_code == 201
        assert guarded.get("/api/stats").json()["articles"] == 1


def test_cors_is_off_unless_origins_are_given(seeded_db):
    origin = {"Origin": "https://example.org"}
    with TestClient(create_app(str(seeded_db)), base_url=LOCAL) as plain:
        assert "access-control-allow-origin" not in plain.get("/api/stats", headers=origin).headers
    shared_app = create_app(str(seeded_db), cors_origins=("https://example.org",))
    with TestClient(shared_app, base_url=LOCAL) as shared:
        assert (
            shared.get("/api/stats", headers=origin).headers["access-control-allow-origin"]
            == "https://example.org"
        )


def test_serve_binds_loopback_by_default_and_asks_a_token_beyond_it(seeded_db, monkeypatch, capsys):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: started.update(app=app, host=host))
    assert cli.main(["serve", "--db", str(seeded_db), "--workers", "1"]) == 0
    assert started["host"] == "127.0.0.1" and started["app"].state.context.token is None
    assert cli.main(["serve", "--db", str(seeded_db), "--host", "0.0.0.0", "--workers", "1"]) == 0
    token = started["app"].state.context.token
    assert token and len(token) >= 24
    assert token in capsys.readouterr().err


def test_the_openapi_document_lists_every_endpoint(client):
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    for path in (
        "/api/articles",
        "/api/events",
        "/api/trips",
        "/api/trips/{id}/brief",
        "/api/search",
        "/api/stats",
    ):
        assert path in document["paths"]
    assert {"Article", "Event", "Trip", "Error"} <= set(document["components"]["schemas"])


# -- property-based: schemathesis generates requests from /openapi.json --------------------------------

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (test extra)")


EXAMPLES_PER_OPERATION = 40


@pytest.mark.slow
def test_no_request_the_document_allows_makes_a_server_error(seeded_db):
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi(
        "/openapi.json",
        create_app(str(seeded_db), token="s3cret", hosts=None),  # its Host: "testserver"
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case):
            response = case.call()
            assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.text}"
            case.validate_response(response)

        check()


def test_a_posted_near_duplicate_points_at_the_first_copy(tmp_path):
    """The POST goes through the same ingest as files: near-duplicates are found too."""
    from sukien.store import open_store

    db = tmp_path / "d.db"
    open_store(db).close()
    body = article_text(7) + " " + " ".join(f"Câu thêm số {n} về hợp tác hai nước." for n in range(40))
    with TestClient(create_app(str(db), allow_writes=True), base_url=LOCAL) as app:
        first = app.post("/api/articles", json={"id": "a1", "text": body}).json()
        second = app.post("/api/articles", json={"id": "a2", "text": body + " Tin thêm."}).json()
        stored = {a["id"]: a for a in app.get("/api/articles").json()["items"]}
    assert first["new"] and second["new"] and first["id"] != second["id"]
    assert stored[second["id"]]["duplicate_of"] == first["id"]


def test_a_refused_post_leaves_the_queue_free(tmp_path):
    from sukien.store import open_store

    db = tmp_path / "q.db"
    open_store(db).close()
    with TestClient(create_app(str(db), allow_writes=True), base_url=LOCAL) as app:
        assert_error_shape(app.post("/api/articles", json={"id": "x"}), 400, "E105")
        assert app.post("/api/articles", json={"id": "y", "text": article_text(3)}).status_code == 201


def test_a_post_beyond_the_waiting_writes_is_refused_busy(tmp_path):
    from sukien.settings import API_MAX_PENDING_WRITES
    from sukien.store import open_store

    db = tmp_path / "b.db"
    open_store(db).close()
    app = create_app(str(db), allow_writes=True)
    app.state.context.writes.pending = API_MAX_PENDING_WRITES  # as many as may wait already wait
    with TestClient(app, base_url=LOCAL) as busy:
        assert_error_shape(busy.post("/api/articles", json={"id": "z", "text": article_text(4)}), 503, "E206")
