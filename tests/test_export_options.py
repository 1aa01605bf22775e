"""`sukien export` as a user runs it (issue 11): every format with every `--what` either writes what
was asked or is refused with a code; `--out -` is standard output; a missing folder is a coded error
naming the path, with no traceback."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from icalendar import Calendar

from sukien.app.export import FORMAT_KINDS, FORMATS, KINDS
from sukien.shells import cli


class Captured(io.StringIO):
    """Standard output with its binary buffer, as the CLI writes exports to it."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()


def run(*argv: str) -> tuple[int, Captured]:
    out = Captured()
    args = cli.build_parser().parse_args(list(argv))
    args.out = out
    try:
        return cli.COMMANDS[args.command].run(args), out
    except cli.SukienError as err:
        out.write(str(err))
        return cli.EXIT_ERROR, out


@pytest.fixture(scope="module")
def counts(seeded_db):
    from sukien.store import open_store

    with open_store(str(seeded_db), create=False) as store:
        return {"events": store.events(), "trips": store.trips(), "articles": store.articles()}


def read_back(fmt: str, data: bytes) -> list[str]:
    """The ids (or first cells) of what a file holds."""
    if fmt == "csv":
        return [row["id"] for row in csv.DictReader(io.StringIO(data.decode()))]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in data.decode().splitlines()]
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(data)).column("id").to_pylist()
    if fmt == "ics":
        return [str(e["uid"]).removesuffix("@sukien") for e in Calendar.from_ical(data).walk("VEVENT")]
    return list(
        dict.fromkeys(row["event_id"] for row in csv.DictReader(io.StringIO(data.decode()), delimiter="\t"))
    )


@pytest.mark.parametrize("what", KINDS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_honours_what_or_refuses_it(seeded_db, counts, tmp_path, fmt, what):
    out = tmp_path / f"out.{fmt}"
    code, said = run("export", "--db", str(seeded_db), "--format", fmt, "--what", what, "--out", str(out))
    if what not in FORMAT_KINDS[fmt]:
        assert code == cli.EXIT_ERROR and not out.exists()
        assert "E210" in said.getvalue() and what in said.getvalue()
        return
    assert code == 0
    expected = [item.id for item in counts[what] if fmt != "ics" or item.start]
    assert sorted(read_back(fmt, out.read_bytes())) == sorted(expected)


def test_out_dash_is_standard_output(seeded_db, counts, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out = run("export", "--db", str(seeded_db), "--format", "parquet", "--out", "-")
    assert code == 0 and not (tmp_path / "-").exists()
    assert read_back("parquet", out.buffer.getvalue()) == [e.id for e in counts["events"]]


def test_a_missing_folder_is_a_coded_error_naming_the_path(seeded_db, capsys):
    code = cli.main(["export", "--db", str(seeded_db), "--format", "csv", "--out", "/missing/dir/x.csv"])
    err = capsys.readouterr().err
    assert code == cli.EXIT_ERROR
    assert "E211" in err and "/missing/dir/x.csv" in err and "Traceback" not in err
