"""Ministers of ministries no list holds, meetings between two leaders told by rank and country,
the owner of a meeting noun, palaces Viet Nam has none of, guests received at home who came for a
meeting, quoted meeting names, topics and relative times (the eleventh session, issue 9), on
sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type, visits
from sukien.doc import Doc
from sukien.link import link


def people(doc: Doc) -> dict[str, tuple[tuple[str, ...], str | None]]:
    return {
        m.key: (tuple(m.get("roles") or ()), m.get("country"))
        for m in doc.mentions
        if m.label == "PERSON" and m.key
    }


def meetings(doc: Doc) -> list[tuple[str, tuple[str, ...], str | None]]:
    return [
        (e.actor.name, tuple(p.name for p in e.counterparts), e.location.country)
        for e in of_type(doc, "meet")
    ]


# -- a minister of a ministry no list holds ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        (
            "Ngày 3/5, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Bộ trưởng Chuyển đổi số và Đổi mới sáng tạo "
            "Estonia Tiit Riisalo tại Hà Nội.",
            "Tiit Riisalo",
            "Bộ trưởng Chuyển đổi số và Đổi mới sáng tạo",
            "EE",
        ),
        (
            "Ngày 3/5, Phó Thủ tướng Lê Thành Long tiếp Bộ trưởng Bộ Năng lượng, Khoáng sản và Tài nguyên "
            "Indonesia Rahmat Hidayat tại Hà Nội.",
            "Rahmat Hidayat",
            "Bộ trưởng",  # the ministry named as a body qualifies the title, as "Bộ Ngoại giao" does
            "ID",
        ),
    ],
)
def test_a_minister_of_an_unlisted_ministry_is_named_with_his_country(
    text: str, name: str, role: str, country: str
) -> None:
    assert people(article(text, "2025-05-04"))[name] == ((role,), country)


def test_a_long_lower_case_run_after_a_minister_is_no_portfolio() -> None:
    doc = article(
        "Bộ trưởng cho biết các bộ ngành sẽ phối hợp chặt chẽ với nhau trong thời gian tới ở Việt Nam An "
        "Bình hơn.",
        "2025-05-04",
    )
    assert not [m for m in doc.mentions if m.label == "PERSON"]


def test_a_minister_of_an_unlisted_ministry_received_at_home_is_on_a_visit() -> None:
    doc = article(
        "Ngày 3/5, tại Trụ sở Chính phủ, Phó Thủ tướng Lê Thành Long tiếp Bộ trưởng Chuyển đổi số và Đổi mới "
        "sáng tạo Estonia Tiit Riisalo.",
        "2025-05-04",
    )
    assert visits(doc) == {("Tiit Riisalo", "VN")}


@pytest.mark.parametrize("particle", ["bint", "ibn"])
def test_arabic_name_particles_stay_inside_the_name(particle: str) -> None:
    doc = article(
        f"Ngày 3/5, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Oman Sara {particle} Khalid Al "
        "Busaidi tại Hà Nội.",
        "2025-05-04",
    )
    assert f"Sara {particle} Khalid Al Busaidi" in people(doc)


# -- a guest received at home, who came for a meeting ------------------------------------------------


def test_a_guest_received_at_a_government_building_attends_the_meeting_he_came_for() -> None:
    doc = article(
        "Ngày 9/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Ngoại giao Chile "
        "Alberto van Klaveren nhân dịp tham dự Diễn đàn Tương lai ASEAN lần thứ 2.",
        "2025-03-09",
    )
    assert {e.actor.name for e in of_type(doc, "attend")} == {"Alberto van Klaveren"}
    assert ("Alberto van Klaveren", "VN") in visits(doc)


def test_a_leader_abroad_meeting_someone_on_the_occasion_of_a_summit_keeps_the_summit() -> None:
    doc = article(
        "Ngày 18/11, Thủ tướng Phạm Minh Chính đã gặp Thủ tướng Ấn Độ Narendra Modi nhân dịp tham dự Hội "
        "nghị Cấp cao G20 tại Rio de Janeiro, Brazil.",
        "2024-11-19",
    )
    assert meetings(doc) == [("Phạm Minh Chính", ("Narendra Modi",), "BR")]
    assert "Narendra Modi" not in {e.actor.name for e in doc.events}


# -- a palace Viet Nam has none of ----------------------------------------------------------------------


def test_talks_after_a_welcome_at_a_presidential_palace_are_the_vietnamese_leaders_visit() -> None:
    doc = article(
        "Sáng 12/6, sau lễ đón chính thức tại Phủ Tổng thống, Chủ tịch nước Lương Cường và Tổng thống "
        "Chile Gabriel Boric đã hội đàm.",
        "2025-06-12",
    )
    assert visits(doc) == {("Lương Cường", "CL")}


def test_talks_at_the_presidential_palace_of_hanoi_stay_at_home() -> None:
    doc = article(
        "Sáng 12/6, sau lễ đón chính thức tại Phủ Chủ tịch, Chủ tịch nước Lương Cường và Tổng thống "
        "Chile Gabriel Boric đã hội đàm.",
        "2025-06-12",
    )
    assert visits(doc) == {("Gabriel Boric", "VN")}


# -- a meeting between two leaders told by rank and country ------------------------------------------


def test_a_meeting_between_two_heads_named_by_country_is_theirs_not_the_speakers() -> None:
    doc = article(
        "Sau cuộc gặp giữa hai nguyên thủ Pháp-Đức tại Aachen, Ngoại trưởng Pháp Jean-Yves Le Drian cho "
        "biết Tổng thống Emmanuel Macron và Thủ tướng Angela Merkel đã nhất trí về ngân sách chung.",
        "2019-01-23",
    )
    assert meetings(doc) == [("Emmanuel Macron", ("Angela Merkel",), "DE")]


def test_a_meeting_between_two_unnamed_leaders_is_no_ones() -> None:
    doc = article(
        "Phát biểu sau cuộc gặp giữa hai nhà lãnh đạo bên lề hội nghị tại Osaka, Ngoại trưởng Mỹ Mike "
        "Pompeo cho biết hai bên đã trao đổi thẳng thắn.",
        "2019-06-29",
    )
    assert meetings(doc) == []


def test_the_owner_of_a_meeting_noun_with_its_other_side_is_its_actor() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Mike Pompeo cho biết bà Melania Trump đã được yêu cầu vào phòng để kết thúc "
        "cuộc hội đàm kéo dài của Tổng thống Donald Trump với Chủ tịch Tập Cận Bình.",
        "2019-06-29",
    )
    assert [(actor, others) for actor, others, _ in meetings(doc)] == [("Donald Trump", ("Tập Cận Bình",))]


# -- places that are not destinations ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thủ tướng Đức Olaf Scholz kết thúc chuyến thăm hai ngày tới Trung Quốc mà không có đột phá nào "
        "về vấn đề Ukraine.",
        "Thủ tướng Đức Olaf Scholz kết thúc chuyến thăm hai ngày tới Trung Quốc, nơi hai bên bàn về xung "
        "đột ở Ukraine.",
    ],
)
def test_a_country_named_as_a_topic_is_no_destination(text: str) -> None:
    assert visits(article(text, "2024-04-17")) == {("Olaf Scholz", "CN")}


@pytest.mark.parametrize("when", ["sắp tới", "thời gian tới", "tuần tới", "tháng tới"])
def test_a_time_to_come_is_no_journey_to_what_follows(when: str) -> None:
    doc = article(
        f"Theo báo Yonhap, chủ đề quan trọng nhất trong cuộc hội đàm {when} của Tổng thống Mỹ Joe Biden "
        "với Hàn Quốc sẽ là thương mại.",
        "2023-04-20",
    )
    assert ("Joe Biden", "KR") not in visits(doc)


# -- quoted meeting names and relative times --------------------------------------------------------------


def test_a_quoted_meeting_name_with_its_edition_is_one_recurring_meeting() -> None:
    doc = article(
        'Phó Thủ tướng Trần Hồng Hà tham dự Diễn đàn "Kinh tế xanh, Đô thị thông minh" lần thứ 3 tại '
        "Seoul, Hàn Quốc ngày 5/6.",
        "2025-06-06",
    )
    [meeting] = [m for m in doc.mentions if m.label == "MEETING"]
    assert meeting.text == 'Diễn đàn "Kinh tế xanh, Đô thị thông minh" lần thứ 3'
    assert meeting.key is not None and meeting.get("number") == 3


REPORTED_LAST_WEEK = (
    "Tờ Kyodo ngày 5/9 dẫn lời ông Ishiba nhắc lại chuyến thăm Trung Quốc cuối tuần trước của Thủ tướng "
    "Nhật Bản Shigeru Ishiba."
)


def test_a_visit_told_last_week_takes_last_weeks_days_not_the_reports() -> None:
    [visit] = of_type(article(REPORTED_LAST_WEEK, "2025-09-05"), "visit")
    assert visit.location.country == "CN" and visit.start is not None
    assert "2025-08-25" <= visit.start <= "2025-08-31"


def test_a_visit_told_last_week_in_an_undated_article_has_no_date() -> None:
    [visit] = of_type(article(REPORTED_LAST_WEEK, None), "visit")
    assert (visit.location.country, visit.start, visit.day_month) == ("CN", None, None)


def test_a_goal_year_in_a_meetings_name_is_not_its_edition() -> None:
    doc = article(
        "Bộ trưởng Ngoại giao Bùi Thanh Sơn dự Diễn đàn Hợp tác vì Chương trình nghị sự 2030 lần thứ 2 "
        "tại Seoul, Hàn Quốc ngày 5/6.",
        "2025-06-06",
    )
    [meeting] = [m for m in doc.mentions if m.label == "MEETING"]
    assert (meeting.get("number"), meeting.get("year")) == (2, None)


def test_a_hyphenated_summit_acronym_is_the_series() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron phát biểu bên lề hội nghị thượng đỉnh G-20 ở Osaka.", "2019-06-29"
    )
    assert {(m.key, m.text) for m in doc.mentions if m.label == "MEETING"} == {("G20", "G-20")}


# -- a meeting placed in the city where a meeting the article names was held ----------------------------

HAMBURG_STORY = (
    "Tổng thống Mỹ Donald Trump đã gặp Tổng thống Nga Vladimir Putin tại Hamburg, Đức. Trong cuộc họp "
    "báo sau khi hội nghị thượng đỉnh G20 bế mạc, ông Putin nói hai bên đã thảo luận về Syria."
)


def test_a_meeting_in_the_city_of_a_named_summits_edition_is_at_that_edition() -> None:
    [meeting] = of_type(article(HAMBURG_STORY, None), "meet")
    assert meeting.occasion is not None
    assert (meeting.occasion.series, meeting.occasion.year) == ("G20", 2017)


def test_a_city_where_the_summit_was_held_long_before_the_story_tells_no_edition() -> None:
    [meeting] = of_type(article(HAMBURG_STORY, "2025-03-01"), "meet")
    assert meeting.occasion is None


def test_a_meeting_told_again_beside_a_background_date_does_not_take_it() -> None:
    doc = article(
        "Chiều 2-3, Chủ tịch nước Trần Đại Quang đón Tổng thống Chile Michelle Bachelet tại Phủ Chủ tịch. "
        "Chủ tịch nước Trần Đại Quang đón Tổng thống Chile Michelle Bachelet, nước thiết lập quan hệ ngoại "
        "giao với Việt Nam rất sớm, vào ngày 25-3-1971.",
        None,
    )
    assert {e.start for e in of_type(doc, "meet")} == {None}


def test_an_anniversary_of_a_founding_keeps_the_days_it_is_celebrated_on() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường sẽ thăm Lào và dự Lễ kỷ niệm 50 năm thành lập nước Cộng hòa Dân chủ "
        "Nhân dân Lào từ ngày 1-2/12.",
        "2025-11-28",
    )
    assert {e.start for e in of_type(doc, "visit")} == {"2025-12-01"}


# -- lists, owners and the second of a pair (written on 9174-9176) --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ngoại trưởng Pháp Jean-Noël Barrot hôm nay bắt đầu thăm một số nước vùng Vịnh gồm Oman, UAE và "
        "Qatar.",
        "Ngoại trưởng Pháp Jean-Noël Barrot hôm nay bắt đầu thăm ba nước là Oman, UAE và Qatar.",
    ],
)
def test_countries_listed_after_a_group_are_the_destinations(text: str) -> None:
    doc = article(text, "2025-02-10")
    assert visits(doc) == {("Jean-Noël Barrot", "OM"), ("Jean-Noël Barrot", "AE"), ("Jean-Noël Barrot", "QA")}


@pytest.mark.parametrize("joined", ["al - Sabah", "al-Sabah"])
def test_an_arabic_article_joined_to_the_last_name_stays_in_it(joined: str) -> None:
    doc = article(f"Ngoại trưởng Kuwait Abdullah Ali {joined} hôm nay thăm Qatar.", "2025-02-10")
    assert visits(doc) == {("Abdullah Ali al-Sabah", "QA")}


def test_a_visit_owned_by_someone_named_only_by_a_lower_case_title_is_not_the_subjects() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường đánh giá cao chuyến thăm Nhật Bản của cựu ngoại trưởng.",
        "2025-02-10",
    )
    assert visits(doc) == set()


def test_the_second_country_of_a_dashed_pair_is_no_destination() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính đánh giá cao chuyến thăm trong việc thúc đẩy quan hệ Việt Nam - Hoa Kỳ.",
        "2025-02-10",
    )
    assert visits(doc) == set()


def test_a_country_after_a_topic_in_several_words_is_no_destination() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Marco Rubio tới Bắc Kinh, chặng cuối chuyến công du châu Á nhằm giải quyết vấn đề "
        "hạt nhân Triều Tiên.",
        "2025-07-11",
    )
    assert visits(doc) == {("Marco Rubio", "CN")}


# -- meetings held once, and a city after an acronym ----------------------------------------------------


def test_a_summit_held_for_an_anniversary_is_no_edition_of_the_series_it_names() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính lên đường dự Hội nghị Cấp cao Đặc biệt kỷ niệm 50 năm quan hệ ASEAN – "
        "Nhật Bản tại Tokyo từ ngày 16-18/12.",
        "2023-12-15",
    )
    [meeting] = [m for m in doc.mentions if m.label == "MEETING"]
    assert meeting.key is None


def test_a_city_after_an_organisations_acronym_in_a_meetings_name_is_its_place() -> None:
    doc = article(
        "Sáng 14/11, trong khuôn khổ dự Tuần lễ Cấp cao APEC Lima lần thứ 31 và các hoạt động song phương "
        "tại Peru, Chủ tịch nước Lương Cường đã gặp Tổng thống Peru Dina Boluarte.",
        "2024-11-15",
    )
    [meeting] = [m for m in doc.mentions if m.label == "MEETING"]
    assert meeting.text.endswith("lần thứ 31")
    assert {(e.location.country, e.location.city) for e in of_type(doc, "attend")} == {("PE", "Lima")}


def test_a_visit_begun_is_a_trip_on_its_own() -> None:
    doc = article("Ông Barrot hôm nay bắt đầu thăm Oman. Ngoại trưởng Pháp Jean-Noël Barrot cho biết.", None)
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in link(doc.events)] == [
        ("Jean-Noël Barrot", ["OM"])
    ]


def test_a_regional_meeting_of_a_series_is_not_placed_where_the_series_meets() -> None:
    doc = article(
        "Chiều 10/5, Thủ tướng Nguyễn Xuân Phúc đã tới sân bay Wattay, bắt đầu tham dự Diễn đàn Kinh tế "
        "thế giới về ASEAN.",
        "2017-05-11",
    )
    assert {e.location.country for e in of_type(doc, "attend")} == {None}


def test_a_meeting_begun_on_arrival_is_held_where_the_leader_arrived() -> None:
    doc = article(
        "Tối 20/6, Thủ tướng Phạm Minh Chính đến Thiên Tân, Trung Quốc, bắt đầu chuyến công tác tham dự Diễn "
        "đàn Kinh tế thế giới.",
        "2017-06-21",
    )
    assert {e.location.country for e in of_type(doc, "attend")} == {"CN"}


# -- pronouns and attendances joined to a visit (written on 9177-9179) ----------------------------------


def test_a_sentence_opened_by_a_pronoun_continues_the_subject_before() -> None:
    doc = article(
        "Thủ tướng Canada Mark Carney hôm nay sẽ gặp thị trưởng Ottawa Mark Sutcliffe. Ông dự kiến có chuyến "
        "công du nước ngoài đầu tiên, tới Anh, vào ngày mai.",
        "2025-03-15",
    )
    assert ("Mark Carney", "GB") in visits(doc)


def test_a_pronoun_after_two_subjects_is_no_ones() -> None:
    doc = article(
        "Thủ tướng Canada Mark Carney và Tổng thống Pháp Emmanuel Macron hôm nay hội đàm tại Paris. Ông dự "
        "kiến có chuyến công du tới Anh vào ngày mai.",
        "2025-03-17",
    )
    assert not {name for name, country in visits(doc) if country == "GB"}


def test_an_attendance_joined_to_a_guests_visit_is_the_guests() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính chủ trì lễ đón Thủ tướng Lào Sonexay Siphandone thăm chính thức Việt Nam "
        "và tham dự Diễn đàn Tương lai ASEAN.",
        "2025-02-25",
    )
    assert {e.actor.name for e in of_type(doc, "attend")} == {"Sonexay Siphandone"}


def test_a_destination_set_apart_after_a_visit_phrase_is_firm() -> None:
    doc = article(
        "Thủ tướng Canada Mark Carney dự kiến có chuyến công du nước ngoài đầu tiên, tới Anh, vào tuần tới.",
        None,
    )
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in link(doc.events)] == [
        ("Mark Carney", ["GB"])
    ]


# -- written on 9180-9182 (after their first sight) ----------------------------------------------------


def test_a_long_meeting_name_takes_the_acronym_after_the_whole_of_it() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính đã dự Hội nghị các Nhà Lãnh đạo các nền kinh tế thành viên Diễn đàn hợp "
        "tác kinh tế châu Á-Thái Bình Dương (APEC) lần thứ 32 tại Gyeongju.",
        "2025-11-01",
    )
    assert {(m.key, m.get("number")) for m in doc.mentions if m.label == "MEETING"} == {("APEC", 32)}


def test_the_subjects_plane_landing_is_a_trip_on_its_own() -> None:
    doc = article(
        "Chuyên cơ chở Thủ tướng Phạm Minh Chính hạ cánh xuống thủ đô Doha, bắt đầu chuyến thăm chính thức.",
        None,
    )
    assert [(t.actor.name, [leg.country for leg in t.legs]) for t in link(doc.events)] == [
        ("Phạm Minh Chính", ["QA"])
    ]


def test_a_cargo_plane_landing_before_a_visit_is_not_the_visitors_arrival() -> None:
    doc = article(
        "Những chuyến bay C-17 đầu tiên đã hạ cánh xuống sân bay Nội Bài, mang theo thiết bị chuẩn bị cho "
        "chuyến thăm của Tổng thống Mỹ Joe Biden.",
        None,
    )
    assert not [e for e in of_type(doc, "visit") if e.firm]


def test_a_ministers_meeting_of_a_series_keeps_its_own_numbering() -> None:
    doc = article(
        "Ngày 31/10, Bộ trưởng Ngoại giao Lê Hoài Trung dự Hội nghị liên Bộ trưởng Ngoại giao - Kinh tế Diễn "
        "đàn Hợp tác kinh tế châu Á - Thái Bình Dương (APEC) lần thứ 36 tại Gyeongju, Hàn Quốc.",
        "2025-10-31",
    )
    assert {(e.occasion.series, e.occasion.year) for e in of_type(doc, "attend") if e.occasion} == {
        ("APEC", 2025)
    }
