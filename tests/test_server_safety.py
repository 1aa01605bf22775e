"""The server as a neighbour sees it: writes off by default, JSON bodies only, its own Host and Origin
only, security headers on every answer, a bounded body, and reads that never wait on a write."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from conftest import article_text
from sukien.settings import API_MAX_BODY_BYTES
from sukien.shells import cli
from sukien.shells.api import SERVE_ENVIRONMENT, app_from_environment, create_app
from sukien.store import open_store

LOCAL = "http://127.0.0.1:8000"
ARTICLE = {"id": "s1", "text": "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản tại Hà Nội ngày 5/3/2025."}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    open_store(path).close()
    return str(path)


def error_code(response) -> str:
    return response.json()["error"]["code"]


def test_a_server_started_plainly_takes_no_writes(db):
    with TestClient(create_app(db), base_url=LOCAL) as plain:
        refused = plain.post("/api/articles", json=ARTICLE)
        assert refused.status_code == 403 and error_code(refused) == "E204"
        assert "--allow-writes" in refused.json()["error"]["message"]
        assert plain.get("/api/stats").json()["articles"] == 0
    with TestClient(create_app(db, allow_writes=True), base_url=LOCAL) as open_:
        assert open_.post("/api/articles", json=ARTICLE).status_code == 201


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (json.dumps(ARTICLE), "text/plain"),  # what a page of another site can send without a preflight
        ("text=" + ARTICLE["text"], "application/x-www-form-urlencoded"),
        (json.dumps(ARTICLE), "multipart/form-data; boundary=x"),
        (json.dumps(ARTICLE), None),
    ],
)
def test_a_write_must_be_declared_json(db, content, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    with TestClient(create_app(db, allow_writes=True), base_url=LOCAL) as app:
        refused = app.post("/api/articles", content=content.encode(), headers=headers)
        assert refused.status_code == 415 and error_code(refused) == "E209"
        charset = {"Content-Type": "application/json; charset=utf-8"}
        assert app.post("/api/articles", content=json.dumps(ARTICLE), headers=charset).status_code == 201


def test_a_body_beyond_the_limit_is_refused_before_it_is_stored(db):
    big = json.dumps({"id": "big", "text": "Hà Nội " * (API_MAX_BODY_BYTES // 7 + 10)})
    with TestClient(create_app(db, allow_writes=True), base_url=LOCAL) as app:
        refused = app.post("/api/articles", content=big, headers={"Content-Type": "application/json"})
        assert refused.status_code == 413 and error_code(refused) == "E208"

        def streamed():  # no Content-Length: counted as it arrives
            yield big.encode()

        chunked = app.post("/api/articles", content=streamed(), headers={"Content-Type": "application/json"})
        assert chunked.status_code == 413 and error_code(chunked) == "E208"
        assert app.get("/api/stats").json()["articles"] == 0


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""])
def test_a_foreign_host_is_refused_dns_rebinding(db, host):
    with TestClient(create_app(db, allow_writes=True), base_url=LOCAL) as app:
        for method, path in (("get", "/api/stats"), ("get", "/"), ("post", "/api/articles")):
            refused = app.request(method, path, json=ARTICLE, headers={"Host": host})
            assert refused.status_code == 403 and error_code(refused) == "E204", (method, path)
        for own in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"):
            assert app.get("/api/stats", headers={"Host": own}).status_code == 200
        assert app.get("/api/stats").json()["articles"] == 0


def test_a_server_beyond_loopback_answers_the_names_it_is_given(db):
    assert cli.allowed_hosts("127.0.0.1", []) == list(cli.LOOPBACK)
    assert cli.allowed_hosts("0.0.0.0", []) is None  # any name; writes need the token there
    assert cli.allowed_hosts("0.0.0.0", ["news.example"]) == ["news.example"]
    with TestClient(create_app(db, hosts=["news.example"]), base_url="http://news.example") as named:
        assert named.get("/api/stats").status_code == 200
        assert named.get("/api/stats", headers={"Host": "other.example"}).status_code == 403


def test_a_page_of_another_site_cannot_write_or_read(db):
    with TestClient(
        create_app(db, allow_writes=True, cors_origins=["https://ok.example"]), base_url=LOCAL
    ) as app:
        for origin in ("https://evil.example", "http://127.0.0.1:9999", "null"):
            refused = app.post("/api/articles", json=ARTICLE, headers={"Origin": origin})
            assert refused.status_code == 403 and error_code(refused) == "E204", origin
            assert app.get("/api/stats", headers={"Origin": origin}).status_code == 403
        assert app.get("/api/stats").json()["articles"] == 0
        # The site's own pages and the origins CORS was given are welcome.
        assert app.get("/api/stats", headers={"Origin": "https://ok.example"}).status_code == 200
        assert app.post("/api/articles", json=ARTICLE, headers={"Origin": LOCAL}).status_code == 201


@pytest.mark.parametrize(
    "path", ["/api/stats", "/api/events?limit=0", "/api/nope", "/", "/static/app.css", "/openapi.json"]
)
def test_every_answer_carries_the_security_headers(db, path):
    with TestClient(create_app(db), base_url=LOCAL) as app:
        headers = app.get(path).headers
        refused = app.get(path, headers={"Host": "evil.example"}).headers
    for seen in (headers, refused):
        assert seen["x-content-type-options"] == "nosniff"
        assert seen["x-frame-options"] == "DENY"
        assert seen["referrer-policy"] == "no-referrer"
        policy = seen["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy


def test_a_server_failure_carries_the_headers_too(db, monkeypatch):
    import sukien.shells.api

    monkeypatch.setattr(sukien.shells.api, "__version__", object())  # stats cannot be encoded
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as app:
        failed = app.get("/api/stats")
    assert failed.status_code == 500 and failed.headers["x-content-type-options"] == "nosniff"


def test_a_slow_post_does_not_delay_reads(db, monkeypatch):
    """The write runs in a worker thread, parsing included: the event loop keeps serving reads.

    The ingest spins in pure Python (it holds the GIL in bytecode, as extraction does) until the read
    has come back, so the read must get both the loop and the interpreter while the write runs. No
    clock decides the outcome: a read that waited for the write would only return once the write's
    ten-second safety limit let it go, and by then the POST would be done."""
    import sukien.shells.api

    real = sukien.shells.api.ingest_records
    writing, read_done = threading.Event(), threading.Event()

    def slow(store, records, workers):
        writing.set()
        give_up = time.monotonic() + 10
        while not read_done.is_set() and time.monotonic() < give_up:
            pass
        return real(store, records, workers=workers)

    monkeypatch.setattr(sukien.shells.api, "ingest_records", slow)
    app = create_app(db, allow_writes=True)

    async def scenario() -> tuple[int, bool, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=LOCAL) as client:
            post = asyncio.create_task(
                client.post("/api/articles", json={"id": "w", "text": article_text(5)})
            )
            while not writing.is_set():  # the write is under way
                await asyncio.sleep(0.01)
            stats = await client.get("/api/stats")
            post_still_running = not post.done()
            read_done.set()
            written = await post
            return stats.status_code, post_still_running, written.status_code

    read_status, post_still_running, post_status = asyncio.run(scenario())
    assert (read_status, post_status) == (200, 201)
    assert post_still_running, "GET /api/stats waited for the POST"


def test_serve_runs_workers_from_the_environment(db, monkeypatch):
    import uvicorn

    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    monkeypatch.delenv(SERVE_ENVIRONMENT, raising=False)
    assert cli.main(["serve", "--db", db, "--workers", "3", "--allow-writes"]) == 0
    assert started["app"] == "sukien.shells.api:app_from_environment" and started["factory"]
    assert started["workers"] == 3
    built = app_from_environment()  # what each worker process builds
    assert built.state.context.db == db and built.state.context.allow_writes
    with TestClient(built, base_url=LOCAL) as worker:
        assert worker.post("/api/articles", json=ARTICLE).status_code == 201
    started.clear()
    monkeypatch.setattr(cli, "cpu_count", lambda: 4)
    assert cli.main(["serve", "--db", db]) == 0
    assert started["workers"] == 4  # the default: one process per CPU


def test_workers_share_the_port_and_each_reads(db):
    """Real processes: two workers behind one socket, both answering reads of the same database."""
    import os
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "sukien", "serve", "--db", db, "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 30
        answers = []
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            while len(answers) < 20 and time.monotonic() < deadline:
                try:
                    answers.append(client.get("/api/stats", headers={"Connection": "close"}).status_code)
                except httpx.TransportError:
                    time.sleep(0.1)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert answers == [200] * 20
    assert len(children) >= 2  # the supervisor's worker processes (and multiprocessing's helper)


def test_allow_writes_is_for_loopback_only(db, capsys):
    assert cli.main(["serve", "--db", db, "--host", "0.0.0.0", "--allow-writes"]) == 2
    assert "loopback only" in capsys.readouterr().err
