"""Presence and hosts (issue 9, third session), on sentences written for these tests (never copied
from a reference set): who is where when the text says so without a visit verb, and whose visit a
reception abroad is."""

from __future__ import annotations

import pytest

from builders import article
from sukien.doc import Doc
from sukien.link import link


def item(text: str, published: str | None = "2025-06-20", title: str | None = None, name: str = "t") -> Doc:
    return article(text, published, name, title)


def trips_of(doc: Doc) -> list[tuple[str, list[str | None]]]:
    return sorted((t.actor.name, [leg.country for leg in t.legs]) for t in link(doc.events))


def people_of(doc: Doc) -> list[str]:
    return [m.key or "" for m in doc.mentions if m.label == "PERSON"]


def test_a_visit_owned_by_a_chain_of_offices_is_the_named_leaders() -> None:
    doc = item(
        "Nhân chuyến thăm chính thức Việt Nam của Tổng Bí thư Đảng Nhân dân Cách mạng Lào, Chủ tịch "
        "nước Cộng hòa Dân chủ Nhân dân Lào Thongloun Sisoulith, hai bên đã ra tuyên bố chung."
    )
    assert ("Thongloun Sisoulith", ["VN"]) in trips_of(doc)


def test_a_reception_abroad_within_a_visit_to_the_hosts_country_is_the_guests_visit() -> None:
    doc = item(
        "Ngày 5/6, Quốc vương Na Uy Harald V đã đón Tổng thống Pháp Emmanuel Macron tại Hoàng cung, "
        "trong khuôn khổ chuyến thăm cấp Nhà nước Na Uy."
    )
    assert trips_of(doc) == [("Emmanuel Macron", ["NO"])]


def test_an_inauguration_is_held_in_the_country_of_the_office() -> None:
    doc = item(
        "Từ ngày 1-2/10/2024, Phó Thủ tướng Trần Hồng Hà dẫn đầu đoàn Việt Nam dự Lễ nhậm chức Tổng "
        "thống Mexico của bà Claudia Sheinbaum.",
        published="2024-10-02",
    )
    [attend] = [e for e in doc.events if e.type == "attend"]
    assert (attend.location.country, attend.start, attend.end) == ("MX", "2024-10-01", "2024-10-02")


def test_talks_told_in_local_time_are_held_in_the_counterparts_country() -> None:
    doc = item(
        "Chiều 12/6 theo giờ địa phương, Thủ tướng Phạm Minh Chính và Thủ tướng Thụy Điển Ulf "
        "Kristersson đã hội đàm."
    )
    assert trips_of(doc) == [("Phạm Minh Chính", ["SE"])]


def test_talks_placed_nowhere_in_no_local_time_are_held_in_viet_nam() -> None:
    doc = item("Sáng 12/6, Thủ tướng Phạm Minh Chính và Thủ tướng Thụy Điển Ulf Kristersson đã hội đàm.")
    assert trips_of(doc) == [("Ulf Kristersson", ["VN"])]


def test_a_sentence_framed_by_a_summit_puts_its_leader_at_the_summit() -> None:
    doc = item(
        "Trong khuôn khổ Hội nghị Cấp cao APEC, Chủ tịch nước Lương Cường đã đề xuất ba định hướng hợp tác.",
        published="2024-11-16",
    )
    [attend] = [e for e in doc.events if e.type == "attend"]
    assert (attend.actor.name, attend.location.country) == ("Lương Cường", "PE")
    assert attend.occasion is not None and (attend.occasion.series, attend.occasion.year) == ("APEC", 2024)


def test_the_place_an_article_holds_a_summit_at_tells_its_edition_and_who_met_there() -> None:
    doc = item(
        "Thủ tướng Canada Justin Trudeau có cuộc họp với Tổng thống Pháp Emmanuel Macron bên lề Hội nghị "
        "thượng đỉnh G20 đang diễn ra tại Osaka, Nhật Bản.",
        published=None,
    )
    meeting = next(e for e in doc.events if e.type == "meet")
    assert meeting.occasion is not None and (meeting.occasion.series, meeting.occasion.year) == ("G20", 2019)
    assert trips_of(doc) == [("Emmanuel Macron", ["JP"]), ("Justin Trudeau", ["JP"])]


def test_a_list_of_countries_runs_past_a_weak_visit_word() -> None:
    doc = item(
        "Tổng thống Mỹ Joe Biden sẽ công du châu Á, thăm Hawaii và các nước Nhật Bản, Hàn Quốc, Ấn Độ "
        "và Philippines vào tháng 11."
    )
    visits = [e.location.country for e in doc.events if e.type == "visit"]
    assert visits == ["JP", "KR", "IN", "PH"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Thủ tướng Hàn Quốc Han Duck - soo đến Hà Nội.", "Han Duck-soo"),
        ("Tổng thống Ai Cập Abdel - Fattah El - Sisi đến Hà Nội.", "Abdel-Fattah El-Sisi"),
        ("Thủ tướng Thái Lan Prayuth Chan - o - cha đến Hà Nội.", "Prayuth Chan-o-cha"),
        ("Chủ tịch Quốc hội Cu Ba Juan Esteban Lazo đến Hà Nội.", "Juan Esteban Lazo"),
    ],
)
def test_spellings_of_the_press_keep_the_name_whole(sentence: str, name: str) -> None:
    assert people_of(item(sentence)) == [name]


def test_a_meeting_called_cuoc_hop_voi_is_a_meeting() -> None:
    doc = item(
        "Ngày 18/6, Tổng thống Pháp Emmanuel Macron có cuộc họp với Thủ tướng Anh Keir Starmer tại London."
    )
    meetings = [(e.actor.name, [c.name for c in e.counterparts]) for e in doc.events if e.type == "meet"]
    assert meetings == [("Emmanuel Macron", ["Keir Starmer"])]


def test_a_year_that_puts_a_leader_outside_his_term_is_no_year_of_the_event() -> None:
    doc = item(
        "Vụ tấn công ngày 11/9/2001 đã thay đổi nước Mỹ. Trong chuyến công du tới Brussels (Bỉ) tháng 5 "
        "vừa qua, Tổng thống Mỹ Donald Trump đã dự Hội nghị thượng đỉnh NATO.",
        published=None,
    )
    visits = [e for e in doc.events if e.type == "visit" and e.actor.name == "Donald Trump"]
    assert visits and all(e.start is None for e in visits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Phó Thủ tướng Phạm Bình Minh thăm chính thức Anh trong hai ngày 9-10/10.",
            [("Phạm Bình Minh", ["GB"])],
        ),
        (
            "Chuyến thăm cấp Nhà nước của Tổng Bí thư, Chủ tịch nước Tô Lâm tới Cuba mang ý nghĩa lịch sử.",
            [("Tô Lâm", ["CU"])],
        ),
        ("Tổng thống Pháp Emmanuel Macron bàn về căng thẳng liên quan tới Qatar.", []),
        (
            "Ngày 3/6, Ngoại trưởng Mỹ Antony Blinken tới Hàn Quốc giữa căng thẳng trên bán đảo Triều Tiên.",
            [("Antony Blinken", ["KR"])],
        ),
        ("Tổng Bí thư Tô Lâm mời Tổng thống Pháp Emmanuel Macron sang thăm Việt Nam.", []),
    ],
)
def test_where_a_visit_goes(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert trips_of(item(text)) == expected


def test_a_place_of_a_relative_clause_does_not_place_an_unnamed_event() -> None:
    doc = item(
        "Sáng 3/6, Thủ tướng Phạm Minh Chính dự gặp mặt cán bộ, sinh viên, cựu chiến binh Việt Nam từng "
        "tham gia công tác, chiến đấu tại Campuchia."
    )
    assert trips_of(doc) == []


def test_a_recurring_meeting_no_list_holds_gets_a_code_shared_by_its_editions() -> None:
    first = item(
        "Ngày 8/9, Thứ trưởng Hoàng Xuân Chiến dự Đối thoại chính sách quốc phòng Việt Nam - Ấn Độ "
        "lần thứ 5 tại New Delhi."
    )
    second = item(
        "Ngày 9/9, Thứ trưởng Hoàng Xuân Chiến dự Đối thoại chính sách quốc phòng Việt Nam - Ấn Độ "
        "lần thứ 6 tại New Delhi."
    )
    codes = [e.occasion.series for doc in (first, second) for e in doc.events if e.occasion is not None]
    assert len(codes) == 2 and codes[0] == codes[1] and codes[0].startswith("DOI_THOAI")


def test_those_named_as_taking_part_in_a_summit_attend_it() -> None:
    doc = item(
        "Hội nghị Cấp cao ASEAN lần thứ 46 diễn ra tại Kuala Lumpur, Malaysia ngày 26/5 với sự tham gia "
        "của Thủ tướng Phạm Minh Chính và Tổng thống Philippines Ferdinand Marcos Jr.",
        published="2025-05-20",
    )
    attends = sorted((e.actor.name, e.location.country) for e in doc.events if e.type == "attend")
    assert attends == [("Ferdinand Marcos Jr.", "MY"), ("Phạm Minh Chính", "MY")]


def test_each_clause_of_an_itinerary_dates_its_own_legs() -> None:
    doc = item(
        "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Malaysia từ ngày 25-26/5; thăm Singapore và dự Hội "
        "nghị Tương lai châu Á tại Tokyo từ ngày 28-30/5.",
        published="2025-05-20",
    )
    starts = {e.location.country: e.start for e in doc.events if e.type in ("visit", "attend")}
    assert starts == {"MY": "2025-05-25", "SG": "2025-05-28", "JP": "2025-05-28"}


def test_what_the_traveller_is_quoted_saying_does_not_unmake_the_trip() -> None:
    doc = item(
        "“Hai nước không nên đối đầu”, Ngoại trưởng Trung Quốc Vương Nghị nói với báo giới tối 7/2 "
        "trong chuyến thăm Canberra, Australia.",
        published=None,
    )
    doc2 = item(
        "Ngoại trưởng Trung Quốc Vương Nghị nói “hai nước không nên đối đầu” với báo giới tối 7/2 "
        "trong chuyến thăm Canberra, Australia.",
        published=None,
    )
    for each in (doc, doc2):
        assert [(e.actor.name, e.location.country) for e in each.events if e.type == "visit"] == [
            ("Vương Nghị", "AU")
        ]


def test_a_leader_called_by_the_short_name_the_press_gives_him_is_that_leader() -> None:
    doc = item(
        "Ông Trump thông báo sẽ gặp ông Tập tại Hội nghị cấp cao APEC ở Hàn Quốc.", published="2025-09-20"
    )
    assert people_of(doc) == ["Donald Trump", "Tập Cận Bình"]


def test_the_object_of_a_first_verb_is_not_the_subject_of_the_second() -> None:
    doc = item(
        "Tổng thống Mỹ Donald Trump sẽ gặp Chủ tịch Trung Quốc Tập Cận Bình tại Hàn Quốc và đến thăm "
        "Trung Quốc vào đầu năm sau.",
        published="2025-09-20",
    )
    visits = [(e.actor.name, e.location.country) for e in doc.events if e.type == "visit"]
    assert ("Donald Trump", "CN") in visits


def test_one_who_will_not_attend_a_summit_does_not_attend_it() -> None:
    doc = item(
        "Thủ tướng Thái Lan Prayuth Chan-o-cha, người đang chủ trì quốc tang, sẽ không tham dự Hội nghị "
        "Cấp cao APEC tại Lima, Peru.",
        published="2016-11-15",
    )
    assert [e for e in doc.events if e.type == "attend"] == []


def test_a_welcome_ceremony_a_vietnamese_leader_holds_is_at_home() -> None:
    doc = item(
        "Tổng Bí thư Tô Lâm chủ trì lễ đón Tổng thống Indonesia Prabowo Subianto thăm cấp nhà nước, "
        "với 21 loạt đại bác chào mừng."
    )
    assert trips_of(doc) == [("Prabowo Subianto", ["VN"])]


def test_a_visit_owned_by_a_title_is_the_visit_of_the_one_the_sentence_names_with_it() -> None:
    doc = item(
        "Trong khuôn khổ chuyến thăm cấp Nhà nước đến Việt Nam của Tổng thống nước Cộng hòa Phần Lan, "
        "sáng 5/5, Chủ tịch nước Lương Cường và Tổng thống Alexander Stubb đã tới thăm Văn Miếu."
    )
    assert trips_of(doc) == [("Alexander Stubb", ["VN"])]


def test_a_foreign_leader_is_later_called_by_his_surname_alone() -> None:
    doc = item(
        "Tổng thống Mỹ Donald Trump phát biểu tại Nhà Trắng. Trump dự kiến tới Osaka, Nhật Bản vào tối "
        "nay để dự hội nghị thượng đỉnh G20 trước khi tới Seoul.",
        published=None,
    )
    # His speech at the White House is at home ("tại Nhà Trắng": in the United States).
    legs = [(e.type, e.location.country) for e in doc.events if e.actor.name == "Donald Trump"]
    assert legs == [("speak", "US"), ("visit", "JP"), ("attend", "JP"), ("visit", "KR")]


def test_a_meeting_awaited_between_two_named_ministers_is_theirs() -> None:
    doc = item(
        "Ông cho biết đang chờ đợi cuộc gặp vào ngày mai giữa Ngoại trưởng Mỹ John Kerry và Ngoại trưởng "
        "Nga Sergei Lavrov tại Geneva.",
        published=None,
    )
    assert trips_of(doc) == [("John Kerry", ["CH"]), ("Sergei Lavrov", ["CH"])]
    assert {e.status for e in doc.events} == {"planned"}


def test_the_city_a_title_governs_is_no_name() -> None:
    doc = item("Thống đốc Saint Petersburg tin tưởng chuyến thăm của Chủ tịch nước sẽ thành công.")
    assert "Saint Petersburg" not in people_of(doc)


def test_until_is_no_journey() -> None:
    doc = item("Ngày 3/6, Tổng thống Pháp Emmanuel Macron nói sẽ duy trì trừng phạt đến khi Nga rút quân.")
    assert trips_of(doc) == []
