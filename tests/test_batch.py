"""`sukien batch` gives what `sukien ingest` stores (ids included), reruns write the same files, a
failed item is named and the rest goes on, and `sukien load` puts the result into a store."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from conftest import corpus_sample
from sukien.app.batch import load, logged_progress, run_batch
from sukien.app.batch_files import read_articles, read_events, read_trips
from sukien.app.batch_stages import link_by_actor
from sukien.app.ingest import ingest
from sukien.errors import Code
from sukien.link import link
from sukien.shells.cli import main
from sukien.store import open_store


@pytest.fixture(scope="module")
def inputs(seeds_dir: Path, corpus_dir: Path, tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("inputs")
    sample = corpus_sample(corpus_dir, "baomoi-2017.jsonl.xz", 620, folder / "sample.jsonl")
    # The first items and a few later ones (item 610: a visit whose year only the linker infers).
    lines = sample.read_text(encoding="utf-8").splitlines(keepends=True)
    sample.write_text("".join(lines[:60] + lines[604:614]), encoding="utf-8")
    # The same lines again (each article once), and a line that is no article: named, not stopping.
    (folder / "again.jsonl").write_text("".join(lines[:5]) + "{not json\n" + lines[5], encoding="utf-8")
    return [seeds_dir, sample, folder / "again.jsonl"]


@pytest.fixture(scope="module")
def ingested(inputs: list[Path], tmp_path_factory):
    db = tmp_path_factory.mktemp("ingest") / "ingest.db"
    with open_store(db) as store:
        report = ingest(store, inputs, workers=1)
    with open_store(db, read_only=True) as store:
        yield report, store.articles(), store.events(), store.trips()


def dumped(items) -> list[dict]:
    return sorted((item.model_dump(mode="json") for item in items), key=lambda data: data["id"])


def test_batch_gives_what_ingest_stores(inputs, ingested, tmp_path):
    report, articles, events, trips = ingested
    result = run_batch(inputs, tmp_path / "out", workers=2)
    assert (result.read, result.articles, result.events, result.trips) == (
        report.read, report.stored, report.events, report.trips
    )  # fmt: skip
    assert result.duplicates == 6
    [error] = result.errors
    assert (error.code, error.source, error.line) == (Code.BAD_JSON, "again.jsonl", 6)
    assert dumped(row.article for row in read_articles(tmp_path / "out")) == dumped(articles)
    assert dumped(read_events(tmp_path / "out")) == dumped(events)
    assert dumped(read_trips(tmp_path / "out")) == dumped(trips)
    assert any(article.duplicate_of for article in articles) or result.near_duplicates == 0


def test_a_rerun_writes_the_same_files(inputs, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    run_batch(inputs, first, workers=1)
    run_batch(inputs, second, workers=1)
    run_batch(inputs, second, workers=1)  # over its own earlier result
    files = sorted(p.relative_to(first) for p in first.rglob("*.parquet"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.parquet")) and files
    assert all((first / name).read_bytes() == (second / name).read_bytes() for name in files)
    assert not [p for p in second.iterdir() if p.name.startswith(".")]


def test_linking_each_actor_apart_gives_the_trips_of_linking_all(ingested):
    _, _, events, trips = ingested
    assert dumped(link_by_actor([e.model_copy() for e in events])) == dumped(trips)
    assert dumped(link([e.model_copy() for e in events])) == dumped(trips)


def test_load_puts_the_result_into_a_store_as_ingest_would(inputs, ingested, tmp_path):
    _, articles, events, trips = ingested
    run_batch(inputs, tmp_path / "out", workers=1)
    db = tmp_path / "loaded.db"
    assert main(["load", str(tmp_path / "out"), "--db", str(db)]) == 0
    assert main(["load", str(tmp_path / "out"), "--db", str(db)]) == 0  # again: nothing new, same trips
    with open_store(db, read_only=True) as store:
        assert [a.id for a in store.articles()] == [a.id for a in articles]
        assert dumped(store.articles()) == dumped(articles)
        assert dumped(store.events()) == dumped(events)
        assert dumped(store.trips()) == dumped(trips)
        assert store.stats().raw_inputs == len(articles)
    with open_store(db) as store:  # the inputs loaded are known: ingesting them again extracts nothing
        again = ingest(store, inputs[:1], workers=1)
    assert again.stored == 0 and again.duplicates == again.read > 0


def test_load_refuses_a_folder_that_is_no_finished_result(tmp_path, capsys):
    run_batch([], tmp_path / "out")
    shutil.copytree(tmp_path / "out", tmp_path / "half")
    (tmp_path / "half" / "batch.json").unlink()
    assert main(["load", str(tmp_path / "half"), "--db", str(tmp_path / "x.db")]) == 2
    assert Code.BATCH_OUTPUT.value in capsys.readouterr().err
    with open_store(tmp_path / "y.db") as store:
        assert load(store, tmp_path / "out").stored == 0


def test_an_engine_that_cannot_run_here_is_a_coded_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sukien.app.spark.unavailable", lambda: "the Spark engine needs pyspark")
    assert main(["batch", "--engine", "spark", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert f"{Code.ENGINE.value} the Spark engine needs pyspark" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_linking_leaves_the_events_as_extracted(ingested, monkeypatch):
    from sukien.link import link_actor

    def dating(events):  # the linker may date an undated event for its reasoning; the store never keeps it
        trips = link_actor(events)
        for event in events:
            event.start = event.start or "2017-01-01"
        return trips

    monkeypatch.setattr("sukien.app.batch_stages.link_actor", dating)
    _, _, events, trips = ingested
    linked = [event.model_copy(update={"trip_id": None}) for event in events]
    assert dumped(link_by_actor(linked)) == dumped(trips)
    assert dumped(linked) == dumped(events)


def test_the_batch_command_logs_each_stage_with_its_counts(seeds_dir, tmp_path, capsys):
    assert main(["batch", str(seeds_dir), "--workers", "1", "--out", str(tmp_path / "out")]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("sukien: stage ")]
    ends = [line for line in lines if line.endswith(" s")]  # each stage's last line says its time
    assert [line.split()[2].rstrip(":") for line in ends] == ["process", "dedup", "link", "write"]
    assert "5 inputs, 0 rejected" in ends[0] and "5 articles" in ends[1]


def test_a_long_stage_logs_its_progress(caplog):
    ticks = iter([0.0, 0.5, 1.0, 1.5, 2.0])  # started, then after each of four inputs
    with caplog.at_level(logging.INFO, logger="sukien.app.batch"):
        assert list(logged_progress(iter("abcd"), every=1, clock=lambda: next(ticks))) == list("abcd")
    assert caplog.messages == [
        "stage process: 2 inputs done, 2.0 a second",
        "stage process: 4 inputs done, 2.0 a second",
    ]
