"""Rules of the extractor on sentences written like Vietnamese news (one behaviour each)."""

from __future__ import annotations

from builders import article
from sukien.doc import Doc
from sukien.link import link


def item(text: str, published: str | None = "2024-09-20", title: str | None = None, name: str = "t") -> Doc:
    return article(text, published, name, title)


def visits(doc: Doc) -> list[tuple[str, str | None, str | None, str | None]]:
    return [
        (e.actor.name, e.location.country, e.location.city, e.start) for e in doc.events if e.type == "visit"
    ]


def test_a_local_date_its_vietnam_time_contradicts_is_corrected() -> None:
    doc = item(
        "Vào 21 giờ 45 phút tối 25/5 theo giờ địa phương (sáng 26/9 giờ Hà Nội), Tổng Bí thư, Chủ tịch "
        "nước Tô Lâm đã đến sân bay quốc tế Jose Marti ở Thủ đô La Habana, bắt đầu chuyến thăm cấp Nhà "
        "nước tới Cuba."
    )
    assert ("Tô Lâm", "CU", "La Habana", "2024-09-26") in visits(doc)


def test_the_arrival_city_of_the_visited_country_names_the_leg() -> None:
    doc = item(
        "Chiều 12/10, Thủ tướng Quốc vụ viện Trung Quốc Lý Cường đã tới sân bay Nội Bài, Thủ đô Hà Nội, "
        "bắt đầu thăm chính thức Việt Nam."
    )
    assert [v[2] for v in visits(doc) if v[0] == "Lý Cường"] == ["Hà Nội"]


def test_a_city_left_for_home_is_a_leg() -> None:
    # SPEC: a foreign city named only as the place left ("rời Manila, kết thúc chuyến thăm") is a leg.
    doc = item(
        "Chiều tối 11/7, Thủ tướng Nguyễn Xuân Phúc đã rời thủ đô Amsterdam, lên đường về nước, kết thúc "
        "tốt đẹp chuyến thăm chính thức Vương quốc Hà Lan."
    )
    assert [v[2] for v in visits(doc)] == ["Amsterdam"]


def test_a_visit_of_someone_named_after_cua_is_theirs() -> None:
    doc = item(
        "Thủ tướng Phạm Minh Chính nhấn mạnh chuyến thăm cấp Nhà nước tới Nhật Bản của Nhà Vua đã để lại "
        "dấu ấn sâu sắc."
    )
    assert visits(doc) == []


def test_the_inviter_named_after_loi_moi_cua_does_not_travel() -> None:
    doc = item(
        "Tổng Bí thư Tô Lâm tới Sydney, bắt đầu chuyến thăm cấp nhà nước đến Australia ngày 9-12/8 theo lời "
        "mời của Toàn quyền Sam Mostyn.",
        published="2026-08-09",
    )
    assert {v[0] for v in visits(doc)} == {"Tô Lâm"}


def test_a_meeting_told_twice_is_one_event() -> None:
    doc = item(
        "Sáng 22/9, Tổng Bí thư Tô Lâm đã gặp Hồng y Pietro Parolin. "
        "Trong khuôn khổ chuyến thăm, Tổng Bí thư Tô Lâm đã gặp Hồng y Pietro Parolin."
    )
    meetings = [e for e in doc.events if e.type == "meet"]
    assert len(meetings) == 1 and len(meetings[0].evidence) == 2


def test_a_party_seat_is_not_a_role_beside_an_office() -> None:
    doc = item(
        "Sáng 13/7, Ủy viên Bộ Chính trị, Phó Thủ tướng Trần Hồng Hà lên đường thăm chính thức Đan Mạch."
    )
    assert [e.actor.roles for e in doc.events if e.type == "visit"] == [["Phó Thủ tướng"]]


def test_a_month_does_not_tie_the_destination_before_it() -> None:
    us = item("Thủ tướng Nguyễn Xuân Phúc sẽ thăm chính thức Hoa Kỳ từ ngày 29 đến ngày 31/5/2017.", None)
    japan = item("Thủ tướng Nguyễn Xuân Phúc sẽ sang thăm chính thức Nhật Bản vào đầu tháng 6/2017.", None)
    trips = link(us.events + japan.events)
    assert sorted(tuple(leg.country for leg in t.legs) for t in trips) == [("JP",), ("US",)]


def test_a_meeting_recalled_from_months_before_stays_out_of_the_trip() -> None:
    visit = item("Thủ tướng Nguyễn Xuân Phúc thăm chính thức Nhật Bản từ ngày 4-8/6/2017.", None)
    recalled = item(
        "Trong chuyến thăm chính thức Nhật Bản, Thủ tướng Nguyễn Xuân Phúc sẽ hội đàm với Thủ tướng "
        "Shinzo Abe. Ngày 16/1/2017, Thủ tướng Nguyễn Xuân Phúc gặp Thủ tướng Nhật Bản Shinzo Abe tại Tokyo.",
        None,
    )
    trips = link(visit.events + recalled.events)
    assert [t.start for t in trips] == ["2017-06-04"]


def test_an_announced_trip_is_planned_whatever_the_remarks_around_it() -> None:
    doc = item(
        "Chuyến công tác của Chủ tịch nước Võ Văn Thưởng tới Mỹ có nhiều ý nghĩa lớn. "
        "Tuần này, Chủ tịch nước Võ Văn Thưởng sẽ tham dự Tuần lễ cấp cao APEC tại San Francisco (Mỹ) "
        "từ 14-17/11.",
        published="2023-11-13",
    )
    assert [t.status for t in link(doc.events)] == ["planned"]


def test_a_journey_long_before_the_article_is_background() -> None:
    doc = item(
        "Chiều 12/10, Thủ tướng Lý Cường đã tới Hà Nội, bắt đầu thăm chính thức Việt Nam. "
        "Trước đó, ngày 5/3/2022, Thủ tướng Lý Cường đã thăm chính thức Lào.",
        published="2024-10-12",
    )
    assert {v[1] for v in visits(doc)} == {"VN"}


def test_a_meeting_named_in_passing_does_not_place_the_event() -> None:
    doc = item(
        "Ngày 9/6, tại thành phố Nice, Thủ tướng Chính phủ Phạm Minh Chính đã có bài phát biểu đại diện "
        "cho 10 quốc gia Hiệp hội các quốc gia Đông Nam Á (ASEAN) tại phiên toàn thể của Hội nghị.",
        published="2025-06-09",
    )
    assert [e.location.country for e in doc.events if e.type == "speak"] in ([], [None], ["FR"])


def test_the_president_of_a_body_is_named_after_it() -> None:
    doc = item(
        "Ngày 9/6, Thủ tướng Chính phủ Phạm Minh Chính đã có cuộc gặp với Chủ tịch Đại hội đồng Liên Hợp "
        "Quốc Philemon Yang.",
        published="2025-06-09",
    )
    assert [[c.name for c in e.counterparts] for e in doc.events if e.type == "meet"] == [["Philemon Yang"]]


def test_the_place_before_the_verb_locates_the_attendance() -> None:
    doc = item(
        "Sáng 10/10/2024, tại Thủ đô Vientiane (Lào), Thủ tướng Chính phủ Phạm Minh Chính tham dự Hội nghị "
        "Cấp cao ASEAN-Hàn Quốc lần thứ 25.",
        published="2024-10-10",
    )
    attends = [e for e in doc.events if e.type == "attend"]
    assert [(e.location.country, e.location.city) for e in attends] == [("LA", "Vientiane")]


def test_a_partner_summit_number_does_not_date_the_series() -> None:
    doc = item(
        "Ngày 10/10, Thủ tướng Chính phủ Phạm Minh Chính tham dự Hội nghị Cấp cao ASEAN-Nhật Bản lần thứ 27.",
        published="2024-10-10",
    )
    assert [(e.occasion.series, e.occasion.year) for e in doc.events if e.type == "attend"] == [
        ("ASEAN", 2024)
    ]


def test_leaders_leaving_together_both_attend() -> None:
    doc = item(
        "Tối 25/10, Thủ tướng Phạm Minh Chính cùng Tổng thư ký Liên hợp quốc António Guterres cùng rời Hà "
        "Nội đi Kuala Lumpur (Malaysia) dự Hội nghị cấp cao ASEAN lần thứ 47.",
        published="2025-10-25",
    )
    attends = {(e.actor.name, e.location.country) for e in doc.events if e.type == "attend"}
    assert {("Phạm Minh Chính", "MY"), ("António Guterres", "MY")} <= attends


def test_a_vietnamese_word_after_a_title_is_no_name() -> None:
    doc = item("Bộ trưởng Chiến tranh Mỹ đã tới Caracas ngày 3/1.", published="2026-01-03")
    assert [m.key for m in doc.mentions if m.label == "PERSON"] == []


def test_a_strike_is_no_visit() -> None:
    doc = item(
        "Ngày 22/6, Tổng thống Mỹ Donald Trump tuyên bố quân đội Mỹ đã tấn công tới Tehran.",
        published="2025-06-22",
    )
    assert visits(doc) == []


def test_someone_of_unknown_country_abroad_makes_no_trip() -> None:
    doc = item("Ngày 3/9, Thủ tướng Hendricks đã tới thăm Đức.", published="2025-09-03")
    assert link(doc.events) == []


def test_an_undated_bare_arrival_makes_no_trip() -> None:
    doc = item("Tổng thống Mỹ Donald Trump muốn tới Greenland.", published=None)
    assert link(doc.events) == []


def test_an_undated_firm_visit_makes_a_trip() -> None:
    doc = item("Tổng thống Mỹ Donald Trump thăm chính thức Nhật Bản.", published=None)
    assert [[leg.country for leg in t.legs] for t in link(doc.events)] == [["JP"]]
