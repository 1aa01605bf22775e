"""A foreign leader receiving another country's leader, a meeting in a Vietnamese government building
told with the guest's occasion, an envoy's country from the leader who sends him, a journey an
invitation is set in, a list repeating its honorific, and a former office that names no holder today:
the twenty-third session's rules for issue 9, on sentences written for these tests (never copied
from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type, visits


def test_a_foreign_leader_receiving_another_sends_the_guest_to_his_country() -> None:
    doc = article(
        "Tổng thống Nga Vladimir Putin tiếp Thủ tướng Israel Benjamin Netanyahu và hai bên thảo luận về "
        "tình hình Syria.",
        "2018-05-09",
    )
    assert visits(doc) == {("Benjamin Netanyahu", "RU")}


def test_the_guest_of_a_foreign_host_is_the_actor_of_their_meeting() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi tiếp đãi Thủ tướng Nhật Bản Shinzo Abe bữa tối.", "2017-09-13"
    )
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in of_type(doc, "meet")] == [
        ("Shinzo Abe", ["Narendra Modi"])
    ]


def test_a_foreign_host_at_a_summit_abroad_sends_no_one_to_his_country() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Shinzo Abe tiếp Tổng thống Hàn Quốc Moon Jae-in bên lề Hội nghị thượng đỉnh G20.",
        "2017-07-07",
    )
    assert ("Moon Jae-in", "JP") not in visits(doc)


def test_a_meeting_in_the_government_building_is_at_home_whatever_its_verb() -> None:
    doc = article(
        "Chiều 10/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã có cuộc gặp làm việc với Thủ tướng "
        "Campuchia Hun Manet nhân dịp tham dự Hội nghị Thượng đỉnh Mekong - Lan Thương lần thứ năm.",
        "2025-03-10",
    )
    assert visits(doc) == {("Hun Manet", "VN")}


def test_the_occasion_after_the_guest_met_at_home_is_the_guests() -> None:
    doc = article(
        "Chiều 10/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã có cuộc gặp với Thủ tướng "
        "Campuchia Hun Manet nhân dịp tham dự Hội nghị Thượng đỉnh Mekong - Lan Thương lần thứ năm.",
        "2025-03-10",
    )
    assert [e.actor.name for e in of_type(doc, "attend")] == ["Hun Manet"]


@pytest.mark.parametrize(
    "envoy",
    [
        "Đặc phái viên của Thủ tướng Thái Lan",
        "Bộ trưởng Văn phòng Thủ tướng, Đặc phái viên của Thủ tướng Thái Lan",
    ],
)
def test_an_envoy_is_of_the_country_whose_leader_sends_him(envoy: str) -> None:
    doc = article(
        f"Ngày 12/8, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp ông Prasert Chanthong, {envoy}, "
        "nhân dịp sang Việt Nam dự lễ kỷ niệm.",
        "2024-08-12",
    )
    guests = {(e.actor.name, e.actor.country, e.location.country) for e in of_type(doc, "visit")}
    assert guests == {("Prasert Chanthong", "TH", "VN")}


def test_a_journey_an_invitation_is_set_in_is_the_inviters() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron mời một nhóm doanh nhân đi cùng trên chuyên cơ trước chuyến thăm "
        "Ấn Độ.",
        "2026-02-15",
    )
    assert visits(doc) == {("Emmanuel Macron", "IN")}


def test_one_invited_to_visit_does_not_travel_yet() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron mời Thủ tướng Ấn Độ Narendra Modi thăm Pháp.", "2026-02-15"
    )
    assert visits(doc) == set()


def test_a_name_listed_after_the_same_honorific_as_a_known_leader_is_met() -> None:
    doc = article(
        "Sáng 25/4, Chủ tịch nước Lương Cường đã gặp các nguyên lãnh đạo Campuchia, gồm ông Hun Sen và ông "
        "Chea Sim Rithy.",
        "2025-04-25",
    )
    met = {c.name for e in of_type(doc, "meet") for c in e.counterparts}
    assert "Chea Sim Rithy" in met


def test_a_former_office_names_no_one_who_holds_it_today() -> None:
    doc = article(
        "Chiều 25/4, Chủ tịch nước Lương Cường đã gặp các đồng chí nguyên Tổng Bí thư, nguyên Chủ tịch nước "
        "Lào tại Viêng Chăn.",
        "2025-04-25",
    )
    met = {c.name for e in of_type(doc, "meet") for c in e.counterparts}
    assert "Tô Lâm" not in met


def test_going_that_opens_the_sentence_to_attend_a_summit_is_a_journey_and_an_attendance() -> None:
    doc = article(
        "Đến Tây Ban Nha dự Hội nghị thượng đỉnh NATO, Thủ tướng Anh Keir Starmer cam kết tăng chi tiêu "
        "quốc phòng.",
        "2025-06-24",
    )
    attended = [(e.actor.name, e.location.country) for e in of_type(doc, "attend")]
    assert attended == [("Keir Starmer", "ES")]


def test_the_summit_of_an_intergovernmental_body_is_a_recurring_occasion() -> None:
    doc = article("Tổng thống Pháp Emmanuel Macron tới Vilnius dự Hội nghị thượng đỉnh NATO.", "2023-07-11")
    occasions = {(e.occasion.series, e.occasion.year) for e in of_type(doc, "attend") if e.occasion}
    assert occasions == {("HOI_NGHI_THUONG_DINH_NATO", 2023)}


def test_a_journey_told_only_by_going_to_attend_is_firm_enough_for_a_trip() -> None:
    doc = article("Đến Tây Ban Nha dự Hội nghị thượng đỉnh NATO, Thủ tướng Anh Keir Starmer phát biểu.", None)
    assert [e.firm for e in of_type(doc, "visit")] == [True]


def test_a_palace_in_a_foreign_capital_is_not_the_palace_at_home() -> None:
    doc = article(
        "Chiều 9/6, tại Phủ Chủ tịch ở Thủ đô Phnom Penh, Quốc vương Campuchia Norodom Sihamoni đã chủ trì "
        "trọng thể lễ đón chính thức Chủ tịch nước Lương Cường. Ngay sau lễ đón, Chủ tịch nước Lương Cường "
        "đã hội đàm với Quốc vương Norodom Sihamoni.",
        "2025-06-09",
    )
    assert ("Norodom Sihamoni", "VN") not in visits(doc)
    assert of_type(doc, "host_visit") == []


def test_a_body_of_two_countries_tells_neither_officers_country() -> None:
    doc = article(
        "Sáng 5/9, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Bộ Công chính và Vận "
        "tải Lào, Chủ tịch Ủy ban hữu nghị Lào - Việt Nam Somphet Inthavong đang thăm làm việc tại Việt Nam.",
        "2024-09-05",
    )
    guests = {(e.actor.name, e.actor.country, e.location.country) for e in of_type(doc, "visit")}
    assert guests == {("Somphet Inthavong", "LA", "VN")}


def test_a_meeting_in_a_clause_about_the_place_before_it_is_there() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron đã điện đàm với Thủ tướng Đức Olaf Scholz từ Cairo, nơi ông có cuộc "
        "gặp với Tổng thống Ai Cập Abdel Fattah al-Sisi.",
        "2023-10-25",
    )
    assert [e.location.city for e in of_type(doc, "meet")] == ["Cairo"]


def test_an_envoy_for_a_country_is_named_after_it() -> None:
    doc = article("Đặc phái viên Mỹ về Iran Robert Malley sẽ tới Paris vào tuần tới.", "2022-05-10")
    assert visits(doc) == {("Robert Malley", "FR")}


def test_a_visit_here_is_to_the_place_the_sentence_named_before() -> None:
    doc = article(
        "Một vụ cháy đã xảy ra ở thủ đô Nairobi của Kenya, khi Thủ tướng Ấn Độ Narendra Modi đang có chuyến "
        "thăm tại đây.",
        "2026-03-02",
    )
    assert {(e.actor.name, e.location.country, e.location.city) for e in of_type(doc, "visit")} == {
        ("Narendra Modi", "KE", "Nairobi")
    }


def test_a_country_told_after_a_surname_is_the_persons() -> None:
    doc = article(
        "Tổng thống Valdivieso cho biết sẽ điều tra. Tổng thống Ecuador Mateo Valdivieso sẽ tới Rome dự lễ "
        "tang.",
        "2025-04-22",
    )
    assert {e.actor.country for e in of_type(doc, "visit")} == {"EC"}


def test_a_transit_stop_is_not_where_the_summit_is() -> None:
    doc = article(
        "Chuyên cơ của Tổng thống Argentina Javier Milei quá cảnh tại sân bay Lisbon trước khi tới Osaka, "
        "Nhật Bản để dự hội nghị thượng đỉnh G20.",
        "2019-06-27",
    )
    assert {e.location.country for e in of_type(doc, "attend")} == {"JP"}


def test_a_supposed_meeting_is_no_meeting() -> None:
    doc = article(
        "Giới chức Đức cho rằng nếu ông Trump và ông Tập gặp nhau tại Bắc Kinh thì thị trường sẽ ổn định. "
        "Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đều chưa xác nhận.",
        "2025-09-01",
    )
    assert of_type(doc, "meet") == []


def test_the_place_of_the_event_a_meeting_is_timed_by_is_not_the_meetings() -> None:
    doc = article(
        "Tổng thống Mỹ Joe Biden và Chủ tịch Trung Quốc Tập Cận Bình sẽ gặp nhau trước hội nghị thượng đỉnh "
        "APEC tại San Francisco.",
        "2023-11-01",
    )
    assert {e.location.city for e in of_type(doc, "meet")} == {None}


def test_a_meeting_naming_no_one_placed_abroad_puts_its_subject_there() -> None:
    doc = article(
        "Chỉ vài ngày sau khi ông Emmanuel Macron tái đắc cử, Thủ tướng Canada Justin Trudeau hôm 28/4 đã có "
        "cuộc gặp kéo dài một giờ tại Điện Élysée, Paris.",
        "2022-04-29",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "visit")} == {("Justin Trudeau", "FR")}


def test_the_country_a_stop_just_ended_in_is_a_leg() -> None:
    doc = article(
        "Sau khi kết thúc các hoạt động song phương tại Cộng hoà Italy, tối 20/6, Thủ tướng Phạm Minh Chính "
        "đã tới Vienna, bắt đầu thăm chính thức Áo từ ngày 21 đến 23/6.",
        "2025-06-20",
    )
    legs = {(e.location.country, e.start) for e in of_type(doc, "visit")}
    assert ("IT", None) in legs


def test_a_city_written_with_an_abbreviation_keeps_its_last_point() -> None:
    doc = article(
        "Sau cuộc gặp kín tại Washington D.C., Tổng thống Argentina Javier Milei cho biết ông đã thảo luận "
        "với Tổng thống Mỹ Donald Trump về thương mại.",
        "2025-04-10",
    )
    assert [(e.location.country, e.location.city) for e in of_type(doc, "meet")] == [
        ("US", "Washington D.C.")
    ]


def test_going_after_a_day_named_between_subject_and_verb_is_a_journey() -> None:
    doc = article(
        "Ngoại trưởng Nhật Bản Taro Kono ngày 3/5 đến Amman và hội đàm với Quốc vương Jordan.", None
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "visit")} == {("Taro Kono", "JO")}


def test_a_range_of_days_is_no_journey() -> None:
    doc = article("Ngoại trưởng Nhật Bản Taro Kono cho biết hội nghị kéo dài từ 3/5 đến 7/5.", "2018-05-01")
    assert of_type(doc, "visit") == []


def test_a_holder_after_a_body_closed_by_its_acronym_is_met() -> None:
    doc = article(
        "Sáng 12/3, tại Jakarta, Thủ tướng Phạm Minh Chính đã hội kiến với Chủ tịch Hội đồng Đại diện Khu "
        "vực Indonesia (DPD), Sultan Bachtiar Najamudin.",
        "2025-03-12",
    )
    met = {(c.name, c.country) for e in of_type(doc, "meet") for c in e.counterparts}
    assert met == {("Sultan Bachtiar Najamudin", "ID")}


def test_the_director_of_the_cia_is_an_officer_of_state_who_travels() -> None:
    doc = article("Giám đốc CIA John Ratcliffe đã tới Kiev để gặp Tổng thống Ukraine.", "2025-06-01")
    assert {(e.actor.name, tuple(e.actor.roles), e.location.country) for e in of_type(doc, "visit")} == {
        ("John Ratcliffe", ("Giám đốc CIA",), "UA")
    }
