"""A guest's stay dated in its own clause, the national convention centre as a home venue, a party's
Central Committee member as a title, a province's officers, words told to a delegation, two leaders
whose meeting frames what they did, and a visit told beside an earlier cancelled trip (the seventeenth
session, issue 9), on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.doc import Doc


def visits_to(doc: Doc, country: str) -> list[tuple[str, str | None, str | None]]:
    visits = [e for e in doc.events if e.type == "visit" and e.location.country == country]
    return [(e.actor.name, e.start, e.end) for e in visits]


# -- guests received at home ---------------------------------------------------------------------------


def test_a_guest_visit_takes_the_range_of_its_stay() -> None:
    doc = article(
        "Ngày 11/9 tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp Tổng Thư ký Liên minh Bưu chính Thế giới "
        "Masahiko Metoki nhân chuyến thăm làm việc và dự Hội thảo bưu chính khu vực tại Việt Nam từ ngày "
        "9-12/9.",
        "2025-09-12",
    )
    assert visits_to(doc, "VN") == [("Masahiko Metoki", "2025-09-09", "2025-09-12")]


def test_a_guest_visit_without_a_stay_keeps_the_day_of_the_meeting() -> None:
    doc = article(
        "Ngày 11/9 tại Hà Nội, Phó Thủ tướng Bùi Thanh Sơn đã tiếp Tổng Thư ký Liên minh Bưu chính Thế giới "
        "Masahiko Metoki.",
        "2025-09-12",
    )
    assert visits_to(doc, "VN") == [("Masahiko Metoki", "2025-09-11", None)]


@pytest.mark.parametrize(
    ("venue", "guest_visits"),
    [
        ("Trung tâm Hội nghị Quốc gia", True),
        ("Trung tâm Hội nghị Quốc gia (Hà Nội)", True),
        ("Trung tâm Hội nghị Quốc gia Kuala Lumpur", False),
    ],
)
def test_the_national_convention_centre_is_at_home(venue: str, guest_visits: bool) -> None:
    doc = article(
        f"Sáng 3.11, tại {venue}, Chủ tịch Quốc hội Trần Thanh Mẫn đã có cuộc hội kiến với Chủ tịch Ủy ban "
        "châu Âu Ursula von der Leyen.",
        "2025-11-04",
    )
    assert bool(visits_to(doc, "VN")) is guest_visits


# -- who is named ----------------------------------------------------------------------------------


def test_a_central_committee_member_of_a_foreign_party_is_met_by_name() -> None:
    doc = article(
        "Ngày 8/7, tại Côn Minh (Vân Nam, Trung Quốc), Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên đã hội kiến "
        "đồng chí Lý Tiểu Bằng, Ủy viên Trung ương Đảng Cộng sản Trung Quốc, Bí thư Tỉnh ủy Vân Nam.",
        "2025-07-09",
    )
    [meeting] = of_type(doc, "meet")
    assert [p.name for p in meeting.counterparts] == ["Lý Tiểu Bằng"]


def test_a_province_officer_is_named_without_his_province() -> None:
    doc = article(
        "Chiều 20/6, Bí thư Tỉnh ủy Điện Biên Trần Quốc Cường đã tiếp Đại sứ Lào tại Việt Nam Khamphao "
        "Ernthavanh.",
        "2025-06-21",
    )
    [meeting] = of_type(doc, "meet")
    assert meeting.actor.name == "Trần Quốc Cường"


def test_words_told_to_a_foreign_delegation_are_no_journey() -> None:
    doc = article(
        "Ông Lê Quốc Phong, Bí thư Tỉnh ủy Đồng Tháp cũng thông tin tóm tắt tới Đoàn đại biểu cấp cao của "
        "Quốc hội Lào về tình hình của tỉnh.",
        "2025-03-02",
    )
    assert journeys(doc) == set()


# -- what the two did, framed by their meeting --------------------------------------------------------


def test_two_leaders_whose_meeting_frames_what_they_did_are_its_sides() -> None:
    doc = article(
        "Thủ tướng Đức Friedrich Merz và Tổng thống Pháp Emmanuel Macron đã bàn về quốc phòng châu Âu trong "
        "cuộc hội đàm ngày 23/7 tại Berlin.",
        "2025-07-24",
    )
    assert ("Emmanuel Macron", "DE", "Berlin") in journeys(doc)


def test_a_visit_told_beside_an_earlier_cancelled_trip_stands() -> None:
    doc = article(
        "Chuyến thăm Nhật Bản lần này của Tổng thống Hàn Quốc Lee Jae-myung diễn ra hai tháng sau khi ông "
        "hủy chuyến đi tới Osaka.",
        "2025-08-24",
    )
    assert {(name, country) for name, country, _city in journeys(doc)} == {("Lee Jae-myung", "JP")}


def test_a_known_leader_name_after_a_temple_is_the_temple() -> None:
    doc = article(
        "Chiều 15/5, trong chuyến công tác tại Nghệ An, Chủ tịch nước Lương Cường đã dâng hương tại đền "
        "Chung Sơn, huyện Nam Đàn.",
        "2025-05-16",
    )
    assert "Chung Sơn" not in {p.name for e in doc.events for p in (e.actor, *e.counterparts)}


# -- a rite performed where the sentence places it -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "journey"),
    [
        (
            "Chiều 2/9, Thủ tướng Phạm Minh Chính đã đặt vòng hoa tại Đài tưởng niệm ở Bratislava.",
            ("Phạm Minh Chính", "SK", "Bratislava"),
        ),
        (
            "Sáng 2/9, Tổng thống Chile Gabriel Boric và đoàn đã đến dâng hoa trước tượng đài Salvador "
            "Allende tại công viên Thống Nhất, phố Trần Nhân Tông, Hà Nội.",
            ("Gabriel Boric", "VN", "Hà Nội"),
        ),
    ],
)
def test_a_leader_performing_a_rite_abroad_is_there(text: str, journey: tuple[str, str, str]) -> None:
    assert journey in journeys(article(text, "2025-09-03"))


def test_the_person_a_rite_honours_does_not_travel() -> None:
    doc = article(
        "Nhân kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh, Đại sứ Việt Nam tại Lào Nguyễn Bá Hùng dâng hương tại "
        "Đại sứ quán ở Vientiane.",
        "2025-05-19",
    )
    assert "Hồ Chí Minh" not in {e.actor.name for e in doc.events}


# -- second round (9240-9242) ----------------------------------------------------------------------


def test_a_supreme_leader_is_named_with_his_title_in_lower_case() -> None:
    doc = article(
        "Ngày 12/6, lãnh tụ tối cao Iran Ayatollah Ali Khamenei đã hội đàm với Thủ tướng Nhật Bản Abe Shinzo "
        "ở Tehran.",
        "2019-06-13",
    )
    [meeting] = of_type(doc, "meet")
    # The visitor is the actor of a meeting abroad (SPEC); the host is its counterpart.
    sides = [meeting.actor, *meeting.counterparts]
    assert [(p.name, p.roles) for p in sides if p.country == "IR"] == [
        ("Ayatollah Ali Khamenei", ["Lãnh tụ tối cao"])
    ]


def test_someone_named_in_what_was_said_at_a_meeting_is_not_met() -> None:
    doc = article(
        "Thủ tướng Anh Keir Starmer khẳng định trong cuộc hội đàm với Thủ tướng Canada Mark Carney ở Ottawa "
        "rằng ông không tin Tổng thống Nga Vladimir Putin muốn hòa bình.",
        "2025-06-16",
    )
    assert "Vladimir Putin" not in {p.name for e in doc.events for p in (e.actor, *e.counterparts)}


def test_a_meeting_about_a_series_is_no_edition_of_it() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường tham dự Đối thoại nhiều bên về APEC hướng tới 2040 và tương lai.",
        "2025-10-30",
    )
    assert [o.year for e in doc.events if (o := e.occasion) is not None] in ([], [None])


def test_a_range_of_numbers_is_no_journey() -> None:
    doc = article(
        "Theo Ngoại trưởng Mỹ Marco Rubio, hiện có khoảng 2 đến 3 kênh đối thoại mở với Bình Nhưỡng.",
        "2025-04-02",
    )
    assert journeys(doc) == set()


def test_a_visit_places_end_where_a_clause_with_its_own_subject_begins() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Marco Rubio cho biết trong chuyến công du tới Nhật Bản, Mỹ đã có nhiều kênh liên "
        "lạc trực tiếp với Triều Tiên.",
        "2025-04-02",
    )
    assert {country for _name, country, _city in journeys(doc)} == {"JP"}


@pytest.mark.parametrize("title", ["Bí thư Khu ủy", "Bí thư Đảng ủy"])
def test_a_party_committee_secretary_abroad_is_met_by_name(title: str) -> None:
    doc = article(
        f"Ngày 23/9, tại Nam Ninh (Trung Quốc), Phó Thủ tướng Bùi Thanh Sơn đã hội kiến đồng chí Trần Cương, "
        f"{title} kiêm Chủ nhiệm Nhân đại Khu tự trị Quảng Tây.",
        "2025-09-24",
    )
    [meeting] = of_type(doc, "meet")
    assert [p.name for p in meeting.counterparts] == ["Trần Cương"]


def test_travel_of_others_named_with_the_word_is_no_journey_of_the_subject() -> None:
    doc = article(
        "Ngày 5/3, Tổng thống Mỹ Donald Trump thông báo thắt chặt các quy định về du lịch của người Mỹ tới "
        "Venezuela.",
        "2025-03-06",
    )
    assert journeys(doc) == set()


def test_a_name_keeps_the_period_of_its_suffix() -> None:
    doc = article(
        "Chiều 26/5, tại Kuala Lumpur, Malaysia, Thủ tướng Phạm Minh Chính đã có cuộc gặp với Tổng thống "
        "Philippines Ferdinand Romualdez Marcos Jr. Hai bên nhất trí tăng cường hợp tác.",
        "2025-05-27",
    )
    [meeting] = of_type(doc, "meet")
    assert [p.name for p in meeting.counterparts] == ["Ferdinand Romualdez Marcos Jr."]


def test_a_meeting_about_a_subject_keeps_its_own_series() -> None:
    doc = article(
        "Ngày 9/6, tại thành phố Nice của Cộng hòa Pháp, Thủ tướng Phạm Minh Chính tham dự Hội nghị cấp cao "
        "về Đại dương của Liên Hợp Quốc lần thứ 3 (UNOC 3).",
        "2025-06-10",
    )
    [attendance] = of_type(doc, "attend")
    assert attendance.occasion is not None and attendance.occasion.series is not None


def test_the_pacific_holds_no_province() -> None:
    doc = article(
        "Bên lề APEC, Tổng thống Nga Vladimir Putin cũng sẽ gặp Thủ tướng Nhật Bản Shinzo Abe để trao đổi về "
        "tranh chấp quanh một nhóm đảo ở Thái Bình Dương.",
        "2016-11-15",
    )
    [meeting] = of_type(doc, "meet")
    assert meeting.location.country != "VN"
