"""The stage registry and `process` (`sukien.pipeline`): every stage declares what it reads and adds,
the declarations chain, and `process` runs them in order on one record (here the seed articles)."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from conftest import corpus_sample
from sukien.doc import Doc, RawRecord
from sukien.pipeline import GIVEN, ORDER, REGISTRY, process, stages

DOC_ATTRIBUTES = {f.name for f in fields(Doc)}


@pytest.fixture(scope="module")
def seed_records(seeds_dir: Path) -> list[RawRecord]:
    return [
        RawRecord(source=path.name, kind="text", text=path.read_text(encoding="utf-8"))
        for path in sorted(seeds_dir.glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def seed_004(seeds_dir: Path) -> RawRecord:
    path = next(seeds_dir.glob("004_*.txt"))
    return RawRecord(source=path.name, kind="text", text=path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def processed(seed_records: list[RawRecord]) -> list[Doc]:
    return [process(record) for record in seed_records]


# --- the registry ---------------------------------------------------------------------------------


def test_every_stage_in_order_is_registered() -> None:
    assert [s.name for s in stages()] == list(ORDER) and set(ORDER) <= set(REGISTRY)


@pytest.mark.parametrize("name", ORDER)
def test_stage_declares_what_it_reads_and_adds(name: str) -> None:
    stages()
    declared = REGISTRY[name]
    assert declared.requires and declared.adds


@pytest.mark.parametrize("name", ORDER)
def test_stage_declares_doc_attributes(name: str) -> None:
    stages()
    declared = REGISTRY[name]
    assert set(declared.requires + declared.adds) <= DOC_ATTRIBUTES


@pytest.mark.parametrize("index", range(len(ORDER)))
def test_stage_reads_only_what_earlier_stages_add(index: int) -> None:
    earlier = stages()[:index]
    available = set(GIVEN) | {attribute for s in earlier for attribute in s.adds}
    assert set(stages()[index].requires) <= available


def test_no_two_stages_add_the_same_attribute() -> None:
    added = [attribute for s in stages() for attribute in s.adds]
    assert len(added) == len(set(added))


@pytest.mark.parametrize("name", ORDER)
def test_stage_fills_the_doc_it_is_given(seed_004: RawRecord, name: str) -> None:
    doc = Doc(record=seed_004)
    for current in stages():
        result = current(doc)
        assert result is doc  # like spaCy's Doc, stages never copy it
        if current.name == name:
            break


# --- process ----------------------------------------------------------------------------------------


def test_until_clean_stops_after_clean(seed_004: RawRecord) -> None:
    doc = process(seed_004, until="clean")
    assert doc.text and doc.title
    assert (doc.norm, doc.sentences, doc.mentions, doc.dates, doc.events) == ("", [], [], [], [])


@pytest.mark.parametrize(
    ("until", "filled", "empty"),
    [
        ("clean", ["text"], ["norm", "sentences", "mentions", "events"]),
        ("normalise", ["text", "norm"], ["sentences", "mentions", "events"]),
        ("understand", ["text", "norm", "sentences", "mentions", "dates"], ["events"]),
        ("extract", ["text", "norm", "sentences", "mentions", "dates", "events"], []),
    ],
)
def test_until_runs_the_stages_up_to_it(
    seed_004: RawRecord, until: str, filled: list[str], empty: list[str]
) -> None:
    doc = process(seed_004, until=until)
    assert all(getattr(doc, name) for name in filled)
    assert not any(getattr(doc, name) for name in empty)


def test_process_runs_every_stage(seed_004: RawRecord) -> None:
    assert process(seed_004).events


def test_process_is_deterministic(seed_004: RawRecord) -> None:
    first = [e.model_dump() for e in process(seed_004).events]
    second = [e.model_dump() for e in process(seed_004).events]
    assert first == second


def test_norm_keeps_offsets(processed: list[Doc]) -> None:
    assert all(len(doc.norm) == len(doc.text) for doc in processed)


def test_sentences_are_ordered_spans_of_text(processed: list[Doc]) -> None:
    for doc in processed:
        ends = [0] + [end for _, end in doc.sentences]
        assert all(ends[i] <= start < end <= len(doc.text) for i, (start, end) in enumerate(doc.sentences))


def test_mentions_lie_inside_text(processed: list[Doc]) -> None:
    mentions = [(doc, m) for doc in processed for m in doc.mentions]
    assert mentions and all(0 <= m.start < m.end <= len(doc.text) for doc, m in mentions)


def test_event_ids_are_unique_per_article(processed: list[Doc]) -> None:
    for doc in processed:
        ids = [e.id for e in doc.events]
        assert len(ids) == len(set(ids))


def test_events_keep_the_records_source(processed: list[Doc], seed_records: list[RawRecord]) -> None:
    for doc, record in zip(processed, seed_records, strict=True):
        assert {s for e in doc.events for s in e.sources} <= {record.source}


# --- the declarations are true ----------------------------------------------------------------------

# Properties of Doc and the fields they read.
DERIVED = {"id": {"text"}, "published_date": {"published"}, "source": {"record"}}


class ReadRecorder(Doc):
    """A Doc that notes every field a stage reads."""

    def __getattribute__(self, name: str):
        if not name.startswith("_") and name in DOC_ATTRIBUTES | set(DERIVED):
            object.__getattribute__(self, "_reads").update(DERIVED.get(name, {name}))
        return object.__getattribute__(self, name)


@pytest.mark.parametrize("index", range(len(ORDER)))
def test_a_stage_reads_only_what_it_declares(seed_004: RawRecord, index: int) -> None:
    chain = stages()
    doc = Doc(record=seed_004)
    for earlier in chain[:index]:
        doc = earlier(doc)
    recorder = ReadRecorder(**{f.name: getattr(doc, f.name) for f in fields(Doc) if f.init})
    object.__setattr__(recorder, "_reads", set())
    chain[index](recorder)
    reads = object.__getattribute__(recorder, "_reads") - {"errors"}
    assert reads <= set(chain[index].requires) | set(chain[index].adds)


def test_a_stage_out_of_order_fails_at_once() -> None:
    from sukien.errors import SukienError
    from sukien.pipeline import check_order

    chain = stages()
    with pytest.raises(SukienError, match="requires"):
        check_order((chain[2], chain[0]))  # understand before clean: no text yet


def test_a_coded_refusal_of_a_stage_is_kept_on_the_doc(monkeypatch) -> None:
    from sukien import pipeline
    from sukien.errors import Code, InputError
    from sukien.stages import Stage

    def refuse(doc: Doc) -> Doc:
        raise InputError(Code.EMPTY, "nothing to read", doc.source)

    ran: list[str] = []

    def after(doc: Doc) -> Doc:
        ran.append("after")
        return doc

    chain = (Stage("refuse", ("record",), (), refuse), Stage("after", ("record",), (), after))
    monkeypatch.setattr(pipeline, "stages", lambda: chain)
    doc = pipeline.process(RawRecord(source="x.txt", kind="text", text="x"))
    assert [e.code for e in doc.errors] == [Code.EMPTY] and ran == []


# --- only the events wanted --------------------------------------------------------------------------


def test_only_events_wanted_an_article_that_names_no_one_is_understood_no_further() -> None:
    text = (
        "Hà Nội, ngày 5/3/2017 - Giá vàng hôm nay tăng mạnh tại Thành phố Hồ Chí Minh. Thị trường sôi động."
    )
    record = RawRecord(source="gold.txt", kind="text", text=text)
    assert process(record).mentions  # the places and the date are there to find
    doc = process(record, events_only=True)
    assert doc.text and (doc.sentences, doc.mentions, doc.dates, doc.events) == ([], [], [], [])


def test_only_events_wanted_the_events_are_the_same(corpus_dir: Path, tmp_path: Path) -> None:
    from sukien.read import read_file

    sample = corpus_sample(corpus_dir, "vietnews.jsonl.xz", 400, tmp_path / "sample.jsonl")
    records = [item for item in read_file(sample) if isinstance(item, RawRecord)]
    full = [process(record) for record in records]
    assert any(doc.events for doc in full) and any(not doc.mentions for doc in full)
    wanted = [[e.model_dump() for e in process(record, events_only=True).events] for record in records]
    assert wanted == [[e.model_dump() for e in doc.events] for doc in full]
