"""Full-text search on both backends: seeds ranked, diacritics optional, names in two spellings, filters,
safe queries."""

from __future__ import annotations

import io

import pytest

from builders import make_event
from seeded_store import TO_LAM_PAROLIN_SOURCE, store_text
from sukien.app.search import MARK_OPEN, search, unmark
from sukien.errors import StoreError
from sukien.shells import cli
from sukien.store import Filters

pytestmark = pytest.mark.both_backends


def highlighted(marked: str) -> list[str]:
    text, spans = unmark(marked)
    return [text[start:end] for start, end in spans]


def test_to_lam_parolin_finds_seed_004_first_with_parolin_highlighted(seeded):
    result = search(seeded, "to lam parolin")
    assert result.articles[0].source == TO_LAM_PAROLIN_SOURCE
    assert "Parolin" in highlighted(result.articles[0].snippet)


def test_the_cli_lists_seed_004_first_without_markup_off_a_terminal(seeded_db):
    out = io.StringIO()
    args = cli.build_parser().parse_args(["search", "--db", str(seeded_db), "to lam parolin"])
    args.out = out
    assert cli.COMMANDS["search"].run(args) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "articles:"
    assert TO_LAM_PAROLIN_SOURCE in lines[2]
    assert "Parolin" in lines[3] and "**" not in out.getvalue()  # no markup when not on a terminal


@pytest.mark.parametrize(
    ("folded", "written"),
    [("to lam parolin", "Tô Lâm Parolin"), ("hoi nghi thuong dinh", "Hội nghị Thượng đỉnh")],
)
def test_diacritics_are_optional(seeded, folded, written):
    plain = [hit.id for hit in search(seeded, folded).articles]
    marked = [hit.id for hit in search(seeded, written).articles]
    assert plain and plain == marked


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("da nang", "Hội nghị được tổ chức tại Đà Nẵng vào tháng sau."),
        ("Đà Nẵng", "The meeting was held in Da Nang last week."),
        ("hoà bình", "Hai bên cam kết vì hòa bình và ổn định trong khu vực."),
        ("thuy dien", "Dự án thủy điện được khởi công."),
    ],
)
def test_d_and_tone_placement_spellings_find_each_other(store, query, text):
    article_id = store_text(store, "own.txt", text)
    assert [hit.id for hit in search(store, query).articles] == [article_id]


@pytest.mark.parametrize(
    ("query", "text", "marked"),
    [
        ("Xi Jinping", "Chủ tịch Trung Quốc Tập Cận Bình đã tiếp đoàn đại biểu Việt Nam.", ["Tập Cận Bình"]),
        ("tap can binh", "President Xi Jinping received the delegation in Beijing.", ["Xi Jinping"]),
    ],
)
def test_a_leaders_vietnamese_and_latin_names_find_each_other(store, query, text, marked):
    store_text(store, "own.txt", text)
    store_text(store, "other.txt", "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội.")
    hits = search(store, query).articles
    assert [hit.source for hit in hits] == ["own.txt"]
    assert highlighted(hits[0].snippet) == marked


def test_events_are_searched_by_counterpart(seeded):
    hits = search(seeded, "pietro parolin").events
    assert hits and hits[0].type == "meet"
    assert any("Parolin" in word for word in highlighted(hits[0].snippet))


@pytest.fixture
def filtered(store):
    common = "hợp tác kinh tế thương mại"
    ids = [
        store_text(
            store,
            "a.txt",
            f"Bài một về {common}.",
            outlet="Báo A",
            published="2024-09-20",
            events=[make_event("visit", "Tô Lâm", "US", "2024-09-21", "2024-09-21")],
        ),
        store_text(
            store,
            "b.txt",
            f"Bài hai về {common}.",
            outlet="Báo B",
            published="2024-10-05",
            events=[make_event("attend", "Phạm Minh Chính", "LA", "2024-10-09", "2024-10-09")],
        ),
        store_text(store, "c.txt", f"Bài ba về {common}.", outlet="Báo A", published="2025-01-02"),
    ]
    return store, ids


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), [0, 1, 2]),
        (Filters(outlet="Báo A"), [0, 2]),
        (Filters(since="2024-10-01"), [1, 2]),
        (Filters(until="2024-12-31"), [0, 1]),
        (Filters(actor="pham minh chinh"), [1]),
        (Filters(country="us"), [0]),
        (Filters(types=("attend",)), [1]),
        (Filters(limit=1, offset=1), None),
    ],
)
def test_filters_select_the_articles(filtered, filters, expected):
    store, ids = filtered
    found = [hit.id for hit in search(store, "hop tac kinh te", filters).articles]
    if expected is None:  # a page: one article, not the first of the unpaged list
        everything = [hit.id for hit in search(store, "hop tac kinh te").articles]
        assert found == everything[1:2]
    else:
        assert sorted(found) == sorted(ids[i] for i in expected)


@pytest.mark.parametrize(
    "query",
    [
        "parolin OR",
        '"parolin',
        "NEAR(to lam)",
        "title:parolin",
        "parolin*",
        "-parolin",
        "parolin AND NOT",
        "parolin'; DROP TABLE articles; --",
        "^parolin",
        "parolin)",
        "{title text}: parolin",
    ],
)
def test_fts_syntax_typed_by_a_user_is_plain_words(seeded, query):
    before = seeded.stats()
    result = search(seeded, query)
    assert TO_LAM_PAROLIN_SOURCE in [hit.source for hit in result.articles]
    assert seeded.stats().articles == before.articles


@pytest.mark.parametrize("query", ["", "   ", "!!! ???", '""'])
def test_a_query_without_words_is_a_bad_query(seeded, query):
    with pytest.raises(StoreError) as caught:
        search(seeded, query)
    assert caught.value.code.value == "E203"


def test_when_no_article_has_every_word_those_with_some_are_given(seeded):
    result = search(seeded, "parolin zzzunknownword")
    assert result.partial
    assert result.articles[0].source == TO_LAM_PAROLIN_SOURCE


def test_the_index_follows_replaced_and_deleted_articles(store):
    from dataclasses import replace

    from sukien.doc import Doc, RawRecord

    record = RawRecord(source="x.txt", kind="text", text="Nội dung cũ về Parolin.")
    old = Doc(record=record, text=record.text)
    store.add(old)
    new = replace(old, text="Nội dung mới về Vatican.")
    store.replace_article(old.id, new)
    assert search(store, "parolin").articles == []
    assert [hit.source for hit in search(store, "vatican").articles] == ["x.txt"]


def test_snippet_marks_are_private_use_characters_not_markup(store):
    store_text(store, "x.txt", "Tin về <b>Parolin</b> & đối ngoại.")
    hit = search(store, "parolin").articles[0]
    assert MARK_OPEN in hit.snippet
    assert "&lt;b&gt;<mark>Parolin</mark>&lt;/b&gt; &amp;" in hit.as_dict()["snippet_html"]


def test_search_is_a_recorded_migration(store):
    assert "0002_search" in [name for name, _ in store.migrations()]


def test_beyond_the_rank_window_the_newest_matches_are_ranked(store, backend, monkeypatch):
    monkeypatch.setattr(f"sukien.store.{backend}.search.RANK_WINDOW", 2)
    oldest = store_text(store, "1.txt", "Parolin Parolin Parolin tới Hà Nội.")
    newer = [store_text(store, f"{n}.txt", f"Tin số {n} về Parolin.") for n in (2, 3)]
    result = search(store, "parolin")
    assert result.windowed
    assert sorted(hit.id for hit in result.articles) == sorted(newer)
    monkeypatch.setattr(f"sukien.store.{backend}.search.RANK_WINDOW", 4)  # (at 3, all three are ranked)
    result = search(store, "parolin")
    assert not result.windowed and result.articles[0].id == oldest
