"""What a reader sees (issue 11): JSON with Vietnamese as written, occasions as "APEC 2023", search text
without markup when it is not on a terminal."""

from __future__ import annotations

import io

import pytest

from sukien.app.export import occasion_label
from sukien.models import Occasion
from sukien.shells import cli
from sukien.store import open_store


def run(*argv: str) -> str:
    out = io.StringIO()
    args = cli.build_parser().parse_args(list(argv))
    args.out = out
    assert cli.COMMANDS[args.command].run(args) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def trip_ids(seeded_db) -> list[str]:
    with open_store(str(seeded_db), create=False) as store:
        return [trip.id for trip in store.trips()]


def test_brief_json_keeps_vietnamese_as_written(seeded_db, trip_ids):
    written = run("brief", "--db", str(seeded_db), trip_ids[0], "--format", "json")
    assert "\\u" not in written
    assert any(letter in written for letter in "ăâđêôơưạảấầẩẫậ")


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"name": "APEC", "series": "APEC", "year": 2023, "number": 30}, "APEC 2023"),
        ({"name": "UNGA", "series": "UNGA", "year": 2024, "number": 79}, "UNGA 2024"),
        ({"name": "ASEAN", "series": "ASEAN", "number": 44}, "ASEAN #44"),
        ({"name": "Hội nghị Diên Hồng"}, "Hội nghị Diên Hồng"),
    ],
)
def test_an_occasion_reads_as_its_series_and_year(fields, label):
    assert occasion_label(Occasion(**fields)) == label


def test_the_trips_table_shows_occasions_without_their_session_number(seeded_db):
    table = run("trips", "--db", str(seeded_db))
    assert "APEC 2023" in table and "APEC 2023 30" not in table
