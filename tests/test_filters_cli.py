"""Filters as a user types them (issue 11): `--outlet` without regard to case or diacritics, on trips
too (CLI and API); the CLI refuses a negative `--limit` or `--offset` as the API does."""

from __future__ import annotations

import io

import pytest
from starlette.testclient import TestClient

from sukien.shells import cli
from sukien.shells.api import create_app
from sukien.store import Filters, open_store

pytestmark = pytest.mark.both_backends


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    args = cli.build_parser().parse_args(list(argv))
    args.out = out
    return cli.COMMANDS[args.command].run(args), out.getvalue()


@pytest.fixture(scope="module")
def outlets(seeded_db):
    with open_store(str(seeded_db), create=False) as store:
        return sorted({a.outlet for a in store.articles() if a.outlet})


def test_the_outlet_filter_ignores_case_and_diacritics(seeded, outlets):
    outlet = outlets[0]  # e.g. "Tạp chí Cộng sản"
    exact = seeded.articles(Filters(outlet=outlet))
    assert exact
    from sukien.text.fold import fold

    assert [a.id for a in seeded.articles(Filters(outlet=fold(outlet).upper()))] == [a.id for a in exact]
    assert seeded.articles(Filters(outlet="zzz")) == []


def test_trips_follow_the_outlet_filter(seeded, outlets):
    everything = seeded.trips()
    assert seeded.trips(Filters(outlet="zzz")) == []
    by_outlet = {outlet: seeded.trips(Filters(outlet=outlet)) for outlet in outlets}
    assert all(set(t.id for t in found) <= {t.id for t in everything} for found in by_outlet.values())
    assert any(found for found in by_outlet.values())


def test_the_cli_and_the_api_filter_trips_by_outlet(seeded_db, backend):
    code, out = run("trips", "--db", str(seeded_db), "--outlet", "zzz", "--format", "json")
    assert code == 0 and out.strip() == "[]"
    if backend == "sqlite":  # the API over the same store: one backend is enough
        with TestClient(create_app(str(seeded_db)), base_url="http://127.0.0.1") as client:
            assert client.get("/api/trips", params={"outlet": "zzz"}).json()["items"] == []


@pytest.mark.parametrize(
    "option", [("--limit", "-1"), ("--limit", "0"), ("--offset", "-5"), ("--limit", "x")]
)
def test_the_cli_refuses_negative_limits_and_offsets(option, capsys):
    assert cli.main(["events", "--db", "unused.db", *option]) == 2
    assert "E203" in capsys.readouterr().err
