"""Names, appositions and antecedents (issue 9, fourth session), on sentences written for these tests
(never copied from a reference set): a name holding a syllable that also opens a body, a country
told by a party's name, a guest's titles between him and his verb, a meeting named once and then
by its kind alone, and "đến thăm" as firm as "chuyến thăm"."""

from __future__ import annotations

import pytest

from builders import article
from sukien.doc import Doc
from sukien.link import link


def item(text: str, published: str | None = "2024-05-20", title: str | None = None, name: str = "t") -> Doc:
    return article(text, published, name, title)


def people_of(doc: Doc) -> list[str]:
    return [m.key or "" for m in doc.mentions if m.label == "PERSON"]


def trips_of(doc: Doc) -> list[tuple[str, str | None, list[str | None]]]:
    return sorted((t.actor.name, t.actor.country, [leg.country for leg in t.legs]) for t in link(doc.events))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Thượng tướng Lê Trường Hải thăm Campuchia.", "Lê Trường Hải"),
        ("Bộ trưởng Đỗ Văn Trường thăm Lào.", "Đỗ Văn Trường"),
        ("Đại tướng Hoàng Cung Minh thăm Lào.", "Hoàng Cung Minh"),
    ],
)
def test_a_vietnamese_name_may_hold_a_syllable_that_opens_a_body(sentence: str, name: str) -> None:
    assert name in people_of(item(sentence))


def test_a_school_after_a_name_is_still_cut_from_it() -> None:
    doc = item("Bộ trưởng Đỗ Văn Hải Trường Đại học Quốc gia phát biểu tại Hà Nội.")
    assert "Đỗ Văn Hải" in people_of(doc)


def test_an_abbreviated_body_between_title_and_name_is_no_part_of_the_name() -> None:
    doc = item("Phó Chủ tịch Quân ủy TƯ Trung Quốc Hà Chấn Minh dẫn đầu đoàn sang thăm Lào.")
    assert trips_of(doc) == [("Hà Chấn Minh", "CN", ["LA"])]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Ngày 15/5, Trưởng Ban Quốc tế Đảng Cộng sản Cuba Emilio Lozada thăm Việt Nam.", "CU"),
        ("Ngày 15/5, ông Emilio Lozada, Trưởng Ban Quốc tế Đảng Cộng sản Cuba, thăm Việt Nam.", "CU"),
    ],
)
def test_a_party_named_with_its_country_tells_the_persons_country(sentence: str, country: str) -> None:
    assert trips_of(item(sentence)) == [("Emilio Lozada", country, ["VN"])]


def test_a_guests_titles_between_him_and_his_verb_keep_him_the_visitor() -> None:
    doc = item(
        "Sáng 15/5, tại Hà Nội, Thường trực Ban Bí thư Lương Văn Thành đã tiếp Đoàn đại biểu Đảng "
        "Cộng sản Cuba do đồng chí Emilio Lozada, Ủy viên Bộ Chính trị, Trưởng Ban Quốc tế Đảng Cộng "
        "sản Cuba, Phó Chủ tịch Ủy ban Đối ngoại Quốc hội Cuba, dẫn đầu đang thăm và làm việc tại "
        "Việt Nam."
    )
    assert ("Emilio Lozada", "CU", ["VN"]) in trips_of(doc)


def test_a_meeting_named_by_its_kind_alone_is_where_and_when_it_was_named() -> None:
    doc = item(
        "Ngày 14/5, tại thành phố Lyon, Pháp, đã khai mạc Hội nghị Lyon về Kinh tế xanh với sự tham "
        "dự của nhiều nước. Phó Thủ tướng Trần Văn Sơn dẫn đầu đoàn Việt Nam tham dự Hội nghị."
    )
    [attend] = [e for e in doc.events if e.type == "attend"]
    assert (attend.location.city, attend.location.country, attend.start) == ("Lyon", "FR", "2024-05-14")


def test_a_bare_meeting_takes_no_place_from_a_sentence_far_before_it() -> None:
    far = " ".join(["Các đại biểu đã thảo luận nhiều vấn đề về kinh tế và môi trường."] * 10)
    doc = item(
        f"Ngày 14/5, tại thành phố Lyon, Pháp, đã khai mạc Hội nghị Lyon về Kinh tế xanh. {far} "
        "Phó Thủ tướng Trần Văn Sơn tham dự Hội nghị."
    )
    assert all(e.location.country is None for e in doc.events if e.type == "attend")


def test_den_tham_a_country_is_a_firm_visit_even_undated() -> None:
    doc = item("Nhà lãnh đạo Triều Tiên Kim Jong Un cuối cùng cũng đến thăm Trung Quốc.", published=None)
    assert trips_of(doc) == [("Kim Jong Un", "KP", ["CN"])]


def test_den_tham_hoi_is_no_visit() -> None:
    doc = item("Thủ tướng Phạm Minh Chính đến thăm hỏi gia đình chính sách tại Lào Cai.")
    assert trips_of(doc) == []


def test_the_destinations_of_a_visit_end_where_a_second_predicate_begins() -> None:
    doc = item(
        "Trong khuôn khổ chuyến thăm Việt Nam và đồng chủ trì kỳ họp Ủy ban hỗn hợp Việt Nam - Chile, "
        "ngày 15/5 tại Hà Nội, Ngoại trưởng Chile Alberto van Klaveren đã hội kiến Thủ tướng Phạm "
        "Minh Chính."
    )
    assert trips_of(doc) == [("Alberto van Klaveren", "CL", ["VN"])]


def test_an_envoy_travels_not_the_leader_named_after_cua() -> None:
    doc = item(
        "Ngày 12/5 (giờ địa phương), trong khuôn khổ chuyến thăm Nhật Bản với tư cách Đặc phái viên "
        "của Thủ tướng Phạm Minh Chính, Bộ trưởng Ngoại giao Trần Văn Sơn đã hội kiến Thủ tướng Nhật "
        "Bản."
    )
    assert trips_of(doc) == [("Trần Văn Sơn", "VN", ["JP"])]


def test_a_language_named_after_a_country_is_no_place() -> None:
    doc = item("Ngày 15/5, Chủ tịch Quốc hội Trần Văn Sơn dự hội nghị của Liên minh Nghị viện Pháp ngữ.")
    assert [m.key for m in doc.mentions if m.label == "COUNTRY"] == []


def test_a_visit_told_as_past_beside_a_meeting_at_home_is_no_journey_of_that_day() -> None:
    doc = item(
        "Chiều 15/5, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính làm việc với Đại sứ Nhật Bản "
        "nhằm triển khai các thỏa thuận đạt được trong chuyến thăm Nhật Bản của Thủ tướng vừa qua."
    )
    assert trips_of(doc) == []


def test_an_itinerary_joins_the_stops_it_lists_into_one_journey() -> None:
    plan = item(
        "Thủ tướng Phạm Minh Chính sắp thăm chính thức Kenya và Ai Cập, tham dự Hội nghị thượng "
        "đỉnh G20 tại Nam Phi.",
        published="2025-03-01",
        name="plan",
    )
    first = item(
        "Chiều 3/3 theo giờ địa phương, Thủ tướng Phạm Minh Chính đã tới Nairobi, bắt đầu thăm chính "
        "thức Kenya từ ngày 3-5/3.",
        published="2025-03-03",
        name="first",
    )
    summit = item(
        "Sáng 10/3, Thủ tướng Phạm Minh Chính đã dự Hội nghị thượng đỉnh G20 tại thành phố "
        "Johannesburg, Nam Phi.",
        published="2025-03-10",
        name="summit",
    )
    trips = link(plan.events + first.events + summit.events)
    assert [(t.start, sorted(leg.country or "" for leg in t.legs)) for t in trips] == [
        ("2025-03-03", ["EG", "KE", "ZA"])
    ]


def test_journeys_a_week_apart_with_no_plan_between_them_stay_two() -> None:
    first = item("Ngày 3/3, Thủ tướng Phạm Minh Chính thăm chính thức Kenya.", "2025-03-03", name="a")
    second = item("Ngày 10/3, Thủ tướng Phạm Minh Chính thăm chính thức Ai Cập.", "2025-03-10", name="b")
    assert len(link(first.events + second.events)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "THỦ TƯỚNG Nguyễn Xuân Phúc gặp Tổng thống Putin; thủ tướng, Phó Thủ Tướng và PhóThủ tướng",
        "Đại sứ Ted Osius, Đại ſứ Ted Osius",  # "ſ" is an "s" to re without lower-casing to one
        "İstanbul: Bộ trưởng Ngoại giao Thổ Nhĩ Kỳ Mevlüt Çavuşoğlu",  # "İ" lower-cases to two letters
        "Tổng thống Erdoğan và Đại ſứ quán",
        "",
    ],
)
def test_titles_are_found_as_the_title_pattern_finds_them(text: str) -> None:
    from sukien.understand.names import title_matches, title_pattern

    found = [(m.span(), m.group(0)) for m in title_matches(text)]
    assert found == [(m.span(), m.group(0)) for m in title_pattern().finditer(text)]
