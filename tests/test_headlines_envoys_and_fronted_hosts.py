"""What a headline tells that its lead does not, envoys named after their posting, hosts named after
a fronted reception, guests at a seat of the Vietnamese state, unlisted portfolios and cities, US
states, journeys once made (the fifteenth session, issue 9), on sentences written for these tests
(never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.doc import Doc
from sukien.link import link
from sukien.models import Evidence


def meetings(doc: Doc) -> set[tuple[str, str]]:
    return {(e.actor.name, p.name) for e in of_type(doc, "meet") for p in e.counterparts}


def people(doc: Doc) -> set[str]:
    return {m.key for m in doc.mentions if m.label == "PERSON" and m.key}


# -- the headline ---------------------------------------------------------------------------------


def test_a_meeting_placed_only_in_the_headline_is_placed_there() -> None:
    doc = article(
        "Tổng thống Pháp Jean Dupont nói với Thủ tướng Đức Karl Weber rằng hai nước cần hợp tác chặt chẽ.",
        "2025-05-02",
        title="Ông Dupont hội đàm với ông Weber ở Berlin về an ninh châu Âu",
    )
    [meeting] = of_type(doc, "meet")
    assert (meeting.actor.name, meeting.location.city) == ("Jean Dupont", "Berlin")


def test_the_headline_event_cites_the_headline() -> None:
    title = "Ông Dupont hội đàm với ông Weber ở Berlin về an ninh châu Âu"
    doc = article(
        "Tổng thống Pháp Jean Dupont nói với Thủ tướng Đức Karl Weber rằng hai nước cần hợp tác.",
        "2025-05-02",
        title=title,
    )
    [meeting] = of_type(doc, "meet")
    assert meeting.evidence == [Evidence(source="t", text=title, start=0, end=len(title), part="title")]


def test_a_title_in_the_headline_is_the_person_the_lead_names_with_it() -> None:
    doc = article(
        "Tổng thống Peru Ana Lucía Torres đã có cuộc gặp với Thủ tướng Ấn Độ Narendra Modi trong chuyến công "
        "du nước ngoài đầu tiên sau khi nhậm chức.",
        "2026-03-01",
        title="Chuyến công du đầu tiên của Tổng thống Peru là đến Ấn Độ",
    )
    assert ("Ana Lucía Torres", "IN", None) in journeys(doc)


def test_a_headline_meeting_with_another_counterpart_is_another_meeting() -> None:
    doc = article(
        "Tổng thống Pháp Jean Dupont gặp Thủ tướng Đức Karl Weber tại Berlin ngày 2/5.",
        "2025-05-03",
        title="Ông Dupont hội đàm với Thủ tướng Ba Lan Adam Nowak ở Warszawa",
    )
    assert meetings(doc) == {("Jean Dupont", "Karl Weber"), ("Jean Dupont", "Adam Nowak")}


def test_a_headline_that_repeats_the_lead_adds_nothing() -> None:
    lead = "Thủ tướng Phạm Minh Chính đến Tokyo, bắt đầu chuyến thăm chính thức Nhật Bản."
    alone = article(lead, "2025-05-02")
    headed = article(lead, "2025-05-02", title="Thủ tướng Phạm Minh Chính đến Tokyo")
    assert [e.type for e in headed.events] == [e.type for e in alone.events]


def test_evidence_from_the_text_keeps_the_shape_of_the_contract() -> None:
    evidence = Evidence(source="a.txt", text="Câu.", start=0, end=4)
    assert evidence.model_dump() == {"source": "a.txt", "text": "Câu.", "start": 0, "end": 4}


# -- who is named, who receives whom --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Phó Thủ tướng Lê Văn Hòa đã tiếp Đại sứ Canada tại Việt Nam Paul Martin.", "Paul Martin"),
        ("Bộ trưởng Lê Văn Hòa tiếp Trưởng Đại diện UNICEF tại Việt Nam, bà Rana Flowers.", "Rana Flowers"),
        ("Ông gặp Tổng Lãnh sự Nhật Bản tại Thành phố Hồ Chí Minh Ono Masuo.", "Ono Masuo"),
    ],
)
def test_an_envoy_is_named_after_the_place_he_is_posted_to(sentence: str, name: str) -> None:
    assert name in people(article(sentence, "2025-06-10"))


def test_the_head_of_a_body_named_by_its_acronym_is_named_after_a_comma() -> None:
    doc = article("Chủ tịch IOC, Thomas Bach sẽ dự lễ khai mạc tại Paris.", "2024-07-20")
    assert "Thomas Bach" in people(doc)


def test_a_draw_of_lots_is_no_visit() -> None:
    doc = article("Bộ trưởng Thể thao Pháp Marie Dupont sẽ dự lễ bốc thăm tại Bangkok.", "2024-07-20")
    assert not of_type(doc, "visit")


def test_a_meeting_told_by_what_both_sides_said_is_the_last_subjects() -> None:
    doc = article(
        "Chiều 5/3, Thủ tướng Phạm Minh Chính đến Canberra, bắt đầu chuyến thăm chính thức Australia. Tại "
        "buổi hội kiến với Toàn quyền Australia Sam Mostyn, hai bên nhất trí thúc đẩy hợp tác.",
        "2025-03-05",
    )
    assert meetings(doc) == {("Phạm Minh Chính", "Sam Mostyn")}


def test_an_ambassador_received_at_home_is_met_and_makes_no_trip() -> None:
    doc = article(
        "Chiều 10/6, tại Trụ sở Chính phủ, Phó Thủ tướng Lê Văn Hòa đã tiếp Đại sứ Canada tại Việt Nam Paul "
        "Martin.",
        "2025-06-10",
    )
    assert meetings(doc) == {("Lê Văn Hòa", "Paul Martin")}
    assert not of_type(doc, "visit")


def test_a_reception_fronted_by_its_time_is_the_hosts_named_after_the_guest() -> None:
    doc = article(
        "Chiều tối 3/5, tiếp ông John Carter, Phó Chủ tịch Ngân hàng Thế giới đang thăm Việt Nam, Thủ tướng "
        "Phạm Minh Chính đề nghị ngân hàng tiếp tục hỗ trợ.",
        "2025-05-03",
    )
    assert ("Phạm Minh Chính", "John Carter") in meetings(doc)


def test_a_foreign_leader_attending_at_the_governments_seat_is_in_viet_nam() -> None:
    doc = article(
        "Chiều 5/5, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính và Thủ tướng Úc Anthony Albanese đã cùng "
        "dự Diễn đàn Doanh nghiệp Việt Nam - Úc.",
        "2025-05-05",
    )
    assert journeys(doc) == {("Anthony Albanese", "VN", None)}


def test_a_minister_of_an_unlisted_portfolio_is_named_before_a_foreign_name() -> None:
    doc = article("Bộ trưởng Lục quân Daniel Brooks đang có chuyến thăm Iraq.", None)
    assert journeys(doc) == {("Daniel Brooks", "IQ", None)}


def test_a_ministry_named_as_a_body_and_a_general_after_it_are_two_people() -> None:
    doc = article(
        "Tại Moskva, đại tướng Lê Văn Hòa, Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng và đại tướng Ivan Petrov "
        "Smirnov đã đồng chủ trì phiên họp.",
        "2025-05-22",
    )
    assert {"Lê Văn Hòa", "Ivan Petrov Smirnov"} <= people(doc)


def test_two_travellers_joined_past_a_description_in_words_both_travel() -> None:
    doc = article(
        "Tướng Mark Hale, tư lệnh Lục quân Mỹ, và Bộ trưởng Lục quân Daniel Brooks đang có chuyến thăm Iraq.",
        None,
    )
    assert journeys(doc) == {("Mark Hale", "IQ", None), ("Daniel Brooks", "IQ", None)}


# -- where ----------------------------------------------------------------------------------------


def test_a_city_no_list_holds_is_named_by_thanh_pho_and_its_country() -> None:
    doc = article(
        "Ngày 8/4, Bộ trưởng Ngoại giao Bùi Thanh Sơn đến thành phố Lệ Giang, tỉnh Vân Nam, Trung Quốc dự "
        "Hội nghị.",
        "2025-04-08",
    )
    assert ("Bùi Thanh Sơn", "CN", "Lệ Giang") in journeys(doc)


def test_a_us_state_places_a_visit_in_the_united_states() -> None:
    doc = article("Thủ tướng Nhật Bản Ishiba Shigeru đã tới Texas để gặp các nhà đầu tư.", "2025-02-10")
    assert journeys(doc) == {("Ishiba Shigeru", "US", None)}


def test_the_countries_listed_after_a_phrase_that_runs_on_to_its_going() -> None:
    doc = article(
        "Tổng thống Pháp Jean Dupont nói. Ông Dupont sẽ có chuyến công du nước ngoài đầu tiên tới 4 nước, "
        "trong đó có Brazil.",
        "2025-05-02",
    )
    assert ("Jean Dupont", "BR", None) in journeys(doc)


# -- what is news ---------------------------------------------------------------------------------


def test_a_journey_once_made_does_not_join_the_one_the_article_tells() -> None:
    doc = article(
        "Tổng thống Pháp Jean Dupont tham dự hội nghị ở Kenya hôm nay. Ông Dupont cũng từng mang quà tới "
        "hội nghị ở Bắc Kinh hồi năm 2016.",
        None,
    )
    assert {country for _name, country, _city in journeys(doc)} == {"KE"}


def test_a_journey_once_made_is_kept_when_it_is_the_only_one_told() -> None:
    doc = article("Tổng thống Pháp Jean Dupont từng tới Bắc Kinh hồi năm 2016.", None)
    assert {country for _name, country, _city in journeys(doc)} == {"CN"}


def test_a_meeting_told_as_a_time_is_no_meeting() -> None:
    doc = article(
        "Ông Lee có quan hệ tốt với ông Kim Jong Un sau một cuộc gặp suôn sẻ, như lời Tổng thống Mỹ Donald "
        "Trump tiết lộ.",
        None,
    )
    assert not of_type(doc, "meet")


def test_a_special_meeting_is_no_edition_of_its_series() -> None:
    doc = article(
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn đến Côn Minh, Trung Quốc dự Hội nghị đặc biệt Bộ trưởng Ngoại "
        "giao ASEAN – Trung Quốc.",
        "2025-04-08",
    )
    assert all(e.occasion is None or e.occasion.series is None for e in doc.events)


def test_the_cut_off_of_a_statistic_does_not_date_an_undated_story() -> None:
    doc = article(
        "Về đầu tư, tính đến tháng 11/2016, Pháp có 500 dự án tại Việt Nam. Chiều 31/5, Thủ tướng Lê Văn "
        "Hòa hội đàm với Tổng thống Pháp Jean Dupont tại Paris. Hai bên ủng hộ Việt Nam tổ chức thành công "
        "APEC 2017.",
        None,
    )
    assert {e.start for e in of_type(doc, "meet")} == {"2017-05-31"}


def test_official_activities_begun_in_a_country_are_a_visit_there() -> None:
    doc = article(
        "Sáng 20/11 (giờ địa phương), Thủ tướng Phạm Minh Chính và Phu nhân đã bắt đầu các hoạt động chính "
        "thức tại Cộng hòa Chile.",
        "2024-11-20",
    )
    assert ("Phạm Minh Chính", "CL", None) in journeys(doc)


def test_an_envoy_sent_to_a_capital_makes_a_trip() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump nói rằng ông sẽ cử Đặc phái viên Steve Witkoff đến Moscow gặp Tổng thống "
        "Nga Vladimir Putin.",
        "2025-08-01",
    )
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in link(doc.events)] == [
        ("Steve Witkoff", ["RU"])
    ]


def test_a_prefecture_named_as_its_chief_city_is_no_city() -> None:
    doc = article(
        "Chiều 7/12, Chủ tịch Quốc hội Trần Thanh Mẫn rời tỉnh Nagasaki về nước, kết thúc chuyến thăm chính "
        "thức Nhật Bản.",
        "2024-12-07",
    )
    assert journeys(doc) == {("Trần Thanh Mẫn", "JP", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thống Pháp Jean Dupont thăm Chile: khoa học trong chương trình nghị sự.",
        "Vài ngày sau khi Tổng thống Pháp Jean Dupont trở về từ chuyến đi tới Chile, Nhà Trắng bình luận.",
    ],
)
def test_an_undated_visit_to_a_country_told_as_such_makes_a_trip(text: str) -> None:
    trips = link(article(text, None).events)
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in trips] == [("Jean Dupont", ["CL"])]


def test_a_meeting_named_to_compare_with_is_no_meeting() -> None:
    doc = article(
        "Cuộc gặp sẽ là một khoảnh khắc lịch sử, giống như cuộc gặp ở Singapore năm 2018 giữa Tổng thống "
        "Pháp Jean Dupont và ông Kim Jong Un.",
        None,
    )
    assert not of_type(doc, "meet")


def test_a_visits_places_stop_where_its_background_begins() -> None:
    doc = article(
        "Chuyến thăm của Ngoại trưởng Triều Tiên Ri Yong Ho tới Nga diễn ra trong bối cảnh Triều Tiên "
        "chuẩn bị có cuộc gặp thượng đỉnh với Hàn Quốc.",
        None,
    )
    assert journeys(doc) == {("Ri Yong Ho", "RU", None)}


def test_a_leader_joined_by_his_spouse_meets_the_one_named_after_the_verb() -> None:
    doc = article(
        "Sáng 7/3, tại Thủ đô Canberra, Thủ tướng Lê Văn Hòa cùng Phu nhân Trần Thị Mai đã hội kiến Toàn "
        "quyền Australia Sam Mostyn.",
        "2025-03-07",
    )
    assert meetings(doc) == {("Lê Văn Hòa", "Sam Mostyn")}


def test_the_officer_of_a_parliament_named_with_its_country_is_named() -> None:
    doc = article("Ông gặp Phó Chủ tịch Nghị viện Luxembourg Fernand Etgen tại Luxembourg.", "2025-03-21")
    assert "Fernand Etgen" in people(doc)


def test_the_place_a_sentence_opens_after_is_the_leg_before() -> None:
    doc = article(
        "Sau Phần Lan, Tổng Bí thư Tô Lâm sẽ thăm chính thức Bulgaria trong 3 ngày, bắt đầu từ ngày 22-10.",
        "2025-10-21",
    )
    assert {c for _name, c, _city in journeys(doc)} == {"FI", "BG"}


def test_the_place_a_subject_was_about_to_leave_is_where_he_was() -> None:
    doc = article("Trước khi rời Bắc Kinh, Trung Quốc, Chủ tịch nước Lê Văn Hòa đã gửi điện cảm ơn.", None)
    assert journeys(doc) == {("Lê Văn Hòa", "CN", "Bắc Kinh")}


def test_the_government_of_a_president_is_no_acting_title() -> None:
    doc = article("Ông gặp đại diện của chính quyền Tổng thống Mỹ Donald Trump tại Tokyo.", "2025-03-02")
    assert [m.get("roles") for m in doc.mentions if m.key == "Donald Trump"] == [("Tổng thống",)]


def test_the_president_whose_administration_an_office_belongs_to_is_no_subject() -> None:
    doc = article(
        "Hôm qua James Mattis, Bộ trưởng Quốc phòng Mỹ của chính quyền Tổng thống Donald Trump, thăm "
        "Nhật Bản, Trung Quốc phản đối.",
        None,
    )
    assert {name for name, _country, _city in journeys(doc)} == {"James Mattis"}


def test_two_hosts_who_welcome_a_guest_together_both_meet_him() -> None:
    doc = article(
        "Tổng thống Ấn Độ Droupadi Murmu và Thủ tướng Ấn Độ Narendra Modi cùng chủ trì lễ đón Tổng Bí thư, "
        "Chủ tịch nước Tô Lâm thăm cấp nhà nước tới Ấn Độ.",
        "2026-05-06",
    )
    assert meetings(doc) == {("Tô Lâm", "Droupadi Murmu"), ("Tô Lâm", "Narendra Modi")}


def test_a_headline_of_several_stories_is_not_read_for_events() -> None:
    doc = article(
        "Tổng thống Ukraine Volodymyr Zelensky nói về hòa bình.",
        "2025-08-19",
        title="Điểm tin 6h: Đại gia chi 68 triệu USD mua đất tại TP HCM | Ông Zelensky gặp ông Trump",
    )
    assert not of_type(doc, "meet")


def test_a_headline_event_is_placed_only_where_the_headline_says() -> None:
    doc = article(
        "Tổng Bí thư Tô Lâm và Tổng thống Ireland Michael Higgins đã trao đổi về hợp tác.",
        "2024-10-02",
        title="Tổng Bí thư Tô Lâm hội đàm với Tổng thống Ireland Michael Higgins",
    )
    assert not of_type(doc, "visit")


def test_a_headlines_visit_stops_where_its_background_begins() -> None:
    doc = article(
        "Tổng thống Nga Vladimir Putin nói về quan hệ hai nước.",
        "2025-12-04",
        title="Ông Putin thăm Ấn Độ giữa lúc quan hệ Nga - Ấn - Mỹ phức tạp",
    )
    assert journeys(doc) == {("Vladimir Putin", "IN", None)}
