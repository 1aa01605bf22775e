"""Guests named without a place, names after an organisation's acronym, goods sent abroad, airports
and party chairs (issue 9, seventh session), on sentences written for these tests (never copied
from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc
from sukien.link import link
from sukien.understand.people import find_people


def item(text: str, published: str | None = "2025-05-20") -> Doc:
    return article(text, published)


def visits(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e.actor.name, e.location.country, e.location.city) for e in of_type(doc, "visit")]


def test_a_foreign_kings_visit_named_among_vietnamese_hosts_is_to_viet_nam() -> None:
    doc = item(
        "Nhân chuyến thăm cấp nhà nước của Quốc vương Thái Lan Vajiralongkorn, sáng 20/5, Phó Chủ tịch "
        "nước, bà Võ Thị Lan đã cùng Hoàng hậu đến thăm Văn Miếu."
    )
    assert visits(doc) == [("Vajiralongkorn", "VN", None)]


@pytest.mark.parametrize(
    "text",
    [
        # beside another country: a visit there, not here
        "Chính phủ Anh đang chuẩn bị cho chuyến thăm cấp nhà nước của Tổng thống Mỹ Robert Dole, Bộ trưởng "
        "Nội vụ Anh James Hart cho biết.",
        # a Vietnamese leader's visit goes abroad, never home
        "Trong chuyến thăm của Thủ tướng Lê Văn Bình, hai bên ký nhiều thỏa thuận.",
    ],
)
def test_a_visit_named_with_no_place_is_to_viet_nam_only_among_its_hosts(text) -> None:
    assert visits(item(text)) == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Tổng Thư ký Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Jan Petersen phát biểu.",
            "Jan Petersen",
            None,
        ),
        (
            "Phó Chủ tịch phụ trách đối ngoại Đảng Xã hội chủ nghĩa Thống nhất Venezuela (PSUV) Diosdado "
            "Cabello phát biểu.",
            "Diosdado Cabello",
            "VE",
        ),
    ],
)
def test_the_person_follows_an_organisations_acronym_in_brackets(text, name, country) -> None:
    people = [(m.key, m.get("country")) for m in find_people(text) if m.label == "PERSON"]
    assert people == [(name, country)]


def test_a_party_official_received_at_home_named_after_its_acronym_visits_viet_nam() -> None:
    doc = item(
        "Ngày 20/5, tại Trụ sở Chính phủ, Phó Thủ tướng Lê Văn Bình tiếp Phó Chủ tịch phụ trách đối ngoại "
        "Đảng Xã hội chủ nghĩa Thống nhất Venezuela (PSUV) Diosdado Cabello."
    )
    assert visits(doc) == [("Diosdado Cabello", "VN", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Thủ tướng Nhật Bản Taro Aso đề nghị Chủ tịch Trung Quốc Hồ Cẩm Đào ngừng xuất khẩu dầu sang "
        "Triều Tiên.",
        "Tổng thống Mỹ Robert Dole cho biết Washington sẽ bán thêm vũ khí tới Đài Loan.",
    ],
)
def test_goods_sent_abroad_take_no_one_there(text) -> None:
    assert visits(item(text)) == []


def test_a_city_that_names_the_airport_of_arrival_is_the_visits_city() -> None:
    doc = item(
        "Ngày 20/5, Thủ tướng Lê Văn Bình đã đến sân bay Melbourne Tullamarine, bắt đầu chuyến thăm chính "
        "thức Australia."
    )
    assert visits(doc) == [("Lê Văn Bình", "AU", "Melbourne")]


def test_a_party_chairs_role_is_written_without_the_party() -> None:
    people = find_people("Chủ tịch Đảng Nhân dân Campuchia Hun Sen phát biểu.")
    assert [m.get("roles") for m in people if m.label == "PERSON"] == [("Chủ tịch",)]


def test_reporters_travelling_with_a_leader_are_no_goods() -> None:
    doc = item("Ngày 20/5, Thủ tướng Israel Ehud Barak nói với các phóng viên đi cùng tới London.")
    assert visits(doc) == [("Ehud Barak", "GB", "London")]


def test_a_visit_owned_by_a_bare_title_is_not_taken_for_a_guests() -> None:
    doc = item(
        "Tại hội đàm giữa Thủ tướng Lê Văn Bình và Thủ tướng Nhật Bản Taro Aso ngày 8/5, các thỏa thuận đạt "
        "được trong chuyến thăm của Thủ tướng trị giá 10 tỷ USD."
    )
    assert ("Taro Aso", "VN", None) not in visits(doc)


def test_a_company_chair_named_before_her_title_leads_no_trip() -> None:
    doc = item(
        "Ngày 20/5, bà Trần Thị Hoa, Chủ tịch Tập đoàn TH Group gặp Thủ tướng Nhật Bản Taro Aso tại Tokyo."
    )
    assert [e.actor.org for e in of_type(doc, "meet")] == ["Tập đoàn TH Group"]
    assert link(doc.events) == []


def test_meetings_listed_after_one_verb_are_each_attended() -> None:
    doc = item(
        "Từ ngày 22-24/9, Chủ tịch nước Lê Văn Bình sẽ tham dự Hội nghị thượng đỉnh Tương lai, Đại Hội đồng "
        "Liên Hợp Quốc (LHQ) Khóa 79 và làm việc tại Hoa Kỳ.",
        published="2024-09-19",
    )
    occasions = [(e.occasion.series, e.occasion.number) for e in of_type(doc, "attend") if e.occasion]
    assert occasions == [("SOTF", None), ("UNGA", 79)]


def test_a_meetings_name_ends_with_its_edition_when_prose_goes_on() -> None:
    doc = item(
        "Việc Phó Thủ tướng Lê Văn Bình tham dự Hội nghị Tương lai châu Á lần thứ 30 tiếp tục khẳng định vai "
        "trò của Việt Nam."
    )
    names = [e.occasion.name for e in of_type(doc, "attend") if e.occasion]
    assert names == ["Hội nghị Tương lai châu Á lần thứ 30"]


def test_the_attendees_own_country_named_as_an_owner_is_not_the_meetings_place() -> None:
    doc = item(
        "Việc Phó Thủ tướng Lê Văn Bình tham dự Hội nghị Tương lai châu Á lần thứ 30 tiếp tục khẳng định vai "
        "trò của Việt Nam."
    )
    assert [e.location.country for e in of_type(doc, "attend")] == ["JP"]  # where the series is held


def test_a_peer_named_by_rank_holds_the_office_of_the_person_before() -> None:
    doc = item(
        "Ngày 20/5, Ngoại trưởng Nhật Bản Taro Aso cho biết ông đã gặp người đồng cấp Triều Tiên Pak "
        "Chol-su tại Bình Nhưỡng."
    )
    peers = [(p.name, p.roles, p.country) for e in of_type(doc, "meet") for p in e.counterparts]
    assert peers == [("Pak Chol-su", ["Ngoại trưởng"], "KP")]


def test_a_meeting_at_the_un_headquarters_is_in_the_united_states() -> None:
    doc = item(
        "Ngày 20/5, Ngoại trưởng Nhật Bản Taro Aso đã gặp người đồng cấp Triều Tiên Pak Chol-su tại trụ sở "
        "Liên Hợp Quốc."
    )
    assert [e.location.country for e in of_type(doc, "meet")] == ["US"]


def test_the_un_headquarters_in_another_city_is_there() -> None:
    doc = item("Ngày 20/5, Thủ tướng Lê Văn Bình làm việc tại trụ sở Liên Hợp Quốc ở Geneva.")
    assert [e.location.country for e in of_type(doc, "visit")] == ["CH"]


def test_hai_lanh_dao_before_a_meeting_verb_are_the_two_named_before() -> None:
    doc = item(
        "Thủ tướng Nhật Bản Taro Aso đã đề nghị Chủ tịch Trung Quốc Hồ Cẩm Đào hợp tác, khi hai lãnh đạo gặp "
        "bên lề Hội nghị thượng đỉnh G20 cuối tuần qua tại Đức."
    )
    assert sorted((e.type, e.actor.name, e.location.country) for e in doc.events) == [
        ("meet", "Hồ Cẩm Đào", "DE"),
        ("visit", "Hồ Cẩm Đào", "DE"),  # both are at the summit abroad, whoever the meeting's actor
        ("visit", "Taro Aso", "DE"),
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Họ gặp bên lề Hội nghị thượng đỉnh G20 cuối tuần qua tại Đức.", "Hội nghị thượng đỉnh G20"),
        ("Ông dự khai mạc Hội nghị Cấp cao Pháp ngữ\n\nChiều 4/10, trời mưa.", "Hội nghị Cấp cao Pháp ngữ"),
    ],
)
def test_a_meetings_name_stops_at_a_time_past_and_at_a_line_break(text, name) -> None:
    from sukien.understand.meetings import find_meetings

    assert [m.get("name") for m in find_meetings(text)] == [name]


def test_an_arrival_told_with_a_weak_word_is_firm_when_the_visit_is_named_after_it() -> None:
    doc = item(
        "Nhận lời mời của Chủ tịch nước Lê Văn Bình, Tổng thống Bulgaria Petar Ivanov đã đến thủ đô Hà Nội, "
        "bắt đầu chuyến thăm chính thức Việt Nam.",
        published=None,
    )
    assert [(e.actor.name, e.location.country, e.firm) for e in of_type(doc, "visit")] == [
        ("Petar Ivanov", "VN", True)
    ]


def test_g_20_set_with_a_space_is_g20() -> None:
    from sukien.understand.meetings import find_meetings

    assert [m.key for m in find_meetings("Lãnh đạo các nước dự hội nghị thượng đỉnh G 20 tại Hamburg.")] == [
        "G20"
    ]
