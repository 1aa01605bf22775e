"""The ingest driver: one bad record never stops a batch, trips are re-linked, workers agree."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

import pytest

from conftest import article_text, corpus_sample
from sukien.app.ingest import ingest
from sukien.errors import Code
from sukien.models import Trip
from sukien.pipeline import process
from sukien.store import open_store


def write_jsonl(path: Path, texts: list[str]) -> Path:
    lines = [json.dumps({"id": f"item-{n}", "title": f"Bài {n}", "text": text}, ensure_ascii=False)
             for n, text in enumerate(texts, start=1)]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_record_that_breaks_a_stage_is_reported_and_the_rest_stored(store, tmp_path, monkeypatch):
    items = write_jsonl(tmp_path / "items.jsonl", [article_text(n) for n in range(1, 6)])
    broken = article_text(3)

    def process_failing_on_one(record, **wanted):
        if record.text == broken:
            raise ValueError("a stage met something it did not expect")
        return process(record, **wanted)

    monkeypatch.setattr("sukien.app.ingest.process", process_failing_on_one)
    report = ingest(store, [items])
    assert (report.read, report.stored, report.rejected) == (5, 4, 1)
    [error] = report.errors
    assert (error.code, error.source, error.line) == (Code.PROCESS, "items.jsonl", 3)
    assert "ValueError" in str(error) and "item-3" in str(error)
    assert len(store.articles()) == 4


def test_reader_rejections_are_counted_apart_from_records(store, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "good.txt").write_text(article_text(1), encoding="utf-8")
    report = ingest(store, [inputs])
    assert (report.read, report.stored, report.rejected) == (1, 1, 1)
    assert report.errors[0].code == Code.EMPTY


def test_every_ingest_relinks_all_stored_events(store, tmp_path, monkeypatch):
    seen: list[int] = []

    def one_trip_per_actor(events):
        seen.append(len(events))
        actors = sorted({e.actor.name for e in events})
        return [Trip(id=f"t{n}", actor=events[0].actor, events=[e.id for e in events if e.actor.name == name])
                for n, name in enumerate(actors, start=1)]  # fmt: skip

    def process_with_event(record, **wanted):
        from sukien.models import Event, Person, codes_for

        doc = process(record, **wanted)
        actor = Person(name="Phạm Minh Chính", country="VN")
        doc.events = [Event(id="draft", type="meet", actor=actor, codes=codes_for("meet"))]
        doc.number_events()
        return doc

    monkeypatch.setattr("sukien.app.ingest.link", one_trip_per_actor)
    monkeypatch.setattr("sukien.app.ingest.process", process_with_event)
    ingest(store, [write_jsonl(tmp_path / "a.jsonl", [article_text(1), article_text(2)])])
    report = ingest(store, [write_jsonl(tmp_path / "b.jsonl", [article_text(3)])])
    assert seen == [2, 3]  # the second run links the old events with the new one
    assert report.trips == 1
    assert {e.trip_id for e in store.events()} == {"t1"}


@pytest.mark.slow
def test_worker_processes_store_what_a_single_process_stores(tmp_path, corpus_dir):
    sample = corpus_sample(corpus_dir, "vietnews.jsonl.xz", 400, tmp_path / "sample.jsonl")
    results = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as store:
            report = ingest(store, [sample], workers=workers)
            results.append((report.stored, report.rejected, store.articles(), store.events()))
    assert results[0][0] > 0
    assert results[0] == results[1]


def test_a_stored_input_is_skipped_before_the_pipeline_runs(store, tmp_path, monkeypatch):
    first = write_jsonl(tmp_path / "first.jsonl", [article_text(n) for n in range(1, 6)])
    stored = ingest(store, [first])
    calls: list[str] = []

    def counting(record, **wanted):
        calls.append(record.text)
        return process(record, **wanted)

    monkeypatch.setattr("sukien.app.ingest.process", counting)
    # The same file again, a copy of it under another name, and one new article after them.
    (tmp_path / "again").mkdir()
    copy = tmp_path / "again" / "copy.jsonl"
    copy.write_bytes(first.read_bytes())
    more = write_jsonl(tmp_path / "more.jsonl", [article_text(n) for n in range(1, 7)])
    report = ingest(store, [first, copy, more])
    assert calls == [article_text(6)]  # only the one input never seen was extracted
    assert (report.read, report.stored, report.duplicates, report.rejected) == (16, 1, 15, 0)
    ids = report.article_ids
    assert ids[:5] == stored.article_ids == ids[5:10] == ids[10:15]
    assert len(store.articles()) == 6 and report.trips == stored.trips


def test_sketches_made_in_workers_find_the_same_near_duplicates(tmp_path):
    from sukien.app.dedup import NearDuplicateIndex, sketch

    story = " ".join(article_text(n) for n in range(1, 8))
    edited = story.replace("hợp tác", "hợp tác chặt chẽ", 1)
    texts = {"a": story, "b": edited, "c": article_text(40), "d": "ngắn"}
    by_text, by_sketch = NearDuplicateIndex(), NearDuplicateIndex()
    for key, text in texts.items():
        assert by_text.add(key, text) == by_sketch.add_sketch(key, sketch(text))
    assert by_sketch.add_sketch("e", sketch(story + " Hết.")) == "a"


def test_a_stop_while_writing_closes_the_processing_at_once(store):
    """Ctrl-C in the writer closes the stream of processed records there and then, which ends the
    worker processes; left to the garbage collector, the pool's exit handler waited for every chunk
    queued for them (a CI run hung past two minutes)."""
    from sukien.app.ingest import Interrupted, Located, Stored, _run
    from sukien.doc import RawRecord

    closed = []

    def outcomes():
        try:
            while True:
                yield Located(RawRecord(source="x", kind="text", text="x"), "x", 1), Stored("a")
        finally:
            closed.append(True)

    def stopped(*_args) -> None:
        raise KeyboardInterrupt

    stream = outcomes()
    with pytest.raises(Interrupted):
        _run(store, stream, stopped, progress=lambda _n: stopped())
    assert closed == [True]


def test_stopped_processing_lets_its_workers_end_rather_than_killing_them():
    """A worker terminated while sending its results leaves half a message in the pool's result pipe,
    and the interpreter's exit then waits for the rest for ever (CI hung past two minutes): asked to
    stop, the workers end by themselves, after the record each is on."""
    from sukien.app.ingest import Located, processed
    from sukien.doc import RawRecord

    records = (RawRecord(source="s", kind="text", text=f"Bài {n}. Thủ tướng thăm Lào ngày {n % 28 + 1}/3.")
               for n in range(600))  # fmt: skip
    stream = processed((Located(record, "s", n) for n, record in enumerate(records)), workers=2)
    next(stream)
    workers = multiprocessing.active_children()
    stream.close()
    deadline = time.monotonic() + 5
    while any(worker.exitcode is None for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers and [worker.exitcode for worker in workers] == [0] * len(workers)
