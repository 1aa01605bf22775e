"""Briefs: every sentence is a source's own evidence sentence with its citation; all sources cited."""

from __future__ import annotations

import io

import pytest

from seeded_store import TO_LAM_PAROLIN_SOURCE, gold_trip, trip_telling
from sukien.app.brief import build
from sukien.errors import StoreError
from sukien.shells import cli


def test_the_to_lam_brief_cites_every_article_that_tells_of_the_trip(seeded, seeds_dir):
    expected = set(gold_trip(seeds_dir, "Tô Lâm")["sources"])
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    assert set(build(seeded, trip.id).sources()) == expected


def test_every_sentence_is_an_evidence_sentence_of_its_cited_article(seeded):
    for trip in seeded.trips():
        made = build(seeded, trip.id)
        articles = seeded.articles_by_source(made.sources())
        assert made.sentences
        for sentence in made.sentences:
            article = articles[sentence.citation.source]
            assert sentence.text in article.text[sentence.start : sentence.end]
            assert sentence.citation.link and sentence.citation.article_id == article.id


def test_the_meeting_with_parolin_is_in_the_meetings_section(seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    meetings = dict(build(seeded, trip.id).sections())["meetings"]
    assert any("Pietro Parolin" in sentence.text for sentence in meetings)


def test_no_sentence_is_repeated(seeded):
    for trip in seeded.trips():
        texts = [sentence.text for sentence in build(seeded, trip.id).sentences]
        assert len(texts) == len(set(texts))


def test_an_unknown_trip_is_not_found(seeded):
    with pytest.raises(StoreError) as caught:
        build(seeded, "no-such-trip")
    assert caught.value.code.value == "E202"


def test_the_cli_prints_each_sentence_with_outlet_date_and_link(seeded, seeded_db):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    out = io.StringIO()
    args = cli.build_parser().parse_args(["brief", "--db", str(seeded_db), trip.id])
    args.out = out
    assert cli.COMMANDS["brief"].run(args) == 0
    lines = [line for line in out.getvalue().splitlines() if line.startswith("- ")]
    made = build(seeded, trip.id)
    assert len(lines) == len(made.sentences)
    for line, sentence in zip(lines, made.sentences, strict=True):
        assert line.endswith(f"({sentence.citation.label()})")
        assert sentence.citation.link in line
