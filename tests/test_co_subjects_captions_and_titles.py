"""Leaders named as one subject at a meeting placed abroad, captions at a meeting named in lower case,
"Lãnh đạo" as a title before a name, a bare title of a named country, visits to people in a fronted
place, newspapers named after cities, quoted titles (the sixteenth session, issue 9), on sentences
written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.doc import Doc


def travellers(doc: Doc) -> set[str]:
    return {e.actor.name for e in doc.events if e.type in ("visit", "attend")}


# -- who is where ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "guest",
    ["Chris Hipkins", "Justin Trudeau"],
)
def test_leaders_named_with_the_actor_of_a_placed_meeting_are_there(guest: str) -> None:
    doc = article(
        "Tại cuộc gặp ba bên ở thủ đô Jakarta, Indonesia, Thủ tướng Úc Anthony "
        "Albanese, Thủ tướng New Zealand Chris Hipkins và Thủ tướng Canada Justin Trudeau nhất trí tăng "
        "cường hợp tác hàng hải.",
        "2023-09-07",
    )
    assert (guest, "ID", "Jakarta") in journeys(doc)


def test_a_leader_met_abroad_is_only_a_counterpart() -> None:
    doc = article(
        "Ngày 14/5, tại Paris, Chủ tịch Quốc hội Trần Thanh Mẫn đã gặp Tổng Thư ký OECD Mathias Cormann "
        "và Thủ tướng Bỉ Alexander De Croo.",
        "2024-05-15",
    )
    [meeting] = of_type(doc, "meet")
    assert meeting.location.country == "FR" and travellers(doc) == set()


def test_a_caption_at_a_meeting_named_in_lower_case_places_its_people() -> None:
    doc = article(
        "Tổng thống Mỹ Joe Biden (phải) và Chủ tịch Trung Quốc Tập Cận Bình tại hội nghị thượng đỉnh ở San "
        "Francisco hôm 15/11.",
        "2023-11-16",
    )
    assert journeys(doc) == {("Tập Cận Bình", "US", "San Francisco")}


def test_a_visit_to_people_is_where_the_sentence_opens() -> None:
    doc = article(
        "Chiều 12/9, tại Tokyo, Chủ tịch nước Võ Văn Thưởng cùng Phu nhân đã tới thăm cán bộ, nhân viên Đại "
        "sứ quán Việt Nam và đại diện cộng đồng người Việt.",
        "2023-09-12",
    )
    assert journeys(doc) == {("Võ Văn Thưởng", "JP", "Tokyo")}


# -- who is named -----------------------------------------------------------------------------------


def test_lanh_dao_before_a_country_and_a_name_is_a_title() -> None:
    doc = article("Lãnh đạo Triều Tiên Kim Jong-un hôm qua đã tới Moskva bằng tàu hỏa.", "2023-09-13")
    [visit] = of_type(doc, "visit")
    assert (visit.actor.name, visit.actor.roles) == ("Kim Jong-un", ["Lãnh đạo"])


def test_lanh_dao_alone_names_no_one() -> None:
    doc = article(
        "Lãnh đạo Triều Tiên Kim Jong-un gặp Tổng thống Nga Vladimir Putin. Lãnh đạo hai nước đã tới thăm "
        "sân bay vũ trụ Vostochny ở Nga.",
        "2023-09-14",
    )
    assert "Kim Jong-un" not in {m.key for m in doc.mentions if m.label == "TITLE"}


def test_a_second_country_after_a_title_is_the_start_of_the_name() -> None:
    doc = article("Lãnh đạo Đài Loan Thái Anh Văn hôm 12/7 lên đường đến Mỹ để quá cảnh.", "2023-07-13")
    [visit] = of_type(doc, "visit")
    assert (visit.actor.name, visit.actor.country) == ("Thái Anh Văn", "TW")


# -- what is no place of a visit -------------------------------------------------------------------------


def test_a_newspaper_named_after_a_city_is_no_city() -> None:
    doc = article(
        "Theo báo New York Times, Tổng thống Hàn Quốc Moon Jae-in sẽ thăm Mỹ vào tuần tới.", "2017-06-20"
    )
    assert "New York" not in {m.key for m in doc.mentions if m.label == "CITY"}


def test_a_quoted_title_ends_the_places_of_its_visit() -> None:
    doc = article(
        "Bài viết “Quan hệ Việt - Mỹ nhân chuyến thăm của Thủ tướng Nguyễn Xuân Phúc” đăng trên tạp chí "
        "Nhật Bản The Diplomat.",
        "2017-06-01",
    )
    assert ("Nguyễn Xuân Phúc", "JP", None) not in journeys(doc)


def test_a_leader_speaking_to_the_press_in_a_place_is_there() -> None:
    doc = article(
        "Ngoại trưởng Nhật Bản Fumio Kishida nói sau cuộc gặp người đồng cấp Úc Julie Bishop rằng hai nước "
        "sẽ tăng cường hợp tác, ông Kishida nói với các phóng viên ở thủ đô Canberra, Úc.",
        "2016-02-10",
    )
    [speech] = of_type(doc, "speak")
    assert (speech.actor.name, speech.location.country, speech.location.city) == (
        "Fumio Kishida",
        "AU",
        "Canberra",
    )


def test_two_leaders_meeting_for_the_first_time_at_a_summit_abroad_are_both_there() -> None:
    doc = article(
        "Ngày 15/11, Tổng thống Mỹ Joe Biden và Chủ tịch Trung Quốc Tập Cận Bình lần đầu tiên gặp mặt tại "
        "Hội nghị thượng đỉnh G20 ở Bali, Indonesia.",
        "2022-11-16",
    )
    assert {("Joe Biden", "ID", "Bali"), ("Tập Cận Bình", "ID", "Bali")} <= journeys(doc)


def test_a_meeting_in_a_time_clause_is_placed_after_its_day() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính nhấn mạnh điều này khi hội kiến Tổng Bí thư, Chủ tịch nước Trung Quốc Tập "
        "Cận Bình ngày 4-9 tại Hàng Châu.",
        "2016-09-05",
    )
    [meeting] = of_type(doc, "meet")
    assert (meeting.location.country, meeting.location.city) == ("CN", "Hàng Châu")


def test_a_press_conference_in_a_place_puts_its_speaker_there() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Antony Blinken khẳng định trong một cuộc họp báo ở Tokyo (Nhật Bản) ngày 7-11 rằng "
        "Mỹ ủng hộ các đồng minh.",
        "2023-11-08",
    )
    [speech] = of_type(doc, "speak")
    assert (speech.actor.name, speech.location.country) == ("Antony Blinken", "JP")


def test_an_invited_guests_title_is_not_the_inviters() -> None:
    doc = article(
        "Theo lời mời của Thủ tướng, Trưởng Khu hành chính đặc biệt Ma Cao (Trung Quốc) Hạ Nhất Thành sẽ "
        "thăm chính thức Việt Nam từ ngày 5-7/10.",
        "2023-10-01",
    )
    [visit] = of_type(doc, "visit")
    assert (visit.actor.name, visit.location.country, visit.status) == ("Hạ Nhất Thành", "VN", "planned")


def test_lanh_dao_in_lower_case_describes_a_leader_and_is_no_role() -> None:
    doc = article("Hôm qua, lãnh đạo Triều Tiên Kim Jong-un đã tới Bắc Kinh bằng tàu hỏa.", "2019-01-08")
    [visit] = of_type(doc, "visit")
    assert visit.actor.name == "Kim Jong-un" and "Lãnh đạo" not in visit.actor.roles


def people(doc: Doc) -> set[tuple[str, str | None]]:
    return {(m.key, m.get("country")) for m in doc.mentions if m.label == "PERSON" and m.key}


def test_a_bodys_country_after_its_acronym_is_no_name() -> None:
    doc = article(
        "Chiều 2/3, tại Hà Nội, ông Lê Văn Hùng, Ủy viên Bộ Chính trị, Chủ tịch Ủy ban Trung ương Mặt "
        "trận Tổ quốc (MTTQ) Việt Nam đã tiếp Đại sứ Lào.",
        "2025-03-03",
    )
    assert "Lê Văn Hùng" in {name for name, _country in people(doc)}


def test_the_youth_union_is_no_name_and_its_country_is_its_officers() -> None:
    doc = article(
        "Chiều 5/6, tại Hà Nội, Chủ tịch nước đã tiếp Đoàn đại biểu do ông Lý Minh, Bí thư thứ nhất Ban Bí "
        "thư Trung ương Đoàn Thanh niên Cộng sản Trung Quốc làm Trưởng đoàn.",
        "2025-06-06",
    )
    assert ("Lý Minh", "CN") in people(doc) and "Đoàn Thanh" not in {n for n, _c in people(doc)}


def test_a_guest_named_with_his_central_committee_seat_is_met() -> None:
    doc = article(
        "Chiều 9/5, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp đồng chí Vương Tiểu Hồng, Ủy viên "
        "Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc, Bộ trưởng Bộ Công an Trung Quốc.",
        "2025-05-10",
    )
    [meeting] = of_type(doc, "meet")
    assert [p.name for p in meeting.counterparts] == ["Vương Tiểu Hồng"]


# Journeys read from sentences of one shape each: (text, published, a journey it must give).
JOURNEYS = [
    pytest.param(
        "Tổng thống Phần Lan, ông Sauli Niinisto đề xuất tổ chức cuộc gặp tại Helsinki. Ông Niinisto đang "
        "có chuyến thăm chính thức tại Trung Quốc và những phát biểu của Chủ tịch Tập Cận Bình được đưa ra "
        "sau cuộc hội đàm.",
        "2019-01-16",
        ("Sauli Niinisto", "CN", None),
        id="a_visit_is_not_owned_by_the_owner_of_another_noun_after_it",
    ),
    pytest.param(
        "Thủ tướng Úc Malcolm Turnbull và Thủ tướng Nguyễn Xuân Phúc họp báo chung tại Canberra. Thủ tướng "
        "Australia cho biết sẽ sang Việt Nam dự Hội nghị APEC vào tháng 11.",
        "2017-03-16",
        ("Malcolm Turnbull", "VN", None),
        id="a_bare_title_with_a_country_is_that_countrys_holder",
    ),
    pytest.param(
        "Các bức ảnh về cuộc họp kín giữa Tổng thống Pháp Emmanuel Macron và Ngoại trưởng Iran Mohammad "
        "Javad Zarif tại Điện Élysée được công bố hôm qua.",
        "2019-08-24",
        ("Mohammad Javad Zarif", "FR", None),
        id="a_closed_meeting_at_the_hosts_home_is_the_guests_visit",
    ),
    pytest.param(
        "Thủ tướng Canada Justin Trudeau hiện đã tới Biarritz của Pháp cho hội nghị thượng đỉnh G7.",
        "2019-08-25",
        ("Justin Trudeau", "FR", "Biarritz"),
        id="a_foreign_town_reached_and_owned_by_its_country_is_a_city",
    ),
    pytest.param(
        "Thủ tướng Nguyễn Xuân Phúc dẫn đầu Đoàn đại biểu cấp cao Việt Nam tham dự Diễn đàn cấp cao hợp tác "
        "quốc tế “Vành đai và Con đường” lần thứ hai tại Bắc Kinh, Trung Quốc.",
        "2019-04-25",
        ("Nguyễn Xuân Phúc", "CN", "Bắc Kinh"),
        id="a_meeting_name_quoted_after_its_word_runs_on_to_its_place",
    ),
    pytest.param(
        "Chiều 13/7, tại trụ sở Bộ Quốc phòng Nhật Bản ở thủ đô Tokyo, Bộ trưởng Bộ Quốc phòng Nhật Bản "
        "Nakatani Gen đã chủ trì lễ đón chính thức đại tướng Phan Văn Giang, Phó thủ tướng Chính phủ, Bộ "
        "trưởng Bộ Quốc phòng thăm chính thức Nhật Bản.",
        "2025-07-14",
        ("Phan Văn Giang", "JP", "Tokyo"),
        id="where_an_officer_goes_is_not_his_bodys_country",
    ),
    pytest.param(
        "Trưởng Khu hành chính đặc biệt Hong Kong (Trung Quốc) Lương Chấn Anh sẽ thăm chính thức Việt Nam từ "
        "ngày 5-7/10.",
        "2016-10-01",
        ("Lương Chấn Anh", "VN", None),
        id="a_country_in_brackets_after_a_titles_country_is_passed_over",
    ),
]


@pytest.mark.parametrize(("text", "published", "journey"), JOURNEYS)
def test_a_journey_is_read(text: str, published: str, journey: tuple[str, str, str | None]) -> None:
    assert journey in journeys(article(text, published))


def test_the_end_of_a_country_and_a_surname_are_no_title() -> None:
    doc = article(
        "Ngoại trưởng Nga Sergei Lavrov và người đồng cấp Trung Quốc Vương Nghị họp báo ở Moskva ngày 26/5.",
        "2017-05-27",
    )
    assert "Quốc vương" not in {r for m in doc.mentions for r in (m.get("roles") or ())}
