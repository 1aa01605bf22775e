"""Progress of a long ingest (issue 11): a total and the time left also when standard error is a file
or a pipe (a plain line every few seconds), rejected inputs said as they happen, and a summary that
keeps this run's counts apart from the database's."""

from __future__ import annotations

import io
import lzma

import pytest

from conftest import corpus_sample
from sukien import settings
from sukien.app.ingest import expected_records
from sukien.errors import Code, InputError
from sukien.shells import cli
from sukien.shells.progress import Progress, duration


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_plain_line_every_few_seconds_with_total_rate_and_time_left():
    clock, stream = Clock(), io.StringIO()
    shown = Progress("record", "sukien", stream, clock)
    shown.total = 1000
    clock.now = 1.0
    shown.update(100)  # before PROGRESS_SECONDS: nothing yet
    assert stream.getvalue() == ""
    clock.now = settings.PROGRESS_SECONDS * 2
    shown.update(100)
    line = stream.getvalue().strip()
    assert line.startswith("sukien: 200 of 1000 records (20%)")
    assert "/s" in line and "left" in line
    shown.reject(InputError(Code.EMPTY, "has no text", "x.txt"))
    assert "sukien: x.txt: E101 has no text" in stream.getvalue()


@pytest.mark.parametrize(("seconds", "said"), [(7, "0:07"), (750, "12:30"), (3723, "1:02:03")])
def test_durations_read_as_clocks(seconds, said):
    assert duration(seconds) == said


def test_the_total_counts_json_lines_compressed_or_not(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    with lzma.open(tmp_path / "b.jsonl.xz", "wt", encoding="utf-8") as packed:
        packed.write('{"text": "a"}\n' * 5)
    (tmp_path / "c.txt").write_text("một bài", encoding="utf-8")
    assert expected_records([tmp_path]) == 3 + 5 + 1


def test_an_ingest_to_a_log_says_its_progress_rejections_and_both_kinds_of_counts(
    corpus_dir, tmp_path, monkeypatch, capsys
):
    (tmp_path / "in").mkdir()
    sample = corpus_sample(corpus_dir, "baochinhphu-2024-2025.jsonl.xz", 450, tmp_path / "in" / "news.jsonl")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(settings, "PROGRESS_SECONDS", 0.0)
    db = str(tmp_path / "log.db")
    assert cli.main(["ingest", "--db", db, "--workers", "1", str(sample.parent)]) == cli.EXIT_REJECTED
    lines = capsys.readouterr().err.splitlines()
    progress = [line for line in lines if " of 451 records" in line]
    assert progress and "left" in progress[0]
    rejected = next(i for i, line in enumerate(lines) if line.startswith("sukien: empty.txt: E101"))
    run = next(i for i, line in enumerate(lines) if line.startswith("sukien: this run: 450 read"))
    assert rejected < run
    assert sum("empty.txt" in line for line in lines) == 1  # said once, as it happened
    assert lines[run + 1].startswith(f"sukien: the database ({db}): ")
    assert " trips" in lines[run + 1] and "trips" not in lines[run]
