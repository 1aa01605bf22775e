"""A meeting named as the time of two subjects' own act, an invitation or a message passed on, a
leader met on a journey that names no country, and last year's meeting that dates an undated story:
the twenty-fifth session's rules for issue 9, on sentences written for these tests (never copied
from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, met_pairs, of_type, visits
from sukien.link import link


def test_two_subjects_after_their_own_meeting_met_there() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi đã cùng nhau dạo phố sau cuộc "
        "hội đàm tại thành phố Marseille (Pháp) hôm 12.2.",
        "2026-02-13",
    )
    assert ("Narendra Modi", "Emmanuel Macron") in met_pairs(doc)


def test_the_guest_of_two_subjects_own_meeting_visits_its_country() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi đã cùng nhau dạo phố sau cuộc "
        "hội đàm tại thành phố Marseille (Pháp) hôm 12.2.",
        "2026-02-13",
    )
    assert visits(doc) == {("Narendra Modi", "FR")}


def test_a_meeting_named_as_a_time_is_still_not_the_subjects_alone() -> None:
    doc = article(
        "Ông Putin không lâu sau cuộc gặp thông báo rằng Tổng thống Mỹ Donald Trump sẽ tới Moskva.",
        "2026-02-13",
    )
    assert met_pairs(doc) == set()


def test_an_invitation_passed_on_is_no_visit_of_its_bearer_or_its_owner() -> None:
    doc = article(
        "Thủ tướng Anh Keir Starmer sẽ chuyển lời mời thăm London của Nhà vua Charles III tới Tổng thống Mỹ "
        "Joe Biden khi đến Washington vào ngày 5 và 6/4.",
        "2026-03-30",
    )
    assert visits(doc) == {("Keir Starmer", "US")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Theo lời mời của Tổng thống Pháp Emmanuel Macron, Thủ tướng Ấn Độ Narendra Modi sẽ thăm Pháp.",
        "Đáp lời mời của Tổng thống Pháp Emmanuel Macron, Thủ tướng Ấn Độ Narendra Modi sẽ thăm Pháp.",
    ],
)
def test_a_visit_made_at_an_invitation_is_a_visit(sentence: str) -> None:
    assert ("Narendra Modi", "FR") in visits(article(sentence, "2026-03-30"))


def test_words_passed_on_do_not_travel_with_their_owner() -> None:
    doc = article(
        "Ngoại trưởng Nga Sergei Lavrov đã chuyển thông điệp của Tổng thống Vladimir Putin về hợp tác năng "
        "lượng tới Thủ tướng Ấn Độ Narendra Modi khi đến New Delhi hôm 4/8.",
        "2026-08-05",
    )
    assert visits(doc) == {("Sergei Lavrov", "IN")}


def test_a_head_of_state_met_on_a_regional_tour_receives_at_home() -> None:
    doc = article(
        "Ngày 3-5, Ngoại trưởng Anh David Lammy đã có cuộc gặp Quốc vương Jordan Abdullah II trong chuyến "
        "công du Trung Đông.",
        "2026-05-04",
    )
    assert visits(doc) == {("David Lammy", "JO")}


@pytest.mark.parametrize(
    "sentence",
    [
        # the journey names its country: the meeting is placed there, not in the host's
        "Ngày 3-5, Ngoại trưởng Anh David Lammy đã hội đàm với Quốc vương Jordan Abdullah II trong "
        "chuyến thăm Nhật Bản.",
        # a minister, not a head of state or government, may be met anywhere on the tour
        "Ngày 3-5, Ngoại trưởng Anh David Lammy đã có cuộc gặp Ngoại trưởng Jordan Ayman Safadi trong chuyến "
        "công du Trung Đông.",
    ],
)
def test_a_tour_that_names_its_country_or_a_minister_met_sends_no_one_to_the_host(sentence: str) -> None:
    assert ("David Lammy", "JO") not in visits(article(sentence, "2026-05-04"))


def test_last_years_summit_in_its_city_dates_an_undated_story_a_year_on() -> None:
    doc = article(
        "Năm ngoái, tại Hội nghị cấp cao APEC ở Đà Nẵng, hai Thủ tướng đã nhất trí nâng cấp quan hệ. Thủ "
        "tướng Nguyễn Xuân Phúc sẽ thăm chính thức Úc từ ngày 14-3.",
        None,
    )
    assert [e.start for e in of_type(doc, "visit")] == ["2018-03-14"]


def test_a_summit_in_its_city_not_said_to_be_last_years_dates_its_own_year() -> None:
    doc = article(
        "Tại Hội nghị cấp cao APEC ở Đà Nẵng, hai Thủ tướng đã nhất trí nâng cấp quan hệ. Thủ tướng Nguyễn "
        "Xuân Phúc sẽ thăm chính thức Úc từ ngày 14-3.",
        None,
    )
    assert [e.start for e in of_type(doc, "visit")] != ["2018-03-14"]


def test_a_person_quoted_of_is_not_the_speaker_after_the_quotation() -> None:
    doc = article(
        '" Theo tôi sẽ rất khó để ông Maduro từ bỏ quyền lực ", cựu đại sứ Mỹ John Bolton nói với các phóng '
        "viên ở Tokyo.",
        "2026-01-05",
    )
    assert [e.actor.name for e in doc.events] == []


def test_an_open_leg_and_the_next_country_days_later_are_one_journey() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính đã bắt đầu chuyến thăm chính thức New Zealand từ hôm 11-3. Thủ tướng sẽ "
        "thăm chính thức Australia từ ngày 14-3.",
        "2026-03-12",
    )
    assert [sorted(leg.country for leg in trip.legs) for trip in link(doc.events)] == [["AU", "NZ"]]


def test_legs_a_week_apart_are_two_journeys_even_in_one_article() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính đã bắt đầu chuyến thăm chính thức New Zealand từ hôm 2-3. Thủ tướng sẽ "
        "thăm chính thức Australia từ ngày 14-3.",
        "2026-03-03",
    )
    assert len(link(doc.events)) == 2


def test_an_edition_the_article_names_by_year_outweighs_a_city_that_held_another() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump cho biết ông đang rời Trung Quốc để đến Việt Nam dự tuần lễ cấp cao "
        "APEC và thăm Hà Nội. APEC 2017 là dịp để các nhà lãnh đạo thảo luận về thương mại.",
        None,
    )
    assert {(e.occasion.series, e.occasion.year) for e in of_type(doc, "attend") if e.occasion} == {
        ("APEC", 2017)
    }


@pytest.mark.parametrize("week", ["vào tuần sau", "trong tuần tới", "tuần này"])
def test_a_week_alone_gives_a_visit_no_day(week: str) -> None:
    doc = article(f"Chủ tịch Quốc hội Trần Thanh Mẫn sẽ thăm chính thức Malaysia {week}.", "2026-09-11")
    assert [(e.location.country, e.start) for e in of_type(doc, "visit")] == [("MY", None)]


def test_a_day_beside_the_week_still_dates_the_visit() -> None:
    doc = article(
        "Tuần tới, Chủ tịch Quốc hội Trần Thanh Mẫn sẽ thăm chính thức Malaysia từ ngày 15 đến 17/9.",
        "2026-09-11",
    )
    assert [(e.start, e.end) for e in of_type(doc, "visit")] == [("2026-09-15", "2026-09-17")]


def test_last_years_meeting_abroad_is_not_a_leg_of_the_journey_the_story_tells() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường sẽ thăm cấp Nhà nước Nhật Bản từ ngày 11/5 đến 15/5. Chủ tịch nước trong "
        "cuộc gặp Thủ tướng Nhật Bản Ishiba Shigeru tháng 11 năm ngoái tại Peru đã nhất trí hợp tác.",
        None,
    )
    assert sorted(sorted(leg.country for leg in trip.legs) for trip in link(doc.events)) == [["JP"], ["PE"]]


def test_a_visit_told_back_then_is_background() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường bắt đầu chuyến thăm Nhật Bản từ ngày 29/5. Chủ tịch nước Lương Cường và "
        "phu nhân thăm Trung Quốc hồi năm 2024.",
        None,
    )
    assert visits(doc) == {("Lương Cường", "JP")}


@pytest.mark.parametrize(
    ("sentence", "name", "org"),
    [
        ("Tổng giám đốc IMF Kristalina Georgieva đã tới Hà Nội.", "Kristalina Georgieva", "IMF"),
        ("Thủ tướng đã tiếp Chủ tịch FIFA Gianni Infantino tại Hà Nội.", "Gianni Infantino", "FIFA"),
    ],
)
def test_a_bodys_bare_acronym_stands_between_the_title_and_the_name(
    sentence: str, name: str, org: str
) -> None:
    doc = article(sentence, "2026-01-05")
    assert (name, org) in {(m.key, m.get("org")) for m in doc.mentions if m.label == "PERSON"}


def test_a_journey_told_in_a_week_of_its_own_is_a_trip_without_a_day() -> None:
    doc = article(
        "Trong tuần này Thủ tướng Anh Keir Starmer đã sải bước trong Đại lễ đường Nhân dân tại Bắc Kinh.",
        "2026-01-30",
    )
    assert [(t.actor.name, t.start, [leg.country for leg in t.legs]) for t in link(doc.events)] == [
        ("Keir Starmer", None, ["CN"])
    ]


def test_a_journey_no_one_has_word_of_yet_is_no_plan() -> None:
    doc = article(
        "Tổng thống Hàn Quốc Moon Jae-in đã gọi điện cho Tổng thống Mỹ. Người phát ngôn cho biết chưa có "
        "thông tin nào về việc Moon sẽ đến Singapore.",
        "2026-06-05",
    )
    assert visits(doc) == set()


def test_a_journey_only_likely_is_no_plan() -> None:
    doc = article(
        "Giới quan sát cho rằng Thủ tướng Anh Keir Starmer nhiều khả năng sẽ tới Bắc Kinh.", "2026-01-05"
    )
    assert visits(doc) == set()


def test_a_country_whose_airspace_is_crossed_is_no_destination() -> None:
    doc = article(
        "Chủ tịch Triều Tiên Kim Jong-un đã bay tới Singapore qua không phận của Trung Quốc ngày 10/6.",
        "2026-06-11",
    )
    assert visits(doc) == {("Kim Jong-un", "SG")}


def test_last_years_summit_opening_a_sentence_is_not_a_leg_of_the_story() -> None:
    doc = article(
        "Tổng thống Mỹ Donald Trump sẽ tới Paris vào tháng 11 để dự lễ kỷ niệm. Năm ngoái, Tổng thống Mỹ "
        "đã dự Hội nghị thượng đỉnh ASEAN tại Philippines.",
        "2018-09-01",
    )
    assert sorted(sorted(leg.country for leg in trip.legs) for trip in link(doc.events)) == [["FR"], ["PH"]]
