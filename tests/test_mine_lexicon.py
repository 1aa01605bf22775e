"""The mining functions of scripts/mine_lexicon.py on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "mine_lexicon.py"


@pytest.fixture(scope="module")
def mine():
    spec = importlib.util.spec_from_file_location("mine_lexicon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["mine_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def held(mine, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [m[1:] for m in mine.officeholders.extract(mine.common.norm(text))]


def test_title_country_name(mine):
    assert held(mine, "Hôm qua Quốc vương Tây Ban Nha Felipe VI đã tới dự.") == [
        ("Felipe VI", "ES", None, "Quốc vương")
    ]
    assert held(mine, "Ngoại trưởng Mỹ Rex Tillerson và các quan chức") == [
        ("Rex Tillerson", "US", None, "Ngoại trưởng")
    ]


def test_particles_hyphens_and_formal_country_names(mine):
    assert held(mine, "Thái tử Ả-rập Xê-út Mohammed bin Salman phát biểu.") == [
        ("Mohammed bin Salman", "SA", None, "Thái tử")
    ]
    assert held(mine, "Nhà lãnh đạo Triều Tiên Kim Jong-un thị sát.")[0][:2] == ("Kim Jong-un", "KP")
    assert held(mine, "Tổng thống Cộng hòa Pháp Emmanuel Macron nói.")[0][:2] == ("Emmanuel Macron", "FR")


def test_chain_org_and_name_before_title(mine):
    assert held(mine, "Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh đã đến.") == [
        ("Phạm Bình Minh", None, None, "Phó Thủ tướng"),
        ("Phạm Bình Minh", None, None, "Bộ trưởng Ngoại giao"),
    ]
    assert held(mine, "Tổng thư ký Liên hợp quốc Antonio Guterres kêu gọi") == [
        ("Antonio Guterres", None, "UN", "Tổng Thư ký")
    ]
    assert held(mine, "theo ông Somsak Vongsa, Chủ tịch Quốc hội nước Lào, cho biết") == [
        ("Somsak Vongsa", "LA", None, "Chủ tịch Quốc hội")
    ]


def test_ambiguous_country_word_in_a_vietnamese_place(mine):
    # "Thái" is Thailand's short name, and the first syllable of Thái Bình province.
    (got,) = held(mine, "Bí thư Tỉnh ủy Thái Bình Nguyễn Văn Hòa dự lễ.")
    assert got[0] == "Nguyễn Văn Hòa" and got[1] is None


def test_aggregate_attributes_countries_and_merges_surnames(mine):
    agg = mine.officeholders.Aggregate()
    agg.add("a-1", "2017-03-01", "Donald Trump", "US", None, "Tổng thống")
    agg.add("a-2", "2017-04-01", "Donald Trump", None, None, "Tổng thống")
    agg.add("a-3", None, "Trump", None, None, "Tổng thống")
    agg.add("a-3", None, "Nguyễn Văn Hòa", None, None, "Thủ tướng")
    agg.add("a-4", "2017", "Nguyễn Văn Hoà", None, None, "Thủ tướng")
    agg.add("a-5", None, "Someone Unknown", None, None, "Thủ tướng")
    agg.resolve()
    out = {e["name"]: e for e in agg.output()}
    trump = out["Donald Trump"]
    assert trump["country"] == "US" and trump["aliases"] == ["Trump"]
    assert (trump["count"], trump["undated_count"], trump["first"], trump["last"]) == (
        3,
        1,
        "2017-03-01",
        "2017-04-01",
    )
    vn = out["Nguyễn Văn Hòa"]
    assert vn["country"] == "VN" and vn["aliases"] == ["Nguyễn Văn Hoà"] and vn["first"] == "2017"
    assert "Someone Unknown" not in out


def test_dates_of_undated_items(mine):
    text = "Ngày 5/7/2005 ông nhậm chức. Ngày 3/4/2017, Thủ tướng Nguyễn Văn Hòa tới Hà Nội."
    dater = mine.common.Dater(None, text, mine.common.latest_year([text]))
    assert dater.at(text.index("Nguyễn")) == "2017"
    assert dater.at(0) == "2017"  # 2005 is history in a story of 2017
    assert mine.common.Dater(None, text).at(0) == "2005"
    assert mine.common.Dater(None, "Ngày 19/5/1890 ông ra đời.").at(0) is None
    assert mine.common.Dater("2024-05-06T10:00:00+07:00", text).at(0) == "2024-05-06"


def test_text_keys(mine):
    assert mine.common.norm("Hoà Bình, Uỷ ban") == "Hòa Bình, Ủy ban"
    assert mine.common.key("Kim Jong-un") == mine.common.key("Kim Jong Un") == "kim jong un"
    assert mine.common.key("Đặng") == "dang"


def test_meeting_numbers_years_and_acronyms(mine):
    meetings = mine.meetings
    ((_, name, acr, num, year),) = meetings.extract(
        "Thủ tướng dự Hội nghị Cấp cao ASEAN lần thứ 30 tại Manila."
    )
    assert (name, acr, num, year) == ("Hội nghị Cấp cao ASEAN", None, 30, None)
    assert meetings.series_of(name, acr) == "ASEAN"
    ((_, name, acr, num, _),) = meetings.extract("Hội nghị Cấp cao Á - Âu (ASEM) lần thứ 12 khai mạc")
    assert (name, acr, num) == ("Hội nghị Cấp cao Á - Âu", "ASEM", 12)
    ((_, name, _, num, _),) = meetings.extract("Khóa họp thứ 72 Đại hội đồng LHQ, nhiều nước")
    assert (name, num, meetings.series_of(name, None)) == ("Kỳ họp Đại hội đồng LHQ", 72, "UNGA")
    ((_, name, _, num, year),) = meetings.extract("Diễn đàn Kinh tế Thế giới năm 2018 ở Davos")
    assert (name, num, year) == ("Diễn đàn Kinh tế Thế giới", None, "2018")
    assert meetings.extract("Hội nghị tổng kết công tác năm 2017 của huyện") == []
    assert meetings.number("XIV") == 14 and meetings.number("năm") == 5


def test_city_contexts(mine):
    cities = mine.cities
    found = cities.extract("Đoàn tới thủ đô Oa-sinh-tơn (Mỹ) hôm qua")
    assert [m[1:] for m in found] == [("Oa-sinh-tơn", "US", "capital")]
    assert [m[1:] for m in cities.extract("ở Viêng Chăn, thủ đô của Lào")] == [
        ("Viêng Chăn", "LA", "capital")
    ]
    assert cities.extract("tại Đông Anh, Hà Nội") == []  # "Anh" is England only when written (Anh)
    assert cities.extract("các nhà máy tại Nhật Bản, Hàn Quốc") == []  # a country is no city
    assert [m[1:] for m in cities.extract("tại thủ đô Mexico City (Mexico)")] == [
        ("Mexico City", "MX", "capital")
    ]
