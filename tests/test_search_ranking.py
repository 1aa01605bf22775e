"""Search respects what was typed (issue 11): exact diacritics first, folded forms after; a leader's
name typed in two words is a phrase; totals, paging and facets over every match, on both backends."""

from __future__ import annotations

import json
import lzma

import pytest

from builders import make_event
from seeded_store import TO_LAM_PAROLIN_SOURCE, store_text
from sukien.app.search import search, unmark
from sukien.store import Filters, open_store
from sukien.text.fold import fold

pytestmark = pytest.mark.both_backends

TALKS = "Hai Thủ tướng đã hội đàm tại Hà Nội về hợp tác kinh tế."
DARE = "Dám nghĩ, dám làm, dám đột phá: hội nghị tổng kết của thành phố."
VICE = "Đấu tranh phòng chống mại dâm và ma tuý, hội nghị liên ngành."


def marked_words(marked: str) -> list[str]:
    text, spans = unmark(marked)
    return [text[start:end] for start, end in spans]


@pytest.mark.parametrize("query", ["hội đàm", "hoi dam"])
def test_the_talks_come_before_daring_and_vice(store, query):
    # The folded matches are inserted first, so an order by insertion or by length alone puts them first.
    store_text(store, "dare.txt", DARE * 3, title="Dám nghĩ, dám làm")
    store_text(store, "vice.txt", VICE * 3, title="Phòng chống mại dâm")
    talks = store_text(store, "talks.txt", TALKS, title="Thủ tướng tiếp khách")
    hits = search(store, query).articles
    assert hits[0].id == talks
    assert len(hits) == 3  # diacritics stay optional: the folded matches are kept, after


def test_a_word_typed_with_marks_ranks_that_form_first(store):
    folded = store_text(store, "a.txt", "Ông ấy dám nói thẳng trước hội trường.")
    exact = store_text(store, "b.txt", "Cuộc đàm phán kéo dài cả ngày.")
    assert [hit.id for hit in search(store, "đàm").articles] == [exact, folded]
    assert [hit.id for hit in search(store, "dám").articles] == [folded, exact]


def test_either_tone_placement_counts_as_typed(store):
    old = store_text(store, "old.txt", "Vì hòa bình và hợp tác trong khu vực.")
    store_text(store, "other.txt", "Hoa bìa của cuốn sách in đẹp.")
    new = store_text(store, "new.txt", "Vì hoà bình và hợp tác trong khu vực.")
    assert {hit.id for hit in search(store, "hoà bình").articles[:2]} == {old, new}


def test_to_lam_is_a_name_not_the_verb_lam(seeded):
    hit = next(h for h in search(seeded, "to lam parolin").articles if h.source == TO_LAM_PAROLIN_SOURCE)
    marked = marked_words(hit.title) + marked_words(hit.snippet)
    assert "Tô Lâm" in marked and "Parolin" in marked
    assert "làm" not in [word.lower() for word in marked]


def test_totals_and_paging_over_every_match(store):
    for number in range(7):
        store_text(store, f"{number}.txt", f"Bản tin số {number} về hợp tác song phương.", outlet="Báo A")
    first = search(store, "song phương", Filters(limit=3))
    second = search(store, "song phương", Filters(limit=3, offset=3))
    assert first.article_total == second.article_total == 7
    assert len(first.articles) == len(second.articles) == 3
    assert not {h.id for h in first.articles} & {h.id for h in second.articles}
    assert second.as_dict()["total"] == {"articles": 7, "events": 0}
    assert second.as_dict()["offset"] == 3


def test_facets_count_outlets_years_types_countries_and_actors(store):
    store_text(store, "a.txt", "Thủ tướng thăm Nhật Bản.", outlet="VnExpress", published="2024-05-01",
               events=[make_event("visit", "Phạm Minh Chính", "JP", "2024-05-01", None)])  # fmt: skip
    store_text(store, "b.txt", "Thủ tướng thăm Nhật Bản lần nữa.", outlet="VnExpress", published="2025-02-01")
    store_text(
        store, "c.txt", "Thủ tướng thăm Nhật Bản, kết thúc.", outlet="Báo Chính phủ", published="2025-03-01"
    )
    result = search(store, "Nhật Bản")
    assert result.facets["outlet"] == [
        {"value": "VnExpress", "count": 2},
        {"value": "Báo Chính phủ", "count": 1},
    ]
    assert result.facets["year"] == [{"value": "2025", "count": 2}, {"value": "2024", "count": 1}]
    assert result.facets["type"] == [{"value": "visit", "count": 1}]
    assert {"value": "JP", "count": 1} in result.facets["country"]
    assert result.facets["actor"] == [{"value": "Phạm Minh Chính", "count": 1}]
    # A facet's value is a filter's value: clicking it narrows to its count.
    narrowed = search(store, "Nhật Bản", Filters(outlet=result.facets["outlet"][0]["value"]))
    assert narrowed.article_total == 2


@pytest.fixture(scope="module")
def government_news(module_databases, corpus_dir, tmp_path_factory):
    """The baochinhphu articles holding "hội đàm", "dám" or "dâm" in any form: the case of the issue."""
    source = corpus_dir / "baochinhphu-2024-2025.jsonl.xz"
    if not source.exists():
        pytest.skip("../shared/corpus/baochinhphu-2024-2025.jsonl.xz is not here")
    chosen = []
    with lzma.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = fold(json.loads(line).get("text") or "")
            if "dam " in text and len(chosen) < 80:
                chosen.append(line)
    target = tmp_path_factory.mktemp("bcp") / "sample.jsonl"
    target.write_text("".join(chosen), encoding="utf-8")
    db = module_databases.new("bcp")
    from sukien.app.ingest import ingest

    with open_store(str(db)) as store:
        ingest(store, [target], workers=1)
    return db


def test_on_government_news_the_talks_come_first(government_news):
    with open_store(str(government_news), create=False) as store:
        hits = search(store, "hội đàm", Filters(limit=10)).articles
        assert len(hits) >= 5
        for hit in hits[:5]:
            article = store.article(hit.id)
            assert "hội đàm" in f"{article.title} {article.text}".lower(), article.title


def test_beyond_the_window_facets_count_the_newest_and_the_total_counts_all(store, monkeypatch):
    from sukien import settings
    from sukien.store.postgres import search as pg_search
    from sukien.store.sqlite import search as sqlite_search

    for module in (sqlite_search, pg_search, settings):
        monkeypatch.setattr(module, "RANK_WINDOW", 3)
    for number in range(5):
        store_text(
            store, f"{number}.txt", f"Tin {number} về hợp tác.", outlet="Báo A" if number < 2 else "Báo B"
        )
    result = search(store, "hợp tác")
    assert result.article_total == 5
    assert result.facets["outlet"] == [{"value": "Báo B", "count": 3}]  # the three newest
