"""Whose journey a sentence tells and what it is called (issue 9, fifth session), on sentences written
for these tests (never copied from a reference set): the owner after "của" (a person, a group, an
unnamed title), offices after a name and ranks before it, a surname with its office, editions told
together, a speech at a meeting, a fronted place, and the title's city."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc
from sukien.link import link
from sukien.models import Event


def item(text: str, published: str | None = "2025-05-20", title: str | None = None, name: str = "t") -> Doc:
    return article(text, published, name, title)


def journeys(doc: Doc) -> list[tuple[str, str | None]]:
    return sorted((e.actor.name, e.location.country) for e in doc.events if e.type in ("visit", "attend"))


def test_a_visit_owned_by_a_group_is_no_ones_in_the_sentence() -> None:
    doc = item(
        "Chuyến thăm Hàn Quốc của nhóm chuyên gia Nhật Bản diễn ra trước cuộc gặp giữa Tổng thống Mỹ "
        "Joe Biden và Thủ tướng Nhật Bản Fumio Kishida."
    )
    assert journeys(doc) == []


def test_what_follows_an_unnamed_owner_is_not_the_subjects_journey() -> None:
    doc = item(
        "Bộ trưởng Ngoại giao Lê Văn Bình trả lời phỏng vấn nhân kết thúc chuyến công tác của Thủ tướng "
        "Chính phủ dự Hội nghị WEF Davos và thăm chính thức Ba Lan."
    )
    assert journeys(doc) == []


def test_an_owner_named_after_ong_is_the_one_who_visits() -> None:
    doc = item("Ông Tập cho biết Trung Quốc chờ đón chuyến thăm Trung Quốc cuối năm nay của ông Trump.")
    visits = of_type(doc, "visit")
    assert [(e.actor.name, e.location.country, e.status) for e in visits] == [
        ("Donald Trump", "CN", "planned")
    ]


def test_looking_forward_to_a_visit_is_no_reception() -> None:
    doc = item("Ông Tập cho biết Trung Quốc chờ đón chuyến thăm Trung Quốc cuối năm nay của ông Trump.")
    assert of_type(doc, "meet") == []


def test_those_joined_to_the_owner_travel_with_him() -> None:
    doc = item(
        "Ông nhắc lại chuyến thăm Việt Nam của Nhà Vua Nhật Bản Naruhito và Hoàng hậu Masako năm 2023."
    )
    assert journeys(doc) == [("Masako", "VN"), ("Naruhito", "VN")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tổng thống Mỹ Joe Biden cho hay Mỹ rất quan tâm đến chương trình hạt nhân của Triều Tiên.",
        "Tổng thống Mỹ Joe Biden cho biết chính sách này ảnh hưởng tới Nhật Bản.",
    ],
)
def test_concern_for_a_country_is_no_journey_to_it(sentence: str) -> None:
    assert journeys(item(sentence)) == []


def test_a_rank_before_a_name_and_an_office_after_it_make_one_foreign_minister() -> None:
    doc = item(
        "Chiều 19/5, tại Phủ Chủ tịch, Chủ tịch nước tiếp Trung tướng Ivan Petrovich Sidorov, Bộ trưởng "
        "Quốc phòng Cộng hòa Belarus, đang có chuyến thăm chính thức Việt Nam."
    )
    visits = of_type(doc, "visit")
    assert [(e.actor.name, e.actor.country, e.location.country) for e in visits] == [
        ("Ivan Petrovich Sidorov", "BY", "VN")
    ]


def test_a_body_ending_in_a_country_is_no_persons_name() -> None:
    doc = item("Ông Ivan Sidorov, trợ lý Tổng thống, Chủ tịch Hội đồng Biển Nga phát biểu.")
    assert "Biển Nga" not in [m.key for m in doc.mentions if m.label == "PERSON"]


def test_two_people_joined_after_an_office_attend_together() -> None:
    doc = item(
        "Ngày 20/5, tại trụ sở Bộ Quốc phòng Nga ở Moscow, đại tướng Trần Văn Kiên, Bộ trưởng Bộ Quốc "
        "phòng và đại tướng Sergei Ivanovich Orlov đã đồng chủ trì phiên họp tham vấn lần thứ 3."
    )
    attended = [
        (e.actor.name, e.location.country, e.occasion and e.occasion.number) for e in of_type(doc, "attend")
    ]
    assert ("Trần Văn Kiên", "RU", 3) in attended


def test_a_surname_with_its_office_tells_the_leaders_country() -> None:
    doc = item("Phó Tổng thống Vance sẽ dẫn đầu phái đoàn tới Islamabad ngày 25/5.")
    assert [(e.actor.name, e.actor.country, e.location.city) for e in of_type(doc, "visit")] == [
        ("Vance", "US", "Islamabad")
    ]


def test_a_party_chain_before_a_second_title_keeps_both_titles() -> None:
    doc = item(
        "Sáng 15/4, Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc, Chủ tịch nước Cộng hòa "
        "nhân dân Trung Hoa Tập Cận Bình thăm cấp Nhà nước Việt Nam."
    )
    assert [e.actor.roles for e in of_type(doc, "visit")] == [["Tổng Bí thư", "Chủ tịch nước"]]


def test_an_abbreviations_period_does_not_end_the_clause() -> None:
    doc = item("Chủ tịch nước Võ Văn Thưởng gặp kiều bào, thăm thành phố St. Petersburg.")
    assert [(e.location.country, e.location.city) for e in of_type(doc, "visit")] == [
        ("RU", "St. Petersburg")
    ]


def test_editions_told_together_are_each_an_occasion() -> None:
    doc = item("Thủ tướng Phạm Minh Chính lên đường dự Hội nghị Cấp cao ASEAN lần thứ 46 và 47 tại Malaysia.")
    assert sorted(e.occasion.number for e in of_type(doc, "attend") if e.occasion) == [46, 47]


def test_a_numbered_consultation_is_an_occasion_attended_within_the_visit() -> None:
    doc = item(
        "Trong khuôn khổ chuyến thăm Campuchia và đồng chủ trì Tham vấn chính trị cấp Bộ trưởng Ngoại giao "
        "lần thứ 8, ngày 19/5, Bộ trưởng Ngoại giao Lê Văn Bình đã hội kiến Thủ tướng Campuchia Hun Manet."
    )
    attended = of_type(doc, "attend")
    assert [(e.actor.name, e.location.country, e.occasion and e.occasion.number) for e in attended] == [
        ("Lê Văn Bình", "KH", 8)
    ]


def test_a_speech_opening_a_meeting_that_always_meets_in_one_place_is_a_trip_there() -> None:
    doc = item(
        "Thủ tướng Australia Anthony Albanese phát biểu khai mạc Đối thoại Shangri-La.", published=None
    )
    trips = link(doc.events)
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in trips] == [("Anthony Albanese", ["SG"])]


def test_a_presence_verb_happens_where_the_sentence_opens() -> None:
    doc = item("Tại Jerusalem ngày 22/5, Tổng thống Mỹ Joe Biden có mặt tại lễ đặt vòng hoa ở bảo tàng.")
    assert [(e.location.country, e.location.city) for e in of_type(doc, "visit")] == [("IL", "Jerusalem")]


def test_a_sentence_opening_place_is_no_destination_of_a_later_toi() -> None:
    doc = item(
        "Chiều 16/5, tại Hà Nội, Phó Thủ tướng Lê Văn Bình điện đàm với Phó Thủ tướng Nga Ivan Sidorov về "
        "hợp tác trong thời gian tới."
    )
    assert journeys(doc) == []


def test_the_one_city_of_the_title_places_the_visit() -> None:
    doc = item(
        "Phó Chủ tịch Hàn Chính đón Tổng thống Mỹ Donald Trump khi ông bắt đầu chuyến thăm cấp nhà nước đến "
        "Trung Quốc.",
        title="Trung Quốc đón ông Trump ở sân bay Bắc Kinh",
    )
    assert [(e.location.country, e.location.city) for e in of_type(doc, "visit")] == [("CN", "Bắc Kinh")]


def postponed_and_made() -> list[Event]:
    """A visit announced for April, then for 31/3-2/4, then talks for May, made in May: five articles."""
    told = [
        ("2026-01-23", "Tổng thống Mỹ Donald Trump thông báo ông sẽ thăm Trung Quốc vào tháng 4."),
        (
            "2026-02-21",
            "Nhà Trắng thông báo Tổng thống Mỹ Donald Trump sẽ thăm Trung Quốc từ ngày 31/3 đến ngày 2/4.",
        ),
        (
            "2026-03-26",
            "Tổng thống Mỹ Donald Trump cho biết ông sẽ gặp Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh "
            "vào tháng 5.",
        ),
        (
            "2026-05-14",
            "Ngày 14/5, Tổng thống Mỹ Donald Trump hội đàm với Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh "
            "trong chuyến thăm cấp nhà nước Trung Quốc.",
        ),
        (
            "2026-05-15",
            "Chuyến thăm Trung Quốc của Tổng thống Mỹ Donald Trump kết thúc với cuộc hội đàm với Chủ tịch "
            "Tập Cận Bình tại Bắc Kinh.",
        ),
    ]
    return [e for day, text in told for e in item(text, published=day, name=day).events]


def test_a_month_beside_days_does_not_stretch_a_leg_to_the_months_end() -> None:
    legs = [(leg.start, leg.end) for t in link(postponed_and_made()) for leg in t.legs]
    assert all(end is None or end <= "2026-05-15" for _start, end in legs)


def test_a_meeting_told_after_a_postponement_joins_the_journey_nearest_its_day() -> None:
    trips = link(postponed_and_made())
    assert [t.start for t in trips if "2026-05-15" in t.sources] == ["2026-05-14"]
