"""Two leaders told as "hai nhà lãnh đạo" after the sentence that names them, a meeting placed only by a
journey of its own time, an embassy's host country, a journey "của" its owner after an attendance, a
promise to attend, and an undated attendance placed by its edition's days: the twenty-second
session's rules for issue 9, on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.link import link


def test_two_leaders_named_before_who_will_meet_somewhere_both_travel() -> None:
    doc = article(
        "Tổng thống Mỹ Joe Biden vẫn muốn gặp Chủ tịch Trung Quốc Tập Cận Bình. Hai nhà lãnh đạo dự "
        "kiến gặp nhau tại Bali, Indonesia ngày 14/11.",
        "2022-11-01",
    )
    visits = {(e.actor.name, e.location.country, e.status) for e in of_type(doc, "visit")}
    assert visits == {("Joe Biden", "ID", "planned"), ("Tập Cận Bình", "ID", "planned")}


def test_two_leaders_are_not_guessed_among_three() -> None:
    doc = article(
        "Tổng thống Mỹ Joe Biden, Chủ tịch Trung Quốc Tập Cận Bình và Tổng thống Nga Vladimir Putin đều "
        "được mời. Hai nhà lãnh đạo dự kiến gặp nhau tại Bali, Indonesia ngày 14/11.",
        "2022-11-01",
    )
    assert of_type(doc, "visit") == []


@pytest.mark.parametrize("pair", ["Nga - Triều", "Nga-Triều"])
def test_a_clipped_country_name_in_a_pair_names_its_leader(pair: str) -> None:
    doc = article(
        "Tổng thống Nga Vladimir Putin đã mời Chủ tịch Triều Tiên Kim Jong-un. Hai nhà lãnh đạo "
        f"{pair} sẽ gặp nhau tại Vladivostok ngày 25/4.",
        "2019-04-20",
    )
    assert journeys(doc) == {("Kim Jong-un", "RU", "Vladivostok")}


def test_a_meeting_that_took_place_is_not_placed_by_a_journey_to_come() -> None:
    doc = article(
        "Chủ tịch Triều Tiên Kim Jong-un sẽ thăm Nga vào tuần tới. Trước đó, Chủ tịch Kim Jong-un đã có "
        "cuộc gặp với Tổng thống Hàn Quốc Moon Jae-in.",
        "2019-04-20",
    )
    met = [e for e in of_type(doc, "meet") if e.status == "reported"]
    assert [e.location.country for e in met] == [None]


def test_an_embassy_visited_abroad_is_in_its_host_country() -> None:
    doc = article(
        "Trong khuôn khổ chuyến thăm, tối 3/7, Phó Chủ tịch Quốc hội Phùng Quốc Hiển đã đến thăm cán bộ Đại "
        "sứ Quán Việt Nam tại Hàn Quốc.",
        "2019-07-04",
    )
    assert {country for _name, country, _city in journeys(doc)} == {"KR"}


def test_an_attendance_named_with_its_owner_after_is_the_owners() -> None:
    doc = article(
        "Nói về kết quả chuyến tham dự Hội nghị Thượng đỉnh G20 và thăm chính thức Brazil của Thủ tướng "
        "Phạm Minh Chính, Đại sứ Brazil tại Việt Nam Marco Farani nhận định quan hệ hai nước phát triển.",
        "2024-11-25",
    )
    assert {e.actor.name for e in of_type(doc, "attend")} == {"Phạm Minh Chính"}


@pytest.mark.parametrize("promise", ["đã khẳng định tham gia", "xác nhận tham dự"])
def test_a_promise_to_attend_is_a_plan(promise: str) -> None:
    doc = article(
        f"Chúng tôi đánh giá cao việc Tổng thống Hàn Quốc Moon Jae-in {promise} Hội nghị Cấp cao APEC.",
        None,
    )
    assert [e.status for e in of_type(doc, "attend")] == ["planned"]


def test_an_undated_attendance_joins_the_journey_on_its_editions_days() -> None:
    dublin = article(
        "Sáng 3/10, tại Thủ đô Dublin, Tổng Bí thư, Chủ tịch nước Tô Lâm đã gặp mặt các doanh nghiệp "
        "Ireland trong khuôn khổ chuyến thăm cấp Nhà nước tới Ireland.",
        "2024-10-03",
        name="dublin",
    )
    summit = article(
        "Kết quả chuyến tham dự Hội nghị Thượng đỉnh Pháp ngữ lần thứ 19 và thăm chính thức Cộng hòa Pháp "
        "của Tổng Bí thư, Chủ tịch nước Tô Lâm được bạn bè đánh giá cao.",
        "2024-10-12",
        name="summit",
    )
    trips = link(dublin.events + summit.events)
    assert [sorted(leg.country for leg in t.legs) for t in trips] == [["FR", "IE"]]
    assert trips[0].start == "2024-10-03"  # the edition's days place the piece; the record keeps the text's


def test_a_visit_and_work_joined_by_a_comma_is_one_journey_of_its_owner() -> None:
    doc = article(
        "Chuyến thăm, làm việc tại Campuchia của Thủ tướng Phạm Minh Chính mở ra giai đoạn hợp tác mới.",
        "2025-01-10",
    )
    assert journeys(doc) == {("Phạm Minh Chính", "KH", None)}


def test_a_summit_at_a_place_between_two_leaders_is_their_meeting_and_over_when_ended() -> None:
    doc = article(
        "Rạng sáng 19.8, hội nghị thượng đỉnh đặc biệt tại Điện Kremlin giữa Tổng thống Nga Vladimir Putin "
        "và Tổng thống Belarus Alexander Lukashenko đã kết thúc.",
        "2025-08-18",
    )
    visits = [(e.actor.name, e.location.country, e.status) for e in of_type(doc, "visit")]
    assert visits == [("Alexander Lukashenko", "RU", "reported")]


def test_meeting_unnamed_counterparts_at_a_forum_abroad_places_the_minister() -> None:
    doc = article(
        "Bộ trưởng Quốc phòng Mỹ Lloyd Austin hôm nay gặp những người đồng cấp ASEAN bên lề một diễn đàn "
        "an ninh tại Jakarta, Indonesia.",
        None,
    )
    assert journeys(doc) == {("Lloyd Austin", "ID", "Jakarta")}


def test_a_rarer_vietnamese_surname_makes_a_vietnamese_traveller() -> None:
    doc = article(
        "Chiều 4/7, Phó Chủ tịch Quốc hội Uông Chu Lưu đã hội kiến Chủ tịch Hạ viện Nhật Bản Tadamori "
        "Oshima tại Tokyo.",
        "2017-07-04",
    )
    trips = link(doc.events)
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in trips] == [("Uông Chu Lưu", ["JP"])]


# -- round 2: a journey's countries listed after "gồm:", a leader described in lower case, a spouse ---


def test_countries_listed_after_a_colon_with_their_state_forms_are_each_a_leg() -> None:
    doc = article(
        "Sáng 16/3, Phó Thủ tướng Bùi Thanh Sơn bắt đầu chuyến thăm và làm việc tại 3 nước châu Âu, gồm: "
        "Vương quốc Bỉ, Đại công quốc Luxembourg và Cộng hòa Liên bang Đức.",
        "2025-03-16",
    )
    assert {country for _name, country, _city in journeys(doc)} == {"BE", "LU", "DE"}


def test_a_leader_described_in_lower_case_is_a_side_of_the_meeting_they_share() -> None:
    doc = article(
        "Tổng thống Mỹ Joe Biden và lãnh đạo Triều Tiên Kim Jong-un sẽ gặp nhau tại Bàn Môn Điếm, Hàn Quốc.",
        None,
    )
    visits = {(e.actor.name, e.location.country) for e in of_type(doc, "visit")}
    assert visits == {("Joe Biden", "KR"), ("Kim Jong-un", "KR")}


def test_the_spouse_named_after_a_comma_gives_no_title_to_the_leader() -> None:
    doc = article(
        "Chiều 4/6, tại Tokyo, Nhật Bản, Chủ tịch nước Lương Cường, Phu nhân và đoàn đại biểu cấp cao Việt "
        "Nam đã đến thăm Đại sứ quán Việt Nam tại Nhật Bản.",
        "2025-06-04",
    )
    assert {tuple(e.actor.roles) for e in of_type(doc, "visit")} == {("Chủ tịch nước",)}


def test_a_conference_named_for_two_countries_does_not_place_an_attendance_at_home() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính cho biết chuyến đi gồm thăm chính thức Nhật Bản, dự và phát biểu tại Hội "
        "nghị Tương lai châu Á và dự hội nghị xúc tiến đầu tư Việt Nam - Nhật Bản.",
        "2025-05-29",
    )
    assert {e.location.country for e in of_type(doc, "attend")} == {"JP"}


# -- round 3: a host's welcome, a relative's visit, a guest's own city ---------------------------------


def test_a_state_visit_welcomed_by_the_country_that_opens_the_sentence_goes_there() -> None:
    doc = article(
        "Nhật Bản bắn 21 loạt đại bác trong lễ đón Chủ tịch nước Lương Cường và phu nhân thăm cấp nhà nước.",
        "2025-09-11",
    )
    assert journeys(doc) == {("Lương Cường", "JP", None)}


def test_a_relatives_visit_is_not_the_leaders() -> None:
    doc = article(
        "Chuyến thăm đến Đại sứ quán Nga ở Washington hôm 1/2 của con gái ông Joe Biden cho thấy Moskva "
        "muốn tiếp cận Nhà Trắng.",
        "2021-02-03",
    )
    assert journeys(doc) == set()


def test_the_city_a_received_guest_governs_is_not_the_hosts_stop() -> None:
    doc = article(
        "Sáng 18/3, trong khuôn khổ chuyến thăm và làm việc tại Trung Quốc, Phó Thủ tướng Bùi Thanh Sơn "
        "đã tiếp đồng chí Lý Cường Dân, Thị trưởng thành phố Hàng Châu, tỉnh Chiết Giang.",
        "2025-03-18",
    )
    assert journeys(doc) == {("Bùi Thanh Sơn", "CN", None)}


# -- round 4: an event placed by its own sentence, another meeting named as a time, a headline's leg ---


def test_an_anniversary_event_abroad_places_its_attendee() -> None:
    doc = article(
        "Chiều 24/9 theo giờ địa phương, tại Washington, Chủ tịch nước Lương Cường đã tham dự sự kiện kỷ "
        "niệm 30 năm thiết lập quan hệ ngoại giao.",
        "2025-09-25",
    )
    assert journeys(doc) == {("Lương Cường", "US", "Washington")}


def test_a_meeting_named_to_tell_when_does_not_place_the_visit() -> None:
    doc = article(
        "Chuyến thăm Nga của ông Tập diễn ra một tuần trước hội nghị G20 diễn ra tại Nhật Bản. Chủ tịch "
        "Trung Quốc Tập Cận Bình sẽ gặp Tổng thống Nga Vladimir Putin.",
        None,
    )
    assert {country for _n, country, _c in journeys(doc)} == {"RU"}


def test_a_headline_journey_to_another_country_than_the_bodys_is_kept() -> None:
    doc = article(
        "Đài CCTV xác nhận ông Tập sẽ gặp nhà lãnh đạo Triều Tiên Kim Jong Un trong chuyến thăm. Đây sẽ là "
        "chuyến thăm đầu tiên của một chủ tịch Trung Quốc đến Bình Nhưỡng kể từ chuyến đi của ông Hồ Cẩm Đào "
        "năm 2005. Chuyến thăm của ông Tập diễn ra một tuần trước hội nghị G20 diễn ra tại Nhật Bản, nơi "
        "Tổng thống Mỹ Donald Trump và ông Tập dự kiến gặp nhau.",
        None,
        title="Chủ tịch Trung Quốc Tập Cận Bình sắp thăm Triều Tiên",
    )
    assert ("Tập Cận Bình", "KP", None) in journeys(doc)


# -- round 5: an agreement's city, one guest spelt two ways, a visit closed by a past year -------------


def test_a_city_naming_an_agreement_is_no_destination() -> None:
    doc = article(
        "Thủ tướng Anh Theresa May cho biết có khả năng Mỹ sẽ tham gia trở lại Hiệp định Paris về chống biến "
        "đổi khí hậu và các nhà lãnh đạo dự G20 sẽ không để vấn đề này chia rẽ.",
        None,
    )
    assert "FR" not in {country for _n, country, _c in journeys(doc)}


def test_one_guest_spelt_two_ways_in_one_story_is_one_person() -> None:
    doc = article(
        "Chiều 12/6, Chủ tịch nước Trần Đại Quang tiếp Chủ tịch Quốc hội Cuba Esteban Lazo Hernandes. "
        "Chủ tịch Quốc hội Cuba Esteban Lazo Hernández đang thăm chính thức Việt Nam.",
        "2017-06-12",
    )
    assert {name for name, _c, _city in journeys(doc)} == {"Esteban Lazo Hernandes"}


def test_a_visit_closed_by_a_year_before_the_storys_is_background() -> None:
    doc = article(
        "Chủ tịch nước Trần Đại Quang nhắc lại những kỷ niệm trong chuyến thăm Cuba cuối năm 2016.",
        "2017-06-12",
    )
    assert journeys(doc) == set()


# -- round 6: an envoy who once held an office, the mourned, a dish's city, a leader named generically -


def test_an_envoy_who_once_held_an_office_travels_as_the_envoy() -> None:
    doc = article(
        "Ngày 25/7, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã tiếp Đặc phái viên của Thủ tướng Hàn "
        "Quốc, nguyên Thủ tướng Han Duck-soo sang Việt Nam viếng Tổng Bí thư Nguyễn Phú Trọng.",
        "2024-07-25",
    )
    visits = [(e.actor.name, tuple(e.actor.roles), e.location.country) for e in of_type(doc, "visit")]
    assert visits == [("Han Duck-soo", ("Đặc phái viên",), "VN")]


def test_the_one_mourned_is_not_met() -> None:
    doc = article(
        "Ngày 25/7, Chủ tịch nước Lương Cường đã tiếp Thủ tướng Lào Sonexay Siphandone sang Việt Nam viếng "
        "Tổng Bí thư Nguyễn Phú Trọng.",
        "2024-07-25",
    )
    assert {c.name for e in of_type(doc, "meet") for c in e.counterparts} == {"Sonexay Siphandone"}


def test_the_city_a_dish_belongs_to_is_no_stop() -> None:
    doc = article(
        "Chiều 27/4, trong khuôn khổ chuyến thăm chính thức Việt Nam của Thủ tướng Nhật Bản Ishiba Shigeru, "
        "hai bên đã cùng trải nghiệm làm món bánh cốm truyền thống của Hà Nội.",
        "2025-04-27",
    )
    assert journeys(doc) == {("Ishiba Shigeru", "VN", None)}


def test_a_countrys_leader_named_generically_is_its_one_head_named_before() -> None:
    doc = article(
        "Tổng thống Ấn Độ Ram Nath Kovind gửi điện chúc mừng. Nhà lãnh đạo Ấn Độ tin tưởng chuyến thăm "
        "Việt Nam vào tháng 11 tới của ông sẽ củng cố quan hệ.",
        "2018-10-24",
    )
    visits = [(e.actor.name, tuple(e.actor.roles), e.status) for e in of_type(doc, "visit")]
    assert visits == [("Ram Nath Kovind", ("Tổng thống",), "planned")]


def test_a_day_said_to_come_in_an_undated_story_is_after_the_days_it_states() -> None:
    doc = article(
        "Thủ tướng Lào Thongloun Sisoulith sẽ tới Việt Nam đồng chủ trì kỳ họp vào ngày 8/2 tới. Hai Thủ "
        "tướng đã hội kiến chiều ngày 23/11/2016.",
        None,
    )
    assert {e.start for e in of_type(doc, "visit")} == {"2017-02-08"}


# -- round 7: peers of a country met nowhere said, a capital as a subject, a framed event's occasion ----


def test_working_with_a_countrys_peer_is_no_visit_there() -> None:
    doc = article(
        "Việc ông Joe Biden phải làm việc với người đồng cấp của Ukraine là do sức ép từ Quốc hội Mỹ.",
        "2021-02-05",
    )
    assert journeys(doc) == set()


def test_a_capital_that_is_the_subject_of_its_own_clause_is_no_leg() -> None:
    doc = article(
        "Đàm phán Mỹ - Iran ngày 20-4: Phó Tổng thống Mỹ JD Vance dẫn đầu phái đoàn đi Pakistan, Tehran "
        "chưa xác nhận tham dự.",
        "2026-04-19",
    )
    assert {country for _n, country, _c in journeys(doc)} == {"PK"}


def test_an_event_attended_within_a_summit_takes_the_summit_as_its_occasion() -> None:
    doc = article(
        "Ngày 30/11, trong khuôn khổ Hội nghị lần thứ 28 các Bên tham gia Công ước khung của Liên Hợp Quốc "
        "về biến đổi khí hậu (COP28), tại Dubai, UAE, Thủ tướng Phạm Minh Chính đã tham dự sự kiện về "
        "chuyển đổi năng lượng.",
        "2023-11-30",
    )
    assert {e.occasion.series for e in of_type(doc, "attend") if e.occasion} == {"COP"}


# -- round 8: a patronymic after a regnal number ---------------------------------------------------------


@pytest.mark.parametrize("name", ["Abdullah II Ibn Al Hussein", "Abdullah II bin Al-Hussein"])
def test_a_patronymic_after_a_regnal_number_is_part_of_the_name(name: str) -> None:
    doc = article(
        f"Chiều 12/11, Chủ tịch nước Lương Cường đã chủ trì Lễ đón Quốc vương Jordan {name} thăm chính "
        "thức Việt Nam.",
        "2025-11-12",
    )
    assert journeys(doc) == {(name, "VN", None)}


# -- regressions a full run showed: a place of tension, oil sent, the journey as a list's subject -------


def test_a_place_of_tension_does_not_place_a_meeting_with_peers() -> None:
    doc = article(
        "Việc ông Joe Biden phải làm việc với người đồng cấp của Ukraine là để giảm bớt những căng thẳng "
        "tại Ukraine.",
        "2021-02-05",
    )
    assert journeys(doc) == set()


def test_oil_cut_off_to_a_country_takes_no_one_there() -> None:
    assert (
        journeys(
            article("Ông Abe giục Chủ tịch Trung Quốc Tập Cận Bình cắt nguồn dầu sang Triều Tiên.", None)
        )
        == set()
    )


def test_the_last_country_of_a_journey_that_is_the_subject_is_a_leg() -> None:
    doc = article(
        "Chuyến đi của Tổng thống Mỹ Donald Trump tới Saudi Arabia, Israel, Italy và Bỉ sẽ là quãng thời "
        "gian dài nhất ông không ở Nhà Trắng.",
        "2017-05-19",
    )
    assert {country for _n, country, _c in journeys(doc)} == {"SA", "IL", "IT", "BE"}
