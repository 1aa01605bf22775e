"""The hand-labelled corpus sample in tests/gold/corpus-sample: a well-formed gold.json in the format of
../shared/SPEC.md, whose ids exist in ../shared/corpus and whose quotes are the items' own words, and (slow)
the project's score on it through ../shared/tools/score.py."""

from __future__ import annotations

import json
import lzma
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

from conftest import SHARED

GOLD_DIR = Path(__file__).resolve().parent / "gold" / "corpus-sample"
GOLD_FILE = GOLD_DIR / "gold.json"

# The score the extractor must keep on this sample; the lead raises it once the extractor exists.

MIN_DOCUMENTS = 60
MIN_DISTRACTORS = 20
TRIP_KEYS = {"actor", "countries", "cities", "start", "end", "status", "occasions", "sources", "note"}
STATUSES = {"planned", "reported", "ongoing", "any"}
# ISO 8601 calendar dates of reduced precision, as the references use them: 2017, 2017-11, 2017-11-10.
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# ISO 3166-1 alpha-2, plus the exceptionally reserved EU that ../shared/dev uses for the European Council.
RESERVED_CODES = {"EU"}
# A quoted phrase in a note: 'words', closed before a space, punctuation or the end.
QUOTE = re.compile(r"'(.+?)'(?=[\s,;:.)]|$)")
ELISION = re.compile(r"\s*\.\.\.\s*|\s*…\s*|\[[^\]]*\]")
LINE_ID = re.compile(r'\{"id": "([^"]+)"')  # corpus lines begin with their id
MAX_NOTE_CHARS = 1500  # notes quote a few words; they never carry an article's text


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD_FILE.read_text(encoding="utf-8"))


def document_ids(gold: dict) -> set[str]:
    return {item for document in gold["documents"] for item in document["ids"]}


def cited_by_trips(gold: dict) -> set[str]:
    return {source for trip in gold["trips"] for source in trip["sources"]}


def is_iso_date(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def is_country_code(code: object) -> bool:
    if not isinstance(code, str):
        return False
    return code in RESERVED_CODES or pycountry.countries.get(alpha_2=code) is not None


def test_documents_are_corpus_items_beside_the_repository(gold):
    for document in gold["documents"]:
        assert set(document) == {"corpus", "ids"}
        beside_the_repository = SHARED / "corpus" / Path(document["corpus"]).name
        assert (GOLD_DIR / document["corpus"]).resolve() == beside_the_repository.resolve()
        assert len(document["ids"]) == len(set(document["ids"])), "an id is listed twice"


def test_sample_is_large_enough_with_distractors(gold):
    ids = document_ids(gold)
    distractors = ids - cited_by_trips(gold)
    assert len(ids) >= MIN_DOCUMENTS
    assert len(distractors) >= MIN_DISTRACTORS


def test_every_cited_id_is_a_listed_document(gold):
    ids = document_ids(gold)
    cited = cited_by_trips(gold) | {entry["source"] for entry in gold["meetings"] + gold["must_not_extract"]}
    assert cited - ids == set()


def test_trips_have_the_reference_shape(gold):
    for trip in gold["trips"]:
        assert set(trip) >= TRIP_KEYS
        assert trip["actor"]["name"] and isinstance(trip["actor"]["roles"], list)
        assert trip["status"] in STATUSES, trip["note"]
        assert trip["sources"], trip["note"]
        assert isinstance(trip.get("optional", False), bool)
        assert all(occasion.get("series") for occasion in trip["occasions"]), trip["note"]


def test_country_codes_are_iso_alpha_2(gold):
    codes = [code for trip in gold["trips"] for code in trip["countries"]]
    codes += [trip["actor"]["country"] for trip in gold["trips"] if trip["actor"]["country"] is not None]
    assert [code for code in codes if not is_country_code(code)] == []


def test_dates_are_iso(gold):
    values = [trip["end"] for trip in gold["trips"]] + [meeting["date"] for meeting in gold["meetings"]]
    for trip in gold["trips"]:
        values += trip["start"] if isinstance(trip["start"], list) else [trip["start"]]
    assert [value for value in values if not is_iso_date(value)] == []


def test_every_trip_and_meeting_says_why(gold):
    for entry in gold["trips"] + gold["meetings"] + gold["must_not_extract"]:
        assert entry["note"].strip()
        assert len(entry["note"]) <= MAX_NOTE_CHARS


def test_no_item_is_in_a_development_reference(gold):
    dev = SHARED / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/dev is not here")
    dev_ids = set()
    for reference in dev.glob("*/gold.json"):
        dev_ids |= document_ids(json.loads(reference.read_text(encoding="utf-8")))
    assert document_ids(gold) & dev_ids == set()


@pytest.fixture(scope="module")
def corpus_items(gold) -> dict[str, str]:
    """The listed items' title, lead and text as one whitespace-normalised string, by id."""
    found: dict[str, str] = {}
    for document in gold["documents"]:
        path = GOLD_DIR / document["corpus"]
        if not path.exists():
            pytest.skip(f"{document['corpus']} is not here")
        wanted = set(document["ids"])
        with lzma.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                head = LINE_ID.match(line)
                if head and head.group(1) not in wanted:
                    continue  # decoding only the wanted lines keeps this fast
                item = json.loads(line)
                if item["id"] in wanted:
                    parts = (item.get("title"), item.get("summary"), item.get("text"))
                    found[item["id"]] = " ".join(" ".join(part or "" for part in parts).split())
                if wanted <= set(found):
                    break
    return found


def test_every_id_exists_in_the_corpus(gold, corpus_items):
    assert document_ids(gold) - set(corpus_items) == set()


def quoted_fragments(note: str) -> list[str]:
    fragments = []
    for quote in QUOTE.findall(note):
        for fragment in ELISION.split(quote):
            fragment = " ".join(fragment.split()).strip(" ,")
            if len(fragment) >= 4:
                fragments.append(fragment)
    return fragments


def test_quotes_in_notes_are_the_cited_items_own_words(gold, corpus_items):
    entries = [(trip["note"], trip["sources"]) for trip in gold["trips"]]
    entries += [(meeting["note"], [meeting["source"]]) for meeting in gold["meetings"]]
    missing = []
    for note, sources in entries:
        text = " ".join(corpus_items[source] for source in sources)
        missing += [fragment for fragment in quoted_fragments(note) if fragment not in text]
    assert missing == []
