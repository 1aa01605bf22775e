"""Former office holders met, bodies glossed in brackets, long bodies closed by a country, exchanges
"giữa" two leaders, hosts turned to their guests, reviewed journeys and time clauses after a
comma (the fourteenth session, issue 9), on sentences written for these tests (never copied from a
reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc


def journeys(doc: Doc) -> set[tuple[str, str | None, str | None]]:
    return {(e.actor.name, e.location.country, e.location.city) for e in doc.events if e.type == "visit"}


def meetings(doc: Doc) -> set[tuple[str, str]]:
    return {(e.actor.name, p.name) for e in of_type(doc, "meet") for p in e.counterparts}


def people(doc: Doc) -> set[str]:
    return {m.key for m in doc.mentions if m.label == "PERSON" and m.key}


# -- who is named --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Bà hội kiến Chủ tịch Hội đồng Liên bang (Thượng viện) Elena Markova tại Moskva.", "Elena Markova"),
        ("Ông tiếp Chủ tịch Viện Dân biểu (Hạ viện) Carlos Mendes sáng nay.", "Carlos Mendes"),
    ],
)
def test_a_body_glossed_in_brackets_is_closed_and_its_officer_follows(sentence: str, name: str) -> None:
    assert name in people(article(sentence, "2025-03-02"))


def test_a_body_longer_than_the_usual_reach_is_closed_by_the_country_it_ends_in() -> None:
    doc = article(
        "Bộ trưởng Trần Văn Hải đã tiếp Chủ tịch Hiệp hội Nghiên cứu phát triển bền vững toàn cầu Nhật Bản "
        "Sato Kenji tại Tokyo.",
        "2025-04-03",
    )
    assert "Sato Kenji" in people(doc)


# -- former holders met ---------------------------------------------------------------------------


def test_former_leaders_named_as_the_objects_of_a_meeting_are_met() -> None:
    doc = article(
        "Chiều 8/3, tại thủ đô Phnom Penh, Chủ tịch Quốc hội Trần Thanh Mẫn đã gặp gỡ các đồng chí Chea Sim "
        "Rith, nguyên Chủ tịch Thượng viện Campuchia và đồng chí Sok Vanna, nguyên Phó Thủ tướng Campuchia.",
        "2025-03-09",
    )
    assert meetings(doc) == {("Trần Thanh Mẫn", "Chea Sim Rith"), ("Trần Thanh Mẫn", "Sok Vanna")}


def test_a_former_leader_named_only_as_what_the_talk_was_about_is_not_met() -> None:
    doc = article(
        "Chiều 8/3, tại Hà Nội, Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đại sứ Lào Khamphao Ernthavanh, "
        "nhân dịp kỷ niệm ngày sinh nguyên Tổng Bí thư Lào Kaysone Phomvihane.",
        "2025-03-09",
    )
    assert meetings(doc) == {("Trần Thanh Mẫn", "Khamphao Ernthavanh")}


# -- an exchange between two leaders --------------------------------------------------------------


def test_an_exchange_between_a_host_and_a_guest_is_the_guests_meeting_and_visit() -> None:
    doc = article(
        "Cuộc trao đổi giữa ông Modi và ông Albanese diễn ra bên lề Hội chợ Công nghệ tại New Delhi. "
        "Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Australia Anthony Albanese cùng dự lễ khai mạc.",
        "2025-02-11",
    )
    assert ("Anthony Albanese", "Narendra Modi") in meetings(doc)
    assert ("Anthony Albanese", "IN", "New Delhi") in journeys(doc)


def test_a_phone_exchange_is_no_meeting() -> None:
    doc = article(
        "Cuộc trao đổi qua điện thoại giữa Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Australia Anthony "
        "Albanese diễn ra tối qua.",
        "2025-02-11",
    )
    assert not of_type(doc, "meet")


def test_two_visitors_meeting_between_two_titles_after_hai_both_travelled() -> None:
    doc = article(
        "Cuộc gặp đầu tiên và rất được mong đợi giữa hai Tổng thống Pháp Emmanuel Macron và Tổng thống "
        "Brazil Luiz Inácio Lula da Silva diễn ra tại Rome ngày 3/5.",
        "2025-05-04",
    )
    assert meetings(doc) == {("Emmanuel Macron", "Luiz Inácio Lula da Silva")}
    assert {actor for actor, _country, _city in journeys(doc)} == {
        "Emmanuel Macron",
        "Luiz Inácio Lula da Silva",
    }


def test_a_host_chatting_with_a_guest_at_a_welcome_ceremony_meets_him_in_that_city() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính trò chuyện với Thủ tướng Hà Lan Dick Schoof tại lễ đón chính thức "
        "ở Hà Nội chiều 2/11.",
        "2025-11-03",
    )
    assert meetings(doc) == {("Phạm Minh Chính", "Dick Schoof")}
    assert ("Dick Schoof", "VN", "Hà Nội") in journeys(doc)


# -- what is no journey, and when ------------------------------------------------------------------


def test_a_message_sent_to_a_country_is_no_journey_however_long_its_words() -> None:
    doc = article(
        "Giới quan sát cho rằng Tổng thống Mỹ Donald Trump đã gửi một tín hiệu khá mơ hồ đến Iran.",
        "2025-06-10",
    )
    assert not journeys(doc)


def test_a_journey_looked_back_on_takes_no_day_from_the_review() -> None:
    doc = article(
        "Ngày 5-7, Thành ủy Hà Nội tổ chức hội nghị về kết quả chuyến công tác của đoàn đại biểu cấp cao do "
        "Chủ tịch nước Lương Cường dẫn đầu thăm chính thức Chile và Peru.",
        "2025-07-06",
    )
    assert {(e.location.country, e.start) for e in of_type(doc, "visit")} == {("CL", None), ("PE", None)}


def test_what_the_main_clause_denies_does_not_deny_the_journey_of_a_time_clause_after_a_comma() -> None:
    doc = article(
        "Thủ tướng Canada Carney tuyên bố Canada sẽ không chọn phe giữa Mỹ và Trung Quốc, trước khi ông lên "
        "đường tới Bắc Kinh.",
        "2026-01-10",
    )
    assert journeys(doc) == {("Carney", "CN", "Bắc Kinh")}


def test_a_denial_in_the_journeys_own_clause_still_holds() -> None:
    doc = article("Thủ tướng Canada Carney sẽ không tới Bắc Kinh trong tháng này.", "2026-01-10")
    assert not journeys(doc)


def test_a_place_after_a_span_counted_from_another_event_is_that_events() -> None:
    doc = article(
        "Cuộc hội đàm giữa Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Australia Anthony Albanese diễn ra "
        "chưa đầy 3 tuần sau hội nghị G20 ở Johannesburg.",
        "2025-12-10",
    )
    assert not journeys(doc)


def test_what_a_leader_says_after_a_meetings_phrase_does_not_place_the_meeting() -> None:
    doc = article(
        "Tại cuộc gặp giữa Thủ tướng Phạm Minh Chính và Thủ tướng Canada Mark Carney, ông Carney khẳng định "
        "sẽ tham dự Hội nghị Cấp cao APEC tại Thâm Quyến tháng 11 tới.",
        "2026-06-20",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "meet")} == {("Phạm Minh Chính", None)}


# -- the fourteenth session's second round (9204-9206) ---------------------------------------------


def test_the_same_day_told_again_dates_the_departure_that_ends_a_visit() -> None:
    doc = article(
        "Chiều 14/3, Thủ tướng Phạm Minh Chính thăm Đại sứ quán Việt Nam tại Canberra. Tối cùng ngày, Thủ "
        "tướng Phạm Minh Chính đã rời thủ đô Canberra lên đường về nước, kết thúc chuyến thăm chính thức "
        "Australia.",
        "2025-03-15",
    )
    assert {(e.start, e.end) for e in of_type(doc, "visit") if e.trigger == "chuyến thăm"} == {
        (None, "2025-03-14")
    }


def test_the_day_after_is_told_from_the_last_day_stated() -> None:
    doc = article(
        "Chiều 14/3, Thủ tướng Phạm Minh Chính tới Canberra. Sáng hôm sau, Thủ tướng Phạm Minh Chính hội "
        "kiến Toàn quyền Australia Sam Mostyn tại Canberra.",
        "2025-03-16",
    )
    assert [(e.start, e.end) for e in of_type(doc, "meet")] == [("2025-03-15", "2025-03-15")]


def test_a_visit_to_countries_among_which_one_is_named_goes_there() -> None:
    doc = article(
        "Bộ Ngoại giao Pháp thông báo Ngoại trưởng Pháp Jean-Noël Barrot sắp có chuyến thăm 3 nước Đông Nam "
        "Á, trong đó có Malaysia.",
        "2025-10-27",
    )
    assert {(actor, country) for actor, country, _city in journeys(doc)} == {("Jean-Noël Barrot", "MY")}


def test_the_day_of_an_announcement_does_not_date_the_visit_it_announces() -> None:
    doc = article(
        "Điện Élysée ngày 20.10 thông báo Tổng thống Pháp Emmanuel Macron sẽ có chuyến thăm chính thức "
        "Ai Cập.",
        "2025-10-21",
    )
    assert [(e.location.country, e.start) for e in of_type(doc, "visit")] == [("EG", None)]


def test_a_leader_striding_through_a_hall_abroad_is_there() -> None:
    doc = article(
        "Thủ tướng Canada Mark Carney đã sải bước trong Đại lễ đường Nhân dân tại Bắc Kinh hôm thứ Năm.",
        "2026-01-17",
    )
    assert ("Mark Carney", "CN", "Bắc Kinh") in journeys(doc)


def test_two_meetings_joined_by_va_are_each_attended() -> None:
    doc = article(
        "Ngày 23/9, nhân dịp tham dự Hội nghị Thượng đỉnh tương lai và Phiên thảo luận chung cấp cao Đại hội "
        "đồng Liên Hợp Quốc khóa 79 tại New York, Hoa Kỳ, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng "
        "Canada Justin Trudeau.",
        "2024-09-24",
    )
    assert {e.occasion.series for e in of_type(doc, "attend") if e.occasion} == {"SOTF", "UNGA"}


def test_a_known_leaders_term_written_with_its_body_gives_the_short_role() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường đã tiếp Đoàn đại biểu cấp cao Campuchia do đồng chí Hun Sen, Chủ tịch "
        "Đảng Nhân dân Campuchia, dẫn đầu.",
        "2025-04-10",
    )
    roles = {role for m in doc.mentions if m.key == "Hun Sen" for role in m.get("roles") or ()}
    assert "Chủ tịch Đảng Nhân dân Campuchia" not in roles and "Chủ tịch" in roles


def test_the_day_of_a_report_still_dates_an_arrival_it_tells_as_just_done() -> None:
    doc = article(
        "Hãng AFP ngày 3.2 đưa tin Ngoại trưởng Pháp Jean-Noël Barrot vừa đến thủ đô Cairo của Ai Cập.",
        "2026-02-04",
    )
    assert [(e.location.country, e.start) for e in of_type(doc, "visit")] == [("EG", "2026-02-03")]


# -- the third round (9207-9209) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Praha là trạm dừng chân đầu tiên tại châu Âu của Thủ tướng Ấn Độ Narendra Modi.",
            ("Narendra Modi", "CZ"),
        ),
        (
            "Mông Cổ là chặng dừng chân thứ hai trong chuyến thăm cấp Nhà nước của Chủ tịch nước Lương "
            "Cường.",
            ("Lương Cường", "MN"),
        ),
    ],
)
def test_a_place_told_as_a_stop_of_a_leaders_journey_is_visited(
    sentence: str, expected: tuple[str, str]
) -> None:
    doc = article(sentence, "2025-06-02")
    assert expected in {(actor, country) for actor, country, _city in journeys(doc)}


def test_a_meeting_framed_with_its_acronym_then_a_comma_is_held_where_it_says() -> None:
    doc = article(
        "Ngày 12/6, trong khuôn khổ Hội nghị Phát triển bền vững lần thứ tư của Liên Hợp Quốc (FfD4), tại "
        "Sevilla, Tây Ban Nha, Thủ tướng Phạm Minh Chính đã cùng các nhà lãnh đạo tham gia sự kiện đặc "
        "biệt để thúc đẩy tiến trình ký kết Hiệp định.",
        "2025-06-13",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "attend")} == {("Phạm Minh Chính", "ES")}


def test_a_visit_its_subject_has_planned_is_firm_and_planned() -> None:
    doc = article("Ngoại trưởng Pháp Jean-Noël Barrot đã lên kế hoạch thăm Ấn Độ.", None)
    assert [(e.location.country, e.firm, e.status) for e in of_type(doc, "visit")] == [
        ("IN", True, "planned")
    ]


# -- the fourth round (9210-9212) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Ông tiếp Thống đốc tỉnh Osaka Yoshimura Hirofumi tại Hà Nội.", "Yoshimura Hirofumi"),
        ("Ông tiếp Thống đốc bang New York Kathy Hochul tại Hà Nội.", "Kathy Hochul"),
        ("Ông tiếp Thị trưởng thành phố Busan Park Heong-joon tại Hà Nội.", "Park Heong-joon"),
    ],
)
def test_the_officer_of_a_foreign_province_state_or_city_follows_its_name(sentence: str, name: str) -> None:
    assert name in people(article(sentence, "2025-04-03"))


def test_a_unit_no_list_knows_leaves_the_name_untold() -> None:
    found = people(article("Ông tiếp Thống đốc bang Ohiyo Mike DeWine tại Hà Nội.", "2025-04-03"))
    assert not {name for name in found if "DeWine" in name}


def test_a_vietnamese_province_before_a_name_is_left_to_its_peoples_committee() -> None:
    assert not people(article("Ông tiếp Chủ tịch tỉnh Long An Nguyễn Văn Út tại Hà Nội.", "2025-04-03")) & {
        "Long An Nguyễn Văn Út",
        "Nguyễn Văn Út",
    }


# -- found by the corpus-scale audit ---------------------------------------------------------------


def test_places_inside_a_quotation_the_sentence_opens_are_words_said_not_a_journey() -> None:
    doc = article(
        'Tại Hội nghị ở Doha ngày 3-4, Tổng thống Pháp Emmanuel Macron nói: " Từ Syria cho tới Libya, các '
        "nhóm vũ trang đang được tài trợ.",
        "2025-04-04",
    )
    assert not {country for _actor, country, _city in journeys(doc)} & {"SY", "LY"}


def test_a_speakers_own_plan_in_the_first_person_is_still_a_journey() -> None:
    doc = article('Tổng thống Pháp Emmanuel Macron nói: "Tôi sẽ tới Việt Nam vào tháng 11".', "2025-06-01")
    assert ("Emmanuel Macron", "VN", None) in journeys(doc)


def test_a_range_from_one_place_up_to_another_is_no_journey() -> None:
    doc = article(
        "Bà Clinton cho rằng chính sách của Tổng thống Pháp Emmanuel Macron đã thất bại, từ Syria cho tới "
        "Libya.",
        "2025-06-01",
    )
    assert not journeys(doc)


def test_the_same_day_is_the_last_day_told_with_its_time_not_a_date_named_in_passing() -> None:
    doc = article(
        "Chiều 14/5, Chủ tịch nước Lương Cường hội kiến Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh, nhân "
        "dịp kỷ niệm 75 năm quan hệ (18/1/1950 - 18/1/2025). Tối cùng ngày, Chủ tịch nước Lương Cường dự "
        "chiêu đãi tại Bắc Kinh.",
        "2025-05-15",
    )
    assert {e.start for e in doc.events if e.trigger == "dự"} == {"2025-05-14"}
