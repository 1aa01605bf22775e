"""Where a placeless visit goes (an institution named in Vietnamese, a town told with its country), who
meets after ";" and after a fronted "Trong cuộc gặp với A," phrase, which title an assistant carries
and how one sentence's legs are linked: the nineteenth session's rules for issue 9, from its first
sights, on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, met_pairs, of_type
from sukien.link import link

# -- where a placeless visit goes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "institution", ["Trường Đại học Bách khoa", "Bệnh viện Bạch Mai", "Bảo tàng Hồ Chí Minh"]
)
def test_a_foreign_leaders_visit_to_a_vietnamese_institution_is_a_visit_to_viet_nam(institution: str) -> None:
    doc = article(
        f"Ngày 12/3/2025, phái đoàn do Chủ tịch Thượng viện Ba Lan Jan Kowalski dẫn đầu đã có chuyến thăm "
        f"và làm việc tại {institution}.",
        "2025-03-12",
    )
    assert journeys(doc) == {("Jan Kowalski", "VN", None)}


def test_a_visit_to_an_institution_named_in_foreign_words_goes_nowhere_told() -> None:
    doc = article(
        "Ngày 12/3/2025, Chủ tịch Thượng viện Ba Lan Jan Kowalski đã có chuyến thăm Đại học Harvard.",
        "2025-03-12",
    )
    assert journeys(doc) == set()


def test_a_vietnamese_leaders_visit_to_an_institution_at_home_is_no_journey() -> None:
    doc = article(
        "Ngày 12/3/2025, Thủ tướng Phạm Minh Chính đã có chuyến thăm Bệnh viện Bạch Mai.", "2025-03-12"
    )
    assert journeys(doc) == set()


def test_a_place_no_list_holds_told_with_its_country_after_a_comma_is_the_city() -> None:
    doc = article(
        "Ngày 19/1 tại Cherating, Malaysia, Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane đã dự Hội nghị "
        "hẹp các Bộ trưởng Ngoại giao ASEAN.",
        "2025-01-19",
    )
    assert journeys(doc) == {("Thongsavanh Phomvihane", "MY", "Cherating")}


@pytest.mark.parametrize("venue", ["Marina Bay Sands", "Nam Carolina"])
def test_a_venue_or_a_compass_point_told_so_is_no_city(venue: str) -> None:
    doc = article(
        f"Ngày 19/1 tại {venue}, Singapore, Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane đã dự Hội nghị "
        "hẹp các Bộ trưởng Ngoại giao ASEAN.",
        "2025-01-19",
    )
    assert journeys(doc) == {("Thongsavanh Phomvihane", "SG", None)}


# -- who meets -----------------------------------------------------------------------------------------


def test_a_meeting_after_a_semicolon_keeps_the_sentences_subject() -> None:
    doc = article(
        "Trong khuôn khổ chuyến thăm chính thức Nhật Bản, sáng 5/6, Chủ tịch Quốc hội Trần Thanh Mẫn đã có "
        "các cuộc tiếp Tổng Giám đốc Tập đoàn Sumitomo, kiêm Chủ tịch Hội đồng quản trị Sumitomo Corporation "
        "Masayuki Hyodo; tiếp ông Kenji Tanaka, Tổng Giám đốc Tập đoàn Mitsubishi.",
        "2025-06-05",
    )
    met = met_pairs(doc)
    assert ("Trần Thanh Mẫn", "Kenji Tanaka") in met
    assert ("Masayuki Hyodo", "Kenji Tanaka") not in met


def test_the_subject_after_a_fronted_meeting_with_someone_is_who_meets() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Shinzo Abe phát biểu tại Quốc hội. Trong cuộc gặp với ông Abe, Bộ trưởng Quốc "
        "phòng Mỹ Lloyd Austin nhấn mạnh rằng Mỹ giữ mọi cam kết.",
        "2023-07-28",
    )
    assert met_pairs(doc) == {("Lloyd Austin", "Shinzo Abe")}


def test_the_owner_of_a_journey_named_past_a_comma_is_not_met() -> None:
    doc = article(
        "Các cuộc điện đàm của Tổng thống Mỹ Donald Trump với giới chức Hàn Quốc, và những tín hiệu trong "
        "chuyến công du của Bộ trưởng Quốc phòng Mỹ James Mattis đều cho thấy điều đó.",
        "2017-02-10",
    )
    met = {c.name for e in doc.events if e.actor.name == "Donald Trump" for c in e.counterparts}
    assert "James Mattis" not in met


def test_the_guest_whose_visit_occasions_the_talks_is_met() -> None:
    doc = article(
        "Chiều 5/3, Thủ tướng Phạm Minh Chính đã hội đàm, nhân chuyến thăm chính thức Việt Nam của Tổng "
        "thống Indonesia Prabowo Subianto.",
        "2025-03-05",
    )
    assert met_pairs(doc) == {("Phạm Minh Chính", "Prabowo Subianto")}


# -- which title -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "role"),
    [("Trợ lý Ngoại trưởng Mỹ", "Trợ lý Ngoại trưởng"), ("Ngoại trưởng Mỹ", "Ngoại trưởng")],
)
def test_an_assistant_is_not_the_office_he_assists(title: str, role: str) -> None:
    doc = article(f"{title} Daniel Russel đã tới Manila hôm 3/10.", "2016-10-04")
    (visit,) = of_type(doc, "visit")
    assert visit.actor.roles == [role]


# -- one sentence's legs -------------------------------------------------------------------------------------


def test_legs_told_in_one_sentence_stay_one_journey_when_one_joins_another_articles() -> None:
    dated = article(
        "Trong cuộc hội đàm ngày 3/2/2017 tại Seoul, Bộ trưởng Quốc phòng Hàn Quốc Han Min-koo tiếp người "
        "đồng cấp Mỹ James Mattis.",
        None,
        name="dated",
    )
    undated = article(
        "Trong chuyến công du tới Nhật Bản và Hàn Quốc, Bộ trưởng Quốc phòng Mỹ James Mattis đã trấn an các "
        "đồng minh.",
        None,
        name="undated",
    )
    trips = [t for t in link(dated.events + undated.events) if t.actor.name == "James Mattis"]
    assert [sorted(leg.country for leg in t.legs) for t in trips] == [["JP", "KR"]]


# -- the second round: names, offices met, judged events, homecomings, visitors ----------------------


def test_a_ministry_named_past_a_lower_case_and_still_leads_to_its_minister() -> None:
    doc = article(
        "Chiều 19/3, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Bộ Ngoại giao và Kinh tế đối ngoại Hungary "
        "Kovács Gábor đang thăm chính thức Việt Nam.",
        "2025-03-19",
    )
    assert met_pairs(doc) == {("Phạm Minh Chính", "Kovács Gábor")}


def test_offices_met_with_no_name_abroad_put_the_leader_there() -> None:
    doc = article(
        "Bộ trưởng Ngoại giao Lê Hoài Trung có các cuộc hội kiến với Chủ tịch Đảng Nước Nga Thống nhất và "
        "Chủ tịch Đảng Cộng sản Liên bang Nga tại Moskva.",
        "2026-02-24",
    )
    assert journeys(doc) == {("Lê Hoài Trung", "RU", "Moskva")}
    assert of_type(doc, "meet") == []


def test_an_office_met_at_home_puts_no_one_abroad() -> None:
    doc = article("Thủ tướng Phạm Minh Chính đã tiếp Đại sứ Nga tại Hà Nội.", "2026-02-24")
    assert journeys(doc) == set()


def test_an_initial_glued_to_a_transliterated_surname_is_one_name() -> None:
    doc = article(
        "Thủ tướng Anh T.Mây và người đồng cấp I-ta-li-a P.Gen-ti-lô-ni đã hội đàm tại Luân Đôn.", None
    )
    assert met_pairs(doc) == {("P.Gen-ti-lô-ni", "T.Mây")}


def test_a_visit_on_whose_eve_something_happens_is_still_to_come() -> None:
    doc = article(
        "Trước thềm chuyến thăm Washington của Thủ tướng Israel Benjamin Netanyahu, Mỹ điều chỉnh chính "
        "sách.",
        None,
    )
    (visit,) = of_type(doc, "visit")
    assert (visit.actor.name, visit.status) == ("Benjamin Netanyahu", "planned")


def test_an_event_the_subject_judges_is_not_his() -> None:
    doc = article(
        'Thượng nghị sĩ Mỹ John McCain gọi cuộc họp báo ở Helsinki là "một màn thể hiện nhục nhã".', None
    )
    assert [e for e in doc.events if e.actor.name == "John McCain"] == []


def test_a_press_conference_the_subject_holds_is_his() -> None:
    doc = article("Chiều 5/3, tại Tokyo, Thủ tướng Phạm Minh Chính chủ trì cuộc họp báo.", "2025-03-05")
    assert {(e.actor.name, e.location.country) for e in doc.events} == {("Phạm Minh Chính", "JP")}


def test_the_day_the_leader_arrives_home_ends_the_journey() -> None:
    doc = article(
        "Tối 25/4, Chủ tịch nước Lương Cường và Đoàn đại biểu cấp cao Việt Nam đã về tới sân bay quốc tế Nội "
        "Bài, kết thúc tốt đẹp chuyến thăm cấp Nhà nước tới Lào.",
        "2025-04-25",
    )
    (trip,) = link(doc.events)
    assert (trip.start, trip.end) == (None, "2025-04-25")


def test_a_foreign_host_welcoming_a_visitor_is_the_visitors_meeting() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump đặt chân đến thủ đô Riyadh, Arab Saudi ngày 20/5. Quốc vương Arab Saudi "
        "Salman bin Abdulaziz đã ra tận sân bay đón ông Trump.",
        "2017-05-20",
    )
    assert met_pairs(doc) == {("Donald Trump", "Salman bin Abdulaziz")}


def test_saudi_alone_is_the_country_not_part_of_a_name() -> None:
    doc = article("Thái tử Saudi Mohammed bin Salman thăm Pháp ngày 8/4.", "2018-04-09")
    assert journeys(doc) == {("Mohammed bin Salman", "FR", None)}


def test_a_second_office_told_with_dong_thoi_la_is_the_same_persons() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường đã hội kiến Chủ tịch Hạ viện Chile, đồng thời là Chủ tịch Đảng Xã hội "
        "Chile Karol Cariola tại Santiago.",
        "2024-11-11",
    )
    met = {(e.actor.name, c.name, tuple(c.roles)) for e in of_type(doc, "meet") for c in e.counterparts}
    assert met == {("Lương Cường", "Karol Cariola", ("Chủ tịch Hạ viện", "Chủ tịch Đảng"))}


def test_a_glued_initial_and_the_full_name_are_one_person() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump tới Hamburg dự G20 ngày 7/7/2017. Tại đây, Tổng thống D.Trump đã gặp Thủ "
        "tướng Anh Theresa May.",
        None,
    )
    assert met_pairs(doc) == {("Donald Trump", "Theresa May")}


def test_a_sentence_may_end_with_the_continent_a() -> None:
    doc = article(
        "Ông Trump muốn trấn an các đồng minh ở khu vực châu Á. Chỉ hai tuần sau, tướng James Mattis tới "
        "thăm Hàn Quốc.",
        None,
    )
    (visit,) = of_type(doc, "visit")
    assert visit.evidence[0].text.startswith("Chỉ hai tuần sau")


def test_a_meeting_with_a_guest_visiting_elsewhere_keeps_its_subject() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Shinzo Abe sẽ thăm Washington cuối tuần này. Bộ trưởng Quốc phòng Mỹ James "
        "Mattis đã gặp ông Abe tại Tokyo tuần trước.",
        None,
    )
    assert met_pairs(doc) == {("James Mattis", "Shinzo Abe")}
