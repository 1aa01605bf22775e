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


VIETNAMESE_FIXED_PHRASES = ("Chuyến đi", "Hội đàm", "Ký kết", "Phát biểu", "không rõ", "Tổng Bí thư", "Ý")


def english_brief(seeded, seeded_db) -> str:
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    out = io.StringIO()
    args = cli.build_parser().parse_args(["brief", "--db", str(seeded_db), "--lang", "en", trip.id])
    args.out = out
    assert cli.COMMANDS["brief"].run(args) == 0
    return out.getvalue()


def our_parts(text: str) -> list[str]:
    """The brief's own words: the heading, the section titles, each citation without its link. The
    evidence sentences are the articles' own (Vietnamese) words."""
    return [
        line.rsplit(" (", 1)[-1].rsplit(", ", 1)[0] if line.startswith("- ") else line
        for line in text.splitlines()
    ]


def test_the_english_brief_has_no_vietnamese_phrase_outside_the_quoted_evidence(seeded, seeded_db):
    text = english_brief(seeded, seeded_db)
    assert not [part for part in our_parts(text) for phrase in VIETNAMESE_FIXED_PHRASES if phrase in part]
    assert text.splitlines()[0].startswith("Tô Lâm (General Secretary")
    assert "United States" in text.splitlines()[0]  # "Hoa Kỳ" in the Vietnamese heading


def test_the_english_brief_writes_every_date_one_way(seeded, seeded_db):
    import re

    ours = "\n".join(our_parts(english_brief(seeded, seeded_db)))
    assert re.findall(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
                      r"November|December) \d{4}\b", ours)  # fmt: skip
    assert not re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b", ours)


@pytest.mark.parametrize(
    ("lang", "missing"), [("vi", "không rõ nguồn, không rõ ngày"), ("en", "source unknown, date unknown")]
)
def test_a_citation_without_outlet_or_date_says_so_in_the_briefs_language(lang, missing):
    from sukien.app.brief import Citation

    assert Citation("x.txt", None, None, None, "x.txt").label(lang) == f"{missing}, x.txt"


def test_the_json_brief_labels_its_citations_in_its_language(seeded):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    made = build(seeded, trip.id, "en").as_dict()
    assert made["lang"] == "en"
    assert all("/" not in sentence["citation"]["label"].split(", ")[1] for sentence in made["sentences"])


@pytest.mark.parametrize(("lang", "status"), [("en", 200), ("fr", 400)])
def test_the_api_gives_the_brief_in_the_language_asked(client, seeded, lang, status):
    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    answer = client.get(f"/api/trips/{trip.id}/brief", params={"lang": lang})
    assert answer.status_code == status
    if status == 200:
        assert answer.json()["heading"].startswith("Tô Lâm (General Secretary")


def test_every_role_a_title_gives_has_an_english_name():
    """A trip's roles are the gazetteer's (`titles.json` role); one without an English name would put
    Vietnamese words into the English heading ("Tổng Giám đốc", "Bí thư thứ nhất")."""
    from sukien.app.brief import role_in
    from sukien.lexicon import gazetteer

    # An acting office ("Quyền ...", made by scripts/build_gazetteer.py) is named from its office's.
    assert sorted(t.role for t in gazetteer.load().titles if role_in("en", t.role) == t.role) == []


@pytest.mark.parametrize(
    ("city", "country", "place"),
    [("Bắc Kinh", "CN", "Beijing, China"), ("TPHCM", "VN", "Ho Chi Minh City, Vietnam"),
     ("Cần Thơ", "VN", "Can Tho, Vietnam")],
)  # fmt: skip
def test_the_english_heading_names_a_city_as_english_writes_it(city, country, place):
    from sukien.app.brief import heading
    from sukien.models import Leg, Person, Trip

    trip = Trip(
        id="t1", actor=Person(name="Lý Cường", roles=["Thủ tướng"]), legs=[Leg(country=country, city=city)]
    )
    assert heading(trip, "en") == f"Lý Cường (Prime Minister) — {place}"


def test_the_json_brief_writes_vietnamese_as_is_whatever_the_locale(seeded, seeded_db):
    """Like every other JSON output: "Tô Lâm", not "T\\u00f4 L\\u00e2m", also under the C locale."""
    import os
    import subprocess
    import sys

    trip = trip_telling(seeded, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run(
        [sys.executable, "-m", "sukien", "brief", "--db", str(seeded_db), "--format", "json", trip.id],
        capture_output=True, env=env, check=True,
    )  # fmt: skip
    out = done.stdout.decode("utf-8")
    assert "Tô Lâm" in out and "\\u" not in out
