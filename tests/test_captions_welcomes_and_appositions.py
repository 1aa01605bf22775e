"""Photo captions, welcome ceremonies told without a host, surnames alone, purposes, residences,
companies and places in apposition, and quotations that close with a straight quote (the thirteenth
session, issue 9), on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.doc import Doc
from sukien.link import link
from sukien.text.segment import split_sentences


def met(doc: Doc, actor: str) -> set[str]:
    return {p.name for e in of_type(doc, "meet") if e.actor.name == actor for p in e.counterparts}


def people(doc: Doc) -> set[str]:
    return {m.key for m in doc.mentions if m.label == "PERSON"}


# -- a caption shows where its people stand --------------------------------------------------------


def test_a_caption_puts_the_foreign_leader_it_shows_in_the_place_it_names() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Ishiba Shigeru (trái) và Tổng thống Pháp Emmanuel Macron tại Paris ngày 4/5.",
        "2025-05-05",
    )
    assert journeys(doc) == {("Ishiba Shigeru", "FR", "Paris")}


def test_a_caption_may_describe_its_second_person_without_a_listed_title() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron (phải) và lãnh đạo Nga Vladimir Putin tại Helsinki ngày 9/7.",
        "2025-07-10",
    )
    assert {actor for actor, _country, _city in journeys(doc)} == {"Emmanuel Macron", "Vladimir Putin"}


def test_a_caption_at_a_meeting_is_an_attendance_of_the_meeting_where_it_says() -> None:
    doc = article(
        "Thủ tướng Thái Lan Paetongtarn Shinawatra (phải) và các nhà lãnh đạo ASEAN bên lề Hội nghị "
        "Thượng đỉnh ASEAN lần thứ 46 tháng 5/2025 ở Kuala Lumpur.",
        "2025-06-01",
    )
    assert [(e.type, e.location.country, e.occasion and e.occasion.series) for e in doc.events] == [
        ("attend", "MY", "ASEAN")
    ]


def test_a_companion_in_a_place_the_clause_names_is_there() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump cho biết sẽ cùng Thủ tướng Nhật Bản Ishiba Shigeru chơi golf tại thành "
        "phố Miami.",
        "2025-02-05",
    )
    assert [(e.actor.name, e.location.city, e.status) for e in doc.events if e.type == "visit"] == [
        ("Ishiba Shigeru", "Miami", "planned")
    ]


def test_a_companions_visit_is_planned_when_the_subject_will_go_with_him() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump cho biết sẽ cùng Thủ tướng Nhật Bản Ishiba Shigeru thăm một nhà máy tại "
        "thành phố Detroit.",
        "2025-02-05",
    )
    assert {e.status for e in doc.events if e.actor.name == "Ishiba Shigeru"} == {"planned"}


def test_a_photo_of_another_time_does_not_take_the_undated_journey_the_story_tells() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi dự kiến sẽ tới Manila vào cuối năm nay để tham dự Hội nghị "
        "Thượng đỉnh Ấn Độ - ASEAN tại Philippines. Thủ tướng Modi và các nhà lãnh đạo ASEAN tại Hội nghị "
        "Thượng đỉnh ASEAN - Ấn Độ lần thứ 14 tại Lào, tháng 9/2016.",
        None,
    )
    assert sorted(sorted(leg.country for leg in trip.legs) for trip in link(doc.events)) == [["LA"], ["PH"]]


@pytest.mark.parametrize(
    "text",
    [
        # not a place: a ceremony
        "Thủ tướng Nhật Bản Ishiba Shigeru và Tổng thống Pháp Emmanuel Macron tại lễ ký kết ngày 4/5.",
        # a clause, not a caption: what follows the place is too long to be a day
        "Thủ tướng Nhật Bản Ishiba Shigeru và Tổng thống Pháp Emmanuel Macron tại Paris, nơi hai bên "
        "cùng bàn về các vấn đề thương mại, an ninh, khí hậu và giáo dục trong nhiều giờ liền.",
    ],
)
def test_what_is_no_caption_places_no_one(text: str) -> None:
    assert journeys(article(text, "2025-05-05")) == set()


# -- a welcome ceremony with no host as its subject ------------------------------------------------


def test_a_welcome_held_at_a_home_building_is_its_guests_visit() -> None:
    doc = article(
        "Sáng 10/4, lễ đón chính thức Thủ tướng Singapore Lawrence Wong cùng Phu nhân được tổ chức trọng "
        "thể tại Trụ sở Chính phủ.",
        "2025-04-10",
    )
    assert journeys(doc) == {("Lawrence Wong", "VN", None)}


def test_a_welcome_the_sentence_gives_a_host_is_told_by_the_host() -> None:
    doc = article(
        "Sáng 10/4, Thủ tướng Phạm Minh Chính chủ trì lễ đón chính thức Thủ tướng Singapore Lawrence Wong "
        "tại Trụ sở Chính phủ.",
        "2025-04-10",
    )
    assert [e.trigger for e in doc.events if e.type == "visit"] == ["chủ trì lễ đón"]


# -- a foreign surname after a title, alone later ---------------------------------------------------


def test_a_foreign_surname_introduced_after_a_title_is_that_person_when_it_stands_alone() -> None:
    doc = article(
        "Thủ tướng Anh Starmer phát biểu trước báo giới. Sau khi tới Berlin ngày 3/4, Starmer đã gặp các "
        "doanh nghiệp.",
        "2025-04-04",
    )
    assert ("Starmer", "DE", "Berlin") in journeys(doc)


def test_a_surname_after_a_company_word_names_the_company() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump phát biểu. Tập đoàn Trump đã mở văn phòng tại Hà Nội.", "2025-04-04"
    )
    assert [m.start for m in doc.mentions if m.key == "Donald Trump"] == [0]


# -- who is met, and where ----------------------------------------------------------------------------


def test_people_named_in_the_purpose_of_a_meeting_are_not_met() -> None:
    doc = article(
        "Ngày 2/3, Ngoại trưởng Mỹ Marco Rubio đã có hai ngày làm việc với phái đoàn Hàn Quốc do Ngoại "
        "trưởng Cho Tae-yul dẫn đầu tại New York nhằm chuẩn bị cho hội nghị thượng đỉnh giữa Tổng thống Mỹ "
        "Donald Trump và Tổng thống Hàn Quốc Lee Jae-myung.",
        "2025-03-03",
    )
    # The visiting side is the meeting's actor abroad (SPEC).
    assert (met(doc, "Cho Tae-yul"), journeys(doc)) == ({"Marco Rubio"}, {("Cho Tae-yul", "US", "New York")})


def test_talks_after_arriving_in_a_capital_are_held_in_that_capital() -> None:
    doc = article(
        "Chiều 5/6, ngay sau khi tới Thủ đô Phnom Penh, tại Nhà Quốc hội Campuchia, Chủ tịch Quốc hội "
        "Campuchia Khuon Sudary đã hội đàm với Chủ tịch Quốc hội Trần Thanh Mẫn.",
        "2025-06-05",
    )
    assert {(e.location.country, e.location.city) for e in of_type(doc, "meet")} == {("KH", "Phnom Penh")}


def test_a_negotiation_with_a_leader_is_a_meeting() -> None:
    doc = article(
        "Thủ tướng Israel Benjamin Netanyahu tới Moskva, nơi ông đã có cuộc đàm phán với Tổng thống Nga "
        "Vladimir Putin.",
        None,
    )
    assert met(doc, "Benjamin Netanyahu") == {"Vladimir Putin"}


def test_a_city_where_others_live_is_not_where_the_leader_was() -> None:
    doc = article(
        "Nhân chuyến thăm chính thức Australia, ngày 5/3, Chủ tịch Quốc hội Trần Thanh Mẫn đã tham dự Diễn "
        "đàn Nghị viện Châu Á - Thái Bình Dương và gặp các trí thức người Việt sinh sống tại thành phố "
        "Melbourne.",
        "2025-03-05",
        title="Chủ tịch Quốc hội gặp trí thức người Việt ở thành phố Melbourne",
    )
    assert "Melbourne" not in {city for _actor, _country, city in journeys(doc)}


def test_a_summons_is_no_journey() -> None:
    doc = article(
        "Ngày 3/4, Ngoại trưởng Nhật Bản Iwaya Takeshi bị triệu tới Bắc Kinh để giải trình.", "2025-04-03"
    )
    assert journeys(doc) == set()


def test_a_journey_expected_is_planned_in_every_event_it_makes() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi dự kiến sẽ thăm Manila vào cuối năm nay nhân dịp tham dự Hội nghị "
        "Thượng đỉnh Ấn Độ - ASEAN.",
        "2025-03-03",
    )
    assert {e.status for e in doc.events} == {"planned"}


# -- names and their titles ------------------------------------------------------------------------


@pytest.mark.parametrize("formal", ["Cộng hòa Bolivar Venezuela", "Cộng hòa Boliva Venezuela"])
def test_a_formal_name_of_a_country_however_spelt_qualifies_the_title(formal: str) -> None:
    doc = article(
        f"Bộ trưởng Ngoại giao {formal} Yván Gil Pinto đã thăm chính thức Việt Nam từ ngày 7-8/6.",
        "2025-06-09",
    )
    assert journeys(doc) == {("Yván Gil Pinto", "VN", None)}


def test_a_company_after_a_guests_title_is_named_by_the_words_after_it() -> None:
    doc = article(
        "Ngày 3/10, Chủ tịch nước Lương Cường tiếp ngài John Kearney, Chủ tịch Tập đoàn Blue Harbour, tại "
        "Phủ Chủ tịch.",
        "2025-10-03",
    )
    assert (met(doc, "Lương Cường"), "Blue Harbour" in people(doc)) == ({"John Kearney"}, False)


def test_a_title_over_a_place_then_a_name_after_a_comma_is_that_persons() -> None:
    doc = article(
        "Chiều 8/10, Phó Thủ tướng Bùi Thanh Sơn đã có cuộc làm việc với Thị trưởng thành phố Osaka, "
        "Yokoyama Hideyuki.",
        "2025-10-09",
    )
    assert met(doc, "Bùi Thanh Sơn") == {"Yokoyama Hideyuki"}


def test_a_title_over_a_place_then_its_country_is_no_holder() -> None:
    doc = article("Chiều 8/10, đoàn đã làm việc với Thống đốc bang Texas, Hoa Kỳ.", "2025-10-09")
    assert people(doc) == set()


# -- quotations ----------------------------------------------------------------------------------------


def test_a_straight_quote_before_a_comma_closes_a_quotation_and_opens_none() -> None:
    text = (
        '“Chúng tôi sẽ chờ xem", ông nói. Thủ tướng Ấn Độ dự kiến thăm Manila. Ảnh tại Lào, tháng 9. '
        'Giáo sư nhận định "Ấn Độ cần nghiêm túc hơn".'
    )
    starts = [text[start : start + 9] for start, _end in split_sentences(text)]
    assert starts == ["“Chúng tô", "Thủ tướng", "Ảnh tại L", "Giáo sư n"]


# -- rules written on 9195-9197 --------------------------------------------------------------------


def test_an_interim_head_of_state_is_a_leader_with_that_title() -> None:
    doc = article("Tổng thống lâm thời Syria Ahmed al-Sharaa đã có chuyến thăm chính thức tới Nga.", None)
    assert [(e.actor.name, e.actor.roles, e.location.country) for e in of_type(doc, "visit")] == [
        ("Ahmed al-Sharaa", ["Tổng thống lâm thời"], "RU")
    ]


def test_a_journey_of_his_own_after_another_named_man_is_the_subjects() -> None:
    doc = article(
        "Tổng thống Belarus Alexander Lukashenko tặng một bức tranh cho ông Kim Jong-un, trong chuyến thăm "
        "chính thức đầu tiên của ông tới Triều Tiên.",
        None,
    )
    assert journeys(doc) == {("Alexander Lukashenko", "KP", None)}


def test_going_somewhere_for_a_purpose_is_a_journey_even_undated() -> None:
    doc = article(
        "Bộ trưởng Kinh tế Mexico Ildefonso Guajardo hôm nay tới Canada để đàm phán với Bộ trưởng Ngoại "
        "giao Canada Mélanie Joly.",
        None,
    )
    assert [e.firm for e in of_type(doc, "visit")] == [True]


def test_a_visit_put_off_is_no_journey() -> None:
    doc = article(
        "Báo Guardian hồi tháng 6 cho biết chuyến thăm cấp nhà nước của Tổng thống Mỹ Donald Trump tới Anh "
        "đã bị hoãn.",
        None,
    )
    assert journeys(doc) == set()


def test_a_year_still_to_come_does_not_date_an_undated_story() -> None:
    doc = article(
        "Chuyến thăm đầu tiên của tàu sân bay Mỹ đến một cảng của Việt Nam sẽ diễn ra vào năm 2019. "
        "Tổng thống Mỹ Donald Trump thăm cấp Nhà nước Việt Nam ngày 11 và 12-11.",
        None,
    )
    assert {e.start for e in of_type(doc, "visit")} == {None}


def test_a_guests_visit_takes_the_city_of_a_welcome_told_after_his_talks() -> None:
    doc = article(
        "Bộ trưởng Quốc phòng Canada Bill Blair cho biết trong cuộc hội đàm với Đại tướng Phan Văn Giang, "
        "hai bên đã thảo luận về an ninh. Chiều 5/6, tại trụ sở Bộ Quốc phòng ở Hà Nội, Đại tướng Phan Văn "
        "Giang đã chủ trì lễ đón chính thức Bộ trưởng Quốc phòng Canada Bill Blair.",
        "2025-06-06",
    )
    assert journeys(doc) == {("Bill Blair", "VN", "Hà Nội")}


def test_a_visit_known_from_a_meeting_abroad_has_no_last_day() -> None:
    doc = article(
        "Ngày 25/3, Chủ tịch Trung Quốc Tập Cận Bình đã tiếp đón Tổng thống Belarus Alexander Lukashenko "
        "tại Bắc Kinh.",
        "2026-03-26",
    )
    assert [(e.start, e.end) for e in of_type(doc, "visit")] == [("2026-03-25", None)]


# -- rules written on 9198-9200 --------------------------------------------------------------------


def test_a_foreign_head_welcoming_a_vietnamese_leader_with_no_place_does_so_at_home() -> None:
    doc = article(
        "Tổng thống Bulgaria Rumen Radev chủ trì lễ đón Tổng Bí thư Tô Lâm tại quảng trường Thánh Alexander "
        "Nevski.",
        "2025-10-23",
    )
    assert ({(e.actor.name, e.location.country) for e in of_type(doc, "meet")}, journeys(doc)) == (
        {("Tô Lâm", "BG")},
        set(),
    )


def test_a_title_told_before_the_article_names_its_holder_is_that_holder() -> None:
    doc = article(
        "Tổng thống Mỹ sẽ tới Đà Nẵng, Việt Nam vào đầu tháng 11 tới để tham dự Hội nghị cấp cao APEC. Theo "
        "Nhà Trắng, Tổng thống Mỹ Donald Trump sẽ công du châu Á.",
        "2017-10-20",
    )
    assert ("Donald Trump", "VN", "Đà Nẵng") in journeys(doc)


def test_the_anniversary_of_a_first_arrival_is_no_journey() -> None:
    doc = article(
        "Thành phố sẽ có nhiều hoạt động tôn vinh Chủ tịch Hồ Chí Minh nhân 95 năm lần đầu tiên Người đặt "
        "chân đến nước Nga.",
        "2019-05-22",
    )
    assert journeys(doc) == set()


def test_a_guest_a_host_greets_as_come_over_is_on_a_visit_to_the_hosts_country() -> None:
    doc = article(
        "Phát biểu khai mạc, Thủ tướng Phạm Minh Chính nhiệt liệt chào mừng Thủ tướng Lào Sonexay Siphandone "
        "và đoàn đại biểu cấp cao Chính phủ Lào sang dự Kỳ họp thứ 47 Ủy ban liên Chính phủ.",
        "2025-01-09",
    )
    assert journeys(doc) == {("Sonexay Siphandone", "VN", None)}


def test_a_discussion_with_a_guest_at_home_is_a_meeting_and_his_visit() -> None:
    doc = article(
        "Ngày 15/5, Bộ trưởng Kinh tế Nhật Bản Nobuteru Ishihara đã có các cuộc thảo luận với Bộ trưởng "
        "Thương mại New Zealand Todd McClay tại thủ đô Tokyo.",
        "2017-05-16",
    )
    assert (met(doc, "Todd McClay"), journeys(doc)) == (
        {"Nobuteru Ishihara"},
        {("Todd McClay", "JP", "Tokyo")},
    )


def test_a_numbered_asean_partner_summit_meets_in_the_chairs_country() -> None:
    doc = article(
        "Ngày 10/10, Thủ tướng Phạm Minh Chính tham dự Hội nghị Cấp cao ASEAN-Nhật Bản lần thứ 27.",
        "2024-10-10",
    )
    assert {country for _actor, country, _city in journeys(doc)} == {"LA"}


def test_leaders_whose_greetings_a_guest_conveys_are_not_met() -> None:
    doc = article(
        "Ngày 5/6, Chủ tịch Cuba Miguel Díaz-Canel tiếp đoàn Bộ Quốc phòng Việt Nam và nghe lời thăm hỏi "
        "của Tổng Bí thư Tô Lâm, Chủ tịch nước Lương Cường.",
        "2025-06-06",
    )
    assert {e.actor.name for e in doc.events} & {"Tô Lâm", "Lương Cường"} == set()
